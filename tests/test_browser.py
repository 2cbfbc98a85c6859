"""The dashboard in a real browser: Debian's chromium driven by Playwright.

Every page is opened in both languages; the test fails on an exception box and saves a
screenshot of each page to screenshots/ (git-ignored) for a person to look at. Where chromium
is not installed, it is skipped with a loud reason (the README's test command installs it).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SHOTS = ROOT / "screenshots"
PAGES = {"overview": "", "compare": "compare", "profile": "profile", "themes": "themes?term=一网通办",
         "reports": "reports?q=好差评", "map": "map", "trends": "trends"}
CHART_READY = '[data-testid="stApp"][data-test-script-state="notRunning"] [data-testid="stPlotlyChart"] .main-svg'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(env: dict[str, str] | None = None) -> Iterator[str]:
    """A dashboard (streamlit run app.py) on a free port, ``env`` added to its environment (DASHBOARD_DATA
    and DASHBOARD_CONFIG: another project's reports); its address. Skips where chromium is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"BROWSER TEST SKIPPED: {CHROMIUM} not found; install Debian's chromium and fonts-noto-cjk "
                    "(make test does this as root)")
    port = _free_port()
    # the server's log goes to a file: a pipe nobody reads fills up and stalls the server mid-test
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below, after the server stops)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                log.seek(0)
                pytest.fail(f"streamlit did not start: {log.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.5)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def server():
    with dashboard_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_name", list(PAGES))
def test_page_renders(server, browser, page_name: str, lang: str) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 2400})
    path = PAGES[page_name]
    sep = "&" if "?" in path else "?"
    page.goto(f"{server}/{path}{sep}lang={lang}", timeout=60_000)
    page.wait_for_selector(CHART_READY if page_name != "profile" else IDLE, timeout=60_000)
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{page_name}_{lang}.png"), full_page=True)
    page.close()


def test_upload_through_the_real_file_input(server, browser, tmp_path) -> None:
    report = tmp_path / "wuhou.txt"
    report.write_text("成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项,网上可办率达99.2%。\n", "utf-8")
    page = browser.new_page(viewport={"width": 1600, "height": 2000})
    page.goto(f"{server}/upload?lang=en", timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.set_input_files('[data-testid="stFileUploader"] input[type="file"]', str(report))
    page.wait_for_selector('[data-testid="stForm"]', timeout=60_000)
    page.get_by_role("button", name="Confirm and compare").click()
    page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=60_000)
    page.get_by_role("button", name="Keep").wait_for(timeout=60_000)  # listed, ready to keep
    assert "joined this session" in page.locator('[data-testid="stAlertContentSuccess"]').inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "upload_en.png"), full_page=True)
    page.close()


def test_the_themes_address_opens_its_page_without_a_not_found_dialog(browser) -> None:
    """A shared /themes address, as the first request of a fresh server, opens Themes with no
    "Page not found" dialog (the page's file is pages/_themes.py)."""
    with dashboard_server() as url:
        page = browser.new_page(viewport={"width": 1500, "height": 1200})
        page.goto(f"{url}/themes?lang=en", timeout=60_000)
        page.wait_for_selector(CHART_READY, timeout=60_000)
        page.wait_for_timeout(500)
        assert page.locator("h1").first.inner_text() == "Themes"
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[role="dialog"]').count() == 0
        page.close()


def test_back_within_a_page_undoes_a_selection(server, browser) -> None:
    """The browser's Back after changing a selection restores the previous selection, as the address does."""
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.goto(f"{server}/compare?lang=en", timeout=60_000)
    page.wait_for_selector(CHART_READY, timeout=60_000)
    title = page.locator('[data-testid="stPlotlyChart"] .gtitle').first  # the chart's title: the category
    assert title.text_content() == "Online services"
    page.get_by_label("Choose by category", exact=True).click()
    page.get_by_role("option", name="Satisfaction").click()
    page.wait_for_function("() => location.search.includes('cat=satisfaction')", timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(500)
    assert title.text_content() == "Satisfaction"
    page.go_back()
    page.wait_for_function("() => location.search.includes('cat=online')", timeout=10_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(CHART_READY, timeout=60_000)
    page.wait_for_timeout(1000)
    assert "cat=online" in page.url  # the address stays the older one ...
    assert title.text_content() == "Online services"  # ... and so does the page
    page.close()


TRACES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(d => d.data.map(t => [t.name, t.x, t.y]))"""
LINES = """(name) => [...document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')]
    .filter(g => g.closest('.js-plotly-plot').data[[...g.parentNode.children].indexOf(g)].name === name)
    .map(g => [g.querySelectorAll('.points path').length, (g.querySelector('.js-line') || {getAttribute: () => ''})
        .getAttribute('d')])"""


@pytest.fixture(scope="module")
def second_year_server(tmp_path_factory):
    """A dashboard on a project where ``python -m extract add`` kept Xuwen's 2022 report beside its 2021 one."""
    from tests.multi_year import with_second_year

    config, out = with_second_year(tmp_path_factory.mktemp("second_year"))
    with dashboard_server({"DASHBOARD_DATA": str(out), "DASHBOARD_CONFIG": str(config)}) as url:
        yield url


@pytest.mark.parametrize(("lang", "name", "title"), [("zh", "徐闻县", "趋势"), ("en", "Xuwen County", "Trends")])
def test_trends_draws_the_second_year(second_year_server, browser, lang: str, name: str, title: str) -> None:
    """After `python -m extract add` of a second year for a seed: a two-point line on Trends, in both languages,
    and both years in the overview's table when all years are asked for."""
    page = browser.new_page(viewport={"width": 1500, "height": 2200})
    page.goto(f"{second_year_server}/trends?lang={lang}&ind=full_online_rate,service_items_total", timeout=60_000)
    page.wait_for_selector(CHART_READY, timeout=60_000)
    page.wait_for_timeout(800)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text() == title
    rate, items = page.evaluate(TRACES)
    assert [name, [2021, 2022], [96.08, 98]] in rate
    assert [name, [2021, 2022], [1677, 1820]] in items
    points, path = page.evaluate(LINES, name)[0]
    assert points == 2 and path.count("L") == 1  # two markers joined by one segment
    assert page.get_by_text(">98%").count() >= 1  # the bound sign on its point
    SHOTS.mkdir(exist_ok=True)
    for folder in (SHOTS, Path(tempfile.gettempdir())):
        page.screenshot(path=str(folder / f"trends_{lang}.png"), full_page=True)
    page.goto(f"{second_year_server}/?lang={lang}&year=all", timeout=60_000)
    page.wait_for_selector(CHART_READY, timeout=60_000)
    page.wait_for_timeout(500)
    (matrix,) = page.evaluate(TRACES)
    columns = matrix[0][1]
    years = ("(2021年)", "(2022年)") if lang == "zh" else ("(2021)", "(2022)")
    assert [c for c in columns if c.startswith(name)] == [f"{name}{'' if lang == 'zh' else ' '}{y}" for y in years]
    page.screenshot(path=str(SHOTS / f"overview_all_years_{lang}.png"), full_page=True)
    page.close()
