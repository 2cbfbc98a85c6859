"""Spreadsheet formula injection: a report's text never becomes a live formula in Excel.

As OWASP recommends (CSV injection), a text cell that begins with =, +, -, @ (after leading
whitespace), a tab or a carriage return gets a leading single quote, in the .xlsx and in every
exported CSV; numbers are not touched. In data/*.csv the same holds for the text columns that are
not provenance; ``evidence`` stays the report's own characters (open(source).read()[start:end]).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from briefing.pack import Selection, tables_only
from briefing.tables import csv_bytes
from dashboard import data
from extract.cli import main
from extract.frame import CsvSink, safe_cell

ROOT = Path(__file__).resolve().parent.parent
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CELLS = [  # (cell, as written)
    pytest.param('=HYPERLINK("http://x","全程网办率达90%")', '\'=HYPERLINK("http://x","全程网办率达90%")',
                 id="hyperlink"),
    pytest.param("+86 10 12345", "'+86 10 12345", id="plus"),
    pytest.param("-2+3", "'-2+3", id="minus"),
    pytest.param("@SUM(A1:A2)", "'@SUM(A1:A2)", id="at"),
    pytest.param("  =1+1", "'  =1+1", id="after-spaces"),
    pytest.param("\u3000=1+1", "'\u3000=1+1", id="after-ideographic-space"),
    pytest.param("\t全县", "'\t全县", id="tab"),
    pytest.param("\r全县", "'\r全县", id="carriage-return"),
    pytest.param("全县政务服务事项1200项", "全县政务服务事项1200项", id="plain-text"),
    pytest.param("'=1+1", "'=1+1", id="already-neutral"),
    pytest.param("", "", id="empty"),
    pytest.param(-5.0, -5.0, id="negative-number"),
    pytest.param(-5, -5, id="negative-int"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("cell", "written"), CELLS)
def test_safe_cell(cell: object, written: object) -> None:
    assert safe_cell(cell) == written
    assert safe_cell(safe_cell(cell)) == written  # idempotent: a rewritten CSV does not gain quotes


def test_export_csv_neutralises_text_and_keeps_numbers() -> None:
    df = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "徐闻县"], "value": [-5.0, 96.1], "n": [-3, 4]})
    back = pd.read_csv(io.BytesIO(csv_bytes(df)), encoding="utf-8-sig")
    assert back["name"].tolist() == ["'=cmd|' /C calc'!A0", "徐闻县"]
    assert back["value"].tolist() == [-5.0, 96.1] and back["n"].tolist() == [-3, 4]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_data_csvs_neutralise_text_but_keep_evidence_verbatim(tmp_path: Path) -> None:
    sink = CsvSink(tmp_path)
    sink.write("indicators", [{"jurisdiction": "x", "name_zh": "=1+1", "label_zh": "@a", "scope": "+其中",
                               "value": -5.0, "evidence": "=HYPERLINK(1)", "start": 3, "end": 16}])
    sink.write("mentions", [{"jurisdiction": "x", "value": -2.0, "evidence": "-2%", "clause": "-2%以内"}])
    sink.write("reports", [{"jurisdiction": "x", "name_en": "-x", "agency": "@局", "province": "\t省",
                            "prefecture": "=市", "message": "=bad"}])
    sink.close()
    (ind,) = _rows(tmp_path / "indicators.csv")
    assert (ind["name_zh"], ind["label_zh"], ind["scope"]) == ("'=1+1", "'@a", "'+其中")
    assert (ind["evidence"], ind["value"], ind["start"]) == ("=HYPERLINK(1)", "-5.0", "3")
    (men,) = _rows(tmp_path / "mentions.csv")
    assert (men["clause"], men["evidence"], men["value"]) == ("'-2%以内", "-2%", "-2.0")
    (rep,) = _rows(tmp_path / "reports.csv")
    assert [rep[k] for k in ("name_en", "agency", "province", "prefecture", "message")] == [
        "'-x", "'@局", "'\t省", "'=市", "'=bad"]


HOSTILE = "\n".join([
    "某县政务服务数据管理局2023年工作报告",
    '=HYPERLINK("http://x","全程网办率达90%")',
    '=HYPERLINK("x.cn"&"全县政务服务事项1200项")',
    "@SUM(1+1)网上可办率达99.5%",
    "+全县热线受理群众诉求12.5万件",
    "-12345热线满意率96.1%",
]) + "\n"


def test_a_formula_in_a_report_arrives_as_text_in_xlsx_and_csv(tmp_path: Path) -> None:
    report = tmp_path / "in" / "hostile.txt"
    report.parent.mkdir()
    report.write_text(HOSTILE, "utf-8")
    out = tmp_path / "out"
    assert main([str(report), "--out", str(out), "--replace", "--no-cache"]) == 0
    figures = _rows(out / "indicators.csv")
    assert len(figures) >= 4  # the hostile lines still give their figures
    for r in figures:  # evidence is verbatim: the provenance contract
        assert (ROOT / r["source"]).read_text("utf-8")[int(r["start"]):int(r["end"])] == r["evidence"]
    for r in _rows(out / "mentions.csv"):
        assert not r["clause"].lstrip().startswith(FORMULA_START), r["clause"]

    frames = data.load(out, ROOT / "config.yaml")
    files = tables_only(frames, Selection(sorted({r["indicator"] for r in figures}), ["hostile"]))
    wb = load_workbook(io.BytesIO(files["comparison.xlsx"]))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and "HYPERLINK" in cell.value:
                    texts.append(cell.value)
    assert 'HYPERLINK("x.cn"&"全县政务服务事项1200项")' in texts  # the evidence starts past the "=", as text
    for name in ("comparison.csv", "figures.csv"):
        rows = list(csv.reader(io.StringIO(files[name].decode("utf-8-sig"))))
        cells = [c for row in rows[1:] for c in row]
        assert any("HYPERLINK" in c for c in cells) or name == "comparison.csv"
        bad = [c for c in cells if c.lstrip().startswith(FORMULA_START) and not _number(c)]
        assert bad == [], name


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_merged_data_csvs_are_neutralised_too(tmp_path: Path) -> None:
    """A data/ written before this rule is made safe when reports are added to it."""
    from extract.frame import write_csv

    old = pd.DataFrame({"jurisdiction": ["x"], "value": ["-5.0"], "clause": ["=1+1"], "evidence": ["=1+1"]})
    write_csv(old, tmp_path / "mentions.csv")
    (row,) = _rows(tmp_path / "mentions.csv")
    assert (row["value"], row["clause"], row["evidence"]) == ("-5.0", "'=1+1", "=1+1")
