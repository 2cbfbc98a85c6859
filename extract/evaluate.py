"""Score extracted figures against answer keys: ``python -m extract.evaluate KEY OUT_DIR``.

A key is a YAML file in the format of ``tests/gold_seeds.yaml`` (``jurisdictions``, ``figures``,
``acceptable``, ``not``) or a folder of such files, one per report (``devset/keys/``). The
counts are those of ``../shared/tools/score.py``: a figure is (jurisdiction, indicator, value);
precision and recall over figures, the headline (``primary``) of each jurisdiction × indicator,
traps taken (figures the key lists under ``not``), false headlines (a headline where the key has
no figure at all) and provenance failures (``source[start:end] != evidence``). Everything is
given for the whole key, per set of a split (``devset/split.yaml``: tune, check) and per
indicator, with the missed and wrong rows listed unless ``--summary`` is given.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FigureKey = tuple[str, str, float]  # (jurisdiction, indicator, value)


@dataclass
class Key:
    """An answer key: the jurisdictions it covers and its figure rows."""

    jurisdictions: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    acceptable: list[dict] = field(default_factory=list)
    traps: list[dict] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        return {str(j["id"]) for j in self.jurisdictions}

    def only(self, ids: Iterable[str]) -> Key:
        """The part of the key about ``ids``."""
        keep = set(ids)

        def pick(rows: list[dict], col: str) -> list[dict]:
            return [r for r in rows if str(r[col]) in keep]

        return Key(pick(self.jurisdictions, "id"), pick(self.figures, "j"), pick(self.acceptable, "j"),
                   pick(self.traps, "j"))


def load_key(path: str | Path) -> Key:
    """A key from one YAML file, or from every ``*.yaml`` file of a folder (merged)."""
    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    key = Key()
    for f in files:
        data = yaml.safe_load(f.read_text("utf-8")) or {}
        key.jurisdictions += data.get("jurisdictions") or []
        key.figures += data.get("figures") or []
        key.acceptable += data.get("acceptable") or []
        key.traps += data.get("not") or []
    return key


@dataclass
class Score:
    """How one set of extracted figures compares with a key."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    headline_ok: int = 0
    headline_total: int = 0
    false_positives: list[FigureKey] = field(default_factory=list)
    missed: list[FigureKey] = field(default_factory=list)
    headline_wrong: list[tuple[str, str, float | None, float]] = field(default_factory=list)  # j, ind, got, want
    false_headlines: list[tuple[str, str, float]] = field(default_factory=list)
    trap_hits: list[FigureKey] = field(default_factory=list)
    provenance_failures: list[tuple[str, str, str]] = field(default_factory=list)

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

    @property
    def headline_share(self) -> float:
        return self.headline_ok / self.headline_total if self.headline_total else 0.0

    def line(self) -> str:
        """One line of figures, as the README quotes them."""
        return (f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  | headlines "
                f"{self.headline_ok}/{self.headline_total}  | traps {len(self.trap_hits)}  | false headlines "
                f"{len(self.false_headlines)}  | provenance failures {len(self.provenance_failures)}")

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "headline_ok": self.headline_ok,
                "headline_total": self.headline_total, "traps": len(self.trap_hits),
                "false_headlines": len(self.false_headlines),
                "provenance_failures": len(self.provenance_failures)}


def _value(x: object) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else round(v, 4)


def _truthy(x: object) -> bool:
    return str(x).strip().lower() in {"true", "1", "yes", "y", "t"}


def score(key: Key, rows: Sequence[dict], root: str | Path | None = None) -> Score:
    """Score ``rows`` (indicators.csv as dicts) against ``key``; ``root`` enables provenance checks."""
    ids = key.ids
    rows = [r for r in rows if str(r["jurisdiction"]) in ids]

    def keys(items: list[dict]) -> set[FigureKey]:
        return {(str(f["j"]), str(f["ind"]), round(float(f["value"]), 4)) for f in items}

    gold, ok, traps = keys(key.figures), keys(key.acceptable), keys(key.traps)
    pred = {(str(r["jurisdiction"]), str(r["indicator"]), v) for r in rows if (v := _value(r["value"])) is not None}
    s = Score(tp=len(pred & gold), fp=len(pred - gold - ok), fn=len(gold - pred),
              false_positives=sorted(pred - gold - ok), missed=sorted(gold - pred), trap_hits=sorted(pred & traps))
    want = {(str(f["j"]), str(f["ind"])): round(float(f["value"]), 4) for f in key.figures if f.get("primary")}
    got = {(str(r["jurisdiction"]), str(r["indicator"])): _value(r["value"]) for r in rows if _truthy(r.get("primary"))}
    s.headline_total = len(want)
    s.headline_ok = sum(1 for k, v in want.items() if got.get(k) == v)
    s.headline_wrong = sorted((*k, got.get(k), v) for k, v in want.items() if got.get(k) != v)
    ok_pairs = {(str(f["j"]), str(f["ind"])) for f in key.acceptable}
    s.false_headlines = sorted((*k, v) for k, v in got.items() if k not in want and k not in ok_pairs)
    if root is not None:
        s.provenance_failures = _provenance(rows, Path(root))
    return s


