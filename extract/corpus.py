"""The user corpus: reports researchers add, kept beside the bundled ones.

A report is copied to ``corpus/<id><suffix>`` and listed in the file config.yaml names under
``user_corpus``. Nothing is ever overwritten: an id already in use, a file already there or
content already loaded (same sha256) is refused with a message. The uploaded file's own name
is never used as a path.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path

import yaml

from .config import ID_RE, Config, Jurisdiction
from .errors import ExtractError
from .readers import SUFFIXES, read_report

CORPUS_DIR = "corpus"


def add_report(config: Config, data: bytes, suffix: str, juris: Jurisdiction) -> Path:
    """Copy ``data`` into the corpus as ``juris`` and list it; return the new file's path."""
    if config.user_corpus is None:
        raise ExtractError(f"{config.path}: set `user_corpus: user_corpus.yaml` to keep added reports")
    if not ID_RE.match(juris.id):
        raise ExtractError(f"jurisdiction id {juris.id!r}: use lowercase letters, digits and _ (e.g. hengnan)")
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise ExtractError(f"unsupported file type {suffix!r} (supported: {', '.join(SUFFIXES)})")
    if any(j.id == juris.id for j in config.jurisdictions):
        raise ExtractError(f"jurisdiction id {juris.id!r} is already in use; choose another")
    digest = hashlib.sha256(data).hexdigest()
    for j in config.jurisdictions:
        path = config.root / j.report
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            raise ExtractError(f"this report is already loaded as {j.id!r} (same file content)")
    folder = config.root / CORPUS_DIR
    folder.mkdir(exist_ok=True)
    target = folder / f"{juris.id}{suffix}"
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
    config.user_corpus.write_text(
        "# Reports added by researchers (python -m extract add, or Keep on the Upload page).\n"
        + yaml.safe_dump(listed, allow_unicode=True, sort_keys=False), "utf-8")
    return target
