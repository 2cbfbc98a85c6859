"""The Map page's speed in real chromium, at 5 and at 3,000 jurisdictions.

    python bench/map_speed.py [--big DATA_DIR] [--runs 3]

For each corpus a dashboard is started and warmed (the map opened once), then, ``--runs`` times:
a new tab opens the map at county level, timed from navigation until the areas are drawn and the
script is idle (first render in a new tab of a warm server); then another indicator is chosen,
timed from the key press until the new map is drawn (an indicator change). Thresholds: 2 s and
1 s. The 3,000 are the synthetic corpus (bench/make_corpus.py: real county names and codes),
extracted into a temporary folder unless ``--big`` names one already extracted.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
DRAWN = IDLE + " [data-testid='stPlotlyChart'] .choroplethlayer path"
FIRST, CHANGE = 2.0, 1.0  # seconds: the thresholds


@contextmanager
def server(data_dir: Path | None) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, **({"DASHBOARD_DATA": str(data_dir)} if data_dir else {}))
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                                 "--server.address", "127.0.0.1", "--server.headless", "true",
                                 "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def measure(url: str, runs: int) -> tuple[list[float], list[float]]:
    """(first renders, indicator changes) in seconds."""
    from playwright.sync_api import sync_playwright

    firsts, changes = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        warm = browser.new_page()
        warm.goto(f"{url}/map?at=county", timeout=120_000)
        warm.wait_for_selector(DRAWN, state="attached", timeout=120_000)
        warm.close()
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1600, "height": 1200})
            start = time.perf_counter()
            page.goto(f"{url}/map?at=county&ind=online_available_rate", timeout=120_000)
            page.wait_for_selector(DRAWN, state="attached", timeout=120_000)
            firsts.append(time.perf_counter() - start)
            title = page.locator(".gtitle").first.text_content()
            page.locator('[data-testid="stSelectbox"]').first.click()
            page.keyboard.type("满意" if "网" in title else "Satisf")
            start = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function("t => document.querySelector('.gtitle') && "
                                   "document.querySelector('.gtitle').textContent !== t", arg=title, timeout=120_000)
            page.wait_for_selector(DRAWN, state="attached", timeout=120_000)
            changes.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return firsts, changes


def big_corpus(n: int) -> Path:
    """The synthetic corpus of ``n`` reports, extracted into a temporary folder."""
    from make_corpus import make_corpus

    from extract.cli import main

    folder = Path(tempfile.mkdtemp(prefix="map_speed_"))
    make_corpus(folder / "corpus", n)
    main([str(folder / "corpus" / "reports"), "--out", str(folder / "data"), "--workers", "2", "--replace"])
    return folder / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", type=Path, help="an extracted synthetic corpus (default: made now, 3,000 reports)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    big = args.big or big_corpus(3000)
    rows = ["| jurisdictions | first render in a new tab (s) | indicator change (s) | within 2 s / 1 s |",
            "|---|---|---|---|"]
    for label, data_dir in (("5", None), ("3,000", big)):
        with server(data_dir) as url:
            firsts, changes = measure(url, args.runs)
        first, change = statistics.median(firsts), statistics.median(changes)
        ok = "yes" if first <= FIRST and change <= CHANGE else "NO"
        rows.append(f"| {label} | {first:.2f} (max {max(firsts):.2f}) | {change:.2f} (max {max(changes):.2f}) | {ok} |")
        print(rows[-1], flush=True)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
