"""Mentions -> indicator figures, by the cues of config.yaml.

A mention becomes a figure of indicator X when
- its unit is one X accepts (a rate needs %, a count 项/件/条 …) and it is no change (同比上升);
- one of X's cues stands in its clause, before the number or just after it (100%可网办);
- none of X's exclude words is near the cue and the number (the traps: 招投标, 合格率, 全覆盖 …);
- X's context words, if it has any, appear in the paragraph up to the number.
When several indicators match, the nearest cue wins; a cue that lies inside a longer cue of
another indicator (网办 inside 全程网办) gives way to it.

A clause with no cue of its own can continue the previous clause of its sentence:
"压缩比例由去年的45%, 提升至超60%" or "办结依申请公开30件, 其中县直12件".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import grammar
from .config import Config, Indicator
from .mentions import Mention
from .text import CLAUSE_END, SENTENCE_END, Document, Span

_FLIPPED = {"more_than": "less_than", "less_than": "more_than", "at_least": "less_than"}
QUOTES = "“”‘’\"'「」『』《》〈〉"
NUMBER = "#"
_FORMULA_START = "=+-@"
_REMARK = re.compile(r"[(（][^()（）#]{1,10}[)）]")  # a remark in brackets that does not hold the number
_BREAKDOWN_REACH = 3000  # characters back to look for a breakdown's opener (bounds run-on text)
_CONTEXT_REACH = 150  # characters before a number where context words count, across line ends
_OPEN_QUOTES = {"“": "”", "「": "」", "‘": "’"}
_QUOTED_NAME_REACH = 20  # characters a quoted programme name may take (“高效办成一件事”)
_NOUN_REACH = 6  # characters after a count's unit read as the noun it counts (事项主题)
_NAME_REACH = 4  # characters of the name before a list's last one that are read as that name (群众来电)
_SPACES = " \t\u3000\u00a0"
_QUOTE_TABLE = str.maketrans("", "", QUOTES + _SPACES)  # words a PDF or a gloss split are whole again
_QUOTE_CHARS = re.compile(f"[{re.escape(QUOTES + _SPACES)}]")  # the same characters, for _unquoted


def _unquoted(s: str) -> str:
    """``s.translate(_QUOTE_TABLE)`` by a regex: str.translate walks a CJK string character by
    character, the regex engine does not (several times faster on a clause)."""
    return _QUOTE_CHARS.sub("", s)


@dataclass(frozen=True)
class Cue:
    text: str
    regex: re.Pattern[str]
    head: str = ""  # the words before the first …: a window without them holds no hit of the cue
    own_excludes: bool = False  # a cue without a gap that holds one of its indicator's exclude words


WILDCARD = "＊"  # in a cue: any one Chinese character (＊＊通办: a programme named by two characters)


@lru_cache(maxsize=4096)
def compile_cue(cue: str, gap: int, wildcard_not: tuple[str, ...] = ()) -> Cue:
    """'发布…信息' -> a regex for 发布, up to ``gap`` characters, 信息 (the gap may hold the number).

    A run of ``WILDCARD`` matches as many Chinese characters, unless they are one of ``wildcard_not``
    of that length (＊＊通办 with 一网 not: 兵地通办, never 一网通办).
    """
    parts = [_cue_part(p.translate(_QUOTE_TABLE), wildcard_not) for p in cue.split("…")]
    literal = [w for w in re.split(f"{WILDCARD}+", cue.split("…")[0].translate(_QUOTE_TABLE)) if w]
    return Cue(cue, re.compile(f".{{0,{gap}}}?".join(parts)), max(literal, key=len, default=""))


def _own_excludes(cue: Cue, exclude: tuple[str, ...]) -> Cue:
    """``cue``, marked when it has no gap and holds an exclude word (有效工单 beside exclude 工单)."""
    own = "…" not in cue.text and any(w in cue.text for w in exclude)
    return replace(cue, own_excludes=True) if own else cue


def _cue_part(part: str, wildcard_not: tuple[str, ...]) -> str:
    def run(m: re.Match[str]) -> str:
        n = len(m.group())
        banned = [re.escape(w) for w in wildcard_not if len(w) == n]
        return f"[\u4e00-\u9fff]{{{n}}}" + (f"(?<!{'|'.join(banned)})" if banned else "")
    pieces = re.split(f"({WILDCARD}+)", part)
    return "".join(run(re.match(".+", x)) if x.startswith(WILDCARD) else re.escape(x) for x in pieces if x)


@dataclass(frozen=True)
class CueHit:
    indicator: Indicator
    cue: str
    start: int
    end: int
    distance: int


@dataclass(frozen=True)
class Figure:
    """A mention read as one indicator, with the evidence span that shows why."""

    mention: Mention
    indicator: str
    cue: str
    evidence_start: int
    evidence_end: int
    continues: Figure | None = None  # the figure of the clause this one continues
    complement: bool = False  # 压缩至法定时限的30%: the figure is 100 - the number written
    weak: bool = False  # found by one of the indicator's weak cues: a related measure (calls for requests)

    @property
    def value(self) -> float:
        """The indicator's value: the number as written, or what is left of 100 for a complement."""
        v = self.mention.value
        return round(100.0 - v, 6) if self.complement else v

    @property
    def qualifier(self) -> str:
        """The bound of ``value``: a complement turns 'at most x' into 'at least 100 - x'."""
        q = self.mention.qualifier
        return _FLIPPED.get(q, q) if self.complement else q


