"""The headline rule: exactly one ``primary`` figure per jurisdiction and indicator.

Among a report's figures for one indicator, the headline is the one with the best coverage
(``scope.Coverage``: the whole jurisdiction said in words, then a plain figure (also one for
the jurisdiction's own level or one website), then a part such as a pilot or a sub-list, and
last a figure for another period); among equals, the first in the report. A figure found by one
of the indicator's weak cues (a hotline's calls, where its requests are the indicator) comes after
the other whole or plain figures. A chart shows the headline; the other figures stay in the frame
as further mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .scope import Coverage


class Ranked(Protocol):
    indicator: str
    coverage: Coverage
    start: int
    weak: bool


def choose_primary(figures: Sequence[Ranked]) -> list[bool]:
    """For each figure, whether it is its indicator's headline (one per indicator)."""
    best: dict[str, int] = {}
    for i, f in enumerate(figures):
        j = best.get(f.indicator)
        if j is None or _rank(f) < _rank(figures[j]):
            best[f.indicator] = i
    chosen = set(best.values())
    return [i in chosen for i in range(len(figures))]


def _rank(f: Ranked) -> tuple[int, bool, int, int]:
    """Lower is a better headline: whole or plain before a part, a strong cue before a weak one."""
    return max(f.coverage, Coverage.PLAIN), f.weak, f.coverage, f.start
