"""Benchmark: the dashboard's speed in a real browser (Debian's chromium through Playwright).

    python bench/browser_speed.py [--sizes 5 3000] [--runs 3] [--pages overview compare ...]
                                  [--corpus DIR] [--years K]

For each corpus size, and for a one-line Streamlit app (the floor: what Streamlit itself costs
on this machine), it measures in chromium:

- **cold**: from starting ``streamlit run`` to the landing page's main content visible in a
  fresh browser context (nothing cached);
- **new tab**: each page opened in a new tab of a warm server (one that has served the landing
  page), from the tab's navigation to its main content visible;
- **interaction**: one change in the page (sort the matrix, another category, another
  jurisdiction, raw counts, a search, the language), from the click to the page settled.

"Visible" and "settled" mean Streamlit's running indicator gone (``data-test-script-state`` is
``notRunning``) and the page's expected element drawn (a chart's SVG, the report text, ...).
Each figure is the median of ``--runs`` runs (cold: a new server each run); the spread is
printed beside it. The thresholds (issue 13) are cold ≤ 3 s, new tab ≤ 1.5 s, interaction ≤
0.5 s, or within 0.3 s of the floor.

The 3,000-jurisdiction data is made as bench/scale.py makes it: synthetic reports from
make_corpus.py, extracted with two workers into a temporary folder that ``DASHBOARD_DATA``
points the dashboard at (``--corpus DIR`` keeps it in DIR for the next run). With ``--years K``
each synthetic jurisdiction has a report for each of K years (make_corpus.py ``--years``), so
Trends draws real series: ``--sizes 3000 --years 5`` is 15,000 reports. Chromium is
Debian's (/usr/bin/chromium, or $CHROMIUM); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
THRESHOLDS = {"cold": 3.0, "new tab": 1.5, "interaction": 0.5}
FLOOR_SLACK = 0.3  # a page within this many seconds of the one-line app passes too
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1500, "height": 1000}


@dataclass(frozen=True)
class Page:
    """A page to open and the one interaction to time on it."""

    name: str
    path: str  # the address after the server's root
    ready: str  # JavaScript expression: true when the page's main content is drawn
    act: Callable  # (playwright page) -> None: the interaction, started at once
    prepare: Callable | None = None  # (playwright page) -> None: before the clock starts (open a list)
    done: str = ""  # JavaScript expression: the interaction's result drawn (default: a new address, ready)


CHART = '[data-testid="stPlotlyChart"] .main-svg'
CHANGED = "location.search !== window.__before && "  # the address a run sends when it ends


def _js_ready(selector: str, text: str = "") -> str:
    """True when no run is going on and ``selector`` is in the page (with ``text`` in it, if given)."""
    check = f"e.textContent.includes({text!r})" if text else "true"
    return (f"!!document.querySelector({IDLE!r}) && "
            f"[...document.querySelectorAll({selector!r})].some(e => {check})")


def _choose(label: str, option_index: int) -> tuple[Callable, Callable]:
    """(open, click) for a selectbox: its list is opened before the clock starts; the click is timed."""

    def open_list(page) -> None:
        page.get_by_label(label, exact=True).first.click()
        page.locator('[role="option"]').nth(option_index).wait_for()

    def click(page) -> None:
        page.locator('[role="option"]').nth(option_index).click()

    return open_list, click


def dashboard_pages() -> list[Page]:
    """The dashboard's pages in English (pinyin beside names: the most work), each with its interaction."""
    sort_open, sort_click = _choose("Sort by indicator", 1)  # the first indicator
    cat_open, cat_click = _choose("Choose by category", 3)  # satisfaction (online is the default)
    jur_open, jur_click = _choose("Jurisdiction", 1)  # the second report

    def prepare_search(page) -> None:
        page.get_by_label("Full-text search", exact=False).first.fill("一网通办")

    def search(page) -> None:
        page.get_by_label("Full-text search", exact=False).first.press("Enter")

    def raw_counts(page) -> None:
        page.get_by_text("Raw counts", exact=False).first.click()

    def to_chinese(page) -> None:
        page.locator('[data-testid="stSidebar"] button', has_text="中文").click()

    return [
        Page("trends", "trends?lang=en", _js_ready(CHART), to_chinese, None, CHANGED + _js_ready("h1", "趋势")),
        Page("overview", "?lang=en", _js_ready(CHART), sort_click, sort_open),
        Page("compare", "compare?lang=en", _js_ready(CHART), cat_click, cat_open),
        Page("profile", "profile?lang=en", _js_ready('[data-testid="stMain"] mark'), jur_click, jur_open),
        Page("themes", "themes?lang=en", _js_ready(CHART), raw_counts),
        Page("reports", "reports?lang=en", _js_ready('[data-testid="stTextInput"] input'), search, prepare_search,
             CHANGED + _js_ready(CHART)),
        Page("upload", "upload?lang=en", _js_ready('[data-testid="stFileUploader"]'), to_chinese, None,
             CHANGED + _js_ready("h1", "添加报告")),
    ]


