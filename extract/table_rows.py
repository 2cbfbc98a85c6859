"""Figures in the rows of any table: a value whose row label carries an indicator's cue is read
as that indicator's figure, as the number would be in a sentence, with its column deciding the
period (本年 / 2023年: the report's year; 上年, 去年, an earlier year, 累计: another period; 目标,
计划: a target, dropped).

Tables of the disclosure template are left to its own reading (extract/template.py). The unit is
the one the cell or its headers write (12.5%, 单位：万元); a bare number takes the indicator's
unit when that is a count, never a percentage.
"""

from __future__ import annotations

import re

from .config import Config, Indicator
from .indicators import Figure, compile_cue
from .mentions import Mention
from .scope import Coverage, Scope
from .tables import KeptTable, TableValue
from .text import Span, to_simplified

_UNIT_IN_HEADER = re.compile(r"单位[:：]\s*([^)）\s]+)")
_YEAR = re.compile(r"(\d{4})\s*年?")
OTHER_PERIOD_WORDS = ("上年", "去年", "上一年", "前年", "同期", "累计", "历年", "以来")
TARGET_WORDS = ("目标", "计划", "预计", "预算")
THIS_PERIOD_WORDS = ("本年", "今年", "当年", "本期")


def row_figures(config: Config, kept: tuple[KeptTable, ...], year: int | None = None,
                skip: set[int] | frozenset[int] = frozenset()) -> list:
    """``pipeline.IndicatorFigure`` for each value of ``kept`` tables (but the tables numbered in
    ``skip``) whose row label carries exactly one indicator's cue."""
    from .pipeline import IndicatorFigure

    if not any(k.values for k in kept if k.number not in skip):
        return []
    candidates = [i for i in config.indicators if i.cues and i.units]
    cues = {i.id: [compile_cue(c, config.matching.gap, i.wildcard_not) for c in i.cues] for i in candidates}
    out = []
    for k in kept:
        if k.number in skip:
            continue
        for v in k.values:
            number = v.number
            if number is None or not v.row_label:
                continue
            unit = unit_of(v, k)
            label = to_simplified(v.row_label)
            hits = []
            for ind in candidates:
                if any(w in label for w in ind.exclude):
                    continue
                found = [m.group(0) for c in cues[ind.id] for m in c.regex.finditer(label)]
                shown = unit or (ind.unit if config.numbers.unit_kind(ind.unit) == "count" else None)
                if found and shown is not None and ind.admits(number, shown):
                    hits.append((max(len(f) for f in found), ind, shown))
            if not hits:
                continue
            hits.sort(key=lambda h: -h[0])
            if len(hits) > 1 and hits[0][0] == hits[1][0]:
                continue  # two indicators' cues as good as each other: no guess
            _, ind, shown = hits[0]
            coverage, words = period_of(v.col_label, year)
            if coverage == Coverage.TARGET:
                continue
            out.append(IndicatorFigure(_figure(ind, v, shown, config), Scope(coverage, words)))
    return out


def unit_of(v: TableValue, kept: KeptTable) -> str | None:
    """The unit a value's cell or headers write, or None.

    >>> from extract.tables import TableValue
    >>> unit_of(TableValue(1, 0, 0, "办件量", "金额（单位：万元）", "12"), None)
    '万元'
    >>> unit_of(TableValue(1, 0, 0, "网办率", "2023年", "96.5%"), None)
    '%'
    """
    if v.text.endswith(("%", "％")):
        return "%"
    suffix = re.search(r"(万元|元|件|个|条|项)$", v.text)
    if suffix:
        return suffix.group(1)
    for where in (v.col_label, v.row_label, kept.table.caption if kept is not None else ""):
        m = _UNIT_IN_HEADER.search(where or "")
        if m:
            return m.group(1)
        if "（%）" in (where or "") or "(%)" in (where or ""):
            return "%"
    return None


def period_of(col_label: str, year: int | None) -> tuple[Coverage, str]:
    """What period a column stands for: (PLAIN, '') for the report's own, else the column's words.

    >>> period_of("2023年", 2023), period_of("上年", 2023), period_of("2022年", 2023)[0].name
    ((<Coverage.PLAIN: 1>, ''), (<Coverage.OTHER_PERIOD: 4>, '上年'), 'OTHER_PERIOD')
    """
    label = to_simplified(col_label or "")
    if any(w in label for w in TARGET_WORDS):
        return Coverage.TARGET, col_label
    if any(w in label for w in OTHER_PERIOD_WORDS):
        return Coverage.OTHER_PERIOD, col_label
    years = [int(y) for y in _YEAR.findall(label) if 1990 <= int(y) <= 2100]
    if years and year is not None and all(y != year for y in years):
        return Coverage.OTHER_PERIOD, col_label
    return Coverage.PLAIN, ""


def _figure(ind: Indicator, v: TableValue, unit: str, config: Config) -> Figure:
    line = Span(v.line_start, v.line_end)
    kind = config.numbers.unit_kind(unit) or ""
    m = Mention(value=v.number or 0.0, unit=unit, unit_text=unit, unit_kind=kind, qualifier="exact",
                is_change=False, start=v.start, end=v.end, surface=v.text, clause=line, sentence=line)
    return Figure(m, ind.id, "table row", line.start, line.end)
