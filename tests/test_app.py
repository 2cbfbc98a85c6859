"""Every dashboard page under Streamlit's AppTest: renders, reacts, says 'not reported', switches language."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "compare", "profile", "_themes", "reports", "trends"]


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders(page: str) -> None:
    at = run(page, q="一网通办")
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", PAGES)
def test_language_switch_changes_the_labels(page: str) -> None:
    at = run(page)
    zh_title = at.title[0].value
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value != zh_title
    assert at.title[0].value.isascii()
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"


def test_app_entry_point_runs() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception


def test_overview_shows_not_reported_and_evidence() -> None:
    at = run("overview")
    (spec,) = specs(at)
    cells = [c for row in spec["data"][0]["text"] for c in row]
    assert "未报告" in cells
    assert any(c.startswith("&gt;") for c in cells)  # a bound keeps its sign, escaped for Plotly
    hover = " ".join(spec["data"][1]["hovertext"])  # the cells' click targets carry the hover
    assert "网上可办率达100%" in hover
    table = at.dataframe[0].value
    assert (table == "未报告").any().any()


def test_compare_selection_changes_the_chart() -> None:
    at = run("compare", cat="online")
    before = specs(at)
    at.multiselect(key="indicators_online").set_value(["full_online_rate"]).run()
    after = specs(at)
    assert not at.exception
    assert before != after
    assert after[0]["layout"]["title"]["text"] in ("网上办理", "全程网办率")
    assert len(after[0]["data"]) == 5  # one bar per jurisdiction


def test_compare_names_missing_jurisdictions_as_not_reported() -> None:
    at = run("compare", cat="", ind="review_score")
    (spec,) = specs(at)
    notes = [a["text"] for a in spec["layout"]["annotations"]]
    assert notes.count("未报告") == 4  # only one report has a review score; four are named as missing
    values = [y for trace in spec["data"] for y in trace["y"]]
    assert 0 not in values  # missing is never drawn as zero


def test_rates_and_counts_never_share_an_axis() -> None:
    at = run("compare", cat="", ind="online_available_rate,hotline_requests")
    assert len(specs(at)) == 2


def test_selection_lives_in_the_url() -> None:
    at = run("compare", cat="time_compression", j="xianning,wushen", log="1")
    assert at.multiselect(key="jurisdictions").value == ["xianning", "wushen"]
    assert at.toggle(key="log").value is True
    assert at.query_params["j"] in (["xianning,wushen"], "xianning,wushen")


def test_profile_marks_every_figure_in_the_text() -> None:
    at = run("profile", jur="guangzhou")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert html.count("<mark") >= 10
    assert "越秀区试点" in html


def test_reports_search_finds_both_scripts() -> None:
    at = run("reports", q="一网通办")
    labels = [e.label for e in at.expander]
    assert any(label.startswith("兴国县 · ") for label in labels), labels  # 一網通辦, traditional script
    assert len(specs(at)) == 1


def test_reports_added_by_the_command_line_appear(tmp_path, monkeypatch) -> None:
    from extract.cli import main

    out = tmp_path / "data"
    assert main(["--out", str(out)]) == 0
    report = tmp_path / "newcounty.txt"
    report.write_text("某某县政务服务数据管理局2023年工作总结\n全县政务服务事项1500项,网上可办率达99%。\n", "utf-8")
    assert main([str(report), "--out", str(out)]) == 0
    monkeypatch.setattr("dashboard.data.DATA", out)
    at = run("overview")
    assert not at.exception
    (spec,) = specs(at)
    assert "某某县" in spec["data"][0]["x"]
    assert any("user-added" in h.proto.body or "用户添加" in h.proto.body for h in at.get("html"))


def test_compare_offers_every_export() -> None:
    at = run("compare", cat="online")
    labels = [b.proto.label for b in at.get("download_button")]
    for label in ("下载对比CSV", "下载全部数值(含原文)CSV", "下载Excel", "下载简报包(zip)"):
        assert label in labels
    from briefing import images

    if images.available():
        assert "幻灯片PNG" in labels and "SVG" in labels
    else:
        assert any("无法生成幻灯片图片" in w.value for w in at.warning)


def test_compare_says_clearly_when_images_cannot_be_made(monkeypatch, tmp_path) -> None:
    from briefing import images

    monkeypatch.setattr(images, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(images, "_started", False)
    at = run("compare", cat="online", lang="en")
    assert not at.exception
    assert any("slide images need Debian's chromium" in w.value for w in at.warning)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download CSV" in labels and "Download Excel" in labels and "Slide PNG" not in labels


def test_themes_page_heatmap_and_toggle() -> None:
    at = run("_themes", term="一網通辦")
    assert not at.exception
    first = specs(at)[0]
    at.toggle(key="raw").set_value(True).run()
    second = specs(at)[0]
    assert first["data"][0]["z"] != second["data"][0]["z"]
    assert any("<mark>" in h.proto.body for h in at.get("html"))  # keyword in context, either script


UPLOAD = "成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项,网上可办率达99.2%。\n".encode()


def test_upload_confirm_then_it_appears_on_the_overview() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    at.file_uploader(key="files").upload("武侯 report<script>.txt", UPLOAD, "text/plain").run()
    assert not at.exception
    sha = __import__("hashlib").sha256(UPLOAD).hexdigest()
    assert at.text_input(key=f"name_{sha}").value == "武侯区"  # detected from the text, by the gazetteer
    assert at.text_input(key=f"id_{sha}").value.startswith("report_")
    at.text_input(key=f"id_{sha}").set_value("wuhou")
    at.button[0].click().run()  # the form's confirm button
    assert not at.exception
    assert any("wuhou" in s.value for s in at.success)
    at.switch_page("pages/overview.py").run()
    (spec,) = specs(at)
    assert "武侯区" in spec["data"][0]["x"]
    cells = [row[-1] for row in spec["data"][0]["text"]]
    assert "1,800项" in cells and "99.2%" in cells


def test_upload_bad_files_each_get_a_message() -> None:
    at = run("upload")
    uploader = at.file_uploader(key="files")
    uploader.upload("empty.txt", b"", "text/plain")
    uploader.upload("scan.pdf", b"%PDF-1.4\n garbage", "application/pdf")
    uploader.upload("good.txt", UPLOAD, "text/plain").run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # the page escapes Markdown
    assert "empty.txt: the file is empty" in errors
    assert "scan.pdf: not a readable PDF" in errors
    assert len(at.get("form")) == 1  # the good file still goes through


def test_keep_saves_into_the_corpus_and_data(tmp_path, monkeypatch) -> None:
    from tests.test_corpus import _project

    config = _project(tmp_path)
    monkeypatch.setattr("dashboard.data.CONFIG", config)
    monkeypatch.setattr("dashboard.data.DATA", tmp_path / "data")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    at.file_uploader(key="files").upload("../../etc/passwd.txt", UPLOAD, "text/plain").run()
    sha = __import__("hashlib").sha256(UPLOAD).hexdigest()
    at.text_input(key=f"id_{sha}").set_value("wuhou")
    at.button[0].click().run()
    at.button(key="keep_wuhou").click().run()
    assert not at.exception
    assert (tmp_path / "corpus" / "wuhou.txt").read_bytes() == UPLOAD
    assert not (tmp_path / "etc").exists()
    assert "wuhou" in (tmp_path / "data" / "reports.csv").read_text("utf-8-sig")
    assert "wuhou" in (tmp_path / "user_corpus.yaml").read_text("utf-8")


# --- Issue 13: a researcher's whole journey. Each bug first reproduced here, then fixed. ---

APP_PAGES = ["overview", "compare", "profile", "_themes", "trends", "reports", "upload"]
TITLES = {"zh": "总览", "en": "Overview"}


def app(**params: str) -> AppTest:
    """The whole app (app.py's navigation), opened at an address with these parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def visit(at: AppTest, page: str, **params: str) -> AppTest:
    """Change page as the sidebar menu does: only the link's parameters in the address."""
    at.query_params.clear()
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, at.exception)
    return at


