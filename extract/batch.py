"""Many reports at once: one function per report, run in order, in a process pool or on Dask.

``extract_one`` is the unit of work: a file in, plain rows out (picklable, JSON-able), with
the extracted text saved into the output's texts/ where the file is not UTF-8 text (or its
name is not UTF-8). Results are cached with that text by the file's sha256 (and the config
and output folder), so a rerun skips unchanged files; a damaged cache entry is ignored and
written again. A report that takes longer than the time limit becomes a bad report (the
limit holds where the work runs in a main thread: this process or a process pool; not on
Dask's worker threads). ``run`` yields results in job order whatever the engine, so the output
is the same bytes with 1 worker, N workers or a Dask cluster.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from . import gazetteer
from .config import Config, Jurisdiction, load_config
from .frame import indicator_rows, mention_rows, report_row
from .paths import name_id, shown
from .pipeline import Extractor, ReportResult

TIME_LIMIT = 120.0  # seconds one report may take (--time-limit); a sound report takes well under one


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
    out: str  # the output folder, as sources name it
    cache: str | None = None
    id: str | None = None  # the id of a report config.yaml does not list (default: from its file name)
    stage: str | None = None  # where the files are written, until the set is swapped in (default: out)
    time_limit: float | None = None  # seconds; None: no limit
    text_name: str | None = None  # texts/<name>.txt, where the text is kept (default: the id; see derive.py)


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


class ReportTimeout(BaseException):
    """A report ran over its time limit (a BaseException, so that no ``except Exception`` inside
    the readers or the pipeline mistakes it for a damaged file)."""


def extract_one(job: Job) -> Rows:
    """Extract one report into rows; never raises for a bad report."""
    extractor = _extractor(job.config)
    config = extractor.config
    juris = Jurisdiction(**job.jurisdiction) if job.jurisdiction else None
    jid = juris.id if juris else job.id or name_id(Path(job.path))
    cache_file = _cache_file(job, config)
    hit = _read_cache(cache_file)
    if hit is not None:
        rows, text = hit
        if text is not None:
            _write_text(job, job.text_name or rows.jurisdiction, text)
        rows.cached = True
        return rows
    result = _extract(extractor, job, juris, jid)
    text = _keep_text(result, job, config.root)
    rows = to_rows(result, config)
    if cache_file is not None and result.ok:
        _write_cache(cache_file, rows, text)
    return rows


def _extract(extractor: Extractor, job: Job, juris: Jurisdiction | None, jid: str) -> ReportResult:
    """``extractor.extract_file`` within the time limit, as ``jid``; a failure is a result with its error."""
    path = Path(job.path)
    error = None
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            error = "a symbolic link loop (the link leads back to itself); nothing to read"
    if error is None:
        try:
            with _time_limit(job.time_limit):
                result = extractor.extract_file(path, juris)
            if juris is None:
                result.jurisdiction = replace(result.jurisdiction, id=jid)
            return result
        except ReportTimeout:
            error = (f"took longer than {job.time_limit:g} s to extract; skipped (a hostile or broken file? "
                     f"allow more with --time-limit)")
        except Exception as e:
            error = f"could not be extracted ({type(e).__name__}: {e})"
    source = _source(path, extractor.config.root)
    return ReportResult(juris or Jurisdiction(id=jid, report=source), source, source, error=error)


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``ReportTimeout`` in the block after ``seconds`` (SIGALRM: only in a main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ReportTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _keep_text(result: ReportResult, job: Job, root: Path) -> str | None:
    """Save the text the offsets refer to into texts/<id>.txt where the file itself is not that
    text (Word, PDF, web page, not UTF-8) or its name cannot be written to a CSV; point
    ``source`` at it. Returns the text saved, or None."""
    result.original = shown(result.original or result.source)
    own_name = shown(result.source) == result.source
    if result.report is None:
        result.source = shown(result.source)
        return None
    if result.report.is_own_text and own_name:
        return None
    name = job.text_name or result.jurisdiction.id
    _write_text(job, name, result.report.text)
    result.source = _source(Path(job.out) / "texts" / f"{name}.txt", root)
    return result.report.text


def _write_text(job: Job, jid: str, text: str) -> None:
    folder = Path(job.stage or job.out) / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{jid}.txt").write_text(text, encoding="utf-8")


def _source(path: Path, root: Path) -> str:
    """``path`` relative to the project root, / separated (as pipeline.relative_source; never raises on a loop)."""
    return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(root))).as_posix()


def to_rows(result: ReportResult, config: Config) -> Rows:
    return Rows(result.jurisdiction.id, result.report.sha256 if result.report else None, result.ok,
                indicator_rows(result, config), mention_rows(result), report_row(result))


_ROW_TYPES = {"jurisdiction": str, "sha256": (str, type(None)), "ok": bool, "indicators": list, "mentions": list,
              "report": dict, "cached": bool}


def _read_cache(path: Path | None) -> tuple[Rows, str | None] | None:
    """(rows, saved text) of a cache entry; None where there is none or it is damaged in any way."""
    if path is None:
        return None
    try:
        entry = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("rows"), dict):
        return None
    rows, text = entry["rows"], entry.get("text")
    if set(rows) != {f.name for f in fields(Rows)} or not isinstance(text, str | None):
        return None
    if not all(isinstance(rows[k], t) for k, t in _ROW_TYPES.items()):
        return None
    if not all(isinstance(r, dict) for r in rows["indicators"] + rows["mentions"]):
        return None
    return Rows(**rows), text


def _write_cache(path: Path, rows: Rows, text: str | None) -> None:
    """Write a cache entry whole or not at all (a temporary file, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        plain = {f.name: getattr(rows, f.name) for f in fields(Rows)}  # asdict would deep-copy every row
        tmp.write_text(json.dumps({"rows": plain, "text": text}, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)  # a cache that cannot be written only costs time


def _cache_file(job: Job, config: Config) -> Path | None:
    if not job.cache:
        return None
    try:
        digest = hashlib.sha256(Path(job.path).read_bytes()).hexdigest()
    except OSError:
        return None
    juris = json.dumps(job.jurisdiction, sort_keys=True, default=str)
    setup = hashlib.sha256(b"\0".join([
        CODE_DIGEST.encode(), config.path.read_bytes(), juris.encode(), (job.id or "").encode(),
        (job.text_name or "").encode(),
        os.fsencode(os.path.abspath(job.out)), os.fsencode(os.path.abspath(job.path))])).hexdigest()[:16]
    return Path(job.cache) / setup / f"{digest}.json"


def run(jobs: list[Job], workers: int = 1, engine: str = "local", scheduler: str | None = None) -> Iterator[Rows]:
    """Results of ``jobs`` in job order: in this process, a process pool, or on Dask."""
    if engine == "dask":
        yield from _dask(jobs, workers, scheduler)
    elif workers <= 1:
        yield from map(extract_one, jobs)
    else:
        _set_up(jobs)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(extract_one, jobs, chunksize=max(1, min(32, len(jobs) // (workers * 8) or 1)))


def _set_up(jobs: list[Job]) -> None:
    """Build the extractors (and the gazetteer, where a place is to be detected) here, once: workers
    forked from this process share them instead of each loading config.yaml and cpca again."""
    for config in dict.fromkeys(job.config for job in jobs):
        _extractor(config)
    if any(job.jurisdiction is None for job in jobs):
        gazetteer.load()


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
