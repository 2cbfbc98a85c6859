"""Compare: chosen indicators side by side for chosen jurisdictions, with the data below."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, tables, ui
from dashboard.labels import t

lang = ui.setup("compare")
f = ui.frames()
config = f.config
all_inds = tables.indicator_order(config)
cat_ids = [c.id for c in config.categories]
jurisdictions = f.jurisdictions

by_category = ui.url_value("cat", ["", *cat_ids], "online")
category = st.selectbox(t("all_categories", lang), ["", *cat_ids], index=["", *cat_ids].index(by_category),
                        format_func=lambda c: "—" if not c else tables.category_label(config, c, lang), key="category")
in_category = [i for i in all_inds if config.indicator(i).category == category] if category else all_inds
chosen = st.multiselect(t("indicators", lang), all_inds, key=f"indicators_{category}",
                        default=ui.url_list("ind", all_inds, in_category) if category == by_category else in_category,
                        format_func=lambda i: tables.label(config, i, lang))
picked = st.multiselect(t("jurisdictions", lang), jurisdictions, default=ui.url_list("j", jurisdictions, jurisdictions),
                        format_func=lambda j: data.display_name(f.reports, j, lang), key="jurisdictions")
log = st.toggle(t("log_scale", lang), value=ui.url_value("log", ["0", "1"], "0") == "1", key="log")
st.query_params["cat"] = category
ui.set_url_list("ind", chosen)
ui.set_url_list("j", picked)
st.query_params["log"] = "1" if log else "0"

if not chosen or not picked:
    st.info(t("no_selection", lang), icon=":material/info:")
    st.stop()

comp = tables.comparison(f.indicators, f.reports, config, chosen, picked, lang)
colors = data.colors(jurisdictions)
title = charts.category_title(config, chosen, lang)
for kind in ("percent", "score", "count"):
    part = comp[comp["unit_kind"] == kind]
    if part.empty:
        continue
    fig = charts.comparison_figure(part, f.reports, config, lang, colors, log=log, title=title)
    name = f"compare_{category or 'custom'}_{kind}_{lang}"
    st.plotly_chart(fig, key=f"chart_{kind}", config=charts.png_config(name))

st.subheader(t("table_below", lang))
shown = comp[["name", "label", "text", "scope", "report_year", "evidence"]].rename(columns={
    "name": t("jurisdiction", lang), "label": t("indicator", lang), "text": t("value", lang),
    "scope": t("scope", lang), "report_year": t("report_year", lang), "evidence": t("evidence", lang)})
st.dataframe(shown, hide_index=True, key="compare_table")
