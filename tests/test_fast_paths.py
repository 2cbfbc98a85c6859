"""The fast paths of the extraction give what the plain code they replace gives (issue 16).

Each property states the plain version inline: a loop over words, str.translate, cutting the
whole text into sentences and clauses, a regex tried at every place.
"""

from __future__ import annotations

import bisect
import operator
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.indicators import _QUOTE_TABLE, QUOTES, _unquoted
from extract.lookup import WordTable
from extract.numbers import _ARABIC, _CN_DIGITS, _CN_NUMERAL, NUMBER_RE
from extract.text import _WIDTH, SentenceIndex, clauses, detect_script, fold_width, matches_any, sentences

PUNCTUATED = st.text(alphabet=st.sampled_from(list("0123456789,，。；;：:、!?！？ \n\t\u3000项件某²①٣a")), max_size=40)
WORDS = st.lists(st.text(alphabet=st.sampled_from(list("以上多余超过达约万件项")), min_size=1, max_size=3),
                 max_size=6)


@settings(max_examples=300)
@given(PUNCTUATED)
def test_sentence_index_is_sentences_and_clauses(text: str) -> None:
    index = SentenceIndex(text)
    sents = sentences(text)
    starts = [s.start for s in sents]
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        sentence = sents[bisect.bisect_right(starts, i) - 1]
        cut = clauses(text, sentence)
        k = bisect.bisect_right([c.start for c in cut], i) - 1
        assert index.sentence(i) == sentence
        assert index.clause(i) == (cut[k] if k >= 0 and i < cut[k].end else sentence)


@settings(max_examples=300)
@given(WORDS, st.text(alphabet=st.sampled_from(list("以上多余超过达约万件项")), max_size=8))
def test_word_table_is_a_loop_over_the_words_longest_first(words: list[str], text: str) -> None:
    pairs = sorted(((w, str(k)) for k, w in enumerate(words)), key=lambda p: len(p[0]), reverse=True)
    table = WordTable(pairs)
    for i in range(len(text) + 1):
        assert table.starting(text, i) == next(((w, q) for w, q in pairs if text.startswith(w, i)), None)
        assert table.ending(text, i) == next(
            ((w, q) for w, q in pairs if text.endswith(w, max(0, i - len(w)), i)), None)


NUMERALS = st.text(alphabet=st.sampled_from(list("0123456789,.百分之零〇一二两三四五六七八九十千万亿项%２٣ ")),
                   max_size=20)


@given(NUMERALS)
def test_number_regex_matches_as_without_its_lookahead(text: str) -> None:
    plain = re.compile(rf"(?P<pct>百分之)?(?:(?P<arabic>{_ARABIC})|(?P<cn>{_CN_NUMERAL}))"
                       rf"(?P<mult>[万亿](?![{_CN_DIGITS}十百千]))?")
    assert [(m.span(), m.groupdict()) for m in NUMBER_RE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list(QUOTES + "０１９％．，：；（）　 \t网办率\u00a0")), max_size=30))
def test_folding_and_unquoting_are_translate(text: str) -> None:
    assert fold_width(text) == text.translate(_WIDTH)
    assert _unquoted(text) == text.translate(_QUOTE_TABLE)


@given(st.text(alphabet=st.sampled_from(list("a网國门門 ,")), max_size=600), st.integers(0, 600))
def test_script_is_told_as_by_counting_every_character(text: str, cut: int) -> None:
    converted = text.replace("國", "国").replace("門", "门")[: cut if cut < len(text) else None]
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    plain = "none" if not cjk else (
        "traditional" if sum(map(operator.ne, text, converted)) / cjk > 0.05 else "simplified")
    assert detect_script(text, converted) == plain


@given(st.text(alphabet=st.sampled_from(list(" \t当前位置来源:：打印关闭2023-01-05 a")), max_size=25))
def test_joined_chrome_patterns_match_as_each_pattern(line: str) -> None:
    patterns = (re.compile(r"^\s*当前位置"), re.compile(r"^\s*(\d{4}-\d{2}-\d{2}\s+)?(信息)?来源[:：]"),
                re.compile(r"^\s*(打印|关闭)"), re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$"))
    assert matches_any(patterns, line) == any(p.search(line) for p in patterns)
    assert matches_any((re.compile(r"^(a)\1"),), line) == bool(re.search(r"^(a)\1", line))  # not joined


def _figures_with_and_without_the_sentence_test(extractor, text: str):
    from extract.text import prepare

    doc = prepare(text)
    mentions = extractor.finder.find(doc)
    mapper = extractor.mapper
    fast = mapper.map(doc, mentions)
    union, mapper._union_head = mapper._union_head, None  # the plain code: every mention read
    try:
        plain = mapper.map(doc, mentions)
    finally:
        mapper._union_head = union
    return fast, plain


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "全县网上可办率达98%", "其中", "共受理", "1200件", "12345热线", "分别为", "80%、90%", "“一件事”", "2022年",
    "，", "。", "、", "\n", "主动公开信息", "300条", "全年", "群众来电", "满意率", "均达到", "某某", "项目资金3亿元",
    "开展培训5次", "新建道路12公里", "从2020年的", "到2022年的"]), max_size=14))
def test_a_sentence_without_a_cue_head_is_skipped_as_the_plain_code_would(extractor, parts: list[str]) -> None:
    """map() skips the mentions of a sentence that holds no cue head of any indicator: the same
    figures as reading every mention."""
    fast, plain = _figures_with_and_without_the_sentence_test(extractor, "".join(parts))
    assert fast == plain


def test_the_sentence_test_on_the_seed_reports(extractor) -> None:
    for j in extractor.config.jurisdictions:
        text = (extractor.config.root / j.report).read_text("utf-8")
        fast, plain = _figures_with_and_without_the_sentence_test(extractor, text)
        assert fast == plain, j.id
