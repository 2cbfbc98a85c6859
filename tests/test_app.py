"""The first dashboard page renders on the bundled data, and missing figures read as not reported."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def test_overview_renders_with_not_reported_cells() -> None:
    at = AppTest.from_file(str(ROOT / "app.py")).run(timeout=60)
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == sorted(table.columns)
    assert (table == "未报告").any().any()
    assert table.loc["承诺时限压缩比例", "guangzhou"] == ">70%"
