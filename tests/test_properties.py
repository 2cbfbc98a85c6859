"""Two cheap properties: finding mentions never raises, and the frame survives a CSV round trip."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.frame import indicators_frame, read_indicators, write_csv
from extract.numbers import parse_number
from extract.pipeline import ReportResult

# Text that looks like a report: digits, Chinese numerals, units, qualifiers and punctuation.
REPORTISH = st.text(
    alphabet=st.sampled_from(list("0123456789０１２.,，。、%％万亿一二三十百千零两项件条个余多超近约以上左右达率为其中"
                                  "网上可办全程网办满意率热线诉求政务服务事项“”()（）\n 　")) | st.characters(),
    max_size=200,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(REPORTISH)
def test_extraction_never_raises_and_spans_hold(extractor, text: str) -> None:
    doc, mentions, figures = extractor.extract_text(text)
    assert len(doc.analysis) == len(text)
    for m in mentions:
        assert text[m.start:m.end] == m.surface
        assert m.value == m.value  # not NaN
    assert sum(f.primary for f in figures) == len({f.indicator for f in figures})


@given(REPORTISH)
def test_the_joined_number_regex_reads_a_text_without_joiners_as_the_plain_one(text: str) -> None:
    """The number regex for a text with soft breaks inside numbers finds, where there are none, what
    the plain one finds."""
    from extract.numbers import JOINED_NUMBER_RE, JOINER, NUMBER_RE

    text = text.replace(JOINER, "")
    assert [m.span() for m in JOINED_NUMBER_RE.finditer(text)] == [m.span() for m in NUMBER_RE.finditer(text)]


@given(st.text(max_size=30))
def test_parse_number_never_raises(s: str) -> None:
    v = parse_number(s)
    assert v is None or isinstance(v, float)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["网上可办率达99.5%", "政务服务事项1,200项", "热线受理诉求12.5万件",
                                 "满意率超过90%", "其中,行政许可事项300余项", "发布信息约35条"]),
                min_size=1, max_size=6))
def test_frame_round_trips_through_csv(extractor, config, tmp_path_factory, sentences: list[str]) -> None:
    text = "热线工作情况。" + "。".join(sentences) + "。"
    doc, mentions, figures = extractor.extract_text(text)
    from extract.config import Jurisdiction
    from extract.readers import ReportText

    report = ReportText(Path("x.txt"), text, "utf-8", "0" * 64, len(text.encode()))
    result = ReportResult(Jurisdiction(id="x", report="x.txt"), "x.txt", report, doc, mentions, figures)
    frame = indicators_frame([result], config)
    path = tmp_path_factory.mktemp("csv") / "indicators.csv"
    write_csv(frame, path)
    back = read_indicators(path)
    pd.testing.assert_frame_equal(back, frame.fillna({"name_zh": "", "name_en": "", "level": "", "scope": ""}),
                                  check_dtype=False)
