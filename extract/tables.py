"""Tables kept as tables: the cell grids of Word, PDF and web-page reports, their labels, and the
text they are written into.

A reader turns each table it finds into a ``Table``: a grid of slots where a merged cell fills
every slot it covers (one ``Cell`` object, so its span is known). ``label`` then reads the grid
the way a person does: the rows at the top without values are the column headers (several levels
joined with ·), the cells left of a row's first value are its row label. ``serialise`` writes a
table into the report text, one line per value::

    〔表2 三、收到和处理政府信息公开申请情况 · 第3页〕
    一、本年新收政府信息公开申请数量｜申请人情况·自然人：21

so a figure read from a table carries its evidence (row label, column label, value) as a span of
the kept text, like a figure read from prose: ``text[start:end]`` is that line. A table without a
single value (prose laid out in a grid, a blank form) is kept as its rows, cells joined by tabs.

The PDF reader (pdfplumber) drops white fill-only rectangles before looking for tables (WPS draws
one behind every text line, and pdfplumber would read them as one-column tables) and joins a table
at the top of a page to the one that ended the page before when both have the same columns.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

COL_JOIN = "·"  # between the levels of a column header, and the parts of a row label
LABEL_SEP = "｜"  # between a value's row label and its column label
VALUE_SEP = "："  # before the value
# A value: a number as written in a table cell, with an optional unit inside the cell (75394432.52元)
_VALUE = re.compile(r"^[-−]?\d[\d,，]*(?:[.．]\d+)?(?:%|％|元|万元|件|个|条|项)?$")
_SPACE = re.compile(r"\s+")
# Columns of codes, not values: a number under one of these headers is part of the row's label
CODE_WORDS = ("编码", "代码", "序号", "编号")
_ASCII_GAP = re.compile(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])")


@dataclass(eq=False)
class Cell:
    """One cell as drawn: its text and the grid slots it covers (top-left ``row``/``col``)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1

    @property
    def is_value(self) -> bool:
        return bool(_VALUE.match(value_text(self.text)))


@dataclass
class Table:
    """A table of a report: ``slots[r][c]`` is the cell covering grid slot (r, c)."""

    slots: list[list[Cell]]
    caption: str = ""
    page: int | None = None  # 1-based page of a PDF where the table starts
    last_page: int | None = None  # where it ends (a table continued on the next page)

    @property
    def n_rows(self) -> int:
        return len(self.slots)

    @property
    def n_cols(self) -> int:
        return len(self.slots[0]) if self.slots else 0

    def cells(self) -> list[Cell]:
        """Each cell once, in reading order (by its top-left slot)."""
        seen: dict[int, Cell] = {}
        for row in self.slots:
            for c in row:
                seen.setdefault(id(c), c)
        return sorted(seen.values(), key=lambda c: (c.row, c.col))


@dataclass(frozen=True)
class TableValue:
    """A value cell with its labels, and once serialised, its place in the report text."""

    table: int  # the table's number in the report, from 1
    row: int
    col: int
    row_label: str  # the parts of the row label, joined with COL_JOIN ("" where the row has none)
    col_label: str
    text: str  # the value as written (whitespace removed)
    start: int = -1  # the value's span in the text
    end: int = -1
    line_start: int = -1  # the span of its whole line: row label｜column label：value
    line_end: int = -1

    @property
    def row_parts(self) -> tuple[str, ...]:
        return tuple(p for p in self.row_label.split(COL_JOIN) if p)

    @property
    def col_parts(self) -> tuple[str, ...]:
        return tuple(p for p in self.col_label.split(COL_JOIN) if p)

    @property
    def number(self) -> float | None:
        return parse_value(self.text)


@dataclass
class KeptTable:
    """A table as written into the text: its grid, its values with offsets, its block's span."""

    number: int
    table: Table
    values: list[TableValue] = field(default_factory=list)
    start: int = -1
    end: int = -1
    unlabelled: bool = False  # values without any row or column label: named by position instead


# ---------------------------------------------------------------- cell text


def label_text(text: str | None) -> str:
    """A label as a reader returns it, without the line breaks and spaces of its wrapping.

    >>> label_text("三\\n、\\n本\\n年\\n度"), label_text("总 计"), label_text("Table  A 1")
    ('三、本年度', '总计', 'Table A 1')
    """
    text = _SPACE.sub(" ", (text or "").replace("\u00a0", " ")).strip()
    return _ASCII_GAP.sub("\0", text).replace(" ", "").replace("\0", " ")


