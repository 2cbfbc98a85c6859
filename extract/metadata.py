"""Jurisdiction facts detected from a report's own text, for reports config.yaml does not list.

The place comes from a real gazetteer of Chinese administrative divisions (the cpca package's
data). The lines that say who wrote the report decide it, not the first place the text happens
to name: the title (a line of the beginning that says 报告, 总结, 工作, 情况 …), then the
signature (the last lines: the issuing body and the date), then any other line of the
beginning. A line may name a county-level, a prefecture-level or a province-level division
(province, autonomous region, municipality). The report year and the issuing agency come from
the beginning too; a government work report (政府工作报告) of year N reviews year N - 1.
Anything not found stays None; ``evidence`` is the line the place was read from. ``adcode`` is
the place's 6-digit administrative code from the same gazetteer, given only where one division
fits (``adcode``): a name that several divisions share (鼓楼区) needs its province or prefecture
named on the line, or it stays None — the map leaves such a report off rather than guess.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass

from . import gazetteer

_LEVEL_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治县|自治旗|省|县|市|区|旗)$")
_HEAD = 400  # characters of the report's beginning where its title and issuer stand
_TAIL = 160  # characters of the report's end where its signature stands
_TITLE_WORDS = ("报告", "总结", "工作", "情况", "年报", "通报", "运行", "成效")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_WORK_REPORT = "政府工作报告"
_WORK_REPORT_YEAR = re.compile(rf"{_WORK_REPORT} ?[（(] ?(20\d\d) ?年? ?[）)]")
# the day a work report was delivered (——2015年2月5日在某区第十四届人民代表大会第四次会议上): it reviews the year before
_DELIVERED = re.compile(r"(20\d\d) ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?在[^。\n]{0,40}?人民代表大会[^。\n]{0,20}?会议上")
# the tasks a work report set (2023年《政府工作报告》重点工作进展情况): a year's follow-up, not the report
_WORK_REPORT_TASKS = re.compile(rf"{_WORK_REPORT}》?(?:重点|目标|任务|进展|落实|分解)")
_CLOCK = re.compile(r"20\d\d ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?(?:星期|周)[一二三四五六日天]")  # a web page's clock
_SPACES = re.compile(r"[ \u3000\u00a0]")
_DATE = re.compile(r"(?<!\d)(20\d\d)[-/.](\d{1,2})[-/.]\d{1,2}(?!\d)")  # a page's date: 2020-12-29, 2020/12/29
_FIRST_MONTH_OF_THE_YEARS_NEWS = 3
_YEAR = re.compile(r"(?<!\d)(20\d\d) ?(?=年)")
# 2006年8月设立以来, 自2019年以来: when something began, not the report's year (but 2023年以来 is that year so far)
_SINCE = re.compile(r"年[^，,。；;\n]{1,12}?以来")
_RANGE_START = re.compile(r"年? ?(?:至|到|-|—|~) ?20\d\d ?年")  # 2021年至2024年: the span's start
_AGENCY = r"[\u4e00-\u9fff]{0,16}?(?:局|委员会|办公室|中心)"
# what follows a place's name in a title or issuer (bare 政府 would take 根据市政府 for a place)
_AGENCY_WORDS = "人民政府|政务服务|行政审批|大数据|数据资源|数据管理|行政服务|政府信息公开"
# what follows a province's name in the name of a medium (中国河北网, 河北日报, 湖南频道)
_MEDIA = "网|日报|频道|新闻|卫视|电视台|广播|晚报|发布"
# what follows a province's name in the name of its platforms, which every county in it uses
_PLATFORMS = "政务服务网|政务服务平台|政务服务一体化平台|政务服务移动端"
# zones named after a place (岳阳经济技术开发区, 宁波高新区, 兰州新区)
_ZONES = "综合实验区|综合试验区|经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|新区|实验区|试验区"
_ZONE_AT_END = re.compile(f"(?:{_ZONES})$")
_ZONE_NAMED = re.compile(f"([\u4e00-\u9fff]{{2,4}}?)({_ZONES})")
_SHORT_ZHOU = re.compile(r"([\u4e00-\u9fff]{2,4})州(?!市)")


@dataclass(frozen=True)
class Detected:
    name_zh: str | None
    level: str | None
    report_year: int | None
    agency: str | None
    province: str | None = None
    prefecture: str | None = None
    evidence: str | None = None
    adcode: str | None = None


def detect(analysis: str, text: str, levels: dict[str, str]) -> Detected:
    """Detect place, level, year and agency from a report (``analysis`` is its simplified twin).

    >>> d = detect("保定市竞秀区行政审批局2023年工作总结", "保定市竞秀区行政审批局2023年工作总结", {"区": "district"})
    >>> (d.name_zh, d.level, d.province, d.prefecture, d.report_year, d.agency, d.adcode)
    ('竞秀区', 'district', '河北省', '保定市', 2023, '竞秀区行政审批局', '130602')
    """
    head = analysis[:_HEAD]
    place = _gazetteer(_author_lines(analysis), levels) or _pattern(head, levels)
    if place is not None:
        place = _author_below(place, analysis, levels) or place
    name, level, province, prefecture, evidence = place or (None, None, None, None, None)
    agency = None
    if name:
        at = head.find(name)
        m = re.compile(_AGENCY).match(head, at + len(name)) if at >= 0 else None
        if m:
            agency = text[at:m.end()]
    dated = _CLOCK.sub("", head)
    year = _year(dated) or _year(_CLOCK.sub("", analysis)) or _published_year(text[:_HEAD])  # (chrome lines too)
    titled = _WORK_REPORT_YEAR.search(head)  # 政府工作报告（2025）: the title's year, without 年
    if titled:
        year = int(titled.group(1))
    flat = _SPACES.sub("", dated)  # 政 府 工 作 报 告, a title set out with spaces
    delivered = _DELIVERED.search(flat) if _WORK_REPORT in flat and not titled else None
    if delivered:
        year = int(delivered.group(1)) - 1  # delivered in 2015, the report reviews 2014
    elif (year and _WORK_REPORT in head and not _WORK_REPORT_TASKS.search(head)
          and (titled or re.search(rf"{year} ?年[^。\n]{{0,12}}{_WORK_REPORT}", head))):
        year -= 1  # the 2024 government work report reviews 2023
    code = adcode(name, context=evidence) if name else None
    return Detected(name, level, year, agency, province, prefecture, evidence, code)


@functools.cache
def _gazetteer_codes() -> tuple[dict[str, str], dict[str, list[str]]]:
    """cpca's gazetteer: name by 6-digit code, and codes by name (市辖区 left out: not a place name)."""
    with gazetteer.table().open(encoding="utf-8") as f:
        rows = [(r["adcode"][:6], r["name"]) for r in csv.DictReader(f)]
    names = dict(rows)
    codes: dict[str, list[str]] = {}
    for code, name in rows:
        if name != "市辖区":
            codes.setdefault(name, []).append(code)
    return names, codes


