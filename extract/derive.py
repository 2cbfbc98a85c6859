"""An output folder, always derived from its corpus: every report extracted, written as one set.

``derive`` is the one way an output folder is written: ``python -m extract`` (with files or
without), ``add``, ``remove`` and Keep on the upload page all come here. Holding the lock of
--out, it reads the folder's corpus (``manifest.Corpus``, kept in its manifest.json), applies
the change asked for (files added, reports removed), extracts every report (unchanged ones
come from the cache) into a new set beside --out, and swaps that set in (``outputs``).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import batch, locks, outputs
from .config import Config, load_config
from .frame import CsvSink, write_csv
from .manifest import Corpus, read_corpus
from .paths import report_name, shown

Change = Callable[[Corpus | None, Config], Corpus]  # (the folder's corpus, None if new; config) -> the corpus to write


def as_it_is(corpus: Corpus | None, config: Config) -> Corpus:
    """No change: the folder's corpus, or config.yaml's reports for a new folder."""
    return corpus or Corpus(config_reports=True)


@dataclass(frozen=True)
class Options:
    """How to run: engine and workers, cache, time limit per report, wait for the lock, output."""

    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    cache: Path | None = None  # where results are kept for reruns (default: .cache/extract beside config.yaml)
    use_cache: bool = True
    time_limit: float | None = batch.TIME_LIMIT
    wait: float = locks.WAIT
    progress_from: int | None = None  # a progress bar on stderr from this many reports on (None: never)
    parquet_from: int = 1000  # Parquet copies beside the CSVs from this many reports on
    log: Callable[[str], None] | None = None  # receives one line per bad report


@dataclass(frozen=True)
class Outcome:
    """What a run wrote: the report ids in order, the figure count and the failed reports' rows."""

    out: Path
    corpus: Corpus
    reports: list[str]
    figures: int
    failed: list[dict]


def derive(config_path: Path, out: Path, change: Change = as_it_is, options: Options | None = None) -> Outcome:
    """Extract the corpus of ``out`` (after ``change``) into a new set and swap it in."""
    options = options or Options()
    outputs.check_writable(out, (Path(config_path).parent,))
    with locks.held(out, options.wait):
        outputs.recover(out)
        config = load_config(config_path)
        corpus = change(read_corpus(out, config), config)
        with outputs.Staging(out) as stage:
            cache = None
            if options.use_cache:
                cache = str(options.cache or config.root / ".cache" / "extract")
            listed = corpus.jobs(config)
            shared = {jid for jid, n in Counter(jid for _, _, jid in listed).items() if n > 1}
            jobs = [batch.Job(str(path), asdict(juris) if juris else None, str(config.path), str(out), cache, jid,
                              str(stage.path), options.time_limit,
                              report_name(jid, juris.report_year) if juris and jid in shared else None)
                    for path, juris, jid in listed]
            reports, failed, figures, rows = write_all(jobs, stage.path, options)
            if len(jobs) >= options.parquet_from or (out / "indicators.parquet").exists():
                to_parquet(stage.path)  # large runs, and kept up to date once there
                rows.update({name.replace(".csv", ".parquet"): n for name, n in rows.items() if name != "errors.csv"})
            stage.commit(corpus, [jid for jid, _ in reports], rows, [year for _, year in reports])
    return Outcome(out, corpus, [jid for jid, _ in reports], figures, failed)


def write_all(jobs: list[batch.Job], folder: Path, options: Options | None = None
              ) -> tuple[list[tuple[str, int | None]], list[dict], int, dict[str, int]]:
    """Extract ``jobs`` and stream their rows into ``folder``.

    Returns (each report's (id, year), failed report rows, figure count, rows of each CSV). A file
    with the content of an earlier report (another jurisdiction, or another year of the same one)
    is a duplicate: reported, and its figures not added again.
    """
    options = options or Options()
    sink = CsvSink(folder)
    seen: dict[str, tuple[str, object]] = {}
    reports, failed = [], []
    rows = dict.fromkeys(("indicators.csv", "mentions.csv", "reports.csv"), 0)
    show = options.progress_from is not None and len(jobs) >= options.progress_from
    try:
        with tqdm(total=len(jobs), unit="report", file=sys.stderr, disable=not show, desc="extracting") as progress:
            for job, r in zip(jobs, batch.run(jobs, options.workers, options.engine, options.scheduler), strict=True):
                report = (r.jurisdiction, r.report.get("report_year"))
                if r.ok and r.sha256 in seen and seen[r.sha256] != report:
                    other, year = seen[r.sha256]
                    message = (f"duplicate of {other!r}{f' ({year})' if other == r.jurisdiction else ''} "
                               f"(same file content), not added again")
                    r = batch.Rows(r.jurisdiction, r.sha256, False, report={
                        **r.report, "status": "error", "message": message, "mentions": 0, "figures": 0,
                        "indicators": 0})
                elif r.ok:
                    seen[r.sha256] = report
                sink.write("indicators", r.indicators)
                sink.write("mentions", r.mentions)
                sink.write("reports", [r.report])
                rows["indicators.csv"] += len(r.indicators)
                rows["mentions.csv"] += len(r.mentions)
                rows["reports.csv"] += 1
                year = r.report.get("report_year")
                reports.append((r.jurisdiction, year if isinstance(year, int) else None))
                if not r.ok:
                    failed.append(r.report)
                    if options.log:
                        gone = job.jurisdiction is None and not os.path.lexists(job.path)
                        hint = f"; python -m extract remove {r.jurisdiction} drops it" if gone else ""
                        options.log(f"error: {shown(job.path)}: {r.report['message']} "
                                    f"(skipped; it is listed in reports.csv{hint})")
                progress.update()
    finally:
        sink.close()
    errors = pd.DataFrame([{"jurisdiction": r["jurisdiction"], "source": r["original"], "message": r["message"]}
                           for r in failed], columns=["jurisdiction", "source", "message"])
    write_csv(errors, folder / "errors.csv")
    rows["errors.csv"] = len(errors)
    return reports, failed, rows["indicators.csv"], rows


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