FLOORS = {  # one line each: what Streamlit costs, without and with one Plotly chart
    "one-line app": 'import streamlit as st; st.write("Floor:", st.selectbox("Choose", ["first", "second"]))\n',
    "one-line app with a chart": (
        "import streamlit as st, plotly.graph_objects as go; "
        'st.write("Floor:", st.selectbox("Choose", ["first", "second"])); '
        "st.plotly_chart(go.Figure(go.Bar(y=[3, 1, 2])))\n"),
}


def floor_page(name: str) -> Page:
    pick_open, pick_click = _choose("Choose", 1)
    ready = CHART if "chart" in name else '[data-testid="stMarkdown"]'
    return Page(name, "", _js_ready(ready) + " && " + _js_ready('[data-testid="stMarkdown"]', "first"),
                pick_click, pick_open, _js_ready(ready) + " && " + _js_ready('[data-testid="stMarkdown"]', "second"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(target: Path, env: dict[str, str]) -> Iterator[tuple[str, float]]:
    """``streamlit run`` on a free port (a checkout's app.py, or a script); (its address, when it was started)."""
    root, script = (target, "app.py") if target.is_dir() else (ROOT, str(target))
    port = _free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed below): a pipe nobody reads would stall the server
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - started > 120:
                    log.seek(0)
                    problem = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"streamlit did not start: {problem}") from None
                time.sleep(0.02)
        yield url, started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait(page, expression: str, what: str, timeout: float = 120) -> None:
    from playwright.sync_api import TimeoutError as Timeout

    try:
        page.wait_for_function(expression, timeout=timeout * 1000, polling="raf")
    except Timeout:
        shot = Path(tempfile.gettempdir()) / f"browser_speed_{what.replace(' ', '_')}.png"
        page.screenshot(path=str(shot))
        raise RuntimeError(f"{what}: not drawn after {timeout:.0f} s at {page.url} (screenshot {shot})") from None


def _check(page, what: str) -> None:
    boxes = page.locator('[data-testid="stException"]')
    if boxes.count():
        raise RuntimeError(f"{what}: exception in the page: {boxes.first.inner_text()[:500]}")


