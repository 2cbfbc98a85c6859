"""Command line: ``python -m briefing --out DIR [--lang en] [--indicators ...] [--jurisdictions ...]``.

Writes DIR/briefing.pptx, DIR/comparison.csv, DIR/figures.csv, DIR/comparison.xlsx and
DIR/charts/*.png for the reports in data/. Where slide images cannot be drawn (no chromium),
the tables are still written, the reason is printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import data, tables

from .images import ASPECTS
from .pack import Selection, build


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m briefing",
                                description="Write a briefing pack (deck, CSV, Excel, chart PNGs) for the extracted "
                                            "indicators.")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the pack into")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of labels and charts (default zh)")
    p.add_argument("--indicators", nargs="+", metavar="ID", help="indicator ids (default: all)")
    p.add_argument("--jurisdictions", nargs="+", metavar="ID", help="jurisdiction ids (default: all)")
    p.add_argument("--aspect", choices=list(ASPECTS), default="16:9", help="slide image shape (default 16:9)")
    p.add_argument("--log", action="store_true", help="log scale for counts")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    frames = data.load()
    all_inds, all_js = tables.indicator_order(frames.config), frames.jurisdictions
    for name, given, known in (("indicator", args.indicators, all_inds), ("jurisdiction", args.jurisdictions, all_js)):
        unknown = [x for x in given or [] if x not in known]
        if unknown:
            print(f"error: unknown {name} id(s): {', '.join(unknown)} (known: {', '.join(known)})", file=sys.stderr)
            return 2
    # by default the project's indicators; the disclosure template's cells when named with --indicators
    default_inds = tables.overview_indicators(frames.config)
    sel = Selection(args.indicators or default_inds, args.jurisdictions or all_js, args.lang, args.aspect, args.log)
    pack = build(frames, sel)
    out = Path(args.out)
    for name, content in pack.files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    print(f"wrote {len(pack.files)} files to {out}/", file=sys.stderr)
    for problem in pack.problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if pack.problems else 0
