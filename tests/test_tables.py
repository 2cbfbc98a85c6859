"""Tables kept as tables, and the national disclosure-report template read from them.

Every table here is made in the test: grids laid out as the readers return them (a merged cell
once, None in the slots it covers), Word files made with python-docx, web pages as strings and a
PDF drawn with reportlab. The real PDFs the reader was built on (dev/tables/, git-ignored) are read
by ``devset/template_tables.py``; the last test runs it where they are present.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import opencc
import pytest
import yaml

from extract import ConfigError
from extract import tables as T
from extract.cli import main
from extract.readers import read_bytes
from extract.template import load_template, normal, read_template

ROOT = Path(__file__).resolve().parent.parent
TO_TRADITIONAL = opencc.OpenCC("s2t")

# ---------------------------------------------------------------- the template's tables, as grids

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULT = "三、本年度办理结果"
# table 三's rows, 2021 form: the label path of each row
REQUEST_ROWS = [
    ("一、本年新收政府信息公开申请数量",),
    ("二、上年结转政府信息公开申请数量",),
    (RESULT, "（一）予以公开"),
    (RESULT, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    *[(RESULT, "（三）不予公开", leaf) for leaf in (
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")],
    *[(RESULT, "（四）无法提供", leaf) for leaf in (
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")],
    *[(RESULT, "（五）不予处理", leaf) for leaf in (
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息")],
    *[(RESULT, "（六）其他处理", leaf) for leaf in (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")],
    (RESULT, "（七）总计"),
    ("四、结转下年度继续办理",),
]
ONE_OTHER_ROW = [*[r for r in REQUEST_ROWS if "（六）其他处理" not in r], ]  # 2019 form: （六） as one row
ONE_OTHER_ROW.insert(len(ONE_OTHER_ROW) - 2, (RESULT, "（六）其他处理"))


def grid_from_paths(paths: list[tuple[str, ...]], values: list[list[str]], label_cols: int,
                    header: list[list[str | None]], spans: dict) -> tuple[list[list[str | None]], dict]:
    """Rows as a reader returns them: a label shared by consecutive rows is one merged cell (its
    text in the first row, None below); a short path's last label spans the label columns left."""
    rows = [list(h) for h in header]
    spans = dict(spans)
    base = len(rows)
    for i, (path, vals) in enumerate(zip(paths, values, strict=True)):
        r = base + i
        row: list[str | None] = [None] * label_cols
        for level, text in enumerate(path):
            prev = paths[i - 1] if i else ()
            if prev[:level + 1] == path[:level + 1]:
                continue  # covered by the cell above
            row[level] = text
            height = 1
            while i + height < len(paths) and paths[i + height][:level + 1] == path[:level + 1]:
                height += 1
            width = label_cols - level if level == len(path) - 1 else 1
            spans[(r, level)] = (height, width)
        rows.append(row + list(vals))
    return rows, spans


def requests_grid(totals: dict[int, int] | None = None, paths=REQUEST_ROWS, script=lambda s: s):
    """Table 三 with every value 0 except ``totals`` (row index -> the row's 7 values all that)."""
    header = [
        [script(NOTE), None, None, script("申请人情况"), None, None, None, None, None, None],
        [None, None, None, script("自然人"), script("法人或其他组织"), None, None, None, None, script("总计")],
        [None, None, None, None, *[script(a) for a in APPLICANTS[1:6]], None],
    ]
    spans = {(0, 0): (3, 3), (0, 3): (1, 7), (1, 3): (2, 1), (1, 4): (1, 5), (1, 9): (2, 1)}
    values = [[str((totals or {}).get(i, 0))] * 6 + [str(6 * (totals or {}).get(i, 0))] for i in range(len(paths))]
    return grid_from_paths([tuple(script(p) for p in path) for path in paths], values, 3, header, spans)


OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def appeals_grid(values: list[int], script=lambda s: s, litigation_over_all: bool = True):
    """Table 四; ``litigation_over_all`` False is 洪泽区's: 行政诉讼 over the last 7 columns only."""
    s = script
    top: list[str | None] = [s("行政复议"), None, None, None, None, s("行政诉讼")] + [None] * 9
    spans = {(0, 0): (1, 5), (0, 5): (1, 10), (1, 5): (1, 5), (1, 10): (1, 5)}
    if not litigation_over_all:
        top = [s("行政复议"), None, None, None, None, "", None, None, s("行政诉讼")] + [None] * 6
        spans = {(0, 0): (1, 5), (0, 5): (1, 3), (0, 8): (1, 7), (1, 5): (1, 5), (1, 10): (1, 5)}
    second = [*[s(o) for o in OUTCOMES], s("未经复议直接起诉"), *[None] * 4, s("复议后起诉"), *[None] * 4]
    spans |= {(1, c): (2, 1) for c in range(5)}
    third = [None] * 5 + [s(o) for o in OUTCOMES] * 2
    return [top, second, third, [str(v) for v in values]], spans


def proactive_grid(script=lambda s: s, first_line: str = "第二十条第（一）项"):
    s = script
    rows = [
        [s(first_line), None, None, None],
        [s("信息内容"), s("本年制发件数"), s("本年废止件数"), s("现行有效件数")],
        [s("规章"), "1", "0", "11"],
        [s("行政规范性文件"), "8", "26", "66"],
        [s("第二十条第（五）项"), None, None, None],
        [s("信息内容"), s("本年处理决定数量"), None, None],
        [s("行政许可"), "447228", None, None],
        [s("第二十条第（六）项"), None, None, None],
        [s("信息内容"), s("本年处理决定数量"), None, None],
        [s("行政处罚"), "3985758", None, None],
        [s("行政强制"), "88283", None, None],
        [s("第二十条第（八）项"), None, None, None],
        [s("信息内容"), s("本年收费金额（单位：万元）"), None, None],
        [s("行政事业性收费"), "96171.6", None, None],
    ]
    spans = {(r, 0): (1, 4) for r in (0, 4, 7, 11)} | {(5, 1): (1, 3), (6, 1): (1, 3), (8, 1): (1, 3),
                                                         (9, 1): (1, 3), (10, 1): (1, 3), (12, 1): (1, 3),
                                                         (13, 1): (1, 3)}
    return rows, spans


def read(config, *grids) -> tuple[T.Assembled, object]:
    assembled = T.assemble([T.from_rows(rows, spans) for rows, spans in grids])
    return assembled, read_template(config.template, assembled.tables)


def _wrapped(text: str) -> str:
    """A label as a PDF reader returns a narrow cell: a line break every 3 characters, a space."""
    return "\n".join(text[i:i + 3] for i in range(0, len(text), 3)).replace("总计", "总 计")


# ---------------------------------------------------------------- each template table

PROACTIVE = {("rules", "issued"): 1, ("rules", "in_force"): 11, ("normative", "repealed"): 26,
             ("licensing", "decisions"): 447228, ("penalty", "decisions"): 3985758,
             ("coercion", "decisions"): 88283, ("fees", "fee_amount"): 96171.6}


@pytest.mark.parametrize("script", [
    pytest.param(lambda s: s, id="simplified"),
    pytest.param(TO_TRADITIONAL.convert, id="traditional"),
    pytest.param(_wrapped, id="wrapped-cells"),
])
def test_proactive_table_keys_from_labels(config, script) -> None:
    _, reading = read(config, proactive_grid(script))
    for (row, col), value in PROACTIVE.items():
        assert reading.value("proactive", row, col) == value, (row, col)
    assert not reading.unread_rows


