"""The command line: help for every option, and the README shows how to run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from extract.cli import build_parser

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
    for command in ("make run", "make test", "python -m extract", "--out", "python -m briefing"):
        assert command in readme, command


def test_many_files_show_progress(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(f"全县政务服务事项{100 + i}项。", "utf-8")
    run = subprocess.run([sys.executable, "-m", "extract", str(tmp_path), "--out", str(tmp_path / "o")],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "12/12" in run.stderr  # the progress bar
    assert run.stdout == ""
