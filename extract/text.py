"""Report text prepared for matching, with every character still at its place in the report.

The *analysis text* is the report converted to simplified script, with full-width digits and
signs folded to ASCII, web-page chrome lines blanked out, and the pinyin that some mirror sites
write after characters (服務(wù)) blanked too. It has exactly the length of the
report text, so an offset found in one is an offset in the other, and evidence is always cut
from the report's own text, in its own script.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

import opencc

from .numbers import JOINER

_WIDE, _NARROW = "０１２３４５６７８９％．，：；（）", "0123456789%.,:;()"
_WIDTH = str.maketrans(_WIDE, _NARROW)


def fold_width(text: str) -> str:
    """``text.translate(_WIDTH)``: full-width digits and signs as ASCII, by one ``replace`` per sign
    (str.translate goes character by character through a CJK text, ``replace`` does not).

    >>> fold_width("网办率９９．５％（全市）")
    '网办率99.5%(全市)'
    """
    for wide, narrow in zip(_WIDE, _NARROW, strict=True):
        if wide in text:
            text = text.replace(wide, narrow)
    return text

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,：:、"


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified-script text of the same length as ``text``.

    OpenCC converts phrase by phrase; where a phrase rule would change the length, the text
    is converted character by character instead, so offsets never move.
    """
    try:
        converted = _t2s().convert(text)
    except UnicodeEncodeError:  # lone surrogates: OpenCC takes UTF-8 only; '?' keeps the length
        text = text.encode("utf-8", "replace").decode("utf-8")
        converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


_CJK = re.compile("[\u4e00-\u9fff]")


def detect_script(text: str, converted: str | None = None) -> str:
    """'traditional' when a clear share of the Chinese characters changes under t2s."""
    converted = to_simplified(text) if converted is None else converted
    if converted == text:  # nothing changes: no need to count
        return "simplified" if _CJK.search(text) else "none"
    if not _CJK.search(text):
        return "none"
    changed = 0
    for i in range(0, len(text), 256):  # compared a block at a time: only differing blocks are counted
        a, b = text[i:i + 256], converted[i:i + 256]
        if a != b:
            changed += sum(map(operator.ne, a, b))
            if changed / len(text) > 0.05:  # a clear share of all characters, so of the Chinese ones
                return "traditional"
    cjk = len(text) - len(_CJK.sub("", text))  # counted only when the share is not clear already
    return "traditional" if changed / cjk > 0.05 else "simplified"


_CN_FIRST = "零〇一二两三四五六七八九十"  # a Chinese numeral starts with one of these (as in numbers.py)
_CN_REST = _CN_FIRST + "百千万亿"


def figure_pattern(units: Iterable[str]) -> re.Pattern[str]:
    """A number followed by % or one of ``units`` (36余件, 99.5%, 百分之九十): an indicator figure.

    >>> bool(figure_pattern(["项"]).search("数据来源：全县事项1200项"))
    True
    >>> bool(figure_pattern(["项"]).search("2020-02-24 16:21:26 来源:本网"))
    False
    """
    words = sorted({u for u in units if u and u != "%"}, key=len, reverse=True)
    unit = "|".join(["%", *map(re.escape, words)])
    number = rf"(?:\d[\d.,]*|[{_CN_FIRST}][{_CN_REST}]*)"
    return re.compile(rf"百分之[{_CN_FIRST}]|{number}[ \t]*[万亿]?[ \t]*[余多]?[ \t]*(?:{unit})")


