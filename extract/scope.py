"""What a figure covers: the whole jurisdiction this year, or less (a pilot, a sub-list, a
part, last year). The scope is kept as a short phrase of the report, for a footnote, and as
a rank that the headline rule reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from . import grammar
from .config import GrammarWords, ScopeWords
from .indicators import Figure
from .text import Document, Span


class Coverage(IntEnum):
    """Lower is a better headline."""

    WHOLE = 0  # 全市, 全县, or the jurisdiction's own name: the whole, said in so many words
    PLAIN = 1  # nothing says otherwise; also 市本级 and 政府网站 (the usual reach of such figures)
    PART = 3  # a pilot, a sub-list, a part (其中县直)
    OTHER_PERIOD = 4  # last year, the level before a change (从1279项增加到…), a multi-year review
    TARGET = 5  # a plan or target (力争…, 到2025年…, next year's plans), or a several-year total of
    # a count of one year (8年累计话务量): no figure of the report year, dropped


@dataclass(frozen=True)
class Scope:
    coverage: Coverage
    text: str  # the report's words, in its own script; empty for WHOLE and PLAIN


_FROM = re.compile(r"[从由](?:\d{4} ?年(?:底|末)?|去年|上年|前年|年初)?的?$")
_PILOT = re.compile(r"以(.{1,12}?)为试点")
_TO = re.compile("[到至]")
_TO_NEXT = re.compile("[\u4e00-\u9fff]{0,2}[到至]")  # the next clause, where the change goes on (…,增长到…)
_OPENING_YEAR = re.compile(r"\s*(20\d\d) ?年")
_A_YEAR = re.compile(r"20\d\d ?年")
_YEARS = re.compile(r"(?<!\d)(20\d\d) ?年")
_SPACE_RUNS = re.compile(r"\s+")
_MAX_SCOPE = 24
_SENTENCE_REACH = 400  # characters of the sentence before a number that can qualify it (bounds run-on text)


def scope_of(doc: Document, fig: Figure, words: ScopeWords, counts_before: list[int],
             names: tuple[str, ...] = (), year: int | None = None, grammar_words: GrammarWords | None = None,
             plans: Sequence[Span] = ()) -> Scope:
    """The scope of ``fig``.

    ``counts_before`` are the starts of count mentions earlier in its clause (30个涉企服务事项
    100%实现全程网办); ``names`` are the jurisdiction's names, which make a figure whole (and,
    through the level suffix of the first, say which of the ``whole`` words are its own: 全县 in
    a county's report, while 全市 there is the prefecture's); ``year`` is the report year, so that
    a figure of an earlier year is another period; ``plans`` are the spans of next year's plans.
    """
    m = fig.mention
    text = doc.analysis
    clause_left = text[m.clause.start:m.start]
    left_start = max(m.sentence.start, m.start - _SENTENCE_REACH)
    sentence_left = text[left_start:m.start]

    def own(a: int, b: int) -> str:
        return _tidy(doc.text[a:b])

    if grammar_words is not None and (
        any(p.start <= m.start < p.end for p in plans) or grammar.is_target(text, m, grammar_words, year)
    ):
        return Scope(Coverage.TARGET, own(m.clause.start, m.start))
    if grammar_words is not None and m.unit_kind == "count" and grammar_words.increments \
            and fig.indicator not in grammar_words.yearly and (
            _holds_any(clause_left, grammar_words.increments)
            or _phrase_left(text, m.start).startswith(grammar_words.increments)):
        return Scope(Coverage.TARGET, own(m.clause.start, m.start))  # 新增50项: a change of a list, no size
        # (a count of one year — requests, information published — is new by nature: 新增业务量 is the count)
    several_years = grammar_words is not None and grammar.is_multi_year(text, m, grammar_words, year)
    if several_years and fig.indicator in grammar_words.yearly:  # 8年累计话务量: no year's count
        return Scope(Coverage.TARGET, own(m.clause.start, m.start))
    if (
        _holds_any(clause_left[-8:], words.period)
        or _is_from_level(text, m.start, m.clause.end)
        or _earlier_year(clause_left, year)
        or _earlier_sentence_year(text[m.sentence.start:m.clause.start], clause_left, year)
        or several_years
    ):
        return Scope(Coverage.OTHER_PERIOD, own(m.clause.start, m.start))
    if fig.continues is not None and clause_left.startswith("其中"):
        return Scope(Coverage.PART, own(m.clause.start + 2, m.start))
    pilot = _PILOT.search(sentence_left)
    if pilot:  # 以越秀区为试点 -> 越秀区试点, in the report's script
        a, b = (left_start + i for i in pilot.span(1))
        end = left_start + pilot.end()
        return Scope(Coverage.PART, own(a, b) + doc.text[end - 2:end])
    if _holds_any(sentence_left, words.pilot):
        return Scope(Coverage.PART, own(m.clause.start, m.start))
    if m.unit_kind == "percent" and counts_before:
        return Scope(Coverage.PART, own(counts_before[-1], m.start))
    some = _some_bodies(sentence_left, grammar_words.bodies) if grammar_words is not None else None
    if m.unit_kind == "percent" and some is not None:  # 有31个单位…满意率均为100%: those units' rate
        return Scope(Coverage.PART, own(left_start + some.start(), left_start + some.end()))
    if _holds_any(clause_left, words.own_level):  # 某市本级: the city's own level, not the whole city
        return Scope(Coverage.PLAIN, own(m.clause.start, m.start))
    own_whole, other_whole = _whole_words(words.whole, names)
    if _holds_any(clause_left, own_whole) or _holds_any(clause_left, names):
        return Scope(Coverage.WHOLE, "")
    other = next((w for w in other_whole if w in clause_left), None)
    if other:  # 全市 in a county's report: the prefecture's figure
        return Scope(Coverage.PART, other)
    higher = next((w for w in words.higher if w in clause_left), None) if names else None
    if higher and not names[0].endswith(("省", "自治区")):  # 国家层面40项…任务: not the place's own list
        return Scope(Coverage.PART, own(m.clause.start, m.start))
    if _holds_any(clause_left, words.website):
        return Scope(Coverage.PLAIN, own(m.clause.start, m.start))  # said, but no lesser figure
    return Scope(Coverage.PLAIN, "")


_PHRASE_CUT = re.compile(r"[。！？!?；;\n，,：:](?=[^。！？!?；;\n，,：:]*$)")


@lru_cache(maxsize=8)
def _some_bodies_re(bodies: tuple[str, ...]) -> re.Pattern[str] | None:
    if not bodies:
        return None
    return re.compile(r"有\d+个(?:" + "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True)) + ")")


def _some_bodies(left: str, bodies: tuple[str, ...]) -> re.Match[str] | None:
    """有31个单位: some of the bodies (a count of them after 有), whose rate a sentence then gives."""
    pattern = _some_bodies_re(bodies)
    return pattern.search(left) if pattern is not None and "有" in left else None


def _phrase_left(text: str, start: int) -> str:
    """The phrase before ``start``, across 、 (新增A50项、B30项: 新增 heads the list), spaces trimmed."""
    left = text[max(0, start - 80):start]
    cut = _PHRASE_CUT.search(left)
    return (left[cut.end():] if cut else left).lstrip(" ")


def _holds_any(text: str, words: Sequence[str]) -> bool:
    """Does ``text`` hold one of ``words``? (``any(w in text for w in words)``, looped in C)"""
    return any(map(text.__contains__, words))


@lru_cache(maxsize=256)  # asked for every figure, with the same words for all of a report's figures
def _whole_words(whole: tuple[str, ...], names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own, other) whole-area words: by the level suffix of the place's name (全县, 我县 for a
    county), all of them own when the place or its level is unknown."""
    if not names:
        return whole, ()
    suffix = next((s for s in ("自治区", "自治州", "自治县", "自治旗", "地区", "新区", "省", "市", "县", "区", "旗",
                               "州", "盟") if names[0].endswith(s)), None)
    if suffix is None:
        return whole, ()
    short = suffix[-1]
    own = tuple(w for w in whole if w.endswith((suffix, short)))
    own += (f"全{short}", f"我{short}", f"本{short}", f"全{suffix}")
    return own, tuple(w for w in whole if w not in own)


