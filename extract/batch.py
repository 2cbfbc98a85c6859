"""Many reports at once: one function per report, run in order, in a process pool or on Dask.

``extract_one`` is the unit of work: a file in, plain rows out (picklable, JSON-able), with
the extracted text saved beside the output where the file is not UTF-8 text. Results are
cached by the file's sha256 (and the config and output folder), so a rerun skips unchanged
files. ``run`` yields results in job order whatever the engine, so the output is the same
bytes with 1 worker, N workers or a Dask cluster.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .config import Config, Jurisdiction, load_config
from .frame import indicator_rows, mention_rows, report_row
from .pipeline import Extractor, ReportResult, keep_text


def _code_digest() -> str:
    """The extraction code itself: a changed rule invalidates every cached result."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


CODE_DIGEST = _code_digest()


@dataclass(frozen=True)
class Job:
    path: str
    jurisdiction: dict | None  # Jurisdiction fields, or None to detect from the text
    config: str
    out: str
    cache: str | None = None


@dataclass
class Rows:
    jurisdiction: str
    sha256: str | None
    ok: bool
    indicators: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    cached: bool = False


_extractors: dict[str, Extractor] = {}


def _extractor(config_path: str) -> Extractor:
    """One extractor per process and config (workers build theirs once)."""
    if config_path not in _extractors:
        _extractors[config_path] = Extractor(load_config(config_path, check_reports=False))
    return _extractors[config_path]


def extract_one(job: Job) -> Rows:
    """Extract one report into rows; never raises for a bad report."""
    extractor = _extractor(job.config)
    config = extractor.config
    juris = Jurisdiction(**job.jurisdiction) if job.jurisdiction else None
    cache_file = _cache_file(job, config)
    if cache_file is not None and cache_file.exists():
        rows = Rows(**json.loads(cache_file.read_text("utf-8")))
        rows.cached = True
        return rows
    try:
        result = extractor.extract_file(job.path, juris)
    except Exception as e:
        jid = juris.id if juris else Path(job.path).stem
        result = ReportResult(juris or Jurisdiction(id=jid, report=job.path), job.path, job.path,
                              error=f"could not be extracted ({type(e).__name__}: {e})")
    keep_text(result, Path(job.out) / "texts", config.root)
    rows = to_rows(result, config)
    if cache_file is not None and result.ok:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(asdict(rows), ensure_ascii=False), "utf-8")
    return rows


def to_rows(result: ReportResult, config: Config) -> Rows:
    return Rows(result.jurisdiction.id, result.report.sha256 if result.report else None, result.ok,
                indicator_rows(result, config), mention_rows(result), report_row(result))


def _cache_file(job: Job, config: Config) -> Path | None:
    if not job.cache:
        return None
    try:
        digest = hashlib.sha256(Path(job.path).read_bytes()).hexdigest()
    except OSError:
        return None
    setup = hashlib.sha256(
        (CODE_DIGEST + config.path.read_text("utf-8") + json.dumps(job.jurisdiction, sort_keys=True, default=str)
         + str(Path(job.out).resolve()) + str(Path(job.path).resolve())).encode()).hexdigest()[:16]
    return Path(job.cache) / setup / f"{digest}.json"


def run(jobs: list[Job], workers: int = 1, engine: str = "local", scheduler: str | None = None) -> Iterator[Rows]:
    """Results of ``jobs`` in job order: in this process, a process pool, or on Dask."""
    if engine == "dask":
        yield from _dask(jobs, workers, scheduler)
    elif workers <= 1:
        yield from map(extract_one, jobs)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(extract_one, jobs, chunksize=max(1, min(32, len(jobs) // (workers * 8) or 1)))


def _dask(jobs: list[Job], workers: int, scheduler: str | None) -> Iterator[Rows]:
    """The same per-report function on a Dask cluster: ``scheduler`` address, or a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        window = max(8, workers * 16)  # keep a bounded number of reports in flight: memory stays flat
        futures = []
        for i, job in enumerate(jobs):
            futures.append(client.submit(extract_one, job, pure=False))
            if i >= window:
                yield futures.pop(0).result()
        for f in futures:
            yield f.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))