class IndicatorMapper:
    """Maps the mentions of one report to indicators, with the cues of one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        m = config.matching
        self.cues = {ind.id: [_own_excludes(compile_cue(c, m.gap, ind.wildcard_not), ind.exclude)
                              for c in (*ind.cues, *ind.weak_cues)]
                     for ind in config.indicators}
        # one search for any of an indicator's cue heads: most windows hold none, and skip its cues
        self._any_head = {i: re.compile(_alternatives(tuple(c.head for c in cues)))
                          for i, cues in self.cues.items() if cues and all(c.head for c in cues)}
        # any cue head of any indicator: a sentence without one holds no figure (see map)
        heads = tuple(c.head for cues in self.cues.values() for c in cues)
        self._union_head = re.compile(_alternatives(tuple(set(heads)))) if heads and all(heads) else None
        self._range_words = sorted(config.grammar.range_words, key=len, reverse=True)
        # the programme indicators whose every cue has a head: a window without any is no programme's
        self._programme_heads = tuple(i for i in config.grammar.programmes if i in self._any_head) \
            if all(i in self._any_head for i in config.grammar.programmes) else ()
        self.max_after, self.after_stops, self.exclude_reach = m.max_after, m.after_stops, m.exclude_reach
        self.max_after_items, self.items_words = m.max_after_items, m.items_words
        self.matching = m
        self.level_words = config.numbers.level_words
        self.parts = config.scope.parts
        self.breakdown = config.scope.breakdown
        self.grammar = config.grammar
        # the characters a body word (部门, 片区) starts with: after a count with none of them, no body
        self._body_starts = None if "" in config.grammar.bodies else frozenset(b[0] for b in config.grammar.bodies)
        # 11个街道均发布178项: a count of bodies and 均 before a count make it each body's
        self._each_body = re.compile(rf"\d\s*[\u4e00-\u9fff]?(?:{_alternatives(config.grammar.bodies)})[均都]") \
            if config.grammar.bodies else None
        self._context_text: str | None = None
        self._context_at: dict[str, list[int]] = {}
        self._by_unit: dict[str, list[Indicator]] = {}
        g = config.grammar  # 全部进驻: what all of a list's items do excludes nothing of the list
        all_do = f"(?:{_alternatives(g.subset_unless)})(?:已|已经)?(?:{_alternatives(g.subset_verbs)})"
        self._all_do = re.compile(all_do) if g.subset_unless and g.subset_verbs else None
        self._time_words = re.compile("|".join(filter(None, (_DATES, _alternatives(config.grammar.time_words)))))
        sites, joiners = _alternatives(config.scope.website), _alternatives(config.grammar.list_joiners)
        self._beside_site = {  # an exclude word joined to a website (网站及新媒体; a list's head 网站 + 新媒体)
            ind.id: re.compile(f"({sites})(?:{joiners})?(?:政务)?(?:{_alternatives(ind.exclude)})+")  # 微信公众号
            for ind in config.indicators if ind.exclude and sites and joiners}

    def map(self, doc: Document, mentions: list[Mention]) -> list[Figure]:
        """The figures among ``mentions``, in text order."""
        listed = self._enumerated(doc, mentions)
        for start, figs in self._shared_predicates(doc, mentions).items():
            listed.setdefault(start, figs)
        figures: list[Figure] = []
        prev = None
        starts = [m.start for m in mentions]
        cued: dict[int, bool] = {}  # by sentence start: does the sentence hold a cue head at all?
        for i, m in enumerate(mentions):
            if m.start in listed:
                figures.extend(listed[m.start])
                continue
            if not self._may_be_cued(doc.analysis, m.sentence, cued):
                prev = m  # every window of m lies in its sentence: no cue, no figure (a quick test)
                continue
            fig = (self.map_one(doc, m, prev) or self._continuation(doc, m, figures)
                   or self._topic(doc, m, figures, starts)
                   or self._programme(doc, m))
            prev = m
            if fig is not None and not self._in_breakdown(doc.analysis, fig, figures) \
                    and not self._of_an_excluded_whole(doc.analysis, fig) \
                    and not self._a_share_of_a_total(doc.analysis, fig, mentions[i + 1:i + 2]):
                figures.append(fig)
        return figures

    def _may_be_cued(self, text: str, sentence: Span, cued: dict[int, bool]) -> bool:
        """Does ``sentence`` hold a cue head of some indicator (quotation marks and spaces aside)?"""
        if self._union_head is None:
            return True
        hit = cued.get(sentence.start)
        if hit is None:
            said = _unquoted(text[sentence.start:sentence.end])
            hit = cued[sentence.start] = self._union_head.search(said) is not None
        return hit

    def _a_share_of_a_total(self, text: str, fig: Figure, after: list[Mention]) -> bool:
        """关于疫情方面的来电212件,占比7.3%: a count followed by its share of a total is one kind
        of that total (for the indicators of ``grammar.share_parts``), no figure of its own."""
        if fig.indicator not in self.grammar.share_parts or not after:
            return False
        m, nxt = fig.mention, after[0]
        if nxt.unit != "%" or nxt.sentence != m.sentence:
            return False
        between = text[m.end:nxt.start].strip(" ,，、;；")
        return len(between) <= 8 and between.startswith(self.grammar.share)

    def _enumerated(self, doc: Document, mentions: list[Mention]) -> dict[int, list[Figure]]:
        """Figures of the numbers in enumerations (A、B分别为x、y; A、B均达到x), by mention start.

        A number of an enumeration is read only through it: its names, not its clause, say what it is.
        """
        text = doc.analysis
        out: dict[int, list[Figure]] = {}
        for e in grammar.enumerations(text, mentions, self.grammar):
            for i, name in enumerate(e.names):
                m = e.values[0] if e.shared else e.values[i]
                out.setdefault(m.start, [])
                if m.is_change or not m.unit:
                    continue
                verb = text[e.names[-1].end:e.values[0].start]
                hit = self._name_cue(text[name.start:name.end] + verb, m, _paragraph_before(text, m.start))
                if hit is not None and all(f.indicator != hit.indicator.id for f in out[m.start]):
                    a, b = _evidence(text, e.names[0].start, m.clause.end)
                    out[m.start].append(Figure(m, hit.indicator.id, hit.cue, a, b))
        return out

    def _shared_predicates(self, doc: Document, mentions: list[Mention]) -> dict[int, list[Figure]]:
        """Figures of counts listed before one 都/均 predicate (A的N项X、M项Y都可以实现异地办理), by
        mention start: each count is what its own noun and the predicate say, where they name an
        indicator; otherwise it is read as any other number."""
        text = doc.analysis
        out: dict[int, list[Figure]] = {}
        for p in grammar.shared_predicates(text, mentions, self.grammar):
            said = text[p.predicate.start:p.predicate.end]
            for m, noun in zip(p.counts, p.nouns, strict=True):
                if m.is_change or not m.unit or self._counts_bodies_or_each(text, m):
                    continue
                hit = self._name_cue(text[noun.start:noun.end] + said, m, _paragraph_before(text, m.start))
                if hit is not None:
                    a, b = _evidence(text, m.clause.start, m.clause.end)
                    out[m.start] = [Figure(m, hit.indicator.id, hit.cue, a, b)]
        return out

    def _name_cue(self, name: str, m: Mention, paragraph: str) -> CueHit | None:
        """The indicator a listed name stands for, given the number it takes."""
        window = _unquoted(name) + NUMBER
        pos = len(window) - 1
        hits = []
        for ind in self.config.indicators:
            if not ind.admits(m.value, m.unit) or (ind.context and not any(w in paragraph + name for w in ind.context)):
                continue
            hit = self._nearest_cue(ind, window, pos, after_only=m.unit in ind.cue_after_units)
            if hit is not None:
                hits.append(hit)
        return _resolve(hits)

    def map_one(self, doc: Document, m: Mention, prev: Mention | None = None,
                need: tuple[str, ...] = ()) -> Figure | None:
        """The indicator of mention ``m`` by the cues of its own clause, or None.

        ``prev`` is the mention before it: after a change (较上年提升5%,达到70%) the level
        reached takes the cue of the change's clause. A count right after a category's name
        (城建类120件) is one kind of a total, no figure of its own. With ``need``, a window that
        holds no cue head of any of those indicators is given up early (the caller wants only them).
        """
        if not m.unit or m.is_change or (m.unit_kind == "count" and _after_category(doc.analysis, m.start)):
            return None
        text = doc.analysis
        if need and not self._may_hold(text, m, need):
            return None
        if m.unit_kind == "count" and self._counts_bodies_or_each(text, m):
            return None
        if self.matching.list_ends and text[m.clause.start:m.start].rstrip(" ").endswith(self.matching.list_ends):
            m = replace(m, clause=Span(m.clause.start, _phrase_end(text, m.end)))  # A、B等N项X、Y的Z
        elif text[m.clause.end - 1:m.clause.end] == "、":  # 100项事项可在A区、B区通办: names, not clauses
            end = _phrase_end(text, m.end)
            if not _has_number(text[m.clause.end:end]):
                m = replace(m, clause=Span(m.clause.start, end))
        window, pos = _window(text, m)
        own_left = window[:pos]
        head = self._head(text, m.clause.start)
        if head is not None:  # the words a list or 分别 refers back to, read with the clause
            head_words = _unquoted(text[head.start:head.end])
            window, pos = head_words + window, pos + len(head_words)
        last_name = None  # A、B等N件X: where B stands in the window, and the end of A
        if text[m.clause.start - 1:m.clause.start] == "、":
            b = pos - len(own_left)
            etc = max((window.find(w, b, pos) for w in self.matching.list_ends), default=-1)
            last_name = (b, etc, text[max(0, m.clause.start - 1 - _NAME_REACH):m.clause.start - 1]) if etc > b else None
        named = _quoted_after(text, m.end)  # 26个“就近办”事项: the programme the number counts
        subject = self._subject_before(text, m)  # 微博29个,共发布信息1992条: what the total is of
        hits = []
        for ind in self._taking(m.unit):
            any_head = self._any_head.get(ind.id)  # (the quick test of _nearest_cue, without a call)
            if not ind.admits(m.value, m.unit) or (any_head is not None and any_head.search(window) is None):
                continue
            if ind.exclude_in_clause and any(w in text[m.clause.start:m.start] for w in ind.exclude_in_clause):
                continue  # 12315热线…接听来电8459人次: another hotline's count
            if subject and self._excludes(ind, subject):
                continue
            win = window if last_name is None else _channels_of_a_total(window, last_name, ind.exclude)
            after_only = m.unit in ind.cue_after_units or (
                named is not None and (any_head is None or any_head.search(named) is None))
            hit = self._nearest_cue(ind, win, pos, m.unit_kind == "count", after_only)
            if hit is not None and (not ind.context or self._context(doc.analysis, ind, m)):
                hits.append(hit)
        best = _resolve(hits)
        if best is None and prev is not None and prev.sentence == m.sentence and self._borrows(own_left, prev, text):
            return self._with_clause_of(doc, m, prev)
        if best is None:
            return None
        complement = (best.indicator.id in self.grammar.complement_indicators
                      and grammar.complemented(own_left, self.grammar))
        start = m.clause.start if head is None else head.start
        return Figure(m, best.indicator.id, best.cue, *_evidence(text, start, m.clause.end),
                      complement=complement, weak=best.cue in best.indicator.weak_cues)

    def _may_hold(self, text: str, m: Mention, need: tuple[str, ...]) -> bool:
        """Can the window of ``m`` hold a cue head of one of ``need``? (A quick test on more text
        than the window: the clause with whatever head or phrase end it may read with.)"""
        head = self._head(text, m.clause.start)
        start = m.clause.start if head is None else min(head.start, m.clause.start)
        region = _unquoted(text[start:max(m.clause.end, _phrase_end(text, m.end))])
        return any(self._any_head[i].search(region) for i in need)

    def _counts_bodies_or_each(self, text: str, m: Mention) -> bool:
        """12个区直部门 counts departments, 各14项 one unit's items, 事项清单31个 lists: none is an
        indicator's count."""
        g = self.grammar
        after = text[m.end:m.end + 10].lstrip(" ")
        if self._body_starts is None or not self._body_starts.isdisjoint(after):  # a quick test first
            for body in g.bodies:  # at the unit, or after a modifier (区直部门, 属地政务服务部门)
                at = after.find(body, 0, len(body) + _BODY_MODIFIER)
                if at >= 0 and not after.startswith(("事项", "群"), at + len(body)) and _plain_words(after[:at]):
                    return True
        said = text[m.clause.start:m.start]
        if self._each_body is not None and ("均" in said or "都" in said) and self._each_body.search(said):
            return True  # 11个街道均发布178项: each street's items
        left = text[max(0, m.start - 6):m.start].rstrip(" ")
        if m.unit in g.container_units and g.containers and left.endswith(g.containers):
            return True  # 事项清单31个: 31 lists
        return bool(g.each) and left.endswith(g.each)

    def _taking(self, unit: str) -> list[Indicator]:
        """The indicators that take ``unit``, in config order (listed once per unit)."""
        if unit not in self._by_unit:
            self._by_unit[unit] = [ind for ind in self.config.indicators if unit in ind.units]
        return self._by_unit[unit]

    def _head(self, text: str, start: int) -> Span | None:
        """What a clause at ``start`` reads with: the clause that opens a list of names it ends
        (主动公开规划信息、行政许可、民生信息等政府信息N条: 主动公开规划信息, not the names between),
        or, for a clause starting with 分别, the clause before it (A和B公众号…,分别发布了x条和y条)."""
        first = _list_start(text, start)
        if first != start:
            return Span(first, text.index("、", first))
        if self.grammar.respectively and text.startswith(self.grammar.respectively, start):
            before = _clause_before(text, start)
            return Span(before, start) if before != start else None
        return None

    def _context(self, text: str, ind: Indicator, m: Mention) -> bool:
        """Does one of ``ind``'s context words stand in the paragraph, up to the clause end?

        Occurrences are indexed once per text, so a long paragraph costs no rescans.
        """
        if self._context_text is not text:
            self._context_text, self._context_at = text, {}
        para = max(text.rfind("\n", max(0, m.start - _BREAKDOWN_REACH), m.start) + 1, m.start - _BREAKDOWN_REACH)
        para = min(para, max(0, m.start - _CONTEXT_REACH))  # a short line under a heading: look above it too
        for w in ind.context:
            if w not in self._context_at:
                self._context_at[w] = [i.start() for i in re.finditer(re.escape(w), text)]
            at = self._context_at[w]
            k = bisect.bisect_left(at, para)
            if k < len(at) and at[k] + len(w) <= m.clause.end:
                return True
        return False

    def _nearest_cue(self, ind: Indicator, window: str, pos: int, count: bool = False,
                     after_only: bool = False) -> CueHit | None:
        """The nearest cue of ``ind`` around the number at ``pos`` (``count``: the number is a count;
        ``after_only``: its unit takes only a cue after it)."""
        best = None
        any_head = self._any_head.get(ind.id)
        if any_head is not None and any_head.search(window) is None:
            return None
        for cue in self.cues[ind.id]:
            if cue.head not in window:
                continue  # a quick test: the regex cannot match
            for hit in cue.regex.finditer(window):
                a, b = hit.span()
                if b <= pos:
                    if after_only or self._counts_other_after(ind, window, pos):
                        continue
                    d = pos - b
                elif a > pos:
                    d = a - pos - 1
                    between = window[pos + 1:a]
                    limit = self.max_after_items if any(w in between for w in self.items_words) else self.max_after
                    stops = self.after_stops
                    if window[:pos].rstrip(" ").endswith(self.matching.list_ends) and self.matching.list_ends:
                        limit = max(limit, self.matching.max_after_list)  # A、B等N项<a long noun phrase>
                        stops = tuple(w for w in stops if w not in self.grammar.list_joiners)
                    if d > limit or any(w in between for w in stops) or _has_number(between):
                        continue  # too far, another phrase, or the cue of a nearer number
                    if window[b:].startswith(ind.counts_after):
                        return None  # 四项跨省通办配套制度: the number counts the 制度, whatever cue stands before
                    if any(w in between for w in ind.counts_other):
                        continue  # 7个事项为一件事: the number counts the items, not the bundles
                    if (count and ind.id in self.grammar.subset_indicators
                            and grammar.names_a_subset(window[b:], self.grammar)):
                        continue  # 834个政务服务事项上线某App: the ones that do it, a sub-list
                else:
                    d = 0
                if self._excluded(ind, window, min(a, pos), (a, b) if cue.own_excludes else None):
                    continue
                if best is None or (d, a - b) < (best.distance, best.start - best.end):
                    best = CueHit(ind, cue.text, a, b, d)
        return best

    def _subject_before(self, text: str, m: Mention) -> str:
        """The clause before one that opens with a total word (微博29个,共发布信息1992条): the
        subject the total is of; empty when the clause names its own."""
        if not text.startswith(self.grammar.total_words, m.clause.start):
            return ""
        return text[_clause_before(text, m.clause.start):m.clause.start]

    def _excludes(self, ind: Indicator, words: str) -> bool:
        """Do ``words`` hold one of ``ind``'s exclude words (a website's total with them aside)?"""
        beside = self._beside_site.get(ind.id)
        if beside is not None:
            words = beside.sub(r"\1", words)
        return any(w in words for w in ind.exclude)

    def _counts_other_after(self, ind: Indicator, window: str, pos: int) -> bool:
        """Does a noun right after the number's unit say it counts something else (“一件事”将8个事项
        整合, 专区12个窗口), not one of the indicator's things (13个事项主题)?"""
        if not window.startswith(ind.counts_other, pos + 1):
            return False
        noun = _PHRASE_ENDS.split(window[pos + 1:pos + 1 + _NOUN_REACH], maxsplit=1)[0]
        any_head = self._any_head.get(ind.id)
        return any_head is None or any_head.search(noun) is None

    def _excluded(self, ind: Indicator, window: str, start: int, cue: tuple[int, int] | None = None) -> bool:
        """An exclude word near the cue and number: from a little before both to the clause end.

        Only near: in 覆盖街镇、社区的平台上线600余项政务服务事项, 社区 is not what is counted.
        ``cue``: the span of a cue that holds exclude words itself (工单 of 有效工单): within it they
        exclude nothing.
        """
        if cue is not None:
            window = window[:cue[0]] + " " * (cue[1] - cue[0]) + window[cue[1]:]
        local = _REMARK.sub("", window[max(0, start - self.exclude_reach):])  # 来电(某注): a remark, not the thing
        if ind.id in self.grammar.subset_indicators and self._all_do is not None:
            local = self._all_do.sub("", local)  # 1246项全部进驻中心: all of them, the whole list
        beside = self._beside_site.get(ind.id)
        if beside is not None and any(site in local for site in self.config.scope.website):  # most windows: no
            local = beside.sub(r"\1", local)  # 门户网站及新媒体…N条: a total that holds the website too
        return any(w in local for w in ind.exclude)

    def _borrows(self, left: str, prev: Mention, text: str) -> bool:
        """Does a clause that only says 达到/占比 take the measure of the clause before it?

        After a change (较上年提升5%,达到70%) the level reached; after a count (零跑腿事项
        800项,占比95%) the share of it; after a duration (时限压缩至2.5个工作日,压缩率85%) or a
        count said as cut to it (跑动次数减少至0.2次,减少幅度87%) its cut.
        """
        left = left.strip()
        if prev.is_change and self._is_level_change(left):
            return True
        if len(left) <= 6 and left.startswith(self.grammar.duration_cuts) and (
                prev.unit_kind == "duration" or (prev.unit_kind == "count" and self._cut_to(text, prev))):
            return True
        return (prev.unit_kind in ("count", "duration") and len(left) <= 6
                and any(left.startswith(w) for w in self.grammar.share))

    def _cut_to(self, text: str, m: Mention) -> bool:
        """Is ``m`` what something was cut to (减少至0.2次, 压减到平均3个)?"""
        left = text[m.clause.start:m.start].removesuffix("平均")
        return left.endswith(tuple(w + to for w in self.grammar.duration_cuts for to in "至到"))

    def _with_clause_of(self, doc: Document, m: Mention, before: Mention) -> Figure | None:
        """``m`` read with the clause of ``before`` as its own."""
        wide = replace(m, clause=Span(before.clause.start, m.clause.end))
        fig = self.map_one(doc, wide)
        if fig is None:
            return None
        return replace(fig, mention=m)

    def _continuation(self, doc: Document, m: Mention, done: list[Figure]) -> Figure | None:
        """Map ``m`` by the previous clause's figure when its clause only continues it."""
        if not m.unit or m.is_change or not done:
            return None
        prev = done[-1]
        pm = prev.mention
        if pm.sentence != m.sentence or pm.clause.end > m.clause.start:
            return None
        ind = self.config.indicator(prev.indicator)
        if not ind.admits(m.value, m.unit) or pm.unit_kind != m.unit_kind:
            return None
        window, pos = _window(doc.analysis, m)
        if any(w in window for w in ind.exclude):
            return None
        left = window[:pos]
        if doc.analysis[max(0, m.clause.start - 3):m.clause.start].rstrip(" ").endswith(("其中:", "其中：")):
            left = "其中" + left  # 其中:某网站100条
        if not (self._is_level_change(left) or self._is_part(left)):
            return None
        start, end = _evidence(doc.analysis, prev.mention.clause.start, m.clause.end)
        return Figure(m, ind.id, prev.cue, start, end, continues=prev, weak=prev.weak)

    def _topic(self, doc: Document, m: Mention, done: list[Figure], starts: list[int]) -> Figure | None:
        """A count whose clause only says when and a bare verb (2020年共受理7.66万件) counts the
        topic of the clause before it in its sentence (诉求总量仅次于…), or the same thing as the
        count before it, said the same way (…,2021年截至9月共受理6.21万件)."""
        if m.unit_kind != "count" or m.is_change or not self.grammar.bare_verbs:
            return None
        text = doc.analysis
        said = self._time_words.sub("", _unquoted(text[m.clause.start:m.start]))
        core = said
        for total in self.grammar.total_words:  # in their order: 共计 before 共, 累计共 loses both
            core = core.removeprefix(total)
        ranged = next((w for w in self._range_words if core.startswith(w)), None) if core.endswith("的") else None
        if ranged is not None:  # 从2020年的500件, 到2023年的…件: the period's count of the topic before
            core = core[len(ranged):-1]
        if core not in self.grammar.bare_verbs and not (core == "" and (  # or a bare total (…,共312项)
                said or _A_YEAR.fullmatch(_unquoted(text[m.clause.start:m.start])))):  # …为:2021年30万个,2022年…
            return None
        before = _clause_before(text, m.clause.start)
        if before == m.clause.start:
            return None
        if done and done[-1].mention.sentence == m.sentence and done[-1].mention.start >= before:
            prev = done[-1]
            if prev.mention.unit_kind == m.unit_kind and self.config.indicator(prev.indicator).admits(m.value, m.unit):
                return Figure(m, prev.indicator, prev.cue, *_evidence(text, m.clause.start, m.clause.end),
                              weak=prev.weak)
            return None
        if bisect.bisect_left(starts, before) < bisect.bisect_left(starts, m.clause.start):
            return None  # the clause before counts something itself (a year, a hotline's number are no count)
        fig = self.map_one(doc, replace(m, clause=Span(before, m.clause.end)))
        return None if fig is None else replace(fig, mention=m)

    def _programme(self, doc: Document, m: Mention) -> Figure | None:
        """A count whose own clause names nothing (首批58个事项覆盖…) counts the items of a programme
        the clause before it in its sentence introduces (开设“某某通办”专窗,…), for the indicators
        of ``grammar.programmes``."""
        if m.unit_kind != "count" or m.is_change or not self.grammar.programmes:
            return None
        text = doc.analysis
        before = _clause_before(text, m.clause.start)
        if before == m.clause.start or _has_number(text[before:m.clause.start]):
            return None
        fig = self.map_one(doc, replace(m, clause=Span(before, m.clause.end)), need=self._programme_heads)
        return replace(fig, mention=m) if fig is not None and fig.indicator in self.grammar.programmes else None

    def _in_breakdown(self, text: str, fig: Figure, done: list[Figure]) -> bool:
        """Is ``fig`` one kind in a breakdown (其中…) of a total of its own indicator before it?

        A breakdown ends at the sentence end (。), or at the paragraph end when it is a list of
        kinds set off by semicolons; a part of the population (其中县直12件, 其中市政府网站…) is
        no kind but a part, and is kept.
        """
        if fig.continues is not None or fig.mention.unit_kind == "percent":
            return False  # a rate after 其中 is a part's rate (其中,省市交办件满意率91.5%), not a kind of a count
        start = fig.mention.start
        para = max(text.rfind("\n", max(0, start - _BREAKDOWN_REACH), start) + 1, start - _BREAKDOWN_REACH)
        for word in self.breakdown:
            opener = text.find(word, para, start)
            while opener >= 0:
                if self._covers(text, opener, word, fig) and any(
                        f.indicator == fig.indicator and para <= f.mention.start < opener for f in done):
                    return True
                opener = text.find(word, opener + len(word), start)
        return False

    def _of_an_excluded_whole(self, text: str, fig: Figure) -> bool:
        """Is ``fig`` a part (其中…) of a whole its indicator excludes? The part carries the whole's
        words: 向4个镇赋予事项28项,其中:行政许可事项18项 are towns' items, as the 28 are."""
        m = fig.mention
        left = text[m.sentence.start:m.start]
        at = max(left.rfind(w) for w in self.breakdown)
        if at < 0:
            return False
        whole = left[:at].rstrip(CLAUSE_END + " ")
        whole = whole[max(whole.rfind(c) for c in CLAUSE_END) + 1:]  # the clause before 其中
        return _has_number(whole) and self._excludes(self.config.indicator(fig.indicator), whole)

    def _covers(self, text: str, opener: int, word: str, fig: Figure) -> bool:
        """Does the breakdown opened at ``opener`` reach ``fig``, as one of its kinds?"""
        inside = text[opener:fig.mention.start]
        stop = inside.find("。")
        if stop >= 0 and not any(s in inside[:stop] for s in ";；"):
            return False
        own = text[max(opener + len(word), fig.mention.clause.start):fig.mention.start]
        if _A_YEAR.fullmatch(own.strip()):
            return False  # 其中…分别为:2021年30万个,2022年…: a year's count, not a kind
        return not any(p in own for p in self.parts)

    def _is_level_change(self, left: str) -> bool:
        """提升至超60%: a short clause that says what the figure became."""
        return len(left) <= 6 and any(w in left for w in self.level_words)

    def _is_part(self, left: str) -> bool:
        """其中县直12件: 其中 and a part of the population, with nothing more."""
        if not left.startswith("其中"):
            return False
        rest = left[2:].rstrip("共有为是达")
        return any(rest.endswith(p) for p in self.parts)


