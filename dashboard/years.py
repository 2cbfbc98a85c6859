"""Which report of each jurisdiction a page shows. A report is a jurisdiction × year.

A jurisdiction may have reports for several years (``python -m extract add FILE --id xuwen
--year 2022``). The pages that compare jurisdictions show one report of each by default, its
latest; the sidebar's year control (``ui``) chooses instead the reports of one year, or all
reports. ``pick`` is the one function that chooses, and ``view`` gives a page the frames of what
was chosen, so every page reads them as before: one row per jurisdiction in ``reports``, the
figures of those reports only.

When all years are shown, a jurisdiction with several reports has a row for each, and the row's
``jurisdiction`` is the report's name, ``<id>.<year>`` (``extract.paths.report_name``: an id never
holds a dot); ``jurisdiction_id`` keeps the id. Wherever a jurisdiction has reports for several
years, its name is shown with the year of the report (``shown_year``; ``data.display_name``), so a
reader always sees which year a value comes from.
"""

from __future__ import annotations

import pandas as pd

from extract.paths import report_name

from .data import Frames
from .store import Picked

LATEST, ALL = "latest", "all"


def several(reports: pd.DataFrame) -> bool:
    """Whether some jurisdiction has reports for more than one year."""
    return not reports["jurisdiction"].is_unique


def choices(reports: pd.DataFrame) -> list[str]:
    """The year control's options: latest, each report year (newest first), all years.

    >>> choices(pd.DataFrame({"jurisdiction": ["a", "a", "b"], "report_year": ["2021", "2022", ""]}))
    ['latest', '2022', '2021', 'all']
    """
    years = sorted({str(y) for y in reports["report_year"].unique() if str(y)}, reverse=True)
    return [LATEST, *years, ALL]


def _year_numbers(reports: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(reports["report_year"], errors="coerce").fillna(-1)


def pick(reports: pd.DataFrame, choice: str = LATEST) -> pd.DataFrame:
    """The reports a page shows, in the frame's order: each jurisdiction's latest (``LATEST``: its
    readable report of the latest year, a failed one only where it has no other), its report of the
    year ``choice`` ('2022': jurisdictions without one are left out), or every report (``ALL``).

    >>> r = pd.DataFrame({"jurisdiction": ["a", "a", "a", "b"], "report_year": ["2021", "2023", "2022", "2019"],
    ...                   "status": ["ok", "error", "ok", "ok"]})
    >>> [(x.jurisdiction, x.report_year) for x in pick(r).itertuples()]
    [('a', '2022'), ('b', '2019')]
    >>> [(x.jurisdiction, x.report_year) for x in pick(r, "2021").itertuples()]
    [('a', '2021')]
    """
    if choice == ALL:
        return reports
    if choice != LATEST:
        return reports[reports["report_year"].astype(str) == str(choice)]
    if reports["jurisdiction"].is_unique:
        return reports
    ranked = reports.assign(_ok=reports["status"].eq("ok") if "status" in reports else True,
                            _year=_year_numbers(reports), _at=range(len(reports)))
    best = ranked.sort_values(["_ok", "_year", "_at"], kind="stable").drop_duplicates("jurisdiction", keep="last")
    return reports.loc[best.sort_values("_at").index]


def view(frames: Frames, choice: str = LATEST) -> Frames:
    """``frames`` as a page shows them for the year ``choice`` (see the module docstring): the
    reports ``pick`` chooses, with ``jurisdiction_id`` and ``shown_year``, and only their figures.

    Where every jurisdiction has one report and ``choice`` keeps them all, ``frames`` itself.
    """
    reports = frames.reports
    if not several(reports) and choice in (LATEST, ALL):
        return frames
    chosen = pick(reports, choice)
    counts = reports["jurisdiction"].value_counts()
    year = chosen["report_year"].astype(str)
    shared = chosen["jurisdiction"].map(counts).gt(1)  # reports of several years: say which year
    again = chosen["jurisdiction"].duplicated(keep=False)  # all years: one row a report, named for it
    names = [report_name(j, y) if twice else j for j, y, twice in zip(chosen["jurisdiction"], year, again,
                                                                          strict=True)]
    pairs = frozenset(zip(chosen["jurisdiction"], year, strict=True))
    keys = {(j, y): n for j, y, n in zip(chosen["jurisdiction"], year, names, strict=True) if n != j}
    shown = chosen.assign(jurisdiction=names, jurisdiction_id=chosen["jurisdiction"],
                          shown_year=year.where(shared, "")).reset_index(drop=True)
    return Frames(Picked(frames.store, pairs, keys), shown, frames.config)


def jurisdictions_with_several(reports: pd.DataFrame, among: list[str] | None = None) -> list[str]:
    """Jurisdictions (of ``among``, in its order; else all, in the frame's order) with readable
    reports for two years or more: those that have a trend to show.

    >>> r = pd.DataFrame({"jurisdiction": ["a", "b", "b", "c", "c"], "status": ["ok"] * 4 + ["error"],
    ...                   "report_year": ["2021", "2021", "2022", "2020", "2021"]})
    >>> jurisdictions_with_several(r), jurisdictions_with_several(r, ["c", "b", "a"])
    (['b'], ['b'])
    """
    readable = reports[reports["status"].eq("ok")] if "status" in reports else reports
    years = readable.groupby("jurisdiction", sort=False)["report_year"].nunique()
    several_ = set(years[years > 1].index)
    order = among if among is not None else list(dict.fromkeys(reports["jurisdiction"]))
    return [j for j in order if j in several_]
