"""The command line: help for every option, and the README shows how to run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def test_help_names_every_option() -> None:
    out = subprocess.run([sys.executable, "-m", "extract", "--help"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    for action in build_parser()._actions:
        for flag in action.option_strings:
            assert flag in out
    assert "FILE_OR_DIR" in out


def test_readme_shows_the_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in ("make run", "make test", "python -m extract", "--out", "python -m briefing",
                    "python -m extract add", "python -m extract remove", "--wait", "--time-limit", "manifest.json"):
        assert command in readme, command


@pytest.mark.parametrize("command", ["add", "remove"])
def test_every_subcommand_has_help(command: str) -> None:
    from extract import cli

    out = subprocess.run([sys.executable, "-m", "extract", command, "--help"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    parser = {"add": cli.build_add_parser, "remove": cli.build_remove_parser}[command]()
    for action in parser._actions:
        for flag in action.option_strings:
            assert flag in out
    assert f"python -m extract {command}" in out


def test_many_files_show_progress(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(f"全县政务服务事项{100 + i}项。", "utf-8")
    run = subprocess.run([sys.executable, "-m", "extract", str(tmp_path), "--out", str(tmp_path / "o")],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "12/12" in run.stderr  # the progress bar
    assert run.stdout == ""


GOOD = "某县政务服务数据管理局2023年工作报告\n目前共有政务服务事项{n}项,网上可办率达99.5%。\n"


def _reports(out: Path) -> dict[str, dict[str, str]]:
    import csv

    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        return {r["jurisdiction"]: r for r in csv.DictReader(f)}


def _one_line(err: str) -> None:
    assert "Traceback" not in err, err
    for line in err.strip().splitlines():
        assert line.startswith(("error: ", "warning: ")) or "reports" in line, line


# file name -> jurisdiction id (a hash for names with nothing Latin to keep)
FROM_FILE_NAMES = [
    pytest.param(b"hengnan.txt", "hengnan", id="plain"),
    pytest.param(b"Hengnan 2021.txt", "hengnan_2021", id="space-and-capitals"),
    pytest.param("衡南县.txt".encode(), "report_", id="chinese"),
    pytest.param(b"a\nb.txt", "a_b", id="newline"),
    pytest.param(b"he said \"x\" 'y'.txt", "he_said_x_y", id="quotes"),
    pytest.param(b"2021.txt", "report_", id="digits-first"),
    pytest.param(b"bad\xff\xfename.txt", "bad_name", id="not-utf-8"),
    pytest.param(b"x" * 200 + b".txt", "x" * 64, id="very-long"),
]


@pytest.mark.parametrize(("name", "expected"), FROM_FILE_NAMES)
def test_ids_from_file_names_are_safe_and_the_name_is_kept(tmp_path: Path, name: bytes, expected: str,
                                                          capsys) -> None:
    from extract.config import ID_RE

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD.format(n=1200), "utf-8")
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as f:
        f.write(GOOD.format(n=1300).encode("utf-8"))
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    _one_line(capsys.readouterr().err)
    reports = _reports(out)
    (jid,) = set(reports) - {"good"}
    assert ID_RE.match(jid) and jid.startswith(expected) and len(jid) <= 72
    original = reports[jid]["original"]
    assert original.endswith(name.decode("utf-8", "backslashreplace"))
    source = ROOT / reports[jid]["source"]
    assert "1300" in source.read_text("utf-8")  # the text is readable where source says


def test_folders_are_read_recursively_and_same_names_get_their_own_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i, sub in enumerate(("2021", "2022/county", "2022/county/deeper")):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "hengnan.txt").write_text(GOOD.format(n=1000 + i), "utf-8")
    (folder / "notes.json").write_text("{}", "utf-8")  # not a report type
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    reports = _reports(out)
    assert len(reports) == 3 and "hengnan" in reports
    assert all(j == "hengnan" or j.startswith("hengnan_") for j in reports)
    assert main([str(folder), "--out", str(out)]) == 0  # again: the same ids, nothing doubled
    assert _reports(out).keys() == reports.keys()


def test_symlink_loops_are_one_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD.format(n=1200), "utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)  # a folder cycle
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    out = tmp_path / "out"
    status = main([str(folder), str(folder / "self.txt"), "--out", str(out)])
    err = capsys.readouterr().err
    _one_line(err)
    assert status == 1
    assert "self.txt" in err and "symbolic link" in err
    reports = _reports(out)
    assert reports["good"]["status"] == "ok"
    assert reports["self"]["status"] == "error"
    assert len(reports) == 2
