"""Web-page chrome lines: only short lines without figures are blanked, and a report that loses
much of its text to them says so in reports.csv.

A report saved as one line (a web page copied out of the browser) or a paragraph citing
数据来源：… must keep every figure: chrome rules are for navigation crumbs, dates and
"来源：本网" lines, never for the report's prose.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.cli import main
from extract.text import prepare

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _figures(extractor, text: str) -> list[tuple[str, float]]:
    _, _, figures = extractor.extract_text(text)
    return sorted((f.indicator, f.figure.mention.value) for f in figures)


def _one_line(path: Path) -> str:
    return " ".join(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_a_seed_on_one_line_with_a_source_note_keeps_its_figures(extractor, seed: Path, where: str) -> None:
    expected = _figures(extractor, seed.read_text("utf-8"))
    assert expected, seed.name  # the seed gives figures at all, so the comparison means something
    note = "来源：本网"
    one = f"{note} {_one_line(seed)}" if where == "before" else f"{_one_line(seed)} {note}"
    assert "\n" not in one
    assert _figures(extractor, one) == expected


FIGURES_KEPT = [  # (line, blanked?) with the project's chrome rules
    pytest.param("来源:本网", True, id="source-note"),
    pytest.param("2020-02-24 16:21:26 来源:本网", True, id="date-and-source"),
    pytest.param("  当前位置: 首页 > 专题关注 > 法治政府建设", True, id="crumbs"),
    pytest.param("浏览字号", True, id="font-size"),
    pytest.param("相关新闻", True, id="related-news"),
    pytest.param("2020-02-24", True, id="date"),
    pytest.param("数据来源：国家统计局", True, id="short-citation"),
    pytest.param("数据来源：全县政务服务事项1200项", False, id="short-line-with-a-count"),
    pytest.param("来源：网上可办率达99.5%", False, id="short-line-with-a-rate"),
    pytest.param("来源：网上可办率达百分之九十九", False, id="short-line-with-a-chinese-rate"),
    pytest.param("当前位置：全县政务服务事项1200项", False, id="crumbs-with-a-figure"),
    pytest.param("数据来源：县政务服务中心。" + "全面推进一网通办，持续优化营商环境，" * 4, False,
                 id="long-paragraph-citing-a-source"),
    pytest.param("当前位置 " + "首页 > 政务公开 > 法定主动公开内容 > " * 4, False, id="long-line"),
    pytest.param("本项工作的资金来源：县财政拨款", False, id="source-not-at-line-start"),
]


@pytest.mark.parametrize(("line", "blanked"), FIGURES_KEPT)
def test_which_lines_are_chrome(config, line: str, blanked: bool) -> None:
    text = f"某县2023年工作报告\n{line}\n全县政务服务事项1200项。\n"
    doc = prepare(text, config.chrome_lines)
    assert len(doc.analysis) == len(text)
    start = text.index(line)
    kept = doc.analysis[start:start + len(line)]
    unmasked = prepare(text).analysis[start:start + len(line)]  # the same line, no chrome rules
    assert kept == (" " * len(line) if blanked else unmasked)
    assert doc.analysis.endswith("全县政务服务事项1200项。\n")


def _reports(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        return {r["jurisdiction"]: r for r in csv.DictReader(f)}


NAVIGATION = "\n".join(["当前位置：首页 > 政务公开 > 工作报告", "来源：县政务服务中心", "浏览字号", "相关新闻",
                        "2023-01-05", "打印", "关闭"] * 3)


def test_a_report_mostly_blanked_as_chrome_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "navheavy.txt").write_text(f"{NAVIGATION}\n全县政务服务事项1200项，网上可办率99.5%。\n", "utf-8")
    (folder / "plain.txt").write_text("全县政务服务事项1200项，网上可办率99.5%。\n", "utf-8")
    (folder / "allchrome.txt").write_text(NAVIGATION + "\n", "utf-8")
    out = tmp_path / "out"
    main([str(folder), "--out", str(out)])
    reports = _reports(out)
    heavy = reports["navheavy"]
    assert heavy["status"] == "ok" and heavy["figures"] == "2"
    assert "chrome" in heavy["message"] and "reading.chrome_lines" in heavy["message"]
    assert "%" in heavy["message"]  # the share, e.g. 80%
    assert reports["plain"]["status"] == "ok" and reports["plain"]["message"] == ""
    empty = reports["allchrome"]
    assert empty["status"] == "error"
    assert "whole text" in empty["message"] and "reading.chrome_lines" in empty["message"]


def test_the_bundled_reports_lose_little_to_chrome(config) -> None:
    for seed in SEEDS:
        doc = prepare(seed.read_text("utf-8"), config.chrome_lines)
        assert doc.note == "", seed.name
    guangzhou = prepare((ROOT / "seeds" / "guangzhou_2019.txt").read_text("utf-8"), config.chrome_lines)
    assert guangzhou.blanked > 0  # its crumbs, date line and 相关新闻 are still blanked