def _window(text: str, m: Mention) -> tuple[str, int]:
    """The clause with the mention replaced by '#', quotation marks and spaces dropped; and where '#' is.

    A remark in brackets right after the number (24件(含上年结转1件)) is left out.
    """
    left = _unquoted(text[m.clause.start:m.start])
    right = text[m.end:m.clause.end].lstrip(_SPACES)
    if right[:1] in ("(", "（"):
        close = right.find(")" if right[0] == "(" else "）")
        right = right[close + 1:] if close > 0 else ""
    return left + NUMBER + _unquoted(right), len(left)


_A_YEAR = re.compile(r"\d{4}年度?的?")
_DATES = r"\d{4}年(度)?|\d{1,2}[-—~至到]\d{1,2}月(份)?|\d{1,2}月(份)?|\d{1,2}日|[ ,，]"  # 2020年, 1-9月份


_PHRASE_ENDS = re.compile(f"[{re.escape(CLAUSE_END.replace('、', ''))}]")


def _phrase_end(text: str, start: int) -> int:
    """The end of the clause from ``start``, not counting 、 (which joins the words of one phrase)."""
    end = _PHRASE_ENDS.search(text, start)
    return end.end() if end else len(text)


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _quoted_after(text: str, end: int) -> str | None:
    """The name in quotation marks right after a number's unit (26个“就近办”事项), or None."""
    if text[end:end + 1] not in _OPEN_QUOTES:
        return None
    close = text.find(_OPEN_QUOTES[text[end]], end + 1, end + 1 + _QUOTED_NAME_REACH)
    return text[end + 1:close] if close > 0 else None


