"""Results -> the tidy frames and their CSV files. The column contract lives here, once.

indicators.csv  one row per indicator figure (the dashboard and outside checks read it)
mentions.csv    one row per number found, mapped or not
reports.csv     one row per report, including reports that failed or hold no figures
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from .config import Config
from .pipeline import ReportResult

if TYPE_CHECKING:  # pandas is imported where a frame is made: extracting reports needs none
    import pandas as pd

INDICATOR_COLUMNS = [
    "jurisdiction", "name_zh", "name_en", "level", "report_year", "category", "indicator",
    "label_zh", "label_en", "value", "unit", "qualifier", "primary", "scope", "evidence",
    "source", "start", "end",
]
MENTION_COLUMNS = [
    "jurisdiction", "value", "unit", "qualifier", "change", "indicator", "evidence", "source",
    "start", "end", "clause", "report_year",  # report_year last: added when a jurisdiction could have several
]
REPORT_COLUMNS = [
    "jurisdiction", "name_zh", "name_en", "province", "prefecture", "level", "report_year",
    "agency", "source", "original", "format", "encoding", "script", "characters", "sha256", "mentions",
    "figures", "indicators", "status", "message", "adcode", "sum_checks",
]
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "approx")
# Text columns a spreadsheet could read as a formula (see ``safe_cell``). Not ids, offsets and
# provenance: ``evidence`` must stay the report's own characters, ``source`` a path.
TEXT_COLUMNS = {
    "indicators": ("name_zh", "name_en", "level", "label_zh", "label_en", "scope"),
    "mentions": ("clause",),
    "reports": ("name_zh", "name_en", "province", "prefecture", "level", "agency", "message"),
}
_FORMULA_START = ("=", "+", "-", "@")


def safe_cell(value: object) -> object:
    """A text cell that Excel or LibreOffice would run as a formula, with a leading ' (as OWASP
    recommends against CSV injection): one beginning with =, +, -, @ after leading whitespace,
    or with a tab or carriage return. Numbers and other text are returned as they are.

    >>> safe_cell("=1+1"), safe_cell(" -1"), safe_cell(-1.0), safe_cell("全县")
    ("'=1+1", "' -1", -1.0, '全县')
    """
    if isinstance(value, str) and (value[:1] in ("\t", "\r") or value.lstrip()[:1] in _FORMULA_START):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """``df`` with ``safe_cell`` applied to its text ``columns`` (default: every text column)."""
    import pandas as pd

    columns = [c for c in (df.columns if columns is None else columns) if c in df.columns]
    out = None
    for c in columns:
        if not (pd.api.types.is_object_dtype(df[c]) or pd.api.types.is_string_dtype(df[c])):
            continue  # numbers, booleans, dates: never a formula
        safe = df[c].map(safe_cell)
        if not safe.equals(df[c]):
            out = df.copy() if out is None else out
            out[c] = safe
    return df if out is None else out



def indicator_rows(r: ReportResult, config: Config) -> list[dict]:
    """One report's rows of indicators.csv."""
    if not r.ok:
        return []
    j = r.jurisdiction
    rows = []
    for f in r.figures:
        ind = config.indicator(f.indicator)
        m = f.figure.mention
        a, b = f.figure.evidence_start, f.figure.evidence_end
        rows.append({
            "jurisdiction": j.id, "name_zh": j.name_zh, "name_en": j.name_en,
            "level": j.level, "report_year": j.report_year, "category": ind.category,
            "indicator": ind.id, "label_zh": ind.label_zh, "label_en": ind.label_en,
            "value": f.value, "unit": m.unit_text, "qualifier": f.qualifier,
            "primary": f.primary, "scope": f.scope.text, "evidence": r.report.text[a:b],
            "source": r.source, "start": a, "end": b,
        })
    return rows


def mention_rows(r: ReportResult) -> list[dict]:
    """One report's rows of mentions.csv: every number, with the indicator it was read as, if any."""
    if not r.ok:
        return []
    mapped = {f.figure.mention.start: f.indicator for f in r.figures}
    return [{
        "jurisdiction": r.jurisdiction.id, "value": m.value, "unit": m.unit_text,
        "qualifier": m.qualifier, "change": m.is_change,
        "indicator": mapped.get(m.start, ""), "evidence": m.surface,
        "source": r.source, "start": m.start, "end": m.end,
        "clause": r.report.text[m.clause.start:m.clause.end], "report_year": r.jurisdiction.report_year,
    } for m in r.mentions]


