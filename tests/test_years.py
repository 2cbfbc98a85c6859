"""A report is a jurisdiction × year: a second year's report joins beside the first, everywhere.

`python -m extract add FILE --id xuwen --year 2022` keeps Xuwen's 2022 report beside its 2021 one;
the same id with the same year (or without a year to tell them apart) is refused in one line.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from extract import load_config
from extract.cli import main
from extract.errors import ConfigError
from tests.multi_year import XUWEN_2022, project, with_second_year


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_a_second_year_joins_beside_the_first(tmp_path: Path) -> None:
    config, out = with_second_year(tmp_path)
    reports = [(r["jurisdiction"], r["report_year"]) for r in _rows(out / "reports.csv")]
    assert reports.count(("xuwen", "2021")) == 1 and reports.count(("xuwen", "2022")) == 1
    figures = {(r["report_year"], r["indicator"]): r for r in _rows(out / "indicators.csv")
               if r["jurisdiction"] == "xuwen" and r["primary"] == "True"}
    assert figures[("2021", "full_online_rate")]["value"] == "96.08"
    assert (figures[("2022", "full_online_rate")]["value"], figures[("2022", "full_online_rate")]["qualifier"]) == (
        "98.0", "more_than")
    assert ("2022", "review_score") not in figures  # not in the 2022 text: not reported, never zero
    years = {r["report_year"] for r in _rows(out / "mentions.csv") if r["jurisdiction"] == "xuwen"}
    assert years == {"2021", "2022"}  # mentions.csv carries the year (its last column)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert list(zip(manifest["reports"], manifest["report_years"], strict=True))[-1] == ("xuwen", 2022)
    (kept,) = yaml.safe_load((tmp_path / "user_corpus.yaml").read_text("utf-8"))["jurisdictions"]
    # the place's facts come from Xuwen's other report (its English name is in no text)
    assert kept == {"id": "xuwen", "name_zh": "徐闻县", "name_en": "Xuwen County", "province": "广东省",
                    "prefecture": "湛江市", "level": "county", "report_year": 2022,
                    "agency": "徐闻县政务服务数据管理局", "adcode": "440825", "report": "corpus/xuwen.2022.txt"}
    assert (tmp_path / "corpus" / "xuwen.2022.txt").read_text("utf-8") == XUWEN_2022
    for r in _rows(out / "indicators.csv"):  # the 2022 evidence round-trips through its offsets
        if r["report_year"] == "2022":
            assert (tmp_path / r["source"]).read_text("utf-8")[int(r["start"]):int(r["end"])] == r["evidence"]
    assert [(j.id, j.report_year) for j in load_config(config).jurisdictions][-1] == ("xuwen", 2022)


NO_YEAR = "徐闻县政务服务数据管理局工作总结\n全县政务服务事项1500项,网上可办率达99%。\n"
ADDS = [  # (what is added, id, --year, the message or None when it joins)
    pytest.param(XUWEN_2022, "xuwen", "2023", None, id="another-year-joins"),
    pytest.param(XUWEN_2022, "xuwen", "2021", "'xuwen' is already in use for report year 2021", id="same-year"),
    pytest.param(XUWEN_2022.replace("1820", "1821"), "xuwen", None, None, id="year-read-from-the-text"),
    pytest.param(NO_YEAR, "xuwen", None, "a second report of it needs its year (--year)", id="no-year"),
    pytest.param(NO_YEAR, "hengnan", None, None, id="a-new-jurisdiction-needs-no-year"),
]


@pytest.mark.parametrize(("text", "jid", "year", "refused"), ADDS)
def test_the_same_id_clashes_only_in_the_same_year(tmp_path: Path, capsys, text: str, jid: str, year: str | None,
                                                    refused: str | None) -> None:
    config, out = project(tmp_path), tmp_path / "data"
    report = tmp_path / "report.txt"
    report.write_text(text, "utf-8")
    args = ["add", str(report), "--id", jid, *(["--year", year] if year else []), "--config", str(config),
            "--out", str(out)]
    status = main(args)
    err = capsys.readouterr().err
    if refused is None:
        assert status == 0, err
        return
    assert status == 1
    (line,) = [x for x in err.splitlines() if x.startswith("error:")]  # one line says why
    assert refused in line
    assert not (tmp_path / "corpus").exists() or not any((tmp_path / "corpus").iterdir())  # nothing kept


def test_the_same_text_as_another_year_is_refused(tmp_path: Path, capsys) -> None:
    config, out = with_second_year(tmp_path)
    report = tmp_path / "again.txt"
    report.write_text(XUWEN_2022, "utf-8")
    assert main(["add", str(report), "--id", "xuwen", "--year", "2023", "--config", str(config),
                 "--out", str(out)]) == 1
    assert "already loaded as 'xuwen'" in capsys.readouterr().err


def test_remove_one_year_keeps_the_others(tmp_path: Path) -> None:
    config, out = with_second_year(tmp_path)
    report = tmp_path / "xuwen_2023.txt"
    report.write_text(XUWEN_2022.replace("2022", "2023").replace("1820", "1900"), "utf-8")
    assert main(["add", str(report), "--id", "xuwen", "--year", "2023", "--config", str(config),
                 "--out", str(out)]) == 0
    assert (tmp_path / "corpus" / "xuwen.2023.txt").exists()
    assert main(["remove", "xuwen", "--year", "2023", "--config", str(config), "--out", str(out)]) == 0
    years = [r["report_year"] for r in _rows(out / "reports.csv") if r["jurisdiction"] == "xuwen"]
    assert years == ["2021", "2022"]
    assert (tmp_path / "corpus" / "removed" / "xuwen.2023.txt").exists()
    assert main(["remove", "xuwen", "--year", "2021", "--config", str(config), "--out", str(out)]) == 2  # config.yaml's


def test_texts_of_two_years_are_kept_apart(tmp_path: Path) -> None:
    """Reports that are not UTF-8 keep their text in texts/: two years of one jurisdiction, two files."""
    config = project(tmp_path)
    data = yaml.safe_load(config.read_text("utf-8"))
    for year in (2021, 2022):
        path = tmp_path / f"hengnan_{year}.txt"
        path.write_bytes(f"衡南县行政审批服务局{year}年工作总结\n全县政务服务事项{year - 500}项。\n".encode("gbk"))
        data["jurisdictions"].append({"id": "hengnan", "name_zh": "衡南县", "report_year": year, "report": str(path)})
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "data"
    assert main(["--config", str(config), "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["hengnan.2021.txt", "hengnan.2022.txt"]
    rows = [r for r in _rows(out / "indicators.csv") if r["jurisdiction"] == "hengnan"]
    assert {(r["report_year"], r["value"]) for r in rows} == {("2021", "1521.0"), ("2022", "1522.0")}
    for r in rows:
        source = Path(load_config(config).root, r["source"])
        assert source.read_text("utf-8")[int(r["start"]):int(r["end"])] == r["evidence"]


def test_one_file_listed_for_two_years_is_a_duplicate(tmp_path: Path) -> None:
    config = project(tmp_path)
    data = yaml.safe_load(config.read_text("utf-8"))
    xuwen = next(j for j in data["jurisdictions"] if j["id"] == "xuwen")
    data["jurisdictions"].append({**xuwen, "report_year": 2022})
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "data"
    assert main(["--config", str(config), "--out", str(out)]) == 1
    last = _rows(out / "reports.csv")[-1]
    assert (last["jurisdiction"], last["status"]) == ("xuwen", "error")
    assert "duplicate of 'xuwen' (2021)" in last["message"]


def _listed_twice(second: dict):
    def edit(data: dict) -> None:
        data["jurisdictions"].append({**data["jurisdictions"][0], **second})
    return edit


CONFIGS = [  # a jurisdiction listed twice in config.yaml: (the change, accepted?, the message)
    pytest.param({"report_year": 2022, "report": "seeds/guangzhou_2019.txt"}, True, "", id="another-year"),
    pytest.param({}, False, "duplicate id 'xuwen' for report year 2021", id="same-year"),
    pytest.param({"report_year": None}, False, "each need their report_year", id="no-year"),
]


@pytest.mark.parametrize(("second", "ok", "message"), CONFIGS)
def test_config_lists_a_jurisdiction_once_a_year(tmp_path: Path, second: dict, ok: bool, message: str) -> None:
    from tests.multi_year import ROOT

    data = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    _listed_twice(second)(data)
    data["jurisdictions"][-1] = {k: v for k, v in data["jurisdictions"][-1].items() if v is not None}
    path = tmp_path / "config.yaml"
    for j in data["jurisdictions"]:
        j["report"] = str(ROOT / j["report"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    if ok:
        assert [j.id for j in load_config(path).jurisdictions].count("xuwen") == 2
        return
    with pytest.raises(ConfigError, match=message):
        load_config(path)
