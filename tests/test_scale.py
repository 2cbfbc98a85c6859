"""Batch extraction: the same bytes with 1 or 2 workers and on Dask; reruns skip unchanged files."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from extract import batch, cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, 24, seed=3)
    (folder / "reports" / "zz_empty.txt").write_bytes(b"")
    return folder / "reports"


def _bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("indicators.csv", "mentions.csv", "reports.csv", "errors.csv")}


def test_workers_and_dask_give_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    outs = {}
    for label, extra in (("one", ["--workers", "1"]), ("two", ["--workers", "2"]),
                         ("dask", ["--engine", "dask", "--workers", "2"])):
        out = tmp_path / label
        assert cli.main([str(corpus), "--out", str(out), "--no-cache", *extra]) == 1  # the empty file
        outs[label] = _bytes(out)
    assert outs["one"] == outs["two"] == outs["dask"]
    errors = pd.read_csv(tmp_path / "one" / "errors.csv", encoding="utf-8-sig")
    assert errors["jurisdiction"].tolist() == ["zz_empty"]
    assert "the file is empty" in errors["message"].iloc[0]


def test_rerun_skips_unchanged_files(corpus: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    jobs = [batch.Job(str(p), None, str(ROOT / "config.yaml"), str(out), str(cache))
            for p in sorted(corpus.glob("r*.txt"))[:5]]
    first = list(batch.run(jobs))
    second = list(batch.run(jobs))
    assert not any(r.cached for r in first) and all(r.cached for r in second)
    assert [(r.indicators, r.mentions, r.report) for r in first] == [(r.indicators, r.mentions, r.report)
                                                                     for r in second]
    changed = Path(jobs[0].path)
    changed.write_text(changed.read_text("utf-8") + "\n全年受理政府信息公开申请7件。", "utf-8")
    third = list(batch.run(jobs[:1]))
    assert not third[0].cached


def test_large_runs_also_write_parquet(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cli, "PARQUET_FROM", 5)
    out = tmp_path / "out"
    cli.main([str(corpus), "--out", str(out), "--no-cache"])
    parquet = pd.read_parquet(out / "indicators.parquet")
    csv = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig")
    assert len(parquet) == len(csv) > 0
    assert parquet["value"].sum() == pytest.approx(csv["value"].sum())


def test_synthetic_key_scores_like_the_seeds(corpus: Path, tmp_path: Path) -> None:
    from extract.evaluate import load_key, read_rows, score

    out = tmp_path / "out"
    cli.main([str(corpus), "--out", str(out), "--no-cache"])
    s = score(load_key(corpus.parent / "key.yaml"), read_rows(out))
    assert s.precision >= 0.95 and s.recall >= 0.95
    assert s.trap_hits == []


def test_duckdb_over_parquet_answers_like_the_frame(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    from dashboard.store import FrameStore, ParquetStore
    from extract.frame import read_indicators

    monkeypatch.setattr(cli, "PARQUET_FROM", 5)
    out = tmp_path / "out"
    cli.main([str(corpus), "--out", str(out), "--no-cache"])
    duck, frame = ParquetStore(out / "indicators.parquet"), FrameStore(read_indicators(out / "indicators.csv"))
    some = sorted({p.stem for p in corpus.glob("r*.txt")})[:7]
    for query in ({}, {"jurisdictions": some}, {"indicators": ["online_available_rate", "hotline_requests"]},
                  {"jurisdictions": some, "indicators": ["service_items_total"], "primary_only": True}):
        got = duck.select(**query).sort_values(["jurisdiction", "start"]).reset_index(drop=True)
        want = frame.select(**query).sort_values(["jurisdiction", "start"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(got, want)
    assert len(duck.select(jurisdictions=some[:1])) < len(duck.select())
