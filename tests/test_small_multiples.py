"""Counts that span orders of magnitude (11,449 items beside 10): each indicator in its own panel
with its own axis, on screen, in the slide PNGs and in the deck, from one figure builder."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pptx import Presentation

from briefing import images
from briefing.pack import Selection, build, category_figures
from dashboard import charts, data, tables

SERVICE_ITEMS = ["service_items_total", "licensing_items", "power_list_items", "one_thing_items", "cross_region_items"]


@pytest.fixture(scope="module")
def frames() -> data.Frames:
    return data.load()


def _figure(frames, inds: list[str], lang: str = "en", log: bool = False):
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, inds, frames.jurisdictions, lang)
    return charts.comparison_figure(comp[comp["unit_kind"] == "count"], frames.reports, frames.config, lang,
                                    data.colors(frames.jurisdictions), log=log)


def _value_axes(fig) -> list[str]:
    """The value axes drawn (an empty cell of the grid has its axes hidden)."""
    return sorted(k for k, v in fig.layout.to_plotly_json().items() if k.startswith("xaxis") and v.get("visible", True))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_of_different_magnitudes_get_a_panel_each(frames, lang: str) -> None:
    fig = _figure(frames, SERVICE_ITEMS, lang)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert {tr.xaxis for tr in bars} == {"x", "x2", "x3", "x4", "x5"}  # one value axis per indicator
    assert len(_value_axes(fig)) == 5
    for axis in {tr.xaxis for tr in bars}:  # on its own axis, each panel's largest bar is long
        values = [v for tr in bars if tr.xaxis == axis for v in tr.x if v is not None]
        top = fig.layout[f"xaxis{axis[1:]}"].range[1]
        assert max(values) / top > 0.6, (axis, values, top)
    titles = [a.text for a in fig.layout.annotations if a.yref == "paper" and a.yanchor == "bottom"]
    for ind in SERVICE_ITEMS:
        assert any(tables.label(frames.config, ind, lang) in title for title in titles), titles


def test_the_smallest_counts_are_readable_not_slivers(frames) -> None:
    fig = _figure(frames, SERVICE_ITEMS)
    cross = next(tr for tr in fig.data if tr.type == "bar" and "10" in "".join(tr.text or []))
    axis = fig.layout[f"xaxis{cross.xaxis[1:]}"]
    assert max(v for v in cross.x if v is not None) / axis.range[1] > 0.2  # 10 items: not 0.1% of 11,449


def test_counts_of_one_magnitude_stay_grouped_on_one_axis(frames) -> None:
    fig = _figure(frames, ["admin_reconsideration_cases", "admin_litigation_cases"])
    assert {(tr.xaxis or "x", tr.yaxis or "y") for tr in fig.data if tr.type == "bar"} == {("x", "y")}
    assert fig.layout.barmode == "group"


def test_a_missing_figure_is_named_in_its_panel(frames) -> None:
    fig = _figure(frames, SERVICE_ITEMS, "en")
    in_panels = [a for a in fig.layout.annotations if a.text == "not reported"]
    assert len(in_panels) == 2 + 4 + 3 + 2 + 3  # the reports without each of the five indicators


def test_the_log_switch_applies_to_every_panel(frames) -> None:
    fig = _figure(frames, SERVICE_ITEMS, log=True)
    assert all(fig.layout[a].type == "log" for a in _value_axes(fig))


def test_the_pack_draws_the_same_figure_as_the_screen(frames) -> None:
    sel = Selection(SERVICE_ITEMS, frames.jurisdictions, "zh")
    ((_, title, figs),) = category_figures(frames, sel)
    comp = tables.comparison(frames.figures(frames.jurisdictions, SERVICE_ITEMS, primary_only=True), frames.reports,
                             frames.config, SERVICE_ITEMS, frames.jurisdictions, "zh")
    screen = charts.comparison_figure(comp, frames.reports, frames.config, "zh", data.colors(frames.jurisdictions),
                                      title=title)
    assert figs[0].to_json() == screen.to_json()
    assert len(_value_axes(figs[0])) == 5


def test_a_slide_keeps_the_panels_and_their_axes(frames) -> None:
    slide = images.for_slide(_figure(frames, SERVICE_ITEMS))
    assert len(_value_axes(slide)) == 5
    titles = [a for a in slide.layout.annotations if a.yref == "paper" and a.yanchor == "bottom"]
    assert titles and all(a.font.size >= 18 for a in titles)


needs_chromium = pytest.mark.skipif(not images.available(), reason="IMAGE TESTS SKIPPED: no chromium")


@needs_chromium
def test_slide_png_and_deck_show_the_panels(frames) -> None:
    pack = build(frames, Selection(SERVICE_ITEMS, frames.jurisdictions, "en"))
    assert pack.problems == []
    png = pack.files["charts/service_items_1.png"]
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size == (1920, 1080)
    prs = Presentation(io.BytesIO(pack.files["briefing.pptx"]))
    pictures = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.blob == png
    # on the slide every reported bar is long enough to see: Xuwen's 10 cross-region items too
    (_, _, figs), = category_figures(frames, Selection(SERVICE_ITEMS, frames.jurisdictions, "en"))
    svg = images.render(figs[0], "svg").decode()
    across = figs[0].data[0].orientation == "h"  # the bars' length runs along x, else along y
    lengths = []
    for d in re.findall(r'<g class="point"><path d="(M[^"]+)"', svg):
        n = [float(x) for x in re.findall(r"-?[\d.]+", d)]
        if len(n) == 5:  # M x0,y0 V y1 H x1 V y0 Z; an absent bar is 'M0,0Z'
            lengths.append(abs(n[3] - n[0]) if across else abs(n[2] - n[1]))
    assert len(lengths) == 11  # the reported figures of the five indicators
    assert min(lengths) > 40, sorted(lengths)