@dataclass(frozen=True)
class ChromeLines:
    """Which lines are page chrome (config.yaml ``reading``): a short line that a pattern matches
    from its start and that holds no indicator figure. ``warn_share``: a report losing more than
    this share of its text to chrome gets a note in reports.csv."""

    patterns: tuple[re.Pattern[str], ...] = ()
    max_chars: int = 60
    figure: re.Pattern[str] | None = None
    warn_share: float = 0.2

    def is_chrome(self, line: str) -> bool:
        """Whether ``line`` (analysis text, without its line end) is chrome to be blanked."""
        return (
            len(line.strip()) <= self.max_chars
            and self._matches(line)
            and not (self.figure is not None and self.figure.search(line))
        )

    def _matches(self, line: str) -> bool:
        """``matches_any(self.patterns, line)``, with the joined regex looked up once per rules, not
        once per line (a cache look-up hashes every pattern's compiled code)."""
        if self._joined is None:
            return any(p.search(line) for p in self.patterns)
        return self._joined.search(line) is not None

    @cached_property
    def _joined(self) -> re.Pattern[str] | None:
        return _joined(self.patterns)


def matches_any(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    """``any(p.search(line) for p in patterns)``, by one regex where the patterns can be joined.

    >>> matches_any((re.compile("^关闭"), re.compile("^ *来源[:：]")), "  来源：本网")
    True
    """
    joined = _joined(patterns)
    if joined is None:
        return any(p.search(line) for p in patterns)
    return joined.search(line) is not None


_UNJOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # back-references and conditionals count groups


@lru_cache(maxsize=8)
def _joined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One regex that matches a line where any of ``patterns`` does; None where they cannot be
    joined (a back-reference or a conditional, whose group numbers would move; differing flags;
    a group name used twice)."""
    if not patterns or len({p.flags for p in patterns}) > 1 or any(_UNJOINABLE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def mask_lines(text: str, chrome: ChromeLines | Iterable[re.Pattern[str]]) -> tuple[str, int]:
    """Blank out (with spaces, same length) every chrome line; return the text and how many
    characters were blanked. Plain patterns get the default length bound and no figure check."""
    rules = chrome if isinstance(chrome, ChromeLines) else ChromeLines(tuple(chrome))
    if not rules.patterns:
        return text, 0
    out = []
    blanked = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if body.strip() and rules.is_chrome(body):
            out.append(" " * len(body) + line[len(body):])
            blanked += len(body)
        else:
            out.append(line)
    return "".join(out), blanked


def chrome_note(text: str, analysis: str, blanked: int, warn_share: float) -> str:
    """What reports.csv says when chrome rules blanked much (or all) of a report, else ''."""
    if not blanked:
        return ""
    where = "page-chrome rules (config.yaml reading.chrome_lines)"
    if not analysis.strip():
        return f"{where} blanked the whole text; check those rules"
    share = blanked / max(len(text), 1)
    if share <= warn_share:
        return ""
    return (f"{where} blanked {share:.0%} of the text ({blanked} of {len(text)} characters); "
            "if figures are missing, check those rules")


@dataclass(frozen=True)
class Document:
    """The report's text and its analysis twin, the same length.

    ``blanked`` counts the characters chrome rules blanked; ``note`` says so when that is much.
    """

    text: str
    analysis: str
    script: str
    blanked: int = 0
    note: str = ""


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# "(" first, the character before it checked behind: the regex engine then skips ahead to each "("
_GLOSS = re.compile(rf"\((?<=[\u4e00-\u9fff]\()[a-zü{_TONED}]{{1,6}}\)")
_GLOSSES_MIN = 3  # a page that glosses characters does so again and again; one "(a)" is no gloss


def blank_glosses(text: str) -> str:
    """服務(wù)辦(bàn)理 -> 服務    辦     理: pinyin glosses after characters blanked (same length),
    when the text has several of them, so that words split by them are whole again to matching
    (which reads past spaces)."""
    glosses = list(_GLOSS.finditer(text))
    if len(glosses) < _GLOSSES_MIN or not any(ch in _TONED for g in glosses for ch in g.group()):
        return text
    return _GLOSS.sub(lambda g: " " * len(g.group()), text)


FULL_LINE = 0.8  # a line this share of the text's usual full width or longer was wrapped, not ended
_ENDS = "。！？；：!?;:"
# punctuation inside a sentence: a full line that ends in it, or a line that starts with one that
# no paragraph starts with, was wrapped (网上可办率达98%,|全程网办率…; 分别减少54%|、40%)
_WRAP_ENDS = "，,、“‘《（(【"
_WRAP_STARTS = "，,、”’》）)】。；;：:！？!?"
# (a soft break inside a number, 46|210件, is numbers.JOINER in the analysis text: read through)


def soft_breaks(text: str) -> list[int]:
    """Where a hard-wrapped text only wrapped a paragraph: the offsets of those line breaks.

    A break is soft when the line before is full (``FULL_LINE`` of the text's usual width), does
    not end a sentence, and the break falls between two CJK characters or digits (网上可|办率,
    50|00件, 96.|1%, 99.5|%). An indented line starts a paragraph; a lone number is a page number.

    >>> soft_breaks("全县受理诉求50\\n00件。")
    [8]
    >>> soft_breaks("一、工作成效\\n全县网办率99%。")
    []
    """
    if "\n" not in text:
        return []
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 2:
        return []
    full = FULL_LINE * lengths[round(0.9 * (len(lengths) - 1))]  # the usual full width, past any odd long line
    out, at = [], 0
    for before, line in itertools.pairwise(lines):
        at += len(before)
        if (len(before) >= full and line[:1] and not line.strip().isdigit()
                and (line[0] in _WRAP_STARTS or (_ends_wrapped(before) and _starts_wrapped(line)))):
            out.append(at)
        at += 1
    return out


def _wrappable(ch: str) -> bool:
    return ch.isdigit() or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _ends_wrapped(line: str) -> bool:
    if line[-1:] in (".", ",", "．"):  # a decimal point or thousands comma split from its digits
        return line[-2:-1].isdigit() or (line[-1] == "," and _wrappable(line[-2:-1]))
    return (_wrappable(line[-1:]) and line[-1] not in _ENDS) or line[-1:] in _WRAP_ENDS


def _starts_wrapped(line: str) -> bool:
    return _wrappable(line[0]) or line[0] in "%％" or (line[0] in ".．" and line[1:2].isdigit())


def _in_a_number(before: str, after: str) -> bool:
    """Does a break between these two characters fall inside a number (46|210, 71.|91, 3|.5)?"""
    return (before.isdigit() or before == ".") and (after.isdigit() or after == ".") and before + after != ".."


def unwrap(analysis: str) -> str:
    """``analysis`` with each soft line break (``soft_breaks``) a space, or ``JOINER`` inside a number:
    a paragraph a plain-text report wrapped by hand (网上可办\\n率达98%, 46\\n210件) reads as one
    sentence; offsets do not move."""
    breaks = soft_breaks(analysis)
    if not breaks:
        return analysis
    chars = list(analysis)
    for i in breaks:
        chars[i] = JOINER if _in_a_number(analysis[i - 1:i], analysis[i + 1:i + 2]) else " "
    return "".join(chars)


def prepare(text: str, chrome: ChromeLines | Iterable[re.Pattern[str]] = ()) -> Document:
    """Build the analysis text for ``text`` (see the module docstring)."""
    simplified = to_simplified(text)
    analysis, blanked = mask_lines(blank_glosses(fold_width(simplified)), chrome)
    analysis = unwrap(analysis)
    assert len(analysis) == len(text)  # an invariant of this module, not input validation
    share = chrome.warn_share if isinstance(chrome, ChromeLines) else ChromeLines().warn_share
    return Document(text=text, analysis=analysis, script=detect_script(text, simplified), blanked=blanked,
                    note=chrome_note(text, analysis, blanked, share))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@lru_cache(maxsize=8)
def _cuts(ends: str) -> re.Pattern[str]:
    """A regex for any one character of ``ends``: the places a text may be cut."""
    return re.compile(f"[{re.escape(ends)}]")


def split_spans(text: str, ends: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of ``text[start:end]`` cut after each character in ``ends``, whitespace trimmed."""
    end = len(text) if end is None else end
    i = start
    for cut in _cuts(ends).finditer(text, start, end):
        j = cut.start()
        if text[j] == "," and _thousands_comma(text, j):
            continue
        yield from _trimmed(text, i, j + 1)
        i = j + 1
    if i < end:
        yield from _trimmed(text, i, end)


def _thousands_comma(text: str, j: int) -> bool:
    """A comma inside a number such as 11,449."""
    return (
        text[j] == ","
        and 0 < j < len(text) - 3
        and text[j - 1].isdigit()
        and text[j + 1 : j + 4].isdigit()
        and not text[j + 4 : j + 5].isdigit()
    )


def _trimmed(text: str, a: int, b: int) -> Iterator[Span]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield Span(a, b)


def sentences(text: str) -> list[Span]:
    """Sentence spans: cut at 。！？；and line ends."""
    return list(split_spans(text, SENTENCE_END))


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clause spans inside one sentence: cut at commas, colons and 、 as well."""
    return list(split_spans(text, CLAUSE_END, sentence.start, sentence.end))


# A clause cut, or a comma that may be a thousands separator (11,449): one with a digit after it
# (str.isdigit holds for no CJK, Latin or CJK-punctuation character; the others are checked).
_SURE = "\u4e00-\u9fff\u3000-\u303f\uff00-\uff0f\x00-/:-\x7f"
_SENTENCE_CUT = _cuts(SENTENCE_END)
# The cut character comes first in the pattern, so that the regex engine skips ahead to one (a
# pattern that starts with a group or an alternation is tried at every place); group "cut" then
# says it is sure: no comma (the look-behind), or a comma with a sure character after it.
_CLAUSE_CUT = re.compile(f"[{re.escape(CLAUSE_END)}](?P<cut>(?<!,)|(?=[{_SURE}]))?")


class SentenceIndex:
    """The sentence and clause around a place of a text, found when asked: the same spans as
    ``sentences(text)`` and ``clauses(text, sentence)``, with only the sentences asked about cut
    into clauses. Asked in text order, the cost grows with the length of the text, not its square.

    >>> s = SentenceIndex("办件12件。 网办率99%，提升5%")
    >>> s.sentence(9), s.clause(9), s.clause(16)
    (Span(start=7, end=18), Span(start=7, end=14), Span(start=14, end=18))
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._reversed = text[::-1]  # the last cut before a place is the first one in the reversed text
        self._raw = (0, 0)  # the sentence last found, between its cuts (untrimmed)
        self._span = Span(0, 0)
        self._clause_cuts: dict[int, list[int]] = {}  # by the start of a sentence (untrimmed)

    def sentence(self, i: int) -> Span:
        """The sentence that holds ``i`` (a character that is no space)."""
        self._find(i)
        return self._span

    def clause(self, i: int) -> Span:
        """The clause that holds ``i`` (a character that is no space). Every sentence end also
        ends a clause, so a clause never reaches past its sentence."""
        a, b = self._find(i)
        if a not in self._clause_cuts:
            self._clause_cuts[a] = [
                cut.start() for cut in _CLAUSE_CUT.finditer(self.text, a, b)
                if cut.lastgroup == "cut" or not _thousands_comma(self.text, cut.start())]
        cuts = self._clause_cuts[a]
        k = bisect.bisect_left(cuts, i)  # the first cut at or after i ends the clause
        return self._trim(cuts[k - 1] + 1 if k > 0 else a, cuts[k] + 1 if k < len(cuts) else b, i)

    def _find(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence around ``i`` between its cuts; kept for the next place."""
        a, b = self._raw
        if a <= i < b:
            return self._raw
        text = self.text
        after = _SENTENCE_CUT.search(text, i)
        before = _SENTENCE_CUT.search(self._reversed, len(text) - i)
        a = len(text) - before.start() if before else 0
        b = after.start() + 1 if after else len(text)
        self._raw, self._span = (a, b), self._trim(a, b, i)
        return self._raw

    def _trim(self, a: int, b: int, i: int) -> Span:
        text = self.text
        while a < b and text[a].isspace():  # as _trimmed, without a generator
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return Span(a, b) if b > a else Span(i, i + 1)