def adcode(name: str | None, province: str | None = None, prefecture: str | None = None,
           context: str | None = None) -> str | None:
    """The 6-digit adcode of the division called ``name``, or None unless exactly one fits.

    ``province`` and ``prefecture``, where given (declared in config.yaml or confirmed on upload),
    must be the division's own; ``context`` (the line a detected place was read from) decides
    between divisions of one name by the parents it names. A name within a division of the same
    name (北京市, a municipality, and its city level) is the higher one.

    >>> adcode("衡南县"), adcode("保定市", "河北省"), adcode("北京市"), adcode("新华区", "河北省", "沧州市")
    ('430422', '130600', '110000', '130902')
    >>> adcode("鼓楼区"), adcode("鼓楼区", context="南京市鼓楼区政务服务局"), adcode("鼓楼区", "河南省")
    (None, '320106', '410204')
    >>> adcode("衡南县", "河北省"), adcode("无此县"), adcode(None)
    (None, None, None)
    """
    if not name:
        return None
    names, codes = _gazetteer_codes()
    found = list(codes.get(name, ()))
    if province:
        found = [c for c in found if names.get(c[:2] + "0000") == province]
    if prefecture:
        found = [c for c in found if names.get(c[:4] + "00") == prefecture]
    if context and len(found) > 1:
        named = [c for c in found if any(_named(p, context) for p in _parents(c, names))]
        found = named or found
    found = [c for c in found if not any(p in found for p in (c[:2] + "0000", c[:4] + "00") if p != c)]
    return found[0] if len(found) == 1 else None


