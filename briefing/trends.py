"""The Trends view's exports: its rows and change table as CSV, a workbook, slide PNGs and a pack.

The page and these builders share ``dashboard.trends`` (the rows and changes) and
``dashboard.charts.trend_figure`` (the chart), so an export is the view on screen.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, data, trends
from dashboard.labels import t
from dashboard.trends import TrendView

from . import images
from .deck import ChartSlide, deck_bytes
from .pack import Pack
from .tables import csv_bytes, tidy_labels
from .workbook import about, definitions, sources, write_sheets

ROW_EXPORT = ["jurisdiction", "name", "indicator", "year", "status", "value", "unit", "qualifier", "scope",
              "evidence", "source", "start", "end"]
CHANGE_EXPORT = ["jurisdiction", "name", "indicator", "first_year", "first_value", "first_qualifier", "last_year",
                 "last_value", "last_qualifier", "change", "change_unit", "change_qualifier", "years_reported"]
SHEETS = ("trends", "changes", "sources", "definitions", "dictionary", "about")


@dataclass(frozen=True)
class TrendSelection:
    indicators: list[str]
    jurisdictions: list[str]
    lang: str = "zh"
    aspect: str = "16:9"


def trend_view(frames: data.Frames, sel: TrendSelection) -> TrendView:
    """The rows and change table of the chosen indicators and jurisdictions, over every report year."""
    return trends.view(frames, sel.indicators, sel.jurisdictions, sel.lang)


def trend_figures(frames: data.Frames, sel: TrendSelection, view: TrendView) -> list[tuple[str, go.Figure]]:
    """(indicator, chart) for each chosen indicator that some chosen jurisdiction reports."""
    colors = data.colors(frames.jurisdictions)
    drawn = set(view.rows.loc[view.rows["status"] == trends.REPORTED, "indicator"])
    return [(i, charts.trend_figure(view.rows, frames.reports, frames.config, i, sel.lang, colors))
            for i in sel.indicators if i in drawn]


def trend_tables(frames: data.Frames, sel: TrendSelection, view: TrendView | None = None) -> dict[str, bytes]:
    """trends.csv (a row per indicator, jurisdiction and year; no value where there is no figure, with
    why), changes.csv (first → latest) and trends.xlsx; each CSV with its labels' row under the ids."""
    view = view or trend_view(frames, sel)
    rows, changes = view.rows[ROW_EXPORT], view.changes[CHANGE_EXPORT]
    return {"trends.csv": csv_bytes(rows, tidy_labels(rows, sel.lang)),
            "changes.csv": csv_bytes(changes, tidy_labels(changes, sel.lang)),
            "trends.xlsx": xlsx_bytes(rows, changes, frames, sel)}


def xlsx_bytes(rows: pd.DataFrame, changes: pd.DataFrame, frames: data.Frames, sel: TrendSelection) -> bytes:
    """The workbook: trends, changes, sources (every report behind a point), definitions, dictionary, about."""
    source_sheet = sources(frames.reports, sel.jurisdictions, sel.lang)
    dictionary = pd.DataFrame(
        [{"sheet": sheet, "column": c, "label_zh": zh, "label_en": en}
         for sheet, frame in (("trends", rows), ("changes", changes), ("sources", source_sheet))
         for c, zh, en in zip(frame.columns, tidy_labels(frame, "zh"), tidy_labels(frame, "en"), strict=True)],
        columns=["sheet", "column", "label_zh", "label_en"])
    sheets = {"trends": rows, "changes": changes, "sources": source_sheet, "definitions": definitions(frames.config),
              "dictionary": dictionary, "about": about(frames.reports, sel.jurisdictions)}
    return write_sheets(sheets, SHEETS)


def trend_pack(frames: data.Frames, sel: TrendSelection) -> Pack:
    """The tables, a slide PNG per indicator (charts/trend_<indicator>.png) and a deck of them;
    where images cannot be drawn, the tables with the reason."""
    view = trend_view(frames, sel)
    pack = Pack(trend_tables(frames, sel, view))
    try:
        images.start()
    except images.ImagesUnavailable as e:
        pack.problems.append(str(e))
        return pack
    slides = []
    for ind, fig in trend_figures(frames, sel, view):
        png = images.render(fig, "png", sel.aspect)
        pack.files[f"charts/trend_{ind}.png"] = png
        notes = "\n".join(a.text.replace("<br>", "\n") for a in fig.layout.annotations
                          if a.yref == "paper" and a.yanchor == "top")
        slides.append(ChartSlide(html.unescape(fig.layout.title.text), [png], notes))
    lang = sel.lang
    subtitle = ", ".join(data.display_name(frames.reports, j, lang) for j in sel.jurisdictions)
    pack.files["trends.pptx"] = deck_bytes(f"{t('app_title', lang)} · {t('trends', lang)}", subtitle, slides,
                                           sources(frames.reports, sel.jurisdictions, lang), t("source", lang))
    return pack
