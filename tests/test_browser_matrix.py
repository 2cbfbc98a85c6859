"""The matrix click and the profile's highlights in real chromium (AppTest cannot click a chart or
read a style): a cell opens its figure's sentence in the profile, every link of the profile
reaches its highlight, and the clicked one is marked apart. Screenshots go to screenshots/.
"""

from __future__ import annotations

import pytest

from tests import test_browser as base
from tests.test_browser import CHART_READY, IDLE, SHOTS

server, browser = base.server, base.browser  # the same fixtures: a dashboard and a chromium for this module

pytestmark = pytest.mark.browser

OUTLINED = """() => Array.from(document.querySelectorAll('.report-text mark'))
    .filter(m => getComputedStyle(m).outlineStyle === 'solid').map(m => m.textContent)"""


IN_VIEW = """m => { let box = m.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) box = box.parentElement;
    const r = m.getBoundingClientRect(), b = box.getBoundingClientRect();
    return r.top >= b.top && r.bottom <= b.bottom && r.bottom <= window.innerHeight; }"""


def _cell(page, text: str):
    return page.locator('[data-testid="stPlotlyChart"] g.text text, [data-testid="stPlotlyChart"] text',
                        has_text=text).first


@pytest.mark.parametrize(("lang", "title"), [("zh", "地区档案"), ("en", "Jurisdiction profile")])
def test_a_click_on_a_cell_opens_its_sentence_in_the_profile(server, browser, lang: str, title: str) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1400})
    page.goto(f"{server}/?lang={lang}&sort=materials_reduction", timeout=60_000)
    page.wait_for_selector(CHART_READY, timeout=60_000)
    page.wait_for_timeout(500)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"overview_sorted_{lang}.png"), full_page=True)
    box = _cell(page, "66%†").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    hover = page.evaluate("document.querySelector('.hoverlayer').textContent")
    assert "越秀区试点" in hover
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/profile?*", timeout=60_000)
    page.wait_for_selector(IDLE + " .report-text", timeout=60_000)
    page.wait_for_timeout(800)  # the scroll to the figure
    assert "jur=guangzhou" in page.url and "fig=materials_reduction-1072-1079" in page.url
    assert f"lang={lang}" in page.url
    assert page.locator("h1").first.inner_text() == title
    chosen = page.locator(".report-text mark.sel")
    assert chosen.count() == 1 and chosen.inner_text() == "材料少报66%"
    assert chosen.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 159, 67)"
    assert chosen.evaluate(IN_VIEW)  # scrolled into the view of the text's box
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / f"profile_from_matrix_{lang}.png"))
    page.go_back()  # back on the overview, which must not send us to the profile again
    page.wait_for_selector(CHART_READY, timeout=60_000)
    page.wait_for_timeout(1000)
    assert "/profile" not in page.url
    page.close()


def test_every_profile_link_reaches_its_highlight_and_the_clicked_one_stands_out(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1200})
    page.goto(f"{server}/profile?lang=en&jur=guangzhou", timeout=60_000)
    page.wait_for_selector(IDLE + " .report-text", timeout=60_000)
    hrefs = page.eval_on_selector_all(".fig-list a", "els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) == 15
    assert page.evaluate("hs => hs.filter(h => !document.getElementById(h.slice(1)))", hrefs) == []
    assert page.evaluate(OUTLINED) == []  # nothing selected yet
    headline, further = "#fig-time_limit_compression-423-464", "#fig-time_limit_compression-423-456"
    page.locator(f'.fig-list a[href="{further}"]').click()
    page.wait_for_timeout(300)
    assert page.evaluate(OUTLINED) == ["实现市本级行政许可事项承诺时限在法定时限上的压缩比例由去年的48%"]
    page.locator(f'.fig-list a[href="{headline}"]').click()  # its sentence holds the one before
    page.wait_for_timeout(300)
    assert page.evaluate(OUTLINED) == ["实现市本级行政许可事项承诺时限在法定时限上的压缩比例由去年的48%",
                                       ",提升至超70%"]
    page.locator('.fig-list a[href="#fig-materials_reduction-1072-1079"]').click()
    page.wait_for_timeout(300)
    assert page.evaluate(OUTLINED) == ["材料少报66%"]
    page.screenshot(path=str(SHOTS / "profile_link_clicked_en.png"))
    page.close()
