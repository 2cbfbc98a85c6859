"""Trends and the year control: a report is a jurisdiction × year.

The computation (``dashboard.years``, ``dashboard.trends``) is tested directly on small frames; the
pages under AppTest on a project where ``python -m extract add`` kept a second year of Xuwen's
report (tests/multi_year.py).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, data, trends, years
from dashboard.store import FrameStore
from extract import load_config
from extract.frame import INDICATOR_COLUMNS
from tests.multi_year import with_second_year

ROOT = Path(__file__).resolve().parent.parent
CONFIG = load_config(ROOT / "config.yaml")


def _reports(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """reports.csv-like rows of (jurisdiction, report_year, status)."""
    return pd.DataFrame([{"jurisdiction": j, "report_year": y, "status": s, "name_zh": j.upper(), "name_en": j.title(),
                          "agency": "", "source": f"{j}{y}.txt"} for j, y, s in rows])


def _figure(j: str, year: int, ind: str, value: float, qualifier: str = "exact", scope: str = "",
            unit: str = "%") -> dict:
    return {"jurisdiction": j, "name_zh": j, "name_en": j, "level": "county", "report_year": year,
            "category": CONFIG.indicator(ind).category, "indicator": ind, "label_zh": "", "label_en": "",
            "value": value, "unit": unit, "qualifier": qualifier, "primary": True, "scope": scope,
            "evidence": f"{ind} {value}", "source": f"{j}{year}.txt", "start": 0, "end": 3}


def _frames(reports: pd.DataFrame, figures: list[dict]) -> data.Frames:
    df = pd.DataFrame(figures, columns=INDICATOR_COLUMNS).astype(
        {"report_year": "Int64", "value": "float64", "start": "int64", "end": "int64"})
    return data.Frames(FrameStore(df), reports, CONFIG)


# ------------------------------------------------------------------ which report of each jurisdiction

THREE_YEARS = _reports(("a", "2021", "ok"), ("a", "2023", "error"), ("a", "2022", "ok"), ("b", "2019", "ok"),
                       ("c", "", "ok"))
PICKS = [  # (the year control's choice, the reports shown)
    pytest.param("latest", [("a", "2022"), ("b", "2019"), ("c", "")], id="latest-readable"),
    pytest.param("2021", [("a", "2021")], id="one-year"),
    pytest.param("2019", [("b", "2019")], id="another-year"),
    pytest.param("all", [("a", "2021"), ("a", "2023"), ("a", "2022"), ("b", "2019"), ("c", "")], id="all-years"),
]


@pytest.mark.parametrize(("choice", "shown"), PICKS)
def test_pick_chooses_one_report_per_jurisdiction(choice: str, shown: list[tuple[str, str]]) -> None:
    picked = years.pick(THREE_YEARS, choice)
    assert list(zip(picked["jurisdiction"], picked["report_year"], strict=True)) == shown


def test_the_year_control_offers_latest_each_year_and_all() -> None:
    assert years.choices(THREE_YEARS) == ["latest", "2023", "2022", "2021", "2019", "all"]
    assert years.several(THREE_YEARS) and not years.several(THREE_YEARS.drop_duplicates("jurisdiction"))


def test_a_view_holds_only_the_figures_of_its_reports() -> None:
    reports = _reports(("a", "2021", "ok"), ("a", "2022", "ok"), ("b", "2021", "ok"))
    frames = _frames(reports, [_figure("a", 2021, "full_online_rate", 60), _figure("a", 2022, "full_online_rate", 70),
                               _figure("b", 2021, "full_online_rate", 50)])
    latest = years.view(frames)
    assert latest.jurisdictions == ["a", "b"]
    assert sorted(latest.figures()["value"]) == [50, 70]
    assert data.display_name(latest.reports, "a", "en") == "A (2022)"  # which year the value comes from
    assert data.display_name(latest.reports, "b", "zh") == "B"  # one report: as before
    assert sorted(years.view(frames, "2021").figures()["value"]) == [50, 60]
    every = years.view(frames, "all")
    assert every.jurisdictions == ["a.2021", "a.2022", "b"]  # one row a report, named for it
    assert every.figures(["a.2021"])["value"].tolist() == [60]
    assert data.display_name(every.reports, "a.2021", "zh") == "A(2021年)"
    single = _frames(reports.iloc[[0, 2]], [])
    assert years.view(single) is single  # one report per jurisdiction: nothing changes


# ------------------------------------------------------------------ trend rows and changes

def test_a_year_without_a_figure_is_a_gap_never_zero() -> None:
    reports = _reports(("a", "2020", "ok"), ("a", "2022", "ok"), ("a", "2023", "ok"))
    heads = pd.DataFrame([_figure("a", 2020, "full_online_rate", 60, "more_than"),
                          _figure("a", 2023, "full_online_rate", 80, scope="以某区为试点")]).astype(
        {"report_year": "Int64"})
    rows = trends.trend_rows(heads, reports, CONFIG, ["full_online_rate"], ["a"], "en")
    got = [(r.year, r.status, r.value, r.text) for r in rows.itertuples()]
    assert got == [(2020, "reported", 60.0, ">60%"), (2021, "no_report", None, ""), (2022, "not_reported", None, ""),
                   (2023, "reported", 80.0, "80%†")]  # bound sign, scope mark; gaps are None, never 0 or NaN
    fig = charts.trend_figure(rows, reports, CONFIG, "full_online_rate", "en", {"a": "#000"})
    (line,) = fig.data
    assert list(line.y) == [60.0, None, None, 80.0] and line.connectgaps is False  # not joined, not interpolated
    assert list(line.text) == ["&gt;60%", "", "", "80%†"]
    assert line.marker.symbol[0] == "triangle-up"  # the bound in the marker too
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "covers only part" in notes and "never drawn as zero" in notes and "以某区为试点" in notes


CHANGES = [  # (indicator, first (value, qualifier), last (value, qualifier), change, qualifier, text in English)
    pytest.param("full_online_rate", (96.08, "exact"), (98, "more_than"), 1.92, "more_than", ">+1.9 points",
                 id="rate-in-points-bound-above"),
    pytest.param("full_online_rate", (70, "more_than"), (65, "exact"), -5.0, "less_than", "<-5.0 points",
                 id="rate-first-a-bound"),
    pytest.param("service_items_total", (1677, "exact"), (1820, "exact"), 8.527, "exact", "+8.5%",
                 id="count-in-percent"),
    pytest.param("service_items_total", (0, "exact"), (10, "exact"), None, "", "", id="count-from-zero"),
    pytest.param("review_score", (8.9, "exact"), (9.2, "approx"), 0.3, "approx", "≈+0.3 points",
                 id="score-in-points-approx"),
    pytest.param("full_online_rate", (60, "more_than"), (80, "more_than"), 20.0, "approx", "≈+20.0 points",
                 id="bounds-both-ways"),
]


@pytest.mark.parametrize(("ind", "first", "last", "change", "qualifier", "text"), CHANGES)
def test_change_first_to_last(ind: str, first: tuple, last: tuple, change: float | None, qualifier: str,
                              text: str) -> None:
    unit = CONFIG.indicator(ind).unit
    reports = _reports(("a", "2020", "ok"), ("a", "2021", "ok"), ("a", "2022", "ok"))
    heads = pd.DataFrame([_figure("a", 2020, ind, first[0], first[1], unit=unit),
                          _figure("a", 2022, ind, last[0], last[1], unit=unit)]).astype({"report_year": "Int64"})
    rows = trends.trend_rows(heads, reports, CONFIG, [ind], ["a"], "en")
    (c,) = trends.changes(rows, CONFIG, "en").itertuples()
    assert (c.first_year, c.last_year, c.years_reported) == (2020, 2022, 2)
    if change is None:
        assert c.change is None and c.change_text == ""
    else:
        assert math.isclose(c.change, change, abs_tol=0.01)
    assert (c.change_qualifier, c.change_text) == (qualifier, text)


def test_one_year_has_no_change() -> None:
    reports = _reports(("a", "2021", "ok"))
    heads = pd.DataFrame([_figure("a", 2021, "full_online_rate", 60)]).astype({"report_year": "Int64"})
    changes = trends.changes(trends.trend_rows(heads, reports, CONFIG, ["full_online_rate"], ["a"], "zh"), CONFIG,
                             "zh")
    assert changes["change"].tolist() == [None]
    assert trends.change_table(changes, "zh").iloc[0, -1] == "仅一年"


# ------------------------------------------------------------------ the pages, with Xuwen's second year

@pytest.fixture(scope="module")
def second_year(tmp_path_factory) -> tuple[Path, Path]:
    return with_second_year(tmp_path_factory.mktemp("second_year"))


@pytest.fixture
def project(second_year, monkeypatch) -> tuple[Path, Path]:
    config, out = second_year
    monkeypatch.setattr("dashboard.data.DATA", out)
    monkeypatch.setattr("dashboard.data.CONFIG", config)
    return second_year


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


@pytest.mark.parametrize(("lang", "name", "texts"), [("zh", "徐闻县", ["96.08%", "&gt;98%"]),
                                                     ("en", "Xuwen County", ["96.08%", "&gt;98%"])])
def test_trends_draws_a_two_point_line(project, lang: str, name: str, texts: list[str]) -> None:
    at = run("trends", lang=lang, ind="full_online_rate,review_score")
    assert not at.exception, at.exception
    assert at.multiselect(key="trend_js").value[0] == "xuwen"  # the jurisdiction with two years first
    rate, score = specs(at)
    xuwen = next(tr for tr in rate["data"] if tr["name"] == name)
    assert (xuwen["x"], xuwen["y"], xuwen["text"]) == ([2021, 2022], [96.08, 98.0], texts)
    assert rate["layout"]["title"]["text"] == ("全程网办率" if lang == "zh" else "Fully online")
    review = next(tr for tr in score["data"] if tr["name"] == name)
    assert review["y"] == [8.9, None]  # 2022's report gives no score: a gap, never zero
    table = at.dataframe[0].value  # the change table
    row = table[(table.iloc[:, 0] == name) & (table.iloc[:, 2].str.startswith("2021"))].iloc[0]
    assert row.iloc[-1] == (">+1.9个百分点 (2021→2022)" if lang == "zh" else ">+1.9 points (2021→2022)")
    labels = [b.proto.label for b in at.get("download_button")]
    assert ("下载趋势数据CSV" if lang == "zh" else "Download trend rows (CSV)") in labels
    if lang == "en":  # nothing Chinese where English is asked for, but names and the report's words
        shown = [at.title[0].value, *[c.value for c in at.caption], *table.columns, rate["layout"]["title"]["text"],
                 rate["layout"]["title"]["subtitle"]["text"]]
        assert not [s for s in shown if re.search(r"[\u3400-\u9fff]", s)], shown


def test_trends_says_when_no_chosen_jurisdiction_has_two_years(project) -> None:
    at = run("trends", lang="en", j="guangzhou")
    assert not at.exception
    assert any("for one year only" in i.value for i in at.info)


TABLES = [  # (page, how the two years of Xuwen are found in its table)
    pytest.param("overview", lambda df: [c for c in df.columns if "徐闻县" in c], id="overview-matrix"),
    pytest.param("compare", lambda df: [n for n in df.iloc[:, 0] if "徐闻县" in n], id="compare"),
    pytest.param("map", lambda df: [n for n in df.iloc[:, 0] if "徐闻县" in n], id="map"),
]


@pytest.mark.parametrize(("page", "find"), TABLES)
def test_every_table_shows_both_years_when_asked(project, page: str, find) -> None:
    latest = run(page, ind="full_online_rate", cat="")
    assert not latest.exception, latest.exception
    assert find(latest.dataframe[0].value) == ["徐闻县(2022年)"]  # the latest report by default, and which year
    every = run(page, ind="full_online_rate", cat="", year="all")
    table = every.dataframe[0].value
    found = find(table)
    assert "徐闻县(2022年)" in found and ("徐闻县(2021年)" in found or page == "map")  # one place on a map: its latest
    assert every.sidebar.selectbox(key="year_choice").value == "all"


@pytest.mark.parametrize("page", ["profile", "_themes", "reports"])
@pytest.mark.parametrize("year", ["latest", "2021", "all"])
def test_pages_read_the_year_control(project, page: str, year: str) -> None:
    at = run(page, year=year, q="网上可办率", lang="en")
    assert not at.exception, at.exception
    options = at.selectbox(key="jurisdiction").options if page == "profile" else []
    if page == "profile":
        expected = {"latest": "Xuwen County (2022)", "2021": "Xuwen County (2021)", "all": "Xuwen County (2021)"}
        assert options[0] == expected[year]
    if page == "reports":
        labels = " ".join(e.label for e in at.expander).replace("\\", "")  # Markdown-escaped
        assert ("Xuwen County (2021)" in labels) == (year != "latest")


def test_trend_exports_give_rows_and_images(project) -> None:
    from briefing import images
    from briefing.tables import read_labels, read_tidy
    from briefing.trends import TrendSelection, trend_pack, trend_tables

    frames = data.load(project[1], project[0])
    sel = TrendSelection(["full_online_rate", "review_score"], ["xuwen", "wushen"], "en")
    files = trend_tables(frames, sel)
    rows = read_tidy(files["trends.csv"])
    xuwen = rows[(rows["jurisdiction"] == "xuwen") & (rows["indicator"] == "review_score")]
    assert xuwen[["year", "status"]].values.tolist() == [["2021", "reported"], ["2022", "not_reported"]]
    assert xuwen["value"].isna().tolist() == [False, True]  # an empty cell, never 0
    assert read_labels(files["trends.csv"])["status"].startswith("That year")
    changes = read_tidy(files["changes.csv"])
    assert changes.loc[changes["indicator"] == "full_online_rate", "change_qualifier"].tolist()[0] == "more_than"
    assert files["trends.xlsx"][:2] == b"PK"
    pack = trend_pack(frames, sel)
    if images.available():
        assert pack.files["charts/trend_full_online_rate.png"][:8] == b"\x89PNG\r\n\x1a\n"
        assert "trends.pptx" in pack.files
    else:
        assert pack.problems and "trends.csv" in pack.files


def test_briefing_command_line_writes_a_year_and_the_trends(project, tmp_path: Path) -> None:
    from briefing import images
    from briefing.cli import main
    from briefing.tables import read_tidy, read_wide

    status = main(["--out", str(tmp_path / "y2021"), "--year", "2021", "--indicators", "full_online_rate"])
    assert status == (0 if images.available() else 1)
    wide = read_wide((tmp_path / "y2021" / "comparison.csv").read_bytes())
    assert wide.loc[wide["jurisdiction"] == "xuwen", ["report_year", "full_online_rate.value"]].values.tolist() == [
        ["2021", 96.08]]
    assert main(["--out", str(tmp_path / "t"), "--trends", "--indicators", "full_online_rate",
                 "--jurisdictions", "xuwen"]) == (0 if images.available() else 1)
    rows = read_tidy((tmp_path / "t" / "trends.csv").read_bytes())
    assert rows[["year", "value"]].values.tolist() == [["2021", 96.08], ["2022", 98.0]]
    if images.available():
        assert (tmp_path / "t" / "charts" / "trend_full_online_rate.png").exists()
    assert main(["--out", str(tmp_path / "n"), "--year", "1999"]) == 2


def test_an_upload_of_another_year_joins_beside_the_first(tmp_path: Path, monkeypatch) -> None:
    """Add reports: the id of a loaded jurisdiction with another year joins (with the same year it is refused),
    and Keep keeps it as corpus/<id>.<year>.txt."""
    import hashlib

    import yaml

    from extract.cli import main
    from tests.multi_year import XUWEN_2022, project

    config, out = project(tmp_path), tmp_path / "data"
    assert main(["--config", str(config), "--out", str(out)]) == 0
    monkeypatch.setattr("dashboard.data.DATA", out)
    monkeypatch.setattr("dashboard.data.CONFIG", config)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.switch_page("pages/upload.py").run()
    raw = XUWEN_2022.encode()
    sha = hashlib.sha256(raw).hexdigest()
    at.file_uploader(key="files").upload("xuwen_2022.txt", raw, "text/plain").run()
    at.text_input(key=f"id_{sha}").set_value("xuwen")
    at.number_input(key=f"year_{sha}").set_value(2021)
    at.button[0].click().run()
    assert any("2021" in e.value and "xuwen" in e.value for e in at.error)  # Xuwen has a report for 2021
    at.number_input(key=f"year_{sha}").set_value(2022)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("xuwen" in s.value for s in at.success)
    at.switch_page("pages/overview.py").run()
    at.query_params["year"] = "all"
    at.run()
    columns = list(at.dataframe[0].value.columns)
    assert "徐闻县(2021年)" in columns and "徐闻县(2022年)" in columns
    at.switch_page("pages/upload.py").run()
    at.button(key="keep_xuwen").click().run()
    assert not at.exception, at.exception
    assert (tmp_path / "corpus" / "xuwen.2022.txt").read_text("utf-8") == XUWEN_2022
    (kept,) = yaml.safe_load((tmp_path / "user_corpus.yaml").read_text("utf-8"))["jurisdictions"]
    assert (kept["id"], kept["report_year"], kept["name_en"]) == ("xuwen", 2022, "Xuwen County")