def _is_from_level(text: str, start: int, clause_end: int) -> bool:
    """从1279项增加到2429项, 由60%提升至85%, 从去年的206项增至703项, and across a comma
    从2020年的500件,到2023年的…件: the first number is the level before the change."""
    return (_FROM.search(text[max(0, start - 12):start].rstrip(" \u3000\u00a0")) is not None
            and (_TO.search(text, start, clause_end) is not None
                 or _TO_NEXT.match(text, clause_end, clause_end + 3) is not None))


def _earlier_sentence_year(before: str, clause_left: str, year: int | None) -> bool:
    """2022年我单位共制作信息84条,主动公开信息数72条: a sentence that opens with an earlier year
    speaks of it in its later clauses too, unless a clause names its own year."""
    opening = _OPENING_YEAR.match(before)
    return bool(year and opening and int(opening.group(1)) < year and not _A_YEAR.search(clause_left))


def _earlier_year(left: str, year: int | None) -> bool:
    """2019年全市…: a year before the report's own, said before the number."""
    years = _YEARS.findall(left)
    return bool(year and years and int(years[-1]) < year)


def _tidy(s: str) -> str:
    s = _SPACE_RUNS.sub("", s).strip("，,、:：;；的在从由")
    for lead in ("其中", "共", "累计", "实现"):
        if s.startswith(lead) and len(s) > len(lead):
            s = s[len(lead):]
    return s[-_MAX_SCOPE:]