@pytest.mark.parametrize(("case", "paths", "row", "expected"), [
    ("2021 form", REQUEST_ROWS, "other_other", 6 * 7),
    ("2019 form and 洪泽区's hybrid: （六） as one row", ONE_OTHER_ROW, "other", 6 * 7),
    ("a sub-row of （四）", REQUEST_ROWS, "na_to_make", 6 * 3),
    ("the vertical label 三、本年度办理结果 of 22 rows", REQUEST_ROWS, "granted", 6 * 2),
])
def test_requests_table_rows(config, case, paths, row, expected) -> None:
    index = {"other_other": paths.index(REQUEST_ROWS[-3]) if REQUEST_ROWS[-3] in paths else None,
             "other": paths.index((RESULT, "（六）其他处理")) if (RESULT, "（六）其他处理") in paths else None,
             "na_to_make": 13, "granted": 2}[row]
    totals = {index: expected // 6, 0: 30, len(paths) - 2: 30}
    _, reading = read(config, requests_grid(totals, paths))
    assert reading.value("requests", row, "total") == expected, case
    assert reading.value("requests", "new", "natural") == 30
    assert reading.value("requests", "new", "total") == 180
    assert not reading.unread_rows, reading.unread_rows


@pytest.mark.parametrize("script", [
    pytest.param(lambda s: s, id="simplified"),
    pytest.param(TO_TRADITIONAL.convert, id="traditional"),
    pytest.param(_wrapped, id="wrapped-cells"),
])
def test_requests_table_columns_in_both_scripts(config, script) -> None:
    _, reading = read(config, requests_grid({0: 5, 1: 1, len(REQUEST_ROWS) - 2: 6}, script=script))
    for col in ("natural", "business", "research", "public_interest", "legal", "other_org"):
        assert reading.value("requests", "new", col) == 5, col
    assert reading.value("requests", "new", "total") == 30
    assert reading.value("requests", "total", "total") == 36
    assert {s.rule.id for s in reading.sums} == {"requests_balance"}
    assert all(s.holds for s in reading.sums)


APPEALS_2024 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]


@pytest.mark.parametrize(("script", "over_all"), [
    pytest.param(lambda s: s, True, id="simplified"),
    pytest.param(TO_TRADITIONAL.convert, True, id="traditional"),
    pytest.param(_wrapped, True, id="wrapped-cells"),
    pytest.param(lambda s: s, False, id="litigation-heading-over-part"),
])
def test_appeals_table_columns(config, script, over_all) -> None:
    _, reading = read(config, appeals_grid(APPEALS_2024, script, over_all))
    cols = ["recon_upheld", "recon_corrected", "recon_other", "recon_pending", "recon_total",
            "direct_upheld", "direct_corrected", "direct_other", "direct_pending", "direct_total",
            "after_upheld", "after_corrected", "after_other", "after_pending", "after_total"]
    assert [reading.value("appeals", "cases", c) for c in cols] == APPEALS_2024
    assert len(reading.sums) == 3 and not reading.failing


def test_a_missing_row_is_missing_and_its_sum_not_checked(config) -> None:
    paths = [p for p in REQUEST_ROWS if p != ("二、上年结转政府信息公开申请数量",)]
    _, reading = read(config, requests_grid({0: 2, len(paths) - 2: 2}, paths))
    assert reading.value("requests", "carried_in", "total") is None
    assert reading.value("requests", "new", "total") == 12
    assert reading.sums == []  # the balance needs the carried-over row: not checked, not failed
    assert reading.summary() == "no sum could be checked"


def test_a_table_continued_on_the_next_page_is_read_as_one(config) -> None:
    """The page break splits table 三 (a PDF's continuation is joined to it): its rows still count."""
    rows, spans = requests_grid({0: 1, len(REQUEST_ROWS) - 2: 1})
    top = T.from_rows(rows[:16], {k: v for k, v in spans.items() if k[0] < 16})
    rest = T.from_rows(rows[16:], {(r - 16, c): v for (r, c), v in spans.items() if r >= 16})
    T._append_rows(top, rest)
    reading = read_template(config_template(), T.assemble([top]).tables)
    assert reading.value("requests", "np_petition", "total") == 0
    assert reading.value("requests", "total", "total") == 6
    assert not reading.unread_rows


def config_template():
    return load_template(ROOT / "template.yaml")


# ---------------------------------------------------------------- the sums

HONGZE_2023 = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]  # 行政复议 10/1/0/0 with 总计 0 (a real report)


