"""Results -> the tidy frames and their CSV files. The column contract lives here, once.

indicators.csv  one row per indicator figure (the dashboard and outside checks read it)
mentions.csv    one row per number found, mapped or not
reports.csv     one row per report, including reports that failed or hold no figures
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .config import Config
from .pipeline import ReportResult

INDICATOR_COLUMNS = [
    "jurisdiction", "name_zh", "name_en", "level", "report_year", "category", "indicator",
    "label_zh", "label_en", "value", "unit", "qualifier", "primary", "scope", "evidence",
    "source", "start", "end",
]
MENTION_COLUMNS = [
    "jurisdiction", "value", "unit", "qualifier", "change", "indicator", "evidence", "source",
    "start", "end", "clause",
]
REPORT_COLUMNS = [
    "jurisdiction", "name_zh", "name_en", "province", "prefecture", "level", "report_year",
    "agency", "source", "original", "format", "encoding", "script", "characters", "sha256", "mentions",
    "figures", "indicators", "status", "message",
]
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "approx")



def indicators_frame(results: Iterable[ReportResult], config: Config) -> pd.DataFrame:
    """The tidy frame of indicator figures (``INDICATOR_COLUMNS``)."""
    rows = []
    for r in results:
        if not r.ok:
            continue
        j = r.jurisdiction
        for f in r.figures:
            ind = config.indicator(f.indicator)
            m = f.figure.mention
            a, b = f.figure.evidence_start, f.figure.evidence_end
            rows.append({
                "jurisdiction": j.id, "name_zh": j.name_zh, "name_en": j.name_en,
                "level": j.level, "report_year": j.report_year, "category": ind.category,
                "indicator": ind.id, "label_zh": ind.label_zh, "label_en": ind.label_en,
                "value": m.value, "unit": m.unit_text, "qualifier": m.qualifier,
                "primary": f.primary, "scope": f.scope.text, "evidence": r.report.text[a:b],
                "source": r.source, "start": a, "end": b,
            })
    df = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    return df.astype({"value": "float64", "primary": "bool", "start": "int64", "end": "int64",
                      "report_year": "Int64"})


def mentions_frame(results: Iterable[ReportResult]) -> pd.DataFrame:
    """Every number found (``MENTION_COLUMNS``), with the indicator it was read as, if any."""
    rows = []
    for r in results:
        if not r.ok:
            continue
        mapped = {f.figure.mention.start: f.indicator for f in r.figures}
        for m in r.mentions:
            rows.append({
                "jurisdiction": r.jurisdiction.id, "value": m.value, "unit": m.unit_text,
                "qualifier": m.qualifier, "change": m.is_change,
                "indicator": mapped.get(m.start, ""), "evidence": m.surface,
                "source": r.source, "start": m.start, "end": m.end,
                "clause": r.report.text[m.clause.start:m.clause.end],
            })
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return df.astype({"value": "float64", "change": "bool", "start": "int64", "end": "int64"})


def reports_frame(results: Iterable[ReportResult]) -> pd.DataFrame:
    """One row per report (``REPORT_COLUMNS``); a failed report says why in ``message``."""
    rows = []
    for r in results:
        j = r.jurisdiction
        rows.append({
            "jurisdiction": j.id, "name_zh": j.name_zh, "name_en": j.name_en,
            "province": j.province, "prefecture": j.prefecture, "level": j.level,
            "report_year": j.report_year, "agency": j.agency, "source": r.source,
            "original": r.original or r.source, "format": r.report.format if r.report else None,
            "encoding": r.report.encoding if r.report else None,
            "script": r.doc.script if r.doc else None,
            "characters": len(r.report.text) if r.report else 0,
            "sha256": r.report.sha256 if r.report else None,
            "mentions": len(r.mentions), "figures": len(r.figures),
            "indicators": len({f.indicator for f in r.figures}),
            "status": "ok" if r.ok else "error", "message": r.error or "",
        })
    df = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return df.astype({"report_year": "Int64", "characters": "int64", "mentions": "int64",
                      "figures": "int64", "indicators": "int64"})


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (so Excel shows Chinese), ``\\n`` line ends, the same bytes every run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def merged(existing: Path, new: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """``existing`` CSV's rows of other jurisdictions, then ``new``: as text, so bytes stay stable."""
    buf = io.StringIO()
    new.to_csv(buf, index=False, lineterminator="\n")
    buf.seek(0)
    fresh = pd.read_csv(buf, dtype=str, keep_default_na=False)
    if not existing.exists():
        return fresh
    old = pd.read_csv(existing, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return pd.concat([old[~old["jurisdiction"].isin(ids)], fresh], ignore_index=True)


def read_indicators(path: str | Path) -> pd.DataFrame:
    """Read an indicators.csv back into the frame ``indicators_frame`` made."""
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"scope": str, "unit": str},
                     keep_default_na=False, na_values={"value": [""], "report_year": [""]})
    df["primary"] = df["primary"].astype(str).str.lower().eq("true")
    return df.astype({"value": "float64", "start": "int64", "end": "int64", "report_year": "Int64"})
