"""Themes: the dictionary keeps terms whole, counts match hand counts in either script, TF-IDF words are words."""

from __future__ import annotations

import re

import pytest

from extract.config import Keywords, Theme
from themes.analysis import content_words, distinctive, theme_counts, theme_sentences
from themes.segment import CACHE, words


@pytest.mark.parametrize(("text", "term"), [
    pytest.param("全程网办率达到96%", "全程网办率", id="full-online-rate"),
    pytest.param("推进一网通办改革", "一网通办", id="one-network"),
    pytest.param("政务服务好差评制度", "好差评", id="good-bad-review"),
    pytest.param("实现跨省通办", "跨省通办", id="cross-province"),
    pytest.param("拨打12345热线", "12345热线", id="hotline"),
    pytest.param("推行一件事一次办", "一件事一次办", id="one-thing"),
    pytest.param("深化证照分离改革", "证照分离", id="licence-separation"),
    pytest.param("推行全程網辦", "全程网办", id="traditional-script"),
])
def test_dictionary_keeps_terms_whole(text: str, term: str) -> None:
    assert term in words(text)


def test_jieba_cache_is_in_the_project() -> None:
    words("初始化")
    assert any(CACHE.iterdir())


THEMES = (Theme("online", "网上办事", "Online", ("一网通办", "网上办", "全程网办")),
          Theme("hotline", "热线", "Hotline", ("12345", "热线", "诉求")))
TEXT = "推进一网通办,全程网办率达90%。网上办事项增加。12345热线受理诉求1万件,热线满意率99%。"


def test_theme_counts_equal_hand_counts() -> None:
    counts = theme_counts({"x": TEXT}, THEMES).set_index("theme")
    # online: 一网通办, 全程网办, 网上办 -> 3; hotline: 12345, 热线, 诉求, 热线 -> 4
    assert counts.loc["online", "count"] == 3
    assert counts.loc["hotline", "count"] == 4
    chars = len(re.sub(r"\s", "", TEXT))
    assert counts.loc["hotline", "per_10k"] == round(4 * 10_000 / chars, 2)


def test_traditional_and_simplified_count_the_same() -> None:
    traditional = "推進一網通辦,全程網辦率達90%。網上辦事項增加。12345熱線受理訴求1萬件,熱線滿意率99%。"
    a = theme_counts({"x": TEXT}, THEMES)
    b = theme_counts({"x": traditional}, THEMES)
    assert a.equals(b)


def test_sentences_behind_a_cell_are_the_reports_own() -> None:
    traditional = "推進一網通辦。其他工作。熱線運行平穩。"
    assert theme_sentences(traditional, THEMES[0]) == ["推進一網通辦。"]


def test_keywords_are_content_words() -> None:
    kw = Keywords(pos=("n", "nz", "vn"), min_length=2, stopwords=("工作",))
    texts = {"a": "推进招投标监管和电子证照工作,2023年完成招投标项目56个。", "b": "推进热线诉求办理,热线满意率98%。"}
    result = distinctive(texts, kw, top=10)
    found = [k.word for ks in result.values() for k in ks]
    assert found
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,}", w) for w in found)
    assert "工作" not in found
    assert "电子证照" in [k.word for k in result["a"]]
    assert all(w not in content_words(texts["a"], kw) for w in ("2023", "56", ","))


# A county no dictionary knows: its name, stem and bureau must still never be cut into fragments.
QINGHE = {
    "qinghe": "青禾县政务服务数据管理局2023年工作总结。青禾县坚持依法治县,县政数局推进全网通办。"
              "青禾大地营商环境持续优化,青禾县政务服务数据管理局完成权责清单调整。青禾县电子证照应用扩大。",
    "other": "某市推进热线诉求办理,热线满意率98%。市政数局推进一网通办和好差评。",
}
KW = Keywords(pos=("n", "nz", "vn", "l", "i", "j", "an"), min_length=2, stopwords=("工作",))


