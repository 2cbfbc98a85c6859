"""A project with a second year's report of a seed jurisdiction (Xuwen 2022 beside its 2021 report).

The 2022 text is made up for the tests (the seeds are never edited): figures of indicators that
Xuwen's 2021 report also gives (so Trends draws two-point lines), one of them a bound (超过98%),
and none for the review score, which 2021 gives (a gap, never zero).
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
XUWEN_2022 = (
    "徐闻县政务服务数据管理局2022年工作总结\n"
    "一、主要工作成效\n"
    "2022年,我县政务服务网上共有依申请类事项和公共服务事项1820项,其中行政许可事项598项。"
    "全县政务服务事项网上可办率达100%,全程网办率超过98%,即办件占比95.5%。\n"
    "动态调整权责清单,共梳理权责事项5702项。全年在政府门户网站主动公开政府信息31条。\n"
    "二、下一步工作\n继续深化“放管服”改革,优化营商环境。\n"
)


def project(tmp_path: Path) -> Path:
    """A copy of config.yaml whose reports point at the bundled seeds, with its own user corpus."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    for j in data["jurisdictions"]:
        j["report"] = str(ROOT / j["report"])
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def with_second_year(tmp_path: Path) -> tuple[Path, Path]:
    """(config, data folder) of a project where ``python -m extract add`` kept Xuwen's 2022 report."""
    from extract.cli import main

    config, out = project(tmp_path), tmp_path / "data"
    report = tmp_path / "xuwen_report.txt"
    report.write_text(XUWEN_2022, "utf-8")
    if main(["add", str(report), "--id", "xuwen", "--year", "2022", "--config", str(config), "--out", str(out)]):
        raise RuntimeError("python -m extract add of Xuwen's 2022 report failed")
    return config, out
