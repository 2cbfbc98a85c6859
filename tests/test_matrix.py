"""The overview matrix: bounds, scope marks and notes, sorting by a row, a click to the profile, paging."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import tables
from tests.many_reports import many_reports

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return many_reports(tmp_path_factory.mktemp("many"))


def run(script: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{script}.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("2", 2, id="a-page"),
    pytest.param("²", 1, id="superscript-two"),
    pytest.param("٣", 1, id="arabic-indic-three"),
    pytest.param("x", 1, id="letters"),
    pytest.param("", 1, id="empty"),
    pytest.param(None, 1, id="absent"),
    pytest.param("0", 1, id="zero"),
    pytest.param("-1", 1, id="negative"),
    pytest.param("99", 3, id="past-the-end"),
    pytest.param("1_0", 1, id="underscore"),
])
def test_page_number_ignores_bad_values(raw: str | None, expected: int) -> None:
    assert tables.page_number(raw, 3) == expected


@pytest.mark.parametrize("raw", ["²", "abc", "1e3", "٣"])
def test_overview_with_a_bad_page_in_the_address_opens_page_one(many: Path, monkeypatch, raw: str) -> None:
    monkeypatch.setattr("dashboard.data.DATA", many)
    at = run("overview", page=raw)
    assert not at.exception, at.exception
    assert at.number_input(key="page").value == 1
