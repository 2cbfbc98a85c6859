"""Every report's administrative code (adcode): decided from the gazetteer or declared, never guessed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from extract import ConfigError, Extractor, load_config
from extract.frame import REPORT_COLUMNS, report_row
from extract.metadata import adcode, detect

ROOT = Path(__file__).resolve().parent.parent
SEED_CODES = {"xuwen": "440825", "guangzhou": "440100", "xianning": "421200", "xingguo": "360732",
              "wushen": "150626"}

# (title line of a report, adcode detected): a place the gazetteer names once, or whose parents the
# line names, gets its code; a name several divisions share, without its parents, gets none.
DETECTED = [
    pytest.param("徐闻县政务服务数据管理局2021年工作总结", "440825", id="unique-county"),
    pytest.param("成都市武侯区行政审批局2023年工作总结", "510107", id="district-with-its-city"),
    pytest.param("朝阳区政务服务管理局2022年工作总结", None, id="shared-name-alone"),
    pytest.param("北京市朝阳区政务服务管理局2022年工作总结", "110105", id="shared-name-with-province"),
    pytest.param("长春市朝阳区政务服务管理局2022年工作总结", "220104", id="shared-name-with-prefecture"),
    pytest.param("鼓楼区行政审批局2021年工作情况报告", None, id="four-gulou-districts"),
    pytest.param("咸宁市政务服务和大数据管理局2021年工作总结", "421200", id="prefecture"),
    pytest.param("浙江省大数据发展管理局2022年工作总结", "330000", id="province"),
    pytest.param("重庆市人民政府2023年政府工作报告", "500000", id="municipality"),
    pytest.param("某某单位2023年工作总结", None, id="no-place"),
]


@pytest.mark.parametrize(("title", "code"), DETECTED)
def test_detected_code(title: str, code: str | None, config) -> None:
    text = f"{title}\n全年办理政务服务事项100件。\n"
    assert detect(text, text, config.levels).adcode == code


# (name, province, prefecture) as declared -> adcode
DECLARED = [
    pytest.param(("乌审旗", "内蒙古自治区", "鄂尔多斯市"), "150626", id="banner"),
    pytest.param(("广州市", "广东省", None), "440100", id="sub-provincial-city"),
    pytest.param(("朝阳区", "吉林省", None), "220104", id="province-decides"),
    pytest.param(("朝阳区", None, None), None, id="undecided"),
    pytest.param(("徐闻县", "湖北省", None), None, id="wrong-province"),
    pytest.param(("徐闻县", "广东省", "广州市"), None, id="wrong-prefecture"),
    pytest.param((None, "广东省", None), None, id="no-name"),
]


@pytest.mark.parametrize(("declared", "code"), DECLARED)
def test_declared_code(declared: tuple, code: str | None) -> None:
    assert adcode(*declared) == code


def test_the_seeds_carry_their_codes_in_config_and_reports_csv(config, extractor, tmp_path: Path) -> None:
    assert {j.id: j.adcode for j in config.jurisdictions} == SEED_CODES
    for j in config.jurisdictions:  # the code declared is the one the gazetteer gives for the names declared
        assert adcode(j.name_zh, j.province, j.prefecture) == j.adcode, j.id
    row = report_row(extractor.extract_file(config.root / config.jurisdictions[0].report, config.jurisdictions[0]))
    assert row["adcode"] == "440825"


def test_reports_csv_adds_the_column_last() -> None:
    """Scripts that read reports.csv by position keep working: ``adcode`` is added after ``message``
    (and ``sum_checks``, the disclosure template's sums, after it)."""
    assert REPORT_COLUMNS[-3:] == ["message", "adcode", "sum_checks"]
    assert REPORT_COLUMNS.index("jurisdiction") == 0 and REPORT_COLUMNS.index("status") == 18


def test_a_declared_jurisdiction_without_a_code_gets_it_from_its_names(config) -> None:
    from dataclasses import replace

    j = replace(config.jurisdictions[4], adcode=None)
    assert Extractor(config).extract_file(config.root / j.report, j).jurisdiction.adcode == "150626"


def test_a_detected_report_in_reports_csv(tmp_path: Path) -> None:
    from extract.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wuhou.txt").write_text("成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项。\n", "utf-8")
    (folder / "chaoyang.txt").write_text("朝阳区政务服务管理局2022年工作总结\n全区政务服务事项900项。\n", "utf-8")
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--replace"]) == 0
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8-sig") as f:
        codes = {r["jurisdiction"]: r["adcode"] for r in csv.DictReader(f)}
    assert codes["wuhou"] == "510107"
    assert codes["chaoyang"] == ""  # two 朝阳区: left undecided, never a guess


@pytest.mark.parametrize("bad", ["44082", "4408250", "44o825", 440825])
def test_a_bad_code_in_config_is_refused_by_name(tmp_path: Path, bad) -> None:
    data = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    for j in data["jurisdictions"]:
        j["report"] = str(ROOT / j["report"])
    data["jurisdictions"][2]["adcode"] = bad
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert e.value.where == "jurisdictions[2].adcode"
    assert "6 digits" in e.value.problem and repr(bad) in e.value.problem
