"""The Excel workbook: comparison, figures, sources, definitions, dictionary and about sheets.

The dictionary sheet names every column of the other data sheets in both languages, with its
unit, and what each unit word of the figures means in English.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pandas as pd

from dashboard.labels import column_label, pinyin, unit
from extract.config import Config
from extract.frame import safe_frame

from .tables import tidy_labels, wide_labels

SHEETS = ("comparison", "figures", "sources", "definitions", "dictionary", "about")


def definitions(config: Config) -> pd.DataFrame:
    """The taxonomy in both languages."""
    return pd.DataFrame([{
        "indicator": i.id, "category": i.category, "label_zh": i.label_zh, "label_en": i.label_en,
        "unit": i.unit, "definition_zh": i.definition_zh, "definition_en": i.definition,
    } for i in config.indicators])


def sources(reports: pd.DataFrame, jurisdictions: list[str], lang: str = "zh") -> pd.DataFrame:
    """The reports behind the view: names, agency, year, file and its sha256; in English the
    agency's name in pinyin beside it (column agency_pinyin)."""
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    out = sel[["jurisdiction", "name_zh", "name_en", "agency", "report_year", "source", "sha256"]].rename(
        columns={"source": "file"}).reset_index(drop=True)
    if lang == "en":
        out.insert(4, "agency_pinyin", [pinyin(a) if isinstance(a, str) and a.strip() else "" for a in out["agency"]])
    return out


def dictionary(comparison: pd.DataFrame, figures: pd.DataFrame, sources: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Every column of the data sheets with its label (and unit) in both languages, and each unit word
    of the figures in English: a reader of the workbook needs nothing else to read a column."""
    rows = []
    for sheet, columns, zh, en in (
        ("comparison", list(comparison.columns), wide_labels(comparison.columns, config, "zh"),
         wide_labels(comparison.columns, config, "en")),
        ("figures", list(figures.columns), tidy_labels(figures, "zh"), tidy_labels(figures, "en")),
        ("sources", list(sources.columns), [column_label(c, "zh") for c in sources.columns],
         [column_label(c, "en") for c in sources.columns]),
    ):
        rows += [{"sheet": sheet, "column": c, "label_zh": z, "label_en": e} for c, z, e in zip(columns, zh, en,
                                                                                                 strict=True)]
    words = sorted({u for u in figures.get("unit", []) if isinstance(u, str) and u})
    rows += [{"sheet": "figures", "column": f"unit = {w}", "label_zh": w, "label_en": unit(w, "en")} for w in words]
    return pd.DataFrame(rows, columns=["sheet", "column", "label_zh", "label_en"])


def about(reports: pd.DataFrame, jurisdictions: list[str], when: datetime | None = None) -> pd.DataFrame:
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    years = sorted({y for y in sel["report_year"] if y})
    levels = sorted({lv for lv in sel["level"] if lv})
    when = when or datetime.now(UTC)
    lines = [
        ("what", "Government-service indicators extracted from the bureaus' own reports by `python -m extract`; "
                 "each figure keeps the sentence it came from (sheet figures: evidence, source file, offsets)."),
        ("made", when.strftime("%Y-%m-%d %H:%M UTC")),
        ("reports", ", ".join(sel["jurisdiction"])),
        ("caveat: years", f"The reports cover different years: {', '.join(years)}. Figures are not for one period."),
        ("caveat: levels", f"Different levels of government: {', '.join(levels)}."),
        ("caveat: bounds", "qualifier more_than/at_least/less_than/approx marks a bound or an estimate "
                           "(>70%, ≈35); not_reported means the report gives no figure, never zero."),
        ("columns", "Sheet dictionary gives every column's label and unit in Chinese and English; the CSV exports "
                    "carry the same labels, in the chosen language, in their second header row."),
        ("caveat: scope", "scope notes a figure for less than the whole jurisdiction (a pilot district, a "
                          "sub-list) or for another period."),
    ]
    return pd.DataFrame(lines, columns=["item", "note"])


def xlsx_bytes(comparison: pd.DataFrame, figures: pd.DataFrame, reports: pd.DataFrame, config: Config,
               jurisdictions: list[str], lang: str = "zh") -> bytes:
    """The workbook, as bytes. A text cell that Excel would run as a formula (=, +, -, @ …) gets a
    leading ' (``extract.frame.safe_cell``), so report text is never a live formula."""
    source_sheet = sources(reports, jurisdictions, lang)
    sheets = {"comparison": comparison, "figures": figures, "sources": source_sheet,
              "definitions": definitions(config), "dictionary": dictionary(comparison, figures, source_sheet, config),
              "about": about(reports, jurisdictions)}
    return write_sheets(sheets, SHEETS)


def write_sheets(sheets: dict[str, pd.DataFrame], order: tuple[str, ...]) -> bytes:
    """An .xlsx of ``sheets`` in ``order``, formula-safe, columns sized to their text."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name in order:
            safe_frame(sheets[name]).to_excel(xl, sheet_name=name, index=False)
        for ws in xl.book.worksheets:
            for col in ws.columns:
                width = max(len(str(c.value or "")) for c in col[:50])
                ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width * 1.2))
    return buf.getvalue()
