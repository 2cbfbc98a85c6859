"""The Map page: reports placed by adcode, figures joined to areas, bins, hover; and the page under AppTest."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import geometry, maps

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["xuwen", "guangzhou", "xianning", "xingguo", "wushen"]
SEED_LEVELS = {"xuwen": "county", "guangzhou": "prefecture", "xianning": "prefecture", "xingguo": "county",
               "wushen": "county"}


# --- the boundary file ---------------------------------------------------------------------------

def test_the_boundary_file_is_compact_and_holds_every_level() -> None:
    assert geometry.PATH.stat().st_size < 3_000_000  # "a few MB" at most: 1.1 MB
    counts = {lv: len(geometry.features(lv)) for lv in geometry.LEVELS}
    assert counts["province"] == 34 and counts["prefecture"] > 330 and counts["county"] > 2800
    for lv in geometry.LEVELS:
        for code, feature in list(geometry.features(lv).items())[:50]:
            assert maps.code_level(code) is not None and feature["properties"]["level"] == lv
            assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_the_seeds_areas_are_in_the_boundary_file(config) -> None:
    for j in config.jurisdictions:
        assert maps.boundary_level(j.adcode, maps._layers()) == SEED_LEVELS[j.id], j.id


def _signed_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def test_rings_are_wound_as_plotly_reads_them() -> None:
    """Exterior rings clockwise (negative area): the other way d3-geo fills the whole globe outside them."""
    for lv in geometry.LEVELS:
        for feature in list(geometry.features(lv).values())[::40]:
            geom = feature["geometry"]
            polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
            assert all(_signed_area(poly[0]) < 0 for poly in polys), feature["id"]


# --- placing reports -----------------------------------------------------------------------------

LAYERS = {"province": {"440000", "420000"}, "prefecture": {"440100", "421200", "429004"},
          "county": {"440825"}}

PLACED = [  # (adcode, status) -> (placed at, or why left off)
    pytest.param("440825", "ok", "county", id="county"),
    pytest.param("440100", "ok", "prefecture", id="prefecture"),
    pytest.param("440000", "ok", "province", id="province"),
    pytest.param("429004", "ok", "prefecture", id="county-level-city-under-its-province"),
    pytest.param("", "ok", "no_adcode", id="no-code"),
    pytest.param("411023", "ok", "no_boundary", id="code-since-changed"),
    pytest.param("440825", "error", "failed", id="failed-report"),
]


@pytest.mark.parametrize(("code", "status", "expected"), PLACED)
def test_place(code: str, status: str, expected: str) -> None:
    reports = pd.DataFrame({"jurisdiction": ["j"], "adcode": [code], "status": [status]})
    placed, left_off = maps.place(reports, LAYERS)
    got = placed["map_level"].tolist() + [why for _, why, _ in left_off]
    assert got == [expected]


def test_reports_of_data_without_an_adcode_column_are_all_noted() -> None:
    reports = pd.DataFrame({"jurisdiction": ["a", "b"], "status": ["ok", "ok"]})
    placed, left_off = maps.place(reports, LAYERS)
    assert placed.empty and [why for _, why, _ in left_off] == ["no_adcode", "no_adcode"]


# --- bins ----------------------------------------------------------------------------------------

BINS = [  # (values, unit kind) -> edges
    pytest.param([10, 11449], "count", [10, 100, 1000, 10000, 100000], id="four-decades"),
    pytest.param([3, 45], "count", [2, 5, 10, 20, 50], id="one-two-five"),
    pytest.param([0, 40, 900], "count", [0, 20, 50, 100, 200, 500, 1000], id="a-zero"),
    pytest.param([40, 90], "count", [], id="one-magnitude: continuous"),
    pytest.param([30.0, 99.9], "percent", [], id="rates: continuous"),
    pytest.param([7], "count", [], id="one-value"),
    pytest.param([10, 100], "count", [10, 20, 50, 100, 200], id="exact-decade"),
]


@pytest.mark.parametrize(("values", "kind", "edges"), BINS)
def test_bin_edges(values: list, kind: str, edges: list) -> None:
    got = maps.bin_edges(values, kind)
    assert got == edges
    for v in values:  # every value falls in a bin of its own range
        if got:
            i = maps.bin_index(v, got)
            assert got[i] <= v <= got[i + 1]


def test_bin_labels_and_colours() -> None:
    assert maps.bin_labels([10, 100, 1000, 10000]) == ["10–100", "100–1,000", "1,000–10,000"]
    shades = maps.colours(4)
    assert len(set(shades)) == 4  # distinct, pale to dark
    assert maps.colours(1) and maps.scale_range([96.6, 100.0], "percent") == (0.0, 100.0)


# --- joining figures to areas --------------------------------------------------------------------

@pytest.fixture(scope="module")
def frames():
    from dashboard import data

    return data.load()


def _view(frames, indicator: str, level: str, lang: str = "zh", reports: pd.DataFrame | None = None):
    reports = frames.reports if reports is None else reports
    heads = frames.figures(list(reports["jurisdiction"]), [indicator], primary_only=True)
    return maps.map_view(reports, heads, frames.config, indicator, level, lang)


LEVEL_ROWS = [  # (indicator, level) -> areas drawn: coloured, grey
    pytest.param("online_available_rate", "county", {"xuwen", "guangzhou", "xingguo", "wushen"}, {"xianning"},
                 id="county: all five"),
    pytest.param("online_available_rate", "prefecture", {"guangzhou"}, {"xianning"}, id="prefecture: two cities"),
    pytest.param("online_available_rate", "province", set(), set(), id="province: no provincial report"),
    pytest.param("review_score", "county", {"xuwen"}, {"guangzhou", "xianning", "xingguo", "wushen"},
                 id="one reports it"),
]


@pytest.mark.parametrize(("indicator", "level", "coloured", "grey"), LEVEL_ROWS)
def test_map_rows(frames, indicator: str, level: str, coloured: set, grey: set) -> None:
    rows = _view(frames, indicator, level).rows
    assert set(rows.loc[rows["reported"], "jurisdiction"]) == coloured
    assert set(rows.loc[~rows["reported"], "jurisdiction"]) == grey
    assert rows["depth"].is_monotonic_increasing  # shallower levels first: deeper areas are drawn on top
    assert all(math.isnan(v) for v in rows.loc[~rows["reported"], "value"])


def test_a_lower_level_is_noted_when_a_higher_one_is_chosen(frames) -> None:
    view = _view(frames, "online_available_rate", "prefecture", "en")
    assert view.finer == 3
    assert any("3 more reports at a lower level: choose \"Counties\"" in n for n in view.notes)


def test_hover_gives_bound_scope_and_sentence(frames) -> None:
    rows = _view(frames, "materials_reduction", "county").rows.set_index("jurisdiction")
    hover = rows.loc["guangzhou", "hover"]
    assert "广州市" in hover and "66%†" in hover and "部分范围" in hover and "点击查看档案" in hover
    rows = _view(frames, "time_limit_compression", "county", "en").rows.set_index("jurisdiction")
    assert "&gt;70%" in rows.loc["guangzhou", "text"].replace(">", "&gt;") or rows.loc["guangzhou", "text"] == ">70%"
    assert "(more than)" in rows.loc["guangzhou", "hover"]
    assert "not reported" in _view(frames, "review_score", "county", "en").rows.set_index(
        "jurisdiction").loc["wushen", "hover"]


def test_report_text_in_the_hover_is_escaped() -> None:
    from dashboard.tables import Cell

    cell = Cell("5项", "exact", "part", "<b>试点</b>", "<script>x</script>", "k-1-2")
    text = maps.hover("<i>县</i>", "县", "指标", cell, "2021", ["<a>"], "zh")
    assert "<script>" not in text and "&lt;script&gt;" in text and "<i>县</i>" not in text and "<a>" not in text


def test_several_reports_of_one_place_show_the_one_with_the_figure(frames) -> None:
    two = pd.concat([frames.reports, frames.reports[frames.reports["jurisdiction"] == "xuwen"].assign(
        jurisdiction="xuwen_2022", report_year="2022", name_zh="徐闻县2022")], ignore_index=True)
    rows = _view(frames, "review_score", "county", reports=two).rows.set_index("adcode")
    assert rows.loc["440825", "jurisdiction"] == "xuwen"  # the 2022 copy gives no figure here
    assert "徐闻县2022" in rows.loc["440825", "hover"]


def test_counts_spanning_orders_of_magnitude_get_a_legend_of_bins(frames) -> None:
    fig = _view(frames, "info_published", "county", "en").figure  # 22, 11,586 and 56,853 items
    bar = fig.layout.coloraxis.colorbar
    assert list(bar.ticktext) == ["10–100", "100–1,000", "1,000–10,000", "10,000–100,000"]
    assert bar.title.text == "Unit: items"
    z = sorted(v for trace in fig.data if getattr(trace, "coloraxis", None) for v in trace.z)
    assert z == [0, 3, 3]  # each in its decade's colour
    same_magnitude = _view(frames, "service_items_total", "county").figure.layout.coloraxis  # 1,677 to 11,449
    assert same_magnitude.colorbar.ticktext is None and same_magnitude.cmin == 0
    rates = _view(frames, "online_available_rate", "county").figure.layout.coloraxis
    assert (rates.cmin, rates.cmax, rates.colorbar.ticktext) == (0, 100, None)


def test_a_click_target_is_read_back() -> None:
    table = [
        ([{"customdata": ["xuwen", "review_score-1-2"]}], {"jur": "xuwen", "fig": "review_score-1-2"}),
        ([{"customdata": ["xianning", ""]}], {"jur": "xianning"}),
        ([{"location": "440000", "z": 0}], None),  # the provinces around
        ([], None),
    ]
    for points, expected in table:
        assert maps.profile_target(points) == expected


def test_view_box_fits_the_areas_in_the_figure_shape(frames) -> None:
    rows = _view(frames, "online_available_rate", "county").rows
    (x0, x1), (y0, y1) = maps.view_box(rows)
    assert x0 < 109 and x1 > 116 and y0 < 20.3 and y1 > 39.5  # Xuwen in the south to Wushen in the north
    assert (x1 - x0) >= 1.6 * (y1 - y0) - 1e-9
    assert maps.view_box(rows.iloc[0:0]) == ([73.0, 135.5], [17.5, 54.0])


# --- the page --------------------------------------------------------------------------------------

def run(uploads: dict | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "map.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if uploads:
        at.session_state["uploads"] = uploads
    return at.run()


def specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def coloured_and_grey(spec: dict) -> tuple[set[str], set[str]]:
    coloured, grey = set(), set()
    for trace in spec["data"]:
        if trace["type"] != "choropleth" or "customdata" not in trace:
            continue
        ids = {c[0] for c in trace["customdata"]}
        (coloured if trace.get("coloraxis") else grey).update(ids)
    return coloured, grey


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("indicator", ["online_available_rate", "service_items_total", "materials_reduction",
                                       "hotline_satisfaction"])
def test_the_page_colours_every_seed_that_reports_the_indicator(frames, lang: str, indicator: str) -> None:
    at = run(lang=lang, ind=indicator, at="county")
    assert not at.exception, at.exception
    (spec,) = specs(at)
    reporting = set(frames.figures(SEEDS, [indicator], primary_only=True)["jurisdiction"])
    assert coloured_and_grey(spec) == (reporting, set(SEEDS) - reporting)
    assert at.title[0].value == ("Map" if lang == "en" else "地图")
    assert spec["layout"]["title"]["text"] == frames.config.indicator(indicator).__getattribute__(f"label_{lang}")
    assert (at.query_params["ind"], at.query_params["at"]) in ((indicator, "county"), ([indicator], ["county"]))


@pytest.mark.parametrize("level", ["province", "prefecture", "county"])
def test_the_page_at_each_level(level: str) -> None:
    at = run(lang="en", at=level)
    assert not at.exception, at.exception
    (spec,) = specs(at)
    coloured, grey = coloured_and_grey(spec)
    assert len(coloured | grey) == {"province": 0, "prefecture": 2, "county": 5}[level]
    assert at.segmented_control(key="map_level").value == level


def test_the_level_and_indicator_change_the_map() -> None:
    at = run(lang="zh")
    before = specs(at)[0]
    at.segmented_control(key="map_level").set_value("prefecture").run()
    at.selectbox(key="map_indicator").set_value("service_items_total").run()
    after = specs(at)[0]
    assert not at.exception
    assert coloured_and_grey(after) == ({"guangzhou"}, {"xianning"}) != coloured_and_grey(before)


def test_a_report_without_a_code_is_left_off_with_a_note(frames) -> None:
    from dashboard import data
    from extract.config import Jurisdiction
    from extract.readers import read_bytes

    text = "朝阳区政务服务管理局2022年工作总结\n全区网上可办率达99%。\n".encode()
    juris = Jurisdiction(id="chaoyang", name_zh="朝阳区", report_year=2022, report="")  # two 朝阳区: no code
    upload = data.extract_upload(frames.config, juris, read_bytes(text, ".txt", "chaoyang.txt"))
    for lang, name, why in (("zh", "未上图:朝阳区", "(无法确定行政区划代码)"),
                            ("en", "Not on the map: 朝阳区 (", "(administrative code not decided)")):  # with pinyin
        at = run({"chaoyang": upload}, lang=lang)
        assert not at.exception, at.exception
        (spec,) = specs(at)
        notes = " ".join(a["text"] for a in spec["layout"]["annotations"]).replace("<br>", "")
        assert name in notes and why in notes.split(name)[1][:60]
        coloured, grey = coloured_and_grey(spec)
        assert "chaoyang" not in coloured | grey and {"xuwen", "wushen"} <= coloured


# --- speed: what the map sends -----------------------------------------------------------------

def test_plotly_writes_figures_with_orjson(monkeypatch) -> None:
    """requirements.txt pins orjson; plotly.io ('auto') writes every figure with it (the map's 2 MB at
    3,000 counties in 0.03 s rather than 0.15 s)."""
    import orjson
    import plotly.io as pio

    calls = []
    dumps = orjson.dumps
    monkeypatch.setattr(orjson, "dumps", lambda *a, **k: calls.append(1) or dumps(*a, **k))
    assert pio.json.config.default_engine in ("auto", "orjson")
    assert json.loads(pio.to_json({"data": [{"type": "bar", "y": [1, 2]}], "layout": {}}))["data"][0]["y"] == [1, 2]
    assert calls


def test_the_whole_country_is_drawn_from_coarser_boundaries(frames) -> None:
    """A map of the whole country draws its areas at the coarser tolerance (fewer points, the
    same areas); a map of a region at the finer one; the browser gets ids and outlines only."""
    fine = maps._collection("county", ["440825"])["features"][0]
    coarse = maps._collection("county", ["440825"], coarse=True)["features"][0]
    assert fine["id"] == coarse["id"] == "440825" and set(fine) == {"type", "id", "geometry"}
    assert _points(coarse) < _points(fine)
    total = {c: sum(map(_points, geometry.features("county", c).values())) for c in (False, True)}
    assert total[True] < total[False] / 2  # 56,000 points rather than 135,000
    assert set(geometry.features("county", True)) == set(geometry.features("county"))

    def drawn(rows: pd.DataFrame) -> int:
        fig = maps.map_figure(rows, frames.config, "online_available_rate", frames.reports, "en")
        return sum(_points(f) for tr in fig.data[1:] if tr.type == "choropleth" for f in tr.geojson["features"])

    def points(rows: pd.DataFrame, coarse: bool) -> int:
        areas = zip(rows["map_level"], rows["adcode"], strict=True)
        return sum(_points(geometry.features(lv, coarse)[c]) for lv, c in areas)

    seeds = maps.map_view(frames.reports, frames.figures(SEEDS, ["online_available_rate"], primary_only=True),
                          frames.config, "online_available_rate", "county", "en").rows
    by_lon = sorted(geometry.features("county"), key=lambda c: geometry.features("county")[c]["properties"]["label"])
    far = seeds.assign(adcode=[by_lon[0], by_lon[-1], *list(seeds["adcode"])[2:]],  # Xinjiang to Heilongjiang
                       map_level=["county", "county", *list(seeds["map_level"])[2:]])
    assert maps.view_box(seeds)[0][1] - maps.view_box(seeds)[0][0] < maps.COARSE_FROM
    assert maps.view_box(far)[0][1] - maps.view_box(far)[0][0] >= maps.COARSE_FROM
    assert drawn(seeds) == points(seeds, False) > points(seeds, True)
    assert drawn(far) == points(far, True) < points(far, False)


def _points(feature: dict) -> int:
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return sum(len(ring) for poly in polys for ring in poly)
