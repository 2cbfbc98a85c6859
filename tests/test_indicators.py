"""Mentions -> indicators, scope and headline, as tables: one row per phenomenon.

Sentences are made up for the phenomenon they show; none is taken from a bundled report.
"""

from __future__ import annotations

import pytest

from extract.scope import Coverage

# text -> the (indicator, value) pairs extracted, in order
MAPS = [
    pytest.param("全县政务服务事项2468项,其中行政许可事项345项。",
                 [("service_items_total", 2468.0), ("licensing_items", 345.0)], id="total-and-licensing"),
    pytest.param("依申请事项100%可网办、88.5%最多跑一次。",
                 [("online_available_rate", 100.0), ("at_most_once_rate", 88.5)], id="cue-after-number"),
    pytest.param("全流程网办率达91.2%,网上可办率达99%。",
                 [("full_online_rate", 91.2), ("online_available_rate", 99.0)], id="full-vs-available"),
    pytest.param("实现全流程电子招投标率100%。", [], id="trap-e-bidding"),
    pytest.param("参考率100%,合格率100%,平均分95分。", [], id="trap-exam"),
    pytest.param("好差评在1200个政务大厅100%全覆盖。", [], id="trap-hall-coverage"),
    pytest.param("热线受理诉求12.5万件,同比上升33.3%;满意率96.1%。",
                 [("hotline_requests", 125000.0), ("hotline_satisfaction", 96.1)], id="trap-growth"),
    pytest.param("大厅群众满意率99.5%。", [], id="satisfaction-needs-hotline-context"),
    pytest.param("办件材料电子化率97%。", [], id="trap-digitisation"),
    pytest.param("总办理时限再压缩12个工作日。", [], id="days-are-no-compression-rate"),
    pytest.param("组织20个部门对权责清单进行调整,调整后权责清单3456项。",
                 [("power_list_items", 3456.0)], id="after-cue-of-another-phrase"),
    pytest.param("下沉到村(社区)公共服务事项40项。", [], id="trap-village-items"),
    pytest.param("覆盖区、街镇、社区三级的政务服务平台移动端已上线600余项政务服务事项。",
                 [("service_items_total", 600.0)], id="exclude-word-far-away"),
    pytest.param("政务新媒体发布信息3000条,受理信息公开申请9件,办理县长信箱50件。",
                 [("disclosure_requests", 9.0)], id="trap-new-media-and-mailbox"),
    pytest.param("共发布信息900条。其中:文件信息3条;统计信息22条。",
                 [("info_published", 900.0)], id="breakdown-kinds-are-not-figures"),
    pytest.param("办结依申请公开30件,其中予以公开12件。",
                 [("disclosure_requests", 30.0)], id="outcome-is-no-part"),
    pytest.param("“一事联办”主题18项。", [("one_thing_items", 18.0)], id="quoted-cue"),
    pytest.param("被提起行政复议2件,行政诉讼案件1件。",
                 [("admin_reconsideration_cases", 2.0), ("admin_litigation_cases", 1.0)], id="rule-of-law"),
]


@pytest.mark.parametrize(("text", "expected"), MAPS)
def test_indicator_mapping(extractor, text: str, expected: list[tuple[str, float]]) -> None:
    _, _, figures = extractor.extract_text(text)
    assert [(f.indicator, f.figure.mention.value) for f in figures] == expected


# text -> (value, coverage, primary) of each figure, in order
HEADLINES = [
    pytest.param("承诺时限压缩比例由去年的45%,提升至超60%。",
                 [(45.0, Coverage.OTHER_PERIOD, False), (60.0, Coverage.PLAIN, True)], id="last-year-then-level"),
    pytest.param("依申请服务事项从1000项增加到1500项,全市政务服务事项数2000项。",
                 [(1000.0, Coverage.OTHER_PERIOD, False), (1500.0, Coverage.PLAIN, False),
                  (2000.0, Coverage.WHOLE, True)], id="from-to-and-whole"),
    pytest.param("办结依申请公开30件,其中县直12件。",
                 [(30.0, Coverage.PLAIN, True), (12.0, Coverage.PART, False)], id="part-after-qizhong"),
    pytest.param("以某区为试点,实现办事少跑60%。", [(60.0, Coverage.PART, True)], id="pilot"),
    pytest.param("30个涉企服务事项100%实现全程网办,全程网办率80%。",
                 [(100.0, Coverage.PART, False), (80.0, Coverage.PLAIN, True)], id="sub-list-rate"),
    pytest.param("2018年网上可办率为80%,2020年网上可办率达95%。",
                 [(80.0, Coverage.OTHER_PERIOD, False), (95.0, Coverage.PLAIN, True)], id="earlier-year"),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_scope_and_headline(extractor, text: str, expected: list[tuple[float, Coverage, bool]]) -> None:
    _, _, figures = extractor.extract_text(text, year=2020)
    assert [(f.figure.mention.value, f.coverage, f.primary) for f in figures] == expected


def test_traditional_script_gives_the_same_figures(extractor) -> None:
    simplified = "全县政务服务事项2468项,网上可办率达99.5%,热线受理群众诉求12.5万件,满意率96.1%。"
    traditional = "全縣政務服務事項2468項,網上可辦率達99.5%,熱線受理群眾訴求12.5萬件,滿意率96.1%。"
    results = []
    for text in (simplified, traditional):
        _, _, figures = extractor.extract_text(text)
        results.append([(f.indicator, f.figure.mention.value, f.figure.mention.start) for f in figures])
    assert results[0] == results[1]
    assert len(results[0]) == 4


def test_web_page_chrome_is_left_out_without_moving_offsets(extractor) -> None:
    text = "当前位置: 首页 > 政务公开\n浏览字号 2020-02-24 来源:本网\n全县政务服务事项2468项。\n相关新闻\n"
    _, mentions, figures = extractor.extract_text(text)
    assert [m.value for m in mentions] == [2468.0]
    (f,) = figures
    assert text[f.figure.evidence_start:f.figure.evidence_end] == "全县政务服务事项2468项"


def test_own_level_is_not_the_whole_place(extractor) -> None:
    """南平市本级… names the city, but covers only its own level: the city-wide total wins."""
    text = "南平市本级政务服务事项1000项。全市政务服务事项共3000项。"
    _, _, figures = extractor.extract_text(text, names=("南平市", "南平"))
    assert [(f.figure.mention.value, f.coverage, f.primary) for f in figures] == [
        (1000.0, Coverage.PLAIN, False), (3000.0, Coverage.WHOLE, True)]