def value_text(text: str | None) -> str:
    """A value cell's text without spaces (``0&nbsp;``, ``1 234``)."""
    return _SPACE.sub("", (text or "").replace("\u00a0", ""))


def parse_value(text: str) -> float | None:
    """The number of a value cell, or None.

    >>> parse_value("7730.28"), parse_value("1,234"), parse_value("75394432.52元"), parse_value("—")
    (7730.28, 1234.0, 75394432.52, None)
    """
    t = value_text(text)
    if not _VALUE.match(t):
        return None
    t = re.sub(r"(%|％|万元|元|件|个|条|项)$", "", t).replace(",", "").replace("，", "")
    return float(t.replace("−", "-").replace("．", "."))


# ---------------------------------------------------------------- building grids


def from_rows(rows: list[list[str | None]], spans: dict[tuple[int, int], tuple[int, int]] | None = None,
              caption: str = "", page: int | None = None) -> Table:
    """A ``Table`` from rows of cell texts, ``None`` where a slot is covered by a merged cell.

    ``spans`` gives (rowspan, colspan) of a cell by its top-left (row, col); a covered slot
    without it is taken to belong to the cell on its left, else the one above.
    """
    n_cols = max((len(r) for r in rows), default=0)
    grid: list[list[Cell | None]] = [[None] * n_cols for _ in rows]
    spans = spans or {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None or grid[r][c] is not None:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            cell = Cell(text, r, c, rs, cs)
            for rr in range(r, min(r + rs, len(rows))):
                for cc in range(c, min(c + cs, n_cols)):
                    if grid[rr][cc] is None:
                        grid[rr][cc] = cell
    for r in range(len(rows)):
        for c in range(n_cols):
            if grid[r][c] is not None:
                continue
            if spans:  # spans known: a slot no cell covers is a blank cell (a box not closed on this page)
                above = grid[r - 1][c] if r else None
                if above is not None and above.text == "" and above.col == c and above.colspan == 1:
                    above.rowspan = r - above.row + 1
                    grid[r][c] = above
                else:
                    grid[r][c] = Cell("", r, c)
                continue
            owner = grid[r][c - 1] if c else (grid[r - 1][c] if r else None)  # the cell on the left, else above
            if owner is None:
                owner = Cell("", r, c)
            elif c:
                owner.colspan = max(owner.colspan, c - owner.col + 1)
            else:
                owner.rowspan = max(owner.rowspan, r - owner.row + 1)
            grid[r][c] = owner
    return Table([list(row) for row in grid], caption=label_text(caption), page=page)  # type: ignore[arg-type]


def from_grid(slots: list[list[object]], texts: dict[int, str], caption: str = "") -> Table:
    """A ``Table`` from a grid of cell keys (the same key in every slot a merged cell covers)."""
    cells: dict[int, Cell] = {}
    n_cols = max((len(r) for r in slots), default=0)
    out = []
    for r, row in enumerate(slots):
        line = []
        for c in range(n_cols):
            key = row[c] if c < len(row) else None
            k = id(key) if key is not None else -(r * 10_000 + c + 1)
            if k not in cells:
                cells[k] = Cell(texts.get(k, "") if key is not None else "", r, c)
            cell = cells[k]
            cell.rowspan = max(cell.rowspan, r - cell.row + 1)
            cell.colspan = max(cell.colspan, c - cell.col + 1)
            line.append(cell)
        out.append(line)
    return Table(out, caption=label_text(caption))


# ---------------------------------------------------------------- labels


def label(table: Table, number: int = 1) -> list[TableValue]:
    """The value cells of ``table`` with their row and column labels.

    Header rows are the rows without a value; a value's column label is the header block above
    the run of value rows it sits in (so a table of several blocks, each with its own header,
    reads each block under its own). Its row label is the cells left of the row's first value;
    a number under a header of codes (科目编码, 序号: ``CODE_WORDS``) is part of the row label.
    """
    slots = table.slots
    valued = [any(c.is_value for c in row) for row in slots]
    out = []
    for r, row in enumerate(slots):
        if not valued[r]:
            continue
        header = _header_rows(valued, r)
        codes = {c for c in range(len(row))
                 if any(w in label_text(slots[h][c].text) for h in header for w in CODE_WORDS)}
        first = next((c for c, cell in enumerate(row) if cell.is_value and c not in codes), None)
        if first is None:  # codes only: the row is its own label
            first = len(row)
        row_parts: list[str] = []
        seen: set[int] = set()
        for c in range(first):
            cell = row[c]
            if id(cell) in seen or (cell.is_value and c not in codes):
                continue
            seen.add(id(cell))
            if label_text(cell.text):
                row_parts.append(label_text(cell.text))
        done: set[int] = set()
        for c in range(first, len(row)):
            cell = row[c]
            if id(cell) in done or cell.col != c or not value_text(cell.text):
                continue
            done.add(id(cell))
            col_parts: list[str] = []
            used: set[int] = set()
            for h in header:
                hc = slots[h][c]
                if id(hc) in used or (hc.col < first and hc.col + hc.colspan <= first):  # a row-label cell
                    continue
                used.add(id(hc))
                if label_text(hc.text) and label_text(hc.text) not in col_parts:
                    col_parts.append(label_text(hc.text))
            text = value_text(cell.text) if cell.is_value else label_text(cell.text)
            out.append(TableValue(number, r, c, COL_JOIN.join(row_parts), COL_JOIN.join(col_parts), text))
    return out


def _header_rows(valued: list[bool], r: int) -> list[int]:
    """The rows of the header block above row ``r``: past the run of value rows holding ``r``."""
    i = r
    while i >= 0 and valued[i]:
        i -= 1
    top = i
    while top >= 0 and not valued[top]:
        top -= 1
    return list(range(top + 1, i + 1))


# ---------------------------------------------------------------- into the text


def serialise(tables: Iterable[Table], offset: int = 0, first: int = 1) -> tuple[list[str], list[KeptTable]]:
    """Each table's block of text, and the tables with their values' offsets.

    The blocks are meant to be joined with "\\n" and to start at ``offset`` in the report text
    (each further block one character after the end of the one before).
    """
    blocks, kept = [], []
    pos = offset
    for n, table in enumerate(tables, start=first):
        block, k = serialise_one(table, n, pos)
        blocks.append(block)
        kept.append(k)
        pos += len(block) + 1
    return blocks, kept


def serialise_one(table: Table, number: int, offset: int = 0) -> tuple[str, KeptTable]:
    """One table as text starting at ``offset``: a heading line, then a line per value."""
    values = label(table, number)
    pages = ""
    if table.page:
        pages = f"第{table.page}页" if not table.last_page or table.last_page == table.page else \
            f"第{table.page}–{table.last_page}页"
    head = f"〔表{number}" + (f" {table.caption}" if table.caption else "") + (f" · {pages}" if pages else "") + "〕"
    lines = [head]
    pos = offset + len(head) + 1
    kept = KeptTable(number, table)
    if not any(v for v in values if parse_value(v.text) is not None):  # no value at all: the rows, as text
        for row in table.slots:
            texts = list(dict.fromkeys(id(c) for c in row))
            cells = {id(c): c for c in row}
            line = "\t".join(label_text(cells[i].text) for i in texts if label_text(cells[i].text))
            lines.append(line)
        text = "\n".join(lines)
        kept.start, kept.end = offset, offset + len(text)
        return text, kept
    kept.unlabelled = all(not v.row_label and not v.col_label for v in values)
    for v in values:
        row_label, col_label = v.row_label, v.col_label
        if kept.unlabelled:  # a grid of bare numbers: say where each stands
            row_label, col_label = f"第{v.row + 1}行", f"第{v.col + 1}列"
        prefix = f"{row_label}{LABEL_SEP}{col_label}{VALUE_SEP}"
        line = prefix + v.text
        kept.values.append(TableValue(
            v.table, v.row, v.col, row_label, col_label, v.text,
            start=pos + len(prefix), end=pos + len(line), line_start=pos, line_end=pos + len(line)))
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines)
    kept.start, kept.end = offset, offset + len(text)
    return text, kept


