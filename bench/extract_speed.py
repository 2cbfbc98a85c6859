"""Benchmark: extraction speed on the bundled reports and on a synthetic corpus.

    python bench/extract_speed.py [--reports 1000]

Prints seconds and MB/s (UTF-8 bytes of report text per second, one process, after imports
and config loading). The synthetic corpus recombines the sentences of the bundled reports with
new numbers, so it reads like real reports without repeating any one of them.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import Extractor, load_config  # noqa: E402
from extract.text import sentences  # noqa: E402


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


def measure(extractor: Extractor, paths: list[Path]) -> tuple[float, int, int]:
    """(seconds, bytes, figures) for extracting ``paths`` one after another."""
    size = sum(p.stat().st_size for p in paths)
    t = time.perf_counter()
    figures = sum(len(extractor.extract_file(p).figures) for p in paths)
    return time.perf_counter() - t, size, figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000, help="size of the synthetic corpus (default 1000)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    extractor = Extractor(load_config(ROOT / "config.yaml"))
    extractor.extract_text("预热：网上可办率达99%。")  # loads OpenCC's dictionaries
    print(f"start-up (config, OpenCC): {time.perf_counter() - t0:.2f} s")

    seeds = [ROOT / j.report for j in extractor.config.jurisdictions]
    secs, size, figs = measure(extractor, seeds * 20)
    print(f"seeds x20: {len(seeds) * 20} reports, {size / 1e6:.2f} MB in {secs:.2f} s "
          f"= {size / 1e6 / secs:.2f} MB/s, {len(seeds) * 20 / secs:.1f} reports/s ({figs} figures)")

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.reports)
        secs, size, figs = measure(extractor, paths)
    print(f"synthetic: {len(paths)} reports, {size / 1e6:.2f} MB in {secs:.2f} s "
          f"= {size / 1e6 / secs:.2f} MB/s, {len(paths) / secs:.1f} reports/s ({figs} figures)")

    # a web page saved as one unpunctuated line: the cost must grow with the length, not its square
    for n in (1000, 2000, 4000):
        text = "".join(f"全程网办率达{i % 90}.5%,办件{i}件," for i in range(n))
        t = time.perf_counter()
        extractor.extract_text(text)
        print(f"one line of {len(text):,} characters: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
