"""``python -m devset.recreate``: re-create the git-ignored ``dev/corpus/`` from the keys' recipes.

The texts are never committed, so a fresh checkout has none. Three steps:

- ``missing`` prints, as JSON, each report whose text is absent or differs from its sha256, with
  its recipe: the work list.
- ``repos MIRRORS`` writes every text whose recipe names a repository snapshot found under
  ``MIRRORS`` (``<owner>+<name>/repo``, a bare git directory, as the search tool's fetch leaves
  them): the file at the commit, or the ``full_text`` field of a one-row CSV where the recipe's
  section says so; bytes that are not UTF-8 are read as GB18030 and written as UTF-8.
- ``put ID FILE...`` writes one text from the JSON string literals in ``FILE...`` (chunks, joined
  in order), as a search answer shows an excerpt or a file look-up a text: it is written only when
  its sha256 is the key's.

Every write is atomic (a temporary file renamed over the target).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import TEXTS, Entry, entries


def missing(corpus: list[Entry] | None = None) -> list[dict]:
    """The reports whose text is absent or not the recorded one, each with its recipe."""
    out = []
    for e in corpus if corpus is not None else entries():
        path = e.text_path
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != e.facts.get("sha256"):
            out.append({"id": e.id, "file": path.name, **(e.facts.get("recipe") or {})})
    return out


def decode(data: bytes) -> str:
    """A stored file's text: UTF-8 (a BOM dropped only by the CSV reader), else GB18030."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def from_repo(recipe: dict, git_dir: Path) -> bytes:
    """The UTF-8 bytes a repository recipe names, read from the bare git directory ``git_dir``."""
    blob = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{recipe['commit']}:{recipe['path']}"],
                          capture_output=True, check=True).stdout
    if "full_text" in str(recipe.get("section") or ""):
        rows = list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"))))
        if len(rows) != 1:
            raise ValueError(f"{recipe['path']}: expected one data row, found {len(rows)}")
        return rows[0]["full_text"].encode("utf-8")
    return decode(blob).encode("utf-8")


def write(entry: Entry, data: bytes) -> bool:
    """Write ``data`` as the entry's text if its sha256 is the recorded one; whether it was."""
    if hashlib.sha256(data).hexdigest() != entry.facts.get("sha256"):
        return False
    entry.text_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=entry.text_path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, entry.text_path)
    return True


def repos(mirrors: Path, corpus: list[Entry] | None = None) -> tuple[list[str], list[str]]:
    """Write the texts of repository recipes found under ``mirrors``: (written, wrong) ids."""
    written, wrong = [], []
    for e in corpus if corpus is not None else entries():
        recipe = e.facts.get("recipe") or {}
        git_dir = mirrors / str(recipe.get("repo", "")).replace("/", "+") / "repo"
        if "repo" not in recipe or not git_dir.is_dir():
            continue
        (written if write(e, from_repo(recipe, git_dir)) else wrong).append(e.id)
    return written, wrong


def put(entry: Entry, chunks: list[str]) -> bool:
    """Write the entry's text from JSON string literals (chunks in order); whether the sha256 matched."""
    return write(entry, "".join(json.loads(c) for c in chunks).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    by_id = {e.id: e for e in entries()}
    if args[:1] == ["missing"]:
        print(json.dumps(missing(), ensure_ascii=False, indent=1))
        return 0
    if args[:1] == ["repos"] and len(args) == 2:
        written, wrong = repos(Path(args[1]))
        print(f"written {len(written)}; sha256 differs: {' '.join(wrong) or 'none'}", file=sys.stderr)
        return 1 if wrong else 0
    if args[:1] == ["put"] and len(args) >= 3 and args[1] in by_id:
        ok = put(by_id[args[1]], [Path(f).read_text("utf-8").strip() for f in args[2:]])
        print(f"{args[1]}: {'written' if ok else 'NOT written, sha256 differs'} ({TEXTS.name}/)", file=sys.stderr)
        return 0 if ok else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
