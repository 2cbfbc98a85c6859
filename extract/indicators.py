"""Mentions -> indicator figures, by the cues of config.yaml.

A mention becomes a figure of indicator X when
- its unit is one X accepts (a rate needs %, a count 项/件/条 …) and it is no change (同比上升);
- one of X's cues stands in its clause, before the number or just after it (100%可网办);
- none of X's exclude words is near the cue and the number (the traps: 招投标, 合格率, 全覆盖 …);
- X's context words, if it has any, appear in the paragraph up to the number.
When several indicators match, the nearest cue wins; a cue that lies inside a longer cue of
another indicator (网办 inside 全程网办) gives way to it.

A clause with no cue of its own can continue the previous clause of its sentence:
"压缩比例由去年的45%, 提升至超60%" or "办结依申请公开30件, 其中县直12件".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Config, Indicator
from .mentions import Mention
from .text import CLAUSE_END, Document

QUOTES = "“”‘’\"'「」『』《》〈〉"
NUMBER = "#"
_QUOTE_TABLE = str.maketrans("", "", QUOTES)


@dataclass(frozen=True)
class Cue:
    text: str
    regex: re.Pattern[str]


def compile_cue(cue: str, gap: int) -> Cue:
    """'发布…信息' -> a regex for 发布, up to ``gap`` characters, 信息 (the gap may hold the number)."""
    parts = [re.escape(p.translate(_QUOTE_TABLE)) for p in cue.split("…")]
    return Cue(cue, re.compile(f".{{0,{gap}}}?".join(parts)))


@dataclass(frozen=True)
class CueHit:
    indicator: Indicator
    cue: str
    start: int
    end: int
    distance: int


@dataclass(frozen=True)
class Figure:
    """A mention read as one indicator, with the evidence span that shows why."""

    mention: Mention
    indicator: str
    cue: str
    evidence_start: int
    evidence_end: int
    continues: Figure | None = None  # the figure of the clause this one continues


class IndicatorMapper:
    """Maps the mentions of one report to indicators, with the cues of one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        m = config.matching
        self.cues = {ind.id: [compile_cue(c, m.gap) for c in ind.cues] for ind in config.indicators}
        self.max_after, self.after_stops, self.exclude_reach = m.max_after, m.after_stops, m.exclude_reach
        self.level_words = config.numbers.level_words
        self.parts = config.scope.parts
        self.breakdown = config.scope.breakdown

    def map(self, doc: Document, mentions: list[Mention]) -> list[Figure]:
        """The figures among ``mentions``, in text order."""
        figures: list[Figure] = []
        for m in mentions:
            fig = self.map_one(doc, m) or self._continuation(doc, m, figures)
            if fig is not None and not self._in_breakdown(doc.analysis, fig, figures):
                figures.append(fig)
        return figures

    def map_one(self, doc: Document, m: Mention) -> Figure | None:
        """The indicator of mention ``m`` by the cues of its own clause, or None."""
        if not m.unit or m.is_change:
            return None
        window, pos = _window(doc.analysis, m)
        paragraph = _paragraph_before(doc.analysis, m.start) + window
        hits = []
        for ind in self.config.indicators:
            if m.unit not in ind.units:
                continue
            if ind.context and not any(w in paragraph for w in ind.context):
                continue
            hit = self._nearest_cue(ind, window, pos)
            if hit is not None:
                hits.append(hit)
        best = _resolve(hits)
        if best is None:
            return None
        return Figure(m, best.indicator.id, best.cue, *_evidence(doc.analysis, m.clause.start, m.clause.end))

    def _nearest_cue(self, ind: Indicator, window: str, pos: int) -> CueHit | None:
        best = None
        for cue in self.cues[ind.id]:
            for hit in cue.regex.finditer(window):
                a, b = hit.span()
                if b <= pos:
                    d = pos - b
                elif a > pos:
                    d = a - pos - 1
                    between = window[pos + 1:a]
                    if d > self.max_after or any(w in between for w in self.after_stops) or _has_number(between):
                        continue  # too far, another phrase, or the cue of a nearer number
                else:
                    d = 0
                if self._excluded(ind, window, min(a, pos)):
                    continue
                if best is None or (d, a - b) < (best.distance, best.start - best.end):
                    best = CueHit(ind, cue.text, a, b, d)
        return best

    def _excluded(self, ind: Indicator, window: str, start: int) -> bool:
        """An exclude word near the cue and number: from a little before both to the clause end.

        Only near: in 覆盖街镇、社区的平台上线600余项政务服务事项, 社区 is not what is counted.
        """
        local = window[max(0, start - self.exclude_reach):]
        return any(w in local for w in ind.exclude)

    def _continuation(self, doc: Document, m: Mention, done: list[Figure]) -> Figure | None:
        """Map ``m`` by the previous clause's figure when its clause only continues it."""
        if not m.unit or m.is_change or not done:
            return None
        prev = done[-1]
        pm = prev.mention
        if pm.sentence != m.sentence or pm.clause.end > m.clause.start:
            return None
        ind = self.config.indicator(prev.indicator)
        if m.unit not in ind.units or pm.unit_kind != m.unit_kind:
            return None
        window, pos = _window(doc.analysis, m)
        if any(w in window for w in ind.exclude):
            return None
        left = window[:pos]
        if not (self._is_level_change(left) or self._is_part(left)):
            return None
        start, end = _evidence(doc.analysis, prev.mention.clause.start, m.clause.end)
        return Figure(m, ind.id, prev.cue, start, end, continues=prev)

    def _in_breakdown(self, text: str, fig: Figure, done: list[Figure]) -> bool:
        """Is ``fig`` one kind in a breakdown (其中:) of a total of its own indicator?"""
        start = fig.mention.start
        para = text.rfind("\n", 0, start) + 1
        opener = max((text.rfind(w, para, start) for w in self.breakdown), default=-1)
        if opener < 0:
            return False
        return any(f.indicator == fig.indicator and para <= f.mention.start < opener for f in done)

    def _is_level_change(self, left: str) -> bool:
        """提升至超60%: a short clause that says what the figure became."""
        return len(left) <= 6 and any(w in left for w in self.level_words)

    def _is_part(self, left: str) -> bool:
        """其中县直12件: 其中 and a part of the population, with nothing more."""
        if not left.startswith("其中"):
            return False
        rest = left[2:].rstrip("共有为是达")
        return any(rest.endswith(p) for p in self.parts)


def _window(text: str, m: Mention) -> tuple[str, int]:
    """The clause with the mention replaced by '#', quotation marks dropped; and where '#' is."""
    left = text[m.clause.start:m.start].translate(_QUOTE_TABLE)
    right = text[m.end:m.clause.end].translate(_QUOTE_TABLE)
    return left + NUMBER + right, len(left)


def _has_number(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _paragraph_before(text: str, i: int) -> str:
    return text[text.rfind("\n", 0, i) + 1:i]


def _resolve(hits: list[CueHit]) -> CueHit | None:
    """The winning hit: a hit inside a longer one gives way; then the nearest, then the longest."""
    kept = [
        h for h in hits
        if not any(o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                   for o in hits)
    ]
    if not kept:
        return None
    return min(kept, key=lambda h: (h.distance, -(h.end - h.start)))


def _evidence(text: str, start: int, end: int) -> tuple[int, int]:
    """A clause span without its closing punctuation."""
    while end > start and text[end - 1] in CLAUSE_END:
        end -= 1
    return start, end
