"""Trends: each jurisdiction's headline figures over its report years, and how much they changed.

A report is a jurisdiction × year. ``trend_rows`` lays out, per indicator and jurisdiction, one
row per year from the jurisdiction's first report year to its last: the headline with its bound
sign and scope mark where the report of that year gives one; *not reported* where the report gives
none; *no report* where there is no report of that year. Neither is ever zero, and a chart draws
both as a gap (the line is not joined across it). ``changes`` compares each series' first and
last reported figures: the change in points for rates and scores, in percent for counts, with the
years, and with a bound sign where a bound makes the change itself a bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from extract.config import Config

from .data import Frames, display_name
from .labels import t, unit_suffix
from .tables import MARKS, SIGNS, compact_value, format_value, label, scope_kind, unit_kind

REPORTED, NOT_REPORTED, NO_REPORT = "reported", "not_reported", "no_report"
ROW_COLUMNS = ["indicator", "jurisdiction", "name", "year", "status", "value", "unit", "qualifier", "scope",
               "kind", "text", "short", "evidence", "source", "start", "end"]
CHANGE_COLUMNS = ["indicator", "jurisdiction", "name", "label", "unit_kind", "first_year", "first_value",
                  "first_qualifier", "first_text", "last_year", "last_value", "last_qualifier", "last_text",
                  "change", "change_unit", "change_qualifier", "change_text", "years_reported"]
CHANGE_SIGNS = {**SIGNS, "at_most": "≤"}  # a change between bounds may be bounded from above, inclusively


def _years(reports: pd.DataFrame, jurisdictions: list[str]) -> dict[str, list[int]]:
    """Each jurisdiction's years with a readable report, in order."""
    readable = reports[reports["jurisdiction"].isin(jurisdictions)]
    if "status" in readable:
        readable = readable[readable["status"].eq("ok")]
    out: dict[str, list[int]] = {j: [] for j in jurisdictions}
    for j, y in zip(readable["jurisdiction"], readable["report_year"], strict=True):
        if str(y).isdigit():
            out[j].append(int(y))
    return {j: sorted(set(ys)) for j, ys in out.items()}


def trend_rows(heads: pd.DataFrame, reports: pd.DataFrame, config: Config, indicators: list[str],
               jurisdictions: list[str], lang: str) -> pd.DataFrame:
    """One row per indicator, jurisdiction and year of its span (``ROW_COLUMNS``), years in order.

    ``heads``: the headline figures of these jurisdictions and indicators, of every year (``primary``
    rows; others are ignored). ``value`` is None where there is no figure (``status``
    ``not_reported`` or ``no_report``), never 0 or NaN. ``text`` is the figure as shown (bound sign,
    unit in ``lang``, scope mark † or *); ``short`` the same with a large count in few characters.
    """
    spans = _years(reports, jurisdictions)
    found: dict[tuple[str, str, int], dict] = {}
    for r in heads[heads["primary"]].to_dict("records"):
        if not pd.isna(r["report_year"]):
            found[(r["indicator"], r["jurisdiction"], int(r["report_year"]))] = r
    rows = []
    for ind in indicators:
        for j in jurisdictions:
            years = spans.get(j) or []
            if not years:
                continue
            name = display_name(reports, j, lang)
            for year in range(years[0], years[-1] + 1):
                base = {"indicator": ind, "jurisdiction": j, "name": name, "year": year}
                r = found.get((ind, j, year))
                if r is None:
                    rows.append({**base, "status": NOT_REPORTED if year in years else NO_REPORT, "value": None,
                                 "unit": "", "qualifier": "", "scope": "", "kind": "", "text": "", "short": "",
                                 "evidence": "", "source": "", "start": None, "end": None})
                    continue
                kind = scope_kind(r["scope"], config, year)
                suffix, mark = unit_suffix(r["unit"], lang, r["value"]), MARKS.get(kind, "")
                rows.append({**base, "status": REPORTED, "value": float(r["value"]), "unit": r["unit"],
                             "qualifier": r["qualifier"], "scope": r["scope"], "kind": kind,
                             "text": format_value(r["value"], suffix, r["qualifier"]) + mark,
                             "short": compact_value(r["value"], suffix, r["qualifier"], lang) + mark,
                             "evidence": r["evidence"], "source": r["source"], "start": int(r["start"]),
                             "end": int(r["end"])})
    return _none_for_missing(pd.DataFrame(rows, columns=ROW_COLUMNS), ("value", "start", "end"))


