"""The frames the dashboard shows, read from data/ (or extracted once when data/ is missing).

data/ is read as one set (``extract.outputs.read_set``): every file from the same set,
checked against its manifest.json, so a run swapping in a new set while the dashboard reads
cannot give it half of each. A file that differs from the manifest (edited by hand) is read
anyway, with a warning. Everything here is plain Python and pandas; ``ui.py`` wraps it for
Streamlit.
"""

from __future__ import annotations

import io
import os
import warnings
import weakref
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extract import load_config
from extract.config import Config, Jurisdiction
from extract.frame import read_indicators
from extract.outputs import read_set
from extract.paths import report_name
from extract.readers import ReportText

from .labels import t, with_pinyin
from .store import FigureStore, FrameStore, ParquetStore, Stacked, parquet_is_current

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("DASHBOARD_DATA", ROOT / "data"))  # another extraction's output, if set
CONFIG = Path(os.environ.get("DASHBOARD_CONFIG", ROOT / "config.yaml"))

# Okabe-Ito and Tableau colours: distinct for colour-blind readers, steady across pages.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F"]


@dataclass(frozen=True)
class Frames:
    store: FigureStore  # the indicator figures, read as needed (see store.py)
    reports: pd.DataFrame
    config: Config

    def figures(self, jurisdictions: list[str] | None = None, indicators: list[str] | None = None,
                primary_only: bool = False) -> pd.DataFrame:
        """The figures of these jurisdictions and indicators (all when None)."""
        return self.store.select(jurisdictions, indicators, primary_only)

    @property
    def indicators(self) -> pd.DataFrame:
        """Every figure: for exports and small corpora; pages ask ``figures`` for what they draw."""
        return self.store.select()

    @property
    def jurisdictions(self) -> list[str]:
        """Jurisdiction ids in a steady order, each once: config.yaml's first, then added ones by id (in a
        view of all years, ``years.view``, a jurisdiction with several reports is one name per report)."""
        return list(dict.fromkeys(self.reports["jurisdiction"]))


def load(data_dir: Path | None = None, config_path: Path | None = None) -> Frames:
    """Read indicators.csv and reports.csv; extract the configured reports first if missing."""
    data_dir, config_path = data_dir or DATA, config_path or CONFIG
    config = load_config(config_path, check_reports=False)
    if not (data_dir / "indicators.csv").exists() or not (data_dir / "reports.csv").exists():
        from extract.cli import main

        main(["--config", str(config_path), "--out", str(data_dir)])
    parquet = parquet_is_current(data_dir)  # a large corpus: figures read as needed, through DuckDB
    snapshot = read_set(data_dir, ["reports.csv"] if parquet else ["reports.csv", "indicators.csv"])
    for problem in snapshot.problems:
        warnings.warn(problem, stacklevel=2)
    store: FigureStore
    if parquet:
        store = ParquetStore(data_dir / "indicators.parquet")
    else:
        store = FrameStore(read_indicators(io.BytesIO(snapshot.files["indicators.csv"])))
    reports = pd.read_csv(io.BytesIO(snapshot.files["reports.csv"]), encoding="utf-8-sig", keep_default_na=False,
                          dtype=str)
    reports = _ordered(reports, [j.id for j in config.jurisdictions])
    reports["user_added"] = ~reports["jurisdiction"].isin([j.id for j in config.jurisdictions])
    return Frames(store, reports, config)


def _ordered(reports: pd.DataFrame, configured: list[str]) -> pd.DataFrame:
    """config.yaml's jurisdictions first, in its order, then the others by id; a jurisdiction's
    reports together, by year."""
    rank: dict[str, int] = {}
    for j in configured:
        rank.setdefault(j, len(rank))
    year = pd.to_numeric(reports["report_year"], errors="coerce").fillna(-1)
    key = [(rank.get(j, len(rank)), j, y) for j, y in zip(reports["jurisdiction"], year, strict=True)]
    return reports.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)


