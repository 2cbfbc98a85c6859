"""Command line: ``python -m extract [FILE_OR_DIR ...] [--out DIR] [--config FILE]``.

With no files, extracts the reports config.yaml lists into data/, replacing what was there.
With files or folders, extracts those and adds them to the CSVs already in --out (a report
of the same jurisdiction id is replaced; --replace writes them alone). A file config.yaml does
not list takes its file stem as jurisdiction id, with name, level and year detected from its
text. Errors become one line on stderr here and
nowhere else; the exit status is 0 when all went well, 1 when some report failed, 2 when
nothing could start (a bad config.yaml, no such file).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import batch
from .config import Config, Jurisdiction, load_config
from .corpus import add_report
from .errors import ExtractError
from .frame import CsvSink, merged, write_csv
from .metadata import detect
from .readers import SUFFIXES, read_report
from .text import prepare

REPORT_SUFFIXES = SUFFIXES
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.yaml"
PROGRESS_FROM = 10  # show a progress bar on stderr from this many reports on
PARQUET_FROM = 1000  # write Parquet beside the CSVs from this many reports on


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract government-service indicators from report texts into CSV files.",
    )
    p.add_argument("paths", nargs="*", metavar="FILE_OR_DIR",
                   help="report files or folders of them (default: the reports config.yaml lists)")
    p.add_argument("--out", default="data", metavar="DIR",
                   help="folder for indicators.csv, mentions.csv and reports.csv (default: data)")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="the config file (default: config.yaml of this project)")
    p.add_argument("--replace", action="store_true",
                   help="with FILE_OR_DIR: write only these reports to --out, dropping what it held "
                        "(default: add them to the CSVs already there, replacing reports of the same id)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes to extract with (default 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool, or Dask (a LocalCluster unless --scheduler is given)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a running scheduler, tcp://host:8786")
    p.add_argument("--cache", metavar="DIR", help="where results are kept by file sha256 for reruns "
                                                  "(default .cache/extract)")
    p.add_argument("--no-cache", action="store_true", help="extract every file again")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["add"]:
        return add(argv[1:])
    args = build_parser().parse_args(argv)
    config_path = Path(args.config) if args.config else DEFAULT_CONFIG
    try:
        config = load_config(config_path)
        pairs = _jobs(config, [Path(p) for p in args.paths])
    except ExtractError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    out = Path(args.out)
    merge = bool(args.paths) and not args.replace and (out / "reports.csv").exists()
    target = out / ".partial" if merge else out
    cache = None if args.no_cache else str(Path(args.cache) if args.cache else config.root / ".cache" / "extract")
    jobs = [batch.Job(str(p), asdict(j) if j else None, str(config.path), str(out), cache) for p, j in pairs]
    known = _known_hashes(out / "reports.csv") if merge else {}
    failed, figures = write_all(jobs, target, known, args.workers, args.engine, args.scheduler)
    if merge:
        ids = {(j.jurisdiction or {}).get("id") or Path(j.path).stem for j in jobs}
        for name in ("indicators.csv", "mentions.csv", "reports.csv", "errors.csv"):
            new = pd.read_csv(target / name, encoding="utf-8-sig", dtype=str, keep_default_na=False)
            write_csv(merged(out / name, new, ids), out / name)
        shutil.rmtree(target)
        print(f"added to the reports already in {out}/ (--replace writes these alone)", file=sys.stderr)
    if len(jobs) >= PARQUET_FROM or (out / "indicators.parquet").exists():
        to_parquet(out)  # large runs, and kept up to date once there
    print(f"{len(jobs)} reports, {figures} indicator figures, {len(failed)} failed -> {out}/", file=sys.stderr)
    return 1 if failed else 0


def write_all(jobs: list[batch.Job], out: Path, known: dict[str, str], workers: int = 1, engine: str = "local",
              scheduler: str | None = None) -> tuple[list[dict], int]:
    """Extract ``jobs`` and stream their rows to ``out``; return (failed report rows, figure count).

    ``known`` maps the sha256 of reports already loaded to their jurisdiction id: a file with
    the same content is a duplicate, reported and not added again.
    """
    sink = CsvSink(out)
    seen = dict(known)
    failed, figures = [], 0
    with tqdm(total=len(jobs), unit="report", file=sys.stderr, disable=len(jobs) < PROGRESS_FROM,
              desc="extracting") as progress:
        for job, rows in zip(jobs, batch.run(jobs, workers, engine, scheduler), strict=True):
            if rows.ok and rows.sha256 in seen and seen[rows.sha256] != rows.jurisdiction:
                message = f"duplicate of {seen[rows.sha256]!r} (same file content), not added again"
                rows = batch.Rows(rows.jurisdiction, rows.sha256, False, report={
                    **rows.report, "status": "error", "message": message, "mentions": 0, "figures": 0,
                    "indicators": 0})
            elif rows.ok:
                seen[rows.sha256] = rows.jurisdiction
            sink.write("indicators", rows.indicators)
            sink.write("mentions", rows.mentions)
            sink.write("reports", [rows.report])
            figures += len(rows.indicators)
            if not rows.ok:
                failed.append(rows.report)
                tqdm.write(f"error: {job.path}: {rows.report['message']} (skipped; it is listed in reports.csv)",
                           file=sys.stderr)
            progress.update()
    sink.close()
    errors = pd.DataFrame([{"jurisdiction": r["jurisdiction"], "source": r["original"], "message": r["message"]}
                           for r in failed], columns=["jurisdiction", "source", "message"])
    write_csv(errors, out / "errors.csv")
    return failed, figures


def to_parquet(out: Path) -> None:
    """Parquet copies of the CSVs for large corpora, converted in blocks (memory stays flat)."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    for name in ("indicators", "mentions", "reports"):
        text_columns = ("unit", "scope", "indicator", "name_en", "message", "agency", "prefecture")
        convert = pacsv.ConvertOptions(strings_can_be_null=False, column_types=dict.fromkeys(text_columns, "string"))
        reader = pacsv.open_csv(out / f"{name}.csv", convert_options=convert,
                                read_options=pacsv.ReadOptions(block_size=8 << 20))
        with pq.ParquetWriter(out / f"{name}.parquet", reader.schema) as writer:
            for batch_ in reader:
                writer.write_batch(batch_)


