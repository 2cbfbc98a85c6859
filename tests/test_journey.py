"""A researcher's whole journey in real chromium, in English and in Chinese (issue 13).

Switch the language, visit every page from the sidebar, add a report on Add reports with the
English name left blank, confirm, visit every page again, go back and forward, and open the
address in a fresh browser session, with and without ?lang=. On every visit: the language
holds (title, the switch's selected option, the address) and no exception box is shown; the
added report appears on Overview and Compare. Screenshots go to screenshots/journey_*.png.
"""

from __future__ import annotations

import re

import pytest

from dashboard.labels import t
from dashboard.ui import PAGES
from tests import test_browser as base
from tests.test_browser import IDLE, SHOTS

pytestmark = pytest.mark.browser

REPORT = "成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项,网上可办率超过95%。\n"
OTHER = {"en": "zh", "zh": "en"}
SWITCH = {"zh": "中文", "en": "English"}


server, browser = base.server, base.browser  # the same fixtures: a dashboard and a chromium for this module


def settle(page) -> None:
    """Wait until the script run the last action started has finished and drawn."""
    page.wait_for_timeout(400)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(400)


def check(page, lang: str, key: str, step: str) -> None:
    """The page ``key`` is shown in ``lang``, the switch shows it chosen, the address says it; no exception.

    Each is waited for a few seconds (the browser draws and rewrites the address after the run).
    """
    from playwright.sync_api import expect

    expect(page.locator("h1").first, step).to_have_text(t(key, lang), timeout=10_000)
    chosen = page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"] button[aria-checked="true"]')
    expect(chosen, step).to_have_count(1, timeout=10_000)
    expect(chosen, step).to_have_text(SWITCH[lang])
    expect(page, step).to_have_url(re.compile(rf"[?&]lang={lang}(&|$)"), timeout=10_000)
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, (step, exceptions.first.inner_text())


def via_sidebar(page, key: str, lang: str, step: str) -> None:
    index = [k for _, k, _, _ in PAGES].index(key)
    page.locator('[data-testid="stSidebar"] a').nth(index).click()
    page.wait_for_function("t => document.querySelector('h1') && document.querySelector('h1').innerText === t",
                           arg=t(key, lang), timeout=60_000)
    settle(page)
    check(page, lang, key, step)


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey_{name}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_researchers_journey(server, browser, tmp_path, lang: str) -> None:
    keys = [k for _, k, _, _ in PAGES]
    page = browser.new_page(viewport={"width": 1500, "height": 1800})
    page.goto(f"{server}/?lang={OTHER[lang]}" if lang == "zh" else server, timeout=60_000)  # start in the other
    settle(page)
    check(page, OTHER[lang], "overview", "start")
    page.locator('[data-testid="stSidebar"] button', has_text=SWITCH[lang]).click()
    settle(page)
    check(page, lang, "overview", "switched")
    for key in keys[1:] + keys[:1]:
        via_sidebar(page, key, lang, f"first round: {key}")

    # Add a report, English name left blank; the figures are shown before confirming.
    via_sidebar(page, "upload", lang, "upload")
    report = tmp_path / "wuhou.txt"
    report.write_text(REPORT, "utf-8")
    assert "20MB" in page.locator('[data-testid="stFileUploader"]').inner_text().replace(" ", "")  # the box's own limit
    page.set_input_files('[data-testid="stFileUploader"] input[type="file"]', str(report))
    form = page.locator('[data-testid="stForm"]')
    form.wait_for(timeout=60_000)
    settle(page)
    preview = form.inner_text()
    count = {"en": "1,800 items", "zh": "1,800项"}[lang]  # the unit in the page's language
    assert count in preview and ">95%" in preview and "网上可办率超过95%" in preview, preview
    page.get_by_label(t("jurisdiction_id", lang), exact=True).fill("wuhou")
    assert page.get_by_label(t("name_en", lang), exact=True).input_value() == ""
    shot(page, f"{lang}_upload_preview")
    page.get_by_role("button", name=t("confirm", lang)).click()
    page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=60_000)
    settle(page)
    check(page, lang, "upload", "confirmed")
    assert "wuhou" in page.locator('[data-testid="stAlertContentSuccess"]').first.inner_text()

    for key in keys:
        via_sidebar(page, key, lang, f"after the upload: {key}")
        text = page.locator('[data-testid="stMain"]').text_content()
        shot(page, f"{lang}_{key}_after_upload")  # every page, for a person to look at
        if key in ("overview", "compare"):
            assert "武侯区" in page.locator('[data-testid="stPlotlyChart"]').first.text_content(), key
        if key == "overview":
            assert t("user_added", lang) in text and "nan" not in re.sub(r"nano|finance", "", text)
    via_sidebar(page, "compare", lang, "compare again")
    shared = page.url

    # The browser's own buttons: back leaves the page (one entry per visit), the language holds.
    page.go_back()
    settle(page)
    check(page, lang, "upload", "back")
    page.go_back()
    settle(page)
    check(page, lang, "reports", "back again")
    page.go_forward()
    settle(page)
    check(page, lang, "upload", "forward")
    page.close()

    # The address in a fresh session: the language comes with it; the upload lives in the other
    # session only, so it is left out with a note saying why.
    for address, expected in ((shared, lang), (re.sub(r"lang=\w+&?", "", shared), "zh")):
        fresh = browser.new_context(viewport={"width": 1500, "height": 1800})
        other = fresh.new_page()
        other.goto(address, timeout=60_000)
        other.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
        settle(other)
        check(other, expected, "compare", f"shared address {address}")
        note = other.locator('[data-testid="stAlert"]', has_text="wuhou")
        assert note.count() == 1, address
        assert other.get_by_text(t("not_in_session", expected, ids="wuhou")).count() == 1
        if expected == lang:
            shot(other, f"{lang}_shared_address")
        fresh.close()