@pytest.mark.parametrize(("case", "grids", "failing"), [
    ("every sum holds", [requests_grid({0: 3, 1: 1, 2: 4, len(REQUEST_ROWS) - 2: 4}), appeals_grid(APPEALS_2024)],
     []),
    ("real report (洪泽区 2023): totals 0 beside outcomes", [appeals_grid(HONGZE_2023)],
     ["reconsideration_total: 0 ≠ 11 (off by -11)", "after_lawsuits_total: 0 ≠ 5 (off by -5)"]),
    ("requests: new + carried over ≠ outcomes + carried forward",
     [requests_grid({0: 3, 1: 1, len(REQUEST_ROWS) - 2: 3})],
     [f"requests_balance[{c}]: 4 ≠ 3 (off by 1)" for c in
      ("natural", "business", "research", "public_interest", "legal", "other_org")]
     + ["requests_balance[total]: 24 ≠ 18 (off by 6)"]),
])
def test_sum_checks(config, case, grids, failing) -> None:
    _, reading = read(config, *grids)
    assert sorted(s.describe() for s in reading.failing) == sorted(failing), case
    if failing:
        assert reading.summary() == "; ".join(s.describe() for s in reading.failing)
    else:
        assert reading.summary().startswith("ok (")
    # a failing sum keeps its figures: the totals are read as written
    if "洪泽区" in case:
        assert reading.value("appeals", "cases", "recon_total") == 0


def test_requests_balance_holds_for_a_real_report(config) -> None:
    """淮安市 2024: 3119 + 34 = 3050 + 103 in the 总计 column."""
    rows, spans = requests_grid({})
    new, carried, total, out = 3, 4, len(REQUEST_ROWS) - 2 + 3, len(REQUEST_ROWS) - 1 + 3
    for r, v in ((new, 3119), (carried, 34), (total, 3050), (out, 103)):
        rows[r][-1] = str(v)
        rows[r][3] = str(v)
    _, reading = read(config, (rows, spans))
    held = {s.column: s.holds for s in reading.sums}
    assert held["total"] and held["natural"]


# ---------------------------------------------------------------- labels, text, evidence


def test_every_value_round_trips_through_its_offsets(config) -> None:
    assembled, _ = read(config, proactive_grid(), requests_grid({0: 1}), appeals_grid(APPEALS_2024))
    n = 0
    for k in assembled.tables:
        for v in k.values:
            assert assembled.text[v.start:v.end] == v.text
            assert assembled.text[v.line_start:v.line_end] == f"{v.row_label}｜{v.col_label}：{v.text}"
            n += 1
    assert n == 10 + 7 * len(REQUEST_ROWS) + 15


@pytest.mark.parametrize(("case", "rows", "spans", "lines"), [
    ("two header levels joined", [["", "本年", None], ["项目", "收入", "支出"], ["合计", "5", "7"]],
     {(0, 1): (1, 2)}, ["合计｜本年·收入：5", "合计｜本年·支出：7"]),
    ("a table without labels: values named by position", [["1", "2"], ["3", "4"]], {},
     ["第1行｜第1列：1", "第1行｜第2列：2", "第2行｜第1列：3", "第2行｜第2列：4"]),
    ("a table of prose (no value) kept as its rows", [["网上可办率达99.5%。", "另"], ["全程网办", "88.2%以上"]], {},
     ["网上可办率达99.5%。\t另", "全程网办\t88.2%以上"]),
    ("codes are part of the row label", [["科目编码", "科目名称", "金额"], ["201", "一般公共服务", "22,186.80"]], {},
     ["201·一般公共服务｜金额：22,186.80"]),
    ("a text cell beside values keeps its labels", [["项目", "数量", "说明"], ["事项", "12", "全部网办"]], {},
     ["事项｜数量：12", "事项｜说明：全部网办"]),
])
def test_serialised_lines(case, rows, spans, lines) -> None:
    text = T.assemble([T.from_rows(rows, spans)]).text
    assert text.split("\n")[1:] == lines, case


def test_label_and_value_text() -> None:
    assert T.label_text("三\n、\n本\n年") == "三、本年"
    assert T.parse_value("0\u00a0") == 0.0
    assert T.parse_value("18651.064104") == 18651.064104
    assert T.parse_value("—") is None
    assert normal("（六）其他处理") == "其他处理" and normal("3、其他") == "其他"


