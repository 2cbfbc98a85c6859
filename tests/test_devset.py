"""The development corpus: every key has a recipe and a sha256, keys are well formed, the split
covers each report once, and (where dev/corpus/ has been re-created) texts and evidence match."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from devset.corpus import SPLIT, entries, problems, sha256
from devset.split import assign
from extract.config import load_config

ENTRIES = entries()
COUNTY_LEVEL = ("county", "district", "county-level city", "banner", "autonomous county", "autonomous banner")
PREFECTURE_LEVEL = ("prefecture-level city", "sub-provincial city", "prefecture", "league", "autonomous prefecture")
QUALIFIERS = {"exact", "more_than", "at_least", "less_than", "approx"}


def level_of(entry) -> str:
    return str(entry.facts.get("level") or "")


def test_the_corpus_is_as_wide_as_the_issue_asks() -> None:
    provinces = {e.facts.get("province") for e in ENTRIES if e.facts.get("province")}
    county = [e for e in ENTRIES if level_of(e).startswith(COUNTY_LEVEL)]
    prefecture = [e for e in ENTRIES if level_of(e).startswith(PREFECTURE_LEVEL)]
    assert len(ENTRIES) >= 60
    assert len(provinces) >= 25, sorted(provinces)
    assert len(county) >= 20 and len(prefecture) >= 10
    assert sum(e.facts.get("script") == "traditional" for e in ENTRIES) >= 5
    assert sum(e.facts.get("kind") == "long" for e in ENTRIES) >= 10


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_key_has_a_recipe_and_a_sha256(entry) -> None:
    assert problems(entry) == []


def test_key_rows_are_well_formed() -> None:
    ids = {i.id for i in load_config().indicators}
    for e in ENTRIES:
        data = yaml.safe_load(e.key_file.read_text("utf-8"))
        heads = Counter()
        for part in ("figures", "acceptable", "not"):
            for r in data.get(part) or []:
                assert r["j"] == e.id, (e.id, r)
                assert r["ind"] in ids, (e.id, r)
                float(r["value"])
                if part == "figures":
                    assert r.get("q", "exact") in QUALIFIERS, (e.id, r)
                    heads[r["ind"]] += bool(r.get("primary"))
        for ind in {r["ind"] for r in data.get("figures") or []}:
            assert heads[ind] == 1, f"{e.id}: {ind} has {heads[ind]} primary rows"


def test_the_split_holds_every_report_once() -> None:
    split = yaml.safe_load(SPLIT.read_text("utf-8"))
    tune, check = set(split["tune"]), set(split["check"])
    assert not tune & check
    assert tune | check == {e.id for e in ENTRIES}
    assert abs(len(tune) - len(check)) <= 2


def test_the_split_keeps_earlier_assignments_and_is_seeded() -> None:
    kinds = {f"r{i}": "excerpt" if i % 4 else "long" for i in range(20)}
    first = assign(kinds, {})
    assert first == assign(kinds, {})
    grown = assign({**kinds, "new1": "excerpt", "new2": "long"}, first)
    assert set(first["tune"]) <= set(grown["tune"]) and set(first["check"]) <= set(grown["check"])
    for half in first.values():
        assert sum(kinds[i] == "long" for i in half) in (2, 3)


HAVE_TEXTS = [e for e in ENTRIES if e.text_path.is_file()]


@pytest.mark.skipif(not HAVE_TEXTS, reason="dev/corpus/ not re-created (see devset/README.md)")
def test_texts_match_their_recipes_and_evidence() -> None:
    for e in HAVE_TEXTS:
        assert sha256(e.text_path) == e.facts["sha256"], e.id
        text = "".join(e.text().split())  # evidence is written without whitespace (PDF and web text space numbers)
        data = yaml.safe_load(e.key_file.read_text("utf-8"))
        for part in ("figures", "acceptable", "not"):
            for r in data.get(part) or []:
                if r.get("evidence"):
                    assert r["evidence"] in text, (e.id, r["evidence"])
