"""The batch survives its own faults: a damaged cache entry, a cache hit in a fresh output, a slow report."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

from extract import batch, cli, pipeline

ROOT = Path(__file__).resolve().parent.parent
GOOD = "某县政务服务数据管理局2023年工作报告\n目前共有政务服务事项{n}项,网上可办率达99.5%。\n"


def _job(tmp_path: Path, name: str = "county.txt", encoding: str = "utf-8") -> batch.Job:
    path = tmp_path / name
    path.write_bytes(GOOD.format(n=1200).encode(encoding))
    return batch.Job(str(path), None, str(ROOT / "config.yaml"), str(tmp_path / "out"), str(tmp_path / "cache"))


DAMAGE = [
    pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
    pytest.param(lambda b: b"", id="empty"),
    pytest.param(lambda b: b"null", id="json-null"),
    pytest.param(lambda b: b"[1, 2]", id="json-list"),
    pytest.param(lambda b: b'{"jurisdiction": "x"}', id="missing-keys"),
    pytest.param(lambda b: b'{"rows": {"ok": "yes"}, "text": 5}', id="wrong-types"),
    pytest.param(lambda b: bytes(range(256)), id="binary"),
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_cache_entry_is_ignored_and_rewritten(tmp_path: Path, damage) -> None:
    job = _job(tmp_path)
    first = batch.extract_one(job)
    (entry,) = Path(job.cache).rglob("*.json")
    entry.write_bytes(damage(entry.read_bytes()))
    second = batch.extract_one(job)
    assert not second.cached
    assert (second.indicators, second.report) == (first.indicators, first.report)
    json.loads(entry.read_text("utf-8"))  # rewritten whole
    assert batch.extract_one(job).cached


def test_a_cache_hit_still_writes_the_text(tmp_path: Path) -> None:
    path = tmp_path / "gbk_county.txt"
    path.write_bytes(GOOD.format(n=1200).encode("gbk"))
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert cli.main([str(path), "--out", str(out), "--cache", str(cache)]) == 0
    (out / "texts" / "gbk_county.txt").unlink()  # as in a fresh output folder
    assert cli.main([str(path), "--out", str(out), "--cache", str(cache), "--replace"]) == 0
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for r in rows:
        assert (ROOT / r["source"]).read_text("utf-8")[int(r["start"]):int(r["end"])] == r["evidence"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_report_over_the_time_limit_is_a_bad_report_and_the_batch_goes_on(tmp_path: Path, monkeypatch,
                                                                             workers: int, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a_first", "b_slow", "c_last"):
        (folder / f"{name}.txt").write_text(GOOD.format(n=len(name) * 100), "utf-8")
    real = pipeline.Extractor.extract_file

    def extract_file(self, path, jurisdiction=None):
        if "slow" in str(path):
            time.sleep(30)
        return real(self, path, jurisdiction)

    monkeypatch.setattr(pipeline.Extractor, "extract_file", extract_file)
    started = time.perf_counter()
    status = cli.main([str(folder), "--out", str(tmp_path / "out"), "--time-limit", "0.5", "--no-cache",
                       "--workers", str(workers)])
    assert time.perf_counter() - started < 15
    assert status == 1
    assert "b_slow.txt: took longer than 0.5 s" in capsys.readouterr().err
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        reports = {r["jurisdiction"]: r for r in csv.DictReader(f)}
    assert [reports[j]["status"] for j in ("a_first", "b_slow", "c_last")] == ["ok", "error", "ok"]
    assert "--time-limit" in reports["b_slow"]["message"]