def build_add_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract add",
        description="Add reports to the project's corpus (corpus/ and user_corpus.yaml), then re-extract data/.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="report files (.txt, .docx, .pdf, .html)")
    p.add_argument("--id", help="jurisdiction id (default: the file stem, made lowercase)")
    p.add_argument("--name", help="Chinese name, e.g. 衡南县 (default: detected from the text)")
    p.add_argument("--name-en", help="English name")
    p.add_argument("--year", type=int, help="report year (default: detected)")
    p.add_argument("--level", help="administrative level, e.g. county (default: detected)")
    p.add_argument("--province", help="province (default: detected)")
    p.add_argument("--agency", help="issuing agency (default: detected)")
    p.add_argument("--out", default="data", metavar="DIR", help="where to re-extract to (default: data)")
    p.add_argument("--config", default=None, metavar="FILE", help="the config file (default: config.yaml)")
    return p


def add(argv: list[str]) -> int:
    """``python -m extract add``: keep reports in the corpus, then extract everything again."""
    args = build_add_parser().parse_args(argv)
    if len(args.files) > 1 and (args.id or args.name or args.year):
        print("error: --id, --name and --year describe one report; add files one at a time to set them",
              file=sys.stderr)
        return 2
    config_path = Path(args.config) if args.config else DEFAULT_CONFIG
    failed = 0
    for file in map(Path, args.files):
        try:
            config = load_config(config_path)
            report = read_report(file)
            doc = prepare(report.text, config.chrome_lines)
            d = detect(doc.analysis, doc.text, config.levels)
            juris = Jurisdiction(
                id=args.id or stem_id(file.stem, report.sha256), name_zh=args.name or d.name_zh,
                name_en=args.name_en, province=args.province or d.province, prefecture=d.prefecture,
                level=args.level or d.level, report_year=args.year or d.report_year, agency=args.agency or d.agency,
                report="")
            target = add_report(config, file.read_bytes(), file.suffix, juris)
        except ExtractError as e:
            print(f"error: {file}: {e}", file=sys.stderr)
            failed += 1
            continue
        print(f"added {file} as {juris.id!r} ({juris.name_zh or '?'}, {juris.level or '?'}, "
              f"{juris.report_year or '?'}) -> {target}", file=sys.stderr)
    status = main(["--config", str(config_path), "--out", args.out])
    return 1 if failed or status else 0


def stem_id(stem: str, sha256: str) -> str:
    """A jurisdiction id from a file stem: 'Hengnan 2021' -> 'hengnan_2021'; non-Latin -> report_<hash>."""
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        return f"report_{sha256[:8]}"
    return slug


def _known_hashes(reports_csv: Path) -> dict[str, str]:
    import csv

    with reports_csv.open(encoding="utf-8-sig", newline="") as f:
        return {row["sha256"]: row["jurisdiction"] for row in csv.DictReader(f) if row.get("sha256")}


def _jobs(config: Config, paths: list[Path]) -> list[tuple[Path, Jurisdiction | None]]:
    """(file, jurisdiction) pairs; jurisdiction None for a file config.yaml does not list."""
    listed = {(config.root / j.report).resolve(): j for j in config.jurisdictions}
    if not paths:
        return [(config.root / j.report, j) for j in config.jurisdictions]
    jobs: list[tuple[Path, Jurisdiction | None]] = []
    for p in paths:
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
            if not files:
                print(f"warning: {p}: no {'/'.join(REPORT_SUFFIXES)} files in this folder", file=sys.stderr)
            jobs.extend((f, listed.get(f.resolve())) for f in files)
        else:
            jobs.append((p, listed.get(p.resolve())))
    seen: set[str] = set()
    for path, juris in jobs:
        jid = juris.id if juris else path.stem
        if jid in seen:
            raise ExtractError(f"{path}: a second report with the jurisdiction id {jid!r}; rename the file")
        seen.add(jid)
    return jobs