def _channels_of_a_total(window: str, last: tuple[int, int, str], exclude: tuple[str, ...]) -> str:
    """``window`` with the exclude words of a list's last name blanked where the name before it
    holds none: 受理来电、网络留言等诉求N件 counts every channel's requests, 留言 is one of them
    (but 微信、微博等发布N条 stays a count of new-media posts)."""
    a, b, before = last
    if not any(w in window[a:b] for w in exclude) or any(w in before for w in exclude):
        return window
    name = window[a:b]
    for w in exclude:
        name = name.replace(w, " " * len(w))
    return window[:a] + name + window[b:]


def _list_start(text: str, start: int) -> int:
    """Where a list of names (A、B、C) that ends in the clause at ``start`` begins: back over the
    items set off by 、 that hold no number, to the clause before the list; ``start`` otherwise."""
    while start > 0 and text[start - 1] == "、":
        before = _clause_before(text, start)
        if before == start or _has_number(text[before:start]):
            break
        start = before
    return start


def _clause_before(text: str, start: int) -> int:
    """The start of the clause that ends right before ``start`` (within its sentence)."""
    if start <= 0 or text[start - 1] in SENTENCE_END:
        return start
    i = start - 1
    while i > 0 and text[i - 1] not in CLAUSE_END:
        i -= 1
    return i


