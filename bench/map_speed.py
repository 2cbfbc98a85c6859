"""The Map page's speed in real chromium, at 5 and at 3,000 jurisdictions, beside the Plotly floor.

    python bench/map_speed.py [--big DATA_DIR] [--runs 3] [--roots OLD_CHECKOUT .]

In each round, for each corpus and each checkout (``--roots``: before and after a change, measured
in the same rounds, so the machine's other work falls on all alike), a dashboard is started and
warmed (the map opened once); then a new tab opens the map at county level, timed from navigation
until the areas are drawn and the script is idle (first render in a new tab of a warm server),
and another indicator is chosen, timed from the key press until the new map is drawn (an indicator
change). Thresholds: 2 s and 1 s. Beside them, in the same rounds, the floor: a one-line
Streamlit app with one Plotly bar chart (bench/browser_speed.py), a new tab and a choice; every
chart page pays for Plotly's 4.7 MB bundle in a new tab. The 3,000 are the synthetic corpus
(bench/make_corpus.py: real county names and codes), extracted into a temporary folder unless
``--big`` names one already extracted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from browser_speed import CHROMIUM, FLOORS, IDLE, Page, floor_page, measure_warm  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
DRAWN = IDLE + " [data-testid='stPlotlyChart'] .choroplethlayer path"
FIRST, CHANGE = 2.0, 1.0  # seconds: the thresholds
TITLE = "document.querySelector('.gtitle')"


def map_page() -> Page:
    """The map at county level in a new tab; then another indicator, typed into the selectbox."""
    def prepare(page) -> None:
        title = page.locator(".gtitle").first.text_content()
        page.evaluate("t => { window.__title = t }", title)
        page.locator('[data-testid="stSelectbox"]').first.click()
        page.keyboard.type("满意" if "网" in title else "Satisf")

    def choose(page) -> None:
        page.keyboard.press("Enter")

    ready = f"!!document.querySelector({DRAWN!r})"
    done = f"{TITLE} && {TITLE}.textContent !== window.__title && {ready}"
    return Page("map", "map?at=county&ind=online_available_rate", ready, choose, prepare, done)


def big_corpus(n: int) -> Path:
    """The synthetic corpus of ``n`` reports, extracted into a temporary folder."""
    from make_corpus import make_corpus

    from extract.cli import main

    folder = Path(tempfile.mkdtemp(prefix="map_speed_"))
    make_corpus(folder / "corpus", n)
    main([str(folder / "corpus" / "reports"), "--out", str(folder / "data"), "--workers", "2", "--replace"])
    return folder / "data"


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def run(big: Path, runs: int, roots: list[Path], folder: Path) -> list[str]:
    """Every setting in each of ``runs`` rounds; the Markdown table's lines."""
    from playwright.sync_api import sync_playwright

    name = "one-line app with a chart"
    floor = folder / "floor_chart.py"
    floor.write_text(FLOORS[name], encoding="utf-8")
    settings = [(f"floor: {name}", floor, None, floor_page(name))]
    for label, data_dir in (("5", None), ("3,000", big)):
        for root in roots:
            settings.append((label if len(roots) == 1 else f"{label}, {root.name}", root, data_dir, map_page()))
    results: dict[str, tuple[list[float], list[float]]] = {s[0]: ([], []) for s in settings}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        for i in range(runs):
            for label, target, data_dir, page in settings:
                env = {**os.environ, **({"DASHBOARD_DATA": str(data_dir)} if data_dir else {})}
                got = measure_warm(browser, target, env, [page])
                results[label][0].append(got[(page.name, "new tab")])
                results[label][1].append(got[(page.name, "interaction")])
                print(f"run {i + 1}/{runs}, {label}: first {results[label][0][-1]:.2f}, "
                      f"change {results[label][1][-1]:.2f}", file=sys.stderr, flush=True)
        browser.close()
    rows = ["| jurisdictions | first render in a new tab (s) | indicator change (s) | within 2 s / 1 s |",
            "|---|---|---|---|"]
    for label, (firsts, changes) in results.items():
        first, change = statistics.median(firsts), statistics.median(changes)
        ok = "—" if label.startswith("floor") else "yes" if first <= FIRST and change <= CHANGE else "no"
        rows.append(f"| {label} | {_fmt(firsts)} | {_fmt(changes)} | {ok} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", type=Path, help="an extracted synthetic corpus (default: made now, 3,000 reports)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--roots", type=Path, nargs="+", default=[ROOT],
                    help="checkouts to measure in the same rounds (default: this one)")
    args = ap.parse_args()
    big = args.big or big_corpus(3000)
    with tempfile.TemporaryDirectory(prefix="map_speed_") as folder:
        print("\n".join(run(big.resolve(), args.runs, [r.resolve() for r in args.roots], Path(folder))))


if __name__ == "__main__":
    main()
