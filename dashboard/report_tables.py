"""A report's tables as HTML tables (merged cells spanning as in the report), the disclosure
template's sums checked above them and the cells of a sum that fails marked. No st.* here.

Everything from the report is escaped.
"""

from __future__ import annotations

import html
from pathlib import Path

from extract.errors import UnreadableReport
from extract.tables import KeptTable, label_text, value_text
from extract.template import SumResult, Template, TemplateReading, read_template

WORDS = {
    "tables": ("报告中的表格", "Tables in the report"),
    "sums": ("表格勾稽关系", "The template's sums"),
    "holds": ("成立", "holds"),
    "fails": ("不成立", "fails"),
    "off_by": ("相差", "off by"),
    "no_sums": ("没有可核对的合计(缺少相关行)", "No sum could be checked (rows missing)"),
    "marked": ("红框:不成立的合计所涉单元格", "Outlined in red: the cells of a sum that fails"),
    "template": ("政府信息公开年报表格", "disclosure template table"),
}
STYLE = """<style>
.rt-table {border-collapse:collapse;margin:0.3em 0 1.2em 0;font-size:0.85em}
.rt-table td {border:1px solid #bbb;padding:2px 6px;vertical-align:middle}
.rt-table td.num {text-align:right;font-variant-numeric:tabular-nums}
.rt-table td.fails {outline:2px solid #D62728;outline-offset:-2px;background:#FDECEA}
.rt-sums li.fails {color:#B71C1C}
.rt-caption {font-weight:600;margin-top:0.6em}
</style>"""


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return en if lang == "en" else zh


def read_tables(original: str, root: Path) -> tuple[KeptTable, ...]:
    """The tables of a report file (``original``, relative to ``root``); none if it cannot be read."""
    from extract.readers import read_report

    try:
        return read_report(root / original).tables
    except UnreadableReport:
        return ()


def reading_of(template: Template | None, kept: tuple[KeptTable, ...]) -> TemplateReading | None:
    if template is None or not kept:
        return None
    return read_template(template, list(kept))


def sums_html(reading: TemplateReading | None, lang: str, template: Template | None = None) -> str:
    """The sum checks, each holding or failing by how much; '' where no template table was read."""
    if reading is None or not reading.tables:
        return ""
    if not reading.sums:
        return f"<p>{html.escape(word('no_sums', lang))}</p>"
    items = []
    for s in reading.sums:
        rule = s.rule.label_en if lang == "en" else s.rule.label_zh
        col = f" [{html.escape(_column(template, s, lang))}]" if s.column else ""
        if s.holds:
            items.append(f"<li>✓ {html.escape(rule)}{col}: {word('holds', lang)}</li>")
        else:
            items.append(f"<li class='fails'>✗ {html.escape(rule)}{col}: <b>{word('fails', lang)}</b> — "
                         f"{_num(s.left)} ≠ {_num(s.right)} ({word('off_by', lang)} {_num(s.off_by)})</li>")
    note = f"<p><small>{html.escape(word('marked', lang))}</small></p>" if reading.failing else ""
    return f"<ul class='rt-sums'>{''.join(items)}</ul>{note}"


def tables_html(kept: tuple[KeptTable, ...], reading: TemplateReading | None, lang: str,
                template: Template | None = None) -> str:
    """Every table of the report as a table; the cells of a failing sum outlined."""
    failing = _failing_cells(reading)
    parts = [STYLE]
    for k in kept:
        parts.append(table_html(k, failing.get(k.number, {}), _template_name(reading, k.number, lang, template)))
    return "".join(parts)


def table_html(kept: KeptTable, failing: dict[tuple[int, int], str], template_name: str = "") -> str:
    """One table: a cell once, spanning the slots it covers; ``failing`` cells (row, col) -> why."""
    t = kept.table
    pages = ""
    if t.page:
        pages = f" · p. {t.page}" + (f"–{t.last_page}" if t.last_page and t.last_page != t.page else "")
    name = f" · {html.escape(template_name)}" if template_name else ""
    head = f"<div class='rt-caption'>{kept.number}. {html.escape(t.caption)}{pages}{name}</div>"
    rows = []
    seen: set[int] = set()
    for r, row in enumerate(t.slots):
        cells = []
        for c, cell in enumerate(row):
            if id(cell) in seen or (cell.row, cell.col) != (r, c):
                continue
            seen.add(id(cell))
            span = (f" rowspan='{cell.rowspan}'" if cell.rowspan > 1 else "") + \
                (f" colspan='{cell.colspan}'" if cell.colspan > 1 else "")
            classes = ["num"] if cell.is_value else []
            title = ""
            if (r, c) in failing:
                classes.append("fails")
                title = f" title='{html.escape(failing[(r, c)], quote=True)}'"
            text = value_text(cell.text) if cell.is_value else label_text(cell.text)
            cls = f" class='{' '.join(classes)}'" if classes else ""
            cells.append(f"<td{span}{cls}{title}>{html.escape(text)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"{head}<table class='rt-table'>{''.join(rows)}</table>"


def _column(template: Template | None, s: SumResult, lang: str) -> str:
    if template is None:
        return s.column
    c = template.table(s.rule.table).column(s.column)
    return c.label_en if lang == "en" else c.label_zh


def _failing_cells(reading: TemplateReading | None) -> dict[int, dict[tuple[int, int], str]]:
    out: dict[int, dict[tuple[int, int], str]] = {}
    if reading is None:
        return out
    for s in reading.failing:
        for v in s.cells:
            out.setdefault(v.table, {})[(v.row, v.col)] = _describe(s)
    return out


def _describe(s: SumResult) -> str:
    return s.describe()


def _template_name(reading: TemplateReading | None, number: int, lang: str, template: Template | None) -> str:
    if reading is None or number not in reading.tables:
        return ""
    name = reading.tables[number]
    if template is not None:
        t = template.table(name)
        name = t.label_en if lang == "en" else t.label_zh
    return f"{word('template', lang)}: {name}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