def _after_category(text: str, start: int) -> bool:
    """Does a category's name (…类) stand right before the number, with at most a verb between?"""
    left = text[max(0, start - 4):start].rstrip(" ")
    for verb in ("有", "为", "共", "计", "达", "占"):
        left = left.removesuffix(verb)
    return left.endswith("类") and not left.endswith(("各类", "全类"))


_BODY_MODIFIER = 6  # at most this many characters between a count's unit and the bodies it counts


def _plain_words(s: str) -> bool:
    """Words only: no item noun (事项), no punctuation, no number — a modifier of a noun after it."""
    return "事项" not in s and all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _has_number(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _paragraph_before(text: str, i: int) -> str:
    return text[text.rfind("\n", 0, i) + 1:i]


def _resolve(hits: list[CueHit]) -> CueHit | None:
    """The winning hit: a hit inside a longer one, or overlapping a longer cue, gives way; then the
    nearest, then the longest."""
    kept = [
        h for h in hits
        if not any(o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                   for o in hits)
        and not any(o is not h and o.start < h.end and h.start < o.end and _cue_length(o) > _cue_length(h)
                    for o in hits)  # 许可事项清单(共…: overlapping cues, the more specific one
    ]
    if not kept:
        return None
    return min(kept, key=lambda h: (h.distance, -(h.end - h.start)))


def _cue_length(hit: CueHit) -> int:
    return len(_unquoted(hit.cue.replace("…", "")))


def _evidence(text: str, start: int, end: int) -> tuple[int, int]:
    """A clause span without its closing punctuation, and never starting with a character a
    spreadsheet reads as a formula (=, +, -, @): the evidence stays the report's own text."""
    while end > start and text[end - 1] in CLAUSE_END:
        end -= 1
    while start < end and (text[start] in _FORMULA_START or text[start].isspace()):
        start += 1
    return start, end
