"""``python -m devset.split``: put every corpus report in the tune or the check half, once.

Ids already in ``split.yaml`` keep their half. New ids are shuffled with a fixed seed and dealt
so that the halves stay as even as possible; within each kind (excerpt, long) separately, so
both halves hold long texts. Rules are written from the tune half only.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

from .corpus import SPLIT, entries

SEED = 20261201
HALVES = ("tune", "check")


def assign(kinds: dict[str, str], previous: dict[str, list[str]], seed: int = SEED) -> dict[str, list[str]]:
    """``kinds`` maps id -> kind; returns {"tune": [...], "check": [...]} keeping ``previous``."""
    out = {h: sorted(set(previous.get(h, [])) & set(kinds)) for h in HALVES}
    rng = random.Random(seed)
    for kind in sorted(set(kinds.values())):
        new = sorted(i for i, k in kinds.items() if k == kind and not any(i in out[h] for h in HALVES))
        rng.shuffle(new)
        for i in new:
            have = {h: sum(1 for x in out[h] if kinds[x] == kind) for h in HALVES}
            out[min(HALVES, key=lambda h: (have[h], HALVES.index(h)))].append(i)
    return {h: sorted(ids) for h, ids in out.items()}


def main(path: Path = SPLIT) -> int:
    kinds = {e.id: str(e.facts.get("kind")) for e in entries()}
    previous = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
    split = assign(kinds, previous or {})
    path.write_text("# Made by python -m devset.split (seeded, once per id). Rules come from `tune` only;\n"
                    "# `check` is scored, never read.\n" + yaml.safe_dump(split, sort_keys=False), "utf-8")
    print(" ".join(f"{h}: {len(split[h])}" for h in HALVES), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
