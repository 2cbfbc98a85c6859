"""Figure builders: frames in, Plotly figures out, no Streamlit inside.

Every figure carries its own title, subtitle (definition and unit), footnotes (scope, missing
reports, differing years) and source line, so a screenshot or PNG stands alone on a slide.
"""

from __future__ import annotations

import html
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from extract.config import Config

from .data import display_name
from .labels import scope_note, t, unit, with_pinyin
from .tables import MARKS, SIGNS, category_label, column_names, label, matrix_cells, overview_indicators

FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
SLIDE = {"width": 1920, "height": 1080}
REPORTED = ["#DCEAF7", "#E3F1EA"]  # cell colours of alternate categories
MISSING = "#EEEEEE"


def png_config(filename: str) -> dict:
    """Plotly's camera button: a slide-sized PNG named for the view."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 1, **SLIDE}}


def safe(text: str, width: int = 0) -> str:
    """Report text for Plotly labels: escaped (Plotly reads some HTML), wrapped with <br>."""
    text = html.escape(str(text), quote=False)  # Plotly decodes &lt; &gt; &amp; but not &quot;
    if width:
        text = "<br>".join(textwrap.wrap(text, width)) or text
    return text


def note_width(lang: str) -> int:
    """Characters per footnote line: Chinese characters are twice as wide as Latin letters."""
    return 110 if lang == "en" else 60


def _base_layout(fig: go.Figure, title: str, subtitle: str, notes: list[str], height: int = 620,
                 note_shift: int = 0) -> None:
    lines = [line for n in notes if n for line in n.split("<br>")]
    fig.update_layout(
        template="plotly_white",
        font={"family": FONT, "size": 14, "color": "#222"},
        title={"text": safe(title), "subtitle": {"text": safe(subtitle), "font": {"size": 14, "color": "#555"}},
               "x": 0.01, "xanchor": "left", "font": {"size": 22}},
        height=height + 22 * len(lines),
        margin={"t": 100, "b": 70 + 22 * len(lines), "l": 60, "r": 30},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
    )
    if lines:  # the footnotes: one block under the plot
        fig.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", x=0, xanchor="left",
                           showarrow=False, y=0, yanchor="top", yshift=-40, xshift=note_shift,
                           font={"size": 12, "color": "#555"}, align="left")


def source_line(reports: pd.DataFrame, jurisdictions: list[str], lang: str) -> str:
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    agencies = "; ".join(
        f"{(with_pinyin(r.agency, lang) or display_name(reports, r.jurisdiction, lang))} {r.report_year}".strip()
        for r in sel.itertuples()
    )
    return safe(t("source_line", lang, agencies=agencies), note_width(lang))


def years_line(reports: pd.DataFrame, jurisdictions: list[str], lang: str) -> str:
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    years = {r.report_year for r in sel.itertuples()}
    if len(years) <= 1:
        return ""
    parts = ", ".join(f"{display_name(reports, r.jurisdiction, lang)} {r.report_year or '?'}" for r in sel.itertuples())
    return safe(f"{t('footnote_years', lang)}: {parts}", note_width(lang))


def matrix_figure(indicators: pd.DataFrame, reports: pd.DataFrame, config: Config, lang: str,
                  sorted_by: str = "", descending: bool = True) -> go.Figure:
    """The overview: every indicator × every report, values as text, evidence on hover.

    A cell shows the headline with its bound sign (>70%) and a mark where it covers only part of
    the jurisdiction (†) or another period (*); the marks and signs are explained under the
    chart, and the hover gives the report's scope words and the sentence. Over the heatmap lies
    an invisible point per cell at (jurisdiction id, indicator id) carrying its figure key, so a
    click can be read back (``st.plotly_chart(on_select=...)``, ``tables.profile_params``).
    ``sorted_by`` marks the row the columns are ordered by.
    """
    cells = matrix_cells(indicators, config, lang)
    inds = overview_indicators(config)
    cat_ids = [c.id for c in config.categories]
    js = list(reports["jurisdiction"])
    names = [safe(n) for n in column_names(reports, lang)]
    arrow = "▼ " if descending else "▲ "
    ylabels = []
    for ind in inds:
        name = safe(label(config, ind, lang))
        cat = safe(category_label(config, config.indicator(ind).category, lang))
        name = f"<b>{arrow}{name}</b>" if ind == sorted_by else name
        ylabels.append(f"{name}  <span style='color:#888'>{cat}</span>")
    missing = t("not_reported", lang)
    z, text = [], []
    px, py, hover, custom = [], [], [], []
    for ind in inds:
        parity = cat_ids.index(config.indicator(ind).category) % 2
        z.append([parity if (ind, j) in cells else 2 for j in js])
        text.append([safe(cells[(ind, j)].short) if (ind, j) in cells else safe(missing) for j in js])
        for j, name in zip(js, names, strict=True):
            cell = cells.get((ind, j))
            px.append(j)
            py.append(ind)
            custom.append(cell.key if cell else "")
            hover.append(_cell_hover(name, label(config, ind, lang), cell, lang))
    fig = go.Figure(go.Heatmap(  # the colours and values; the hover is the click targets'
        z=z, x=names, y=ylabels, text=text, texttemplate="%{text}", hoverinfo="skip", showscale=False,
        xgap=2, ygap=2, zmin=0, zmax=2, colorscale=[[0, REPORTED[0]], [0.5, REPORTED[1]], [1, MISSING]],
        textfont={"size": 13 if len(js) <= 6 else 11 if len(js) <= 9 else 10},
    ))
    fig.add_scatter(  # the click targets: one invisible point per cell at (jurisdiction id, indicator id) on
        x=px, y=py, xaxis="x2", yaxis="y2", mode="markers", customdata=custom,  # hidden axes over the heatmap's
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        marker={"size": 30, "symbol": "square", "color": "rgba(0,0,0,0)"},
        selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}},
    )
    fig.update_yaxes(range=[len(inds) - 0.5, -0.5], tickfont={"size": 13}, categoryorder="array",
                     categoryarray=ylabels)  # first row on top; the ranges end at the cells' edges
    angle, label_height = column_labels(names)
    fig.update_xaxes(side="top", tickfont={"size": 14}, categoryorder="array", categoryarray=names,
                     range=[-0.5, len(js) - 0.5], tickangle=angle)
    hidden = {"visible": False, "categoryorder": "array", "fixedrange": True}
    fig.update_layout(xaxis2={**hidden, "overlaying": "x", "categoryarray": js, "range": [-0.5, len(js) - 0.5]},
                      yaxis2={**hidden, "overlaying": "y", "categoryarray": inds, "range": [len(inds) - 0.5, -0.5]})
    shown = [c for (_, j), c in cells.items() if j in set(js)]
    _base_layout(fig, t("matrix_title", lang), t("matrix_subtitle", lang),
                 [matrix_legend(shown, lang), years_line(reports, js, lang), source_line(reports, js, lang)],
                 height=40 + 34 * len(inds), note_shift=-250)  # footnotes from the figure's left edge
    fig.update_layout(margin={"l": 260, "t": TITLE_BLOCK + label_height + 10}, hovermode="closest",
                      title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 18}},  # at the top, not
                      # centred in a margin that slanted names make taller (they ran into the subtitle)
                      hoverdistance=-1, clickmode="event+select",
                      dragmode=False)
    return fig


TITLE_BLOCK = 95  # px from a figure's top edge to below its subtitle (title 22 px, subtitle 14 px)


def text_px(text: str, size: int = 14) -> int:
    """About how wide ``text`` (Plotly-escaped, tags allowed) is drawn, in px: a Chinese character a
    full em, anything else a little over half; generous, so that what is sized by it never touches.

    >>> text_px("广州市"), text_px("Xuwen County"), text_px("A &amp; B")
    (42, 96, 40)
    """
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    wide = sum(1 for ch in plain if ord(ch) >= 0x2E80)
    return wide * size + round((len(plain) - wide) * size * 0.57)


def column_labels(names: list[str], width: int = 1000) -> tuple[int, int]:
    """(tick angle, height in px) of the matrix's column names above its cells: level where they fit
    side by side in a plot about ``width`` px wide (the page's narrowest usual width), else slanted by
    30°; the height is what the longest takes, so the top margin keeps them clear of the subtitle."""
    longest = max((text_px(n) for n in names), default=0)
    if longest <= (width - 290) / max(len(names), 1) - 8:
        return 0, 22
    return -30, round(longest * 0.5 + 14 * 0.87) + 6


def _cell_hover(name: str, indicator: str, cell, lang: str) -> str:
    """A matrix cell's hover: where and what, the value in words, the scope note, the sentence."""
    head = f"<b>{name}</b> · {safe(indicator)}"
    if cell is None:
        return f"{head}<br>{safe(t('not_reported', lang))}"
    bound = f" ({safe(t(cell.qualifier, lang))})" if SIGNS.get(cell.qualifier) else ""
    lines = [head, f"{safe(cell.text)}{bound}"]
    if cell.scope:
        what = {"part": "scope_part", "period": "scope_period"}.get(cell.kind, "scope_label")
        lines.append(safe(f"{MARKS.get(cell.kind, '')} {t(what, lang)}: {cell.scope}".strip()))
    lines.append(f"<i>{safe(cell.evidence, 40)}</i>")  # (the page says that a click opens it: not in every hover)
    return "<br>".join(lines)


def matrix_legend(cells: list, lang: str) -> str:
    """The marks and bound signs that appear in these cells, explained (a footnote line)."""
    parts = [t(f"mark_{kind}", lang) for kind in MARKS if any(c.kind == kind for c in cells)]
    if any(SIGNS.get(c.qualifier) for c in cells):
        parts.append(t("bounds_legend", lang))
    return safe("  |  ".join(parts), note_width(lang)) if parts else ""


def comparison_figure(comp: pd.DataFrame, reports: pd.DataFrame, config: Config, lang: str,
                      colors: dict[str, str], log: bool = False, title: str | None = None) -> go.Figure:
    """Bars of one unit kind: sorted bars for one indicator, grouped bars for several, and a panel
    per indicator for counts of different magnitudes (``needs_panels``).

    ``comp`` is ``tables.comparison`` restricted to one unit kind. Bars carry their bound sign
    (>70%); a jurisdiction without a figure is named as not reported, never drawn as zero. The
    Compare page, the slide PNGs and the deck (briefing/pack.py) all draw with this builder.
    """
    inds = list(dict.fromkeys(comp["indicator"]))
    kind = comp["unit_kind"].iloc[0]
    if needs_panels(comp):
        return panels_figure(comp, reports, config, lang, colors, log=log, title=title)
    fig = go.Figure()
    notes = []
    crowded = False
    if len(inds) == 1:
        ind = config.indicator(inds[0])
        data = comp.sort_values(["reported", "value"], ascending=[False, False])
        for r in data.itertuples():
            fig.add_bar(x=[safe(r.name)], y=[r.value if r.reported else None], name=safe(r.name),
                        marker_color=colors.get(r.jurisdiction, "#888"), text=[safe(r.text)],
                        textposition="outside", showlegend=False, hovertext=[safe(r.evidence, 40)],
                        hovertemplate="%{x}: %{text}<br><i>%{hovertext}</i><extra></extra>", cliponaxis=False)
            if not r.reported:
                fig.add_annotation(x=safe(r.name), y=0, yref="y" if not log else "paper", text=safe(r.text),
                                   showarrow=False, yanchor="bottom", font={"color": "#888", "size": 13})
        title = title or (ind.label_en if lang == "en" else ind.label_zh)
        subtitle = f"{ind.describe(lang)} · {t('unit_line', lang, unit=unit(ind.unit, lang))}"
        fig.update_xaxes(categoryorder="array", categoryarray=[safe(n) for n in data["name"]])
    else:
        crowded = comp["jurisdiction"].nunique() >= CROWDED  # labels wider than their bars: stand them up
        for j in dict.fromkeys(comp["jurisdiction"]):
            rows = comp[comp["jurisdiction"] == j]
            fig.add_bar(x=[safe(v) for v in rows["label"]], y=[v if ok else None for v, ok in
                                                                 zip(rows["value"], rows["reported"], strict=True)],
                        name=safe(rows["name"].iloc[0]), marker_color=colors.get(j, "#888"),
                        text=[safe(x) if ok else "" for x, ok in zip(rows["text"], rows["reported"], strict=True)],
                        textposition="outside", textangle=-90 if crowded else 0, cliponaxis=False,
                        hovertext=[safe(e, 40) for e in rows["evidence"]],
                        hovertemplate="%{x} · " + safe(rows["name"].iloc[0]) + ": %{text}<br><i>%{hovertext}</i>"
                                      "<extra></extra>")
        fig.update_layout(barmode="group", bargap=0.25)
        units = " / ".join(dict.fromkeys(unit(config.indicator(i).unit, lang) for i in inds))
        title = title or t("selected_indicators", lang)
        subtitle = f"{t({'percent': 'rates', 'score': 'scores'}.get(kind, 'counts'), lang)} · " \
                   f"{t('unit_line', lang, unit=units)}"
        missing = comp[~comp["reported"]]
        for ind in inds:
            names = missing.loc[missing["indicator"] == ind, "name"].tolist()
            if names:
                notes.append(safe(f"{t('footnote_missing', lang)} · {label(config, ind, lang)}: {', '.join(names)}",
                                  note_width(lang)))
    for r in comp[comp["reported"] & (comp["scope"] != "")].itertuples():
        notes.append(safe(f"{t('footnote_scope', lang)} · {r.name} · {r.label}: {scope_note(r.scope, lang)}",
                          note_width(lang)))
    jurisdictions = list(dict.fromkeys(comp["jurisdiction"]))
    notes += [years_line(reports, jurisdictions, lang), source_line(reports, jurisdictions, lang)]
    _base_layout(fig, title, subtitle, notes)
    fig.update_layout(uniformtext={"minsize": 13, "mode": "show"})
    fig.update_traces(textfont_size=13)
    if kind == "percent":  # room above 100% for a label, standing labels need more
        fig.update_yaxes(ticksuffix="%", range=[0, 130 if crowded else 112], tickvals=list(range(0, 101, 20)))
    if log and kind == "count":
        fig.update_yaxes(type="log")
    return fig


CROWDED = 3  # grouped bars of this many jurisdictions or more: the value labels stand upright

SPREAD = 10  # counts whose largest values differ this many times over get a panel each


def needs_panels(comp: pd.DataFrame) -> bool:
    """Several count indicators whose largest values differ by ``SPREAD`` times or more: on one
    axis the smaller ones would be slivers (11,449 items beside 10), so each gets its own panel."""
    reported = comp[comp["reported"] & (comp["unit_kind"] == "count")]
    tops = reported.groupby("indicator")["value"].max()
    tops = tops[tops > 0]
    return len(tops) > 1 and tops.max() >= SPREAD * tops.min()


def panels_figure(comp: pd.DataFrame, reports: pd.DataFrame, config: Config, lang: str, colors: dict[str, str],
                  log: bool = False, title: str | None = None) -> go.Figure:
    """Small multiples: one panel per indicator, each with its own value axis; jurisdictions as
    horizontal bars in the same order and colour in every panel, named on each row's first panel."""
    from plotly.subplots import make_subplots

    inds = list(dict.fromkeys(comp["indicator"]))
    js = list(dict.fromkeys(comp["jurisdiction"]))
    names = {j: safe(display_name(reports, j, lang)) for j in js}
    cols = min(len(inds), 3)
    rows = -(-len(inds) // cols)
    titles = [safe(f"{label(config, i, lang)} ({unit(config.indicator(i).unit, lang)})") for i in inds]
    height = rows * (130 + 32 * len(js))
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, shared_yaxes=True,  # between rows: room
                        horizontal_spacing=0.05, vertical_spacing=min(0.35, 100 / height))  # for ticks and a title
    missing = t("not_reported", lang)
    for n, ind in enumerate(inds):
        row, col = n // cols + 1, n % cols + 1
        part = comp[comp["indicator"] == ind].set_index("jurisdiction").reindex(js)
        ok = part["reported"].fillna(False).astype(bool)
        what = safe(label(config, ind, lang))
        fig.add_bar(
            x=[v if good else None for v, good in zip(part["value"], ok, strict=True)], y=[names[j] for j in js],
            orientation="h", marker_color=[colors.get(j, "#888") for j in js], showlegend=False,
            text=[safe(x) if good else "" for x, good in zip(part["text"], ok, strict=True)], textposition="outside",
            cliponaxis=False, hovertext=[safe(e, 40) for e in part["evidence"].fillna("")],
            hovertemplate=f"%{{y}} · {what}: %{{text}}<br><i>%{{hovertext}}</i><extra></extra>",
            row=row, col=col)
        for j, good in zip(js, ok, strict=True):
            if not good:
                fig.add_annotation(x=0, y=names[j], xref=f"x{n + 1 if n else ''}", yref=f"y{n + 1 if n else ''}",
                                   text=safe(missing), showarrow=False, xanchor="left", xshift=4,
                                   font={"color": "#888", "size": 13})
        top = part.loc[ok, "value"].max() if ok.any() else 1
        if log:
            fig.update_xaxes(type="log", row=row, col=col)
        else:
            fig.update_xaxes(range=[0, top * 1.3], row=row, col=col)  # room for the value label
        fig.update_xaxes(showgrid=True, row=row, col=col)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[names[j] for j in js],
                     automargin=True)
    for n in range(len(inds), rows * cols):  # an empty cell of the grid: no axes drawn
        fig.update_xaxes(visible=False, row=n // cols + 1, col=n % cols + 1)
        fig.update_yaxes(visible=False, row=n // cols + 1, col=n % cols + 1)
    notes = [safe(f"{t('footnote_scope', lang)} · {r.name} · {r.label}: {scope_note(r.scope, lang)}", note_width(lang))
             for r in comp[comp["reported"] & (comp["scope"] != "")].itertuples()]
    notes += [years_line(reports, js, lang), source_line(reports, js, lang)]
    units = " / ".join(dict.fromkeys(unit(config.indicator(i).unit, lang) for i in inds))
    subtitle = f"{t('counts', lang)} · {t('own_axis', lang)} · {t('unit_line', lang, unit=units)}"
    _base_layout(fig, title or t("selected_indicators", lang), subtitle, notes, height=height)
    fig.update_layout(uniformtext={"minsize": 12, "mode": "show"}, bargap=0.25, margin={"t": 130})
    fig.update_traces(textfont_size=13)
    return fig


def category_title(config: Config, chosen: list[str], lang: str) -> str | None:
    """The category's name when every chosen indicator is of one category."""
    cats = {config.indicator(i).category for i in chosen}
    return category_label(config, cats.pop(), lang) if len(cats) == 1 else None


def theme_heatmap(counts: pd.DataFrame, reports: pd.DataFrame, config: Config, lang: str,
                  raw: bool = False) -> go.Figure:
    """Jurisdictions × themes, per 10,000 characters (or raw counts), the numbers in the cells."""
    value = "count" if raw else "per_10k"
    themes = list(config.themes)
    js = list(dict.fromkeys(counts["jurisdiction"]))
    table = counts.pivot(index="theme", columns="jurisdiction", values=value).reindex(
        index=[th.id for th in themes], columns=js)
    raw_table = counts.pivot(index="theme", columns="jurisdiction", values="count").reindex(
        index=[th.id for th in themes], columns=js)
    names = [safe(display_name(reports, j, lang)) for j in js]
    labels = [safe(th.label_en if lang == "en" else th.label_zh) for th in themes]
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=names, y=labels, colorscale="Blues", texttemplate="%{z:d}" if raw else "%{z:.1f}",
        customdata=raw_table.to_numpy(), hovertemplate="%{y} · %{x}: %{z:.4g} (%{customdata})<extra></extra>",
        colorbar={"title": {"text": t("per_10k" if not raw else "count", lang)}}, xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    chars = ", ".join(f"{display_name(reports, j, lang)} {int(c):,}"
                      for j, c in counts.groupby("jurisdiction", sort=False)["characters"].first().items())
    _base_layout(fig, t("themes_title", lang), t("themes_subtitle_raw" if raw else "themes_subtitle", lang),
                 [safe(f"{t('characters', lang)}: {chars}", note_width(lang)), years_line(reports, js, lang),
                  source_line(reports, js, lang)], height=60 + 40 * len(themes))
    fig.update_layout(margin={"l": 220, "t": 150})
    return fig


def keyword_bars(keywords: dict, reports: pd.DataFrame, lang: str, colors: dict[str, str], top: int = 10) -> go.Figure:
    """Distinctive keywords of each report as ranked bars, one column per jurisdiction."""
    from plotly.subplots import make_subplots

    js = list(keywords)
    fig = make_subplots(rows=1, cols=max(len(js), 1), subplot_titles=[safe(display_name(reports, j, lang)) for j in js],
                        horizontal_spacing=0.06)
    for c, j in enumerate(js, 1):
        kws = keywords[j][:top]
        fig.add_bar(x=[k.score for k in kws], y=[safe(k.word) for k in kws], orientation="h", row=1, col=c,
                    marker_color=colors.get(j, "#888"), showlegend=False,
                    customdata=[k.count for k in kws], hovertemplate="%{y}: %{customdata}×<extra></extra>")
        fig.update_yaxes(autorange="reversed", row=1, col=c)
        fig.update_xaxes(showticklabels=False, row=1, col=c)
    _base_layout(fig, t("keywords_title", lang), t("keywords_subtitle", lang),
                 [years_line(reports, js, lang), source_line(reports, js, lang)], height=520)
    fig.update_layout(margin={"t": 160})
    return fig


def distribution_figure(values: pd.DataFrame, highlight: list[str], reports: pd.DataFrame, config: Config,
                        indicator: str, lang: str, colors: dict[str, str]) -> go.Figure:
    """Every jurisdiction's headline for one indicator as a box and strip; the chosen ones marked.

    ``values``: rows with jurisdiction, value, qualifier, unit (headlines of that indicator).
    """
    ind = config.indicator(indicator)
    fig = go.Figure()
    fig.add_box(x=values["value"], name="", boxpoints="all", jitter=0.5, pointpos=0, orientation="h",
                marker={"color": "#9AA5B1", "size": 5}, line={"color": "#5B6770"}, fillcolor="rgba(0,0,0,0)",
                hoverinfo="x", showlegend=False)
    chosen = values[values["jurisdiction"].isin(highlight)]
    for r in chosen.itertuples():
        name = safe(display_name(reports, r.jurisdiction, lang))
        fig.add_scatter(x=[r.value], y=[""], mode="markers+text", name=name, text=[name], textposition="top center",
                        marker={"color": colors.get(r.jurisdiction, "#000"), "size": 13, "line": {"width": 1}},
                        showlegend=False)
    title = (ind.label_en if lang == "en" else ind.label_zh)
    subtitle = f"{t('distribution_subtitle', lang, n=len(values))} · {t('unit_line', lang, unit=unit(ind.unit, lang))}"
    js = list(values["jurisdiction"])
    notes = [years_line(reports, js, lang) if len(js) <= 12 else "", source_line(reports, js, lang)
             if len(js) <= 12 else safe(t("source_many", lang, n=len(js)), note_width(lang))]
    _base_layout(fig, title, subtitle, notes, height=340)
    if ind.unit == "%":
        fig.update_xaxes(ticksuffix="%")
    return fig


BOUND_SYMBOLS = {"more_than": "triangle-up", "at_least": "triangle-up", "less_than": "triangle-down",
                 "approx": "diamond"}  # a point's marker says which way its bound goes
POINT_LABELS = 6  # with up to this many lines every point carries its value; beyond, only bounds do


def label_places(points: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Where each point's label goes, so that the labels of one year do not cover each other: the
    highest point's above it, the lowest's below, those between to the right.

    >>> pts = pd.DataFrame({"jurisdiction": ["a", "b", "c", "a"], "year": [2021, 2021, 2021, 2022],
    ...                     "value": [1677.0, 1755.0, 900.0, 1820.0]})
    >>> label_places(pts)
    {('b', 2021): 'top center', ('a', 2021): 'middle right', ('c', 2021): 'bottom center', ('a', 2022): 'top center'}
    """
    out: dict[tuple[str, int], str] = {}
    for year, same in points.groupby("year", sort=False):
        ranked = same.sort_values("value", ascending=False, kind="stable")["jurisdiction"].tolist()
        for i, j in enumerate(ranked):
            out[(j, year)] = ("top center" if i == 0 else "bottom center" if i == len(ranked) - 1
                              else "middle right")
    return out


def year_span(years: list[int]) -> str:
    """Report years in few characters: a run of years as first–last.

    >>> year_span([2020, 2021, 2022, 2024]), year_span([2019])
    ('2020–2022, 2024', '2019')
    """
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def trend_sources(reports: pd.DataFrame, jurisdictions: list[str], lang: str, most: int = 12) -> str:
    """The source line of a trend chart: each agency (or jurisdiction) with the years of its reports
    (徐闻县政务服务数据管理局 2021–2023); beyond ``most`` jurisdictions, how many reports."""
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    if len(set(sel["jurisdiction"])) > most:
        return safe(t("source_many", lang, n=len(sel)), note_width(lang))
    groups: dict[str, list[int]] = {}
    for r in sel.itertuples():
        who = with_pinyin(r.agency, lang) or display_name(reports, r.jurisdiction, lang)
        groups.setdefault(who, []).extend([int(r.report_year)] if str(r.report_year).isdigit() else [])
    agencies = "; ".join(f"{who} {year_span(ys)}".strip() for who, ys in groups.items())
    return safe(t("source_line", lang, agencies=agencies), note_width(lang))


def trend_figure(rows: pd.DataFrame, reports: pd.DataFrame, config: Config, indicator: str, lang: str,
                 colors: dict[str, str]) -> go.Figure:
    """One indicator over the report years: a line per jurisdiction (``trends.trend_rows`` of it).

    A point is a report's headline, with its bound sign (>70%) and scope mark (†, *) in its label
    and its bound in the marker's shape (▲ more than or at least, ▼ less than, ◆ about); a year
    without a figure (not reported, or no report that year) is a gap: the line is not joined
    across it, and nothing is drawn at zero. The footnotes explain the marks, name who reports no
    figure at all, give the scope notes and the reports (agency and year) behind every point.
    """
    from .trends import REPORTED

    ind = config.indicator(indicator)
    part = rows[rows["indicator"] == indicator]
    js = list(dict.fromkeys(part["jurisdiction"]))
    drawn = [j for j in js if (part.loc[part["jurisdiction"] == j, "status"] == REPORTED).any()]
    every_label = len(drawn) <= POINT_LABELS
    fig = go.Figure()
    notes, cells = [], []
    places = label_places(part[part["status"] == REPORTED])
    for j in drawn:
        s = part[part["jurisdiction"] == j].sort_values("year")
        ok = (s["status"] == REPORTED).tolist()
        name = safe(s["name"].iloc[0])
        color = colors.get(j, "#888")
        texts = [safe(x) if good and (every_label or SIGNS.get(q)) else ""
                 for x, q, good in zip(s["short"], s["qualifier"], ok, strict=True)]
        hover = [f"<b>{name}</b> · {y}: {safe(x)}" + (f"<br>{safe(scope_note(sc, lang), 40)}" if sc else "")
                 + f"<br><i>{safe(e, 40)}</i>" if good else ""
                 for y, x, sc, e, good in zip(s["year"], s["text"], s["scope"], s["evidence"], ok, strict=True)]
        fig.add_scatter(
            x=s["year"].tolist(), y=[v if good else None for v, good in zip(s["value"], ok, strict=True)],
            mode="lines+markers+text", name=name, connectgaps=False, cliponaxis=False,
            line={"color": color, "width": 2.5}, text=texts,
            textposition=[places.get((j, y), "top center") for y in s["year"]],
            textfont={"size": 13, "color": color}, hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": color, "size": 11, "symbol": [BOUND_SYMBOLS.get(q, "circle") for q in s["qualifier"]],
                    "line": {"width": 1, "color": "#fff"}})
        for r in s[s["status"] == REPORTED].itertuples():
            cells.append(r)
            if r.scope:
                notes.append(safe(f"{t('footnote_scope', lang)} · {s['name'].iloc[0]} {r.year}: "
                                  f"{MARKS.get(r.kind, '')} {scope_note(r.scope, lang)}".replace("  ", " "),
                                  note_width(lang)))
    missing = [display_name(reports, j, lang) for j in js if j not in drawn]
    if missing:
        notes.insert(0, safe(f"{t('footnote_missing', lang)}: {', '.join(missing)}", note_width(lang)))
    legend = matrix_legend(cells, lang)
    notes = [legend, safe(t("trend_gaps", lang), note_width(lang)), *notes, trend_sources(reports, js, lang)]
    title = ind.label_en if lang == "en" else ind.label_zh
    subtitle = f"{t('trend_subtitle', lang)} · {t('unit_line', lang, unit=unit(ind.unit, lang))}"
    _base_layout(fig, title, subtitle, notes, height=480)
    shown = part.loc[part["jurisdiction"].isin(drawn), "year"]
    if len(shown):  # every year from the first drawn to the last, each once, as a whole number
        years = list(range(int(shown.min()), int(shown.max()) + 1))
        fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[str(y) for y in years], showgrid=False,
                         range=[years[0] - 0.5, years[-1] + 0.5])
    if ind.unit == "%":
        fig.update_yaxes(range=[0, 109], tickvals=[0, 20, 40, 60, 80, 100],
                         ticktext=[f"{v}%" for v in (0, 20, 40, 60, 80, 100)])
    else:
        fig.update_yaxes(rangemode="tozero", tickformat=",~r")  # 12,000 (not 12k) in either language
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top",
                              "title": {"text": safe(t("jurisdictions", lang))}},
                      margin={"r": 40}, hovermode="closest")
    return fig
