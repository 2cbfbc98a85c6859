"""What the Add reports page shows of a report before it is confirmed: the figures found in it."""

from __future__ import annotations

import html

import pandas as pd

from extract.config import Config

from .labels import t
from .tables import indicator_order, label, shown_value


def figures_table(indicators: pd.DataFrame, config: Config, lang: str) -> pd.DataFrame:
    """One row per figure found: indicator label, value with its bound sign and its unit in ``lang``,
    scope and evidence.

    In taxonomy order, each indicator's headline first, then its further mentions.
    """
    order = {ind: i for i, ind in enumerate(indicator_order(config))}
    rows = indicators.assign(_order=indicators["indicator"].map(order), _secondary=~indicators["primary"])
    rows = rows.sort_values(["_order", "_secondary", "start"], kind="stable")
    return pd.DataFrame({
        "indicator": [label(config, i, lang) for i in rows["indicator"]],
        "value": [shown_value(v, u, q, lang) for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"],
                                                                   strict=True)],
        "primary": rows["primary"].tolist(),
        "scope": rows["scope"].tolist(),
        "evidence": rows["evidence"].tolist(),
    })


def figures_html(table: pd.DataFrame, lang: str) -> str:
    """``figures_table`` as a small HTML table, every text escaped (it is the report's own)."""
    cell = "padding:2px 8px;vertical-align:top;border-bottom:1px solid #eee"
    head = "".join(f"<th style='{cell};text-align:left'>{html.escape(t(k, lang))}</th>"
                   for k in ("indicator", "value", "evidence"))
    body = []
    for r in table.itertuples():
        name = html.escape(r.indicator)
        name = name if r.primary else f"<span style='color:#555'>↳ {name}</span>"  # a further mention
        scope = f" <small>({html.escape(r.scope)})</small>" if r.scope else ""
        body.append(f"<tr><td style='{cell}'>{name}</td><td style='{cell};white-space:nowrap'><b>"
                    f"{html.escape(r.value)}</b>{scope}</td><td style='{cell};color:#555'>"
                    f"<small>{html.escape(r.evidence)}</small></td></tr>")
    return f"<table style='border-collapse:collapse;font-size:0.9em'><tr>{head}</tr>{''.join(body)}</table>"
