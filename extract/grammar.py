"""The grammar of official prose: structures that decide what a number is, beyond its own clause.

- enumerations: 网上可办率、全程网办率分别为98%、85% (each name takes its number, in order) and
  网上可办率、全程网办率均达到100% (every name takes the one number);
- complements: 压缩至法定时限的30% (what is left: the reduction is 70%);
- plans and targets: 力争…, 到2025年…, and the next year's plans after a heading such as
  三、2023年工作计划 are not the report year's figures;
- multi-year reviews: “十四五”以来, 五年来 — another period.

The words come from config.yaml (``grammar``); this module holds only the mechanisms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import GrammarWords
from .mentions import Mention
from .text import Span

_HEADING_MAX = 40  # characters: a longer line is prose, not a heading
_CN = "一二三四五六七八九十"
_HEADING_MARK = re.compile(  # 三、  (二)  2.  第三部分
    rf"^\s*(?:[{_CN}]+[、.．]|[(（][{_CN}\d]+[)）]|\d+[、.．]|第[{_CN}]+[部章节])")
_YEARS_SUM = re.compile(  # 8年累计, 五年来, 2021年至2024年 (a span of years)
    rf"(?<![\d年])(?:\d{{1,2}}|[{_CN}两]+) ?年 ?(?:来|累计|以来)|20\d\d ?年? ?(?:至|到|-|—|~) ?20\d\d ?年")
_OWN_TIME = re.compile(r"今年|本年|全年|当年|年内|上半年|季度|月份|\d{4} ?年|\d{1,2}月")
_YEAR_OF = re.compile(r"(20\d\d) ?年")
_YEAR_SINCE = re.compile(r"(20\d\d) ?年以来")
_NAME_BEFORE = 12  # characters before a count where the joiner to the count before it may stand
_LATER_YEAR = re.compile(r"(?:到|至)(20\d\d) ?年|(20\d\d) ?年(?:底|末)?前")  # 到2025年, 2025年底前


@dataclass(frozen=True)
class Enumeration:
    """Names listed before 分别/均 and the numbers they take."""

    names: tuple[Span, ...]
    values: tuple[Mention, ...]
    shared: bool  # 均: every name takes the one value


def enumerations(text: str, mentions: list[Mention], words: GrammarWords) -> list[Enumeration]:
    """The enumerations of ``text`` whose numbers are among ``mentions``."""
    out = []
    by_sentence: dict[Span, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    markers = [(w, False) for w in words.respectively] + [(w, True) for w in words.all_of]
    for sentence, ms in by_sentence.items():
        said = text[sentence.start:sentence.end]
        for marker, shared in markers:
            if marker not in said:
                continue  # a quick test before the regex
            for hit in re.finditer(re.escape(marker), said):
                at = sentence.start + hit.start()
                e = _enumeration(text, sentence, at, at + len(marker), ms, words, shared)
                if e is not None:
                    out.append(e)
    return out


@dataclass(frozen=True)
class SharedPredicate:
    """Counts listed before one predicate (A的N项X、M项Y,以及B的K项Z都可以实现异地办理)."""

    counts: tuple[Mention, ...]
    nouns: tuple[Span, ...]  # what each count counts: from its unit to the next count (or the marker)
    predicate: Span  # from 都/均 to the clause end


def shared_predicates(text: str, mentions: list[Mention], words: GrammarWords) -> list[SharedPredicate]:
    """Lists of two or more counts that one 都/均 predicate after them is said of."""
    out = []
    by_sentence: dict[Span, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for sentence, ms in by_sentence.items():
        counts = [m for m in ms if m.unit_kind == "count"]
        if len(counts) < 2:
            continue
        said = text[sentence.start:sentence.end]
        for marker in words.all_of:
            for hit in re.finditer(re.escape(marker), said):
                at = sentence.start + hit.start()
                listed = _counts_before(text, at, [m for m in counts if m.end <= at], words)
                if len(listed) >= 2:
                    end = _clause_end(text, at, sentence.end)
                    nouns = tuple(Span(m.end, nxt.start if nxt is not None else at)
                                  for m, nxt in zip(listed, [*listed[1:], None], strict=True))
                    out.append(SharedPredicate(tuple(listed), nouns, Span(at, end)))
    return out


def _counts_before(text: str, at: int, counts: list[Mention], words: GrammarWords) -> list[Mention]:
    """The counts of a list that ends right before ``at``: back while only a noun (no clause end but
    a joiner) stands between a count and the next."""
    listed: list[Mention] = []
    end = at
    for m in reversed(counts):
        between = text[m.end:end]
        if any(c in between for c in "。；;:：\n") or _breaks_a_list(between, words):
            break
        listed.append(m)
        end = m.start
        before = text[max(0, m.start - _NAME_BEFORE):m.start]
        if not any(j in before for j in (*words.list_joiners, ",", "，")):
            break  # the first count of the list: nothing joins it to one before
    return listed[::-1]


def _breaks_a_list(between: str, words: GrammarWords) -> bool:
    """A comma between two counts that no joiner follows ends the list (,以及 joins it)."""
    return any(c in ",，" and not between[i + 1:].lstrip(" ").startswith(words.list_joiners)
               for i, c in enumerate(between))


def _clause_end(text: str, start: int, limit: int) -> int:
    ends = [i for i in (text.find(c, start, limit) for c in "，,；;。") if i >= 0]
    return min(ends) if ends else limit


def _enumeration(text: str, sentence: Span, at: int, after: int, ms: list[Mention], words: GrammarWords,
                 shared: bool) -> Enumeration | None:
    names = _names_before(text, sentence.start, at, words)
    if len(names) < 2:
        return None
    values = _values_after(text, after, [m for m in ms if m.start >= after], words)
    if shared and len(values) >= 1:
        return Enumeration(names, values[:1], True)
    if not shared and len(values) == len(names):
        return Enumeration(names, tuple(values), False)
    return None


def _names_before(text: str, start: int, at: int, words: GrammarWords) -> tuple[Span, ...]:
    """The list of names that ends at ``at``: back to the clause boundary, split at the joiners
    (a comma right before the marker still ends a list set off by 、: A、B、C，分别为…)."""
    comma = at
    while comma > start and text[comma - 1] in " \u3000":
        comma -= 1
    if comma > start and text[comma - 1] in "，," and "、" in text[_clause_start(text, start, comma - 1):comma]:
        at = comma - 1
    i = _clause_start(text, start, at)
    last_digit = max((k for k in range(i, at) if text[k].isdigit()), default=i - 1)
    i = last_digit + 1  # 2030年全区“甲办”“乙办”…: the names start after the last number
    while i < at and not (text[i].isalpha() or text[i] in "“‘\"「"):
        i += 1  # …减少12%、时限和跑动分别…: not the 、 after the number
    phrase = text[i:at]
    if not phrase:
        return ()
    joiners = [re.escape(j) for j in sorted(words.list_joiners, key=len, reverse=True)]
    joiner = "|".join([*joiners, "(?<=[”」』])(?=[“「『])"])  # 「网上办」「马上办」 too
    spans, pos = [], i
    for part in re.split(f"({joiner})", phrase):  # “网上办”“马上办”: quoted names need no joiner
        if part and not re.fullmatch(joiner, part):
            spans.append(Span(pos, pos + len(part)))
        pos += len(part or "")
    return tuple(spans)


def _clause_start(text: str, start: int, at: int) -> int:
    """Where the clause that ends at ``at`` starts (not before ``start``)."""
    i = at
    while i > start and text[i - 1] not in "，,；;。：:\n":
        i -= 1
    return i


def _values_after(text: str, after: int, ms: list[Mention], words: GrammarWords) -> list[Mention]:
    """The numbers that follow: the first within a few characters, each next one after a joiner."""
    values: list[Mention] = []
    pos = after
    for m in ms:
        gap = text[pos:m.start]
        if not values:
            if len(gap) > 8 or any(ch in "，,；;。" for ch in gap):
                break
        elif gap.strip() not in words.list_joiners and gap.strip() not in (",", "，"):
            break
        elif gap.strip() in (",", "，") and m.unit_kind != values[0].unit_kind:
            break  # 分别减少50%、30%,100个事项…: the list of rates ends at the count
        values.append(m)
        pos = m.end
    return values


def complemented(left: str, words: GrammarWords) -> bool:
    """Does the clause text before a rate say it is what is left (…至法定时限的#)?"""
    left = left.rstrip(" 约仅只")
    return any(left.endswith(w) for w in words.complement_before)


def plan_regions(text: str, words: GrammarWords, year: int | None) -> list[Span]:
    """Spans of the next year's plans: from a plan heading to the next heading of its kind that
    is not a plan, or to the end."""
    regions = []
    lines = list(re.finditer(r"[^\n]+", text))
    open_at, open_mark = None, None
    for ln in lines:
        line = ln.group(0)
        if len(line.strip()) > _HEADING_MAX:
            continue
        mark = _HEADING_MARK.match(line)
        kind = _mark_kind(mark.group(0)) if mark else None
        if open_at is None:  # (whether the line names a plan is asked only where it matters)
            if (mark or len(line.strip()) <= 16) and _is_plan_heading(line, words, year):
                open_at, open_mark = ln.start(), kind
        elif mark and kind == open_mark and not _is_plan_heading(line, words, year):
            regions.append(Span(open_at, ln.start()))
            open_at = None
    if open_at is not None:
        regions.append(Span(open_at, len(text)))
    return regions


def _is_plan_heading(line: str, words: GrammarWords, year: int | None) -> bool:
    """A heading of plans (2023年工作计划), not of a review."""
    return (any(w in line for w in words.plan_headings) or _names_later_year(line, year, words)) \
        and not any(w in line for w in words.review_headings)


def _mark_kind(mark: str) -> str:
    mark = mark.strip()
    if mark[0] in "(（":
        return "paren"
    if mark[0].isdigit():
        return "digit"
    return mark[0] if mark.startswith("第") else "cn"


def _names_later_year(line: str, year: int | None, words: GrammarWords) -> bool:
    """A heading such as 2023年工作 in a 2022 report."""
    if year is None:
        return False
    return any(int(y) > year for y in _YEAR_OF.findall(line)) and "工作" in line


_LABEL = re.compile(r"[^，,。；;：:\n]{1,12}[：:]")


def is_target(text: str, m: Mention, words: GrammarWords, year: int | None) -> bool:
    """Is ``m`` a plan or target: a target word before it in its clause or at the start of its
    sentence (力争到2025年,…), or a later year it is to be reached by?"""
    clause_left = text[m.clause.start:m.start]
    head = text[m.sentence.start:min(m.start, m.sentence.start + 6)]
    label = _LABEL.match(text, m.sentence.start, m.start)  # 2024年主要目标: a label before a colon
    if label:
        head += label.group()
    if any(w in clause_left or w in head for w in words.target) or _quoted_target(text, m, words):
        return True
    left = text[m.sentence.start:m.start]
    return bool(year and any(int(a or b) > year for a, b in _LATER_YEAR.findall(left)))


def _quoted_target(text: str, m: Mention, words: GrammarWords) -> bool:
    """提出的“2021年实现132项高频事项跨省通办”目标要求 (or 的省目标任务): a number in a quotation
    named a target."""
    left = text[m.sentence.start:m.start]
    opened = max(left.rfind(q) for q in "“「‘")
    if opened < 0 or opened < max(left.rfind(q) for q in "”」’"):
        return False
    right = text[m.end:m.sentence.end]
    closes = [i for i in (right.find(q) for q in "”」’") if i >= 0]
    if not closes:
        return False
    after = right[min(closes) + 1:].lstrip("’”」").removeprefix("的")
    owner = next((w for w in sorted(words.target_owners, key=len, reverse=True) if after.startswith(w)), "")
    return after.removeprefix(owner).startswith(words.target)  # “…”的省目标任务


def is_multi_year(text: str, m: Mention, words: GrammarWords, year: int | None) -> bool:
    """Is ``m`` a count said of several years (“十四五”以来累计…, 五年来, 2019年以来)?

    A rate is a level at one time: the level a review says was reached is the current one.
    """
    if m.unit_kind != "count":
        return False
    clause_left = text[m.clause.start:m.start]
    head = text[m.sentence.start:min(m.start, m.sentence.start + 10)]  # “十四五”以来,累计…
    if any(w in clause_left or w in head for w in words.multi_year) or _YEARS_SUM.search(clause_left):
        return True
    # 平台8年累计话务量300万个,转办诉求40万个: the span of years holds for the clauses after it,
    # until a clause names its own time (今年受理…, 2023年…)
    sentence_left = text[max(m.sentence.start, m.start - 80):m.clause.start]
    if _YEARS_SUM.search(sentence_left) and not _OWN_TIME.search(clause_left):
        return True
    return bool(year and any(int(y) < year for y in _YEAR_SINCE.findall(clause_left)))


def names_a_subset(after_cue: str, words: GrammarWords) -> bool:
    """834个政务服务事项上线某App: does what follows the counted things' name make them a sub-list?

    ``after_cue`` is the clause after the name. 已 is skipped; 全部/均 (all of them do it) keeps the total.
    """
    rest = after_cue.lstrip(" ").removeprefix("已").removeprefix("已经")
    if any(rest.startswith(w) for w in words.subset_unless):
        return False
    return any(rest.startswith(w) for w in words.subset_verbs)
