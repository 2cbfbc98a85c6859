"""The grammar of official prose, one table per construct, one row per phenomenon.

Sentences are made up for the phenomenon they show; none is taken from a report of the
bundled set, the development corpus or anywhere else.
"""

from __future__ import annotations

import pytest

from extract.scope import Coverage


def figures(extractor, text: str, name: str | None = None, year: int | None = 2022, level: str | None = None):
    from extract.pipeline import place_names

    names = place_names(name, extractor.config.levels) if name else ()
    _, _, figs = extractor.extract_text(text, names, year)
    return figs


def pairs(extractor, text: str, **kw) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in figures(extractor, text, **kw)]


# A、B、C分别为x、y、z: each listed indicator takes its value; A、B均达到x: every one takes x.
ENUMERATIONS = [
    pytest.param("网上可办率、全程网办率、即办件占比分别为98.5%、85.2%、40.1%。",
                 [("online_available_rate", 98.5), ("full_online_rate", 85.2), ("immediate_rate", 40.1)],
                 id="respectively-three"),
    pytest.param("全程网办率和最多跑一次率分别达到80%和97%。",
                 [("full_online_rate", 80.0), ("at_most_once_rate", 97.0)], id="respectively-he"),
    pytest.param("承诺时限、申请材料分别压减75%、40%。",
                 [("time_limit_compression", 75.0), ("materials_reduction", 40.0)], id="respectively-reductions"),
    pytest.param("行政复议、行政诉讼案件分别为3件、2件。",
                 [("admin_reconsideration_cases", 3.0), ("admin_litigation_cases", 2.0)], id="respectively-counts"),
    pytest.param("网上可办率、全程网办率、即办件占比，分别为98.5%、85.2%、40.1%。",
                 [("online_available_rate", 98.5), ("full_online_rate", 85.2), ("immediate_rate", 40.1)],
                 id="respectively-after-a-comma"),
    pytest.param("「网上办」「马上办」比例均在95%以上。",
                 [("online_available_rate", 95.0), ("immediate_rate", 95.0)], id="corner-quoted-names"),
    pytest.param("网上可办率、全程网办率均达到100%。",
                 [("online_available_rate", 100.0), ("full_online_rate", 100.0)], id="all-reach"),
    pytest.param("网上可办率、最多跑一次率均在95%以上。",
                 [("online_available_rate", 95.0), ("at_most_once_rate", 95.0)], id="all-above"),
    pytest.param("办件量、办结量分别为3万件、2.9万件。", [], id="respectively-no-indicator"),
    pytest.param("网上可办率、办件量分别为98%、3万件。", [("online_available_rate", 98.0)], id="respectively-mixed"),
    pytest.param("本市的1200余项政务服务事项、150项便民服务事项,以及邻省300项政务服务事项都可以实现异地办理。",
                 [("cross_region_items", 1200.0), ("cross_region_items", 150.0), ("cross_region_items", 300.0)],
                 id="counts-sharing-one-predicate"),
    pytest.param("12345热线受理诉求2100件、咨询800件都已办结。", [("hotline_requests", 2100.0)],
                 id="a-shared-predicate-naming-nothing-leaves-each-count-its-own"),
]


@pytest.mark.parametrize(("text", "expected"), ENUMERATIONS)
def test_enumerations(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# 由x提升至y: y is the figure, x another period; a change is never a level.
CHANGES = [
    pytest.param("全程网办率由60%提升至85%。",
                 [(60.0, Coverage.OTHER_PERIOD, False), (85.0, Coverage.PLAIN, True)], id="you-ti-sheng-zhi"),
    pytest.param("政务服务事项从1200项增加到1350项。",
                 [(1200.0, Coverage.OTHER_PERIOD, False), (1350.0, Coverage.PLAIN, True)], id="cong-dao"),
    pytest.param("全程网办率比上年提高5个百分点。", [], id="points-are-a-change"),
    pytest.param("热线满意率同比增长2.1%。", [], id="year-on-year"),
    pytest.param("全程网办率较上年提升8%,达到90%。", [(90.0, Coverage.PLAIN, True)], id="change-then-level"),
]


@pytest.mark.parametrize(("text", "expected"), CHANGES)
def test_changes(extractor, text: str, expected) -> None:
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text)]
    assert got == expected


# 压缩至法定时限的x%: what is left, so the compression is 100 - x (the evidence is kept).
COMPLEMENTS = [
    pytest.param("承诺办结时限压缩至法定时限的30%。", [("time_limit_compression", 70.0, "exact")], id="compressed-to"),
    pytest.param("办理时限仅为法定时限的25.5%。", [("time_limit_compression", 74.5, "exact")], id="only-is"),
    pytest.param("承诺时限压缩至法定时限的40%以内。", [("time_limit_compression", 60.0, "more_than")], id="within"),
    pytest.param("承诺时限比法定时限压缩了62%。", [("time_limit_compression", 62.0, "exact")], id="plain-compression"),
]


@pytest.mark.parametrize(("text", "expected"), COMPLEMENTS)
def test_complements(extractor, text: str, expected) -> None:
    got = [(f.indicator, f.value, f.qualifier) for f in figures(extractor, text)]
    assert got == expected


def test_a_complement_keeps_its_evidence(extractor) -> None:
    text = "承诺办结时限压缩至法定时限的30%。"
    (f,) = figures(extractor, text)
    assert "30%" in text[f.figure.evidence_start:f.figure.evidence_end]


# 其中… is a part of the figure before it, and it ends at the sentence end.
BREAKDOWNS = [
    pytest.param("共发布信息900条。其中:文件信息3条;统计信息22条。",
                 [("info_published", 900.0)], id="kinds-after-colon"),
    pytest.param("共发布信息900条,其中:文件信息30条。政府网站发布信息500条。",
                 [("info_published", 900.0), ("info_published", 500.0)], id="ends-at-sentence-end"),
    pytest.param("受理信息公开申请30件,其中当面申请10件、网上申请公开20件。",
                 [("disclosure_requests", 30.0)], id="kinds-without-colon"),
    pytest.param("办结依申请公开30件,其中县直12件。",
                 [("disclosure_requests", 30.0), ("disclosure_requests", 12.0)], id="a-part-is-kept"),
    pytest.param("向某镇等3个镇赋予县级管理事项30项,其中:行政许可事项20项、公共服务事项10项。", [],
                 id="parts-of-an-excluded-whole"),
    pytest.param("门户网站及政务新媒体合计发布信息2500条,其中:门户网站400条,微博2100条。",
                 [("info_published", 2500.0), ("info_published", 400.0)], id="the-websites-part-of-a-total"),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWNS)
