"""Frames for display: formatted values, the comparison matrix, the data behind a chart."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from extract.config import Config

from .data import display_name
from .labels import t, unit_suffix

SIGNS = {"exact": "", "more_than": ">", "at_least": "≥", "less_than": "<", "approx": "≈"}
MARKS = {"part": "†", "period": "*"}  # a headline that covers less than the whole jurisdiction this year
_YEAR = re.compile(r"(?<!\d)(\d{4}) ?年")


def format_value(value: float, unit: str, qualifier: str) -> str:
    """767.1万件 read as 7671000 -> '7,671,000件'; a bound keeps its sign: '>70%', '≈35件'.

    >>> format_value(70.0, "%", "more_than")
    '>70%'
    >>> format_value(7671000.0, "件", "exact")
    '7,671,000件'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{SIGNS.get(qualifier, '')}{number}{unit}"


def compact_value(value: float, unit: str, qualifier: str, lang: str) -> str:
    """A count of 100,000 or more in few characters, for a chart cell ('767.1万件', '7.67M cases');
    smaller values as ``format_value``. The exact figure stays in the hover and the exports.

    >>> compact_value(7671000.0, "件", "exact", "zh"), compact_value(7671000.0, " cases", "exact", "en")
    ('767.1万件', '7.67M cases')
    >>> compact_value(151000.0, " cases", "more_than", "en"), compact_value(1677.0, "项", "exact", "zh")
    ('>151k cases', '1,677项')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or abs(value) < 100_000:
        return format_value(value, unit, qualifier)
    if lang == "zh":
        big, word = (1e8, "亿") if abs(value) >= 1e8 else (1e4, "万")
        number = f"{value / big:,.1f}".rstrip("0").rstrip(".") + word
    elif abs(value) >= 1e6:
        number = f"{value / 1e6:,.2f}".rstrip("0").rstrip(".") + "M"
    else:
        number = f"{value / 1e3:,.0f}k"
    return f"{SIGNS.get(qualifier, '')}{number}{unit}"


def figure_key(indicator: str, start: int, end: int) -> str:
    """A figure's id in the page address (?fig=) and, after 'fig-', its anchor in the profile.

    Two figures of one indicator may share a sentence start (由去年的48%提升至超70%), so the end
    is part of the key.

    >>> figure_key("materials_reduction", 1072, 1079)
    'materials_reduction-1072-1079'
    """
    return f"{indicator}-{int(start)}-{int(end)}"


def headlines(indicators: pd.DataFrame) -> pd.DataFrame:
    """The primary rows only: one per jurisdiction and indicator."""
    return indicators[indicators["primary"]]


def indicator_order(config: Config, present: set[str] | None = None) -> list[str]:
    """Indicator ids by category order, then config order."""
    cats = [c.id for c in config.categories]
    inds = sorted(config.indicators, key=lambda i: cats.index(i.category))
    return [i.id for i in inds if present is None or i.id in present]


def overview_indicators(config: Config) -> list[str]:
    """The indicators of the Overview matrix and the default briefing: all but the disclosure
    template's cells (dozens, read from that template's tables only), which Compare charts and the
    Profile shows when asked."""
    skip = config.template.category.id if config.template is not None else None
    return [i for i in indicator_order(config) if config.indicator(i).category != skip]


def label(config: Config, indicator: str, lang: str) -> str:
    ind = config.indicator(indicator)
    return ind.label_en if lang == "en" else ind.label_zh


def category_label(config: Config, category: str, lang: str) -> str:
    c = config.category(category)
    return c.label_en if lang == "en" else c.label_zh


def scope_kind(scope: str, config: Config, year: str | int | None = None) -> str:
    """What a figure's scope phrase says it covers: 'part', 'period', or '' (the whole, or a note only).

    The frame keeps the report's words (``scope``), not the class extract/scope.py gave them, so
    they are read again in the same order, with the same words of config.yaml: another period
    first (去年, an earlier year than the report's, a several-year review), then a pilot (a part),
    then the jurisdiction's own level or its website ('', the usual reach of such a figure); any
    other phrase is a part (a sub-list, 其中县直, another level's 全市). A level before a change
    (从1279项增加到…) leaves no period word in the phrase and reads as a part.

    >>> from extract import load_config
    >>> config = load_config()
    >>> [scope_kind(s, config, 2021) for s in ("越秀区试点", "由去年", "2019年全市", "旗本级", "")]
    ['part', 'period', 'period', '', '']
    """
    if not scope:
        return ""
    words = config.scope
    if any(w in scope for w in (*words.period, *config.grammar.multi_year)):
        return "period"
    years = _YEAR.findall(scope)
    if years and str(year).isdigit() and int(years[-1]) < int(str(year)):
        return "period"
    if any(w in scope for w in words.pilot):
        return "part"
    if any(w in scope for w in (*words.own_level, *words.website)):
        return ""
    return "part"


@dataclass(frozen=True)
class Cell:
    """One reported cell of the overview matrix: the headline, as shown and as explained."""

    text: str  # value with its bound sign and scope mark: '>70%', '66%†'
    qualifier: str
    kind: str  # scope_kind: 'part', 'period' or ''
    scope: str
    evidence: str
    key: str  # figure_key: the figure in the profile's address
    short: str = ""  # the text with a large count in few characters (767.1万件), for a chart's cell


def shown_value(value: float, unit: str, qualifier: str, lang: str) -> str:
    """A figure as a page shows it: its bound sign and its unit in ``lang`` ('1,677 items', '1,677项')."""
    return format_value(value, unit_suffix(unit, lang, value), qualifier)


def matrix_cells(indicators: pd.DataFrame, config: Config, lang: str = "zh") -> dict[tuple[str, str], Cell]:
    """The headline of every (indicator, jurisdiction) that has one, as a matrix cell (units in ``lang``)."""
    cells = {}
    for r in headlines(indicators).itertuples():
        kind = scope_kind(r.scope, config, r.report_year)
        suffix, mark = unit_suffix(r.unit, lang, r.value), MARKS.get(kind, "")
        cells[(r.indicator, r.jurisdiction)] = Cell(
            format_value(r.value, suffix, r.qualifier) + mark, r.qualifier, kind, r.scope,
            r.evidence, figure_key(r.indicator, r.start, r.end),
            compact_value(r.value, suffix, r.qualifier, lang) + mark)
    return cells


def column_names(reports: pd.DataFrame, lang: str) -> list[str]:
    """Display names of these reports, one per report: a name shared by several (市辖区, 城区) gets
    the place above it (prefecture, else province), and the id if that is not enough.

    Columns of one name would merge in a chart and break a table.
    """
    names = [display_name(reports, j, lang) for j in reports["jurisdiction"]]
    if len(set(names)) == len(names):
        return names
    counts = pd.Series(names).value_counts()
    out = []
    for name, r in zip(names, reports.itertuples(), strict=True):
        above = getattr(r, "prefecture", "") or getattr(r, "province", "") or ""
        out.append(f"{name} · {above}" if counts[name] > 1 and above else name)
    seen = pd.Series(out).value_counts()
    return [f"{n} ({j})" if seen[n] > 1 else n for n, j in zip(out, reports["jurisdiction"], strict=True)]


def matrix(indicators: pd.DataFrame, reports: pd.DataFrame, config: Config, lang: str) -> pd.DataFrame:
    """Indicators × jurisdictions: each cell the headline as text (bound sign, scope mark), or 'not reported'.

    Rows are every indicator of the taxonomy, grouped by category; columns every report.
    The frame has a MultiIndex (category, indicator label) and display names as columns.
    """
    cells = matrix_cells(indicators, config, lang)
    rows = {}
    for ind in overview_indicators(config):
        key = (category_label(config, config.indicator(ind).category, lang), label(config, ind, lang))
        rows[key] = [cells[(ind, j)].text if (ind, j) in cells else t("not_reported", lang)
                     for j in reports["jurisdiction"]]
    out = pd.DataFrame.from_dict(rows, orient="index", columns=column_names(reports, lang))
    out.index = pd.MultiIndex.from_tuples(out.index, names=[t("category", lang), t("indicator", lang)])
    return out


def comparison(indicators: pd.DataFrame, reports: pd.DataFrame, config: Config, chosen: list[str],
               jurisdictions: list[str], lang: str) -> pd.DataFrame:
    """The data behind a comparison chart: one row per chosen indicator and jurisdiction.

    A jurisdiction without a figure has a row too, with no value and 'not reported'.
    """
    wanted = set(jurisdictions)
    heads = headlines(indicators)
    heads = heads[heads["indicator"].isin(chosen) & heads["jurisdiction"].isin(wanted)]
    found = {(r["indicator"], r["jurisdiction"]): r for r in heads.to_dict("records")}
    rows = []
    for ind in chosen:
        for j in jurisdictions:
            base = {"indicator": ind, "jurisdiction": j, "name": display_name(reports, j, lang),
                    "label": label(config, ind, lang), "unit_kind": unit_kind(config, ind)}
            if (ind, j) in found:
                r = found[(ind, j)]
                rows.append({**base, "value": r["value"], "unit": r["unit"], "qualifier": r["qualifier"],
                             "text": format_value(r["value"], unit_suffix(r["unit"], lang, r["value"]), r["qualifier"]),
                             "scope": r["scope"],
                             "evidence": r["evidence"], "report_year": str(r["report_year"]), "reported": True})
            else:
                rows.append({**base, "value": float("nan"), "unit": "", "qualifier": "",
                             "text": t("not_reported", lang), "scope": "", "evidence": "",
                             "report_year": _year(reports, j), "reported": False})
    return pd.DataFrame(rows)


def unit_kind(config: Config, indicator: str) -> str:
    """'percent', 'score' or 'count': indicators of different kinds never share an axis."""
    unit = config.indicator(indicator).unit
    if unit == "%":
        return "percent"
    return "score" if unit == "分" else "count"


def _year(reports: pd.DataFrame, j: str) -> str:
    row = reports["report_year"][reports["jurisdiction"].to_numpy() == j]
    return str(row.iloc[0]) if len(row) else ""


def filter_reports(reports: pd.DataFrame, provinces: list[str], levels: list[str], years: list[str]) -> list[str]:
    """Jurisdiction ids whose report matches every non-empty filter."""
    mask = pd.Series(True, index=reports.index)
    for column, chosen in (("province", provinces), ("level", levels), ("report_year", years)):
        if chosen:
            mask &= reports[column].astype(str).isin(chosen)
    return reports.loc[mask, "jurisdiction"].tolist()


def ranked(comp: pd.DataFrame, n: int, bottom: bool = False) -> pd.DataFrame:
    """The top (or bottom) ``n`` jurisdictions of a one-indicator comparison; bounds rank at their number."""
    reported = comp[comp["reported"]].sort_values("value", ascending=bottom, kind="stable")
    return reported.head(n)


def sort_jurisdictions(ids: list[str], heads: pd.DataFrame, descending: bool = True) -> list[str]:
    """``ids`` ordered by their headline in ``heads`` (one indicator), not-reported last.

    Bounds rank at their number (>70% as 70); ties and the not-reported keep the order of ``ids``.
    """
    values = dict(zip(heads["jurisdiction"], heads["value"], strict=True))
    reported = [j for j in ids if j in values and not pd.isna(values[j])]
    reported.sort(key=lambda j: -values[j] if descending else values[j])  # stable: ties keep their order
    chosen = set(reported)
    return reported + [j for j in ids if j not in chosen]


def profile_params(points: list[dict]) -> dict[str, str] | None:
    """The profile's address for a click on a matrix cell (``st.plotly_chart`` selection points).

    A cell's point sits at (jurisdiction id, indicator id) and carries its figure key: a reported
    cell opens its figure (?jur=…&fig=…), a not-reported one the jurisdiction's profile; any other
    point (no string key) opens nothing.
    """
    for point in points:
        key, jur = point.get("customdata"), point.get("x")
        if isinstance(key, str) and isinstance(jur, str) and jur:
            return {"jur": jur, "fig": key} if key else {"jur": jur}
    return None


def pages(items: list[str], size: int) -> int:
    """How many pages of ``size`` items."""
    return max(1, -(-len(items) // size))


def page_number(raw: str | None, n_pages: int) -> int:
    """The page asked for in the address (?page=2), within 1..n_pages; 1 for anything but ASCII digits.

    >>> page_number("2", 3), page_number("²", 3), page_number("99", 3), page_number(None, 3)
    (2, 1, 3, 1)
    """
    if not raw or not (raw.isascii() and raw.isdigit()):
        return 1
    return min(max(int(raw), 1), max(n_pages, 1))


def page_of(items: list[str], page: int, size: int) -> list[str]:
    """Items of page ``page`` (1-based)."""
    return items[(page - 1) * size: page * size]
