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
                       "adcode": "430422", "report": "corpus/hengnan.txt"}]
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


def _ids(out: Path) -> list[str]:
    with (out / "reports.csv").open(encoding="utf-8-sig") as f:
        return [r["jurisdiction"] for r in csv.DictReader(f)]


SEEDS = ["xuwen", "guangzhou", "xianning", "xingguo", "wushen"]


def test_add_keeps_reports_added_from_the_command_line(tmp_path: Path) -> None:
    config = _project(tmp_path)
    out = tmp_path / "data"
    assert main(["--config", str(config), "--out", str(out)]) == 0
    cli_added = tmp_path / "cli_added.txt"
    cli_added.write_text(REPORT.replace("衡南县", "衡东县").replace("1500", "1400"), "utf-8")
    assert main([str(cli_added), "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == [*SEEDS, "cli_added"]
    report = tmp_path / "a.txt"
    report.write_text(REPORT, "utf-8")
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == [*SEEDS, "hengnan", "cli_added"]
    assert main(["--config", str(config), "--out", str(out)]) == 0  # a plain rerun keeps them too
    assert _ids(out) == [*SEEDS, "hengnan", "cli_added"]


def test_an_output_written_before_manifests_keeps_its_reports(tmp_path: Path) -> None:
    config = _project(tmp_path)
    out = tmp_path / "data"
    cli_added = tmp_path / "cli_added.txt"
    cli_added.write_text(REPORT.replace("1500", "1400"), "utf-8")
    assert main(["--config", str(config), "--out", str(out)]) == 0
    assert main([str(cli_added), "--config", str(config), "--out", str(out)]) == 0
    (out / "manifest.json").unlink()  # as an older version of the extractor left it
    report = tmp_path / "a.txt"
    report.write_text(REPORT, "utf-8")
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == [*SEEDS, "hengnan", "cli_added"]


def test_remove_drops_a_report_on_purpose(tmp_path: Path, capsys) -> None:
    config = _project(tmp_path)
    out = tmp_path / "data"
    cli_added = tmp_path / "cli_added.txt"
    cli_added.write_text(REPORT.replace("1500", "1400"), "utf-8")
    report = tmp_path / "a.txt"
    report.write_text(REPORT, "utf-8")
    assert main([str(cli_added), "--config", str(config), "--out", str(out)]) == 0
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == [*SEEDS, "hengnan", "cli_added"]
    assert main(["remove", "cli_added", "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == [*SEEDS, "hengnan"]
    assert cli_added.exists()  # the researcher's own file is left alone
    assert main(["remove", "hengnan", "--config", str(config), "--out", str(out)]) == 0
    assert _ids(out) == SEEDS
    assert yaml.safe_load((tmp_path / "user_corpus.yaml").read_text("utf-8"))["jurisdictions"] == []
    assert (tmp_path / "corpus" / "removed" / "hengnan.txt").read_text("utf-8") == REPORT  # set aside, not deleted
    capsys.readouterr()
    assert main(["remove", "xuwen", "--config", str(config), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "config.yaml" in err and "\n" not in err
    assert main(["remove", "nosuch", "--config", str(config), "--out", str(out)]) == 2
    assert "nosuch" in capsys.readouterr().err
    assert _ids(out) == SEEDS
    assert main(["add", str(report), "--id", "hengnan", "--config", str(config), "--out", str(out)]) == 0  # again


def test_eight_adds_at_once_all_end_in_the_corpus_and_data(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.setcheck import problems

    config = _project(tmp_path)
    out = tmp_path / "data"
    assert main(["--config", str(config), "--out", str(out)]) == 0
    runs = []
    for i in range(8):
        report = tmp_path / f"r{i}.txt"
        report.write_text(REPORT.replace("1500", str(1500 + i)), "utf-8")
        runs.append(subprocess.Popen(
            [sys.executable, "-m", "extract", "add", str(report), "--id", f"county_{i}", "--config", str(config),
             "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    listed = yaml.safe_load((tmp_path / "user_corpus.yaml").read_text("utf-8"))["jurisdictions"]
    assert sorted(j["id"] for j in listed) == [f"county_{i}" for i in range(8)]
    assert set(_ids(out)) == {*SEEDS, *(f"county_{i}" for i in range(8))}
    assert problems(out) == []


def test_keep_on_the_upload_page_keeps_earlier_reports(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    config = _project(tmp_path)
    out = tmp_path / "data"
    cli_added = tmp_path / "cli_added.txt"
    cli_added.write_text(REPORT.replace("1500", "1400"), "utf-8")
    assert main(["--config", str(config), "--out", str(out)]) == 0
    assert main([str(cli_added), "--config", str(config), "--out", str(out)]) == 0
    monkeypatch.setattr("dashboard.data.CONFIG", config)
    monkeypatch.setattr("dashboard.data.DATA", out)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    upload = "成都市武侯区行政审批局2023年工作总结\n全区政务服务事项1800项。\n".encode()
    at.file_uploader(key="files").upload("wuhou.txt", upload, "text/plain").run()
    sha = __import__("hashlib").sha256(upload).hexdigest()
    at.text_input(key=f"id_{sha}").set_value("wuhou")
    at.button[0].click().run()
    at.button(key="keep_wuhou").click().run()
    assert not at.exception
    assert _ids(out) == [*SEEDS, "wuhou", "cli_added"]


def test_the_upload_page_and_add_share_one_function() -> None:
    page = (ROOT / "pages" / "upload.py").read_text("utf-8")
    cli_source = (ROOT / "extract" / "cli.py").read_text("utf-8")
    assert "keep_reports(" in page and "keep_reports(" in cli_source
    assert "extract.cli" not in page and "add_report" not in page
