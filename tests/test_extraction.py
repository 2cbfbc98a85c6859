"""The whole extraction on the bundled reports: the answer key, provenance and the output files."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
import yaml

from extract.cli import main
from extract.evaluate import load_key, read_rows, score
from extract.frame import INDICATOR_COLUMNS, read_indicators

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold_seeds.yaml"
DEV_GOLD = ROOT / "tests" / "gold_dev.yaml"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def frame(out: Path):
    return read_indicators(out / "indicators.csv")


def test_columns_are_the_contract(out: Path) -> None:
    header = (out / "indicators.csv").read_text("utf-8-sig").splitlines()[0]
    assert header.split(",") == INDICATOR_COLUMNS
    assert (out / "indicators.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_seed_answer_key(frame) -> None:
    s = score(load_key(GOLD), frame.to_dict("records"))
    assert s.precision >= 0.95, s.false_positives
    assert s.recall >= 0.95, s.missed
    assert s.headline_ok >= 41, s
    assert s.trap_hits == []
    assert s.false_headlines == []


def test_every_evidence_round_trips(frame) -> None:
    texts: dict[str, str] = {}
    for r in frame.itertuples():
        if r.source not in texts:
            with open(ROOT / r.source, encoding="utf-8-sig") as f:
                texts[r.source] = f.read()
        assert texts[r.source][r.start:r.end] == r.evidence


def test_one_headline_per_jurisdiction_and_indicator(frame) -> None:
    heads = frame[frame["primary"]].groupby(["jurisdiction", "indicator"]).size()
    assert (heads == 1).all()
    assert len(heads) == frame.groupby(["jurisdiction", "indicator"]).ngroups


def test_values_and_qualifiers(frame) -> None:
    assert set(frame["qualifier"]) <= {"exact", "more_than", "at_least", "less_than", "approx"}
    assert frame["value"].notna().all()
    rates = frame[frame["unit"].isin(["%", "％"])]
    assert rates["value"].between(0, 100).all()


def test_committed_data_is_what_extraction_makes(out: Path) -> None:
    """data/ is the embedded default: a rerun gives the same bytes."""
    for name in ("indicators.csv", "mentions.csv", "reports.csv"):
        assert filecmp.cmp(out / name, ROOT / "data" / name, shallow=False), f"data/{name} is stale: run `make data`"


def test_no_seed_knowledge_in_the_extractor() -> None:
    """Rules describe indicators, never one report: no seed number, sentence or place in them."""
    gold = yaml.safe_load(GOLD.read_text("utf-8"))
    config = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    config.pop("jurisdictions")
    code = "\n".join(p.read_text("utf-8") for p in (ROOT / "extract").glob("*.py"))
    rules = code + "\n" + yaml.safe_dump(config, allow_unicode=True)
    for j in gold["jurisdictions"]:
        stem = re.sub(r"[县市旗]$", "", j["name_zh"])
        assert stem not in rules, j["name_zh"]
        assert j["id"] not in rules
    for f in gold["figures"]:
        assert f["evidence"] not in rules
        value = f"{f['value']:g}"
        if len(value) >= 3 and value not in ("100",):
            assert not re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])", rules), value


def test_no_development_corpus_knowledge_in_the_extractor() -> None:
    """Nor any place, sentence or figure of the development corpus (tune or check half)."""
    from devset.corpus import KEYS

    config = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    config.pop("jurisdictions")
    code = "\n".join(p.read_text("utf-8") for p in (ROOT / "extract").glob("*.py"))
    rules = code + "\n" + yaml.safe_dump(config, allow_unicode=True)
    vocabulary = set(config["scope"]["whole"])  # 全州 is "the whole prefecture" before it is 全州县
    checked = 0
    for path in sorted(KEYS.glob("*.yaml")):
        key = yaml.safe_load(path.read_text("utf-8"))
        for j in key["jurisdictions"]:
            suffix = r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治县|自治州|省|县|市|区|旗|盟)$"
            stem = re.sub(suffix, "", j["name_zh"])
            if len(stem) >= 2 and j.get("level") != "municipality" and stem not in vocabulary:  # municipalities:
                assert stem not in rules, j["name_zh"]  # a fact of the administrative system (metadata.py)
        for f in key.get("figures") or []:
            if not f["evidence"].replace(".", "").isdigit():  # a bare number is checked as a value below
                assert f["evidence"] not in rules, f["evidence"]
            value = f"{float(f['value']):g}"
            if len(value.replace(".", "")) >= 4 and float(f["value"]) % 100:  # round limits are no figure
                assert not re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])", rules), (path.name, value)
            checked += 1
    assert checked > 100


def test_unlisted_report_gets_its_stem_and_detected_facts(tmp_path: Path) -> None:
    report = tmp_path / "somecounty.txt"
    report.write_text("成都市武侯区行政审批服务局2023年工作总结\n全区政务服务事项1500项。\n", "utf-8")
    assert main([str(report), "--out", str(tmp_path / "o")]) == 0
    import csv
    with open(tmp_path / "o" / "reports.csv", encoding="utf-8-sig") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["jurisdiction"], row["name_zh"], row["level"], row["report_year"]) == (
        "somecounty", "武侯区", "district", "2023")
    assert row["agency"] == "武侯区行政审批服务局"


DEV_TEXTS = sorted((ROOT / "dev").glob("*.txt")) if (ROOT / "dev").is_dir() else []


@pytest.mark.skipif(not DEV_TEXTS, reason="dev/ texts not re-created (see tests/gold_dev.yaml)")
def test_development_set(tmp_path: Path) -> None:
    """Real reports from other counties: the extractor must generalise beyond the seeds."""
    main([*map(str, DEV_TEXTS), "--out", str(tmp_path)])
    s = score(load_key(DEV_GOLD), read_rows(tmp_path))
    print(f"dev: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} headline {s.headline_ok}/{s.headline_total}")
    assert s.f1 >= 0.80
    assert s.trap_hits == []