def _none_for_missing(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """``columns`` as Python objects, a missing value None (pandas makes NaN of it in a number column)."""
    for c in columns:
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def change_qualifier(first: str, last: str) -> str:
    """What the bounds of the two figures make of the change between them.

    The change is last − first. A last figure 'more than' its number makes the change more than
    its difference; a first figure 'more than' its number makes it less (``at_most`` where the
    bound is inclusive); bounds pulling both ways, or an estimate, make it 'about' (approx).

    >>> change_qualifier("exact", "more_than"), change_qualifier("more_than", "exact")
    ('more_than', 'less_than')
    >>> change_qualifier("at_least", "exact"), change_qualifier("more_than", "more_than")
    ('at_most', 'approx')
    >>> change_qualifier("exact", "exact"), change_qualifier("approx", "exact")
    ('exact', 'approx')
    """
    pulls = set()
    for q, sign in ((last, 1), (first, -1)):  # +1: the change is at least its number; -1: at most
        if q in ("more_than", "at_least"):
            pulls.add((sign, q == "more_than"))
        elif q == "less_than":
            pulls.add((-sign, True))
    if "approx" in (first, last) or len({s for s, _ in pulls}) > 1:
        return "approx"
    if not pulls:
        return "exact"
    sign = next(iter(pulls))[0]
    strict = any(strict for _, strict in pulls)
    if sign > 0:
        return "more_than" if strict else "at_least"
    return "less_than" if strict else "at_most"


def change_text(change: float | None, qualifier: str, kind: str, lang: str) -> str:
    """A change as the change table shows it: '+2.0 points' (rates and scores), '+8.5%' (counts), with
    its bound sign; '' where there is none.

    >>> change_text(1.92, "more_than", "percent", "en"), change_text(-12.5, "exact", "count", "zh")
    ('>+1.9 points', '-12.5%')
    >>> change_text(0.3, "exact", "score", "zh"), change_text(None, "exact", "count", "en")
    ('+0.3分', '')
    """
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    number = f"{change:+,.1f}"
    if kind == "count":
        return f"{CHANGE_SIGNS.get(qualifier, '')}{number}%"
    word = {"percent": ("个百分点", " points"), "score": ("分", " points")}[kind]
    return f"{CHANGE_SIGNS.get(qualifier, '')}{number}{word[1] if lang == 'en' else word[0]}"


def changes(rows: pd.DataFrame, config: Config, lang: str) -> pd.DataFrame:
    """First → last reported figure of each series in ``rows`` (``trend_rows``) (``CHANGE_COLUMNS``).

    Rates and scores change in points (last − first), counts in percent of the first. A series
    with one reported year has no change (None); a count that starts at 0 has no percent change.
    """
    out = []
    reported = rows[rows["status"] == REPORTED]
    for (ind, j), part in reported.groupby(["indicator", "jurisdiction"], sort=False):
        part = part.sort_values("year")
        first, last = part.iloc[0], part.iloc[-1]
        kind = unit_kind(config, ind)
        change = None
        if len(part) > 1:
            if kind == "count":
                change = (last["value"] - first["value"]) / first["value"] * 100 if first["value"] else None
            else:
                change = last["value"] - first["value"]
        q = change_qualifier(first["qualifier"], last["qualifier"]) if change is not None else ""
        out.append({"indicator": ind, "jurisdiction": j, "name": first["name"], "label": label(config, ind, lang),
                    "unit_kind": kind, "first_year": int(first["year"]), "first_value": first["value"],
                    "first_qualifier": first["qualifier"], "first_text": first["text"],
                    "last_year": int(last["year"]), "last_value": last["value"], "last_qualifier": last["qualifier"],
                    "last_text": last["text"], "change": change,
                    "change_unit": ("percent" if kind == "count" else "points") if change is not None else "",
                    "change_qualifier": q, "change_text": change_text(change, q, kind, lang),
                    "years_reported": len(part)})
    return _none_for_missing(pd.DataFrame(out, columns=CHANGE_COLUMNS), ("change",))


def change_table(changes_: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The change table as the page shows it: jurisdiction, indicator, first (year: value), last, change."""
    one = t("one_year_only", lang)
    return pd.DataFrame({
        t("jurisdiction", lang): changes_["name"],
        t("indicator", lang): changes_["label"],
        t("trend_first", lang): [f"{y}: {v}" for y, v in zip(changes_["first_year"], changes_["first_text"],
                                                              strict=True)],
        t("trend_last", lang): [f"{y}: {v}" for y, v in zip(changes_["last_year"], changes_["last_text"],
                                                             strict=True)],
        t("trend_change", lang): [f"{c} ({a}→{b})" if c else one for c, a, b in
                                  zip(changes_["change_text"], changes_["first_year"], changes_["last_year"],
                                      strict=True)],
    })


def default_indicators(heads: pd.DataFrame, order: list[str], most: int = 2) -> list[str]:
    """Indicators (in ``order``) that some jurisdiction reports in two years or more: the first ``most``
    of them, else the first indicator."""
    heads = heads[heads["primary"]]
    years = heads.groupby(["indicator", "jurisdiction"])["report_year"].nunique()
    several = set(years[years > 1].index.get_level_values(0))
    return [i for i in order if i in several][:most] or order[:1]


@dataclass(frozen=True)
class TrendView:
    rows: pd.DataFrame  # trend_rows
    changes: pd.DataFrame  # changes


def view(frames: Frames, indicators: list[str], jurisdictions: list[str], lang: str) -> TrendView:
    """The rows and change table of these indicators and jurisdictions over every report year
    (``frames``: every report, not one a jurisdiction)."""
    heads = frames.figures(jurisdictions, indicators, primary_only=True)
    rows = trend_rows(heads, frames.reports, frames.config, indicators, jurisdictions, lang)
    return TrendView(rows, changes(rows, frames.config, lang))


def table(rows: pd.DataFrame, config: Config, lang: str) -> pd.DataFrame:
    """The data behind the charts as the page shows it: every year of every series, a gap said in words."""
    words = {NOT_REPORTED: t("not_reported", lang), NO_REPORT: t("no_report", lang)}
    return pd.DataFrame({
        t("jurisdiction", lang): rows["name"],
        t("indicator", lang): [label(config, i, lang) for i in rows["indicator"]],
        t("report_year", lang): rows["year"].astype(str),
        t("value", lang): [x if s == REPORTED else words[s] for x, s in zip(rows["text"], rows["status"], strict=True)],
        t("scope", lang): rows["scope"], t("evidence", lang): rows["evidence"],
    })


def is_missing(value: object) -> bool:
    """None or NaN: no figure."""
    return value is None or (isinstance(value, float) and math.isnan(value))
