"""Command line: ``python -m briefing --out DIR [--lang en] [--indicators ...] [--jurisdictions ...]``.

Writes DIR/briefing.pptx, DIR/comparison.csv, DIR/figures.csv, DIR/comparison.xlsx and
DIR/charts/*.png for the reports in data/ (each jurisdiction's latest; ``--year`` another year's).
With ``--trends``, the Trends view instead, over every report year: DIR/trends.csv,
DIR/changes.csv, DIR/trends.xlsx, DIR/charts/trend_*.png and DIR/trends.pptx. Where slide images
cannot be drawn (no chromium), the tables are still written, the reason is printed, and the exit
status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import data, tables, years

from .images import ASPECTS
from .pack import Selection, build
from .trends import TrendSelection, trend_pack


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
    p.add_argument("--year", default=years.LATEST, metavar="YEAR",
                   help="which report of each jurisdiction: latest (default), a year such as 2022, or all")
    p.add_argument("--trends", action="store_true",
                   help="the Trends view (each indicator over every report year, and the change table) instead")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    every = data.load()
    if args.year not in years.choices(every.reports):
        print(f"error: --year {args.year}: no report of that year (choose: {', '.join(years.choices(every.reports))})",
              file=sys.stderr)
        return 2
    frames = every if args.trends else years.view(every, args.year)
    all_inds, all_js = tables.indicator_order(frames.config), frames.jurisdictions
    for name, given, known in (("indicator", args.indicators, all_inds), ("jurisdiction", args.jurisdictions, all_js)):
        unknown = [x for x in given or [] if x not in known]
        if unknown:
            print(f"error: unknown {name} id(s): {', '.join(unknown)} (known: {', '.join(known)})", file=sys.stderr)
            return 2
    # by default the project's indicators; the disclosure template's cells when named with --indicators
    default_inds = tables.overview_indicators(frames.config)
    if args.trends:
        pack = trend_pack(frames, TrendSelection(args.indicators or default_inds, args.jurisdictions or all_js,
                                                 args.lang, args.aspect))
    else:
        pack = build(frames, Selection(args.indicators or default_inds, args.jurisdictions or all_js, args.lang,
                                       args.aspect, args.log))
    out = Path(args.out)
    for name, content in pack.files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    print(f"wrote {len(pack.files)} files to {out}/", file=sys.stderr)
    for problem in pack.problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if pack.problems else 0