def measure_cold(browser, script: Path, env: dict[str, str], page: Page) -> float:
    """Seconds from starting the server to ``page``'s main content, in a fresh browser context."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        with server(script, env) as (url, started):
            tab = context.new_page()
            tab.goto(f"{url}/{page.path}", wait_until="commit", timeout=120_000)
            _wait(tab, page.ready, f"cold {page.name}")
            seconds = time.perf_counter() - started
            _check(tab, f"cold {page.name}")
            return seconds
    finally:
        context.close()


def measure_warm(browser, script: Path, env: dict[str, str], pages: list[Page],
                 landing: Page | None = None) -> dict[tuple[str, str], float]:
    """{(page, 'new tab' | 'interaction'): seconds} on a new server warmed by its landing page.

    Each page is opened in a new tab of one browser context (which holds Streamlit's scripts by
    then): its first visit in this server process, as a researcher opening it from a link.
    """
    out: dict[tuple[str, str], float] = {}
    context = browser.new_context(viewport=VIEWPORT)
    try:
        with server(script, env) as (url, _):
            tab = context.new_page()
            landing = landing or pages[0]  # the dashboard's own landing page (overview): what warms a server
            tab.goto(f"{url}/{landing.path}", timeout=120_000)
            _wait(tab, landing.ready, "landing")
            tab.close()
            for page in pages:
                tab = context.new_page()
                start = time.perf_counter()
                tab.goto(f"{url}/{page.path}", wait_until="commit", timeout=120_000)
                _wait(tab, page.ready, f"new tab {page.name}")
                out[(page.name, "new tab")] = time.perf_counter() - start
                _check(tab, f"new tab {page.name}")
                tab.wait_for_timeout(500)  # the page's last drawing done before the interaction
                if page.prepare is not None:
                    page.prepare(tab)
                tab.evaluate("window.__before = location.search")
                start = time.perf_counter()
                page.act(tab)
                _wait(tab, page.done or CHANGED + page.ready, f"interaction {page.name}")
                out[(page.name, "interaction")] = time.perf_counter() - start
                _check(tab, f"interaction {page.name}")
                tab.close()
    finally:
        context.close()
    return out


def make_data(n: int, folder: Path, years: int = 1) -> Path:
    """An extracted folder of ``n`` synthetic jurisdictions (as bench/scale.py makes it), each with
    ``years`` reports, reused if present."""
    from make_corpus import make_corpus, make_series

    if years > 1:
        out = folder / f"data{n}x{years}"
        if not (out / "manifest.json").exists():
            config = folder / f"corpus{n}x{years}" / "config.yaml"
            if not config.exists():
                make_series(config.parent, n, years)
            subprocess.run([sys.executable, "-m", "extract", "--config", str(config), "--out", str(out), "--workers",
                            "2", "--replace"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        return out
    out = folder / f"data{n}"
    if (out / "manifest.json").exists():
        return out
    corpus = folder / f"corpus{n}"
    if not (corpus / "reports").exists():
        make_corpus(corpus, n)
    subprocess.run([sys.executable, "-m", "extract", str(corpus / "reports"), "--out", str(out), "--workers", "2",
                    "--replace"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def dashboard_env(n: int, folder: Path, years: int = 1) -> dict[str, str]:
    """The dashboard's environment for ``n`` synthetic jurisdictions (``make_data``): DASHBOARD_DATA, and for a
    series DASHBOARD_CONFIG too (its reports are listed in its own config, and their texts found from its folder)."""
    env = {"DASHBOARD_DATA": str(make_data(n, folder, years))}
    if years > 1:
        env["DASHBOARD_CONFIG"] = str(folder / f"corpus{n}x{years}" / "config.yaml")
    return env


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def run(sizes: list[int], runs: int, only: list[str] | None, folder: Path, roots: list[Path],
        years: int = 1) -> list[str]:
    """Measure everything, ``runs`` times over; the Markdown table's lines."""
    from playwright.sync_api import sync_playwright

    settings = []  # (column, script or checkout, data folder, pages, landing pages for the cold start)
    for name, code in FLOORS.items():
        script = folder / f"floor_{len(settings)}.py"
        script.write_text(code, encoding="utf-8")
        settings.append((name, script, {}, [floor_page(name)], [floor_page(name)]))
    pages = [p for p in dashboard_pages() if only is None or p.name in only]
    landing = next(p for p in dashboard_pages() if p.name == "overview")
    colds = [Page("overview (Chinese, the default address)", "", landing.ready, landing.act), landing]
    for n in sizes:
        extra = {} if n <= 5 else dashboard_env(n, folder, years)
        for root in roots:  # several checkouts (before and after a change): measured in the same rounds
            size = f"{n:,}" if n <= 5 or years == 1 else f"{n:,} × {years} years"
            column = size if len(roots) == 1 else f"{size} {root.name}"
            settings.append((column, root, extra, pages, colds))
    results: dict[tuple[str, str, str], list[float]] = {}  # (column, page, measure) -> seconds per run
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        for i in range(runs):  # every setting in each round: the machine's other work falls on all alike
            for column, script, extra, these, landings in settings:
                env = {**os.environ, **extra}
                got = {(page.name, "cold"): measure_cold(browser, script, env, page) for page in landings}
                got.update(measure_warm(browser, script, env, these, landings[-1]))
                for (name, measure), seconds in got.items():
                    results.setdefault((column, name, measure), []).append(seconds)
                print(f"run {i + 1}/{runs}, {column}: " + ", ".join(f"{n} {m} {v:.2f}" for (n, m), v in got.items()),
                      file=sys.stderr, flush=True)
        browser.close()
    return table(results, [c for c, *_ in settings if c not in FLOORS])


