"""What a figure covers: the whole jurisdiction this year, or less (a pilot, a sub-list, a
part, last year). The scope is kept as a short phrase of the report, for a footnote, and as
a rank that the headline rule reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from .config import ScopeWords
from .indicators import Figure
from .text import Document


class Coverage(IntEnum):
    """Lower is a better headline."""

    WHOLE = 0  # 全市, 全县, or the jurisdiction's own name: the whole, said in so many words
    PLAIN = 1  # nothing says otherwise; also 市本级 and 政府网站 (the usual reach of such figures)
    PART = 3  # a pilot, a sub-list, a part (其中县直)
    OTHER_PERIOD = 4  # last year, or the level before a change (从1279项增加到…)


@dataclass(frozen=True)
class Scope:
    coverage: Coverage
    text: str  # the report's words, in its own script; empty for WHOLE and PLAIN


_PILOT = re.compile(r"以(.{1,12}?)为试点")
_MAX_SCOPE = 24


def scope_of(doc: Document, fig: Figure, words: ScopeWords, counts_before: list[int],
             names: tuple[str, ...] = (), year: int | None = None) -> Scope:
    """The scope of ``fig``.

    ``counts_before`` are the starts of count mentions earlier in its clause (30个涉企服务事项
    100%实现全程网办); ``names`` are the jurisdiction's names, which make a figure whole;
    ``year`` is the report year, so that a figure of an earlier year is another period.
    """
    m = fig.mention
    text = doc.analysis
    clause_left = text[m.clause.start:m.start]
    sentence_left = text[m.sentence.start:m.start]

    def own(a: int, b: int) -> str:
        return _tidy(doc.text[a:b])

    if (
        any(w in clause_left[-8:] for w in words.period)
        or _is_from_level(text, m.start, m.clause.end)
        or _earlier_year(clause_left, year)
    ):
        return Scope(Coverage.OTHER_PERIOD, own(m.clause.start, m.start))
    if fig.continues is not None and clause_left.startswith("其中"):
        return Scope(Coverage.PART, own(m.clause.start + 2, m.start))
    pilot = _PILOT.search(sentence_left)
    if pilot:  # 以越秀区为试点 -> 越秀区试点, in the report's script
        a, b = (m.sentence.start + i for i in pilot.span(1))
        end = m.sentence.start + pilot.end()
        return Scope(Coverage.PART, own(a, b) + doc.text[end - 2:end])
    if any(w in sentence_left for w in words.pilot):
        return Scope(Coverage.PART, own(m.clause.start, m.start))
    if m.unit_kind == "percent" and counts_before:
        return Scope(Coverage.PART, own(counts_before[-1], m.start))
    if any(w in clause_left for w in words.own_level):  # 某市本级: the city's own level, not the whole city
        return Scope(Coverage.PLAIN, own(m.clause.start, m.start))
    if any(w in clause_left for w in (*words.whole, *names)):
        return Scope(Coverage.WHOLE, "")
    if any(w in clause_left for w in words.website):
        return Scope(Coverage.PLAIN, own(m.clause.start, m.start))  # said, but no lesser figure
    return Scope(Coverage.PLAIN, "")


def _is_from_level(text: str, start: int, clause_end: int) -> bool:
    """从1279项增加到2429项: the first number is the level before the change."""
    return text[start - 1:start] == "从" and re.search(r"[到至]", text[start:clause_end]) is not None


def _earlier_year(left: str, year: int | None) -> bool:
    """2019年全市…: a year before the report's own, said before the number."""
    years = re.findall(r"(?<!\d)(20\d\d) ?年", left)
    return bool(year and years and int(years[-1]) < year)


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", "", s).strip("，,、:：;；的在从由")
    for lead in ("其中", "共", "累计", "实现"):
        if s.startswith(lead) and len(s) > len(lead):
            s = s[len(lead):]
    return s[-_MAX_SCOPE:]
