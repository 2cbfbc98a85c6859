"""jieba with the project's dictionary of government-service terms, loaded once.

jieba's prefix-dictionary cache goes to .cache/jieba in the project, and its log lines are
kept off stderr.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba
import jieba.posseg

from extract.text import to_simplified

ROOT = Path(__file__).resolve().parent.parent
USER_DICT = Path(__file__).resolve().parent / "userdict.txt"
CACHE = ROOT / ".cache" / "jieba"
_lock = threading.Lock()
_ready = False


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
    tokenizer()
    return [(p.word, p.flag) for p in jieba.posseg.dt.cut(to_simplified(text))]
