"""Figures read from a report's tables: the disclosure template's cells (template.yaml) as
indicator figures, each with its line of the kept text as evidence.

A template figure is its indicator's headline: the template table is the report's own count,
where a sentence in the prose may give a part or a rounded figure. The prose figures of that
indicator are kept, as further mentions.
"""

from __future__ import annotations

from dataclasses import replace

from .config import Config
from .headline import choose_primary
from .indicators import Figure
from .mentions import Mention
from .scope import Coverage, Scope
from .tables import KeptTable, TableValue
from .template import Template, TemplateReading, mapped, read_template
from .text import Span


def template_figures(config: Config, kept: tuple[KeptTable, ...]) -> tuple[TemplateReading | None, list]:
    """The template reading of ``kept`` tables and its figures (``pipeline.IndicatorFigure``)."""
    from .pipeline import IndicatorFigure

    template: Template | None = getattr(config, "template", None)
    if template is None or not kept:
        return None, []
    reading = read_template(template, list(kept))
    if not reading.cells:
        return reading, []
    known = {i.id: i for i in config.indicators}
    out = []
    for ind_id, cells in mapped(template, reading):
        ind = known.get(ind_id)
        if ind is None:
            continue
        out.append(IndicatorFigure(_figure(ind_id, ind.unit, cells), Scope(Coverage.PLAIN, ""), primary=True))
    return reading, out


def _figure(indicator: str, unit: str, cells: list[TableValue]) -> Figure:
    """One figure of one or more cells (a sum): the value is their sum, the evidence their lines."""
    first, last = min(cells, key=lambda v: v.line_start), max(cells, key=lambda v: v.line_end)
    value = sum(v.number or 0.0 for v in cells)
    line = Span(first.line_start, last.line_end)
    m = Mention(value=value, unit=unit, unit_text=unit, unit_kind="count", qualifier="exact", is_change=False,
                start=first.start, end=first.end if len(cells) == 1 else last.end, surface=first.text,
                clause=line, sentence=line)
    return Figure(m, indicator, "table", line.start, line.end)


def with_table_figures(figures: list, table_figures: list, row_figures: list | None = None) -> list:
    """Prose figures, figures of table rows (``table_rows``) and template figures together.

    With row figures, each indicator's headline is chosen again among prose and rows alike
    (``headline.choose_primary``); a template figure is the headline of its indicator.
    """
    if row_figures:
        both = sorted([*figures, *row_figures], key=lambda f: f.start)
        figures = [replace(f, primary=p) for f, p in zip(both, choose_primary(both), strict=True)]
    if not table_figures:
        return figures
    from_tables = {f.indicator for f in table_figures}
    prose = [replace(f, primary=False) if f.indicator in from_tables else f for f in figures]
    return sorted([*prose, *table_figures], key=lambda f: f.start)
