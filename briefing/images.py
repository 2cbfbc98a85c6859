"""Slide images: PNG and SVG of the dashboard's figures, drawn by kaleido on Debian's chromium.

The kaleido server is started once per process (``start``); later exports reuse it.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import plotly.graph_objects as go

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ASPECTS = {"16:9": (1920, 1080), "4:3": (1600, 1200)}
_started = False
# An empty base map, where plotly.js fetches one before drawing any geo map (even with every base
# layer hidden): the fragment (#) drops the file name it appends. Maps (dashboard/maps.py) draw
# from their own GeoJSON, so neither the page nor kaleido asks the network.
TOPOJSON = "data:application/json,%7B%22type%22%3A%22Topology%22%2C%22objects%22%3A%7B%7D%2C%22arcs%22%3A%5B%5D%7D#"


class ImagesUnavailable(RuntimeError):
    """Image export cannot run here; the message says what to install."""


def available() -> bool:
    return CHROMIUM.exists()


def check() -> None:
    """Raise ``ImagesUnavailable`` where chromium is missing."""
    if not available():
        raise ImagesUnavailable(
            f"slide images need Debian's chromium at {CHROMIUM} and fonts-noto-cjk "
            "(apt-get install --no-install-recommends chromium fonts-noto-cjk); CSV and Excel exports still work"
        )


def start() -> None:
    """Start kaleido's browser once per process; raise ``ImagesUnavailable`` where chromium is missing."""
    global _started
    if _started:
        return
    check()
    import kaleido

    kaleido.start_sync_server(path=str(CHROMIUM), mathjax=False, silence_warnings=True)
    _started = True


def for_slide(fig: go.Figure, aspect: str = "16:9") -> go.Figure:
    """A copy of ``fig`` (any of dashboard/charts.py's, small multiples too) sized for a slide,
    with type large enough to read from the back."""
    width, height = ASPECTS[aspect]
    out = copy.deepcopy(fig)
    lines = len(out.layout.annotations or [])
    panels = any(a.yref == "paper" and a.yanchor == "bottom" for a in out.layout.annotations or [])
    out.update_layout(width=width, height=height, font_size=20, title_font_size=34,
                      title_subtitle_font_size=20, legend_font_size=18,
                      margin={"t": 180 if panels else 140, "b": 90 + 26 * lines, "l": out.layout.margin.l or 80,
                              "r": 40})  # panels: their titles stand above them, under the subtitle
    lines = sum(a.text.count("<br>") + 1 for a in out.layout.annotations or [] if a.yanchor == "top")
    out.update_layout(margin={"b": 90 + 26 * lines})
    for ann in out.layout.annotations or []:
        if ann.yref == "paper" and ann.y == 0 and ann.yanchor == "top":  # the footnotes
            ann.update(font_size=16, yshift=-50)
        else:  # a label in the plot, such as 'not reported'
            ann.update(font_size=18)
    out.update_traces(textfont_size=20, selector={"type": "bar"})
    return out


def render(fig: go.Figure, fmt: str = "png", aspect: str = "16:9") -> bytes:
    """The slide image of ``fig`` as PNG or SVG bytes."""
    import kaleido

    start()
    slide = for_slide(fig, aspect)
    width, height = ASPECTS[aspect]
    # topojson: maps draw from their own GeoJSON; the empty base map keeps plotly.js off the network
    return kaleido.calc_fig_sync(slide, opts={"format": fmt, "width": width, "height": height}, topojson=TOPOJSON)
