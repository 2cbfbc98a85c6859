"""Names and filter choices in the page's language (issue 13): an upload without an English name is
shown with its pinyin, and the level filter lists its levels in the chosen language."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data
from tests.many_reports import run_page

NO_ENGLISH = pd.DataFrame({"jurisdiction": ["wuhou", "xuwen", "x1"], "name_zh": ["武侯区", "徐闻县", ""],
                           "name_en": ["", "Xuwen County", ""]})


@pytest.mark.parametrize(("jurisdiction", "lang", "shown"), [
    ("wuhou", "en", "武侯区 (Wuhou Qu)"),  # no English name: the Chinese with its pinyin, as in English mode elsewhere
    ("wuhou", "zh", "武侯区"),
    ("xuwen", "en", "Xuwen County"),  # an English name is kept as given
    ("x1", "en", "x1"),  # no name at all: the id
    ("x1", "zh", "x1"),
])
def test_display_name(jurisdiction: str, lang: str, shown: str) -> None:
    assert data.display_name(NO_ENGLISH, jurisdiction, lang) == shown


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["县", "副省级市", "地级市", "旗(县级)"]),  # no English level names in Chinese mode
    ("en", ["county", "sub-provincial city", "prefecture-level city", "banner (county-level)"]),
])
def test_level_filter_speaks_the_page_language(lang: str, expected: list[str]) -> None:
    at = run_page("overview", lang=lang)
    assert not at.exception, at.exception
    options = at.sidebar.multiselect(key="filter_lvl").options
    assert sorted(options) == sorted(expected), options
