"""Numbers as written in Chinese reports: "123.4万" -> 1234000, "百分之八十六" -> 86.

This module knows digits, Chinese numerals and the 万/亿 multipliers, nothing else: units,
qualifiers and what a number means are decided by the callers, from config.yaml.

Every function works on *analysis text* (see ``text.py``): full-width digits already folded
to ASCII, same length as the report, so a span found here is a span of the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

# 1,234,567 only with groups of exactly three digits, so "2468项,其中" stays two tokens.
_THOUSANDS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
_ARABIC = rf"{_THOUSANDS}|\d+(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMERAL = rf"[{_CN_DIGITS}十][{_CN_DIGITS}十百千万亿]*"

# The lookahead names every character a number can start with: it changes no match, but lets the
# regex engine skip ahead to such a character instead of trying the whole pattern at every place.
# 百分之九十八点五: a decimal 点 only after 百分之 (elsewhere 两点一线, 三点建议 are no numbers)
_NUMBER = (rf"(?=[\d{_CN_DIGITS}十百])"
           rf"(?P<pct>百分之)?(?:(?P<arabic>{{arabic}})|(?P<cn>{_CN_NUMERAL}(?(pct)(?:点[{_CN_DIGITS}]+)?)))"
           rf"(?P<mult>[万亿](?![{_CN_DIGITS}十百千]))?")
NUMBER_RE = re.compile(_NUMBER.format(arabic=_ARABIC))
# The same, reading through a soft line break inside a number (46\u2060210: see text.JOINER), for a
# text that has one.
JOINER = "\u2060"
_JOINED_DIGITS = rf"\d(?:{JOINER}?\d)*"
JOINED_NUMBER_RE = re.compile(_NUMBER.format(
    arabic=rf"{_THOUSANDS}|{_JOINED_DIGITS}(?:{JOINER}?\.{JOINER}?{_JOINED_DIGITS})?"))


@dataclass(slots=True)
class Number:
    """A number found in text, with its span; ``percent`` for the 百分之 form.

    ``value`` is parsed on first use: most Chinese-numeral runs turn out to be names.
    """

    match: re.Match[str]
    _value: float | bool | None = field(default=False, init=False, repr=False, compare=False)  # False: not yet

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def surface(self) -> str:
        return self.match.group(0)

    @property
    def chinese(self) -> bool:
        return self.match.group("cn") is not None

    @property
    def percent(self) -> bool:
        return self.match.group("pct") is not None

    @property
    def value(self) -> float | None:
        if self._value is False:  # parsed once, on first use (functools.cached_property takes a lock)
            self._value = _value(self.match)
        return self._value


def parse_arabic(s: str) -> Decimal | None:
    """'1,250.5' -> Decimal('1250.5'); None when it is not a plain number.

    >>> parse_arabic("1,250")
    Decimal('1250')
    """
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def parse_chinese(s: str) -> Decimal | None:
    """'三千二百' -> Decimal('3200'); None for strings that are not a whole numeral.

    >>> parse_chinese("二十五")
    Decimal('25')
    """
    if not s:
        return None
    small = _small_numeral(s)
    if small is not None:
        return small
    import cn2an  # imported on first use (a third of a second): most numerals are read above

    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small_numeral(s: str) -> Decimal | None:
    """三 -> 3, 十一 -> 11, 三十 -> 30, 二十五 -> 25; None for any other form (cn2an reads those).

    The numerals of reports are nearly all of these forms; tests/test_numbers.py checks every
    string of up to three numeral characters against cn2an.
    """
    if len(s) == 1:
        value = 10 if s == "十" else _DIGIT_VALUES.get(s)
    elif len(s) == 2 and s[0] == "十":
        value = 10 + _DIGIT_VALUES[s[1]] if s[1] in _DIGIT_VALUES else None
    elif len(s) in (2, 3) and s[1] == "十" and s[0] in _DIGIT_VALUES:
        tens = 10 * _DIGIT_VALUES[s[0]]
        value = tens if len(s) == 2 else (tens + _DIGIT_VALUES[s[2]] if s[2] in _DIGIT_VALUES else None)
    else:
        value = None
    return None if value is None else Decimal(value)


def parse_number(s: str) -> float | None:
    """Parse one number as written, with an optional 万/亿 multiplier or 百分之 prefix.

    >>> parse_number("123.4万")
    1234000.0
    >>> parse_number("百分之八十六")
    86.0
    >>> parse_number("一是") is None
    True
    """
    m = NUMBER_RE.fullmatch(s.strip())
    if not m:
        return None
    return _value(m)


def _value(m: re.Match[str]) -> float | None:
    arabic = m.group("arabic")
    if arabic and JOINER in arabic:
        arabic = arabic.replace(JOINER, "")
    if arabic and not m.group("mult"):
        return float(arabic.replace(",", ""))  # what float(Decimal(...)) gives, without the Decimal
    base = parse_arabic(arabic) if arabic else parse_chinese(m.group("cn"))
    if base is None:
        return None
    if m.group("mult"):
        base *= MULTIPLIERS[m.group("mult")]
    return float(base)


def find_numbers(text: str) -> list[Number]:
    """Every Arabic number and every Chinese-numeral run in ``text``, in order.

    A candidate whose ``value`` is None is no number after all. Whether a Chinese-numeral
    run is a quantity (三千二百项) or a name (十统一, 一是) is for the caller to decide from
    what surrounds it.
    """
    return [Number(m) for m in NUMBER_RE.finditer(text)]
