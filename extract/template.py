"""The national template of the 政府信息公开工作年度报告, as data (template.yaml), and its reading.

``load_template`` validates template.yaml (naming the file, the place and the bad value, like
config.yaml). ``read_template`` finds the template's tables among a report's tables by their
labels, gives each value cell its row and column key, and checks the sums that must hold. A sum
that does not hold is a finding, not an error: the figures are kept and ``SumResult`` says by how
much it fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import ID_RE, Category, Indicator, _UniqueKeyLoader
from .errors import ConfigError
from .tables import KeptTable, TableValue

Label = str | tuple[str, ...]
_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．]\s*)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "＂": '"'})
UNITS = ("件", "项", "万元", "元")


@dataclass(frozen=True)
class Key:
    """A row or column of a template table, with every label it is printed with."""

    key: str
    label_zh: str
    label_en: str
    labels: tuple[Label, ...]
    unit: str = ""


@dataclass(frozen=True)
class TemplateTable:
    id: str
    section: str
    label_zh: str
    label_en: str
    identify: tuple[tuple[str, ...], ...]
    rows: tuple[Key, ...]
    columns: tuple[Key, ...]
    indicators: tuple[tuple[str, str], ...]  # (row, column) cells kept as indicators
    maps: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # project indicator -> cells

    def row(self, key: str) -> Key:
        return next(k for k in self.rows if k.key == key)

    def column(self, key: str) -> Key:
        return next(k for k in self.columns if k.key == key)


@dataclass(frozen=True)
class SumRule:
    id: str
    table: str
    label_zh: str
    label_en: str
    left: tuple[tuple[str, str], ...]  # (row, column); column "*" takes each of ``columns``
    right: tuple[tuple[str, str], ...]
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    path: Path
    category: Category
    sections: tuple[tuple[str, str], ...]
    tables: tuple[TemplateTable, ...]
    sums: tuple[SumRule, ...]

    def table(self, table_id: str) -> TemplateTable:
        return next(t for t in self.tables if t.id == table_id)

    def indicators(self) -> list[Indicator]:
        """The template cells kept as indicators (category ``category.id``): found in tables only,
        never by cues in prose (no cues, no units to match)."""
        out = []
        for t in self.tables:
            for row, col in t.indicators:
                r, c = t.row(row), t.column(col)
                one_row = len(t.rows) == 1  # table 四: the columns say it all
                out.append(Indicator(
                    id=cell_id(t.id, row, col), category=self.category.id,
                    label_zh=c.label_zh if one_row else r.label_zh if col == "total" else f"{r.label_zh}：{c.label_zh}",
                    label_en=c.label_en[:1].upper() + c.label_en[1:] if one_row else f"{r.label_en}, {c.label_en}",
                    unit=c.unit, units=(), cues=(),
                    definition=f"Table {t.label_en} of the yearly disclosure report (national template): "
                               f"row {r.label_zh} ({r.label_en}), column {c.label_zh} ({c.label_en}).",
                    definition_zh=f"政府信息公开工作年度报告（全国格式）“{t.label_zh}”表：{r.label_zh}行，{c.label_zh}列。",
                ))
        return out


def cell_id(table: str, row: str, col: str) -> str:
    """The indicator id of a template cell.

    >>> cell_id("requests", "granted", "total")
    'requests_granted_total'
    """
    return f"{table}_{row}_{col}"


# ---------------------------------------------------------------- loading


def load_template(path: str | Path, indicator_ids: set[str] | None = None) -> Template:
    """Read and validate template.yaml; raise ``ConfigError`` naming the place of the problem.

    ``indicator_ids`` are the project's indicators that ``maps`` may name.
    """
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise ConfigError(str(path), "", "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), "", f"cannot read the file ({e})") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ConfigError(str(path), f"line {mark.line + 1}" if mark else "",
                          f"not valid YAML: {getattr(e, 'problem', None) or e}") from None
    return parse_template(data, path, indicator_ids)


class _Check:
    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __call__(self, ok: bool, where: str, problem: str) -> None:
        if not ok:
            raise ConfigError(self.path, where, problem)

    def keys(self, obj: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
        self(isinstance(obj, dict), where or "top level", f"expected a mapping, got {obj!r}")
        for k in obj:
            self(k in required or k in optional, f"{where}.{k}" if where else str(k),
                 f"unknown key {k!r} (allowed: {', '.join((*required, *optional))})")
        for k in required:
            self(obj.get(k) not in (None, ""), f"{where}.{k}" if where else k, "missing required key")
        return obj

    def text(self, obj: Any, where: str) -> str:
        self(isinstance(obj, str) and obj.strip() != "", where, f"expected text, got {obj!r}")
        return obj


def parse_template(data: Any, path: Path, indicator_ids: set[str] | None = None) -> Template:
    check = _Check(path)
    top = check.keys(data, "", ("version", "category", "sections", "tables", "sums"))
    cat = check.keys(top["category"], "category", ("id", "label_zh", "label_en"))
    check(bool(ID_RE.match(str(cat["id"]))), "category.id",
          f"ids are lowercase letters, digits and _, got {cat['id']!r}")
    sections = []
    for i, s in enumerate(_list(check, top["sections"], "sections")):
        s = check.keys(s, f"sections[{i}]", ("id", "label"))
        sections.append((s["id"], check.text(s["label"], f"sections[{i}].label")))
    section_ids = {s for s, _ in sections}
    tables, seen = [], set()
    for i, t in enumerate(_list(check, top["tables"], "tables")):
        where = f"tables[{i}]"
        t = check.keys(t, where, ("id", "section", "label_zh", "label_en", "identify", "rows", "columns",
                                  "indicators"), ("maps",))
        check(bool(ID_RE.match(str(t["id"]))) and t["id"] not in seen, f"{where}.id",
              f"bad or duplicate id {t['id']!r}")
        seen.add(t["id"])
        check(t["section"] in section_ids, f"{where}.section", f"unknown section {t['section']!r}")
        identify = []
        for j, group in enumerate(_list(check, t["identify"], f"{where}.identify")):
            check(isinstance(group, list) and group and all(isinstance(w, str) and w for w in group),
                  f"{where}.identify[{j}]", f"expected a list of labels, got {group!r}")
            identify.append(tuple(normal(w) for w in group))
        rows = _keys(check, t["rows"], f"{where}.rows", unit=False)
        columns = _keys(check, t["columns"], f"{where}.columns", unit=True)
        row_keys, col_keys = {k.key for k in rows}, {k.key for k in columns}
        cells = tuple(_cell(check, c, f"{where}.indicators[{j}]", row_keys, col_keys)
                      for j, c in enumerate(_list(check, t["indicators"], f"{where}.indicators")))
        maps = {}
        for ind, refs in (t.get("maps") or {}).items():
            here = f"{where}.maps.{ind}"
            check(indicator_ids is None or ind in indicator_ids, here, f"unknown indicator {ind!r}")
            maps[ind] = tuple(_cell(check, c, f"{here}[{j}]", row_keys, col_keys)
                              for j, c in enumerate(_list(check, refs, here)))
        tables.append(TemplateTable(t["id"], t["section"], t["label_zh"], t["label_en"], tuple(identify),
                                    rows, columns, cells, maps))
    by_id = {t.id: t for t in tables}
    sums = []
    for i, s in enumerate(_list(check, top["sums"], "sums")):
        where = f"sums[{i}]"
        s = check.keys(s, where, ("id", "table", "label_zh", "label_en", "equal"), ("columns",))
        check(s["table"] in by_id, f"{where}.table", f"unknown table {s['table']!r}")
        t = by_id[s["table"]]
        row_keys, col_keys = {k.key for k in t.rows}, {k.key for k in t.columns}
        eq = s["equal"]
        check(isinstance(eq, list) and len(eq) == 2, f"{where}.equal", "expected two lists of cells")
        sides = [tuple(_cell(check, c, f"{where}.equal[{k}][{j}]", row_keys, col_keys | {"*"})
                       for j, c in enumerate(_list(check, side, f"{where}.equal[{k}]"))) for k, side in enumerate(eq)]
        cols = tuple(s.get("columns") or ())
        for j, c in enumerate(cols):
            check(c in col_keys, f"{where}.columns[{j}]", f"unknown column {c!r} of table {t.id}")
        check(bool(cols) == any(c == "*" for side in sides for _, c in side), f"{where}.columns",
              "a cell row/* needs `columns`, and `columns` needs a cell row/*")
        sums.append(SumRule(s["id"], t.id, s["label_zh"], s["label_en"], sides[0], sides[1], cols))
    return Template(path, Category(cat["id"], cat["label_zh"], cat["label_en"]), tuple(sections), tuple(tables),
                    tuple(sums))


def _list(check: _Check, obj: Any, where: str) -> list:
    check(isinstance(obj, list) and bool(obj), where, f"expected a non-empty list, got {obj!r}")
    return obj


def _keys(check: _Check, items: Any, where: str, unit: bool) -> tuple[Key, ...]:
    out, seen = [], set()
    for i, k in enumerate(_list(check, items, where)):
        here = f"{where}[{i}]"
        k = check.keys(k, here, ("key", "label_zh", "label_en", "labels", *(("unit",) if unit else ())))
        check(bool(ID_RE.match(str(k["key"]))) and k["key"] not in seen, f"{here}.key",
              f"bad or duplicate key {k['key']!r}")
        seen.add(k["key"])
        if unit:
            check(k["unit"] in UNITS, f"{here}.unit", f"unit {k['unit']!r}: expected one of {', '.join(UNITS)}")
        labels: list[Label] = []
        for j, lab in enumerate(_list(check, k["labels"], f"{here}.labels")):
            if isinstance(lab, list):
                check(bool(lab) and all(isinstance(w, str) and w for w in lab), f"{here}.labels[{j}]",
                      f"expected a list of labels, got {lab!r}")
                labels.append(tuple(normal(w) for w in lab))
            else:
                check(isinstance(lab, str), f"{here}.labels[{j}]", f"expected a label, got {lab!r}")
                labels.append(normal(lab))
        out.append(Key(k["key"], k["label_zh"], k["label_en"], tuple(labels), k.get("unit", "")))
    return tuple(out)


def _cell(check: _Check, ref: Any, where: str, rows: set[str], cols: set[str]) -> tuple[str, str]:
    check(isinstance(ref, str) and ref.count("/") == 1, where, f"expected row/column, got {ref!r}")
    row, col = ref.split("/")
    check(row in rows, where, f"unknown row {row!r} (known: {', '.join(sorted(rows))})")
    check(col in cols, where, f"unknown column {col!r} (known: {', '.join(sorted(cols))})")
    return row, col


# ---------------------------------------------------------------- reading


def normal(label: str) -> str:
    """A label as matched: simplified script, no spaces, no numbering, straight quotes.

    >>> normal("（三）不予公开"), normal("1、其他"), normal("三、本年度辦理結果"), normal("总 计")
    ('不予公开', '其他', '本年度办理结果', '总计')
    """
    from .text import to_simplified

    text = re.sub(r"\s+", "", to_simplified(label or "")).translate(_QUOTES)
    return _NUMBERING.sub("", text, count=1)


def _matches(key: Key, parts: tuple[str, ...], leaf_only: bool) -> bool:
    for lab in key.labels:
        if isinstance(lab, tuple):
            if all(w in parts for w in lab):
                return True
        elif lab == "":
            if not parts:
                return True
        elif parts and (parts[-1] == lab if leaf_only else lab in parts):
            return True
    return False


@dataclass(frozen=True)
class SumResult:
    """One sum checked: the two sides, each cell read, and whether they agree."""

    rule: SumRule
    column: str  # the column checked ("" for a rule over fixed cells)
    left: float
    right: float
    cells: tuple[TableValue, ...]

    @property
    def holds(self) -> bool:
        return abs(self.left - self.right) < 1e-6

    @property
    def off_by(self) -> float:
        return self.left - self.right

    def describe(self, lang: str = "zh") -> str:
        """'reconsideration_total: 0 ≠ 11 (off by -11)'."""
        col = f"[{self.column}]" if self.column else ""
        return f"{self.rule.id}{col}: {_num(self.left)} ≠ {_num(self.right)} (off by {_num(self.off_by)})"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@dataclass
class TemplateReading:
    """What a report's tables give of the template."""

    cells: dict[tuple[str, str, str], TableValue] = field(default_factory=dict)  # (table, row, column)
    tables: dict[int, str] = field(default_factory=dict)  # kept table number -> template table id
    sums: list[SumResult] = field(default_factory=list)
    unread_rows: dict[str, list[str]] = field(default_factory=dict)  # template table -> row labels not known

    @property
    def failing(self) -> list[SumResult]:
        return [s for s in self.sums if not s.holds]

    def summary(self) -> str:
        """For reports.csv: '' without template tables; 'ok (n sums hold)'; or the failing sums."""
        if not self.cells:
            return ""
        if not self.failing:
            return f"ok ({len(self.sums)} sums hold)" if self.sums else "no sum could be checked"
        return "; ".join(s.describe() for s in self.failing)

    def value(self, table: str, row: str, col: str) -> float | None:
        v = self.cells.get((table, row, col))
        return v.number if v is not None else None


