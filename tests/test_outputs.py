"""Outputs are one set: written beside --out, swapped in whole, with a manifest; runs take turns.

A killed run leaves the previous set as it was, or the new one complete; two runs into one
--out both end in it; a reader never sees half of one set and half of another.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extract import cli, outputs
from tests.setcheck import problems, report_ids, snapshot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402

REPORT = "某县政务服务数据管理局2023年工作报告\n目前共有政务服务事项{n}项,网上可办率达99.5%。\n"


def _extract(*args: str, wait: bool = True) -> subprocess.Popen | subprocess.CompletedProcess:
    command = [sys.executable, "-m", "extract", *args]
    if wait:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, 40, seed=5)
    return folder / "reports"


def test_a_run_writes_one_set_with_its_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    assert problems(out) == []
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["reports"] == ["xuwen", "guangzhou", "xianning", "xingguo", "wushen"]
    assert manifest["files"]["indicators.csv"]["rows"] > 40
    assert [p.name for p in tmp_path.iterdir() if p.name != "out"] == [".out.lock"]  # nothing else left beside
    first = (out / "manifest.json").read_bytes()
    assert cli.main(["--out", str(out)]) == 0
    assert (out / "manifest.json").read_bytes() == first  # the same bytes every run


def test_the_bundled_data_has_a_matching_manifest() -> None:
    assert problems(ROOT / "data") == []


def test_killed_runs_leave_the_previous_set_or_a_complete_new_one(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _extract(str(corpus), "--out", str(out), "--no-cache").returncode == 0
    started = time.perf_counter()
    extra = tmp_path / "extra_0.txt"
    extra.write_text(REPORT.format(n=1000), "utf-8")
    assert _extract(str(extra), "--out", str(out), "--no-cache").returncode == 0
    whole = time.perf_counter() - started  # one complete run, start-up included
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    outcomes = []
    for i in range(1, 9):
        before, before_ids = snapshot(out), report_ids(out)
        extra = tmp_path / f"extra_{i}.txt"
        extra.write_text(REPORT.format(n=1000 + i), "utf-8")
        run = _extract(str(extra), "--out", str(out), "--no-cache", wait=False)
        started = time.perf_counter()
        if i % 2:  # anywhere in the run, start-up included
            delay = rng.uniform(0.05, whole * 1.3)
        else:  # while the new set is written, swapped in or the old one deleted
            while not any(p.name.startswith(".out.new-") for p in tmp_path.iterdir()) and run.poll() is None:
                time.sleep(0.002)
            delay = time.perf_counter() - started + rng.uniform(0, whole * 0.5)
        time.sleep(max(0.0, started + delay - time.perf_counter()))
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert problems(out) == [], f"seed {seed}, kill {i} after {delay:.2f} s"
        if report_ids(out) == before_ids:
            assert snapshot(out) == before, f"seed {seed}, kill {i}: the previous set was changed"
            outcomes.append("previous")
        else:
            assert report_ids(out) == [*before_ids, f"extra_{i}"], f"seed {seed}, kill {i}"
            outcomes.append("new")
    print(f"seed {seed}: {outcomes}")
    assert _extract("--out", str(out), "--no-cache").returncode == 0  # a later run cleans up after the killed ones
    assert problems(out) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [".out.lock"]


def test_two_runs_into_one_out_both_end_in_it(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    other = tmp_path / "other"
    other.mkdir()
    for i in range(6):
        (other / f"other_{i}.txt").write_text(REPORT.format(n=2000 + i), "utf-8")
    runs = [_extract(str(corpus), "--out", str(out), "--no-cache", wait=False),
            _extract(str(other), "--out", str(out), "--no-cache", wait=False)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    assert problems(out) == []
    ids = set(report_ids(out))
    assert {p.stem for p in corpus.iterdir()} | {f"other_{i}" for i in range(6)} == ids


def test_a_second_run_waits_then_says_who_holds_the_lock(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from extract import locks\n"
         "with locks.held(Path(sys.argv[1]), wait=0):\n print('held', flush=True); time.sleep(60)",
         str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.perf_counter()
        assert cli.main(["--out", str(out), "--wait", "1"]) == 2
        waited = time.perf_counter() - started
        err = capsys.readouterr().err.strip()
    finally:
        holder.kill()
        holder.wait()
    assert 1 <= waited < 5
    assert "\n" not in err and "Traceback" not in err
    assert f"pid {holder.pid}" in err and "since" in err and "-c" in err, err
    assert not out.exists()
    assert cli.main(["--out", str(out), "--wait", "1"]) == 0  # the holder is gone: the lock is free


def test_a_failure_while_writing_leaves_the_previous_set(tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    before = snapshot(out)
    new = tmp_path / "newcounty.txt"
    new.write_text(REPORT.format(n=1500), "utf-8")
    from extract import frame

    real = frame.CsvSink.write

    def write(self, name, rows):
        if name == "mentions":
            raise OSError(28, "No space left on device")
        real(self, name, rows)

    monkeypatch.setattr(frame.CsvSink, "write", write)
    assert cli.main([str(new), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "No space left on device" in err and "unchanged" in err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "newcounty.txt", "out"]


@pytest.fixture
def read_only(tmp_path: Path):
    """A folder nobody may write to: chmod for ordinary users, a read-only tmpfs for root."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro", "none", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without permission to mount a read-only tmpfs")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("inside", [False, True], ids=["out-read-only", "parent-read-only"])