def _parents(code: str, names: dict[str, str]) -> list[str]:
    """The names of the province and prefecture above ``code`` (not itself)."""
    return [names[p] for p in (code[:2] + "0000", code[:4] + "00") if p != code and p in names]


def _author_lines(analysis: str) -> list[str]:
    """Lines that may say who wrote the report, most telling first: the title lines of the
    beginning, the signature lines of the end, then the other lines of the beginning."""
    head = [ln.strip() for ln in re.split(r"[\n。]", analysis[:_HEAD]) if ln.strip()]
    tail = [ln.strip() for ln in analysis[-_TAIL:].split("\n") if ln.strip()] if len(analysis) > _HEAD else []
    titles = [ln for ln in head if len(ln) <= 60 and any(w in ln for w in _TITLE_WORDS)]
    signature = [ln for ln in tail[-4:] if len(ln) <= 30][::-1]
    seen, out = set(), []
    for ln in titles + signature + head:
        if ln not in seen:
            seen.add(ln)
            out.append(ln)
    return out


Place = tuple[str, str | None, str | None, str | None, str]


def _gazetteer(lines: list[str], levels: dict[str, str]) -> Place | None:
    """The place of the first line that names one (asked line by line, most telling first).

    A province named in passing (a site's breadcrumb, a medium's name, a quotation) is held back:
    a division within it on a later line is the place (岳阳 in the title below 人民网 >> 湖南频道).
    """
    held = None
    for line in lines:
        place = _line_place(line, levels)
        if place is None:
            continue
        name, _, province, _, _ = place
        if name == province and not _municipality_name(name) and _in_passing(name, line):
            held = held or place
            continue
        if held is not None and province != held[0]:
            continue  # another province's division, named in passing in a province's text
        return place
    return held


def _line_place(line: str, levels: dict[str, str]) -> Place | None:
    """The division ``line`` names, with its zone (兰州新区) or its autonomous prefecture's short
    name (延边州) where the line says so."""
    province, city, district = (_clean(x) for x in gazetteer.place(line))
    place: Place | None = None
    if district and _named(district, line):
        place = (district, _level(district, levels, county_level=True), province, city, line)
    elif city and _named(city, line) and not _municipality(province, city):
        place = (city, _level(city, levels, county_level=False), province, None, line)
    elif province and not city and not district and _named(province, line):
        level = "municipality" if province in _MUNICIPALITIES else _level(province, levels, county_level=False)
        place = (province, level, province, None, line)
    short = _short_prefecture(line, place, levels)
    if short is not None:
        return short
    return _zone(place, line, levels) if place is not None else _zone_by_stem(line, levels)


def _zone_by_stem(line: str, levels: dict[str, str]) -> Place | None:
    """A zone the gazetteer does not hold, named after a division it does (郴州综合实验区 after
    郴州市): the zone, within that division's province and prefecture."""
    for m in _ZONE_NAMED.finditer(line):
        for k in (4, 3, 2):
            stem = m.group(1)[-k:]
            code = _stems().get(stem)
            if code is None:
                continue
            names, _ = _gazetteer_codes()
            province = names.get(code[:2] + "0000")
            prefecture = None if code[2:] == "0000" else names.get(code[:4] + "00")
            zone = stem + m.group(2)
            return zone, _level(zone, levels, county_level=True), province, prefecture, line
    return None


