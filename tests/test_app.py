"""Every dashboard page under Streamlit's AppTest: renders, reacts, says 'not reported', switches language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "compare", "profile", "policy_themes", "reports"]


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
    at = run("policy_themes", term="一網通辦")
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
