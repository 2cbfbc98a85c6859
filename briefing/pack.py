"""Everything for a briefing from one selection: CSVs, workbook, chart PNGs, deck, and a zip."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import plotly.graph_objects as go

from dashboard import charts, data, tables
from dashboard.labels import t

from . import images
from .deck import ChartSlide, deck_bytes
from .tables import csv_bytes, tidy, tidy_labels, wide, wide_labels
from .workbook import sources, xlsx_bytes


@dataclass(frozen=True)
class Selection:
    indicators: list[str]
    jurisdictions: list[str]
    lang: str = "zh"
    aspect: str = "16:9"
    log: bool = False


@dataclass
class Pack:
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what could not be made, and why


def category_figures(frames: data.Frames, sel: Selection) -> list[tuple[str, str, list[go.Figure]]]:
    """(category id, title, figures) per category of the chosen indicators; one figure per unit kind."""
    config = frames.config
    colors = data.colors(frames.jurisdictions)
    out = []
    for cat in config.categories:
        inds = [i for i in tables.indicator_order(config) if i in sel.indicators
                and config.indicator(i).category == cat.id]
        if not inds:
            continue
        comp = tables.comparison(frames.figures(sel.jurisdictions, inds, primary_only=True), frames.reports, config,
                                 inds, sel.jurisdictions, sel.lang)
        title = tables.category_label(config, cat.id, sel.lang)
        figs = [charts.comparison_figure(comp[comp["unit_kind"] == kind], frames.reports, config, sel.lang,
                                         colors, log=sel.log, title=title)
                for kind in ("percent", "score", "count") if (comp["unit_kind"] == kind).any()]
        out.append((cat.id, title, figs))
    return out


def tables_only(frames: data.Frames, sel: Selection) -> dict[str, bytes]:
    """comparison.csv (wide), figures.csv (tidy, with provenance) and comparison.xlsx."""
    figures = frames.figures(sel.jurisdictions, sel.indicators)
    comp = tables.comparison(figures, frames.reports, frames.config, sel.indicators, sel.jurisdictions, sel.lang)
    w, f = wide(comp), tidy(figures, sel.indicators, sel.jurisdictions)
    return {"comparison.csv": csv_bytes(w, wide_labels(w.columns, frames.config, sel.lang)),
            "figures.csv": csv_bytes(f, tidy_labels(f, sel.lang)),
            "comparison.xlsx": xlsx_bytes(w, f, frames.reports, frames.config, sel.jurisdictions, sel.lang)}


def build(frames: data.Frames, sel: Selection) -> Pack:
    """The whole pack; where images cannot be drawn, the tables are still made and the reason kept."""
    pack = Pack(tables_only(frames, sel))
    try:
        images.start()
    except images.ImagesUnavailable as e:
        pack.problems.append(str(e))
        return pack
    slides = []
    for cat, title, figs in category_figures(frames, sel):
        pngs = []
        for i, fig in enumerate(figs):
            png = images.render(fig, "png", sel.aspect)
            pack.files[f"charts/{cat}_{i + 1}.png"] = png
            pngs.append(png)
        notes = "\n".join(a.text.replace("<br>", "\n") for fig in figs for a in fig.layout.annotations
                          if a.yref == "paper" and a.yanchor == "top")
        slides.append(ChartSlide(title, pngs, notes))
    lang = sel.lang
    subtitle = f"{', '.join(data.display_name(frames.reports, j, lang) for j in sel.jurisdictions)}"
    pack.files["briefing.pptx"] = deck_bytes(t("app_title", lang), subtitle, slides,
                                             sources(frames.reports, sel.jurisdictions, lang), t("source", lang))
    return pack


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()