def _split_names(text: str, names: list[str]) -> list[tuple[str, list[str]]]:
    """Each occurrence of a name that the segmenter cuts into pieces, with the pieces."""
    from extract.text import to_simplified
    from themes.segment import tokenizer

    simple = to_simplified(text)
    spans = [(a, b) for _, a, b in tokenizer().tokenize(simple)]
    out = []
    for name in names:
        for m in re.finditer(re.escape(name), simple):
            if not any(a <= m.start() and m.end() <= b for a, b in spans):
                out.append((name, [simple[a:b] for a, b in spans if a < m.end() and b > m.start()]))
    return out


def test_an_unknown_places_names_are_never_keyword_fragments() -> None:
    from themes.segment import name_words

    places, agencies = ["青禾县"], ["青禾县政务服务数据管理局"]
    names = list(name_words(places, agencies))
    result = distinctive(QINGHE, KW, top=30, places=places, agencies=agencies)
    found = [k.word for ks in result.values() for k in ks]
    assert found  # the check saw keywords
    assert [w for w in found if any(w in n for n in [*names, "政数局"])] == []  # no name, stem or piece of one
    assert [split for t in QINGHE.values() for split in _split_names(t, [*places, *agencies, "政数局"])] == []
    assert "依法治县" in found and "全网通办" in found  # whole words, where 治县 and 网通 were fragments


def test_the_seed_reports_keywords_hold_no_fragment_of_their_names() -> None:
    from dashboard import data
    from themes.segment import corpus_names, name_words

    frames = data.load()
    texts = {r.jurisdiction: data.report_text(r.source) for r in frames.reports.itertuples()}
    places, agencies = corpus_names(frames.reports)
    assert "乌审旗" in places and "徐闻县政务服务数据管理局" in agencies
    result = distinctive(texts, frames.config.keywords, places=places, agencies=agencies)
    found = {k.word for ks in result.values() for k in ks}
    assert len(found) > 40
    assert not found & {"数局", "治旗", "县政", "服务局", "网通"}  # the fragments seen before
    assert not found & set(name_words(places, agencies))
    assert [split for t in texts.values() for split in _split_names(t, [*places, *agencies])] == []


@pytest.mark.parametrize(("text", "whole"), [
    pytest.param("乌审旗政务服务局推进依法治旗", ["乌审旗政务服务局", "依法治旗"], id="banner-bureau"),
    pytest.param("县政数局按照市政数局部署", ["政数局"], id="bureau-abbreviation"),
    pytest.param("青禾大地,青禾县", ["青禾", "青禾县"], id="stem-and-name"),
    pytest.param("振兴国家,兴国县", ["振兴", "国家", "兴国县"], id="stem-does-not-cut-common-words"),
])
def test_names_are_whole_words_in_the_segmenter(text: str, whole: list[str]) -> None:
    from themes.segment import add_names

    add_names(["青禾县", "兴国县", "乌审旗"], ["乌审旗政务服务局"])
    tokens = words(text)
    assert [w for w in whole if w not in tokens] == []


def test_corpus_names_leave_out_blanks_and_nan() -> None:
    import pandas as pd

    from themes.segment import corpus_names

    reports = pd.DataFrame({"name_zh": ["徐闻县", ""], "prefecture": [None, float("nan")],
                            "province": ["广东省", "广东省"], "agency": ["", "徐闻县政务服务数据管理局"]})
    assert corpus_names(reports) == (("徐闻县", "广东省"), ("徐闻县政务服务数据管理局",))


def test_every_level_word_of_the_config_is_a_place_suffix() -> None:
    from pathlib import Path

    from extract import load_config
    from themes.segment import PLACE_SUFFIXES, stem

    config = load_config(Path(__file__).resolve().parent.parent / "config.yaml", check_reports=False)
    assert len(config.levels) > 5
    assert sorted(set(config.levels) - set(PLACE_SUFFIXES)) == []
    assert list(PLACE_SUFFIXES) == sorted(PLACE_SUFFIXES, key=len, reverse=True)  # longest first
    assert stem("鄂温克族自治旗") == "鄂温克族"
