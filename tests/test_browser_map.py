"""The Map page in real chromium: drawn offline at every level in both languages (screenshots to
screenshots/), a hover that names the place and its figure, and a click that opens the profile."""

from __future__ import annotations

import pytest

from tests import test_browser as base
from tests.test_browser import IDLE, SHOTS

server, browser = base.server, base.browser  # the same fixtures: a dashboard and a chromium for this module

pytestmark = pytest.mark.browser

MAP_READY = IDLE + " [data-testid='stPlotlyChart'] .choroplethlayer path"
AREAS = """() => Array.from(document.querySelectorAll('.choroplethlayer .trace'))
    .map(t => t.querySelectorAll('path').length)"""


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1600, "height": 1300})
    asked = []  # every address outside the dashboard the page asks for: none
    page.on("request", lambda r: asked.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    page.goto(url, timeout=60_000)
    page.wait_for_selector(MAP_READY, state="attached", timeout=60_000)  # areas out of the view are hidden
    page.wait_for_timeout(800)
    return page, asked


# (level, areas per trace: the provinces around, then grey and coloured areas level by level)
LEVELS = [("province", [34]), ("prefecture", [34, 1, 1]), ("county", [34, 1, 1, 3])]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("level", "areas"), LEVELS)
def test_the_map_renders_offline_at_each_level(server, browser, lang: str, level: str, areas: list[int]) -> None:
    page, asked = _open(browser, f"{server}/map?lang={lang}&at={level}&ind=online_available_rate")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate(AREAS) == areas
    assert asked == []
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"map_{level}_{lang}.png"), full_page=True)
    page.close()


def test_a_click_on_an_area_opens_its_profile(server, browser) -> None:
    page, _ = _open(browser, f"{server}/map?lang=en&at=prefecture&ind=online_available_rate")
    guangzhou = page.locator(".choroplethlayer .trace").last.locator("path").first  # the one coloured area
    box = guangzhou.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    hover = page.evaluate("document.querySelector('.hoverlayer').textContent")
    assert "Guangzhou" in hover and "100%" in hover and "Click for the profile" in hover
    page.mouse.click(x, y)
    page.wait_for_url("**/profile?*", timeout=60_000)
    page.wait_for_selector(IDLE + " .report-text", timeout=60_000)
    assert "jur=guangzhou" in page.url and "fig=online_available_rate-" in page.url and "lang=en" in page.url
    assert page.locator(".report-text mark.sel").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()
