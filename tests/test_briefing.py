"""Briefing exports: CSV and Excel that read back, slide-sized PNGs, a deck with a slide per category."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation

from briefing import images
from briefing.cli import main
from briefing.pack import Selection, build, tables_only, zip_bytes
from briefing.tables import NOT_REPORTED, read_wide, wide
from briefing.workbook import SHEETS
from dashboard import data, tables


@pytest.fixture(scope="module")
def frames() -> data.Frames:
    return data.load()


def test_wide_csv_has_bom_and_reads_back(frames) -> None:
    sel = Selection(["time_limit_compression", "review_score"], frames.jurisdictions, "en")
    files = tables_only(frames, sel)
    raw = files["comparison.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, sel.indicators,
                             sel.jurisdictions, "en")
    expected = wide(comp).astype({"report_year": str})
    back = read_wide(raw)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    gz = back[back["jurisdiction"] == "guangzhou"].iloc[0]
    assert gz["time_limit_compression.qualifier"] == "more_than"
    assert gz["review_score.qualifier"] == NOT_REPORTED and pd.isna(gz["review_score.value"])


def test_workbook_has_its_sheets(frames) -> None:
    files = tables_only(frames, Selection(tables.indicator_order(frames.config), frames.jurisdictions))
    wb = load_workbook(io.BytesIO(files["comparison.xlsx"]))
    assert tuple(wb.sheetnames) == SHEETS
    header = [c.value for c in wb["figures"][1]]
    assert {"evidence", "source", "start", "end"} <= set(header)
    assert wb["definitions"].max_row == len(frames.config.indicators) + 1


needs_chromium = pytest.mark.skipif(not images.available(), reason="IMAGE TESTS SKIPPED: no chromium")


@needs_chromium
@pytest.mark.parametrize(("aspect", "size"), [("16:9", (1920, 1080)), ("4:3", (1600, 1200))])
def test_slide_png_is_slide_sized_and_not_blank(frames, aspect: str, size: tuple[int, int]) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["materials_reduction"],
                             frames.jurisdictions, "zh")
    from dashboard import charts

    fig = charts.comparison_figure(comp, frames.reports, frames.config, "zh", data.colors(frames.jurisdictions))
    img = Image.open(io.BytesIO(images.render(fig, "png", aspect)))
    assert img.size == size
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 50  # text, bars, grid: not a blank page
    svg = images.render(fig, "svg", aspect)
    assert svg.lstrip().startswith(b"<svg") and "申请材料压减比例".encode() in svg


@needs_chromium
def test_pack_has_a_deck_with_a_slide_per_category(frames) -> None:
    sel = Selection(tables.indicator_order(frames.config), frames.jurisdictions, "en")
    pack = build(frames, sel)
    assert pack.problems == []
    prs = Presentation(io.BytesIO(pack.files["briefing.pptx"]))
    titles = [s.shapes.title.text for s in prs.slides]
    categories = [c.label_en for c in frames.config.categories]
    assert titles[1:-1] == categories  # title slide, one per category, sources
    assert all(t for t in titles)
    assert all(s.notes_slide.notes_text_frame.text for s in list(prs.slides)[1:-1])
    with zipfile.ZipFile(io.BytesIO(zip_bytes(pack.files))) as z:
        names = set(z.namelist())
    assert {"briefing.pptx", "comparison.csv", "comparison.xlsx"} <= names
    assert any(n.startswith("charts/") and n.endswith(".png") for n in names)


def test_without_chromium_tables_still_come_and_the_reason_is_told(frames, tmp_path: Path, monkeypatch,
                                                                    capsys) -> None:
    monkeypatch.setattr(images, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(images, "_started", False)
    status = main(["--out", str(tmp_path / "pack"), "--indicators", "review_score"])
    err = capsys.readouterr().err
    assert status == 1
    assert "slide images need Debian's chromium" in err
    assert (tmp_path / "pack" / "comparison.csv").exists() and (tmp_path / "pack" / "comparison.xlsx").exists()
    assert not (tmp_path / "pack" / "briefing.pptx").exists()


def test_unknown_ids_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--out", str(tmp_path), "--indicators", "nonsense"]) == 2
    assert "unknown indicator id(s): nonsense" in capsys.readouterr().err