# ---------------------------------------------------------------- readers: Word, web page, PDF


def _docx_appeals() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    rows, spans = appeals_grid(APPEALS_2024)
    t = d.add_table(rows=len(rows), cols=15)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                t.cell(r, c).text = text
    for (r, c), (rs, cs) in spans.items():
        t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1))  # python-docx repeats a merged cell in each slot
    d.add_paragraph("五、存在的主要问题及改进情况")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html(rows, spans, caption: str = "") -> str:
    return (f"<html><body><article><h1>某县2024年政府信息公开工作年度报告</h1><p>{caption}</p>"
            + _table_html(rows, spans) + "<p>全年主动公开政府信息1136条。</p></article></body></html>")


def _table_html(rows, spans) -> str:
    out = ["<table border=1>"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c, text in enumerate(row):
            if text is None:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            out.append(f"<td{attrs}><p>{text}</p></td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _check_round_trip(report) -> int:
    n = 0
    for k in report.tables:
        for v in k.values:
            assert report.text[v.start:v.end] == v.text
            assert report.text[v.line_start:v.line_end].endswith(f"：{v.text}")
            n += 1
    return n


def test_docx_merged_cells_count_once(config) -> None:
    report = read_bytes(_docx_appeals(), ".docx", "appeals.docx")
    assert _check_round_trip(report) == 15
    reading = read_template(config.template, list(report.tables))
    assert reading.value("appeals", "cases", "direct_total") == 26
    assert report.tables[0].table.caption == "四、政府信息公开行政复议、行政诉讼情况"
    assert report.text.index("五、存在的主要问题") > report.tables[0].end  # the table stands where it was


@pytest.mark.parametrize(("case", "page", "check"), [
    ("rowspan and colspan laid out", _html(*requests_grid({0: 2, len(REQUEST_ROWS) - 2: 2})),
     lambda r: r.value("requests", "na_to_make", "total") == 0 and r.value("requests", "new", "total") == 12),
    ("labels split in <p> and values with &nbsp;",
     _html(*appeals_grid(APPEALS_2024)).replace("<p>结果维持</p>", "<p>结果</p><p>维持</p>")
     .replace(">72<", ">72&nbsp;<"),
     lambda r: r.value("appeals", "cases", "recon_upheld") == 72 and r.value("appeals", "cases", "after_upheld") == 12),
    ("a layout table around the real one", "<html><body><table><tr><td>"
     + _html(*appeals_grid(APPEALS_2024)) + "</td></tr></table></body></html>",
     lambda r: r.value("appeals", "cases", "recon_total") == 351),
])
def test_html_tables(config, case, page, check) -> None:
    report = read_bytes(page.encode("utf-8"), ".html", "page.html")
    assert _check_round_trip(report) > 0
    assert check(read_template(config.template, list(report.tables))), case


def test_html_page_keeps_its_prose_beside_its_tables() -> None:
    report = read_bytes(_html(*appeals_grid(APPEALS_2024)).encode("utf-8"), ".html", "page.html")
    assert "全年主动公开政府信息1136条" in report.text
    assert report.text.count("行政复议·结果维持：72") == 1


def _pdf(path: Path, white_lines: bool = False, grid=None) -> None:
    """Prose and table 四 with ruled cells (reportlab, its built-in CID font STSong-Light, which
    pdfminer reads; spans as drawn). ``white_lines``: a white box behind each line, as WPS draws."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=9, leading=14)
    rows, spans = grid or appeals_grid(APPEALS_2024)
    table = Table([[text or "" for text in row] for row in rows])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 6),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               *[("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for (r, c), (rs, cs) in spans.items()]]))

    def backgrounds(canvas, _doc) -> None:
        if white_lines:
            canvas.setFillColorRGB(1, 1, 1)
            for i in range(6):
                canvas.rect(60, 760 - 16 * i, 480, 16, stroke=0, fill=1)

    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph("全年办理政府信息公开申请情况如下。", style),
               Paragraph("四、政府信息公开行政复议、行政诉讼情况", style), table,
               Paragraph("五、存在的主要问题及改进情况", style)], onFirstPage=backgrounds)


@pytest.mark.parametrize("white_lines", [False, True], ids=["plain", "white-boxes-behind-lines"])
def test_pdf_table_read_with_its_spans(config, tmp_path: Path, white_lines: bool) -> None:
    _pdf(tmp_path / "t.pdf", white_lines)
    report = read_bytes((tmp_path / "t.pdf").read_bytes(), ".pdf", "t.pdf")
    assert len(report.tables) == 1
    assert _check_round_trip(report) == 15
    reading = read_template(config.template, list(report.tables))
    assert reading.value("appeals", "cases", "after_total") == 20
    assert not reading.failing
    assert report.tables[0].table.page == 1
    assert report.text.index("五、存在的主要问题") > report.tables[0].end


def test_a_template_report_through_the_cli(tmp_path: Path) -> None:
    """Tables to indicators.csv (evidence round-trips via source) and the failing sums to reports.csv."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = _html(*appeals_grid(HONGZE_2023)).replace("</article>", _table_html(
        *requests_grid({0: 4, len(REQUEST_ROWS) - 2: 4})) + "</article>")
    (folder / "county.html").write_text(body, "utf-8")
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    got = {r["indicator"]: r for r in rows if r["primary"] == "True"}
    assert float(got["disclosure_requests"]["value"]) == 24
    assert float(got["admin_reconsideration_cases"]["value"]) == 0  # as written, though its sum fails
    assert float(got["admin_litigation_cases"]["value"]) == 0
    assert float(got["appeals_cases_after_upheld"]["value"]) == 5
    assert got["appeals_cases_after_upheld"]["category"] == "disclosure_template"
    for r in rows:
        text = (ROOT / r["source"]).read_text("utf-8") if not Path(r["source"]).is_absolute() else \
            Path(r["source"]).read_text("utf-8")
        assert text[int(r["start"]):int(r["end"])] == r["evidence"]
    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        report = next(csv.DictReader(f))
    assert report["sum_checks"] == ("reconsideration_total: 0 ≠ 11 (off by -11); "
                                    "after_lawsuits_total: 0 ≠ 5 (off by -5)")
    assert list(report)[-1] == "sum_checks"