def assert_language(at: AppTest, lang: str) -> None:
    assert at.sidebar.segmented_control(key="lang").value == lang  # the control shows it selected
    assert param(at, "lang") == lang
    assert at.title[0].value.isascii() == (lang == "en"), at.title[0].value


@pytest.mark.parametrize("how", ["switched", "address"])
def test_language_holds_on_every_page_change_in_both_directions(how: str) -> None:
    at = app(lang="en") if how == "address" else app()
    if how == "switched":
        at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert_language(at, "en")
    for page in APP_PAGES * 2:  # twice round: it used to be lost on every second change
        assert_language(visit(at, page, lang=param(at, "lang")), "en")
    at.sidebar.segmented_control(key="lang").set_value("zh").run()
    for page in APP_PAGES:
        assert_language(visit(at, page, lang=param(at, "lang")), "zh")


def test_language_holds_when_the_address_loses_it() -> None:
    """A page reached without ?lang (browser back to an older entry) keeps the session's language."""
    at = app(lang="en")
    for page in ["compare", "profile", "overview"]:
        assert_language(visit(at, page), "en")


def _a_page_run() -> None:  # a page's run as app.py wraps it, for AppTest.from_function
    import streamlit as st

    from dashboard import ui
    from dashboard.ui import address_kept

    with address_kept():
        ui.setup("compare")
        st.query_params["j"] = "xianning"
        st.query_params["log"] = "1"
        st.stop()  # a page that stops early (nothing chosen) is remembered too


