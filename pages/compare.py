"""Compare: chosen indicators side by side for chosen jurisdictions, with the data below."""

from __future__ import annotations

import streamlit as st

from briefing import images
from briefing.pack import Selection, build, tables_only, zip_bytes
from dashboard import charts, data, tables, ui
from dashboard.labels import t

lang = ui.setup("compare")
f = ui.frames()
config = f.config
all_inds = tables.indicator_order(config)
cat_ids = [c.id for c in config.categories]
jurisdictions = ui.filters(f, lang)
DEFAULT_PICK = 12  # with more reports than this, start from the first few; type to find others

by_category = ui.url_value("cat", ["", *cat_ids], "online")
category = st.selectbox(t("all_categories", lang), ["", *cat_ids], index=["", *cat_ids].index(by_category),
                        format_func=lambda c: "—" if not c else tables.category_label(config, c, lang), key="category")
in_category = [i for i in all_inds if config.indicator(i).category == category] if category else all_inds
chosen = st.multiselect(t("indicators", lang), all_inds, key=f"indicators_{category}",
                        default=ui.url_list("ind", all_inds, in_category) if category == by_category else in_category,
                        format_func=lambda i: tables.label(config, i, lang))
picked = st.multiselect(t("jurisdictions", lang), jurisdictions,
                        default=ui.url_list("j", jurisdictions, jurisdictions[:DEFAULT_PICK]),
                        format_func=lambda j: data.display_name(f.reports, j, lang), key="jurisdictions")
rank_mode, rank_n = "all", 10
if len(chosen) == 1:
    left, right = st.columns([2, 1])
    rank_mode = left.segmented_control(t("ranking", lang), ["all", "top", "bottom"], key="rank",
                                       default=ui.url_value("rank", ["all", "top", "bottom"], "all"),
                                       format_func=lambda m: t(f"rank_{m}", lang)) or "all"
    rank_n = right.number_input("N", 3, 50, int(ui.url_value("n", [str(i) for i in range(3, 51)], "10")), key="rank_n")
    st.query_params["rank"], st.query_params["n"] = rank_mode, str(rank_n)
log = st.toggle(t("log_scale", lang), value=ui.url_value("log", ["0", "1"], "0") == "1", key="log")
st.query_params["cat"] = category
ui.set_url_list("ind", chosen)
ui.set_url_list("j", picked)
st.query_params["log"] = "1" if log else "0"

if not chosen or not picked:
    st.info(t("no_selection", lang), icon=":material/info:")
    st.stop()

comp = tables.comparison(f.figures(picked, chosen, primary_only=True), f.reports, config, chosen, picked, lang)
colors = data.colors(f.jurisdictions)
if rank_mode != "all":  # top or bottom N of every filtered jurisdiction, not only the chosen
    everyone = tables.comparison(f.figures(jurisdictions, chosen, primary_only=True), f.reports, config, chosen,
                                 jurisdictions, lang)
    comp = tables.ranked(everyone, int(rank_n), bottom=rank_mode == "bottom")
title = charts.category_title(config, chosen, lang) if len(chosen) > 1 else None  # one: its own label
aspect = st.sidebar.radio(t("slide_shape", lang), list(images.ASPECTS), horizontal=True, key="aspect")
image_problem = ui.image_server()
for kind in ("percent", "score", "count"):
    part = comp[comp["unit_kind"] == kind]
    if part.empty:
        continue
    fig = charts.comparison_figure(part, f.reports, config, lang, colors, log=log, title=title)
    name = f"compare_{category or 'custom'}_{kind}_{lang}"
    st.plotly_chart(fig, key=f"chart_{kind}", config=charts.png_config(name))
    if image_problem is None:
        left, right, _ = st.columns([1, 1, 4])
        left.download_button(t("slide_png", lang), lambda fig=fig: images.render(fig, "png", aspect),
                             file_name=f"{name}.png", mime="image/png", icon=":material/image:", key=f"png_{kind}",
                             on_click="ignore")
        right.download_button(t("slide_svg", lang), lambda fig=fig: images.render(fig, "svg", aspect),
                              file_name=f"{name}.svg", mime="image/svg+xml", icon=":material/draw:",
                              key=f"svg_{kind}", on_click="ignore")

if image_problem is not None:
    st.warning(f"{t('no_images', lang)}: {image_problem}", icon=":material/hide_image:")
selection = Selection(chosen, picked, lang, aspect, log)
view = f"compare_{category or 'custom'}_{lang}"
cols = st.columns(4)  # the files are made when a button is clicked, not on every rerun
cols[0].download_button(t("download_csv", lang), lambda: tables_only(f, selection)["comparison.csv"],
                        file_name=f"{view}.csv", mime="text/csv",
                        icon=":material/table_view:", key="csv_wide", on_click="ignore")
cols[1].download_button(t("download_tidy", lang), lambda: tables_only(f, selection)["figures.csv"],
                        file_name=f"{view}_figures.csv",
                        mime="text/csv", icon=":material/dataset:", key="csv_tidy", on_click="ignore")
cols[2].download_button(t("download_xlsx", lang), lambda: tables_only(f, selection)["comparison.xlsx"],
                        file_name=f"{view}.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        icon=":material/grid_on:", key="xlsx", on_click="ignore")
cols[3].download_button(t("download_pack", lang), lambda: zip_bytes(build(f, selection).files),
                        file_name=f"{view}_briefing.zip", mime="application/zip", icon=":material/folder_zip:",
                        key="pack", on_click="ignore")

if len(chosen) == 1:
    values = f.figures(jurisdictions, chosen, primary_only=True)
    if len(values) > 1:
        dist = charts.distribution_figure(values, list(comp["jurisdiction"]), f.reports, config, chosen[0], lang,
                                          colors)
        st.plotly_chart(dist, key="distribution", config=charts.png_config(f"distribution_{chosen[0]}_{lang}"))

st.subheader(t("table_below", lang))
shown = comp[["name", "label", "text", "scope", "report_year", "evidence"]].rename(columns={
    "name": t("jurisdiction", lang), "label": t("indicator", lang), "text": t("value", lang),
    "scope": t("scope", lang), "report_year": t("report_year", lang), "evidence": t("evidence", lang)})
st.dataframe(shown, hide_index=True, key="compare_table")
