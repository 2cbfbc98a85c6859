"""Re-creating dev/corpus from the keys' recipes (devset.recreate), on a made-up entry in a temporary folder."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from devset import recreate
from devset.corpus import Entry

TEXT = "某县2023年政务服务事项1200项,\n“一件事”主题30个。"


def entry(tmp_path: Path, text: str = TEXT, **recipe) -> Entry:
    facts = {"id": "mou", "file": "mou.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
             "recipe": recipe or {"corpus": "pages", "query": "q", "url": "u"}}
    return Entry(tmp_path / "mou.yaml", facts)


@pytest.fixture(autouse=True)
def texts_in_tmp(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(Entry, "text_path", property(lambda e: tmp_path / "corpus" / e.facts["file"]))


@pytest.mark.parametrize(("chunks", "written"), [
    pytest.param([json.dumps(TEXT, ensure_ascii=False)], True, id="one-chunk-as-a-search-answer-shows-it"),
    pytest.param([json.dumps(TEXT[:10]), json.dumps(TEXT[10:])], True, id="chunks-joined-in-order"),
    pytest.param([json.dumps(TEXT.replace("“", '"'))], False, id="one-character-off-is-not-written"),
])
def test_put_writes_only_the_recorded_text(tmp_path: Path, chunks: list[str], written: bool) -> None:
    e = entry(tmp_path)
    assert recreate.put(e, chunks) is written
    assert e.text_path.is_file() is written
    assert recreate.missing([e]) == ([] if written else [{"id": "mou", "file": "mou.txt", **e.facts["recipe"]}])


def test_a_wrong_text_never_replaces_a_right_one(tmp_path: Path) -> None:
    e = entry(tmp_path)
    assert recreate.put(e, [json.dumps(TEXT)])
    assert not recreate.put(e, [json.dumps(TEXT + "。")])
    assert e.text_path.read_text("utf-8") == TEXT
    assert [p.name for p in e.text_path.parent.iterdir()] == ["mou.txt"]  # no temporary file left


@pytest.mark.parametrize(("stored", "section", "text"), [
    pytest.param(TEXT.encode("utf-8"), None, TEXT, id="utf-8-file-whole"),
    pytest.param(TEXT.encode("gb18030"), None, TEXT, id="gbk-file-written-as-utf-8"),
    pytest.param(("\ufeffprovince,full_text\n某省,\"" + TEXT + "\"\n").encode("utf-8"),
                 "the full_text field of the file's only data row", TEXT, id="csv-full-text-field"),
])
def test_repository_recipes(tmp_path: Path, stored: bytes, section: str | None, text: str) -> None:
    work = tmp_path / "work"
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    (work / "r.txt").write_bytes(stored)
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "r.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "r"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(mirrors / "owner+name" / "repo")], check=True)
    recipe = {"repo": "owner/name", "path": "r.txt", "commit": commit}
    e = entry(tmp_path, text, **recipe, **({"section": section} if section else {}))
    assert recreate.repos(mirrors, [e]) == (["mou"], [])
    assert e.text_path.read_text("utf-8") == text
