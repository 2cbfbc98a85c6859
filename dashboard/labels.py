"""Every word the dashboard shows, in Chinese and English. ``t(key, lang)`` looks one up."""

from __future__ import annotations

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
    "scope": ("范围说明", "Scope"),
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
    "footnote_years": ("报告年份", "Report years"),
    "footnote_missing": ("未报告", "Not reported"),
    "source_line": ("来源:各地政务服务主管部门年度报告({agencies});数值由报告原文自动提取,可追溯至原句。",
                    "Source: annual reports of the bureaus ({agencies}); figures extracted from the report "
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
    "bad_id": ("ID {id} 不可用:只能含小写字母、数字和_,且不能与已有地区重复", "id {id} cannot be used: lowercase "
               "letters, digits and _ only, and not an id already in use"),
    "joined": ("{id} 已加入本次会话,提取到 {n} 个数值", "{id} joined this session with {n} figures"),
    "session_reports": ("本次会话添加的报告", "Reports added in this session"),
    "keep": ("保存", "Keep"),
    "kept": ("已保存到 {path},并重新提取了数据", "Kept as {path}; data/ was extracted again"),
    "not_in_session": ("地址中的 {ids} 不在本次会话中:“添加报告”加入的报告只属于加入它的浏览器会话,已略去",
                       "The address names {ids}, not in this session: a report added on Add reports belongs to "
                       "the browser session that added it, so it was left out"),
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
}


LEVELS = {
    "county": "县", "city": "市", "district": "区", "banner (county-level)": "旗(县级)",
    "prefecture-level city": "地级市", "sub-provincial city": "副省级市", "county-level city": "县级市",
    "district (county-level)": "区(县级)", "autonomous prefecture": "自治州", "league": "盟",
    "autonomous county": "自治县", "prefecture": "地区", "province": "省", "autonomous region": "自治区",
    "municipality": "直辖市", "new area": "新区", "development zone": "开发区",
}


def level(value: str, lang: str) -> str:
    """An administrative level as config.yaml writes it (English), in ``lang``."""
    return LEVELS.get(value, value) if lang == "zh" else value


def t(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang`` ('zh' or 'en'), with ``fields`` filled in."""
    zh, en = TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text
