"""jieba with the project's dictionary of government-service terms, loaded once, and the names of
the corpus at hand (places, their stems, agencies) added as whole words.

jieba's prefix-dictionary cache goes to .cache/jieba in the project, and its log lines are
kept off stderr.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba
import pandas as pd

from extract.text import to_simplified

ROOT = Path(__file__).resolve().parent.parent
USER_DICT = Path(__file__).resolve().parent / "userdict.txt"
CACHE = ROOT / ".cache" / "jieba"
_lock = threading.Lock()
_ready = False
_names: set[str] = set()  # names already in the dictionary

# Level words a place name ends with, longest first (config.yaml `levels`, and 市): 乌审旗 is 乌审 + 旗.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "开发区", "试验区", "实验区", "高新区", "新区",
                  "地区", "省", "市", "县", "区", "旗", "州", "盟")
PLACE, AGENCY = "ns", "nt"  # jieba's tags for place and organisation names: never kept as keywords
NAME_FREQ = 5000  # above the dictionary's 2000: a name stays whole next to the terms it contains
STEM_FREQ = 100  # enough to keep 乌审 one word, too little to cut 振兴国家 as 振/兴国/家
_LEADING_PLACE = re.compile(rf"^.{{2,10}}?(?:{'|'.join(PLACE_SUFFIXES)})")


def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, initialised on first use with the project dictionary."""
    global _ready
    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.ERROR)
            CACHE.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(CACHE)
            jieba.dt.initialize()
            jieba.dt.load_userdict(str(USER_DICT))
            _ready = True
    return jieba.dt


def words(text: str) -> list[str]:
    """Tokens of ``text`` after conversion to simplified script."""
    return tokenizer().lcut(to_simplified(text))


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of ``text`` in simplified script."""
    return [(p.word, p.flag) for p in tagger().cut(to_simplified(text))]


def tagger():
    """jieba's part-of-speech tagger on the shared tokenizer. Imported on first use: reading its tag
    table takes most of a second, which the pinyin of names (``tokenizer`` alone) does not need."""
    tokenizer()
    import jieba.posseg

    return jieba.posseg.dt


def stem(place: str) -> str | None:
    """A place name without its level word, where at least two characters are left.

    >>> stem("乌审旗"), stem("内蒙古自治区"), stem("沙市"), stem("政务服务局")
    ('乌审', '内蒙古', None, None)
    """
    for suffix in PLACE_SUFFIXES:
        if place.endswith(suffix):
            return place[: -len(suffix)] if len(place) - len(suffix) >= 2 else None
    return None


def name_words(places: Iterable[str], agencies: Iterable[str]) -> dict[str, str]:
    """Word -> tag for the dictionary: each place and its stem (ns); each agency whole and without the
    places it starts with (nt): 乌审旗政务服务局 gives 乌审旗政务服务局 and 政务服务局.

    >>> sorted(name_words(["乌审旗"], ["乌审旗政务服务局"]).items())
    [('乌审', 'ns'), ('乌审旗', 'ns'), ('乌审旗政务服务局', 'nt'), ('政务服务局', 'nt')]
    """
    out: dict[str, str] = {}
    known = sorted({to_simplified(p.strip()) for p in places if _is_name(p)}, key=len, reverse=True)
    for place in known:
        out[place] = PLACE
        if (s := stem(place)) is not None and s not in known:
            out.setdefault(s, PLACE)
    for agency in {to_simplified(a.strip()) for a in agencies if _is_name(a)}:
        out[agency] = AGENCY
        rest = agency
        while True:  # 广东省湛江市徐闻县政务服务数据管理局 -> 政务服务数据管理局
            lead = next((p for p in known if rest.startswith(p)), None)
            if lead is None and (m := _LEADING_PLACE.match(rest)) and stem(m.group()) is not None:
                lead = m.group()
                out.setdefault(lead, PLACE)
            if lead is None or len(rest) - len(lead) < 3:
                break
            rest = rest[len(lead):]
            out.setdefault(rest, AGENCY)
    return out


def _is_name(value: object) -> bool:
    return isinstance(value, str) and len(value.strip()) >= 2


def corpus_names(reports: pd.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(places, agencies) of a reports frame: each report's name, prefecture and province, and its agency.

    Blank, missing and NaN cells are left out.
    """
    places = [v for col in ("name_zh", "prefecture", "province") if col in reports
              for v in reports[col].tolist() if _is_name(v)]
    agencies = [v for v in reports["agency"].tolist() if _is_name(v)] if "agency" in reports else []
    return tuple(dict.fromkeys(places)), tuple(dict.fromkeys(agencies))


def add_names(places: Iterable[str], agencies: Iterable[str] = ()) -> None:
    """Put the names of the corpus at hand into the shared tokenizer (each once), so a place or an
    agency is one word and never leaves a fragment (数局, 治旗) among the keywords."""
    tk = tokenizer()
    places = list(places)
    stems = {s for p in places if _is_name(p) and (s := stem(to_simplified(p.strip())))}
    new = {w: tag for w, tag in name_words(places, agencies).items() if w not in _names}
    with _lock:
        for word, tag in new.items():
            tk.add_word(word, STEM_FREQ if word in stems else NAME_FREQ, tag)
            _names.add(word)