@dataclass
class Assembled:
    """A report's text put together from prose pieces and tables."""

    text: str
    tables: list[KeptTable]


def assemble(pieces: Iterable[str | Table]) -> Assembled:
    """Join prose (str) and tables with newlines; the tables are serialised where they stand."""
    parts: list[str] = []
    kept: list[KeptTable] = []
    pos = 0
    for piece in pieces:
        if parts:
            pos += 1  # the "\n" before this piece
        if isinstance(piece, Table):
            text, k = serialise_one(piece, len(kept) + 1, pos)
            kept.append(k)
        else:
            text = piece
        parts.append(text)
        pos += len(text)
    return Assembled("\n".join(parts), kept)


# ---------------------------------------------------------------- readers: Word


def docx_table(table: object, caption: str = "") -> Table:
    """A python-docx table; a merged cell (python-docx repeats it in every slot) is one cell."""
    slots: list[list[object]] = []
    keep: list[object] = []  # hold the XML proxies, so id() names one element throughout
    texts: dict[int, str] = {}
    for row in table.rows:  # type: ignore[attr-defined]
        line = []
        for cell in row.cells:
            tc = cell._tc
            keep.append(tc)
            texts.setdefault(id(tc), cell.text)
            line.append(tc)
        slots.append(line)
    return from_grid(slots, texts, caption)


