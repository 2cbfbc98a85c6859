"""English mode is English: unit words, place and agency names with pinyin, labelled scope notes,
and every level in Chinese in Chinese mode (dashboard/labels.py and the figures that use it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import charts, data, tables, uploads
from dashboard.labels import LEVELS, UNITS, level, pinyin, scope_note, unit, unit_suffix, with_pinyin
from extract import load_config

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def frames() -> data.Frames:
    return data.load()


UNIT_WORDS = [  # (unit as the report writes it, value, English, Chinese)
    pytest.param("项", 1677.0, "items", "项", id="items"),
    pytest.param("项", 1.0, "item", "项", id="one-item"),
    pytest.param("件", 35.0, "cases", "件", id="cases"),
    pytest.param("条", 22.0, "items", "条", id="entries-of-a-list"),
    pytest.param("分", 98.5, "points", "分", id="score-points"),
    pytest.param("個", 37.0, "items", "個", id="traditional-script"),
    pytest.param("%", 96.0, "%", "%", id="percent"),
    pytest.param("个工作日", 3.0, "working days", "个工作日", id="working-days"),
    pytest.param("", None, "", "", id="no-unit"),
]


@pytest.mark.parametrize(("word", "value", "en", "zh"), UNIT_WORDS)
def test_unit_words(word: str, value: float | None, en: str, zh: str) -> None:
    assert unit(word, "en", value) == en
    assert unit(word, "zh", value) == zh


@pytest.mark.parametrize(("value", "word", "q", "lang", "expected"), [
    pytest.param(1677.0, "项", "exact", "en", "1,677 items", id="en-count"),
    pytest.param(35.0, "件", "approx", "en", "≈35 cases", id="en-bound"),
    pytest.param(70.0, "%", "more_than", "en", ">70%", id="en-percent-no-space"),
    pytest.param(1677.0, "项", "exact", "zh", "1,677项", id="zh-unchanged"),
])
def test_values_read_in_the_language(value: float, word: str, q: str, lang: str, expected: str) -> None:
    assert tables.format_value(value, unit_suffix(word, lang, value), q) == expected


def test_every_unit_the_extractor_can_give_has_an_english_word() -> None:
    config = load_config(ROOT / "config.yaml", check_reports=False)
    given = {u for kind in config.numbers.units.values() for u in kind} | {i.unit for i in config.indicators}
    assert len(given) > 20  # the check saw config.yaml's units
    assert sorted(u for u in given if u not in UNITS) == []
    assert all(not HAN.search(unit(u, "en", 2.0)) for u in given if u != "万元")


def test_every_level_the_extractor_writes_is_chinese_in_chinese_mode() -> None:
    config = load_config(ROOT / "config.yaml", check_reports=False)
    source = (ROOT / "extract" / "metadata.py").read_text("utf-8")
    written = set(config.levels.values()) | {j.level for j in config.jurisdictions}
    written |= {w for w in ("county-level city", "prefecture-level city", "municipality") if f'"{w}"' in source}
    assert {"province", "autonomous region", "municipality", "prefecture", "new area", "development zone",
            "autonomous county", "county-level city"} <= written
    missing = sorted(w for w in written if w not in LEVELS)
    assert missing == []
    assert all(HAN.search(level(w, "zh")) for w in written)
    assert level("county", "en") == "county"


PINYIN = [  # (name, pinyin): word by word, a place's level word apart, no tone marks
    pytest.param("广东省", "Guangdong Sheng", id="province"),
    pytest.param("内蒙古自治区", "Neimenggu Zizhiqu", id="autonomous-region"),
    pytest.param("鄂尔多斯市", "E'erduosi Shi", id="apostrophe-before-a-vowel"),
    pytest.param("乌审旗政务服务局", "Wushen Qi Zhengwu Fuwuju", id="banner-agency"),
    pytest.param("广州市政务服务数据管理局", "Guangzhou Shi Zhengwu Fuwu Shuju Guanliju", id="city-agency"),
    pytest.param("長沙縣", "Changsha Xian", id="traditional-script-polyphone"),
    pytest.param("重庆市", "Chongqing Shi", id="polyphone-chong"),
    pytest.param("绿春县", "Lüchun Xian", id="u-umlaut"),
    pytest.param("湘西土家族苗族自治州", "Xiangxi Tujiazu Miaozu Zizhizhou", id="long-stem-cut-again"),
    pytest.param("12345热线", "12345 Rexian", id="digits-kept"),
    pytest.param("青禾县政务服务局", "Qinghe Xian Zhengwu Fuwuju", id="a-place-no-dictionary-knows"),
    pytest.param("北京经济技术开发区", "Beijing Jingji Jishu Kaifaqu", id="development-zone"),
]


@pytest.mark.parametrize(("name", "expected"), PINYIN)
def test_pinyin_of_names(name: str, expected: str) -> None:
    assert pinyin(name) == expected


def test_pinyin_does_not_change_when_the_themes_page_adds_names() -> None:
    from themes.segment import add_names

    before = pinyin.__wrapped__("乌审旗政务服务局")
    add_names(["乌审旗"], ["乌审旗政务服务局"])  # now one word of the segmenter
    assert pinyin.__wrapped__("乌审旗政务服务局") == before == "Wushen Qi Zhengwu Fuwuju"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    pytest.param("广东省", "en", "广东省 (Guangdong Sheng)", id="beside-the-chinese"),
    pytest.param("广东省", "zh", "广东省", id="chinese-mode-unchanged"),
    pytest.param("Guangzhou", "en", "Guangzhou", id="latin-unchanged"),
    pytest.param("", "en", "", id="empty-stays-empty"),
    pytest.param(None, "en", "", id="missing-stays-empty"),
    pytest.param(float("nan"), "en", "", id="nan-is-not-a-name"),
])
def test_with_pinyin(text: object, lang: str, expected: str) -> None:
    assert with_pinyin(text, lang) == expected  # type: ignore[arg-type]


def test_scope_notes_are_marked_as_the_reports_words() -> None:
    assert scope_note("越秀区试点", "en") == "“越秀区试点” (the report's words)"
    assert scope_note("越秀区试点", "zh") == "越秀区试点"
    assert scope_note("", "en") == ""


def _chart_text(fig) -> str:
    parts = [fig.layout.title.text or "", fig.layout.title.subtitle.text or ""]
    parts += [a.text for a in fig.layout.annotations]
    for trace in fig.data:
        parts += [str(x) for x in (trace.text or ())]
    return "\n".join(parts)


def test_one_count_chart_in_english_says_items(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["service_items_total"],
                             frames.jurisdictions, "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    assert "Unit: items" in fig.layout.title.subtitle.text
    bars = [str(x) for trace in fig.data for x in (trace.text or ())]
    assert "1,677 items" in bars  # Xuwen's headline
    assert not any(w in "".join(bars) for w in "项条件个")


def test_several_count_indicators_in_english_name_their_units(frames) -> None:
    inds = ["service_items_total", "hotline_requests"]
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, inds, frames.jurisdictions, "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    assert "Unit: items / cases" in fig.layout.title.subtitle.text


def test_score_chart_in_english_says_points(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["review_score"],
                             frames.jurisdictions, "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    assert "Unit: points" in fig.layout.title.subtitle.text


def test_english_chart_gives_agencies_in_pinyin_and_marks_scope(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["materials_reduction"],
                             frames.jurisdictions, "en")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "en", data.colors(frames.jurisdictions))
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "Guangzhou Shi Zhengwu Fuwu Shuju Guanliju" in notes.replace("<br>", " ")
    assert "“越秀区试点” (the report's words)" in notes


def test_chinese_chart_keeps_chinese_units_and_plain_scope(frames) -> None:
    comp = tables.comparison(frames.indicators, frames.reports, frames.config, ["service_items_total"],
                             frames.jurisdictions, "zh")
    fig = charts.comparison_figure(comp, frames.reports, frames.config, "zh", data.colors(frames.jurisdictions))
    assert "单位:项" in fig.layout.title.subtitle.text
    assert "1,677项" in _chart_text(fig)
    assert "Guanliju" not in _chart_text(fig)


def test_distribution_in_english_says_items(frames) -> None:
    values = frames.figures(None, ["service_items_total"], primary_only=True)
    fig = charts.distribution_figure(values, ["xuwen"], frames.reports, frames.config, "service_items_total", "en",
                                     data.colors(frames.jurisdictions))
    assert "Unit: items" in fig.layout.title.subtitle.text


def test_english_matrix_has_no_chinese_unit_words(frames) -> None:
    m = tables.matrix(frames.indicators, frames.reports, frames.config, "en")
    cells = [c for c in m.to_numpy().ravel() if c != "not reported"]
    assert cells and not [c for c in cells if HAN.search(c)]
    assert "1,677 items" in cells
    zh = tables.matrix(frames.indicators, frames.reports, frames.config, "zh")
    assert "1,677项" in set(zh.to_numpy().ravel())


@pytest.mark.parametrize(("lang", "expected", "absent"), [
    pytest.param("en", "1,677 items", "1,677项", id="en-items"),
    pytest.param("zh", "1,677项", "1,677 items", id="zh-xiang"),
])
def test_the_upload_preview_gives_units_in_the_language(frames, lang: str, expected: str, absent: str) -> None:
    mine = frames.indicators[frames.indicators["jurisdiction"] == "xuwen"]
    table = uploads.figures_table(mine, frames.config, lang)
    assert expected in set(table["value"]) and absent not in set(table["value"])


@pytest.mark.parametrize(("row", "lang", "expected"), [
    pytest.param(("county", "广东省", "2021", "徐闻县政务服务数据管理局"), "zh",
                 ["县", "广东省", "2021", "徐闻县政务服务数据管理局"], id="zh-level-in-chinese"),
    pytest.param(("banner (county-level)", "内蒙古自治区", "2021", "乌审旗政务服务局"), "en",
                 ["banner (county-level)", "内蒙古自治区 (Neimenggu Zizhiqu)", "2021",
                  "乌审旗政务服务局 (Wushen Qi Zhengwu Fuwuju)"], id="en-pinyin-beside"),
    pytest.param(("", float("nan"), "", None), "zh", ["", "", "", ""], id="missing-stays-blank"),
])
def test_a_reports_facts_for_cards_and_captions(row: tuple, lang: str, expected: list[str]) -> None:
    from dashboard.labels import facts

    assert [v for _, v in facts(*row, lang)] == expected
    assert "nan" not in " ".join(v for _, v in facts(*row, lang))
