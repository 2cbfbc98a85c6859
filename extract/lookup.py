"""Word lists looked up at one place of a text, by a dictionary rather than a loop over the words.

``WordTable(pairs).starting(text, i)`` finds what a loop over the words sorted longest first
(``text.startswith(word, i)``) would find first: for each length, longest first, the one
substring of that length is looked up. A word listed twice keeps its first value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

V = TypeVar("V")


class WordTable(Generic[V]):
    """Words, each with a value, found where they start or end at a place of a text, longest first.

    >>> t = WordTable([("以上", "at_least"), ("多", "more_than"), ("余", "more_than")])
    >>> t.starting("90%以上", 3), t.ending("超过90", 2), t.starting("36余件", 2)
    (('以上', 'at_least'), None, ('余', 'more_than'))
    """

    def __init__(self, pairs: Iterable[tuple[str, V]]) -> None:
        self.values: dict[str, V] = {}
        for word, value in pairs:
            self.values.setdefault(word, value)
        self.lengths = sorted({len(w) for w in self.values}, reverse=True)
        # by first and by last character, the lengths of the words with it, longest first: most
        # places start or end no word, and one look-up says so, and the others try only those lengths
        # (None where the empty word is listed: it starts and ends everywhere)
        self.firsts = None if "" in self.values else _lengths_by(self.values, 0)
        self.lasts = None if "" in self.values else _lengths_by(self.values, -1)

    def starting(self, text: str, i: int) -> tuple[str, V] | None:
        """The longest word that starts at ``i``, with its value; None where none does."""
        lengths = self.lengths if self.firsts is None else self.firsts.get(text[i:i + 1])
        if lengths is None:
            return None
        for n in lengths:
            word = text[i:i + n]
            if len(word) == n and word in self.values:
                return word, self.values[word]
        return None

    def ending(self, text: str, end: int) -> tuple[str, V] | None:
        """The longest word that ends at ``end``, with its value; None where none does."""
        lengths = self.lengths if self.lasts is None else self.lasts.get(text[end - 1:end] if end >= 1 else "")
        if lengths is None:
            return None
        for n in lengths:
            if n > end:
                continue
            word = text[end - n:end]
            if word in self.values:
                return word, self.values[word]
        return None


def _lengths_by(words: Iterable[str], at: int) -> dict[str, list[int]]:
    """The lengths of ``words`` by their character at ``at`` (0: the first, -1: the last), longest first."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        lengths.setdefault(w[at], set()).add(len(w))
    return {ch: sorted(ns, reverse=True) for ch, ns in lengths.items()}


def words_table(words: Iterable[str]) -> WordTable[str]:
    """A table of plain words (each its own value)."""
    return WordTable((w, w) for w in words)
