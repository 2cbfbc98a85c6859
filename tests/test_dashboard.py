"""The dashboard's computation, called directly: formatting, tables, figures, search, escaping."""

from __future__ import annotations

import pytest

from dashboard import charts, data, tables
from dashboard.text_views import highlighted, search


@pytest.fixture(scope="module")
def frames() -> data.Frames:
    return data.load()


@pytest.mark.parametrize(("value", "unit", "q", "expected"), [
    pytest.param(70.0, "%", "more_than", ">70%", id="more-than"),
    pytest.param(35.0, "件", "approx", "≈35件", id="approx"),
    pytest.param(90.0, "%", "at_least", "≥90%", id="at-least"),
    pytest.param(500.0, "项", "less_than", "<500项", id="less-than"),
    pytest.param(7671000.0, "件", "exact", "7,671,000件", id="thousands"),
    pytest.param(96.08, "%", "exact", "96.08%", id="decimal"),
    pytest.param(float("nan"), "%", "exact", "", id="missing"),
])
def test_format_value(value: float, unit: str, q: str, expected: str) -> None:
    assert tables.format_value(value, unit, q) == expected


def test_matrix_covers_every_indicator_and_report(frames) -> None:
    m = tables.matrix(frames.indicators, frames.reports, frames.config, "en")
    assert m.shape == (len(tables.overview_indicators(frames.config)), len(frames.reports))
    assert (m == "not reported").sum().sum() > 0
    assert "0" not in set(m.to_numpy().ravel())


def test_comparison_keeps_missing_rows(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["review_score"],
                             frames.jurisdictions, "zh")
    assert len(comp) == len(frames.jurisdictions)
    assert comp["reported"].sum() == 1
    assert comp.loc[~comp["reported"], "value"].isna().all()


def test_figure_stands_alone(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["materials_reduction"],
                             frames.jurisdictions, "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert fig.layout.title.text == "Fewer documents"
    assert "Unit: %" in fig.layout.title.subtitle.text
    assert "Report years" in notes and "Source:" in notes
    assert "Scope · Guangzhou" in notes  # a pilot district's figure is footnoted
    assert notes.count("not reported") == 2


@pytest.mark.parametrize("count, upright", [(2, False), (charts.CROWDED, True)])
def test_grouped_value_labels_stand_upright_when_bars_are_narrow(frames, count: int, upright: bool) -> None:
    """Five jurisdictions' 100% and 100% side by side: labels wider than their bars would touch."""
    comp = tables.comparison(frames.indicators, frames.reports, frames.config,
                             ["online_available_rate", "full_online_rate"], frames.jurisdictions[:count], "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    assert {bar.textangle for bar in fig.data} == {-90 if upright else 0}
    assert fig.layout.yaxis.range[1] > 100 and max(fig.layout.yaxis.tickvals) == 100  # no 120% tick


def test_colours_are_steady(frames) -> None:
    assert data.colors(frames.jurisdictions) == data.colors(list(frames.jurisdictions))
    assert len(set(data.colors(frames.jurisdictions).values())) == len(frames.jurisdictions)


def test_report_text_is_escaped() -> None:
    out = highlighted('<script>alert(1)</script> 共12项', [(30, 33, 'a"b', "<i>")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'id="a&quot;b"' in out and 'title="&lt;i&gt;"' in out
    assert charts.safe("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_search_is_script_blind() -> None:
    texts = {"a": "實現一網通辦率達100%", "b": "一网通办改革", "c": "无关"}
    hits = search(texts, "一網通辦")
    assert [(h.jurisdiction, h.match) for h in hits] == [("a", "一網通辦"), ("b", "一网通办")]


def test_fast_search_finds_both_scripts_too() -> None:
    texts = {"a": "實現一網通辦率達100%", "b": "一网通办改革", "c": "无关"}
    for query in ("一網通辦", "一网通办"):
        hits = search(texts, query, convert=False)
        assert [(h.jurisdiction, h.match) for h in hits] == [("a", "一網通辦"), ("b", "一网通办")]
