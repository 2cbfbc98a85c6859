"""The headline rule: exactly one ``primary`` figure per jurisdiction and indicator.

Among a report's figures for one indicator, the headline is the one with the best coverage
(``scope.Coverage``: the whole jurisdiction said in words, then a plain figure (also one for
the jurisdiction's own level or one website), then a part such as a pilot or a sub-list, and
last a figure for another period); among equals, the first in the report. A chart shows the headline;
the other figures stay in the frame as further mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .scope import Coverage


class Ranked(Protocol):
    indicator: str
    coverage: Coverage
    start: int


def choose_primary(figures: Sequence[Ranked]) -> list[bool]:
    """For each figure, whether it is its indicator's headline (one per indicator)."""
    best: dict[str, int] = {}
    for i, f in enumerate(figures):
        j = best.get(f.indicator)
        if j is None or (f.coverage, f.start) < (figures[j].coverage, figures[j].start):
            best[f.indicator] = i
    chosen = set(best.values())
    return [i in chosen for i in range(len(figures))]
