"""Jurisdiction facts detected from a report's own text, for reports config.yaml does not list.

Only what the text says plainly: the name of the place and its level (from its suffix: 县,
市, 区, 旗 …), the report year and the issuing agency. Anything not found stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_HEAD = 400  # characters of the report's beginning where its title and issuer stand
# what follows a place's name in a title or issuer (bare 政府 would take 根据市政府 for a place)
_AGENCY_WORDS = "人民政府|政务服务|行政审批|大数据|数据资源|数据管理|行政服务|营商环境|政府信息公开"
_UPPER = "省|市|州|盟|地区"


@dataclass(frozen=True)
class Detected:
    name_zh: str | None
    level: str | None
    report_year: int | None
    agency: str | None


def detect(analysis: str, text: str, levels: dict[str, str]) -> Detected:
    """Detect name, level, year and agency from a report (``analysis`` is its simplified twin).

    >>> detect("青山区行政审批管理局2023年工作总结", "青山区行政审批管理局2023年工作总结", {"区": "district"})
    Detected(name_zh='青山区', level='district', report_year=2023, agency='青山区行政审批管理局')
    """
    suffixes = sorted(levels, key=len, reverse=True)
    head = analysis[:_HEAD]
    name, level, agency = None, None, None
    if suffixes:
        suffix_re = "|".join(map(re.escape, suffixes))
        m = re.search(rf"([\u4e00-\u9fff]{{2,12}}?(?:{suffix_re}))(?:{_AGENCY_WORDS})", head)
        if m:
            start, end = _last_place(head, m.start(1), m.end(1), suffixes)
            name = text[start:end]
            level = levels[next(s for s in suffixes if head[start:end].endswith(s))]
            a = re.compile(r"[\u4e00-\u9fff]{0,16}?(?:局|委员会|办公室|中心)").match(head, end)
            if a:
                agency = text[start:a.end()]
    return Detected(name, level, _year(head) or _year(analysis), agency)


def _last_place(head: str, start: int, end: int, suffixes: list[str]) -> tuple[int, int]:
    """成都市武侯区 -> 武侯区: the lowest place of a chain of places."""
    span = head[start:end]
    cut = None
    for m in re.finditer(_UPPER, span[:-1]):
        rest = span[m.end():]
        if len(rest) >= 2 and any(rest.endswith(s) for s in suffixes):
            cut = m.end()
    return (start + cut, end) if cut is not None else (start, end)


def _year(s: str) -> int | None:
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d) ?(?=年)", s)]
    if not years:
        return None
    return Counter(years).most_common(1)[0][0] if len(s) > _HEAD else years[0]
