"""The user corpus: reports researchers keep, beside the bundled ones; and removing reports.

A report is copied to ``corpus/<id><suffix>`` and listed in the file config.yaml names under
``user_corpus``. Nothing is ever overwritten: an id already in use, a file already there or
content already loaded (same sha256) is refused with a message. The uploaded file's own name
is never used as a path.

``keep_reports`` is what both ``python -m extract add`` and Keep on the upload page call:
register, then derive the output folder again, holding the locks of the output folder and
of the user corpus (so that simultaneous adds all end up listed). ``remove_reports`` drops
reports on purpose (``python -m extract remove ID``): a kept report's file is set aside in
``corpus/removed/``, never deleted.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from . import locks, outputs
from .config import ID_RE, Config, Jurisdiction, clash, load_config
from .derive import Options, Outcome, derive
from .errors import ExtractError
from .manifest import Corpus, read_corpus
from .paths import report_name
from .readers import SUFFIXES, read_report

CORPUS_DIR = "corpus"
REMOVED_DIR = "removed"  # inside corpus/: kept reports that were removed
HEADER = "# Reports added by researchers (python -m extract add, or Keep on the Upload page).\n"


@dataclass
class Kept:
    """What ``keep_reports`` did: the reports kept (id, file), those refused (index, why), the run."""

    kept: list[tuple[str, Path]] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    outcome: Outcome | None = None


def keep_reports(config_path: Path, out: Path, reports: list[tuple[bytes, str, Jurisdiction]],
                 options: Options | None = None) -> Kept:
    """Keep each (file bytes, suffix, jurisdiction) in the user corpus, then derive ``out`` again.

    A report that cannot be kept is refused with its message; the others go on. ``out`` then
    holds config.yaml's reports (the kept ones among them) and every report it held before.
    """
    options = options or Options()
    config = load_config(config_path)
    if config.user_corpus is None:
        raise ExtractError(f"{config.path}: set `user_corpus: user_corpus.yaml` to keep added reports")
    outputs.check_writable(out, (config.root,))  # before anything is kept: all or nothing
    done = Kept()
    with locks.held(out, options.wait):
        with locks.held(config.user_corpus, options.wait):
            for i, (data, suffix, juris) in enumerate(reports):
                try:
                    done.kept.append((juris.id, add_report(load_config(config_path), data, suffix, juris)))
                except ExtractError as e:
                    done.refused.append((i, str(e)))
        if done.kept:
            done.outcome = derive(config_path, out, _with_config, options)
    return done


def _with_config(corpus: Corpus | None, config: Config) -> Corpus:
    return Corpus(True, corpus.added if corpus else ())


def remove_reports(config_path: Path, out: Path, ids: list[str], options: Options | None = None,
                   year: int | None = None) -> Outcome:
    """Remove reports from ``out`` on purpose, then derive it again.

    A report added from the command line leaves the folder's corpus (its file stays where it
    is); a kept report leaves the user corpus, its copy moved to corpus/removed/. A report
    config.yaml itself lists is refused: delete its entry there. With ``year``, only the kept
    reports of that year go (a jurisdiction's other years stay); without it, every kept report
    of each id.
    """
    options = options or Options()
    with locks.held(out, options.wait):
        config = load_config(config_path)
        corpus = read_corpus(out, config) or Corpus()
        kept = _listed(config.user_corpus, year)
        added = {a.id for a in corpus.added}
        for jid in ids:
            if jid in kept or (jid in added and year is None):
                continue
            entry = next((j for j in config.jurisdictions if j.id == jid and year in (None, j.report_year)), None)
            if entry is not None:
                raise ExtractError(f"{jid!r} is listed in {config.path} (report: {entry.report}); "
                                   f"delete its entry there to remove it")
            known = [j.id for j in config.jurisdictions if corpus.config_reports] + sorted(added)
            known = list(dict.fromkeys(known))
            raise ExtractError(f"no report {jid!r}{f' for {year}' if year else ''} in {out} (it holds: "
                               f"{', '.join(known[:12]) or 'none'}{', ...' if len(known) > 12 else ''})")
        if any(jid in kept for jid in ids) and config.user_corpus is not None:
            with locks.held(config.user_corpus, options.wait):
                _unlist(config, [jid for jid in ids if jid in kept], year)
        gone = ids if year is None else []  # a report added from the command line has no year to go by
        return derive(config_path, out, lambda c, cfg: (c or Corpus()).without(gone), options)


def add_report(config: Config, data: bytes, suffix: str, juris: Jurisdiction) -> Path:
    """Copy ``data`` into the corpus as ``juris`` and list it; return the new file's path."""
    if config.user_corpus is None:
        raise ExtractError(f"{config.path}: set `user_corpus: user_corpus.yaml` to keep added reports")
    if not ID_RE.match(juris.id):
        raise ExtractError(f"jurisdiction id {juris.id!r}: use lowercase letters, digits and _ (e.g. hengnan)")
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise ExtractError(f"unsupported file type {suffix!r} (supported: {', '.join(SUFFIXES)})")
    other = clash(juris.id, juris.report_year, config.jurisdictions)
    if other is not None:
        raise ExtractError(_clash_message(juris, other))
    digest = hashlib.sha256(data).hexdigest()
    for j in config.jurisdictions:
        path = config.root / j.report
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            raise ExtractError(f"this report is already loaded as {j.id!r} (same file content)")
    folder = config.root / CORPUS_DIR
    folder.mkdir(exist_ok=True)
    several = any(j.id == juris.id for j in config.jurisdictions)  # another year's report: the year in the name
    target = folder / f"{report_name(juris.id, juris.report_year) if several else juris.id}{suffix}"
    if target.exists():
        raise ExtractError(f"{target} already exists; nothing was overwritten")
    target.write_bytes(data)
    try:
        read_report(target)  # refuse what cannot be read, before listing it
    except ExtractError:
        target.unlink()
        raise
    entry = {k: v for k, v in asdict(juris).items() if v not in (None, "")}
    entry["report"] = f"{CORPUS_DIR}/{target.name}"
    listed = yaml.safe_load(config.user_corpus.read_text("utf-8")) if config.user_corpus.exists() else None
    listed = listed or {"jurisdictions": []}
    listed["jurisdictions"].append(entry)
    _write_listed(config.user_corpus, listed)
    return target


def same_jurisdiction(jid: str, reports: tuple[Jurisdiction, ...] | list[Jurisdiction]) -> Jurisdiction | None:
    """The latest report of ``jid`` among ``reports`` (None if it has none): a report of another year of
    the same jurisdiction takes its place's facts (names, province, prefecture, level, code) from it."""
    mine = [j for j in reports if j.id == jid]
    return max(mine, key=lambda j: j.report_year or 0) if mine else None


def _clash_message(juris: Jurisdiction, other: Jurisdiction) -> str:
    """One line: why ``juris`` cannot join beside ``other`` (the same id and year, or a year missing)."""
    where = f" ({other.report})" if other.report else ""
    if juris.report_year is not None and other.report_year == juris.report_year:
        return (f"jurisdiction id {juris.id!r} is already in use for report year {juris.report_year}{where}; "
                f"another year's report needs its --year, another jurisdiction another --id")
    return (f"jurisdiction id {juris.id!r} is already in use{where}; a second report of it needs its year "
            f"(--year), or choose another --id")


def _listed(user_corpus: Path | None, year: int | None = None) -> dict[str, dict]:
    """The user corpus's entries by id (of ``year`` only, if given; empty when there is none)."""
    if user_corpus is None or not user_corpus.exists():
        return {}
    data = yaml.safe_load(user_corpus.read_text("utf-8")) or {}
    return {j["id"]: j for j in data.get("jurisdictions") or [] if isinstance(j, dict) and "id" in j
            and year in (None, j.get("report_year"))}


def _unlist(config: Config, ids: list[str], year: int | None = None) -> None:
    """Drop ``ids`` (their reports of ``year``, if given) from the user corpus; move their files to corpus/removed/."""
    if config.user_corpus is None:
        return
    data = yaml.safe_load(config.user_corpus.read_text("utf-8")) or {"jurisdictions": []}
    keep, gone = [], []
    for j in data.get("jurisdictions") or []:
        (gone if j.get("id") in ids and year in (None, j.get("report_year")) else keep).append(j)
    _write_listed(config.user_corpus, {**data, "jurisdictions": keep})
    for j in gone:
        path = config.root / j["report"]
        if path.is_file():
            folder = config.root / CORPUS_DIR / REMOVED_DIR
            folder.mkdir(parents=True, exist_ok=True)
            target, n = folder / path.name, 1
            while target.exists():
                n += 1
                target = folder / f"{path.stem}-{n}{path.suffix}"
            os.replace(path, target)


def _write_listed(path: Path, listed: dict) -> None:
    """Write the user corpus whole or not at all (a reader never sees half a file)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(HEADER + yaml.safe_dump(listed, allow_unicode=True, sort_keys=False))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