def test_a_read_only_out_is_one_line(read_only: Path, inside: bool, capsys) -> None:
    out = read_only / "data" if inside else read_only
    assert cli.main(["--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err
    assert "read-only" in err or "not writable" in err, err
    assert str(read_only) in err


@pytest.mark.parametrize("exchange", ["renameat2", "two renames", "one file at a time"])
def test_every_way_of_swapping_gives_the_same_set(tmp_path: Path, monkeypatch, exchange: str) -> None:
    if exchange != "renameat2":
        monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    if exchange == "one file at a time":
        def busy(src, dst):
            raise OSError(16, "Device or resource busy")
        monkeypatch.setattr(outputs, "_rename_dir", busy)
    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    new = tmp_path / "newcounty.txt"
    new.write_text(REPORT.format(n=1500), "utf-8")
    assert cli.main([str(new), "--out", str(out)]) == 0
    assert problems(out) == []
    assert report_ids(out)[-1] == "newcounty"


def test_a_run_killed_between_two_renames_is_undone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    before = snapshot(out)
    out.rename(tmp_path / ".out.old-12345")  # the first rename of the fallback, then killed
    (tmp_path / ".out.new-12345").mkdir()
    assert cli.main(["--out", str(out)]) == 0
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_the_dashboard_never_reads_a_mixed_set(tmp_path: Path) -> None:
    from dashboard import data

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT.format(n=100), "utf-8")
    b.write_text(REPORT.replace("某县", "某市").format(n=200), "utf-8")
    out = tmp_path / "out"
    assert cli.main([str(a), "--out", str(out)]) == 0
    sets = ({"a"}, {"b"})
    stop = threading.Event()
    seen = []

    def read() -> None:
        while not stop.is_set():
            f = data.load(out, ROOT / "config.yaml")
            ids = set(f.reports["jurisdiction"])
            seen.append((ids, set(f.indicators["jurisdiction"]) <= ids, ids in sets))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(12):
            assert cli.main([str(b if i % 2 == 0 else a), "--out", str(out), "--replace"]) == 0
    finally:
        stop.set()
        reader.join()
    assert len(seen) > 5
    assert all(ok and whole for _, ok, whole in seen), [s for s in seen if not (s[1] and s[2])][:3]


def test_the_dashboard_says_when_files_differ_from_the_manifest(tmp_path: Path) -> None:
    from dashboard import data

    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    path = out / "indicators.csv"
    header, *rows = path.read_text("utf-8-sig").splitlines(keepends=True)
    path.write_text(header + "".join(reversed(rows)), "utf-8-sig")  # reordered by hand, still a valid table
    with pytest.warns(UserWarning, match="indicators.csv.*manifest"):
        frames = data.load(out, ROOT / "config.yaml")
    assert len(frames.reports) == 5


def test_the_dashboard_reads_an_older_output_without_a_manifest(tmp_path: Path) -> None:
    from dashboard import data

    out = tmp_path / "out"
    assert cli.main(["--out", str(out)]) == 0
    (out / "manifest.json").unlink()
    assert len(data.load(out, ROOT / "config.yaml").reports) == 5


@pytest.mark.parametrize("where", ["project", "a-file", "no-parent"])
def test_out_must_be_a_folder_of_its_own(tmp_path: Path, where: str, capsys) -> None:
    out = {"project": ROOT, "a-file": tmp_path / "x.csv", "no-parent": tmp_path / "a" / "b"}[where]
    if where == "a-file":
        out.write_text("x", "utf-8")
    before = sorted(p.name for p in ROOT.iterdir())
    assert cli.main(["--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: --out {out}: ") and "\n" not in err, err
    assert sorted(p.name for p in ROOT.iterdir()) == before


def test_a_report_whose_file_is_gone_stays_listed_with_the_way_to_remove_it(tmp_path: Path, capsys) -> None:
    out, report = tmp_path / "out", tmp_path / "county.txt"
    report.write_text(REPORT.format(n=1500), "utf-8")
    assert cli.main([str(report), "--out", str(out)]) == 0
    report.unlink()
    assert cli.main(["--out", str(out)]) == 1
    assert "python -m extract remove county drops it" in capsys.readouterr().err
    assert report_ids(out) == ["county"] and problems(out) == []