def _provenance(rows: Sequence[dict], root: Path) -> list[tuple[str, str, str]]:
    texts: dict[str, str | None] = {}
    failures = []
    for r in rows:
        src = str(r.get("source", ""))
        if src not in texts:
            try:
                texts[src] = (root / src).read_text("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                texts[src] = None
        text = texts[src]
        try:
            start, end = int(float(r["start"])), int(float(r["end"]))
        except (KeyError, TypeError, ValueError):
            failures.append((str(r["jurisdiction"]), str(r["indicator"]), "bad offsets"))
            continue
        if text is None or text[start:end] != r.get("evidence"):
            failures.append((str(r["jurisdiction"]), str(r["indicator"]), str(r.get("evidence", ""))[:30]))
    return failures


def per_indicator(key: Key, rows: Sequence[dict]) -> dict[str, Score]:
    """The score of each indicator the key or the rows name."""
    names = {str(f["ind"]) for f in key.figures + key.traps} | {str(r["indicator"]) for r in rows}
    out = {}
    for ind in sorted(names):
        sub = Key(key.jurisdictions, *(
            [f for f in part if str(f["ind"]) == ind] for part in (key.figures, key.acceptable, key.traps)))
        out[ind] = score(sub, [r for r in rows if str(r["indicator"]) == ind])
    return out


def read_rows(out_dir: str | Path) -> list[dict]:
    """indicators.csv of an output folder (or the CSV itself) as dicts."""
    path = Path(out_dir)
    if path.is_dir():
        path = path / "indicators.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_split(path: str | Path) -> dict[str, list[str]]:
    """``{"tune": [...], "check": [...]}`` from a split file."""
    data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    return {name: [str(i) for i in ids or []] for name, ids in data.items()}


def report(key: Key, rows: Sequence[dict], root: str | Path | None, summary: bool = False) -> str:
    """The printed evaluation of one key (or one set of it)."""
    s = score(key, rows, root)
    lines = [f"  {len(key.ids)} reports, {len(key.figures)} key figures: {s.line()}"]
    lines.append("  per indicator (tp/fp/fn, headlines, traps):")
    for ind, si in per_indicator(key, rows).items():
        lines.append(f"    {ind:30s} {si.tp:3d}/{si.fp:3d}/{si.fn:3d}  F1 {si.f1:.2f}  "
                     f"headlines {si.headline_ok}/{si.headline_total}  traps {len(si.trap_hits)}")
    if not summary:
        for name in ("missed", "false_positives", "headline_wrong", "false_headlines", "trap_hits",
                     "provenance_failures"):
            for item in getattr(s, name):
                lines.append(f"  {name}: {item}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__.split("\n\n")[0])
    p.add_argument("key", help="an answer-key YAML file, or a folder of them (devset/keys)")
    p.add_argument("out", help="an extraction output folder (with indicators.csv), or the CSV itself")
    p.add_argument("--root", default=None,
                   help="folder that `source` paths are relative to: checks every evidence round-trips")
    p.add_argument("--split", default=None, help="a split file (devset/split.yaml): score each set apart")
    p.add_argument("--set", dest="only_set", default=None, help="with --split: score only this set (tune, check)")
    p.add_argument("--summary", action="store_true",
                   help="figures only, no missed or wrong rows (for a held-out set that is never read for rules)")
    p.add_argument("--json", action="store_true", help="the scores as JSON")
    a = p.parse_args(argv)
    try:
        key = load_key(a.key)
        rows = read_rows(a.out)
        sets = read_split(a.split) if a.split else {"all": sorted(key.ids)}
    except (OSError, yaml.YAMLError, KeyError, csv.Error) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if a.only_set:
        if a.only_set not in sets:
            print(f"error: {a.split} has no set {a.only_set!r} (it has {', '.join(sets)})", file=sys.stderr)
            return 2
        sets = {a.only_set: sets[a.only_set]}
    results = {name: key.only(ids) for name, ids in sets.items()}
    if a.json:
        out = {name: {"all": score(k, rows, a.root).as_dict(),
                      "per_indicator": {i: s.as_dict() for i, s in per_indicator(k, rows).items()}}
               for name, k in results.items()}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for name, k in results.items():
        print(f"{name}:")
        print(report(k, rows, a.root, a.summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
