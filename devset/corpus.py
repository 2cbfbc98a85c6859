"""The development corpus as data: its key files, the texts they describe, and checks of both."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEYS = HERE / "keys"
SPLIT = HERE / "split.yaml"
TEXTS = ROOT / "dev" / "corpus"
KINDS = ("excerpt", "long")


@dataclass(frozen=True)
class Entry:
    """One report of the corpus: its key file and its jurisdiction entry."""

    key_file: Path
    facts: dict

    @property
    def id(self) -> str:
        return str(self.facts["id"])

    @property
    def text_path(self) -> Path:
        return TEXTS / str(self.facts.get("file") or f"{self.id}.txt")

    def text(self) -> str | None:
        """The re-created text, or None when it is not on this machine."""
        return self.text_path.read_text("utf-8") if self.text_path.is_file() else None


def entries(keys: Path = KEYS) -> list[Entry]:
    """Every report of the corpus, in id order."""
    out = []
    for f in sorted(keys.glob("*.yaml")):
        data = yaml.safe_load(f.read_text("utf-8")) or {}
        out += [Entry(f, j) for j in data.get("jurisdictions") or []]
    return sorted(out, key=lambda e: e.id)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problems(entry: Entry) -> list[str]:
    """What is wrong with one entry's recipe and facts (empty when nothing is)."""
    f, where = entry.facts, f"{entry.key_file.name}: {entry.id}"
    out = []
    recipe = f.get("recipe") or {}
    pages = {"corpus", "query", "url"} <= set(recipe)
    repo = {"repo", "path", "commit"} <= set(recipe)
    if not (pages or repo):
        out.append(f"{where}: recipe needs {{corpus, query, url}} or {{repo, path, commit}}, has {sorted(recipe)}")
    if repo and not (isinstance(recipe["commit"], str) and len(recipe["commit"]) == 40):
        out.append(f"{where}: recipe commit must be 40 hex digits")
    digest = str(f.get("sha256") or "")
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        out.append(f"{where}: sha256 must be 64 lowercase hex digits")
    if f.get("kind") not in KINDS:
        out.append(f"{where}: kind must be one of {KINDS}")
    if f.get("script") not in ("simplified", "traditional"):
        out.append(f"{where}: script must be simplified or traditional")
    if entry.key_file.stem != entry.id:
        out.append(f"{where}: the key file is named {entry.key_file.name}, expected {entry.id}.yaml")
    return out
