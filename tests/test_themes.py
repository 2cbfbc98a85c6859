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