@functools.cache
def _stems() -> dict[str, str]:
    """The gazetteer's division names without their level word (郴州 for 郴州市) -> code, for stems
    of 2–4 characters that one division holds."""
    _, codes = _gazetteer_codes()
    out: dict[str, list[str]] = {}
    for name, cs in codes.items():
        stem = _LEVEL_SUFFIX.sub("", name)
        if 2 <= len(stem) <= 4 and stem != name:
            out.setdefault(stem, []).extend(cs)
    return {k: v[0] for k, v in out.items() if len(set(v)) == 1}


def _in_passing(province: str, line: str) -> bool:
    """Is ``province`` named in passing on ``line``: in a site's breadcrumb (人民网>>湖南频道), a
    medium's name (中国河北网, 河北日报), a platform's name (河北政务服务网), a list of other news
    (• 河北省…) or a quotation (荣获“…河北省…集体”)?"""
    stem = _LEVEL_SUFFIX.sub("", province)
    if ">" in line or line.startswith(("•", "·", "●")):
        return True
    if re.search(rf"{re.escape(stem)}(?:省|自治区)?(?:{_MEDIA}|{_PLATFORMS})", line):
        return True
    at = line.find(stem)
    return at > 0 and line.count("“", 0, at) > line.count("”", 0, at)


def _municipality_name(name: str) -> bool:
    return name in _MUNICIPALITIES


def _zone(place: Place, line: str, levels: dict[str, str]) -> Place:
    """岳阳经济技术开发区, 宁波高新区, 兰州新区: a zone named after the place is the place."""
    name = place[0]
    if _ZONE_AT_END.search(name):
        return place
    stem = _LEVEL_SUFFIX.sub("", name)
    m = re.search(rf"{re.escape(stem)}(?:{re.escape(name[len(stem):])})?({_ZONES})", line)
    if not m or len(stem) < 2:
        return place
    zone = stem + m.group(1)  # 岳阳经济技术开发区 (not 岳阳市经济技术开发区: the name as written)
    prefecture = name if name.endswith("市") and place[3] is None and name != place[2] else place[3]
    return zone, _level(zone, levels, county_level=True), place[2], prefecture, line


def _short_prefecture(line: str, place: Place | None, levels: dict[str, str]) -> Place | None:
    """延边州, 凉山州: an autonomous prefecture by its short name; a county named right after
    it (延边州和龙市) is the place, and a division of another name on the line is (None)."""
    for m in _SHORT_ZHOU.finditer(line):
        before = m.group(1)
        for k in (4, 3, 2):
            stem = before[-k:]
            full = _autonomous_prefectures().get(stem)
            if full is None:
                continue
            if place is not None and place[0] != place[2] and _LEVEL_SUFFIX.sub("", place[0]) != stem \
                    and place[0] != full[0]:
                return None  # a division of another name on the line is the place
            rest = line[m.end():]
            _, _, county = (_clean(x) for x in gazetteer.place(rest))
            if county and _named(county, rest[:len(county) + 2]):  # 延边州和龙市: the county
                return county, _level(county, levels, county_level=True), full[1], full[0], line
            return full[0], "autonomous prefecture", full[1], None, line
    return None


@functools.cache
def _autonomous_prefectures() -> dict[str, tuple[str, str]]:
    """Each autonomous prefecture's short stem (延边 for 延边朝鲜族自治州) -> (name, province),
    for stems of 2–4 characters that start one such name only."""
    names, _ = _gazetteer_codes()
    full = [(n, names.get(c[:2] + "0000", "")) for c, n in names.items() if n.endswith("自治州")]
    out: dict[str, list[tuple[str, str]]] = {}
    for n, prov in full:
        for k in (2, 3, 4):
            out.setdefault(n[:k], []).append((n, prov))
    return {k: v[0] for k, v in out.items() if len(v) == 1}


_ABOVE_COUNTY = ("province", "autonomous region", "municipality", "prefecture-level city", "autonomous prefecture",
                 "league", "prefecture")
# a township or street office addressed first: the writer is a county-level government
_TOWNSHIPS_ADDRESSED = re.compile(r"^各(?:乡|镇|街道)", re.M)