def readable(reports: pd.DataFrame, jurisdictions: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Of ``jurisdictions``, those whose report was read, and (id, message) of those that failed."""
    status = dict(zip(reports["jurisdiction"], reports["status"], strict=True))
    message = dict(zip(reports["jurisdiction"], reports["message"], strict=True))
    ok = [j for j in jurisdictions if status.get(j) == "ok"]
    return ok, [(j, message.get(j, "")) for j in jurisdictions if status.get(j) != "ok"]


def colors(jurisdictions: list[str]) -> dict[str, str]:
    """One colour per jurisdiction, the same on every page."""
    return {j: PALETTE[i % len(PALETTE)] for i, j in enumerate(jurisdictions)}


_NAMES: dict[int, tuple[weakref.ref, dict[str, tuple[str, str]]]] = {}


def display_name(reports: pd.DataFrame, jurisdiction: str, lang: str) -> str:
    """The jurisdiction's name in ``lang``: in English its English name, else the Chinese with its
    pinyin beside it (an upload without an English name: 武侯区 (Wuhou Qu)); in Chinese the Chinese
    name, else the English; the id where it has none. A jurisdiction with reports for several years
    has the year of the report shown beside its name (徐闻县(2022年), Xuwen County (2022)), where
    ``reports`` is a page's view of them (``years.view``: column ``shown_year``).

    Names are looked up in a table built once per frame, so thousands of calls stay cheap (the
    pinyin is cached by ``labels.pinyin``).
    """
    ref, names = _NAMES.get(id(reports), (None, None))
    if ref is None or ref() is not reports or jurisdiction not in names:
        years = reports["shown_year"] if "shown_year" in reports else [""] * len(reports)
        names = {j: (zh or "", en or "", year or "")
                 for j, zh, en, year in zip(reports["jurisdiction"], reports["name_zh"], reports["name_en"], years,
                                            strict=True)}
        _NAMES[id(reports)] = (weakref.ref(reports), names)
    zh, en, year = names.get(jurisdiction, ("", "", ""))
    name = (en or with_pinyin(zh, "en") or jurisdiction) if lang == "en" else (zh or en or jurisdiction)
    return t("name_year", lang, name=name, year=year) if year else name


def report_text(source: str, root: Path | None = None) -> str:
    """The report's text as the extractor read it (so offsets in the frame apply). ``source`` is
    relative to the folder of the config the reports were extracted with (default: ``CONFIG``'s,
    the project root unless DASHBOARD_CONFIG names another project's)."""
    from extract.readers import read_report

    return read_report((root or CONFIG.parent) / source).text


UPLOAD_PREFIX = "upload:"  # the source of a report that lives only in this browser session


@dataclass(frozen=True)
class Upload:
    """A report a researcher uploaded and confirmed: its facts, text and extracted rows."""

    jurisdiction: Jurisdiction
    report: ReportText
    indicators: pd.DataFrame
    reports: pd.DataFrame

    @property
    def name(self) -> str:
        """The report's name in this session: its jurisdiction and year (``extract.paths.report_name``)."""
        return report_name(self.jurisdiction.id, self.jurisdiction.report_year)

    @property
    def source(self) -> str:
        return f"{UPLOAD_PREFIX}{self.name}"


def extract_upload(config: Config, juris: Jurisdiction, report: ReportText) -> Upload:
    """Extract an uploaded report with the project's extractor, as rows of the frames.

    The rows are typed exactly as rows read from data/ are: a blank stays "" (as in reports.csv
    read with ``keep_default_na=False``), never None or NaN, which pages would show as "nan" or
    fail on (an English name left blank).
    """
    from extract.frame import REPORT_COLUMNS, csv_cell, indicators_frame, report_row
    from extract.pipeline import Extractor, ReportResult, place_names

    extractor = Extractor(config)
    doc, mentions, figures = extractor.extract_text(report.text, place_names(juris.name_zh, config.levels),
                                                    juris.report_year)
    source = f"{UPLOAD_PREFIX}{report_name(juris.id, juris.report_year)}"
    result = ReportResult(juris, source, source, report, doc, mentions, figures)
    rows = io.BytesIO()
    indicators_frame([result], config).to_csv(rows, index=False, encoding="utf-8-sig", lineterminator="\n")
    ind = read_indicators(io.BytesIO(rows.getvalue()))
    rep = pd.DataFrame([{c: csv_cell(v) for c, v in report_row(result).items()}], columns=REPORT_COLUMNS, dtype=str)
    return Upload(juris, report, ind, rep.assign(user_added=True))


def with_uploads(frames: Frames, uploads: list[Upload]) -> Frames:
    """``frames`` with this session's confirmed uploads added (marked user-added).

    An upload's row takes the columns of ``frames.reports``; one it lacks is "", never NaN.
    """
    if not uploads:
        return frames
    store = Stacked((frames.store, *(FrameStore(u.indicators) for u in uploads)))
    added = [u.reports.reindex(columns=frames.reports.columns, fill_value="") for u in uploads]
    reports = pd.concat([frames.reports, *added], ignore_index=True)
    return Frames(store, reports, frames.config)
