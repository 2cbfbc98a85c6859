"""Text -> mentions: every quantity in a report with its unit, qualifier, clause and offsets.

A mention is a number as a researcher would quote it: 123.4万件, 超60%, 36余件. Years, dates,
list markers ((1), 一、) and names (一件事, 12345热线, 十统一) are not quantities and are not
mentions. Whether a mention is an indicator is decided later, in ``indicators.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .config import NumberWords
from .lookup import WordTable, words_table
from .numbers import JOINED_NUMBER_RE, JOINER, MULTIPLIERS, NUMBER_RE, Number
from .text import Document, SentenceIndex, Span

_SPACES = " \t\u3000\u00a0"
_SPACE_SET = frozenset(_SPACES)
_OPEN = "(（"
_CLOSE = ")）"


@dataclass(frozen=True)
class Mention:
    """One quantity: ``value`` in base units, the span of its number and unit in the report."""

    value: float
    unit: str  # simplified script, as matched against config
    unit_text: str  # as written in the report
    unit_kind: str  # percent, count, score, points, duration, money, or "" for a bare number
    qualifier: str
    is_change: bool  # 同比上升12.3%: a change, not a level
    start: int
    end: int
    surface: str
    clause: Span
    sentence: Span

    @property
    def is_rate(self) -> bool:
        return self.unit_kind == "percent" and not self.is_change


class MentionFinder:
    """Finds mentions with the unit and qualifier words of one config."""

    def __init__(self, words: NumberWords) -> None:
        self.words = words
        self.units = sorted((u for us in words.units.values() for u in us), key=len, reverse=True)
        self.before = _longest_first(
            (w, q) for q, sides in words.qualifiers.items() for w in sides.get("before", ())
        )
        self.between = _longest_first(
            (w, q) for q, sides in words.qualifiers.items() for w in sides.get("between", ())
        )
        self.after = _longest_first(
            (w, q) for q, sides in words.qualifiers.items() for w in sides.get("after", ())
        )
        self.change = sorted(words.change_words, key=len, reverse=True)
        # the same words as dictionaries by length: one look-up per length, not one per word
        self._units_at, self._change_at = words_table(self.units), words_table(self.change)
        self._before_at = WordTable(self.before)
        self._between_at, self._after_at = WordTable(self.between), WordTable(self.after)
        # the characters a unit or a between word (36余件) can start with; None: any (an empty word)
        starts = [*self.units, *(w for w, _ in self.between)]
        self._unit_starts = None if "" in starts else frozenset(w[0] for w in starts)
        self._kinds: dict[str, str] = {}
        for kind, units in words.units.items():
            for u in units:
                self._kinds.setdefault(u, kind)

    def find(self, doc: Document) -> list[Mention]:
        """All mentions in ``doc``, in text order."""
        text = doc.analysis
        spans = SentenceIndex(text)
        out = []
        numbers = JOINED_NUMBER_RE if JOINER in text else NUMBER_RE  # a number across a soft line break
        for match in numbers.finditer(text):  # the candidates of find_numbers, read only where they may count
            if match.group("cn") is not None and not self._may_take_unit(text, match):
                continue  # 一网通办, 十统一: a Chinese numeral is a quantity only with a unit
            m = self._mention(doc, Number(match), spans)
            if m is None:
                continue
            if out and out[-1].is_change and _lists_after(text, out[-1], m):
                m = replace(m, is_change=True)  # 分别提升15.2%、18.9%
            out.append(m)
        return out

    # ------------------------------------------------------------------ internals

    def _may_take_unit(self, text: str, match: re.Match[str]) -> bool:
        """Can a unit follow the number ``match``: is it a percentage, or does a unit or a between word
        start after its spaces? A quick test that leaves out, unread, the numerals no unit follows."""
        if self._unit_starts is None or match.group("pct") is not None:
            return True
        i = _skip_spaces(text, match.end())
        return text[i:i + 1] in self._unit_starts

    def _mention(self, doc: Document, num: Number, spans: SentenceIndex) -> Mention | None:
        text = doc.analysis
        if _is_date_or_marker(text, num):
            return None
        start, i = num.match.span()
        percent = num.percent
        qualifier = "exact"
        j = _skip_spaces(text, i)
        scale = 1.0
        if j > i and not num.match.group("mult") and text[j:j + 1] in MULTIPLIERS:  # "5.2 万件": PDF spacing
            scale, i = float(MULTIPLIERS[text[j]]), j + 1
            j = _skip_spaces(text, i)
        word, q = _match_at(text, j, self._between_at)  # 36余件, 5100多件
        if word:
            qualifier, i = q, j + len(word)
            if not num.match.group("mult") and text[i:i + 1] in MULTIPLIERS:  # 300多万件: 300万 and more
                scale, i = float(MULTIPLIERS[text[i]]), i + 1
            j = _skip_spaces(text, i)
        unit = "" if percent else _unit_at(text, j, self._units_at)
        if unit:  # "共 806 条": text from PDFs often has spaces around numbers
            i = j + len(unit)
        elif percent:
            unit = "%"
        if num.chinese and not self._chinese_quantity(text, num, unit):
            return None
        value = num.value
        if value is None or (unit == "年" and 1900 <= value <= 2100):
            return None  # not a number after all, or a year
        if not unit and _is_label(text, num):
            return None
        word, q = _match_at(text, i, self._after_at)  # 90%以上, 20件左右
        if word:
            qualifier = q
        qualifier = self._before(text, start) or qualifier
        sentence = spans.sentence(start)
        clause = spans.clause(start)
        end = i
        # the unit as written: the report's own characters at the unit's place
        unit_text = doc.text[end - len(unit):end] if unit and not percent else unit
        kind = self._kinds.get(unit) or ""
        if kind == "tenths":  # 四成: 40 %
            value, unit, kind = value * 10, "%", "percent"
        return Mention(
            value=value if scale == 1.0 else _scaled(value, scale), unit=unit, unit_text=unit_text,
            unit_kind=kind, qualifier=qualifier,
            is_change=self._is_change(text, clause.start, start),
            start=start, end=end, surface=doc.text[start:end],
            clause=clause, sentence=sentence,
        )

    def _before(self, text: str, start: int) -> str | None:
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        hit = self._before_at.ending(text, start)
        return hit[1] if hit else None

    def _is_change(self, text: str, clause_start: int, start: int) -> bool:
        left = text[clause_start:start].rstrip(_SPACES)
        hit = self._before_at.ending(left, len(left))
        if hit:
            left = left[: -len(hit[0])]
        left = left.rstrip("了达为分别约" + _SPACES)
        if "同比" in left or "环比" in left:
            return True
        return self._change_at.ending(left, len(left)) is not None

    def _chinese_quantity(self, text: str, num: Number, unit: str) -> bool:
        """A Chinese numeral is a quantity only with a unit, and never as a name."""
        if num.percent:
            return True
        if not unit or num.surface in ("一", "零", "〇") or text[num.start - 1:num.start] == "第":
            return False
        rest = text[num.end:num.end + 3]
        return not any(rest.startswith(w) for w in self.words.name_after)


def _lists_after(text: str, prev: Mention, m: Mention) -> bool:
    """``m`` stands alone in the clause right after ``prev``'s, joined by 、 (15.2%、18.9%)."""
    return (
        prev.sentence == m.sentence
        and m.start == m.clause.start
        and text[prev.end:m.start].strip() == "、"
    )


