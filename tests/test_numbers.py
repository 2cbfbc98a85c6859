"""The number parser and the mention finder, as tables: one row per phenomenon."""

from __future__ import annotations

import pytest

from extract.mentions import MentionFinder
from extract.numbers import parse_number
from extract.text import prepare

PARSE = [
    pytest.param("1677", 1677.0, id="integer"),
    pytest.param("96.08", 96.08, id="decimal"),
    pytest.param("11,449", 11449.0, id="thousands-separator"),
    pytest.param("767.1万", 7671000.0, id="wan"),
    pytest.param("5.18万", 51800.0, id="wan-two-decimals"),
    pytest.param("1.2亿", 120000000.0, id="yi"),
    pytest.param("三千二百", 3200.0, id="chinese-thousands"),
    pytest.param("二十五", 25.0, id="chinese-tens"),
    pytest.param("百分之八十六", 86.0, id="chinese-percent"),
    pytest.param("百分之九十八点五", 98.5, id="chinese-percent-with-a-decimal"),
    pytest.param("九十八点五", None, id="a-decimal-dian-only-after-bai-fen-zhi"),
    pytest.param("九十万", 900000.0, id="chinese-wan"),
    pytest.param("", None, id="empty"),
    pytest.param("abc", None, id="letters"),
    pytest.param("百分之", None, id="percent-word-alone"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


# text, then (value, unit as written, qualifier) of each mention in order
MENTIONS = [
    pytest.param("网上可办率达100%。", [(100.0, "%", "exact")], id="percent"),
    pytest.param("満意率９８．３６％。", [(98.36, "％", "exact")], id="full-width-digits"),
    pytest.param("受理市民诉求767.1万件。", [(7671000.0, "件", "exact")], id="wan-unit"),
    pytest.param("共发布信息90萬條。", [(900000.0, "條", "exact")], id="traditional-wan"),
    pytest.param("涉及事项11,449项。", [(11449.0, "项", "exact")], id="separator-unit"),
    pytest.param("提升至超70%。", [(70.0, "%", "more_than")], id="chao"),
    pytest.param("占比超过40%。", [(40.0, "%", "more_than")], id="chaoguo"),
    pytest.param("逾300家企业。", [(300.0, "家", "more_than")], id="yu"),
    pytest.param("收到来信35余件。", [(35.0, "件", "more_than")], id="yu-between"),
    pytest.param("办件6200多件。", [(6200.0, "件", "more_than")], id="duo-between"),
    pytest.param("满意率90%以上。", [(90.0, "%", "at_least")], id="yishang"),
    pytest.param("不少于12期。", [(12.0, "期", "at_least")], id="bushaoyu"),
    pytest.param("近500项。", [(500.0, "项", "less_than")], id="jin"),
    pytest.param("不到10天。", [(10.0, "天", "less_than")], id="budao"),
    pytest.param("约35件。", [(35.0, "件", "approx")], id="yue"),
    pytest.param("35件左右。", [(35.0, "件", "approx")], id="zuoyou"),
    pytest.param("共三千二百项。", [(3200.0, "项", "exact")], id="chinese-quantity"),
    pytest.param("压缩百分之八十六。", [(86.0, "%", "exact")], id="chinese-percent"),
    pytest.param("材料减少超四成。", [(40.0, "成", "more_than")], id="tenths-as-a-percentage"),
    pytest.param("压缩近6成。", [(60.0, "成", "less_than")], id="tenths-in-digits"),
    pytest.param("坚持一成不变的做法。", [], id="yicheng-bubian-is-an-idiom"),
    pytest.param("一是加强领导,二是完善制度。", [], id="enumeration-yishi"),
    pytest.param("按照“十统一”标准梳理。", [], id="shitongyi"),
    pytest.param("市、县、镇、村四级全覆盖。", [], id="sitji"),
    pytest.param("实现“三少一快”。", [], id="sanshao-yikuai"),
    pytest.param("围绕“四办”工作目标。", [], id="siban"),
    pytest.param("推行一件事一次办。", [], id="yijianshi"),
    pytest.param("实现“最多跑一次”。", [], id="paoyici"),
    pytest.param("公布第一批事项。", [], id="ordinal"),
    pytest.param("2021年以来成效明显。", [], id="year"),
    pytest.param("2020-02-24 16:21:26 发布", [], id="date-time"),
    pytest.param("(1)承接事项", [], id="list-marker"),
    pytest.param("12345热线运行平稳。", [], id="hotline-name"),
    pytest.param("满意率提高了3.5个百分点。", [(3.5, "个百分点", "exact")], id="percentage-points"),
    pytest.param("共发布各类信息共 806 条。", [(806.0, "条", "exact")], id="spaces-around-number"),
    pytest.param("受理诉求 5.2 万件。", [(52000.0, "件", "exact")], id="space-before-wan"),
    pytest.param("受理诉求 5.2万 件。", [(52000.0, "件", "exact")], id="space-after-wan"),
    pytest.param("比例达 超过 88.52 %。", [(88.52, "%", "more_than")], id="spaces-around-percent"),
    pytest.param("2025 年政务公开", [], id="year-with-space"),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(config, text: str, expected: list[tuple[float, str, str]]) -> None:
    found = MentionFinder(config.numbers).find(prepare(text))
    assert [(m.value, m.unit_text, m.qualifier) for m in found] == expected


def test_growth_is_a_change_not_a_level(config) -> None:
    text = "受理诉求767.1万件,同比上升50.77%;分别提升84.6%、89.9%;提升至超70%。"
    found = MentionFinder(config.numbers).find(prepare(text))
    assert [(m.value, m.is_change) for m in found] == [
        (7671000.0, False), (50.77, True), (84.6, True), (89.9, True), (70.0, False),
    ]


def test_mention_spans_are_report_text(config) -> None:
    text = "全縣政務服務事項１６７７項，其中行政許可事項612項。"
    for m in MentionFinder(config.numbers).find(prepare(text)):
        assert text[m.start:m.end] == m.surface
        assert text[m.clause.start:m.clause.end]


def test_small_numerals_read_as_cn2an_reads_them() -> None:
    """The quick reader of short numerals (三, 十一, 二十五) answers as cn2an does, for every string
    of up to four numeral characters it answers at all; cn2an reads the rest."""
    import itertools
    from decimal import Decimal

    import cn2an

    from extract.numbers import _CN_DIGITS, _small_numeral

    first, rest = _CN_DIGITS + "十", _CN_DIGITS + "十百千万亿"
    answered = 0
    for n in range(1, 5):
        for chars in itertools.product(first, *[rest] * (n - 1)):
            s = "".join(chars)
            quick = _small_numeral(s)
            if quick is not None:
                answered += 1
                assert quick == Decimal(str(cn2an.cn2an(s, "smart"))), s
    assert answered > 100


# A soft line break inside a number (a hand-wrapped report) is a joiner in the analysis text.
JOINED = [
    pytest.param("4\u20606210件", ["4\u20606210"], 46210.0, id="digits"),
    pytest.param("98.\u206035%", ["98.\u206035"], 98.35, id="after-the-point"),
    pytest.param("99\u2060.04%", ["99\u2060.04"], 99.04, id="before-the-point"),
    pytest.param("12.5万件", ["12.5万"], 125000.0, id="no-joiner"),
    pytest.param("1,234件", ["1,234"], 1234.0, id="thousands"),
    pytest.param("100\u2060件", ["100"], 100.0, id="a-joiner-after-a-number-is-not-read"),
]


@pytest.mark.parametrize(("text", "surfaces", "value"), JOINED)
def test_a_number_across_a_soft_break(text: str, surfaces: list[str], value: float) -> None:
    from extract.numbers import JOINED_NUMBER_RE, Number

    found = [Number(m) for m in JOINED_NUMBER_RE.finditer(text)]
    assert [n.surface for n in found] == surfaces
    assert found[0].value == value
