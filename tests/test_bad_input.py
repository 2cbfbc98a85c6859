"""Bad input gets one clear message, and nothing else is lost."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import UnreadableReport
from extract.cli import main
from extract.readers import read_report

GOOD = "某县政务服务数据管理局2023年工作报告\n目前共有政务服务事项1200项,网上可办率达99.5%。\n"


@pytest.mark.parametrize(("data", "problem"), [
    pytest.param(b"", "the file is empty", id="empty"),
    pytest.param(b"  \n\n ", "the file is empty", id="whitespace-only"),
    pytest.param(bytes(range(256)) * 20, "binary", id="binary"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000), "binary", id="png"),
])
def test_unreadable_files_say_why(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableReport, match=problem) as e:
        read_report(path)
    assert str(path) in str(e.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5"])
def test_encodings_read_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    text = "連平縣12345熱線共受理有效事項3136宗。" if encoding == "big5" else GOOD
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    assert read_report(path).text == text


def test_windows_line_ends_keep_offsets(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8"))
    assert read_report(path).text == GOOD


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_batch_with_bad_files_keeps_the_good_ones(tmp_path: Path, capsys) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.txt").write_text(GOOD, "utf-8")
    (reports / "gbk.txt").write_bytes(GOOD.replace("某县", "某市").encode("gbk"))
    (reports / "empty.txt").write_bytes(b"")
    (reports / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (reports / "nonumbers.txt").write_text("某县政务服务局工作总结\n持续深化改革,优化营商环境。\n", "utf-8")
    out = tmp_path / "out"

    status = main([str(reports), "--out", str(out)])

    assert status == 1
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err
    assert "binary.txt: looks like a binary file" in err
    reports_csv = {r["jurisdiction"]: r for r in _rows(out / "reports.csv")}
    assert set(reports_csv) == {"good", "gbk", "empty", "binary", "nonumbers"}
    assert reports_csv["empty"]["status"] == "error"
    assert reports_csv["nonumbers"]["status"] == "ok"
    assert reports_csv["nonumbers"]["figures"] == "0"
    assert reports_csv["gbk"]["encoding"] == "gb18030"
    figures = _rows(out / "indicators.csv")
    assert {(r["jurisdiction"], r["indicator"], r["value"]) for r in figures} == {
        ("good", "service_items_total", "1200.0"), ("good", "online_available_rate", "99.5"),
        ("gbk", "service_items_total", "1200.0"), ("gbk", "online_available_rate", "99.5"),
    }


def test_broken_config_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "config.yaml"
    bad.write_text("version: 1\njurisdictions: [\n", "utf-8")
    assert main(["--config", str(bad), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}: line ")
    assert "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_file_argument_is_reported(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    status = main([str(good), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")])
    assert status == 1
    assert "missing.txt: file not found" in capsys.readouterr().err
    assert [r["jurisdiction"] for r in _rows(tmp_path / "out" / "reports.csv")] == ["good", "missing"]


def test_files_are_added_to_what_out_holds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["--out", str(out)]) == 0
    before = _rows(out / "reports.csv")
    new = tmp_path / "newcounty.txt"
    new.write_text(GOOD, "utf-8")
    assert main([str(new), "--out", str(out)]) == 0
    after = _rows(out / "reports.csv")
    assert [r["jurisdiction"] for r in after] == [r["jurisdiction"] for r in before] + ["newcounty"]
    assert after[: len(before)] == before
    assert main([str(new), "--out", str(out)]) == 0  # again: replaced, not doubled
    assert [r["jurisdiction"] for r in _rows(out / "reports.csv")].count("newcounty") == 1
    assert main([str(new), "--out", str(out), "--replace"]) == 0
    assert [r["jurisdiction"] for r in _rows(out / "reports.csv")] == ["newcounty"]
