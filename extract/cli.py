"""Command line: ``python -m extract [FILE_OR_DIR ...] [--out DIR]``, ``add FILE``, ``remove ID``.

An output folder is always derived from its corpus (its manifest.json; see manifest.py):
config.yaml's reports, with the user corpus it points to, and the reports added from the
command line. With no files, the folder is extracted again from that corpus (config.yaml's
reports for a new folder). With files or folders (read recursively), they join the corpus
and stay until removed on purpose (``remove ID``; ``--replace`` starts the corpus afresh
with them). A file config.yaml does not list takes an id made from its name (checked and
made safe; the name as given is kept in ``original``), with name, level and year detected
from its text. Outputs are written as one set and swapped in whole; one run at a time writes
a folder, the others wait (``--wait``). Errors become one line on stderr here and nowhere
else; the exit status is 0 when all went well, 1 when some report failed, 2 when nothing
could be written (a bad config.yaml, an unwritable --out, a folder in use).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from . import batch, locks
from .config import Config, Jurisdiction, load_config
from .corpus import keep_reports, remove_reports, same_jurisdiction
from .derive import Options, Outcome, derive
from .errors import ExtractError
from .manifest import Corpus
from .metadata import adcode, detect
from .paths import find_reports, shown, stem_id
from .readers import SUFFIXES, read_report
from .text import prepare

REPORT_SUFFIXES = SUFFIXES
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.yaml"
PROGRESS_FROM = 10  # show a progress bar on stderr from this many reports on
PARQUET_FROM = 1000  # write Parquet beside the CSVs from this many reports on
__all__ = ["build_parser", "main", "stem_id"]
T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract government-service indicators from report texts into CSV files. "
                    "Also: python -m extract add FILE (keep a report in the corpus), "
                    "python -m extract remove ID (drop a report on purpose).",
    )
    p.add_argument("paths", nargs="*", metavar="FILE_OR_DIR",
                   help="report files or folders of them, read recursively (default: extract --out again "
                        "from its corpus)")
    p.add_argument("--out", default="data", metavar="DIR",
                   help="folder for indicators.csv, mentions.csv and reports.csv (default: data)")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="the config file (default: config.yaml of this project)")
    p.add_argument("--replace", action="store_true",
                   help="start --out's corpus afresh: with FILE_OR_DIR only these reports, without them "
                        "config.yaml's (default: keep every report --out holds)")
    _run_options(p)
    return p


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes to extract with (default 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool, or Dask (a LocalCluster unless --scheduler is given)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a running scheduler, tcp://host:8786")
    p.add_argument("--cache", metavar="DIR", help="where results are kept by file sha256 for reruns "
                                                  "(default .cache/extract)")
    p.add_argument("--no-cache", action="store_true", help="extract every file again")
    p.add_argument("--time-limit", type=float, default=batch.TIME_LIMIT, metavar="SECONDS",
                   help=f"a report that takes longer is listed as bad and the run goes on (default "
                        f"{batch.TIME_LIMIT:g}; 0 for none; not on Dask)")
    p.add_argument("--wait", type=float, default=locks.WAIT, metavar="SECONDS",
                   help=f"when another run is writing --out, wait this long for it, then stop "
                        f"(default {locks.WAIT:g})")


def _options(args: argparse.Namespace) -> Options:
    return Options(
        workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        cache=Path(args.cache) if args.cache else None, use_cache=not args.no_cache,
        time_limit=args.time_limit or None, wait=args.wait, progress_from=PROGRESS_FROM,
        parquet_from=PARQUET_FROM, log=_log)


def _log(line: str) -> None:
    tqdm.write(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["add"]:
        return add(argv[1:])
    if argv[:1] == ["remove"]:
        return remove(argv[1:])
    args = build_parser().parse_args(argv)
    config_path = Path(args.config) if args.config else DEFAULT_CONFIG
    out = Path(args.out)
    files = find_reports(map(Path, args.paths), skip=[out], warn=lambda m: _log(f"warning: {m}"))
    if args.paths and not files:
        _log(f"warning: {', '.join(args.paths)}: no {'/'.join(REPORT_SUFFIXES)} files there")
    grew = []

    def change(corpus: Corpus | None, config: Config) -> Corpus:
        if args.replace or corpus is None:
            corpus = Corpus(config_reports=not args.paths)
        elif args.paths:
            grew.append(True)
        return corpus.add(files, config, warn=lambda m: _log(f"warning: {m}"))

    outcome = _run(lambda: derive(config_path, out, change, _options(args)), out)
    if isinstance(outcome, int):
        return outcome
    if grew:
        _log(f"added to the reports already in {shown(out)}/ (--replace writes these alone)")
    return _summary(outcome)


def _run(step: Callable[[], T], out: Path) -> T | int:
    """Run ``step``; a domain or file-system error becomes one line on stderr and status 2."""
    try:
        return step()
    except ExtractError as e:
        print(f"error: {e}", file=sys.stderr)
    except OSError as e:
        where = shown(e.filename) if e.filename else shown(out)
        print(f"error: {where}: {e.strerror or e}; {shown(out)}/ is unchanged", file=sys.stderr)
    return 2


def _summary(outcome: Outcome) -> int:
    print(f"{len(outcome.reports)} reports, {outcome.figures} indicator figures, {len(outcome.failed)} failed "
          f"-> {shown(outcome.out)}/", file=sys.stderr)
    return 1 if outcome.failed else 0


def build_add_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract add",
        description="Keep reports in the project's corpus (corpus/ and user_corpus.yaml), then extract --out again; "
                    "every report --out held stays.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="report files (.txt, .docx, .pdf, .html)")
    p.add_argument("--id", help="jurisdiction id (default: the file stem, made lowercase)")
    p.add_argument("--name", help="Chinese name, e.g. 衡南县 (default: detected from the text)")
    p.add_argument("--name-en", help="English name")
    p.add_argument("--year", type=int, help="report year (default: detected)")
    p.add_argument("--level", help="administrative level, e.g. county (default: detected)")
    p.add_argument("--province", help="province (default: detected)")
    p.add_argument("--agency", help="issuing agency (default: detected)")
    p.add_argument("--out", default="data", metavar="DIR", help="where to extract again (default: data)")
    p.add_argument("--config", default=None, metavar="FILE", help="the config file (default: config.yaml)")
    _run_options(p)
    return p


def add(argv: list[str]) -> int:
    """``python -m extract add``: keep reports in the corpus, then extract --out again."""
    args = build_add_parser().parse_args(argv)
    if len(args.files) > 1 and (args.id or args.name or args.year):
        print("error: --id, --name and --year describe one report; add files one at a time to set them",
              file=sys.stderr)
        return 2
    config_path = Path(args.config) if args.config else DEFAULT_CONFIG
    try:
        config = load_config(config_path)
    except ExtractError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    failed, reports, files = 0, [], []
    for file in map(Path, args.files):
        try:
            report = read_report(file)
            doc = prepare(report.text, config.chrome_lines)
            d = detect(doc.analysis, doc.text, config.levels)
            jid = args.id or stem_id(file.stem, report.sha256)
            known = same_jurisdiction(jid, config.jurisdictions)  # another year's report of it: its place
            if known is not None:
                juris = replace(known, report_year=args.year or d.report_year, agency=args.agency or d.agency,
                                report="", name_zh=args.name or known.name_zh, name_en=args.name_en or known.name_en,
                                province=args.province or known.province, level=args.level or known.level)
            else:
                juris = Jurisdiction(
                    id=jid, name_zh=args.name or d.name_zh,
                    name_en=args.name_en, province=args.province or d.province, prefecture=d.prefecture,
                    level=args.level or d.level, report_year=args.year or d.report_year,
                    agency=args.agency or d.agency, report="")
            if known is None or juris.name_zh != known.name_zh or juris.province != known.province:
                juris = replace(juris, adcode=adcode(juris.name_zh, juris.province, juris.prefecture))
            reports.append((file.read_bytes(), file.suffix, juris))
            files.append(file)
        except (ExtractError, OSError) as e:
            print(f"error: {shown(file)}: {e}", file=sys.stderr)
            failed += 1
    if not reports:
        return 1
    done = _run(lambda: keep_reports(config_path, Path(args.out), reports, _options(args)), Path(args.out))
    if isinstance(done, int):
        return done
    for i, message in done.refused:
        print(f"error: {shown(files[i])}: {message}", file=sys.stderr)
    facts = {juris.id: juris for _, _, juris in reports}
    for jid, target in done.kept:
        juris = facts[jid]
        print(f"added as {jid!r} ({juris.name_zh or '?'}, {juris.level or '?'}, {juris.report_year or '?'}) "
              f"-> {target}", file=sys.stderr)
    status = _summary(done.outcome) if done.outcome else 0
    return 1 if failed or done.refused or status else 0


def build_remove_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract remove",
        description="Remove reports on purpose: from --out's corpus, and a kept report from the user corpus "
                    "(its file is moved to corpus/removed/), then extract --out again.",
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="jurisdiction ids, as in reports.csv")
    p.add_argument("--year", type=int, help="only the report of this year (default: every kept report of the id)")
    p.add_argument("--out", default="data", metavar="DIR", help="the output folder (default: data)")
    p.add_argument("--config", default=None, metavar="FILE", help="the config file (default: config.yaml)")
    _run_options(p)
    return p


def remove(argv: list[str]) -> int:
    """``python -m extract remove ID``: drop reports on purpose, then extract --out again."""
    args = build_remove_parser().parse_args(argv)
    config_path = Path(args.config) if args.config else DEFAULT_CONFIG
    outcome = _run(lambda: remove_reports(config_path, Path(args.out), args.ids, _options(args), args.year),
                   Path(args.out))
    if isinstance(outcome, int):
        return outcome
    year = f" ({args.year})" if args.year else ""
    print(f"removed {', '.join(map(repr, args.ids))}{year} from {shown(outcome.out)}/", file=sys.stderr)
    return _summary(outcome)
