"""Map: one indicator's headline figures on the jurisdictions' own areas, at province, prefecture
or county level (?ind=<indicator>&at=<level>). A click on an area opens its profile."""

from __future__ import annotations

import streamlit as st

from briefing import images
from dashboard import maps, tables, ui
from dashboard.labels import t

lang = ui.setup("map")
f = ui.frames()
config = f.config
ids = ui.filters(f, lang)
inds = tables.indicator_order(config)

left, right = st.columns([3, 2])
ind = left.selectbox(t("indicator", lang), inds, index=inds.index(ui.url_value("ind", inds, "online_available_rate")),
                     format_func=lambda i: tables.label(config, i, lang), key="map_indicator")
level = right.segmented_control(t("map_level", lang), list(maps.LEVELS), key="map_level",
                                default=ui.url_value("at", list(maps.LEVELS), "county"),
                                format_func=lambda lv: t(f"map_{lv}", lang)) or "county"
st.query_params["ind"], st.query_params["at"] = ind, level

reports = f.reports[f.reports["jurisdiction"].isin(ids)]
view = maps.map_view(reports, f.figures(ids, [ind], primary_only=True), config, ind, level, lang)
name = f"map_{ind}_{level}_{lang}"
event = st.plotly_chart(view.figure, key="map", config=maps.plot_config(name), on_select="rerun",
                        selection_mode="points")
target = maps.profile_target(event.selection.points) if event else None
if target:
    st.switch_page("pages/profile.py", query_params={"lang": lang, **target})
if view.rows.empty:
    st.info(t("map_empty", lang), icon=":material/info:")

image_problem = ui.image_server()
if image_problem is None:
    aspect = st.sidebar.radio(t("slide_shape", lang), list(images.ASPECTS), horizontal=True, key="aspect")
    st.download_button(t("slide_png", lang), lambda: images.render(view.figure, "png", aspect),
                       file_name=f"{name}.png", mime="image/png", icon=":material/image:", key="map_png",
                       on_click="ignore")
else:
    st.warning(f"{t('no_images', lang)}: {image_problem}", icon=":material/hide_image:")

with st.expander(t("table_below", lang), icon=":material/table:"):
    st.dataframe(maps.table(view.rows, lang), hide_index=True, key="map_table")
