"""Benchmark: extraction speed per core, with start-up apart.

    python bench/extract_speed.py [--repeat 100] [--reports 1000] [--cold 400]

One process, one report after another (the place detected from the text, as for a report
config.yaml does not list). Prints the start-up (imports; config, OpenCC and gazetteer set-up),
then MB/s (UTF-8 bytes of report text per second) for
- the bundled seed reports, ``--repeat`` times over;
- a synthetic corpus of ``--reports`` reports that recombines the seeds' sentences with new numbers;
- the real long reports of the development corpus (``kind: long`` in devset/keys/<id>.yaml) whose
  texts dev/corpus/ holds (they are re-created there by devset's recipes, never committed);
and, in a fresh process, ``--cold`` seed-sized reports from interpreter start to the last report.

MB/s is by the wall clock and, in brackets, by the process's CPU time: on a busy machine the
wall clock also counts the time other work held the core; the CPU figure does not (though a
busy machine slows that too: shared caches). Each figure is the fastest of ``--runs`` runs.
"""

from __future__ import annotations

import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

T_IMPORTS = time.perf_counter()
from extract import Extractor, load_config  # noqa: E402
from extract.metadata import detect  # noqa: E402
from extract.text import sentences  # noqa: E402

IMPORTS = time.perf_counter() - T_IMPORTS


def setup() -> Extractor:
    """The extractor with everything loaded that a first report would load (OpenCC, the gazetteer)."""
    extractor = Extractor(load_config(ROOT / "config.yaml"))
    extractor.extract_text("预热：网上可办率达99%。")  # loads OpenCC's dictionaries
    detect("成都市武侯区行政审批局2023年工作总结", "成都市武侯区行政审批局2023年工作总结",
           extractor.config.levels)  # loads the gazetteer
    return extractor


def make_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write ``n`` synthetic reports of about the seeds' length into ``folder``."""
    rng = random.Random(seed)
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        pool += [text[s.start:s.end] for s in sentences(text)]
    paths = []
    for i in range(n):
        parts, size = [], 0
        target = rng.randint(11_000, 17_000) // 3  # characters; a CJK character is 3 bytes
        while size < target:
            s = re.sub(r"\d+(\.\d+)?", lambda m: str(round(rng.uniform(1, 10_000), rng.choice((0, 0, 2)))),
                       rng.choice(pool))
            parts.append(s)
            size += len(s)
        path = folder / f"synthetic_{i:05d}.txt"
        path.write_text("\n".join(parts), "utf-8")
        paths.append(path)
    return paths


def long_reports() -> list[Path]:
    """The development corpus's whole long texts (``kind: long``) that dev/corpus/ holds."""
    import yaml

    paths = []
    for key in sorted((ROOT / "devset" / "keys").glob("*.yaml")):
        if "kind: long" not in key.read_text("utf-8"):
            continue
        for j in yaml.safe_load(key.read_text("utf-8"))["jurisdictions"]:
            text = ROOT / "dev" / "corpus" / f"{j['id']}.txt"
            if j.get("kind") == "long" and text.exists():
                paths.append(text)
    return paths


def measure(extractor: Extractor, paths: list[Path], runs: int = 1) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, bytes, figures) for extracting ``paths`` one after another:
    the fastest of ``runs`` runs (by the wall clock; other work on the machine only slows a run)."""
    size = sum(p.stat().st_size for p in paths)
    best = None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        figures = sum(len(extractor.extract_file(p).figures) for p in paths)
        run = (time.perf_counter() - t, time.process_time() - c, size, figures)
        best = run if best is None or run < best else best
    return best


def line(name: str, n: int, secs: float, cpu: float, size: int, figs: int) -> str:
    mb = size / 1e6
    return (f"| {name} | {n:,} | {mb:.2f} | {secs:.2f} | {mb / secs:.2f} ({mb / cpu:.2f}) | "
            f"{n / secs:.0f} | {figs:,} |")


def cold(n: int) -> None:
    """In this fresh process: extract ``n`` seed reports (the seeds over and over); print the times."""
    extractor = setup()
    ready = time.perf_counter()
    seeds = [ROOT / j.report for j in extractor.config.jurisdictions]
    paths = (seeds * (n // len(seeds) + 1))[:n]
    secs, _, size, _ = measure(extractor, paths)
    print(f"{ready - T_START:.3f} {secs:.3f} {size}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=100, help="times over the seed reports (default 100)")
    ap.add_argument("--reports", type=int, default=1000, help="size of the synthetic corpus (default 1000)")
    ap.add_argument("--cold", type=int, default=400,
                    help="seed-sized reports for the run from a fresh process (default 400; 0: skip)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs of each corpus (and of the fresh process); the fastest is shown (default 3)")
    ap.add_argument("--cold-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cold_child:
        cold(args.cold_child)
        return

    t = time.perf_counter()
    extractor = setup()
    print(f"start-up: imports {IMPORTS:.2f} s; config, OpenCC and gazetteer {time.perf_counter() - t:.2f} s")
    print()
    print("| corpus | reports | MB | seconds | MB/s per core (by CPU time) | reports/s | figures |")
    print("|---|---|---|---|---|---|---|")
    seeds = [ROOT / j.report for j in extractor.config.jurisdictions]
    print(line(f"seeds x{args.repeat}", len(seeds) * args.repeat,
               *measure(extractor, seeds * args.repeat, args.runs)), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.reports)
        print(line("synthetic", len(paths), *measure(extractor, paths, args.runs)), flush=True)
    longs = long_reports()
    if longs:
        print(line("long real reports (dev/corpus)", len(longs), *measure(extractor, longs, args.runs)), flush=True)
    else:
        print("| long real reports | - | dev/corpus/ holds none: re-create it (devset/README.md) | | | | |")

    if args.cold:
        runs = []
        for _ in range(args.runs):
            t = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "--cold-child", str(args.cold)], capture_output=True,
                                 text=True, check=True).stdout.split()
            runs.append((time.perf_counter() - t, float(out[0]), float(out[1]), int(out[2])))
        wall, ready, secs, size = min(runs)
        print(f"\nfrom a fresh process: {args.cold} seed-sized reports ({size / 1e6:.2f} MB) in {wall:.2f} s "
              f"= {size / 1e6 / wall:.2f} MB/s with start-up (imports and set-up {ready:.2f} s, "
              f"extraction {secs:.2f} s = {size / 1e6 / secs:.2f} MB/s)")

    # a web page saved as one unpunctuated line: the cost must grow with the length, not its square
    print()
    for n in (1000, 2000, 4000):
        text = "".join(f"全程网办率达{i % 90}.5%,办件{i}件," for i in range(n))
        t = time.perf_counter()
        extractor.extract_text(text)
        print(f"one line of {len(text):,} characters: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
