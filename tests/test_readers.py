"""Readers: UTF-16 without a byte-order mark, hard-wrapped PDF text layers, UTF-8 with BOM.

Each case is a file a county bureau could really publish; the figures and their offsets must
come out as from the plain UTF-8 text.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from extract.cli import main
from extract.readers import decode, join_soft_breaks, read_report

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk not installed (make test installs it)")

GOOD = "某县政务服务数据管理局2023年工作报告\n目前共有政务服务事项1200项,网上可办率达99.5%。\n"
TEXTS = [
    pytest.param(GOOD, id="report"),
    pytest.param("全县政务服务事项一千二百项，网上可办率达百分之九十九。", id="no-ascii-at-all"),
    pytest.param("全縣政務服務事項１２００項，網上可辦率達９９．５％。", id="traditional-full-width"),
    pytest.param("（一）“一网通办”：全县事项1,200项；①网办率99.5%……", id="punctuation"),
]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", TEXTS)
def test_utf16_without_bom_is_read(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    report = read_report(path)
    assert (report.text, report.encoding) == (text, encoding)


@pytest.mark.parametrize(("text", "encoding"), [
    pytest.param(GOOD, "gb18030", id="gb18030"),
    pytest.param("連平縣12345熱線共受理有效事項3136宗。" * 3, "big5", id="big5"),
    pytest.param(GOOD, "utf-8", id="utf-8"),
])
def test_other_encodings_are_not_taken_for_utf16(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, encoding)


SOFT_BREAKS = [  # (text layer of a page, as read): a break inside a paragraph goes, a real one stays
    pytest.param("全县政务服务事项共1200项，网上可\n办率达99.5%，受理诉求5000件。",
                 "全县政务服务事项共1200项，网上可办率达99.5%，受理诉求5000件。", id="inside-a-word"),
    pytest.param("全县政务服务事项共1200项，受理诉求50\n00件，网上可办率达99.5%。",
                 "全县政务服务事项共1200项，受理诉求5000件，网上可办率达99.5%。", id="inside-a-number"),
    pytest.param("全县政务服务事项共1200项，网上可办率达到了99.\n5%，受理诉求5000件。",
                 "全县政务服务事项共1200项，网上可办率达到了99.5%，受理诉求5000件。", id="inside-a-decimal"),
    pytest.param("全县政务服务事项共1200项，网上可办率达到了99.5\n%，受理诉求5000件。",
                 "全县政务服务事项共1200项，网上可办率达到了99.5%，受理诉求5000件。", id="before-a-percent-sign"),
    pytest.param("全县政务服务事项共1200项，网上可办率达到了\n99.5%，受理诉求5000件。",
                 "全县政务服务事项共1200项，网上可办率达到了99.5%，受理诉求5000件。", id="before-a-number"),
    pytest.param("全县政务服务事项共1200项，网上可办率达99.5%。\n受理群众诉求共计5000件，办结率为百分之百。",
                 "全县政务服务事项共1200项，网上可办率达99.5%。\n受理群众诉求共计5000件，办结率为百分之百。",
                 id="after-a-full-stop"),
    pytest.param("一、主要成效\n全县政务服务事项共1200项，网上可办率达到了99.5%。",
                 "一、主要成效\n全县政务服务事项共1200项，网上可办率达到了99.5%。", id="after-a-short-heading"),
    pytest.param("全县政务服务事项共1200项，网上可办率达到了99.5%\n  受理群众诉求5000件。",
                 "全县政务服务事项共1200项，网上可办率达到了99.5%\n  受理群众诉求5000件。", id="indented-paragraph"),
    pytest.param("全县政务服务事项共1200项，网上可办率达到了百分\n3",
                 "全县政务服务事项共1200项，网上可办率达到了百分\n3", id="page-number"),
]


@pytest.mark.parametrize(("page", "joined"), SOFT_BREAKS)
def test_soft_line_breaks_are_joined(page: str, joined: str) -> None:
    assert join_soft_breaks(page) == joined


def _pdf(path: Path, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", fname=str(FONT), collection_font_number=2)
    pdf.set_font("noto", size=12)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _figures(out: Path) -> list[dict[str, str]]:
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


PARAGRAPH = ("今年以来，全县政务服务事项共1200项，网上可办率达99.5%，全程网办率达88.2%，12345热线受理群众诉求5000件，"
             "满意率96.1%。")


@needs_font
def test_a_hard_wrapped_pdf_gives_the_figures_of_the_plain_text(tmp_path: Path) -> None:
    width = 23
    lines = ["某县行政审批服务局2023年工作总结", "一、主要成效"]
    lines += [PARAGRAPH[i:i + width] for i in range(0, len(PARAGRAPH), width)]
    breaks = [(a[-1], b[0]) for a, b in itertools.pairwise(lines[2:])]
    assert breaks == [("可", "办"), ("2", "3"), (".", "1")]  # 网上可|办率, 12|345热线, 96.|1%
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_text("\n".join([*lines[:2], PARAGRAPH]), "utf-8")
    _pdf(folder / "wrapped.pdf", lines)
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    found: dict[str, set[tuple[str, str]]] = {}
    for r in _figures(out):
        found.setdefault(r["jurisdiction"], set()).add((r["indicator"], r["value"]))
        text = (ROOT / r["source"]).read_text("utf-8")  # the kept text is the joined text
        assert text[int(r["start"]):int(r["end"])] == r["evidence"]
    assert len(found["plain"]) == 5
    assert found["wrapped"] == found["plain"]


def test_utf8_with_bom_round_trips_through_a_plain_open(tmp_path: Path) -> None:
    report = tmp_path / "in" / "bom.txt"
    report.parent.mkdir()
    report.write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8-sig"))
    out = tmp_path / "out"
    assert main([str(report), "--out", str(out)]) == 0
    rows = _figures(out)
    assert len(rows) == 2
    for r in rows:
        with open(ROOT / r["source"], encoding="utf-8") as f:
            assert f.read()[int(r["start"]):int(r["end"])] == r["evidence"]
    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["source"].endswith("texts/bom.txt") and row["original"].endswith("in/bom.txt")
    assert row["encoding"] == "utf-8-sig"