def test_a_run_remembers_the_address_it_leaves() -> None:
    at = AppTest.from_function(_a_page_run).run()
    assert not at.exception
    assert at.session_state["_addresses"] == {"compare": {"lang": "zh", "j": "xianning", "log": "1"}}


def test_the_entry_point_runs_outside_streamlit() -> None:
    """Worker processes (multiprocessing's spawn) may run app.py as their __main__ after AppTest."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "app.py")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


# AppTest runs a page alone after switch_page (not through app.py), so these start from what
# app.py's address_kept remembers; tests/test_journey.py goes the whole way in chromium.
LEFT = {"compare": {"lang": "en", "prov": "", "lvl": "county", "yr": "", "cat": "", "j": "xianning,wushen",
                    "ind": "hotline_requests", "log": "1"}}


def test_a_page_reached_without_its_selection_gets_it_back() -> None:
    at = app(lang="en")
    at.session_state["_addresses"] = copy.deepcopy(LEFT)
    visit(at, "compare", lang="en")  # the browser's back button to the entry before the selection
    assert at.multiselect(key="jurisdictions").value == ["xianning", "wushen"]
    assert at.multiselect(key="indicators_").value == ["hotline_requests"]
    assert at.toggle(key="log").value is True
    assert param(at, "j") == "xianning,wushen"


def test_filters_are_one_choice_for_every_page() -> None:
    at = app(lang="en")
    visit(at, "compare", lang="en")
    at.sidebar.multiselect(key="filter_lvl").set_value(["county"]).run()
    assert at.multiselect(key="jurisdictions").options == ["Xuwen County", "Xingguo County"]
    for page in ["profile", "overview", "_themes", "compare"]:
        visit(at, page, lang="en")
        if page != "profile":
            assert at.sidebar.multiselect(key="filter_lvl").value == ["county"], page
            assert param(at, "lvl") == "county"
    visit(at, "overview", lang="en", lvl="prefecture-level city")  # an address that gives a filter wins
    assert at.sidebar.multiselect(key="filter_lvl").value == ["prefecture-level city"]


def test_menu_links_carry_each_pages_last_selection() -> None:
    at = app(lang="en")
    at.session_state["_addresses"] = copy.deepcopy(LEFT)
    visit(at, "overview", lang="en")
    links = {link.proto.label: link.proto.query_string for link in at.sidebar.get("page_link")}
    assert "j=xianning%2Cwushen" in links["Compare"] and "lang=en" in links["Compare"]
    assert "lvl=&" in links["Compare"]  # today's filters (none), not the ones it was left with
    assert links["Reports"] == "lang=en"  # not visited yet: only the language
    assert links["Overview"] == "lang=en"  # the page itself: setup fills in its latest selection


UPLOAD_BOUND = ("成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项,"
                "网上可办率超过95%<script>alert(1)</script>。\n").encode()


def confirmed_upload(lang: str, english_name: str = "", at: AppTest | None = None) -> AppTest:
    """The app after a report was uploaded and confirmed on Add reports, its English name as given."""
    at = at or app(lang=lang)
    visit(at, "upload", lang=lang)
    at.file_uploader(key="files").upload("wuhou.txt", UPLOAD_BOUND, "text/plain").run()
    sha = __import__("hashlib").sha256(UPLOAD_BOUND).hexdigest()
    at.text_input(key=f"id_{sha}").set_value("wuhou")
    at.text_input(key=f"name_en_{sha}").set_value(english_name)
    at.text_input(key=f"prov_{sha}").set_value("")  # detected (四川省), cleared: blank as well
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_an_upload_without_english_name_keeps_blanks_blank() -> None:
    from dashboard import data
    from extract.config import Jurisdiction
    from extract.readers import read_bytes

    frames = data.load()
    juris = Jurisdiction(id="wuhou", name_zh="武侯区", name_en=None, province=None, level=None, report_year=2023,
                         agency=None, report="")
    upload = data.extract_upload(frames.config, juris, read_bytes(UPLOAD_BOUND, ".txt", "wuhou.txt"))
    merged = data.with_uploads(frames, [upload]).reports
    assert not merged.drop(columns="user_added").isna().any().any(), merged.isna().sum()
    row = merged[merged["jurisdiction"] == "wuhou"].iloc[0]
    assert (row["name_en"], row["province"], row["agency"]) == ("", "", "")
    assert data.display_name(merged, "wuhou", "en") == "武侯区 (Wuhou Qu)"  # no English name: its pinyin beside it
    assert merged["user_added"].tolist() == [False] * len(frames.reports) + [True]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_works_after_an_upload_without_english_name(lang: str) -> None:
    at = confirmed_upload(lang)
    for page in [*APP_PAGES, "upload"]:  # Add reports again: its next rerun used to fail
        visit(at, page, lang=lang)
        assert_language(at, lang)
        shown = " ".join([h.proto.body for h in at.get("html")] + [m.value for m in at.markdown])
        assert "nan" not in shown.replace("nano", ""), (page, shown[:500])
        if page == "overview":
            (spec,) = specs(at)
            name = "武侯区 (Wuhou Qu)" if lang == "en" else "武侯区"  # no English name: its pinyin in English
            assert name in spec["data"][0]["x"] and "nan" not in spec["data"][0]["x"]
            assert "nan" not in [str(c) for c in at.dataframe[0].value.columns]
        if page == "compare":
            assert "wuhou" in at.multiselect(key="jurisdictions").value


def test_themes_with_a_term_that_has_no_hits() -> None:
    at = run("_themes", term="没有这个词", lang="en")
    assert not at.exception, at.exception
    assert any(i.value == "No matches." for i in at.info)


@pytest.fixture
def with_a_failed_report(tmp_path, monkeypatch):
    """data/ of the bundled reports plus one empty file, which fails to read."""
    from extract.cli import main

    out = tmp_path / "data"
    assert main(["--out", str(out)]) == 0
    empty = tmp_path / "emptyx.txt"
    empty.write_bytes(b"")
    assert main([str(empty), "--out", str(out)]) == 1
    assert "the file is empty" in (out / "reports.csv").read_text("utf-8-sig")
    monkeypatch.setattr("dashboard.data.DATA", out)
    return out


def test_themes_with_only_failed_reports_chosen(with_a_failed_report) -> None:
    at = run("_themes", tjs="emptyx", lang="en")
    assert not at.exception, at.exception
    assert "emptyx" not in at.multiselect(key="theme_js").options  # never chosen as data
    notes = " ".join(c.value for c in at.caption) + " ".join(w.value for w in at.warning)
    assert "emptyx" in notes and "the file is empty" in notes  # listed with its message


def test_a_shared_address_naming_a_report_this_session_lacks() -> None:
    for page, name in (("compare", "j"), ("_themes", "tjs")):
        at = run(page, **{name: "xuwen,wuhou", "lang": "en"})
        assert not at.exception, at.exception
        notes = [n.value for n in [*at.info, *at.warning, *at.caption] if "wuhou" in n.value]
        assert len(notes) == 1 and "not in this session" in notes[0], notes
        assert param(at, name) == "xuwen"


def test_a_shared_address_naming_a_missing_report_on_the_profile() -> None:
    at = app(lang="en")
    visit(at, "profile", lang="en", jur="wuhou")
    assert any("wuhou" in n.value and "not in this session" in n.value for n in at.info)


def test_upload_shows_the_figures_before_confirming() -> None:
    at = app(lang="en")
    visit(at, "upload", lang="en")
    at.file_uploader(key="files").upload("wuhou.txt", UPLOAD_BOUND, "text/plain").run()
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "Service items (total)" in shown or "service items" in shown.lower()
    assert "1,800 items" in shown and "&gt;95%" in shown  # the value with its bound sign, in English
    assert "网上可办率超过95%" in shown  # the evidence
    assert "<script>" not in shown and "&lt;script&gt;" in shown  # report text escaped


def test_upload_box_limit_matches_the_help_text() -> None:
    import tomllib

    from extract.readers import MAX_BYTES

    at = run("upload")
    assert at.file_uploader(key="files").proto.max_upload_size_mb == MAX_BYTES // 2**20 == 20
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_BYTES // 2**20
    assert "20 MB" in at.caption[0].value


def test_keep_then_rerun_shows_no_duplicate_warning(tmp_path, monkeypatch) -> None:
    from tests.test_corpus import _project

    monkeypatch.setattr("dashboard.data.CONFIG", _project(tmp_path))
    monkeypatch.setattr("dashboard.data.DATA", tmp_path / "data")
    at = app(lang="en")
    visit(at, "upload", lang="en")
    at.file_uploader(key="files").upload("wuhou.txt", UPLOAD, "text/plain").run()
    sha = __import__("hashlib").sha256(UPLOAD).hexdigest()
    at.text_input(key=f"id_{sha}").set_value("wuhou")
    at.button[0].click().run()
    assert not [w.value for w in at.warning if "not added again" in w.value]  # confirmed: not a duplicate
    at.button(key="keep_wuhou").click().run()
    assert any("Kept as" in s.value for s in at.success)
    at.run()
    assert not at.exception
    assert not [w.value for w in at.warning if "not added again" in w.value]


def test_a_confirmed_upload_joins_the_compare_selection() -> None:
    at = app(lang="en")
    at.session_state["_addresses"] = {"compare": {**LEFT["compare"], "lvl": ""}}
    at = confirmed_upload("en", at=at)
    visit(at, "compare", **at.session_state["_addresses"]["compare"])  # as the menu's link opens it
    assert at.multiselect(key="jurisdictions").value == ["xianning", "wushen", "wuhou"]


def test_a_list_in_the_address_is_read_once_per_value() -> None:
    at = run("_themes", tjs=",".join(["xuwen", "guangzhou"] * 20), lang="en")
    assert not at.exception, at.exception
    assert at.multiselect(key="theme_js").value == ["xuwen", "guangzhou"]


def test_overview_sorts_only_by_the_rows_it_shows() -> None:
    """The template's cells are not matrix rows, so they are no sort choice either."""
    from dashboard import tables
    from extract import load_config
    at = run("overview")
    options = at.selectbox(key="sort").options
    config = load_config(ROOT / "config.yaml")
    assert len(options) == len(tables.overview_indicators(config)) + 1
    assert len(options) < len(tables.indicator_order(config)) + 1
