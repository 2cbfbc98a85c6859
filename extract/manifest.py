"""The manifest of an output folder (``manifest.json``): what it is made of, and what it holds.

::

    {"format": 1,
     "corpus": {"config_reports": true,
                "added": [{"id": "hengnan", "path": "../reports/hengnan.txt"}]},
     "reports": ["hengnan", "leiyang", ...],
     "report_years": [2021, 2022, ...],
     "files": {"indicators.csv": {"rows": 52, "sha256": "..."}, "texts/word.txt": {"sha256": "..."}}}

``corpus`` is the one source of truth of an output folder: it is always extracted from
config.yaml's reports (with the user corpus config.yaml points to) when ``config_reports`` is
true, then the reports added from the command line (``added``: each id with its file, relative
to the project root). A report stays until it is removed on purpose (``python -m extract
remove ID``, or ``--replace``). ``reports``, ``report_years`` and ``files`` describe the set written from it:
the jurisdiction ids in reports.csv and the year of each report (a report is a jurisdiction ×
year: one id may stand there once per year; null where a report has no year), and every file
with its sha256 (and rows, for tables).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .config import ID_RE, Config, Jurisdiction
from .errors import ExtractError
from .paths import name_id, other_id, same_file, shown

MANIFEST = "manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Added:
    """A report added from the command line: its id and file (relative to the project root)."""

    id: str
    path: str


@dataclass(frozen=True)
class Corpus:
    """The reports an output folder is extracted from (see the module docstring)."""

    config_reports: bool = True
    added: tuple[Added, ...] = field(default_factory=tuple)

    def jobs(self, config: Config) -> list[tuple[Path, Jurisdiction | None, str]]:
        """(file, jurisdiction or None to detect it, id) of every report, config.yaml's first."""
        listed = {same_file(config.root / j.report): j for j in config.jurisdictions}
        jobs: list[tuple[Path, Jurisdiction | None, str]] = []
        if self.config_reports:
            jobs += [(config.root / j.report, j, j.id) for j in config.jurisdictions]
        taken = {jid for _, _, jid in jobs}
        for a in self.added:
            path = config.root / a.path
            juris = listed.get(same_file(path))
            if juris is not None and self.config_reports:
                continue  # one of config.yaml's reports, given on the command line: already in
            jid = juris.id if juris is not None else a.id
            if jid in taken:  # config.yaml took the id after the report was added
                jid = other_id(jid, path)
            taken.add(jid)
            jobs.append((path, juris, jid))
        return jobs

    def add(self, files: Iterable[Path], config: Config, warn: Callable[[str], None] = lambda m: None) -> Corpus:
        """This corpus with ``files`` added; a file already in keeps its id (and is extracted again).

        A file whose name gives an id already in use gets ``<id>_<hash of its path>`` (said
        through ``warn``): a report never replaces another one.
        """
        listed = {same_file(config.root / j.report): j for j in config.jurisdictions}
        added = list(self.added)
        by_file = {same_file(config.root / a.path): a for a in added}
        taken = {j.id for j in config.jurisdictions} | {a.id for a in added}
        for file in files:
            key = same_file(file)
            if key in by_file or (key in listed and self.config_reports):
                continue
            if key in listed:
                entry = Added(listed[key].id, _relative(file, config.root))
            else:
                jid = name_id(file)
                if jid in taken:
                    new = other_id(jid, file)
                    warn(f"{shown(file)}: the id {jid!r} is already in use; added as {new!r}")
                    jid = new
                entry = Added(jid, _relative(file, config.root))
            taken.add(entry.id)
            by_file[key] = entry
            added.append(entry)
        return Corpus(self.config_reports, tuple(added))

    def without(self, ids: Iterable[str]) -> Corpus:
        """This corpus without the added reports ``ids``."""
        drop = set(ids)
        return Corpus(self.config_reports, tuple(a for a in self.added if a.id not in drop))

    def to_json(self) -> dict:
        return {"config_reports": self.config_reports, "added": [{"id": a.id, "path": a.path} for a in self.added]}


