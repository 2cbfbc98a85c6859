"""Where the indicator figures are read from: a pandas frame for a small corpus, DuckDB over
Parquet for a large one, so that a page loads only the rows it draws.

Every store answers the same question, ``select(jurisdictions, indicators, primary_only)``,
with a frame of ``extract.frame.INDICATOR_COLUMNS`` typed as ``read_indicators`` types it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from extract.frame import INDICATOR_COLUMNS

TYPES = {"value": "float64", "start": "int64", "end": "int64", "report_year": "Int64", "primary": "bool"}


class FigureStore(Protocol):
    def select(self, jurisdictions: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
               primary_only: bool = False) -> pd.DataFrame: ...


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    text = [c for c in INDICATOR_COLUMNS if c not in TYPES]
    df = df.reindex(columns=INDICATOR_COLUMNS)
    df[text] = df[text].fillna("").astype(str)
    return df.astype(TYPES)


@dataclass(frozen=True)
class FrameStore:
    """Figures held in memory (the bundled reports, a session's uploads)."""

    df: pd.DataFrame

    def select(self, jurisdictions: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
               primary_only: bool = False) -> pd.DataFrame:
        mask = pd.Series(True, index=self.df.index)
        if jurisdictions is not None:
            mask &= self.df["jurisdiction"].isin(list(jurisdictions))
        if indicators is not None:
            mask &= self.df["indicator"].isin(list(indicators))
        if primary_only:
            mask &= self.df["primary"]
        return self.df[mask].reset_index(drop=True)


@dataclass(frozen=True)
class ParquetStore:
    """Figures in indicators.parquet, queried with DuckDB: only the rows asked for are read."""

    path: Path

    def select(self, jurisdictions: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
               primary_only: bool = False) -> pd.DataFrame:
        import duckdb

        where, params = [], [str(self.path)]
        if jurisdictions is not None:
            where.append("jurisdiction IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(jurisdictions))
        if indicators is not None:
            where.append("indicator IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(indicators))
        if primary_only:
            where.append('"primary"')
        sql = "SELECT * FROM read_parquet(?)" + (" WHERE " + " AND ".join(where) if where else "")
        with duckdb.connect() as con:
            df = con.execute(sql, params).df()
        return _typed(df)


@dataclass(frozen=True)
class Stacked:
    """Several stores read as one (the corpus, then this session's uploads)."""

    parts: tuple[FigureStore, ...]

    def select(self, jurisdictions: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
               primary_only: bool = False) -> pd.DataFrame:
        frames = [p.select(jurisdictions, indicators, primary_only) for p in self.parts]
        return pd.concat(frames, ignore_index=True).astype(TYPES) if len(frames) > 1 else frames[0]


@dataclass(frozen=True)
class Picked:
    """The figures of some reports only (``years.view``): ``reports`` holds their (jurisdiction, year),
    the year as text ('' where a report has none). Where all years of a jurisdiction are shown, its
    figures are named for their report (``names``: (jurisdiction, year) -> '<id>.<year>'), and
    ``select`` takes those names as it takes ids."""

    base: FigureStore
    reports: frozenset[tuple[str, str]]
    names: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def select(self, jurisdictions: Sequence[str] | None = None, indicators: Sequence[str] | None = None,
               primary_only: bool = False) -> pd.DataFrame:
        ids = None
        if jurisdictions is not None:
            own = {name: j for (j, _), name in self.names.items()}
            ids = list(dict.fromkeys(own.get(j, j) for j in jurisdictions))
        df = self.base.select(ids, indicators, primary_only)
        years = df["report_year"].astype("string").fillna("")
        mask = pd.MultiIndex.from_arrays([df["jurisdiction"], years]).isin(list(self.reports))
        df = df[mask].reset_index(drop=True)
        if self.names and len(df):
            years = df["report_year"].astype("string").fillna("")
            df["jurisdiction"] = [self.names.get((j, y), j) for j, y in zip(df["jurisdiction"], years, strict=True)]
            if jurisdictions is not None:
                df = df[df["jurisdiction"].isin(list(jurisdictions))].reset_index(drop=True)
        return df


def parquet_is_current(data_dir: Path) -> bool:
    """Whether data_dir's indicators.parquet is of the same set as its CSVs: listed in its
    manifest.json, or (an output without one) written after indicators.csv."""
    from extract.errors import ExtractError
    from extract.manifest import MANIFEST, parse

    parquet, csv = data_dir / "indicators.parquet", data_dir / "indicators.csv"
    try:
        return "indicators.parquet" in parse((data_dir / MANIFEST).read_bytes(), data_dir / MANIFEST)[2]
    except (OSError, ExtractError):
        pass  # no manifest (an older output), or a damaged one: go by the files' times
    try:
        return parquet.stat().st_mtime >= csv.stat().st_mtime
    except OSError:
        return False
