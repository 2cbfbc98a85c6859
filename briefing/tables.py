"""The comparison in wide form (one row per jurisdiction) and the tidy figures with provenance."""

from __future__ import annotations

import io

import pandas as pd

from dashboard.tables import headlines
from extract.frame import safe_frame

NOT_REPORTED = "not_reported"
FIELDS = ("value", "qualifier", "scope")


def wide(comp: pd.DataFrame) -> pd.DataFrame:
    """``dashboard.tables.comparison`` -> one row per jurisdiction; per indicator value, qualifier, scope.

    A figure a report does not give has no value and the qualifier 'not_reported', never 0.
    """
    rows = {}
    for r in comp.itertuples():
        row = rows.setdefault(r.jurisdiction, {"jurisdiction": r.jurisdiction, "name": r.name,
                                               "report_year": r.report_year})
        row[f"{r.indicator}.value"] = r.value if r.reported else float("nan")
        row[f"{r.indicator}.qualifier"] = r.qualifier if r.reported else NOT_REPORTED
        row[f"{r.indicator}.scope"] = r.scope if r.reported else ""
    return pd.DataFrame(list(rows.values()))


def read_wide(data: bytes | str) -> pd.DataFrame:
    """Read a wide CSV back (with or without BOM) into the frame ``wide`` made."""
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    df = pd.read_csv(io.StringIO(data), dtype=str, keep_default_na=False)
    for col in df.columns:
        if col.endswith(".value"):
            df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce").astype("float64")
    return df


def tidy(indicators: pd.DataFrame, chosen: list[str], jurisdictions: list[str]) -> pd.DataFrame:
    """Every figure (headline and further mentions) of the view, with evidence, source and offsets."""
    mask = indicators["indicator"].isin(chosen) & indicators["jurisdiction"].isin(jurisdictions)
    return indicators[mask].reset_index(drop=True)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel on Windows shows the Chinese; a text cell that Excel would run as
    a formula (=, +, -, @ …) gets a leading ' (``extract.frame.safe_cell``)."""
    return safe_frame(df).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


__all__ = ["FIELDS", "NOT_REPORTED", "csv_bytes", "headlines", "read_wide", "tidy", "wide"]