def read_corpus(out: Path, config: Config) -> Corpus | None:
    """The corpus of the output folder ``out``; None for a folder that holds no output yet.

    An output written before manifests existed is read from its reports.csv, so that no report
    it holds is lost: config.yaml's reports if it holds any of them, and every other report
    as added from its ``original`` file.
    """
    path = out / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _from_reports(out / "reports.csv", config)
    except OSError as e:
        raise ExtractError(f"{path}: cannot read the manifest ({e.strerror})") from None
    return parse(data, path)[0]


def parse(data: bytes, where: Path | str) -> tuple[Corpus, list[str], dict[str, dict]]:
    """(corpus, reports, files) of a manifest's bytes; ``ExtractError`` naming ``where`` and the key."""

    def bad(key: str, problem: str) -> ExtractError:
        return ExtractError(f"{where}: {key}: {problem}; it is written by python -m extract: delete the file "
                            f"to rebuild it from reports.csv")

    try:
        top = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise bad("the file", f"not valid JSON ({e})") from None
    if not isinstance(top, dict) or top.get("format") != FORMAT:
        raise bad("format", f"expected {FORMAT}")
    corpus, reports, files = top.get("corpus"), top.get("reports"), top.get("files")
    if not isinstance(corpus, dict) or not isinstance(corpus.get("config_reports"), bool):
        raise bad("corpus.config_reports", "expected true or false")
    added = corpus.get("added")
    if not isinstance(added, list):
        raise bad("corpus.added", "expected a list")
    entries = []
    for i, a in enumerate(added):
        if not (isinstance(a, dict) and isinstance(a.get("id"), str) and ID_RE.match(a["id"])
                and isinstance(a.get("path"), str) and a["path"]):
            raise bad(f"corpus.added[{i}]", "expected {id: a jurisdiction id, path: a file}")
        entries.append(Added(a["id"], a["path"]))
    if not isinstance(reports, list) or not all(isinstance(r, str) for r in reports):
        raise bad("reports", "expected a list of jurisdiction ids")
    years = top.get("report_years", [None] * len(reports))  # older manifests have none
    if not (isinstance(years, list) and len(years) == len(reports)
            and all(y is None or (isinstance(y, int) and not isinstance(y, bool)) for y in years)):
        raise bad("report_years", "expected a year (or null) for each of reports")
    if not isinstance(files, dict) or not all(isinstance(f, dict) and isinstance(f.get("sha256"), str)
                                              for f in files.values()):
        raise bad("files", "expected {name: {sha256: ...}}")
    return Corpus(corpus["config_reports"], tuple(entries)), reports, files


def dumps(corpus: Corpus, reports: list[str], files: dict[str, dict], years: list[int | None] | None = None
          ) -> bytes:
    """The manifest's bytes: the same for the same set, whenever and wherever it is written."""
    years = [None] * len(reports) if years is None else years
    top = {"format": FORMAT, "corpus": corpus.to_json(), "reports": reports, "report_years": years, "files": files}
    return (json.dumps(top, indent=1, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii")


def _from_reports(reports_csv: Path, config: Config) -> Corpus | None:
    try:
        with reports_csv.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ExtractError(f"{reports_csv}: cannot read it to keep its reports ({e})") from None
    configured = {j.id for j in config.jurisdictions}
    added: list[Added] = []
    for row in rows:
        jid, path = row.get("jurisdiction") or "", row.get("original") or row.get("source") or ""
        if jid in configured or not path:
            continue
        if not ID_RE.match(jid):
            jid = name_id(Path(path))
        added.append(Added(jid, path))
    return Corpus(any(r.get("jurisdiction") in configured for r in rows), tuple(added))


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to the project root, / separated (links kept as given)."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