def _scaled(value: float, scale: float) -> float:
    """``value`` times a 万/亿 written apart from it (80.57 万: 805700, not 805699.9999999999)."""
    return float(Decimal(repr(value)) * Decimal(int(scale)))


def _skip_spaces(text: str, i: int) -> int:
    if text[i:i + 1] not in _SPACE_SET:  # most numbers have none
        return i
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _longest_first(pairs) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _match_at(text: str, i: int, words: WordTable[str]) -> tuple[str | None, str]:
    hit = words.starting(text, i)
    return hit if hit else (None, "exact")


def _unit_at(text: str, i: int, units: WordTable[str]) -> str:
    hit = units.starting(text, i)
    return hit[0] if hit else ""


def _is_date_or_marker(text: str, num: Number) -> bool:
    """2020-02-24, 16:21, (1), 1. and 一、 are not quantities."""
    start, end = num.match.span()
    prev = text[start - 1:start]
    nxt = text[end:end + 1]
    if (prev in "-:/·" and prev) or (nxt in ("-", ":", "/", "·", "月") and nxt):
        return True
    if prev and prev in _OPEN and nxt and nxt in _CLOSE:
        return True
    line_start = start == 0 or text[start - 1] in "\n " or text[start - 1].isspace()
    if line_start and nxt in (".", "、", "．") and nxt:
        return True
    chinese = num.chinese
    if chinese and nxt == "是":
        return True
    if not chinese and nxt == "." and not text[end + 1:end + 2].isdigit():
        return line_start
    return False


def _is_label(text: str, num: Number) -> bool:
    """A bare number glued to a word is a name (12345热线, 4·15), not a quantity."""
    nxt = text[num.end:num.end + 1]
    prev = text[num.start - 1:num.start]
    if nxt and ("\u4e00" <= nxt <= "\u9fff" or nxt.isalpha() or nxt in "+*×"):
        return True
    return bool(prev) and ((prev.isascii() and prev.isalpha()) or prev in "+*×")
