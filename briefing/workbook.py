"""The Excel workbook: comparison, figures, sources, definitions and about sheets."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pandas as pd

from extract.config import Config
from extract.frame import safe_frame

SHEETS = ("comparison", "figures", "sources", "definitions", "about")


def definitions(config: Config) -> pd.DataFrame:
    """The taxonomy in both languages."""
    return pd.DataFrame([{
        "indicator": i.id, "category": i.category, "label_zh": i.label_zh, "label_en": i.label_en,
        "unit": i.unit, "definition_zh": i.definition_zh, "definition_en": i.definition,
    } for i in config.indicators])


def sources(reports: pd.DataFrame, jurisdictions: list[str]) -> pd.DataFrame:
    sel = reports[reports["jurisdiction"].isin(jurisdictions)]
    return sel[["jurisdiction", "name_zh", "name_en", "agency", "report_year", "source", "sha256"]].rename(
        columns={"source": "file"}).reset_index(drop=True)


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
        ("caveat: scope", "scope notes a figure for less than the whole jurisdiction (a pilot district, a "
                          "sub-list) or for another period."),
    ]
    return pd.DataFrame(lines, columns=["item", "note"])


def xlsx_bytes(comparison: pd.DataFrame, figures: pd.DataFrame, reports: pd.DataFrame, config: Config,
               jurisdictions: list[str]) -> bytes:
    """The workbook, as bytes. A text cell that Excel would run as a formula (=, +, -, @ …) gets a
    leading ' (``extract.frame.safe_cell``), so report text is never a live formula."""
    buf = io.BytesIO()
    sheets = {"comparison": comparison, "figures": figures, "sources": sources(reports, jurisdictions),
              "definitions": definitions(config), "about": about(reports, jurisdictions)}
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name in SHEETS:
            safe_frame(sheets[name]).to_excel(xl, sheet_name=name, index=False)
        for ws in xl.book.worksheets:
            for col in ws.columns:
                width = max(len(str(c.value or "")) for c in col[:50])
                ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width * 1.2))
    return buf.getvalue()
