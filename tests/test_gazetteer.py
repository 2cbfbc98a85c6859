"""The gazetteer gives, line by line, what ``cpca.transform`` gives, without building a DataFrame."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract import gazetteer
from extract.metadata import _author_lines

ROOT = Path(__file__).resolve().parent.parent
LINES = [
    "成都市武侯区行政审批局2023年工作总结", "上海市徐汇区", "北京市朝阳区政务服务管理局", "朝阳区",
    "内蒙古自治区鄂尔多斯市乌审旗", "新疆维吾尔自治区", "广西", "泉州市洛江区万安塘西工业区", "市辖区",
    "全县政务服务事项1200项", "", "2023年1月5日", "吉林省吉林市", "重庆市", "海南省三沙市",
]


def _clean(x: object) -> str | None:
    return x if isinstance(x, str) and x else None


def test_place_is_what_cpca_transform_gives():
    import cpca

    lines = list(LINES)
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "dev").glob("*.txt")):
        lines += _author_lines(path.read_text("utf-8"))
    assert len(lines) > 40
    table = cpca.transform(lines)
    for line, row in zip(lines, table.itertuples(index=False), strict=True):
        assert tuple(map(_clean, gazetteer.place(line))) == tuple(map(_clean, row[:3])), line


def test_cpca_is_loaded_without_keeping_a_stand_in_for_pkg_resources():
    gazetteer.load()
    lent = sys.modules.get("pkg_resources")
    assert lent is None or hasattr(lent, "working_set")  # the real package, if anything imported it


@pytest.mark.parametrize("line, county", [("成都市武侯区行政审批局", "武侯区"), ("某某单位", None)])
def test_place_of_a_line(line, county):
    assert _clean(gazetteer.place(line)[2]) == county