def _self_references(suffix: str, analysis: str) -> int:
    """How often the text speaks of itself as a division ending in ``suffix`` (我县, 本县, 县委,
    县政府; not 各县政府, 该县, 社区委员会, 本区域)."""
    return len(re.findall(rf"(?<![各该社市县省区州])(?:我{suffix}|本{suffix}(?![域级])|{suffix}委(?!员)|{suffix}政府)",
                          analysis))


def _author_below(place: Place, analysis: str, levels: dict[str, str]) -> Place | None:
    """The county-level writer of a report that names only its parent (a county's bulletin about
    the prefecture's hotline says 我县 and 县委, not the county's name): level and parents known,
    the name only where a head line gives it before an agency word. None where the text does
    not speak of itself as lower than ``place``."""
    name, level, province, prefecture, line = place
    if level not in _ABOVE_COUNTY:
        return None
    own = _LEVEL_SUFFIX.search(name)
    own_suffix = own.group(1)[-1] if own else (name[-1] if name.endswith(("州", "盟")) else "")
    lower = None
    if level not in ("province", "autonomous region", "municipality") \
            and _TOWNSHIPS_ADDRESSED.search(analysis[:_HEAD]) and name.endswith("市"):
        lower = ("市", "county-level city")
    else:
        mine = _self_references(own_suffix, analysis) if own_suffix else 0
        for suffix in ("县", "区", "旗"):
            if suffix == own_suffix or suffix not in levels:
                continue
            n = _self_references(suffix, analysis)
            if n >= 2 and n > mine:
                lower = (suffix, levels[suffix])
                break
    if lower is None:
        return None
    parent = name if level in ("prefecture-level city", "autonomous prefecture", "league", "prefecture") else None
    found = _pattern(analysis[:_HEAD], levels)
    own_name = found[0] if found and found[0].endswith(lower[0]) and found[0] != name else None
    return own_name, lower[1], province, parent or prefecture, line


def _named(place: str, line: str) -> bool:
    """The line names the place, in full or by its stem (杭州 for 杭州市)."""
    stem = _LEVEL_SUFFIX.sub("", place)
    return place in line or (len(stem) >= 2 and stem in line)


def _clean(x: object) -> str | None:
    return x if isinstance(x, str) and x and x != "市辖区" else None


def _municipality(province: str | None, city: str | None) -> bool:
    return bool(province and city and province.startswith(("北京", "上海", "天津", "重庆")))


def _level(name: str, levels: dict[str, str], county_level: bool) -> str | None:
    if name.endswith("市"):
        return "county-level city" if county_level else "prefecture-level city"
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix):
            return levels[suffix]
    return None


def _pattern(head: str, levels: dict[str, str]) -> Place | None:
    """Without a gazetteer hit: a name with a level suffix before an agency word."""
    suffixes = sorted(levels, key=len, reverse=True)
    if not suffixes:
        return None
    suffix_re = "|".join(map(re.escape, suffixes))
    m = re.search(rf"([\u4e00-\u9fff]{{2,12}}?(?:{suffix_re}))(?:{_AGENCY_WORDS})", head)
    if not m:
        return None
    name = m.group(1)
    if re.search("[我本全各该]", name):  # 推动我市, 本县, 全区: a reference, not a name
        return None
    line = head[head.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0]
    return name, _level(name, levels, county_level=not name.endswith("市")), None, None, line


def _published_year(head: str) -> int | None:
    """The year of a page's publication date (发布时间:2020-12-29) in its head, for a text that names
    no year; a date in January or February may be of a summary of the year before: none then."""
    m = _DATE.search(head)
    return int(m.group(1)) if m and int(m.group(2)) >= _FIRST_MONTH_OF_THE_YEARS_NEWS else None


def _year(s: str) -> int | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(s)
             if not (_SINCE.match(s, m.end()) or (s[m.start() - 1:m.start()] in "自从" and m.start() > 0)
                     or _RANGE_START.match(s, m.end()))]
    if not years:
        return None
    if len(s) <= _HEAD:
        return years[0]
    counts = Counter(years)
    top = max(counts.values())
    return max(y for y, n in counts.items() if n == top)  # a tie: the later year (the earlier is compared with)
