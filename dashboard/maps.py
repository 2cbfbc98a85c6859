"""The Map page's computation: each report on its own area (by adcode), one indicator's headline
figures joined to those areas, bins for counts that span orders of magnitude, the hover text,
and the figure. No Streamlit inside.

Levels are ``geometry.LEVELS`` (province, prefecture, county). A report is drawn at the level of
its own code (a province's 440000, a prefecture's 440100, a county's 440825); at a chosen level,
the reports of that level are drawn over those of the levels above it, so a province's report
fills its province and a county's report within it sits on top. A report without a code, or
with a code that has no boundary, is left off the map with a note, never placed on a guess.

Maps are drawn by Plotly's ``choropleth`` from the project's own GeoJSON: no tiles, no network.
Plotly.js still asks for a base-map file (world_110m.json) before drawing any geo map, even
with every base layer hidden; ``TOPOJSON`` answers it with an empty map inside the page itself.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from briefing.images import TOPOJSON
from extract.config import Config

from . import geometry
from .charts import _base_layout, matrix_legend, note_width, png_config, safe, source_line
from .data import display_name
from .labels import level as level_label
from .labels import t, unit
from .tables import MARKS, SIGNS, label, matrix_cells, unit_kind

LEVELS = geometry.LEVELS
RANK = {lv: i for i, lv in enumerate(LEVELS)}
MISSING = "#D5D5D5"  # not reported: grey, darker than the white of the provinces around
BACKGROUND = "#FFFFFF"
SCALE = "YlGnBu"  # sequential, colour-blind safe; its palest end is left out (it would read as empty)
SPREAD = 10  # counts whose largest value is this many times the smallest get a legend of bins
LABELS_UP_TO = 30  # areas named on the map itself when no more than this many are drawn
COARSE_FROM = 45.0  # degrees of longitude in view: a pixel of a map ~1,000 px wide is then ≥ 0.045°, and
# areas are drawn from the coarser boundaries (geometry.TOLERANCE["coarse"]), a pixel off at most


def code_level(code: str | None) -> str | None:
    """The level a 6-digit adcode names, by its shape; None for anything else.

    >>> [code_level(c) for c in ("440000", "440100", "440825", "44082", "", None)]
    ['province', 'prefecture', 'county', None, None, None]
    """
    if not isinstance(code, str) or len(code) != 6 or not code.isdigit():
        return None
    if code[2:] == "0000":
        return "province"
    return "prefecture" if code[4:] == "00" else "county"


def boundary_level(code: str | None, layers: dict[str, Iterable[str]]) -> str | None:
    """The level whose boundaries hold ``code``: its own first, then the ones above it (a county-level
    city governed by its province, 仙桃市 429004, has its area among the prefectures).

    >>> layers = {"province": {"420000"}, "prefecture": {"421200", "429004"}, "county": {"440825"}}
    >>> [boundary_level(c, layers) for c in ("440825", "429004", "421200", "420000", "110105", None)]
    ['county', 'prefecture', 'prefecture', 'province', None, None]
    """
    own = code_level(code)
    if own is None:
        return None
    for lv in reversed(LEVELS[: RANK[own] + 1]):
        if code in layers[lv]:
            return lv
    return None


@functools.cache
def _layers() -> dict[str, frozenset[str]]:
    return {lv: frozenset(geometry.features(lv)) for lv in LEVELS}


def place(reports: pd.DataFrame, layers: dict[str, Iterable[str]] | None = None
          ) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """Each readable report on its area: a frame of ``jurisdiction, adcode, map_level``; and the
    reports left off as (jurisdiction, why, code), why being 'failed', 'no_adcode' or 'no_boundary'."""
    layers = layers if layers is not None else _layers()
    codes = reports["adcode"] if "adcode" in reports else pd.Series("", index=reports.index)
    status = reports["status"] if "status" in reports else pd.Series("ok", index=reports.index)
    placed, left_off = [], []
    for j, code, ok in zip(reports["jurisdiction"].tolist(), codes.fillna("").tolist(), status.tolist(), strict=True):
        code = str(code)
        if ok != "ok":
            left_off.append((j, "failed", code))
        elif not code:
            left_off.append((j, "no_adcode", ""))
        elif (lv := boundary_level(code, layers)) is None:
            left_off.append((j, "no_boundary", code))
        else:
            placed.append((j, code, lv))
    return pd.DataFrame(placed, columns=["jurisdiction", "adcode", "map_level"]), left_off


def bin_edges(values: Sequence[float], kind: str) -> list[float]:
    """Edges of a legend of bins, for counts that span orders of magnitude; [] for a continuous scale.

    Whole decades where the values span more than two, else steps of 1, 2 and 5; only the bins the
    values reach; a first edge of 0 where a value is below the first step.

    >>> bin_edges([10, 11449], "count")
    [10, 100, 1000, 10000, 100000]
    >>> bin_edges([3, 45], "count")
    [2, 5, 10, 20, 50]
    >>> bin_edges([0, 40, 900], "count")
    [0, 20, 50, 100, 200, 500, 1000]
    >>> bin_edges([40, 90], "count"), bin_edges([35.0, 99.0], "percent"), bin_edges([5], "count")
    ([], [], [])
    """
    values = [float(v) for v in values if v is not None and not math.isnan(v)]
    positive = [v for v in values if v > 0]
    if kind != "count" or len(positive) < 2 or max(positive) < SPREAD * min(positive):
        return []
    low, high = math.floor(math.log10(min(positive))), math.floor(math.log10(max(positive))) + 1
    steps = (1,) if high - low > 2 else (1, 2, 5)
    edges = [10 ** d * s for d in range(low, high) for s in steps] + [10 ** high]
    edges = [int(e) if e >= 1 else e for e in edges]
    while len(edges) > 2 and edges[1] <= min(positive):
        edges.pop(0)
    while len(edges) > 2 and edges[-2] > max(positive):
        edges.pop()
    if min(values) < edges[0]:
        edges.insert(0, 0)
    return edges


def bin_index(value: float, edges: Sequence[float]) -> int:
    """The bin of ``value``: [edges[i], edges[i + 1]), the last one closed.

    >>> [bin_index(v, [10, 100, 1000]) for v in (10, 99, 100, 1000, 5, 5000)]
    [0, 0, 1, 1, 0, 1]
    """
    return min(max(bisect.bisect_right(edges, value) - 1, 0), len(edges) - 2)


def bin_labels(edges: Sequence[float]) -> list[str]:
    """'10–100', '1,000–10,000': one label per bin.

    >>> bin_labels([0, 20, 50, 1000])
    ['0–20', '20–50', '50–1,000']
    """
    def number(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:g}"

    return [f"{number(a)}–{number(b)}" for a, b in itertools.pairwise(edges)]


def colours(n: int) -> list[str]:
    """``n`` colours of the sequential scale, pale to dark (its palest tenth left out)."""
    if n == 1:
        return sample_colorscale(SCALE, [0.6])
    return sample_colorscale(SCALE, [0.15 + 0.85 * i / (n - 1) for i in range(n)])


def map_rows(placed: pd.DataFrame, heads: pd.DataFrame, reports: pd.DataFrame, config: Config, indicator: str,
             level: str, lang: str) -> pd.DataFrame:
    """One row per area drawn at ``level``: the report shown there and its figure.

    Areas of ``level`` and of the levels above it are drawn (``depth``: 0 province, 1 prefecture,
    2 county; deeper ones on top). Where several reports share an area, the one shown is one that
    gives the figure, the latest year first; the others are named in the hover. ``heads`` holds the
    headline rows of ``indicator``. Columns: ``jurisdiction, adcode, map_level, depth, name,
    reported, value, text, kind, key, hover, others``.
    """
    heads = heads[heads["indicator"] == indicator]
    cells = matrix_cells(heads, config, lang)
    values = dict(zip(heads["jurisdiction"].tolist(), heads["value"].tolist(), strict=True))
    years = dict(zip(reports["jurisdiction"].tolist(), reports["report_year"].tolist(), strict=True))
    levels = dict(zip(reports["jurisdiction"].tolist(), reports["level"].tolist(), strict=True))
    drawn = placed[placed["map_level"].map(RANK) <= RANK[level]]
    what = label(config, indicator, lang)
    rows = []
    groups: dict[tuple[str, str], list[str]] = {}  # (adcode, level) -> its reports, in order (no groupby: 0.3 s)
    columns = (drawn[c].tolist() for c in ("jurisdiction", "adcode", "map_level"))  # lists: no pyarrow per item
    for j, code, lv in zip(*columns, strict=True):
        groups.setdefault((code, lv), []).append(j)
    for (code, lv), given in groups.items():
        ids = sorted(given, key=lambda j: ((indicator, j) not in cells, -_year(years.get(j)), given.index(j)))
        j, others = ids[0], [display_name(reports, o, lang) for o in ids[1:]]
        cell = cells.get((indicator, j))
        name = display_name(reports, j, lang)
        rows.append({
            "jurisdiction": j, "adcode": code, "map_level": lv, "depth": RANK[lv], "name": name,
            "reported": cell is not None,
            "value": float(values[j]) if cell else math.nan,
            "text": cell.text if cell else t("not_reported", lang), "kind": cell.kind if cell else "",
            "key": cell.key if cell else "",
            "hover": hover(name, level_label(levels.get(j) or "", lang), what, cell, years.get(j), others, lang),
            "others": others,
        })
    columns = ["jurisdiction", "adcode", "map_level", "depth", "name", "reported", "value", "text", "kind", "key",
               "hover", "others"]
    out = pd.DataFrame(rows, columns=columns).astype({"depth": int, "reported": bool, "value": float})
    return out.sort_values("depth", kind="stable").reset_index(drop=True)


def _year(value: object) -> int:
    return int(value) if str(value).isdigit() else 0


def hover(name: str, level_name: str, indicator: str, cell, year: object, others: list[str], lang: str) -> str:
    """An area's hover: where, the figure with its bound in words, the scope note, the year, the
    sentence, other reports of the place, and that a click opens the profile. All escaped.

    >>> hover("徐闻县", "县", "网上可办率", None, "2021", [], "zh")
    '<b>徐闻县</b> · 县<br>网上可办率:未报告<br>2021<br>点击查看档案'
    """
    lines = [f"<b>{safe(name)}</b>" + (f" · {safe(level_name)}" if level_name else "")]
    if cell is None:
        lines.append(f"{safe(indicator)}:{safe(t('not_reported', lang))}" if lang == "zh"
                     else f"{safe(indicator)}: {safe(t('not_reported', lang))}")
    else:
        bound = f" ({safe(t(cell.qualifier, lang))})" if SIGNS.get(cell.qualifier) else ""
        lines.append(f"{safe(indicator)}{':' if lang == 'zh' else ': '}{safe(cell.text)}{bound}")
        if cell.scope:
            what = {"part": "scope_part", "period": "scope_period"}.get(cell.kind, "scope_label")
            lines.append(safe(f"{MARKS.get(cell.kind, '')} {t(what, lang)}: {cell.scope}".strip()))
    if str(year or "").strip():
        lines.append(safe(str(year)))
    if cell is not None:
        lines.append(f"<i>{safe(cell.evidence, 40)}</i>")
    if others:
        lines.append(safe(t("map_others", lang, names=", ".join(others)), 40))
    lines.append(safe(t("map_click", lang)))
    return "<br>".join(lines)


@dataclass(frozen=True)
class MapView:
    """What the Map page draws and says: the rows drawn, the reports left off, the figure."""

    rows: pd.DataFrame
    left_off: list[tuple[str, str, str]]
    finer: int  # reports at a level below the one chosen (not drawn at it)
    figure: go.Figure
    notes: list[str] = field(default_factory=list)


def map_view(reports: pd.DataFrame, heads: pd.DataFrame, config: Config, indicator: str, level: str,
             lang: str) -> MapView:
    """Everything the Map page shows for ``indicator`` at ``level``: ``reports`` are the reports to
    place (the sidebar's choice), ``heads`` the headline rows of ``indicator`` among them."""
    placed, left_off = place(reports)
    rows = map_rows(placed, heads, reports, config, indicator, level, lang)
    finer = int((placed["map_level"].map(RANK) > RANK[level]).sum())
    notes = []
    if finer:
        deepest = max((lv for lv in placed["map_level"]), key=RANK.get)
        notes.append(t("map_finer", lang, n=finer, level=t(f"map_{deepest}", lang)))
    if left_off:
        notes.append(not_placed_note(reports, left_off, lang))
    fig = map_figure(rows, config, indicator, reports, lang, notes)
    return MapView(rows, left_off, finer, fig, notes)


def not_placed_note(reports: pd.DataFrame, left_off: list[tuple[str, str, str]], lang: str, most: int = 8) -> str:
    """'Not on the map: 某县 (administrative code not decided), …': the first ``most`` of them, then a count."""
    why = {"failed": lambda c: t("map_failed", lang), "no_adcode": lambda c: t("map_no_adcode", lang),
           "no_boundary": lambda c: t("map_no_boundary", lang, code=c)}
    items = [f"{display_name(reports, j, lang)} ({why[reason](code)})" for j, reason, code in left_off[:most]]
    if len(left_off) > most:
        items.append(f"+{len(left_off) - most}")
    return t("map_not_placed", lang, items=", ".join(items))


def map_figure(rows: pd.DataFrame, config: Config, indicator: str, reports: pd.DataFrame, lang: str,
               notes: list[str] | None = None) -> go.Figure:
    """The choropleth: every province outlined, each drawn area in the colour of its figure (bins
    for counts spanning orders of magnitude), grey where not reported, shallower levels first.

    Each drawn area carries ``customdata`` = [jurisdiction, figure key] for a click (``profile_target``).
    """
    ind = config.indicator(indicator)
    kind = unit_kind(config, indicator)
    reported = rows[rows["reported"]]
    edges = bin_edges(reported["value"].tolist(), kind)
    lon, lat = view_box(rows)
    coarse = lon[1] - lon[0] >= COARSE_FROM
    fig = go.Figure()
    outline = _outline()
    codes = [f["id"] for f in outline["features"]]
    fig.add_choropleth(geojson=outline, locations=codes, z=[0] * len(codes), showscale=False, hoverinfo="skip",
                       colorscale=[[0, BACKGROUND], [1, BACKGROUND]], marker_line_color="#A8A8A8",
                       marker_line_width=0.6, name="")
    for lv in LEVELS:
        part = rows[rows["map_level"] == lv]
        for is_reported in (False, True):
            sub = part[part["reported"] == is_reported]
            if sub.empty:
                continue
            areas = sub["adcode"].tolist()
            trace = {
                "geojson": _collection(lv, areas, coarse), "locations": areas,
                "customdata": [[j, k] for j, k in zip(sub["jurisdiction"].tolist(), sub["key"].tolist(), strict=True)],
                "hovertext": sub["hover"].tolist(), "hovertemplate": "%{hovertext}<extra></extra>",
                "marker_line_color": "#FFFFFF" if is_reported else "#8C8C8C",  # grey areas: edged, to be seen
                "marker_line_width": 0.8 if lv == "county" else 1.2, "name": "",
            }
            if is_reported:
                z = [bin_index(v, edges) for v in sub["value"].tolist()] if edges else sub["value"].tolist()
                fig.add_choropleth(z=z, coloraxis="coloraxis", **trace)
            else:
                fig.add_choropleth(z=[0] * len(sub), colorscale=[[0, MISSING], [1, MISSING]], showscale=False, **trace)
    if 0 < len(rows) <= LABELS_UP_TO:
        _add_names(fig, rows)
    units = unit(ind.unit, lang)
    _colour_axis(fig, reported["value"].tolist(), edges, t("unit_line", lang, unit=units), kind)
    js = rows["jurisdiction"].tolist()
    source = "" if not js else source_line(reports, js, lang) if len(js) <= 12 else safe(
        t("source_many", lang, n=len(js)), note_width(lang))
    lines = [safe(n, note_width(lang)) for n in notes or []]
    lines += [matrix_legend(_marks(rows), lang), source, safe(t("map_source", lang), note_width(lang))]
    title = ind.label_en if lang == "en" else ind.label_zh
    subtitle = f"{t('map_subtitle', lang)} · {t('unit_line', lang, unit=units)}"
    _base_layout(fig, title, subtitle, lines, height=640)
    fig.update_geos(visible=False, projection_type="mercator", lonaxis_range=lon, lataxis_range=lat,
                    bgcolor="rgba(0,0,0,0)")
    fig.update_layout(margin={"l": 20, "r": 20, "t": 110}, clickmode="event+select", dragmode=False,
                      hovermode="closest")
    return fig


@dataclass(frozen=True)
class _Mark:
    kind: str
    qualifier: str


def _marks(rows: pd.DataFrame) -> list[_Mark]:
    """What ``matrix_legend`` needs of the drawn figures: their scope kind and bound."""
    out = []
    for r in rows[rows["reported"]].itertuples():
        sign = next((q for q, s in SIGNS.items() if s and r.text.startswith(s)), "exact")
        out.append(_Mark(r.kind, sign))
    return out


def scale_range(values: list[float], kind: str) -> tuple[float, float]:
    """The colour scale's ends: from 0, so that colour follows the value and does not stretch small
    differences (96.6% beside 100% is not pale beside dark); rates end at 100%.

    >>> scale_range([96.58, 100.0], "percent"), scale_range([8.9, 9.5], "score"), scale_range([], "count")
    ((0.0, 100.0), (0.0, 9.5), (0.0, 1.0))
    """
    high = max([v for v in values if not math.isnan(v)], default=0.0)
    if kind == "percent":
        high = max(high, 100.0)
    return 0.0, float(high) if high > 0 else 1.0


def _colour_axis(fig: go.Figure, values: list[float], edges: list[float], title: str, kind: str) -> None:
    if edges:
        n = len(edges) - 1
        cs = colours(n)
        scale = [step for i, c in enumerate(cs) for step in ([i / n, c], [(i + 1) / n, c])]
        fig.update_layout(coloraxis={"colorscale": scale, "cmin": -0.5, "cmax": n - 0.5, "colorbar": {
            "title": {"text": safe(title)}, "tickvals": list(range(n)), "ticktext": bin_labels(edges),
            "thickness": 18, "len": 0.7}})
        return
    cs = colours(6)
    scale = [[i / 5, c] for i, c in enumerate(cs)]
    low, high = scale_range(values, kind)
    fig.update_layout(coloraxis={"colorscale": scale, "cmin": low, "cmax": high, "colorbar": {
        "title": {"text": safe(title)}, "thickness": 18, "len": 0.7}})


class Shared(dict):
    """GeoJSON that a figure holds by reference: Plotly deep-copies every trace when it is added
    and again in ``to_dict`` (which ``st.plotly_chart`` calls), a second each at 3,000 counties;
    boundaries are never changed after loading, so a copy of them is themselves.

    >>> import copy
    >>> g = Shared(type="FeatureCollection", features=[])
    >>> copy.deepcopy({"geojson": g})["geojson"] is g
    True
    """

    def __deepcopy__(self, memo: dict) -> Shared:
        return self


def _slim(feature: dict) -> dict:
    """A feature as the browser needs it: its id and outline; no name or label point (0.17 MB at 3,000)."""
    return {"type": "Feature", "id": feature["id"], "geometry": feature["geometry"]}


@functools.cache
def _outline() -> Shared:
    return Shared(type="FeatureCollection", features=[_slim(f) for f in geometry.boundaries()["outline"]["features"]])


@functools.cache
def _drawn(level: str, coarse: bool) -> dict[str, dict]:
    return {code: _slim(f) for code, f in geometry.features(level, coarse).items()}


def _collection(level: str, codes: list[str], coarse: bool = False) -> Shared:
    """A FeatureCollection of these areas only: a page sends the browser the areas it draws
    (``coarse``: simplified for a map of the whole country)."""
    feats = _drawn(level, coarse)
    return Shared(type="FeatureCollection", features=[feats[c] for c in codes])


def _add_names(fig: go.Figure, rows: pd.DataFrame) -> None:
    """Each drawn area's name and figure on the map (few areas only)."""
    lon, lat, text = [], [], []
    for r in rows.itertuples():
        x, y = geometry.features(r.map_level)[r.adcode]["properties"]["label"]
        lon.append(x)
        lat.append(y)
        text.append(f"  {safe(r.name)} {safe(r.text)}")
    fig.add_scattergeo(lon=lon, lat=lat, text=text, mode="text", hoverinfo="skip", showlegend=False,
                       textposition="middle right", textfont={"size": 12, "color": "#222"})  # beside the area


def view_box(rows: pd.DataFrame, pad: float = 0.1, least: tuple[float, float] = (8.0, 6.0), wide: float = 1.6
             ) -> tuple[list[float], list[float]]:
    """Longitude and latitude ranges around the drawn areas (the whole country when none), padded,
    at least ``least`` degrees, and ``wide`` times wider than high (the figure's shape), so the
    map fills the figure rather than a strip of it."""
    if rows.empty:
        return [73.0, 135.5], [17.5, 54.0]
    boxes = [_bbox(lv, code) for lv, code in zip(rows["map_level"].tolist(), rows["adcode"].tolist(), strict=True)]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    w, h = max(x1 - x0, least[0]), max(y1 - y0, least[1])
    w, h = max(w, h * wide), max(h, w / wide)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = w * (1 + 2 * pad), h * (1 + 2 * pad)
    return [cx - w / 2, cx + w / 2], [cy - h / 2, cy + h / 2]


@functools.cache
def _bbox(level: str, code: str) -> tuple[float, float, float, float]:
    geom = geometry.features(level)[code]["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def plot_config(filename: str) -> dict:
    """``st.plotly_chart``'s config for a map: the camera button's slide PNG, and the empty base map."""
    return {**png_config(filename), "topojsonURL": TOPOJSON}


def profile_target(points: list[dict]) -> dict[str, str] | None:
    """The profile's address for a click on an area (``st.plotly_chart`` selection points): a
    reported area opens its figure (?jur=…&fig=…), a grey one the report's profile; a click
    elsewhere (the provinces around, a name) opens nothing.

    >>> profile_target([{"customdata": ["xuwen", "full_online_rate-10-20"]}])
    {'jur': 'xuwen', 'fig': 'full_online_rate-10-20'}
    >>> profile_target([{"customdata": ["xianning", ""]}]), profile_target([{"location": "440000"}])
    ({'jur': 'xianning'}, None)
    """
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) == 2 and isinstance(data[0], str) and data[0]:
            return {"jur": data[0], "fig": data[1]} if data[1] else {"jur": data[0]}
    return None


def table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data behind the map: one row per area drawn."""
    return pd.DataFrame({
        t("jurisdiction", lang): rows["name"], "adcode": rows["adcode"],
        t("map_level", lang): [t(f"map_{lv}", lang) for lv in rows["map_level"]],
        t("value", lang): rows["text"],
    })


def json_size(fig: go.Figure) -> int:
    """Bytes of the figure as sent to the browser (for the benchmark)."""
    return len(json.dumps(fig.to_plotly_json(), default=str))
