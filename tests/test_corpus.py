"""`python -m extract add`: reports join the corpus safely, and never overwrite anything."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from extract import load_config
from extract.cli import main, stem_id

ROOT = Path(__file__).resolve().parent.parent
REPORT = "衡阳市衡南县行政审批服务局2021年工作总结\n全县政务服务事项1500项,网上可办率达99%。\n"


def _project(tmp_path: Path) -> Path:
    """A copy of config.yaml whose reports point at the bundled seeds, with its own corpus."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    for j in data["jurisdictions"]:
        j["report"] = str(ROOT / j["report"])
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_add_keeps_the_report_and_extracts_it(tmp_path: Path, capsys) -> None:
    config = _project(tmp_path)
    report = tmp_path / "上传 的 文件.txt"
    report.write_text(REPORT, "utf-8")
    out = tmp_path / "data"
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", str(out)]) == 0
    assert (tmp_path / "corpus" / "hengnan.txt").read_text("utf-8") == REPORT
    listed = yaml.safe_load((tmp_path / "user_corpus.yaml").read_text("utf-8"))["jurisdictions"]
    assert listed == [{"id": "hengnan", "name_zh": "衡南县", "province": "湖南省", "prefecture": "衡阳市",
                       "level": "county", "report_year": 2021, "agency": "衡南县行政审批服务局",
                       "report": "corpus/hengnan.txt"}]
    assert [j.id for j in load_config(config).jurisdictions][-1] == "hengnan"
    with (out / "reports.csv").open(encoding="utf-8-sig") as f:
        assert [r["jurisdiction"] for r in csv.DictReader(f)][-1] == "hengnan"
    assert "added" in capsys.readouterr().err


def test_add_never_overwrites(tmp_path: Path, capsys) -> None:
    config = _project(tmp_path)
    report = tmp_path / "a.txt"
    report.write_text(REPORT, "utf-8")
    out = str(tmp_path / "data")
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", out]) == 0
    other = tmp_path / "b.txt"
    other.write_text(REPORT.replace("1500", "1600"), "utf-8")
    assert main(["add", str(other), "--id", "hengnan", "--config", str(config), "--out", out]) == 1
    assert "already in use" in capsys.readouterr().err
    assert main(["add", str(report), "--id", "another", "--config", str(config), "--out", out]) == 1
    assert "already loaded as 'hengnan'" in capsys.readouterr().err
    assert main(["add", str(other), "--id", "xuwen", "--config", str(config), "--out", out]) == 1
    assert (tmp_path / "corpus" / "hengnan.txt").read_text("utf-8") == REPORT
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["hengnan.txt"]


def test_bad_ids_are_refused(tmp_path: Path, capsys) -> None:
    config = _project(tmp_path)
    report = tmp_path / "a.txt"
    report.write_text(REPORT, "utf-8")
    assert main(["add", str(report), "--id", "../../etc/x", "--config", str(config),
                 "--out", str(tmp_path / "d")]) == 1
    assert "use lowercase letters" in capsys.readouterr().err
    assert not (tmp_path / "corpus").exists() or not any((tmp_path / "corpus").iterdir())


def test_stem_ids() -> None:
    assert stem_id("Hengnan 2021", "ab" * 32) == "hengnan_2021"
    assert stem_id("衡南县", "abcdef12" + "0" * 56) == "report_abcdef12"