def test_breakdowns(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# Plans and targets are not the report year's figures; a multi-year review is another period.
PLANS = [
    pytest.param("力争全程网办率达到95%以上。", [], id="strive"),
    pytest.param("确保网上可办率达100%。", [], id="ensure"),
    pytest.param("到2025年,全程网办率达到90%。", [], id="by-a-later-year"),
    pytest.param("预计全年受理热线诉求20万件。", [], id="expected"),
    pytest.param("目标是即办件占比达到50%。", [], id="target"),
    pytest.param("全程网办率达85%。\n三、2023年工作计划\n全程网办率提升至90%。",
                 [("full_online_rate", 85.0)], id="next-year-section"),
    pytest.param("全程网办率达85%。\n二、下一步工作打算\n(一)全程网办率提升至90%。",
                 [("full_online_rate", 85.0)], id="next-steps-section"),
    pytest.param("全程网办率达85%,确保服务质量。", [("full_online_rate", 85.0)], id="target-word-after"),
    pytest.param("全程网办率将提升至95%。", [], id="will-raise"),
    pytest.param("下一步,将推动网上可办率达到100%。", [], id="next-step-in-a-sentence"),
    pytest.param("明年,即办件占比要达到50%。", [], id="next-year-in-a-sentence"),
    pytest.param("全程网办率拟提高到95%。", [], id="intends-to"),
    pytest.param("将1200项事项纳入清单,全程网办率达85%。", [("full_online_rate", 85.0)],
                 id="jiang-as-a-preposition-is-no-plan"),
    pytest.param("提前完成了“全程网办率9月底达到80%”的省目标任务。", [], id="a-quoted-target-of-the-province"),
]


@pytest.mark.parametrize(("text", "expected"), PLANS)
def test_plans_and_targets(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


REVIEWS = [
    pytest.param("“十四五”以来,累计推出“一件事”50个;今年推出“一件事”12个。",
                 [(50.0, Coverage.OTHER_PERIOD, False), (12.0, Coverage.PLAIN, True)], id="five-year-plan"),
    pytest.param("“十四五”以来,累计推出“一件事”50个;今年新增“一件事”12个。",
                 [(50.0, Coverage.OTHER_PERIOD, True)], id="an-addition-is-no-size"),
    pytest.param("“十四五”以来,累计发布信息5万条;今年发布信息1.2万条。",
                 [(12000.0, Coverage.PLAIN, True)], id="several-years-of-a-yearly-count-is-none"),
    pytest.param("五年来,全程网办率从40%提高到92%。",
                 [(40.0, Coverage.OTHER_PERIOD, False), (92.0, Coverage.PLAIN, True)], id="a-rate-reached-is-current"),
    pytest.param("2018年至2022年,累计发布信息5万条;今年发布信息1.2万条。",
                 [(12000.0, Coverage.PLAIN, True)], id="a-span-of-years-of-a-yearly-count-is-none"),
    pytest.param("热线平台 8 年累计话务量 300 万个;2022年受理诉求 40 万件。",
                 [(400000.0, Coverage.PLAIN, True)], id="several-years-with-pdf-spacing"),
]

# PDF text puts spaces around numbers: they read as without.
SPACED = [
    pytest.param("热线接听群众来电 80.57 万通。", [("hotline_requests", 805700.0, True)],
                 id="wan-apart-from-its-number"),
    pytest.param("全县网上可办率由 66.9 %提升至 92.68 %。",
                 [("online_available_rate", 66.9, False), ("online_available_rate", 92.68, True)], id="from-a-level"),
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_pdf_spacing(extractor, text: str, expected) -> None:
    assert [(f.indicator, f.value, f.primary) for f in figures(extractor, text)] == expected


@pytest.mark.parametrize(("text", "expected"), REVIEWS)
def test_multi_year_reviews(extractor, text: str, expected) -> None:
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text)]
    assert got == expected


# Units beyond the seeds: a hotline counts calls in 通.
UNITS = [
    pytest.param("12345热线接听来电8.6万通。", [("hotline_requests", 86000.0)], id="tong-calls"),
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_units(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# The own-level words follow the jurisdiction's level: 全市 in a county's report is the city's.
OWN_LEVEL = [
    pytest.param("某某县", "全市政务服务事项2000项,全县政务服务事项800项。",
                 [(2000.0, Coverage.PART, False), (800.0, Coverage.WHOLE, True)], id="county-vs-city"),
    pytest.param("某某省", "全省政务服务事项3000项。", [(3000.0, Coverage.WHOLE, True)], id="province"),
    pytest.param("某某区", "全区网上可办率99%,全市网上可办率98%。",
                 [(99.0, Coverage.WHOLE, True), (98.0, Coverage.PART, False)], id="district-vs-city"),
    pytest.param(None, "全市政务服务事项2000项。", [(2000.0, Coverage.WHOLE, True)], id="unknown-place"),
]


@pytest.mark.parametrize(("name", "text", "expected"), OWN_LEVEL)
def test_own_level_words_follow_the_level(extractor, name, text: str, expected) -> None:
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text, name=name)]
    assert got == expected


# Who wrote the report decides the place: the title, then the signature, not the first place named.
AUTHORS = [
    pytest.param("2026年某省政府工作报告", None, None, id="placeholder-no-place"),
    pytest.param("下载\n打印\n2026年北京市政府工作报告\n来源:北京日报\n全市…", "北京市", "municipality",
                 id="municipality-after-page-chrome"),
    pytest.param("2024年山西省政府工作报告\n省长 某某\n", "山西省", "province", id="province"),
    pytest.param("内蒙古自治区人民政府2023年政府信息公开工作年度报告", "内蒙古自治区", "autonomous region",
                 id="autonomous-region"),
    pytest.param("阿克苏地区行政审批局2022年工作总结", "阿克苏地区", "prefecture", id="prefecture-diqu"),
    pytest.param("浦东新区政务服务中心2021年工作总结", "浦东新区", "new area", id="new-area"),
    pytest.param("2022年工作总结\n按照广州市统一部署,全区推进…" + "。" * 500
                 + "\n南平市延平区行政审批服务局\n2022年12月20日", "延平区", "district",
                 id="signature-beats-a-place-in-the-text"),
    pytest.param("延边州行政审批局2022年工作总结", "延边朝鲜族自治州", "autonomous prefecture",
                 id="autonomous-prefecture-by-its-short-name"),
    pytest.param("延边州和龙市行政审批局2022年工作总结", "和龙市", "county-level city",
                 id="a-city-of-a-short-named-prefecture"),
    pytest.param("郴州综合实验区管委会2023年工作总结", "郴州综合实验区", "experimental zone",
                 id="zone-named-after-a-city"),
    pytest.param("岳阳经济技术开发区管委会2023年工作总结", "岳阳经济技术开发区", "development zone",
                 id="development-zone"),
    pytest.param("宁波高新区行政审批局2023年工作总结", "宁波高新区", "development zone", id="high-tech-zone"),
    pytest.param("标题: 郴州综合实验区2020年度政府信息公开工作年度报告\n栏目: 政府信息公开年报", "郴州综合实验区",
                 "experimental zone", id="zone-the-gazetteer-does-not-hold"),
    pytest.param("• 湖南省二级以上医疗机构明年底检\n您当前的位置 : 人民网 >> 湖南频道 >> 岳阳\n"
                 "岳阳市热线中心获殊荣", "岳阳市", "prefecture-level city", id="province-in-passing-then-a-city"),
    pytest.param("浙江省深化政务服务改革\n杭州市率先推出…", "浙江省", "province", id="a-province-as-the-subject-stays"),
    pytest.param("关于湖南政务服务网“一网通办”工作情况的通报\n岳阳市政务服务中心\n各部门:", "岳阳市",
                 "prefecture-level city", id="a-province-named-by-its-platform-is-in-passing"),
    pytest.param("作为岳阳市12345热线的分中心,我县热线在县委县政府领导下…\n我县共受理…", None, "county",
                 id="a-county-that-names-only-its-prefecture"),
    pytest.param("各乡镇人民政府、街道办事处,市政府各部门:\n现将岳阳、省长热线转办情况通报如下", None,
                 "county-level city", id="townships-addressed-first-a-county-level-city"),
    pytest.param("岳阳市2023年政务服务工作情况\n全市…指导各县(市、区)政府,我市…市委市政府…", "岳阳市",
                 "prefecture-level city", id="a-prefecture-speaking-of-its-counties-stays"),
    pytest.param("2024年宁夏回族自治区政府工作报告\n我区…区委区政府…全区", "宁夏回族自治区", "autonomous region",
                 id="an-autonomous-region-says-wo-qu-of-itself"),
]


@pytest.mark.parametrize(("text", "name", "level"), AUTHORS)
def test_the_author_decides_the_place(config, text: str, name, level) -> None:
    from extract.metadata import detect

    d = detect(text, text, config.levels)
    assert (d.name_zh, d.level) == (name, level)


REPORT_YEARS = [
    pytest.param("2024年某某市政府工作报告\n过去一年…", 2023, id="work-report-year-before-title"),
    pytest.param("标题: 政府工作报告（2025）\n发布时间: 2025-01-20\n2025年是收官之年,过去一年…", 2024,
                 id="work-report-year-in-brackets"),
    pytest.param("政府工作报告(2023年)\n2023年是开局之年,过去一年…", 2022, id="work-report-year-in-brackets-with-nian"),
    pytest.param("某某市行政审批局2024年工作总结", 2024, id="bureau-summary"),
    pytest.param("政 府 工 作 报 告\n——2016年1月8日在某区第五届人民代表大会第一次会议上\n各位代表:2015年…", 2015,
                 id="work-report-delivered-on-a-day"),
    pytest.param("2023年《政府工作报告》重点工作目标任务进展情况表\n序号 | 目标与任务", 2023,
                 id="a-work-reports-tasks-followed-up-in-its-year"),
    pytest.param("某区人民政府 2019年12月3日星期二\n无障碍 简体\n某区政务服务办公室2025年工作总结", 2025,
                 id="a-web-pages-clock-is-no-report-year"),
    pytest.param("某县:只进一扇门\n发布时间:2021-09-15 10:20 来源:某某日报\n今年以来,某县受理诉求3000件。", 2021,
                 id="a-news-pages-date-where-no-year-is-written"),
    pytest.param("某县热线情况\n发布时间:2021-01-15\n全年受理诉求3000件。", None,
                 id="a-date-early-in-the-year-may-be-of-the-year-before"),
    pytest.param("发布时间:2021-09-15\n某县2020年工作总结", 2020, id="a-written-year-comes-before-a-date"),
    pytest.param("某市热线自2008年5月开通以来,2021年共受理诉求3000件。", 2021,
                 id="the-year-something-began-is-no-report-year"),
    pytest.param("自2018年以来,某县持续推进改革。2022年,全县受理诉求3000件。", 2022,
                 id="since-a-year-is-no-report-year"),
    pytest.param("2022年以来,某县政务服务局认真贯彻落实…2021年度考核中获评优秀。", 2022,
                 id="a-year-so-far-is-the-report-year"),
    pytest.param("某市热线新闻发布会\n" + "热线服务不断优化,群众满意度持续提升。" * 25
                 + "2020年至2023年,热线累计接听来电120万个,其中2020年20万个,2023年40万个。", 2023,
                 id="a-span-of-years-ends-in-the-report-year"),
]


@pytest.mark.parametrize(("text", "year"), REPORT_YEARS)
def test_a_work_report_reviews_the_year_before_its_own(config, text: str, year: int | None) -> None:
    from extract.metadata import detect

    assert detect(text, text, config.levels).report_year == year


def test_a_publication_date_on_a_chrome_line_still_gives_the_year(config) -> None:
    from extract.metadata import detect
    from extract.text import prepare

    text = ("某县召开政务服务现场会\n\n2021-09-15 09:49 来源: 某某日报\n字号: 默认 超大 | 打印 |\n\n"
            "9月8日,全县受理诉求3000件。")
    doc = prepare(text, config.chrome_lines)
    assert "2021-09-15" not in doc.analysis  # the date's line is web-page chrome
    assert detect(doc.analysis, doc.text, config.levels).report_year == 2021


# Families grown from the tune half: each row a construct, the sentence made up.
FAMILIES = [
    pytest.param("热线受理诉求3000多万件。", [("hotline_requests", 30000000.0)], id="duo-wan"),
    pytest.param("“好差评”综合评分9.98分。", [("review_score", 9.98)], id="review-score-as-pingfen"),
    pytest.param("已上线集成服务事项38项。", [("one_thing_items", 38.0)], id="integrated-services"),
    pytest.param("政务服务便民热线全年接听群众来电31.5万人次。", [("hotline_requests", 315000.0)],
                 id="hotline-in-person-times"),
    pytest.param("12315消费者投诉举报热线共接听来电8459人次。12328热线满意率99%。", [],
                 id="another-national-hotline"),
    pytest.param("全县政务服务事项“好差评”评价数52312条。", [], id="a-count-of-reviews-is-no-count-of-items"),
    pytest.param("“零跑腿”事项达到800项,占比95.5%。", [("zero_visit_rate", 95.5)], id="share-of-the-count-before"),
    pytest.param("“网上办”“马上办”“一次办”比例均在90%以上。",
                 [("online_available_rate", 90.0), ("immediate_rate", 90.0), ("at_most_once_rate", 90.0)],
                 id="quoted-names-share-one-value"),
    pytest.param("共受理政府信息公开申请12件(含上年结转2件)。", [("disclosure_requests", 12.0)],
                 id="remark-in-brackets-is-no-exclusion"),
    pytest.param("热线平台8年累计话务量300万个,今年受理诉求20万件。",
                 [("hotline_requests", 200000.0)], id="years-cumulative"),
    pytest.param("2024年全区“网上办”“马上办”比例均在95%以上。",
                 [("online_available_rate", 95.0), ("immediate_rate", 95.0)], id="names-after-a-year"),
    pytest.param("十件民生实事之一。", [], id="ten-things-is-a-name"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES)
def test_families(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


def test_a_cumulative_stock_over_years_is_no_headline(extractor) -> None:
    figs = figures(extractor, "5年来累计推出“一件事”50个,今年推出“一件事”12个。")
    assert [(f.value, f.coverage, f.primary) for f in figs] == [
        (50.0, Coverage.OTHER_PERIOD, False), (12.0, Coverage.PLAIN, True)]


OVERLAPS = [
    pytest.param("形成《某区行政许可事项清单》(共180项)。", [("licensing_items", 180.0)],
                 id="specific-cue-wins-overlap"),
    pytest.param("公布“一证通办”事项清单共计120项。", [], id="one-id-services-are-no-cross-region"),
    pytest.param("行政许可事项平均压缩时间近70%。", [("time_limit_compression", 70.0)], id="compress-time"),
]


@pytest.mark.parametrize(("text", "expected"), OVERLAPS)
def test_overlapping_cues(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


AFTER = [
    pytest.param("80个高频政务服务事项实现跨省通办。", [("cross_region_items", 80.0)],
                 id="items-between-number-and-cue"),
    pytest.param("19项高频事项通过“跨省通办”专窗办理。", [], id="a-channel-is-no-status"),
    pytest.param("热线受理诉求5万件,办结诉求4.9万件,转办诉求2万件。", [("hotline_requests", 50000.0)],
                 id="received-not-closed-or-passed-on"),
]


@pytest.mark.parametrize(("text", "expected"), AFTER)
def test_cues_after_the_number(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


@pytest.mark.parametrize("text", ["=全程网办率达90%。", "+全程网办率达90%。", " @全程网办率达90%。",
                                  '=HYPERLINK("http://x","全程网办率达90%")'])
def test_evidence_never_starts_like_a_spreadsheet_formula(extractor, text: str) -> None:
    (f,) = figures(extractor, text)
    evidence = text[f.figure.evidence_start:f.figure.evidence_end]
    assert evidence[0] not in "=+-@ " and "90%" in evidence


def test_a_higher_level_list_is_not_the_places_own(extractor) -> None:
    text = "落实国家层面40项“一件事”重点任务,我县梳理公布“一件事”25个。"
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text, name="某某县")]
    assert got == [(40.0, Coverage.PART, False), (25.0, Coverage.WHOLE, True)]


FAMILIES_2 = [
    pytest.param("申请材料减少20%、办理时限和跑动次数分别减少50%、40%。",
                 [("materials_reduction", 20.0), ("time_limit_compression", 50.0), ("visits_reduction", 40.0)],
                 id="respectively-after-another-figure"),
    pytest.param("热线中心共办理群众来电(留言)16234件。", [("hotline_requests", 16234.0)],
                 id="remark-before-the-number-is-no-exclusion"),
    pytest.param("共受理政府信息公开申请24件(含上年结转1件)。", [("disclosure_requests", 24.0)],
                 id="remark-holding-a-number-still-excludes-it"),
    pytest.param("发布各类信息2578条,其中:局门户网站361条,微博1882条。",
                 [("info_published", 2578.0), ("info_published", 361.0)], id="part-after-qizhong-colon"),
    pytest.param("实现120个材料精简,压缩率达到30%。", [("materials_reduction", 30.0)], id="rate-word-after-count"),
    pytest.param("网上办理率由20%提升至60%。", [], id="share-of-cases-handled-online-is-no-availability"),
    pytest.param("全市政务服务减时率达88.5%。", [("time_limit_compression", 88.5)], id="jian-shi-lv"),
    pytest.param("12345平台全年共受理群众反映事项1.5万件。", [("hotline_requests", 15000.0)], id="hotline-platform"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES_2)
def test_families_second_round(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


BREAKDOWN_KINDS = [
    pytest.param("热线受理诉求5000件,其中城乡建设类1200件、市场监管类800件。", [("hotline_requests", 5000.0)],
                 id="category-counts-are-kinds"),
    pytest.param("12345热线共受理各类诉求5000件。", [("hotline_requests", 5000.0)], id="all-kinds-is-the-total"),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWN_KINDS)
def test_category_counts(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


def test_a_list_of_values_ends_where_the_unit_changes(extractor) -> None:
    text = "办理时限和跑动次数分别减少50%、30%,100个事项实现马上办。"
    assert pairs(extractor, text) == [("time_limit_compression", 50.0), ("visits_reduction", 30.0)]


def test_a_span_of_years_holds_for_the_clauses_after_it(extractor) -> None:
    text = "热线平台8年累计话务量300万个,转办群众诉求40万个,今年受理诉求20万件。"
    assert pairs(extractor, text) == [("hotline_requests", 200000.0)]


FROM_LEVEL = [
    pytest.param("政务服务事项从去年的1200项增至1500项。",
                 [(1200.0, Coverage.OTHER_PERIOD, False), (1500.0, Coverage.PLAIN, True)], id="from-last-years"),
    pytest.param("在线办理事项由60.5%提升至95%。",
                 [(60.5, Coverage.OTHER_PERIOD, False), (95.0, Coverage.PLAIN, True)], id="online-handling-items"),
    pytest.param("一件事主题数逐年增加:从2020年的12个,增长到2022年的40个。",
                 [(12.0, Coverage.OTHER_PERIOD, False), (40.0, Coverage.PLAIN, True)], id="from-and-to-across-a-comma"),
]


@pytest.mark.parametrize(("text", "expected"), FROM_LEVEL)
def test_from_a_level(extractor, text: str, expected) -> None:
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text)]
    assert got == expected


FAMILIES_3 = [
    pytest.param("减跑动90%,减时限70%,减材料50%,减环节60%。",
                 [("visits_reduction", 90.0), ("time_limit_compression", 70.0), ("materials_reduction", 50.0),
                  ("steps_reduction", 60.0)], id="jian-x-shorthand"),
    pytest.param("政务服务事项网上可办理率98.5%。", [("online_available_rate", 98.5)], id="ke-ban-li-lv"),
    pytest.param("不见面事项覆盖率为80%。", [("zero_visit_rate", 80.0)], id="no-face-to-face-items"),
    pytest.param("共动态调整政务服务事项120项。", [], id="adjustments-are-no-list"),
    pytest.param("落实国家部署的20件“一件事”。", [("one_thing_items", 20.0)], id="one-thing-in-jian"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES_3)
def test_families_third_round(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# N个<things>+what they do: the ones that do it, a sub-list of a whole list; all of them: the list.
SUBSETS = [
    pytest.param("全县1800个政务服务事项,可网办率达98%。",
                 [("service_items_total", 1800.0), ("online_available_rate", 98.0)], id="the-list-itself"),
    pytest.param("620个政务服务事项上线移动端。", [], id="went-live-on-an-app"),
    pytest.param("2100余个政务服务事项实现办理指引。", [], id="achieve-something"),
    pytest.param("415个政务服务事项已接入自助终端。", [], id="already-connected"),
    pytest.param("1500项政务服务事项全部实现网上可办。", [("service_items_total", 1500.0)], id="all-of-them"),
    pytest.param("64项政务服务事项实现跨省通办。", [("cross_region_items", 64.0)], id="the-predicate-is-the-indicator"),
    pytest.param("推出12个“一件事”实现集成办理。", [("one_thing_items", 12.0)], id="not-a-whole-list"),
]


@pytest.mark.parametrize(("text", "expected"), SUBSETS)
def test_things_that_do_something_are_a_sub_list(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# A hotline's calls (weak cue) and its requests: the requests are the headline, wherever they stand.
WEAK = [
    pytest.param("全年话务量48.2万通,受理群众诉求21.5万件。", 215000.0, id="calls-then-requests"),
    pytest.param("12345热线受理群众诉求21.5万件,来电总量48.2万通。", 215000.0, id="requests-then-calls"),
    pytest.param("全年话务量48.2万通,办结率99%。", 482000.0, id="calls-alone"),
]


@pytest.mark.parametrize(("text", "headline"), WEAK)
def test_weak_cues_give_way_in_the_headline(extractor, text: str, headline: float) -> None:
    heads = [f.value for f in figures(extractor, text) if f.indicator == "hotline_requests" and f.primary]
    assert heads == [headline]


def test_the_power_list_gives_way_to_the_power_and_responsibility_list(extractor) -> None:
    figs = figures(extractor, "梳理区本级行政权力清单3100项,公共服务事项清单700项,权责清单2400项。")
    power = [(f.value, f.primary) for f in figs if f.indicator == "power_list_items"]
    assert power == [(3100.0, False), (2400.0, True)]


def test_a_request_count_needs_a_hotline_in_view(extractor) -> None:
    """诉求 alone is anyone's request (a business association's); the hotline's needs the hotline."""
    assert pairs(extractor, "走访企业50家,解决企业诉求120件。") == []
    assert pairs(extractor, "12345热线运行平稳。全年受理群众诉求3200件。") == [("hotline_requests", 3200.0)]


# A、B等N项<a long noun phrase>: the counted noun closes the phrase, past its 、 and 与.
LISTED = [
    pytest.param("已上线开办企业、联合报装、出生等45项国家、省、市重点“一件事”,累计办件9000件。",
                 [("one_thing_items", 45.0)], id="list-then-long-noun"),
    pytest.param("义务教育、退役等36项与群众生活密切相关的联办主题事项。", [("one_thing_items", 36.0)],
                 id="list-then-joined-modifier"),
    pytest.param("开饭店等4个主题场景落地。", [], id="scenarios-are-not-one-thing-services"),
]


@pytest.mark.parametrize(("text", "expected"), LISTED)
def test_a_counted_list_names_its_noun_at_the_end(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# A list of names (A、B、C) between a verb and its count: the verb's clause speaks for the count,
# the names between do not; a clause opening with 分别 reads with the clause before it.
HEADS = [
    pytest.param("通过门户网站主动公开财政预算、规划计划、民生实事等政府信息8200条。",
                 [("info_published", 8200.0)], id="verb-before-a-list"),
    pytest.param("本报告由总体情况、行政复议、行政诉讼情况、其他事项共六个部分组成。", [],
                 id="names-in-a-list-are-no-cue"),
    pytest.param("局网站发布信息900条。两个微信公众号运行正常,分别发布了信息300条和120条。",
                 [("info_published", 900.0)], id="respectively-reads-its-subject"),
    pytest.param("深入贯彻中央八项规定精神主题教育。", [], id="eight-point-rules-are-a-name"),
]


@pytest.mark.parametrize(("text", "expected"), HEADS)
def test_what_a_clause_reads_with(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# Hotline requests, and what is counted near them but is not them.
HOTLINE = [
    pytest.param("12345热线全年受理诉求8800件,在承办单位与热线之间流转320件。",
                 [("hotline_requests", 8800.0)], id="passed-between-units"),
    pytest.param("12345热线工作有序。通过网格化平台解决群众诉求网格事件9000件。", [], id="grid-events"),
    pytest.param("许可事项网办率100%、全程网办率96%。",
                 [("online_available_rate", 100.0), ("full_online_rate", 96.0)], id="wang-ban-lv"),
]


@pytest.mark.parametrize(("text", "expected"), HOTLINE)
def test_hotline_and_online_families(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# Mirror sites that write pinyin after characters (服務(wù)): the words are whole again to matching.
GLOSSES = [
    pytest.param("“一網(wǎng)通辦(bàn)”率提升至92%,辦(bàn)事平均時(shí)間(jiān)壓縮(suō)80%。",
                 [("online_available_rate", 92.0), ("time_limit_compression", 80.0)], id="glossed-cues"),
    pytest.param("歸集數(shù)據(jù)3200萬(wàn)條,政務(wù)服務(wù)事項(xiàng)1500項(xiàng)。",
                 [("service_items_total", 1500.0)], id="glossed-units"),
]


@pytest.mark.parametrize(("text", "expected"), GLOSSES)
def test_pinyin_glosses(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("服務(wù)辦(bàn)理時(shí)", "服務" + " " * 4 + "辦" + " " * 5 + "理時" + " " * 5,
                 id="blanked-same-length"),
    pytest.param("条款(a)和(b)", "条款(a)和(b)", id="list-letters-are-no-gloss"),
    pytest.param("試行(shi)", "試行(shi)", id="one-is-no-gloss"),
])
def test_blank_glosses(text: str, expected: str) -> None:
    from extract.text import blank_glosses

    assert blank_glosses(text) == expected


FAMILIES_4 = [
    pytest.param("通过区政府门户网站公布信息215条。", [("info_published", 215.0)], id="gong-bu-xin-xi"),
    pytest.param("通过门户网站公开财政资金、发展规划、乡村振兴等各类信息9800余条。",
                 [("info_published", 9800.0)], id="verb-then-a-long-list"),
    pytest.param("开展主题教育专题学习6个主题。", [], id="theme-education-is-no-one-thing"),
    pytest.param("认真落实国家部署的22件“一件事”。", [("one_thing_items", 22.0)], id="jian-before-one-thing"),
    pytest.param("“一件事一次办”受理群众申请12000件。", [], id="jian-after-one-thing-is-cases"),
    pytest.param("推出“一件事”主题38个。", [("one_thing_items", 38.0)], id="ge-after-one-thing"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES_4)
def test_families_fourth_round(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# A clause with only a time and a bare verb counts the topic of the clause before it.
TOPICS = [
    pytest.param("12345热线运行平稳,群众诉求总量居全省第三,2022年共受理5.3万件,2023年截至6月共受理3.1万件。",
                 [("hotline_requests", 53000.0), ("hotline_requests", 31000.0)], id="topic-then-bare-verbs"),
    pytest.param("门户网站运行平稳,全年共发布1200条。", [], id="no-topic-no-figure"),
    pytest.param("开展一件事集成服务,全年共办理3000件。", [], id="办理-is-no-bare-verb"),
    pytest.param("印发《某县行政许可事项清单(2023年版,共208项)》。", [("licensing_items", 208.0)],
                 id="a-bare-total-in-a-titles-bracket"),
    pytest.param("公布《某县权责清单(2023年版)》,共4120项。", [("power_list_items", 4120.0)],
                 id="a-bare-total-after-a-title-with-a-year"),
    pytest.param("12345热线来电量逐年上升:从2019年的900件,到2022年的2,400件。",
                 [("hotline_requests", 900.0), ("hotline_requests", 2400.0)], id="from-a-years-count-to-another"),
    pytest.param("网站运行平稳:从2019年的900条,到2022年的2,400条。", [], id="from-and-to-with-no-topic"),
    pytest.param("全县主动公开政府信息数量分别为:2020年1200条,2021年1500条,2022年1800条。",
                 [("info_published", 1200.0), ("info_published", 1500.0), ("info_published", 1800.0)],
                 id="a-series-of-years"),
    pytest.param("热线累计接听群众来电90万个,其中各年度接听总量分别为:2021年40万个,2022年50万个。",
                 [("hotline_requests", 900000.0), ("hotline_requests", 400000.0), ("hotline_requests", 500000.0)],
                 id="a-series-of-years-is-no-breakdown-into-kinds"),
]


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_a_bare_verb_counts_the_topic_before_it(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# What a number can be: a share is at most 100, a 好差评 score at most 10 (its scale).
RANGES = [
    pytest.param("好差评综合得分9.6分。", [("review_score", 9.6)], id="score-of-ten"),
    pytest.param("好差评工作考核评价得分98.5分。", [], id="a-hundred-point-assessment-is-no-review-score"),
    pytest.param("全程网办率提升130%。", [], id="a-rise-is-a-change"),
    pytest.param("网上可办率达120%。", [], id="no-share-above-a-hundred"),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_values_within_an_indicators_range(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# A hotline's satisfaction needs the hotline in view: a request (诉求) alone may be anyone's.
SATISFACTION = [
    pytest.param("解决企业诉求53件,企业满意率100%。", [], id="a-business-visit-is-no-hotline"),
    pytest.param("12345热线全年受理诉求3200件,群众满意率98.6%。",
                 [("hotline_requests", 3200.0), ("hotline_satisfaction", 98.6)], id="the-hotline-in-view"),
    pytest.param("接诉即办工作扎实推进,回访满意率97.2%。", [("hotline_satisfaction", 97.2)], id="jie-su-ji-ban"),
]


@pytest.mark.parametrize(("text", "expected"), SATISFACTION)
def test_hotline_satisfaction_needs_the_hotline(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


def test_items_inside_a_bundle_are_not_bundles(extractor) -> None:
    """整合5个部门的7个事项为一件事: 7 counts the items, the bundle is one."""
    assert pairs(extractor, "推行开餐馆“一件事”,整合5个部门的7个事项为“一件事”集成服务。") == []
    assert pairs(extractor, "推出12个“一件事”集成服务。") == [("one_thing_items", 12.0)]


# Cross-region items: across provinces before within one; a target quoted; what else a count counts.
CROSS_REGION = [
    pytest.param("实现186项跨省通办事项。推出240项都市圈“跨域通办”服务。", [(186.0, True), (240.0, False)],
                 id="cross-province-before-within"),
    pytest.param("推出240项“跨域通办”服务。", [(240.0, True)], id="within-alone-is-the-headline"),
    pytest.param("实现本省2100项高频政务服务事项在外省可办。", [(2100.0, True)], id="handled-in-other-provinces"),
    pytest.param("落实文件提出的“2021年底前实现140项高频事项‘跨省通办’”目标要求。", [], id="a-quoted-target"),
    pytest.param("出台《跨省通办清单管理办法》等三项“跨省通办”配套制度。", [], id="rules-are-not-items"),
]


@pytest.mark.parametrize(("text", "expected"), CROSS_REGION)
def test_cross_region_items(extractor, text: str, expected) -> None:
    figs = figures(extractor, text)
    assert [(f.value, f.primary) for f in figs if f.indicator == "cross_region_items"] == expected


def test_a_count_with_its_share_is_one_kind_of_a_total(extractor) -> None:
    text = "12345热线共受理诉求3000件。反映物业管理等来电420件,占比14%;涉及供暖的来电300件,占比10%。"
    assert pairs(extractor, text) == [("hotline_requests", 3000.0)]


def test_a_rate_after_qizhong_is_a_parts_rate_not_a_kind(extractor) -> None:
    """其中,交办件满意率93%: the rate of a part of the requests, kept beside the whole's, not as headline."""
    figs = figures(extractor, "12345热线受理诉求9000件,回访满意率97.5%。其中,省市交办件按时办结率99%,综合满意率93.1%。")
    rates = [(f.value, f.primary) for f in figs if f.indicator == "hotline_satisfaction"]
    assert rates == [(97.5, True), (93.1, False)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("2021年我局扎实推进政务公开,主动公开信息300条。2022年主动公开信息420条。",
                 (420.0, True), id="an-earlier-year-opens-the-sentence"),
    pytest.param("2021年我局开展培训3次,2022年主动公开信息420条。", (420.0, True), id="a-clause-names-its-own-year"),
])
def test_a_sentence_opening_with_an_earlier_year(extractor, text: str, expected) -> None:
    heads = [(f.value, f.primary) for f in figures(extractor, text) if f.indicator == "info_published" and f.primary]
    assert heads == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("依托门户网站及新媒体主动公开各类信息5200条。", [("info_published", 5200.0)],
                 id="website-and-new-media"),
    pytest.param("通过政府网站、政务新媒体等渠道主动公开信息2万余条。", [("info_published", 20000.0)],
                 id="website-listed-with-new-media"),
    pytest.param("政务新媒体发布信息3100条。", [], id="new-media-alone"),
    pytest.param("通过“两微一端”发布信息1.2万条。", [], id="two-micros-and-an-app-are-new-media"),
    pytest.param("通过市政府网站及微信公众号发布信息142条。", [("info_published", 142.0)],
                 id="website-and-a-two-word-new-media-name"),
    pytest.param("局网站共发布各类政务信息1200篇;局微信服务号发布信息300篇。", [("info_published", 1200.0)],
                 id="information-counted-in-articles"),
    pytest.param("开设新媒体30个,其中微博12个,共发布信息900条;微信公众号18个,共发布信息1500条。", [],
                 id="a-total-of-the-subject-before-it"),
    pytest.param("12345热线共受理群众来电、网络留言等诉求5.6万件。", [("hotline_requests", 56000.0)],
                 id="a-channel-listed-with-others-is-part-of-the-total"),
    pytest.param("通过微信、微博等新媒体发布信息800条。", [], id="every-channel-listed-is-excluded"),
    pytest.param("微信公众号发布信息800条,门户网站发布信息1200条。", [("info_published", 1200.0)], id="each-apart"),
])
def test_a_total_that_holds_the_website_too(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# What a count counts: the bodies named right after its unit, or one unit's share (各).
BODIES_AND_EACH = [
    pytest.param("梳理12个区直部门权责清单事项共4650项。", [("power_list_items", 4650.0)], id="departments-counted"),
    pytest.param("共梳理出4个片区权责清单事项各14项。", [], id="areas-and-each"),
    pytest.param("统筹12个部门的政务服务事项860项。", [("service_items_total", 860.0)], id="bodies-before-a-cue"),
    pytest.param("全县街道事项186项实现就近办。", [], id="a-body-word-naming-items-is-no-body-count"),
    pytest.param("8个街道均发布150项政务服务事项、90个社区均发布30项政务服务事项。", [],
                 id="bodies-and-all-of-them-in-a-list"),
    pytest.param("12345热线受理来电5万件,平均每10个来电中就有一个咨询政策。", [("hotline_requests", 50000.0)],
                 id="per-ten"),
]


@pytest.mark.parametrize(("text", "expected"), BODIES_AND_EACH)
def test_counts_of_bodies_and_of_each(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("我办共收到公开政府信息申请6件,已全部答复。", [("disclosure_requests", 6.0)], id="object-first"),
    pytest.param("全年共收到政府信息公开申请6件。", [("disclosure_requests", 6.0)], id="the-usual-order"),
])
def test_disclosure_request_word_orders(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("共计150项政务服务事项可实现“跨省通办”,264项政务服务事项可实现“兵地通办”。",
                 [("cross_region_items", 150.0), ("cross_region_items", 264.0)], id="a-programme-named-by-places"),
    pytest.param("全区共有政务服务事项1200项,全部实现“一网通办”。", [("service_items_total", 1200.0)],
                 id="a-channel-is-no-place"),
    pytest.param("与天津、河北等14个属地政务服务部门建立了“政务通办”联动工作机制。", [], id="departments-and-no-place"),
    pytest.param("113项居民服务事项长三角“一卡通办”。", [], id="a-card-is-no-place"),
])
def test_programmes_named_by_places(extractor, text: str, expected) -> None:
    """＊＊通办 in a cue: any two characters before 通办 but a channel's or a manner's (wildcard_not)."""
    assert pairs(extractor, text) == expected


@pytest.mark.parametrize(("cue", "text", "hit"), [
    pytest.param("＊＊通办", "实现两地通办", True, id="two-characters"),
    pytest.param("＊＊通办", "推进一网通办", False, id="a-banned-run"),
    pytest.param("＊＊通办", "通办", False, id="nothing-before"),
    pytest.param("发布…信息", "发布政务信息", True, id="no-wildcard"),
])
def test_wildcard_cues(cue: str, text: str, hit: bool) -> None:
    from extract.indicators import compile_cue
    assert bool(compile_cue(cue, 8, ("一网",)).regex.search(text)) is hit


# Which of a hotline bulletin's counts are its requests.
HOTLINE_COUNTS = [
    pytest.param("12345热线共接听来电39666个,登记受理有效工单36514件。", (36514.0, [39666.0, 36514.0]),
                 id="valid-work-orders-over-calls-answered"),
    pytest.param("热线形成有效工单11171件,派发工单4898件。", (11171.0, [11171.0]),
                 id="orders-dispatched-are-passed-on"),
    pytest.param("12345热线共受理群众诉求10920件,按期办结10324件,结转至2月份2175件。", (10920.0, [10920.0]),
                 id="carried-over-is-no-request"),
    pytest.param("12345热线现设坐席70个。热线受理群众诉求1万件。", (10000.0, [10000.0]), id="seats-are-no-requests"),
    pytest.param("本周共受理热线工单506件,比上周增长20.48%。", (506.0, [506.0]), id="hotline-work-orders"),
    pytest.param("12345热线呼入话务总量达208340个;受理事项143517个。", (143517.0, [208340.0, 143517.0]),
                 id="items-received-over-calls"),
    pytest.param("12345热线呼入、呼出话务总量达208340个;受理事项143517个。", (143517.0, [143517.0]),
                 id="outgoing-calls-are-no-requests"),
    pytest.param("热线受理群众诉求2万件,开展活动中的1500多个诉求难题得以化解。", (20000.0, [20000.0]),
                 id="requests-resolved-are-outcomes"),
    pytest.param("热线共受理市民来电诉求1628件,办结率100%,热线平台接诉即办急办事项13件。", (1628.0, [1628.0]),
                 id="urgent-matters-are-a-kind"),
]


@pytest.mark.parametrize(("text", "expected"), HOTLINE_COUNTS)
def test_hotline_counts(extractor, text: str, expected) -> None:
    figs = [f for f in figures(extractor, text) if f.indicator == "hotline_requests"]
    assert (next(f.value for f in figs if f.primary), [f.value for f in figs]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("源城区100项事项可在福田区、南山区通办。", [("cross_region_items", 100.0)], id="places-joined-by-dun"),
    pytest.param("100项事项可在福田区通办。", [("cross_region_items", 100.0)], id="one-place"),
    pytest.param("受理业务1200件、办结1100件。", [], id="a-list-of-numbers-stays-cut"),
])
def test_a_clause_cut_by_dun_reads_on_to_the_names(extractor, text: str, expected) -> None:
    """、 joins the names after a count (可在A区、B区通办): the phrase, not the clause, is what it reads with."""
    assert pairs(extractor, text) == expected


def test_a_minimum_standard_is_no_satisfaction_rate(extractor) -> None:
    text = "12345热线群众满意率97%,有8个单位群众满意率低于市上要求的最低标准85%。"
    assert [f.value for f in figures(extractor, text) if f.indicator == "hotline_satisfaction"] == [97.0]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("开设“衢绵通办”专窗,首批58个事项覆盖就业、社保等领域。", [("cross_region_items", 58.0)],
                 id="items-of-the-programme-before"),
    pytest.param("以“一件事”集成服务推进“一照通行”改革,推出113项服务事项。", [], id="only-programme-indicators"),
    pytest.param("开设“跨省通办”专窗,办理业务1200件。", [], id="cases-are-not-items"),
])
def test_a_count_takes_the_programme_of_the_clause_before(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# Families grown from made-up sentences of the kinds reports write (not from any corpus text): each
# row a construct the rules above did not yet read.
FAMILIES_5 = [
    pytest.param("与广州、深圳等8个城市签订“跨城通办”合作协议,实现128项高频事项异地可办。",
                 [("cross_region_items", 128.0)], id="cities-are-bodies"),
    pytest.param("推出259项长株潭城市群“跨域通办”服务。", [("cross_region_items", 259.0)],
                 id="a-city-cluster-is-no-body"),
    pytest.param("与某省某市开展“跨省通办”合作,实现136项政务服务事项异地办理。", [("cross_region_items", 136.0)],
                 id="items-handled-elsewhere-are-a-sub-list"),
    pytest.param("政务服务事项实现“一网通办”比例达97%。", [("online_available_rate", 97.0)],
                 id="yi-wang-tong-ban-share"),
    pytest.param("实现“一网通办”事项2356项,占比95%。", [("online_available_rate", 95.0)],
                 id="yi-wang-tong-ban-items-are-not-cross-region"),
    pytest.param("审批时限压缩至平均2.5个工作日,压缩率达85%。", [("time_limit_compression", 85.0)],
                 id="cut-rate-after-a-duration"),
    pytest.param("平均审批时限由法定的20个工作日压缩至4个工作日,压缩80%。", [("time_limit_compression", 80.0)],
                 id="cut-after-a-duration"),
    pytest.param("群众跑动次数平均减少至0.2次,减少幅度达87%。", [("visits_reduction", 87.0)],
                 id="a-cut-after-a-count-cut-to"),
    pytest.param("受理诉求1200件,减少15%。", [], id="a-cut-after-a-plain-count-is-no-figure"),
    pytest.param("事项承诺办结时间比法定时间平均减少72%。", [("time_limit_compression", 72.0)],
                 id="time-less-than-the-statutory-time"),
    pytest.param("县本级政务服务事项1246项全部进驻政务服务中心。", [("service_items_total", 1246.0)],
                 id="all-of-them-do-it"),
    pytest.param("进驻政务服务中心的政务服务事项1236项。", [], id="the-ones-that-do-it"),
    pytest.param("2024年主要目标:网上可办率达到99%以上。", [], id="a-target-label-before-a-colon"),
    pytest.param("主要成效:网上可办率达到99%。", [("online_available_rate", 99.0)], id="a-review-label-before-a-colon"),
    pytest.param("新增“跨省通办”事项50项,累计达到200项。", [("cross_region_items", 200.0)],
                 id="an-addition-then-the-size"),
    pytest.param("新增23项“秒批”、43项“秒报”、177个“一件事”主题服务。", [], id="an-addition-heads-a-list"),
    pytest.param("推出“秒批”事项23项、“一件事”主题服务177个。", [("one_thing_items", 177.0)], id="no-addition"),
    pytest.param("梳理确认政务服务事项清单31个,保留政务服务事项515项。", [("service_items_total", 515.0)],
                 id="a-count-of-lists"),
    pytest.param("全县权责清单5648项。", [("power_list_items", 5648.0)], id="a-count-of-a-lists-items"),
    pytest.param("开设“跨省通办”窗口3个。", [], id="a-count-of-windows"),
    pytest.param("签订“跨省通办”合作协议12个,实现通办事项213项。", [("cross_region_items", 213.0)],
                 id="a-count-of-agreements"),
    pytest.param("与周边5个县市签订“跨省通办”合作协议,实现通办事项213项。", [("cross_region_items", 213.0)],
                 id="a-count-of-counties-and-cities"),
    pytest.param("本局有行政许可权86项,全年作出行政许可2100件。", [("licensing_items", 86.0)],
                 id="licensing-powers-are-licensing-items"),
    pytest.param("12345热线接通率99.5%,一次办结率92%。", [], id="first-contact-resolution-is-no-single-visit-rate"),
    pytest.param("全县12345热线共受理工单5230件。", [("hotline_requests", 5230.0)], id="tickets-received-are-requests"),
    pytest.param("12345热线转派工单3100件。", [], id="tickets-passed-on-are-not"),
    pytest.param("12345热线受理诉求3200件,涉及住房保障的诉求有412件。", [("hotline_requests", 3200.0)],
                 id="requests-on-a-topic-are-a-category"),
    pytest.param("12345热线共受理诉求3200件,重复来电400件。", [("hotline_requests", 3200.0)], id="repeat-calls"),
    pytest.param("“企业开办一件事”将5个部门的8个事项整合办理。", [], id="items-within-one-theme"),
    pytest.param("“一件事一次办”服务专区共有12个窗口。", [], id="windows-of-a-theme-counter"),
    pytest.param("上线“一事联办”23个事项主题。", [("one_thing_items", 23.0)], id="item-themes-are-themes"),
    pytest.param("将80个“一件事一次办”事项和15个“就近办”事项下沉到乡镇。", [("one_thing_items", 80.0)],
                 id="a-quoted-programme-after-the-unit-is-what-it-counts"),
    pytest.param("目前95%以上的事项审批时限已压减至全省最短。", [], id="a-share-of-items-is-no-time-cut"),
    pytest.param("85%的事项申请材料减少一半以上。", [], id="a-share-of-items-is-no-materials-cut"),
    pytest.param("成立行政审批局,划转12个部门的150项行政许可事项。", [], id="licensing-items-transferred"),
    pytest.param("其中行政许可事项412项,非行政许可事项305项。", [("licensing_items", 412.0)],
                 id="non-licensing-items-are-not-licensing-items"),
    pytest.param("申报资料精简60%,办理环节优化50%,时效压缩率达80%。",
                 [("materials_reduction", 60.0), ("steps_reduction", 50.0), ("time_limit_compression", 80.0)],
                 id="documents-steps-optimised-and-time-efficiency"),
    pytest.param("通过门户网站公开信息800条,宣传册、电子屏公开政府信息300条。", [("info_published", 800.0)],
                 id="information-on-brochures-and-screens-is-not-on-a-website"),
    pytest.param("差评工单全部按时整改,整体平均分9.8分。", [("review_score", 9.8)],
                 id="bad-reviews-are-review-context"),
    pytest.param("政务服务便民热线省级平台新增总业务量12.5万笔。", [("hotline_requests", 125000.0)],
                 id="new-requests-of-a-period-are-its-count-in-bi"),
    pytest.param("新增政务服务事项120项。", [], id="new-items-are-a-change-of-a-list"),
    pytest.param("全县980项依申请事项纳入“最多跑一次”办理范围、覆盖率97.5%。", [("at_most_once_rate", 97.5)],
                 id="coverage-of-the-count-before"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES_5)
def test_families_fifth_round(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


# A plain-text report wrapped by hand (copied from a PDF): a paragraph's line breaks are no
# sentence ends, so a cue and its number on two lines still meet; a short line still ends.
WRAPPED = [
    pytest.param("（一）深化改革。全县政务服务事项网上可办\n率达到98.5%，全程网办率达到75.2%，满意\n度高。\n"
                 "（二）推进政务公开。全年主动公开政府信息\n4520条，答复依申请公开12件，均按期办结\n。",
                 [("online_available_rate", 98.5), ("full_online_rate", 75.2), ("info_published", 4520.0),
                  ("disclosure_requests", 12.0)], id="cue-and-number-on-two-lines"),
    pytest.param("一、工作成效\n全县网上可办率达99%。", [("online_available_rate", 99.0)], id="a-heading-ends"),
    pytest.param("全县政务服务事项网上可办率达到了很高的水平\n2023年全程网办率达到75%。", [("full_online_rate", 75.0)],
                 id="a-line-after-a-finished-paragraph"),
    pytest.param("（一）热线运行。全年12345热线受理群众诉求4\n6210件，按期回复率98.35%，群众满意率98.\n"
                 "72%，较上年有所提升，全县政务服务事项网上可办率达到99\n.04%。",
                 [("hotline_requests", 46210.0), ("hotline_satisfaction", 98.72), ("online_available_rate", 99.04)],
                 id="a-number-on-two-lines"),
    pytest.param("（一）减环节。办事申请材料减少20%，办理时限和跑动次数分别减少54%\n"
                 "、40%，全县有208个事项实现马上办，取得了良好的成效。",
                 [("materials_reduction", 20.0), ("time_limit_compression", 54.0), ("visits_reduction", 40.0)],
                 id="a-line-that-starts-with-a-list-comma"),
    pytest.param("（二）全县政务服务事项网上可办率、全程网办率、即办件占比，\n分别达到98.5%、85.2%、40.1%，群众满意。",
                 [("online_available_rate", 98.5), ("full_online_rate", 85.2), ("immediate_rate", 40.1)],
                 id="a-full-line-that-ends-with-a-comma"),
]


@pytest.mark.parametrize(("text", "expected"), WRAPPED)
def test_a_hand_wrapped_paragraph_reads_as_one(extractor, text: str, expected) -> None:
    assert pairs(extractor, text) == expected


def test_a_rate_of_some_units_is_a_part(extractor) -> None:
    """有31个单位…均为100%: the rate of those units, not of the whole; the whole's rate is the headline."""
    text = "热线回访:有31个单位群众反映较好,按时办结率、满意率均为100%;热线群众满意率为96%。"
    got = [(f.value, f.coverage, f.primary) for f in figures(extractor, text) if f.indicator == "hotline_satisfaction"]
    assert got == [(100.0, Coverage.PART, False), (96.0, Coverage.PLAIN, True)]