# ---------------------------------------------------------------- readers: web pages


def html_tables(root: object) -> list[tuple[object, Table]]:
    """Every innermost ``<table>`` of an lxml HTML tree, with rowspan/colspan laid out on a grid."""
    out = []
    for t in root.iter("table"):  # type: ignore[attr-defined]
        if t.find(".//table") is not None:  # a layout table around the real one: read the inner
            continue
        rows = [tr for tr in t.iter("tr") if _nearest_table(tr) is t]
        grid: list[list[object]] = []
        texts: dict[int, str] = {}
        keep = []
        for r, tr in enumerate(rows):
            while len(grid) <= r:
                grid.append([])
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while c < len(grid[r]) and grid[r][c] is not None:
                    c += 1
                rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
                keep.append(td)
                texts[id(td)] = _html_cell_text(td)
                for rr in range(r, r + rs):
                    while len(grid) <= rr:
                        grid.append([])
                    row = grid[rr]
                    while len(row) < c + cs:
                        row.append(None)
                    for cc in range(c, c + cs):
                        row[cc] = td
                c += cs
        grid = grid[:len(rows)] if rows else []
        if not grid or not any(grid):
            continue
        caption = t.findtext("caption") or _text_before(t)
        table = from_grid(grid, texts, caption)
        out.append((t, table))
    return out


def _nearest_table(el: object) -> object:
    p = el.getparent()  # type: ignore[attr-defined]
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _html_cell_text(td: object) -> str:
    parts = []
    for piece in td.itertext():  # type: ignore[attr-defined]
        parts.append(piece)
    return "".join(parts).replace("\u00a0", " ")


def _text_before(t: object, reach: int = 3) -> str:
    """The last short text before a table (its caption in practice): a previous sibling's text."""
    el = t
    for _ in range(reach):
        prev = el.getprevious()  # type: ignore[attr-defined]
        while prev is None:
            el = el.getparent()  # type: ignore[attr-defined]
            if el is None:
                return ""
            prev = el.getprevious()
        text = label_text(prev.text_content()) if hasattr(prev, "text_content") else ""
        if text:
            return text[-60:]
        el = prev
    return ""


# ---------------------------------------------------------------- readers: PDF

CAPTION_REACH = 60  # points above a table where its caption line is looked for


@dataclass
class PdfTable:
    table: Table
    page: int  # 0-based
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber: from the page's top)
    continues: bool = False  # a continuation joined to the table before it


def pdf_tables(data: bytes) -> list[PdfTable]:
    """The ruled tables of a PDF, page by page (pdfplumber), continuations joined.

    A table at the top of a page with the same columns as the table that ended the page before
    is its continuation: its rows are added to that table and it is marked ``continues``.
    """
    import pdfplumber

    found: list[PdfTable] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            drop = _text_line_backgrounds(page)
            if drop:
                page = page.filter(lambda o, drop=drop: o.get("object_type") != "rect" or _key(o) not in drop)
            for t in page.find_tables():
                rows = t.extract()
                if not rows or (len(rows) < 2 and len(rows[0]) < 2):  # one cell: a box, not a table
                    continue
                if not any(label_text(c) for row in rows for c in row):  # ruled, but no text read in it
                    continue  # (a font pdfminer cannot map): PDFium's text of the area stays
                spans = _plumber_spans(t)
                caption = _caption(page, t.bbox)
                table = from_rows(rows, spans, caption, page=i + 1)
                found.append(PdfTable(table, i, tuple(t.bbox), continues=False))
        heights = [float(p.height) for p in pdf.pages]
    return _join_continued(found, heights)


def _text_line_backgrounds(page: object) -> set[tuple]:
    """The white fill-only rectangles alone at their height: WPS draws one behind every text line,
    and pdfplumber would read them as one-column tables. White cell backgrounds come several to a
    row, and their edges close a table's last row on a page, so they are kept."""
    whites = [r for r in page.rects if _white_fill(r)]  # type: ignore[attr-defined]
    tops = Counter(round(r["top"]) for r in whites)
    return {_key(r) for r in whites if tops[round(r["top"])] == 1}


