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


# The CSV keeps the column ids as its header (the contract) and gives labels with units under them.
WIDE_LABELS = [  # (column, language, label)
    pytest.param("service_items_total.value", "en", "Government service items: value (items)", id="en-count"),
    pytest.param("service_items_total.value", "zh", "政务服务事项总数:数值(项)", id="zh-count"),
    pytest.param("full_online_rate.value", "en", "Fully online: value (%)", id="en-rate"),
    pytest.param("review_score.value", "en", "Service review score: value (points)", id="en-score"),
    pytest.param("hotline_requests.value", "en", "Hotline requests received: value (cases)", id="en-cases"),
    pytest.param("full_online_rate.scope", "en", "Fully online: scope (the report's words; blank: whole jurisdiction)",
                 id="en-scope"),
    pytest.param("full_online_rate.qualifier", "zh",
                 "全程网办率:限定(exact、more_than、at_least、less_than、approx、not_reported)", id="zh-qualifier"),
    pytest.param("report_year", "en", "Report year", id="en-plain-column"),
    pytest.param("name", "zh", "地区", id="zh-plain-column"),
]


@pytest.mark.parametrize(("column", "lang", "expected"), WIDE_LABELS)
def test_wide_labels(frames, column: str, lang: str, expected: str) -> None:
    from briefing.tables import wide_labels

    assert wide_labels([column], frames.config, lang) == [expected]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wide_csv_has_ids_then_labels_with_units(frames, lang: str) -> None:
    from briefing.tables import read_labels

    inds = ["service_items_total", "full_online_rate", "review_score"]
    raw = tables_only(frames, Selection(inds, frames.jurisdictions, lang))["comparison.csv"]
    first = raw.decode("utf-8-sig").splitlines()[0]
    assert first.split(",")[:4] == ["jurisdiction", "name", "report_year", "service_items_total.value"]
    labels = read_labels(raw)
    assert list(labels) == first.split(",")  # one label per id
    unit = {"en": "(items)", "zh": "(项)"}[lang]
    assert labels["service_items_total.value"].endswith(unit)
    assert labels["review_score.value"].endswith({"en": "(points)", "zh": "(分)"}[lang])
    assert all(labels[c] and labels[c] != c for c in labels)
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", skiprows=[1])  # as the README says
    assert list(back.columns) == list(labels) and back["service_items_total.value"].dtype == "float64"


def test_tidy_csv_has_labels_and_reads_back(frames) -> None:
    from briefing.tables import read_labels, read_tidy, tidy

    inds = ["service_items_total", "hotline_requests", "full_online_rate"]
    raw = tables_only(frames, Selection(inds, frames.jurisdictions, "en"))["figures.csv"]
    labels = read_labels(raw)
    assert labels["start"] == "Start (character offset in the source file)"
    assert labels["unit"] == "Unit (the report's word: 个 = items; 件 = cases; 条 = items; 项 = items)"
    back = read_tidy(raw)
    expected = tidy(frames.indicators, inds, frames.jurisdictions)
    assert list(back.columns) == list(expected.columns) and len(back) == len(expected)
    assert back["value"].tolist() == expected["value"].tolist()
    assert back["evidence"].tolist() == expected["evidence"].tolist()
    assert back["primary"].tolist() == expected["primary"].tolist()
    assert back["start"].tolist() == expected["start"].astype(int).tolist()


def test_csv_without_labels_has_one_header_row_and_labels_must_fit() -> None:
    from briefing.tables import csv_bytes

    df = pd.DataFrame({"a": [1], "b": ["x"]})
    assert csv_bytes(df).decode("utf-8-sig") == "a,b\n1,x\n"
    assert csv_bytes(df, ["A", "=B"]).decode("utf-8-sig") == "a,b\nA,'=B\n1,x\n"  # a label is never a formula
    with pytest.raises(ValueError, match="1 labels for 2 columns"):
        csv_bytes(df, ["A"])


def test_workbook_dictionary_names_every_column_in_both_languages(frames) -> None:
    inds = ["service_items_total", "full_online_rate"]
    wb = load_workbook(io.BytesIO(tables_only(frames, Selection(inds, frames.jurisdictions, "en"))["comparison.xlsx"]))
    rows = list(wb["dictionary"].iter_rows(values_only=True))
    assert rows[0] == ("sheet", "column", "label_zh", "label_en")
    described = {(r[0], r[1]): (r[2], r[3]) for r in rows[1:]}
    for sheet in ("comparison", "figures", "sources"):
        header = [c.value for c in wb[sheet][1]]
        assert header and all((sheet, c) in described for c in header), sheet
    assert described[("comparison", "service_items_total.value")] == (
        "政务服务事项总数:数值(项)", "Government service items: value (items)")
    assert described[("figures", "unit = 项")] == ("项", "items")
    sources = {c.value: i for i, c in enumerate(wb["sources"][1])}
    gz = next(r for r in wb["sources"].iter_rows(min_row=2, values_only=True) if r[0] == "guangzhou")
    assert gz[sources["agency_pinyin"]] == "Guangzhou Shi Zhengwu Fuwu Shuju Guanliju"


def test_chinese_workbook_sources_have_no_pinyin_column(frames) -> None:
    wb = load_workbook(io.BytesIO(tables_only(frames, Selection(["review_score"], frames.jurisdictions, "zh"))[
        "comparison.xlsx"]))
    assert "agency_pinyin" not in [c.value for c in wb["sources"][1]]
    assert "dictionary" in wb.sheetnames