def test_a_damaged_pdf_keeps_its_message() -> None:
    from extract import UnreadableReport

    with pytest.raises(UnreadableReport, match="not a readable PDF"):
        read_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50, ".pdf", "bad.pdf")


# ---------------------------------------------------------------- template.yaml


def test_real_template_is_complete(config) -> None:
    tpl = config.template
    assert [t.id for t in tpl.tables] == ["proactive", "requests", "appeals"]
    assert len(tpl.sections) == 6 and len(tpl.sums) == 4
    template_inds = [i for i in config.indicators if i.category == "disclosure_template"]
    assert len(template_inds) == sum(len(t.indicators) for t in tpl.tables) > 40
    for ind in template_inds:
        assert ind.label_zh and ind.label_en and ind.unit and ind.definition and ind.definition_zh
        assert ind.cues == () and ind.units == ()  # read from tables only, never from prose
    assert {m for t in tpl.tables for m in t.maps} == {
        "disclosure_requests", "admin_reconsideration_cases", "admin_litigation_cases"}


def _broken(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load((ROOT / "template.yaml").read_text("utf-8"))
    edit(data)
    path = tmp_path / "template.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


@pytest.mark.parametrize(("case", "edit", "where", "problem"), [
    ("unknown key", lambda d: d["tables"][0].update(colour="red"), "tables[0].colour", "unknown key"),
    ("unit no number carries", lambda d: d["tables"][0]["columns"][0].update(unit="斤"),
     "tables[0].columns[0].unit", "expected one of"),
    ("indicator of an unknown row", lambda d: d["tables"][1]["indicators"].append("nope/total"),
     "tables[1].indicators[31]", "unknown row 'nope'"),
    ("maps an unknown indicator", lambda d: d["tables"][1]["maps"].update(nope=["new/total"]),
     "tables[1].maps.nope", "unknown indicator"),
    ("a row/* sum without columns", lambda d: d["sums"][0].pop("columns"), "sums[0].columns", "needs `columns`"),
    ("duplicate row key", lambda d: d["tables"][2]["rows"].append(dict(d["tables"][2]["rows"][0])),
     "tables[2].rows[1].key", "duplicate"),
])
def test_template_errors_name_the_place(tmp_path: Path, config, case, edit, where, problem) -> None:
    ids = {i.id for i in config.indicators}
    with pytest.raises(ConfigError) as e:
        load_template(_broken(tmp_path, edit), ids)
    assert where in str(e.value) and problem in str(e.value) and "template.yaml" in str(e.value), case


def test_a_duplicate_key_in_template_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text((ROOT / "template.yaml").read_text("utf-8") + "\nversion: 2\n", "utf-8")
    with pytest.raises(ConfigError, match="duplicate key"):
        load_template(path)


# ---------------------------------------------------------------- the real development PDFs


@pytest.mark.skipif(not (ROOT / "dev" / "tables" / "hongze_2023.pdf").exists(),
                    reason="dev/tables is git-ignored: the real template PDFs are not here")
def test_real_development_pdfs() -> None:  # pragma: no cover - where the files are
    from devset import template_tables

    assert template_tables.main([str(ROOT / "dev" / "tables")]) == 0


# ---------------------------------------------------------------- figures in any table's rows


def _rows_report(header: list[str], rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [header, *rows])
    return (f"<html><body><article><h1>某县2023年政务服务工作总结</h1><p>全年工作情况如下表。</p>"
            f"<table border=1>{cells}</table></article></body></html>")


@pytest.mark.parametrize(("case", "header", "row", "expected"), [
    ("this year's column", ["指标", "本年", "上年"], ["政务服务事项总数", "1,200", "1,100"],
     [("service_items_total", 1200.0, True, ""), ("service_items_total", 1100.0, False, "上年")]),
    ("year columns: the report's year is its own", ["指标", "2023年", "2022年"], ["全程网办率（%）", "88.5", "80.1"],
     [("full_online_rate", 88.5, True, ""), ("full_online_rate", 80.1, False, "2022年")]),
    ("a target column is dropped", ["指标", "2023年", "2025年目标"], ["12345热线受理量", "125000", "150000"],
     [("hotline_requests", 125000.0, True, "")]),
    ("a running total is another period", ["指标", "累计"], ["12345热线受理量", "900000"],
     [("hotline_requests", 900000.0, True, "累计")]),
    ("a bare number is no percentage", ["指标", "2023年"], ["全程网办率", "88.5"], []),
    ("a row without a cue", ["指标", "2023年"], ["会议次数", "12"], []),
])
def test_table_rows_read_as_prose(tmp_path: Path, case, header, row, expected) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "county.html").write_text(_rows_report(header, [row]), "utf-8")
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    got = [(r["indicator"], float(r["value"]), r["primary"] == "True", r["scope"]) for r in rows]
    assert got == expected, case
    for r in rows:
        assert (ROOT / r["source"]).read_text("utf-8")[int(r["start"]):int(r["end"])] == r["evidence"]


# ---------------------------------------------------------------- the Profile's tables


def test_profile_tables_escape_report_text_and_mark_failing_sums(config) -> None:
    from dashboard import report_tables as rt

    rows, spans = appeals_grid(HONGZE_2023)
    rows[0][5] = "<script>alert(1)</script>行政诉讼"  # report text is data, never markup
    assembled = T.assemble([T.from_rows(rows, spans, caption="四、<b>复议</b>")])
    reading = read_template(config.template, assembled.tables)
    page = rt.sums_html(reading, "en", config.template) + rt.tables_html(tuple(assembled.tables), reading, "en",
                                                                         config.template)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;复议" in page
    assert page.count("class='num fails'") == 10  # the 5 cells of each failing sum (复议; 复议后起诉)
    assert "✗" in page and "off by -5" in page
    assert "colspan='5'" in page and "rowspan='2'" in page  # merged cells span as in the report
