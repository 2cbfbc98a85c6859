"""Trends: each jurisdiction's headline figures over its report years, and the change table.

A line per jurisdiction for each chosen indicator (?ind=…&j=…); a year without a figure is a gap.
The computation is ``dashboard.trends``; the exports ``briefing.trends``.
"""

from __future__ import annotations

import streamlit as st

from briefing import images
from briefing.pack import zip_bytes
from briefing.trends import TrendSelection, trend_figures, trend_pack, trend_tables
from dashboard import charts, data, tables, trends, ui, years
from dashboard.labels import t

DEFAULT_PICK = 6  # jurisdictions drawn at first: their points all carry labels (charts.POINT_LABELS)

lang = ui.setup("trends")
f = ui.all_frames()  # every report: a trend is a jurisdiction over its years
config = f.config
ids = list(dict.fromkeys(ui.filters(f, lang)))
inds = tables.indicator_order(config)
several = years.jurisdictions_with_several(f.reports, ids)
first = list(dict.fromkeys([*several[:DEFAULT_PICK], *ids]))[:DEFAULT_PICK]  # those with a trend to show first

st.caption(t("trend_choose", lang))
picked = st.multiselect(t("jurisdictions", lang), ids, default=ui.url_list("j", ids, first), key="trend_js",
                        format_func=lambda j: data.display_name(f.reports, j, lang))
default_inds = trends.default_indicators(f.figures(picked or first, None, primary_only=True), inds)
chosen = st.multiselect(t("indicators", lang), inds, default=ui.url_list("ind", inds, default_inds),
                        format_func=lambda i: tables.label(config, i, lang), key="trend_inds")
ui.set_url_list("j", picked)
ui.set_url_list("ind", chosen)
if not chosen or not picked:
    st.info(t("no_selection", lang), icon=":material/info:")
    st.stop()
if not set(picked) & set(several):  # nothing to draw a line of
    st.info(t("trend_none", lang), icon=":material/info:")

sel = TrendSelection(chosen, picked, lang, st.sidebar.radio(t("slide_shape", lang), list(images.ASPECTS),
                                                            horizontal=True, key="aspect"))
view = trends.view(f, chosen, picked, lang)
image_problem = ui.image_server()
for ind, fig in trend_figures(f, sel, view):
    name = f"trend_{ind}_{lang}"
    st.plotly_chart(fig, key=f"trend_{ind}", config=charts.png_config(name))
    if image_problem is None:
        st.download_button(t("slide_png", lang), lambda fig=fig: images.render(fig, "png", sel.aspect),
                           file_name=f"{name}.png", mime="image/png", icon=":material/image:", key=f"png_{ind}",
                           on_click="ignore")
if image_problem is not None:
    st.warning(f"{t('no_images', lang)}: {image_problem}", icon=":material/hide_image:")

st.subheader(t("trend_changes", lang))
st.dataframe(trends.change_table(view.changes, lang), hide_index=True, key="trend_changes")

stem = f"trends_{lang}"
cols = st.columns(4)  # the files are made when a button is clicked, not on every rerun
cols[0].download_button(t("download_trends", lang), lambda: trend_tables(f, sel, view)["trends.csv"],
                        file_name=f"{stem}.csv", mime="text/csv", icon=":material/table_view:", key="trends_csv",
                        on_click="ignore")
cols[1].download_button(t("download_changes", lang), lambda: trend_tables(f, sel, view)["changes.csv"],
                        file_name=f"{stem}_changes.csv", mime="text/csv", icon=":material/dataset:",
                        key="changes_csv", on_click="ignore")
cols[2].download_button(t("download_xlsx", lang), lambda: trend_tables(f, sel, view)["trends.xlsx"],
                        file_name=f"{stem}.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        icon=":material/grid_on:", key="trends_xlsx", on_click="ignore")
cols[3].download_button(t("download_pack", lang), lambda: zip_bytes(trend_pack(f, sel).files),
                        file_name=f"{stem}_briefing.zip", mime="application/zip", icon=":material/folder_zip:",
                        key="trends_pack", on_click="ignore")

with st.expander(t("table_below", lang), icon=":material/table:"):
    st.dataframe(trends.table(view.rows, config, lang), hide_index=True, key="trend_rows")