MEASURES = ["cold", "new tab", "interaction"]


def table(results: dict[tuple[str, str, str], list[float]], columns: list[str]) -> list[str]:
    """Markdown: page × measure × corpus size, median (min–max) seconds, each judged against its threshold.

    ✓: within the threshold, or within 0.3 s of the one-line app; (✓): within 0.3 s of the one-line
    app with a chart only (what Plotly itself costs in the browser); ✗: neither.
    """
    floors = list(FLOORS)
    floor = {(c, m): statistics.median(v) for (c, _, m), v in results.items() if c in floors}
    lines = ["| page | measure | " + " | ".join(floors) + " | " + " | ".join(f"{c} jurisdictions" for c in columns)
             + " | threshold |", "|---|---|" + "---|" * (len(floors) + len(columns) + 1)]
    keys = sorted({(p, m) for (c, p, m) in results if c not in floors},
                  key=lambda k: (MEASURES.index(k[1]), _order(k[0])))
    for name, measure in keys:
        cells = [f"{floor[(f, measure)]:.2f}" for f in floors]
        for c in columns:
            values = results.get((c, name, measure))
            if not values:
                cells.append("—")
                continue
            median = statistics.median(values)
            if median <= THRESHOLDS[measure] or median <= floor[(floors[0], measure)] + FLOOR_SLACK:
                mark = "✓"
            elif median <= floor[(floors[1], measure)] + FLOOR_SLACK:
                mark = "(✓)"
            else:
                mark = "✗"
            cells.append(f"{_fmt(values)} {mark}")
        lines.append(f"| {name} | {measure} | " + " | ".join(cells) + f" | ≤ {THRESHOLDS[measure]} s |")
    return lines


def _order(name: str) -> int:
    names = [p.name for p in dashboard_pages()]
    return names.index(name) if name in names else len(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 3000], help="5 is the bundled data/")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (the median is shown)")
    ap.add_argument("--pages", nargs="+",
                    help="only these pages (trends overview compare profile themes reports upload)")
    ap.add_argument("--years", type=int, default=1, help="reports per synthetic jurisdiction, one a year (default 1)")
    ap.add_argument("--corpus", type=Path, help="keep the synthetic corpus and its extraction here, for reuse")
    ap.add_argument("--roots", type=Path, nargs="+", default=[ROOT],
                    help="checkouts to measure in the same rounds (before and after a change); default this one")
    args = ap.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (or set CHROMIUM)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # killed: the servers are stopped on the way out
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        lines = run(args.sizes, args.runs, args.pages, folder, [r.resolve() for r in args.roots], args.years)
    load = os.getloadavg()
    print(f"\n{date.today().isoformat()}, {platform.node()}: {os.cpu_count()} cores, {platform.python_version()}, "
          f"load average {load[0]:.2f} at the end (other work shares the machine); "
          f"seconds, median of {args.runs} (min–max)\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