def identify(template: Template, kept: KeptTable) -> TemplateTable | None:
    """The template table ``kept`` is, by its labels, or None."""
    labels = {normal(c.text) for c in kept.table.cells() if not c.is_value}
    for t in template.tables:
        if any(all(w in labels for w in group) for group in t.identify):
            return t
    return None


def read_template(template: Template, kept: list[KeptTable]) -> TemplateReading:
    """The template's cells among ``kept`` tables, and its sums checked."""
    reading = TemplateReading()
    for k in kept:
        t = identify(template, k)
        if t is None:
            continue
        reading.tables[k.number] = t.id
        for v in k.values:
            if v.number is None:
                continue
            rparts = tuple(normal(p) for p in v.row_parts)
            cparts = tuple(normal(p) for p in v.col_parts)
            row = next((r for r in t.rows if _matches(r, rparts, leaf_only=True)), None)
            col = next((c for c in t.columns if _matches(c, cparts, leaf_only=False)), None)
            if row is None or col is None:
                if row is None and v.row_label not in reading.unread_rows.setdefault(t.id, []):
                    reading.unread_rows[t.id].append(v.row_label)
                continue
            reading.cells.setdefault((t.id, row.key, col.key), v)
    reading.sums = check_sums(template, reading)
    return reading


def check_sums(template: Template, reading: TemplateReading) -> list[SumResult]:
    """Each sum whose cells were all read; one that lacks a cell is not checked."""
    out = []
    for rule in template.sums:
        if rule.table not in reading.tables.values():
            continue
        for col in rule.columns or ("",):
            sides = []
            cells: list[TableValue] = []
            for side in (rule.left, rule.right):
                total = 0.0
                for row, c in side:
                    v = reading.cells.get((rule.table, row, col if c == "*" else c))
                    if v is None or v.number is None:
                        total = float("nan")
                        break
                    total += v.number
                    cells.append(v)
                sides.append(total)
            if all(s == s for s in sides):  # not NaN: every cell read
                out.append(SumResult(rule, col, sides[0], sides[1], tuple(cells)))
    return out


def mapped(template: Template, reading: TemplateReading) -> list[tuple[str, list[TableValue]]]:
    """(indicator, cells) for each indicator the reading gives: the project's indicators of
    ``maps`` (a sum of cells) and each template cell kept as its own indicator."""
    out = []
    for t in template.tables:
        for ind, refs in t.maps.items():
            cells = [reading.cells.get((t.id, r, c)) for r, c in refs]
            if cells and all(v is not None for v in cells):
                out.append((ind, cells))
        for r, c in t.indicators:
            v = reading.cells.get((t.id, r, c))
            if v is not None:
                out.append((cell_id(t.id, r, c), [v]))
    return out  # type: ignore[return-value]
