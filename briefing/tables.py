"""The comparison in wide form (one row per jurisdiction) and the tidy figures with provenance.

An exported CSV has two header rows: the column ids (the contract, what a script reads) and
under them the columns' labels with their units, in the chosen language. ``read_wide`` and
``read_tidy`` read such a file back; with pandas alone, ``pd.read_csv(path, skiprows=[1])``.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable

import pandas as pd

from dashboard.labels import column_label, t, unit
from dashboard.tables import headlines
from extract.config import Config
from extract.frame import safe_cell, safe_frame

NOT_REPORTED = "not_reported"
FIELDS = ("value", "qualifier", "scope")
LABEL_ROWS = [1]  # the row of labels under the ids: what pandas' skiprows leaves out


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


def wide_labels(columns: Iterable[str], config: Config, lang: str) -> list[str]:
    """The label of each column of ``wide``, with its unit, in ``lang``.

    'service_items_total.value' is 'Government service items: value (items)' in English and
    '政务服务事项总数:数值(项)' in Chinese.
    """
    known = {i.id: i for i in config.indicators}
    out = []
    for column in columns:
        indicator, _, field = column.rpartition(".")
        ind = known.get(indicator)
        if ind is None or field not in FIELDS:
            out.append(column_label(column, lang))
            continue
        name = ind.label_en if lang == "en" else ind.label_zh
        out.append(t(f"column_{field}", lang, label=name, unit=unit(ind.unit, lang)))
    return out


def tidy(indicators: pd.DataFrame, chosen: list[str], jurisdictions: list[str]) -> pd.DataFrame:
    """Every figure (headline and further mentions) of the view, with evidence, source and offsets."""
    mask = indicators["indicator"].isin(chosen) & indicators["jurisdiction"].isin(jurisdictions)
    return indicators[mask].reset_index(drop=True)


def tidy_labels(figures: pd.DataFrame, lang: str) -> list[str]:
    """The label of each column of ``tidy`` in ``lang``; the unit column's names the unit words present
    (in English: '项 = items; 件 = cases')."""
    words = sorted({u for u in figures["unit"] if isinstance(u, str) and u}) if "unit" in figures else []
    units = "; ".join(f"{w} = {unit(w, 'en')}" for w in words if unit(w, "en") != w) or "—"
    return [column_label(c, lang, units=units) if c == "unit" else column_label(c, lang) for c in figures.columns]


def csv_bytes(df: pd.DataFrame, labels: list[str] | None = None) -> bytes:
    """UTF-8 with BOM, so Excel on Windows shows the Chinese; with ``labels``, a second header row of
    them under the column ids. A text cell that Excel would run as a formula (=, +, -, @ …) gets a
    leading ' (``extract.frame.safe_cell``)."""
    buf = io.StringIO()
    if labels is None:
        safe_frame(df).to_csv(buf, index=False, lineterminator="\n")
    else:
        if len(labels) != len(df.columns):
            raise ValueError(f"{len(labels)} labels for {len(df.columns)} columns")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(df.columns)
        writer.writerow([safe_cell(label) for label in labels])
        safe_frame(df).to_csv(buf, index=False, header=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8-sig")


def read_wide(data: bytes | str) -> pd.DataFrame:
    """Read an exported wide CSV back (with or without BOM; its label row left out) into the frame
    ``wide`` made."""
    df = _read(data)
    for col in df.columns:
        if col.endswith(".value"):
            df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce").astype("float64")
    return df


def read_tidy(data: bytes | str) -> pd.DataFrame:
    """Read an exported tidy CSV back (its label row left out): text as text, numbers as numbers."""
    df = _read(data)
    for col in ("value", "start", "end"):
        if col in df:
            df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce")
    if "primary" in df:
        df["primary"] = df["primary"] == "True"
    return df


def read_labels(data: bytes | str) -> dict[str, str]:
    """Column id -> label, from the second header row of an exported CSV."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    ids, labels = itertools.islice(csv.reader(io.StringIO(text)), 2)
    return dict(zip(ids, labels, strict=True))


def _read(data: bytes | str) -> pd.DataFrame:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skiprows=LABEL_ROWS)


__all__ = ["FIELDS", "LABEL_ROWS", "NOT_REPORTED", "csv_bytes", "headlines", "read_labels", "read_tidy",
           "read_wide", "tidy", "tidy_labels", "wide", "wide_labels"]
