"""Theme counts per report, the sentences behind them, and distinctive keywords by TF-IDF."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from extract.config import Keywords, Theme
from extract.text import sentences, to_simplified

PER = 10_000  # counts are normalised per this many characters


def _pattern(theme: Theme) -> re.Pattern[str]:
    """The theme's terms, longest first, so 一件事一次办 is one hit and not also 一件事."""
    terms = sorted((to_simplified(t) for t in theme.terms), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)))


def theme_counts(texts: dict[str, str], themes: tuple[Theme, ...]) -> pd.DataFrame:
    """Jurisdictions × themes: non-overlapping term occurrences, and the same per 10,000 characters.

    Columns: jurisdiction, theme, count, characters, per_10k.
    """
    pats = {th.id: _pattern(th) for th in themes}
    rows = []
    for j, text in texts.items():
        simple = to_simplified(text)
        chars = len(re.sub(r"\s", "", simple))
        for th in themes:
            n = len(pats[th.id].findall(simple))
            rows.append({"jurisdiction": j, "theme": th.id, "count": n, "characters": chars,
                         "per_10k": round(n * PER / chars, 2) if chars else 0.0})
    return pd.DataFrame(rows, columns=["jurisdiction", "theme", "count", "characters", "per_10k"])


def theme_sentences(text: str, theme: Theme) -> list[str]:
    """The report's own sentences (in its script) that hold a term of ``theme``."""
    simple = to_simplified(text)
    pat = _pattern(theme)
    return [text[s.start:s.end] for s in sentences(simple) if pat.search(simple, s.start, s.end)]


@dataclass(frozen=True)
class Keyword:
    word: str
    score: float
    count: int


_CONTENT = re.compile(r"^[\u4e00-\u9fff]+$")  # Chinese characters only: no digits, letters or punctuation


def content_words(text: str, kw: Keywords) -> list[str]:
    """Content words of ``text``: Chinese only, of the kept parts of speech, not stopwords."""
    from .segment import tagged  # jieba loads only when words are wanted, not for theme counts

    stop = set(kw.stopwords)
    keep = set(kw.pos)
    return [w for w, flag in tagged(text)
            if len(w) >= kw.min_length and _CONTENT.match(w) and w not in stop
            and (not keep or flag in keep or flag.rstrip("g") in keep)]


def distinctive(texts: dict[str, str], kw: Keywords, top: int = 15, places: Iterable[str] = (),
                agencies: Iterable[str] = ()) -> dict[str, list[Keyword]]:
    """The words that most set each report apart from the others: TF × log((1+N)/(1+df)).

    A word every report uses scores 0, however often it stands: distinctive, not frequent.
    ``places`` and ``agencies`` (the corpus's own names, ``segment.corpus_names``) go into the
    segmenter's dictionary first, so they are whole words, never a keyword's fragment.
    """
    if places or agencies:
        from .segment import add_names

        add_names(places, agencies)
    bags = {j: Counter(content_words(t, kw)) for j, t in texts.items()}
    n = len(bags)
    df = Counter(w for bag in bags.values() for w in bag)
    out = {}
    for j, bag in bags.items():
        total = sum(bag.values()) or 1
        scored = [Keyword(w, round(c / total * math.log((1 + n) / (1 + df[w])), 6), c)
                  for w, c in bag.items()]
        scored = [k for k in scored if k.score > 0]
        scored.sort(key=lambda k: (-k.score, k.word))
        out[j] = scored[:top]
    return out