def _key(obj: dict) -> tuple:
    return (obj.get("object_type"), round(obj["x0"], 2), round(obj["top"], 2), round(obj["x1"], 2),
            round(obj["bottom"], 2))


def _white_fill(obj: dict) -> bool:
    if obj.get("stroke") or not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    if isinstance(color, int | float):
        color = (color,)
    return bool(isinstance(color, tuple | list) and len(color) in (1, 3) and all(
        isinstance(x, int | float) and x >= 0.95 for x in color))


def _plumber_spans(t: object) -> dict[tuple[int, int], tuple[int, int]]:
    """(rowspan, colspan) of each cell of a pdfplumber table, from the cells' boxes."""
    rows = t.rows  # type: ignore[attr-defined]
    n_cols = max(len(r.cells) for r in rows)
    col_x = [min((r.cells[c][0] for r in rows if c < len(r.cells) and r.cells[c]), default=None)
             for c in range(n_cols)]
    row_top = [r.bbox[1] for r in rows]
    spans = {}
    for ri, r in enumerate(rows):
        for ci, box in enumerate(r.cells):
            if box is None:
                continue
            x1, bottom = box[2], box[3]
            cs = sum(1 for c in range(ci, n_cols) if col_x[c] is not None and col_x[c] < x1 - 1)
            rs = sum(1 for rr in range(ri, len(rows)) if row_top[rr] < bottom - 1)
            spans[(ri, ci)] = (max(rs, 1), max(cs, 1))
    return spans


def _caption(page: object, bbox: tuple) -> str:
    """The last line of text just above a table on its page."""
    top = bbox[1]
    if top <= 1:
        return ""
    try:
        crop = page.crop((0, max(0, top - CAPTION_REACH), page.width, top - 0.5))  # type: ignore[attr-defined]
        lines = [ln for ln in (crop.extract_text() or "").split("\n") if ln.strip()]
    except ValueError:
        return ""
    return lines[-1].strip() if lines else ""


_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")


def _join_continued(found: list[PdfTable], heights: list[float]) -> list[PdfTable]:
    out: list[PdfTable] = []
    for pt in found:
        prev = out[-1] if out else None
        if (prev is not None and pt.page == prev.page + 1 and pt.table.n_cols == prev.table.n_cols
                and _first_on_page(pt, found) and _last_on_page(prev, found)
                and not _HEADING.match(pt.table.caption)
                and pt.bbox[1] < 0.35 * heights[pt.page] and prev.bbox[3] > 0.5 * heights[prev.page]):
            _append_rows(prev.table, pt.table)
            prev.table.last_page = pt.page + 1
            pt.continues = True
            out.append(pt)
            continue
        out.append(pt)
    return out


def _first_on_page(pt: PdfTable, found: list[PdfTable]) -> bool:
    return all(o.bbox[1] >= pt.bbox[1] for o in found if o.page == pt.page)


def _last_on_page(pt: PdfTable, found: list[PdfTable]) -> bool:
    return all(o.bbox[3] <= pt.bbox[3] for o in found if o.page == pt.page)


def _append_rows(table: Table, more: Table) -> None:
    """Add ``more``'s rows under ``table``. An empty cell in the continuation's first row, under a
    label cell that ran to the page's end, is the rest of that cell (a row label split by the page
    break), so it takes the cell above."""
    base = table.n_rows
    last = table.slots[-1]
    replace: dict[int, Cell] = {}
    for c, cell in enumerate(more.slots[0] if more.slots else []):
        above = last[c] if c < len(last) else None
        if above is None or cell.is_value or above.is_value or cell.row != 0:
            continue
        if not label_text(cell.text) and label_text(above.text):
            replace[id(cell)] = above  # the rest of the label above
        elif label_text(cell.text) and not label_text(above.text) and above.col == cell.col:
            above.text = cell.text  # a blank box closed only on the next page: that page's label
            replace[id(cell)] = above
    moved: set[int] = set()
    for r, row in enumerate(more.slots):
        new_row = []
        for cell in row:
            if id(cell) in replace:
                owner = replace[id(cell)]
                owner.rowspan = max(owner.rowspan, base + r - owner.row + 1)
                new_row.append(owner)
                continue
            if id(cell) not in moved:
                moved.add(id(cell))
                cell.row += base
            new_row.append(cell)
        table.slots.append(new_row)
