"""Benchmark: segment and theme-count the whole corpus, cold (jieba's first load) and warm.

    python bench/themes_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import data  # noqa: E402


def main() -> None:
    frames = data.load()
    texts = {r.jurisdiction: data.report_text(r.source) for r in frames.reports.itertuples() if r.status == "ok"}
    chars = sum(len(t) for t in texts.values())
    t0 = time.perf_counter()
    from themes.analysis import distinctive, theme_counts  # imports jieba

    for label in ("cold (imports, jieba dictionary load)", "warm"):
        t = time.perf_counter()
        theme_counts(texts, frames.config.themes)
        distinctive(texts, frames.config.keywords)
        secs = time.perf_counter() - (t0 if label.startswith("cold") else t)
        print(f"{label}: {len(texts)} reports, {chars:,} characters in {secs:.2f} s")


if __name__ == "__main__":
    main()
