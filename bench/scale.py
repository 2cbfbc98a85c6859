"""Benchmark: extraction and the dashboard as the corpus grows.

    python bench/scale.py [--sizes 100 1000 10000] [--workers 1 2] [--app-sizes 5 300 3000]

(``--app-sizes`` with no sizes leaves the dashboard out: ``--sizes 30000 --workers 2 --app-sizes``.)

Prints a Markdown table of extraction throughput (1 and 2 workers, process pool), the Dask
LocalCluster's overhead against the process pool, peak memory of the whole process tree, and
the dashboard's first render and one interaction through AppTest at several corpus sizes.
Synthetic reports come from make_corpus.py (real gazetteer names, known answer key).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak MB of the process and its children) for one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    ps = psutil.Process(proc.pid)
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                procs = [ps, *ps.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.1)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    proc.wait()
    done.set()
    t.join()
    return time.perf_counter() - start, peak


def extraction(sizes: list[int], tmp: Path, pool_workers: tuple[int, ...] = (1, 2)) -> list[str]:
    rows = ["| reports | MB | engine | workers | seconds | MB/s | reports/s | peak memory (MB) |",
            "|---|---|---|---|---|---|---|---|"]
    corpus = tmp / "corpus"
    make_corpus(corpus, max(sizes))
    files = sorted((corpus / "reports").glob("*.txt"))
    for n in sizes:
        folder = tmp / f"in{n}"
        folder.mkdir()
        for f in files[:n]:
            os.link(f, folder / f.name)
        mb = sum(f.stat().st_size for f in files[:n]) / 1e6
        setups = [("process pool", w) for w in pool_workers]
        if n == 1000 and 2 in pool_workers:
            setups.append(("dask LocalCluster", 2))
        for engine, workers in setups:
            out = tmp / f"out{n}_{workers}_{engine[:4]}"
            cmd = [sys.executable, "-m", "extract", str(folder), "--out", str(out), "--no-cache",
                   "--workers", str(workers)]
            if engine.startswith("dask"):
                cmd += ["--engine", "dask"]
            secs, peak = run_measured(cmd)
            rows.append(f"| {n:,} | {mb:.1f} | {engine} | {workers} | {secs:.1f} | {mb / secs:.2f} | "
                        f"{n / secs:.0f} | {peak:.0f} |")
            print(rows[-1], flush=True)
    return rows


def app(sizes: list[int], tmp: Path) -> list[str]:
    """First render and one interaction of Overview and Compare, through AppTest, per corpus size."""
    rows = ["| jurisdictions | page | first render (s) | interaction (s) |", "|---|---|---|---|"]
    corpus = tmp / "corpus"
    files = sorted((corpus / "reports").glob("*.txt"))
    for n in sizes:
        data_dir = tmp / f"app{n}"
        if n <= 5:
            cmd = [sys.executable, "-m", "extract", "--out", str(data_dir), "--no-cache"]
        else:
            folder = tmp / f"appin{n}"
            folder.mkdir(exist_ok=True)
            for f in files[:n]:
                if not (folder / f.name).exists():
                    os.link(f, folder / f.name)
            cmd = [sys.executable, "-m", "extract", str(folder), "--out", str(data_dir), "--workers", "2",
                   "--replace"]
        subprocess.run(cmd, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        script = """
import time, json
from streamlit.testing.v1 import AppTest
out = {}
for page in ("overview", "compare", "profile", "_themes", "reports"):
    t = time.perf_counter()
    at = AppTest.from_file("pages/{}.py".format(page), default_timeout=300).run()
    first = time.perf_counter() - t
    assert not at.exception, at.exception
    t = time.perf_counter()
    if page == "compare":  # one indicator: sorted bars, ranking and the distribution
        at.multiselect(key="indicators_online").set_value(["full_online_rate"]).run()
    elif page == "overview" and at.number_input:  # the next page of the matrix
        at.number_input(key="page").set_value(2).run()
    elif page == "profile":  # another jurisdiction
        box = at.selectbox(key="jurisdiction")
        box.set_value(box.options[-1]).run()
    elif page == "_themes":  # raw counts
        at.toggle(key="raw").set_value(True).run()
    elif page == "reports":  # a search over every report
        at.text_input(key="query").set_value("一网通办").run()
    else:
        at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    out[page] = (first, time.perf_counter() - t)
print(json.dumps(out))
"""
        env = {**os.environ, "DASHBOARD_DATA": str(data_dir)}
        res = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
        import json

        try:
            times = json.loads(res.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(res.stderr[-2000:])
            continue
        for page, (first, inter) in times.items():
            rows.append(f"| {n:,} | {page} | {first:.2f} | {inter:.2f} |")
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="process-pool sizes (default 1 2)")
    ap.add_argument("--app-sizes", type=int, nargs="*", default=[5, 300, 3000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ex = extraction(args.sizes, tmp_path, tuple(args.workers))
        ap_rows = app(args.app_sizes, tmp_path)
    print("\n".join(["", *ex, "", *ap_rows]))


if __name__ == "__main__":
    main()
