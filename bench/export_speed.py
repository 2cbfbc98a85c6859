"""Benchmark: slide-image and briefing exports, first (cold) and warm.

    python bench/export_speed.py

The first export starts kaleido's chromium; later ones reuse it (the dashboard keeps it in
st.cache_resource). Prints seconds per export.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import images  # noqa: E402
from briefing.pack import Selection, build, tables_only  # noqa: E402
from dashboard import charts, data, tables  # noqa: E402


def main() -> None:
    frames = data.load()
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["materials_reduction"],
                             frames.jurisdictions, "zh")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "zh", data.colors(frames.jurisdictions))
    if not images.available():
        print("no chromium: image exports not measured")
    else:
        t = time.perf_counter()
        images.render(fig, "png")
        print(f"first PNG export (starts chromium): {time.perf_counter() - t:.2f} s")
        warm = []
        for _ in range(10):
            t = time.perf_counter()
            images.render(fig, "png")
            warm.append(time.perf_counter() - t)
        print(f"warm PNG export: median {statistics.median(warm):.3f} s, max {max(warm):.3f} s (10 runs)")
    sel = Selection(tables.indicator_order(frames.config), frames.jurisdictions, "zh")
    t = time.perf_counter()
    tables_only(frames, sel)
    print(f"CSV + Excel: {time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    pack = build(frames, sel)
    print(f"whole briefing pack ({len(pack.files)} files): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
