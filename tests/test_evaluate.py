"""The evaluate command on a tiny key: every count it reports can be checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.evaluate import load_key, main, per_indicator, score

KEY = {
    "jurisdictions": [{"id": "a"}, {"id": "b"}],
    "figures": [
        {"j": "a", "ind": "full_online_rate", "value": 90.5, "primary": True, "evidence": "全程网办率90.5%"},
        {"j": "a", "ind": "full_online_rate", "value": 80, "primary": False, "evidence": "去年80%"},
        {"j": "a", "ind": "service_items_total", "value": 1200, "primary": True, "evidence": "事项1200项"},
        {"j": "b", "ind": "hotline_requests", "value": 5000, "primary": True, "evidence": "受理5000件"},
    ],
    "acceptable": [{"j": "b", "ind": "disclosure_requests", "value": 7}],
    "not": [{"j": "a", "ind": "online_available_rate", "value": 12.5}],
}


def row(j, ind, value, primary, evidence="x", start=0, end=1, source="t.txt"):
    return {"jurisdiction": j, "indicator": ind, "value": str(value), "primary": str(primary),
            "evidence": evidence, "start": str(start), "end": str(end), "source": source}


ROWS = [
    row("a", "full_online_rate", 90.5, True),  # right headline
    row("a", "full_online_rate", 80, False),  # right secondary
    row("a", "service_items_total", 1100, True),  # wrong value: a miss and a false positive, headline wrong
    row("a", "online_available_rate", 12.5, True),  # a trap, and a false headline
    row("b", "disclosure_requests", 7, True),  # acceptable: neither counted nor penalised
    row("c", "hotline_requests", 1, True),  # not in the key: ignored
]


@pytest.fixture
def key(tmp_path: Path):
    path = tmp_path / "key.yaml"
    path.write_text(yaml.safe_dump(KEY, allow_unicode=True), "utf-8")
    return load_key(path)


def test_counts(key) -> None:
    s = score(key, ROWS)
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.missed == [("a", "service_items_total", 1200.0), ("b", "hotline_requests", 5000.0)]
    assert s.trap_hits == [("a", "online_available_rate", 12.5)]
    assert (s.headline_ok, s.headline_total) == (1, 3)
    assert s.false_headlines == [("a", "online_available_rate", 12.5)]
    assert ("a", "service_items_total", 1100.0, 1200.0) in s.headline_wrong
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5) and s.f1 == pytest.approx(0.5)


def test_per_indicator(key) -> None:
    by = per_indicator(key, ROWS)
    assert (by["full_online_rate"].tp, by["full_online_rate"].fn) == (2, 0)
    assert by["hotline_requests"].fn == 1
    assert len(by["online_available_rate"].trap_hits) == 1


def test_provenance_is_checked(key, tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("全程网办率90.5%", "utf-8")
    rows = [row("a", "full_online_rate", 90.5, True, "90.5%", 5, 10),
            row("a", "full_online_rate", 80, False, "去年80%", 0, 5)]
    assert score(key, rows, tmp_path).provenance_failures == [("a", "full_online_rate", "去年80%")]


def test_a_folder_of_keys_is_one_key(tmp_path: Path) -> None:
    for j in ("a", "b"):
        part = {k: [r for r in v if r.get("j", r.get("id")) == j] for k, v in KEY.items()}
        (tmp_path / f"{j}.yaml").write_text(yaml.safe_dump(part, allow_unicode=True), "utf-8")
    assert score(load_key(tmp_path), ROWS).as_dict() == score(load_key_from(KEY, tmp_path), ROWS).as_dict()


def load_key_from(data: dict, tmp_path: Path):
    path = tmp_path / "whole.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_key(path)


def test_command_prints_sets_and_hides_rows_on_request(tmp_path: Path, capsys) -> None:
    (tmp_path / "key.yaml").write_text(yaml.safe_dump(KEY, allow_unicode=True), "utf-8")
    (tmp_path / "split.yaml").write_text("tune: [a]\ncheck: [b]\n", "utf-8")
    import csv

    with (tmp_path / "indicators.csv").open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(ROWS[0]))
        w.writeheader()
        w.writerows(ROWS)
    assert main([str(tmp_path / "key.yaml"), str(tmp_path), "--split", str(tmp_path / "split.yaml")]) == 0
    out = capsys.readouterr().out
    assert "tune:" in out and "check:" in out and "missed: ('a', 'service_items_total', 1200.0)" in out
    assert main([str(tmp_path / "key.yaml"), str(tmp_path), "--split", str(tmp_path / "split.yaml"),
                 "--set", "check", "--summary"]) == 0
    out = capsys.readouterr().out
    assert "tune:" not in out and "missed" not in out and "1 reports" in out
    assert main([str(tmp_path / "key.yaml"), str(tmp_path), "--split", str(tmp_path / "split.yaml"),
                 "--set", "nope"]) == 2
