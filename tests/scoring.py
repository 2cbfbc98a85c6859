"""Score an indicators frame against an answer key (the format of tests/gold_seeds.yaml).

The same counts as ../shared/tools/score.py, as a function the tests can assert on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml


@dataclass
class Score:
    tp: int
    fp: int
    fn: int
    headline_ok: int
    headline_total: int
    false_headlines: list = field(default_factory=list)
    trap_hits: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _key(j, ind, value) -> tuple[str, str, float]:
    return (str(j), str(ind), round(float(value), 4))


def score(gold_path: Path, frame: pd.DataFrame) -> Score:
    gold = yaml.safe_load(gold_path.read_text("utf-8"))
    ids = {j["id"] for j in gold["jurisdictions"]}
    rows = frame[frame["jurisdiction"].isin(ids)]
    pred = {_key(r.jurisdiction, r.indicator, r.value) for r in rows.itertuples()}
    g = {_key(f["j"], f["ind"], f["value"]) for f in gold["figures"]}
    ok = {_key(f["j"], f["ind"], f["value"]) for f in gold.get("acceptable") or []}
    traps = {_key(f["j"], f["ind"], f["value"]) for f in gold.get("not") or []}
    gprim = {(f["j"], f["ind"]): round(float(f["value"]), 4) for f in gold["figures"] if f.get("primary")}
    pprim = {(r.jurisdiction, r.indicator): round(float(r.value), 4) for r in rows.itertuples() if r.primary}
    ok_pairs = {(f["j"], f["ind"]) for f in gold.get("acceptable") or []}
    return Score(
        tp=len(pred & g), fp=len(pred - g - ok), fn=len(g - pred),
        headline_ok=sum(1 for k, v in gprim.items() if pprim.get(k) == v),
        headline_total=len(gprim),
        false_headlines=sorted(k for k in pprim if k not in gprim and k not in ok_pairs),
        trap_hits=sorted(pred & traps), false_positives=sorted(pred - g - ok), missed=sorted(g - pred),
    )
