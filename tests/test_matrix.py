"""The overview matrix: bounds, scope marks and notes, sorting by a row, a click to the profile, paging."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import tables
from dashboard.labels import t
from tests.many_reports import many_reports
from tests.many_reports import run_page as run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return many_reports(tmp_path_factory.mktemp("many"))


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


@pytest.fixture(scope="module")
def frames():
    from dashboard import data

    return data.load()


# The scope phrase of a figure, as extract/scope.py keeps it, and what the matrix makes of it.
SCOPES = [
    pytest.param("越秀区试点", "2019", "part", id="pilot"),
    pytest.param("市直", "2021", "part", id="a-part-after-qizhong"),
    pytest.param("30个涉企事项", "2021", "part", id="a-sub-list"),
    pytest.param("行政许可事项承诺时限在法定时限上的压缩比例由去年", "2019", "period", id="last-year"),
    pytest.param("2019年全市", "2021", "period", id="an-earlier-year"),
    pytest.param("“十三五”以来", "2021", "period", id="a-multi-year-review"),
    pytest.param("目前旗本级梳理公布政务服务事项", "2021", "", id="own-level-is-the-whole"),
    pytest.param("市政府网站发布信息", "2021", "", id="one-website-is-the-whole"),
    pytest.param("", "2021", "", id="no-scope"),
]


@pytest.mark.parametrize(("scope", "year", "kind"), SCOPES)
def test_scope_kind(frames, scope: str, year: str, kind: str) -> None:
    assert tables.scope_kind(scope, frames.config, year) == kind


def test_a_pilot_districts_figure_is_marked_in_the_cell_and_the_hover(frames) -> None:
    from dashboard import charts

    for lang, note in (("zh", "部分范围"), ("en", "Part only")):
        m = tables.matrix(frames.indicators, frames.reports, frames.config, lang)
        gz = m.columns[list(frames.reports["jurisdiction"]).index("guangzhou")]
        assert m.xs(tables.label(frames.config, "materials_reduction", lang), level=1)[gz].iloc[0] == "66%†"
        fig = charts.matrix_figure(frames.indicators, frames.reports, frames.config, lang)
        hover = next(h for h in fig.data[1].hovertext if "66%†" in h)
        assert note in hover and "越秀区试点" in hover
        notes = " ".join(a.text for a in fig.layout.annotations)
        assert "†" in notes and "*" not in notes.replace("**", "")  # no other-period headline in the seeds


def test_bounds_keep_their_sign_and_say_it_in_the_hover(frames) -> None:
    from dashboard import charts

    fig = charts.matrix_figure(frames.indicators, frames.reports, frames.config, "en")
    hover = next(h for h in fig.data[1].hovertext if "&gt;70%" in h)
    assert "more than" in hover
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "&gt; more than" in notes


def test_another_periods_headline_gets_its_own_mark(frames) -> None:
    from dashboard import charts

    ind = frames.indicators.copy()
    row = (ind["jurisdiction"] == "xuwen") & (ind["indicator"] == "full_online_rate")
    ind.loc[row, "scope"] = "去年"
    for lang in ("zh", "en"):
        m = tables.matrix(ind, frames.reports, frames.config, lang)
        assert m.xs(tables.label(frames.config, "full_online_rate", lang), level=1).iloc[0, 0] == "96.08%*"
        fig = charts.matrix_figure(ind, frames.reports, frames.config, lang)
        notes = " ".join(a.text for a in fig.layout.annotations)
        assert t("mark_period", lang) in notes


def test_overview_page_shows_the_marks_and_the_legend() -> None:
    at = run("overview", lang="en")
    assert not at.exception
    (spec,) = specs(at)
    cells = [c for row in spec["data"][0]["text"] for c in row]
    assert "66%†" in cells and "68%†" in cells
    notes = " ".join(a["text"] for a in spec["layout"]["annotations"])
    assert "† covers only part" in notes


def _heads(rows: list[tuple[str, float]]):
    import pandas as pd

    return pd.DataFrame({"jurisdiction": [j for j, _ in rows], "value": [v for _, v in rows],
                         "primary": True})


def test_sorting_by_a_row_puts_not_reported_last() -> None:
    ids = ["a", "b", "c", "d", "e"]
    heads = _heads([("b", 10.0), ("d", 99.0), ("e", 10.0)])
    assert tables.sort_jurisdictions(ids, heads) == ["d", "b", "e", "a", "c"]  # ties keep their order
    assert tables.sort_jurisdictions(ids, heads, descending=False) == ["b", "e", "d", "a", "c"]
    assert tables.sort_jurisdictions(ids, _heads([])) == ids


def test_overview_sorted_by_a_row_from_the_address() -> None:
    at = run("overview", sort="hotline_satisfaction")
    assert not at.exception
    (spec,) = specs(at)
    assert spec["data"][0]["x"] == ["广州市", "咸宁市", "徐闻县", "兴国县", "乌审旗"]  # 98.36%, 85.67%, then none
    assert any(y.startswith("<b>▼ 热线满意率") for y in spec["data"][0]["y"])
    at.segmented_control(key="sort_order").set_value("asc").run()
    (spec,) = specs(at)
    assert spec["data"][0]["x"][:2] == ["咸宁市", "广州市"]
    assert at.query_params["order"] in (["asc"], "asc")
    at.selectbox(key="sort").set_value("").run()
    (spec,) = specs(at)
    assert spec["data"][0]["x"] == ["徐闻县", "广州市", "咸宁市", "兴国县", "乌审旗"]


def test_an_unknown_sort_in_the_address_keeps_the_report_order() -> None:
    at = run("overview", sort="<script>", order="sideways")
    assert not at.exception
    (spec,) = specs(at)
    assert spec["data"][0]["x"] == ["徐闻县", "广州市", "咸宁市", "兴国县", "乌审旗"]


def test_sorting_orders_every_page_not_only_the_shown_one(many: Path, monkeypatch) -> None:
    from dashboard import data

    monkeypatch.setattr("dashboard.data.DATA", many)
    frames = data.load(many)
    heads = frames.figures(indicators=["service_items_total"], primary_only=True)
    best = heads.sort_values("value", ascending=False, kind="stable")["jurisdiction"].head(12).tolist()
    at = run("overview", sort="service_items_total")
    assert not at.exception
    (spec,) = specs(at)
    assert spec["data"][0]["x"] == [data.display_name(frames.reports, j, "zh") for j in best]


def test_a_click_on_a_cell_names_its_figure_in_the_profiles_address() -> None:
    point = {"curve_number": 1, "point_number": 7, "point_index": 7, "x": "guangzhou", "y": "materials_reduction",
             "customdata": "materials_reduction-1072-1079"}
    assert tables.profile_params([point]) == {"jur": "guangzhou", "fig": "materials_reduction-1072-1079"}
    missing = {**point, "x": "xingguo", "y": "review_score", "customdata": ""}
    assert tables.profile_params([missing]) == {"jur": "xingguo"}
    assert tables.profile_params([]) is None
    assert tables.profile_params([{"curve_number": 0, "x": "广州市"}]) is None  # not a cell point


def test_every_cell_carries_its_click_target(frames) -> None:
    from dashboard import charts

    fig = charts.matrix_figure(frames.indicators, frames.reports, frames.config, "zh")
    points = fig.data[1]
    assert len(points.customdata) == len(tables.overview_indicators(frames.config)) * len(frames.reports)
    cells = set(zip(points.x, points.y, points.customdata, strict=True))
    assert ("guangzhou", "materials_reduction", "materials_reduction-1072-1079") in cells
    assert ("xingguo", "review_score", "") in cells


def test_jurisdictions_of_one_name_keep_a_column_each(frames) -> None:
    from dashboard import charts

    reports = frames.reports.copy()
    reports.loc[reports["jurisdiction"] == "xingguo", ["name_zh", "name_en"]] = ["市辖区", "Shixiaqu"]
    reports.loc[reports["jurisdiction"] == "wushen", ["name_zh", "name_en"]] = ["市辖区", "Shixiaqu"]
    for lang in ("zh", "en"):
        m = tables.matrix(frames.indicators, reports, frames.config, lang)
        assert m.columns.is_unique and len(m.columns) == 5
        fig = charts.matrix_figure(frames.indicators, reports, frames.config, lang)
        assert len(set(fig.data[0].x)) == 5
        shared = [x for x in fig.data[0].x if ("市辖区" if lang == "zh" else "Shixiaqu") in x]
        assert len(shared) == 2 and shared == list(m.columns[3:]), shared  # told apart by the place above


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", [5, 12])
def test_column_names_stand_clear_of_the_subtitle(frames, lang: str, n: int) -> None:
    """Slanted column names used to reach up into the subtitle (seen in chromium): the top margin
    now holds the title block and the longest name at its angle, with 5 and with a page of 12."""
    from dashboard import charts

    reports = pd.concat([frames.reports] * 3, ignore_index=True).head(n).copy()
    reports["jurisdiction"] = [f"j{i}" for i in range(n)]
    reports["name_en"] = ""  # English: the Chinese with its pinyin, the longest names there are
    reports["name_zh"] = (["鄂尔多斯市乌审旗", "武侯区", "杏花岭区", "徐闻县", "兴国县", "广州市"] * 2)[:n]
    fig = charts.matrix_figure(frames.indicators.head(0), reports, frames.config, lang)
    names = list(fig.data[0].x)
    longest = max(sum(14 if ord(c) >= 0x2E80 else 7.5 for c in x) for x in names)  # px at 14 px type
    angle = fig.layout.xaxis.tickangle
    assert angle in (0, -30), angle  # set, never Plotly's own choice after the margins are fixed
    rise = 20 if angle == 0 else longest * 0.5  # at sin 30° = 0.5
    if lang == "en" or n == 12:
        assert angle == -30
    assert fig.layout.margin.t >= charts.TITLE_BLOCK + rise, (fig.layout.margin.t, rise, names)


@pytest.mark.parametrize(("lang", "short", "exact"), [("en", "7.67M cases", "7,671,000 cases"),
                                                      ("zh", "767.1万件", "7,671,000件")])
def test_a_large_count_fits_its_cell_and_stays_exact_in_the_table(frames, lang: str, short: str, exact: str) -> None:
    """A hotline's 767.1万件 in a cell beside others: few characters on the chart, every digit in the table."""
    from dashboard import charts, tables

    fig = charts.matrix_figure(frames.indicators, frames.reports, frames.config, lang)
    cells = [c for row in fig.data[0].text for c in row]
    assert short in cells and exact not in cells
    table = tables.matrix(frames.indicators, frames.reports, frames.config, lang)
    assert exact in table.to_numpy().ravel()