def report_row(r: ReportResult) -> dict:
    """One report's row of reports.csv; a failed report says why in ``message``."""
    j = r.jurisdiction
    return {
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
        "status": "ok" if r.ok else "error", "message": r.error or _notes(r),
        "adcode": j.adcode,
        # the disclosure template's sums: '' (no template table), 'ok (n sums hold)' or each that fails
        "sum_checks": r.template.summary() if r.template is not None else "",
    }


def _notes(r: ReportResult) -> str:
    notes = [r.doc.note if r.doc else "", r.report.note if r.report else ""]
    return "; ".join(n for n in notes if n)


def indicators_frame(results: Iterable[ReportResult], config: Config) -> pd.DataFrame:
    """The tidy frame of indicator figures (``INDICATOR_COLUMNS``)."""
    import pandas as pd

    rows = [row for r in results for row in indicator_rows(r, config)]
    df = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    return df.astype({"value": "float64", "primary": "bool", "start": "int64", "end": "int64",
                      "report_year": "Int64"})


def mentions_frame(results: Iterable[ReportResult]) -> pd.DataFrame:
    """Every number found (``MENTION_COLUMNS``)."""
    import pandas as pd

    df = pd.DataFrame([row for r in results for row in mention_rows(r)], columns=MENTION_COLUMNS)
    return df.astype({"value": "float64", "change": "bool", "start": "int64", "end": "int64",
                      "report_year": "Int64"})


def reports_frame(results: Iterable[ReportResult]) -> pd.DataFrame:
    """One row per report (``REPORT_COLUMNS``)."""
    import pandas as pd

    df = pd.DataFrame([report_row(r) for r in results], columns=REPORT_COLUMNS)
    return df.astype({"report_year": "Int64", "characters": "int64", "mentions": "int64",
                      "figures": "int64", "indicators": "int64"})


def csv_cell(value: object) -> str:
    """A value as pandas writes it in to_csv, so streamed and framed CSVs are the same bytes."""
    if value.__class__ is str:  # most cells: as they are
        return value
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


class CsvSink:
    """The three CSVs of an extraction, written report by report (memory stays flat)."""

    FILES: ClassVar[dict[str, list[str]]] = {
        "indicators": INDICATOR_COLUMNS, "mentions": MENTION_COLUMNS, "reports": REPORT_COLUMNS}

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.paths = {name: out / f"{name}.csv" for name in self.FILES}
        self._files = {name: path.open("w", encoding="utf-8-sig", newline="") for name, path in self.paths.items()}
        self._writers = {name: csv.writer(f, lineterminator="\n") for name, f in self._files.items()}
        for name, columns in self.FILES.items():
            self._writers[name].writerow(columns)

    def write(self, name: str, rows: Iterable[dict]) -> None:
        columns = [(c, c in TEXT_COLUMNS[name]) for c in self.FILES[name]]
        self._writers[name].writerows(
            [csv_cell(safe_cell(row.get(c)) if text else row.get(c)) for c, text in columns] for row in rows)

    def close(self) -> None:
        for f in self._files.values():
            f.close()


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (so Excel shows Chinese), ``\\n`` line ends, the same bytes every run.

    For indicators.csv, mentions.csv and reports.csv, the ``TEXT_COLUMNS`` go through ``safe_cell``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    df = safe_frame(df, TEXT_COLUMNS.get(path.stem, ()))
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def merged(existing: Path, new: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """``existing`` CSV's rows of other jurisdictions, then ``new``: as text, so bytes stay stable."""
    import pandas as pd

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
    import pandas as pd

    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"scope": str, "unit": str},
                     keep_default_na=False, na_values={"value": [""], "report_year": [""]})
    df["primary"] = df["primary"].astype(str).str.lower().eq("true")
    return df.astype({"value": "float64", "start": "int64", "end": "int64", "report_year": "Int64"})
