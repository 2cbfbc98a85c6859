"""Overview: every indicator for every report, the caveats, and a card per jurisdiction.

The matrix can be sorted by any row (?sort=<indicator>&order=desc|asc), and a click on a cell
opens that figure's sentence in the profile.
"""

from __future__ import annotations

import streamlit as st

from dashboard import charts, tables, ui
from dashboard.data import display_name
from dashboard.labels import facts, level, t
from dashboard.text_views import card_html, md_escape

PAGE_SIZE = 12  # jurisdictions per page of the matrix: thousands of reports are paged, not drawn at once

lang = ui.setup("overview")
f = ui.frames()
ids = ui.filters(f, lang)
inds = tables.overview_indicators(f.config)  # the rows the matrix shows

years = sorted({y for y in f.reports["report_year"] if y})
levels = sorted({md_escape(level(lv, lang)) for lv in f.reports["level"] if lv})
st.warning(t("caveat", lang, years="–".join([years[0], years[-1]]) if years else "?", levels=", ".join(levels)),
           icon=":material/warning:")

left, right = st.columns([3, 2])
sort_by = left.selectbox(t("sort_by", lang), ["", *inds], index=["", *inds].index(ui.url_value("sort", inds, "")),
                         format_func=lambda i: tables.label(f.config, i, lang) if i else t("sort_none", lang),
                         key="sort")
order = "desc"
if sort_by:
    order = right.segmented_control(t("sort_by", lang), ["desc", "asc"], key="sort_order",
                                    default=ui.url_value("order", ["desc", "asc"], "desc"),
                                    format_func=lambda o: t(f"sort_{o}", lang), label_visibility="hidden") or "desc"
    ids = tables.sort_jurisdictions(ids, f.figures(ids, [sort_by], primary_only=True), order == "desc")
st.query_params["sort"], st.query_params["order"] = sort_by, order

n_pages = tables.pages(ids, PAGE_SIZE)
page = 1
if n_pages > 1:
    page = st.number_input(t("page", lang), 1, n_pages, tables.page_number(st.query_params.get("page"), n_pages),
                           key="page")
    st.query_params["page"] = str(page)
    st.caption(t("page_of", lang, page=page, pages=n_pages, n=len(ids)))
shown = tables.page_of(ids, page, PAGE_SIZE)
reports = f.reports.set_index("jurisdiction", drop=False).loc[shown].reset_index(drop=True)
indicators = f.figures(jurisdictions=shown)

st.caption(t("click_cell", lang))
event = st.plotly_chart(charts.matrix_figure(indicators, reports, f.config, lang, sort_by, order == "desc"),
                        key="matrix", config=charts.png_config(f"overview_matrix_{lang}"), on_select="rerun",
                        selection_mode="points")
target = tables.profile_params(event.selection.points) if event else None
if target:
    st.switch_page("pages/profile.py", query_params={"lang": lang, **target})

cols = st.columns(min(len(reports), 5) or 1)
for i, r in enumerate(reports.itertuples()):
    with cols[i % len(cols)].container(border=True):
        st.html(card_html(display_name(reports, r.jurisdiction, lang),
                          facts(r.level, r.province, r.report_year, r.agency, lang),
                          t("user_added", lang) if r.user_added else ""))
        st.metric(t("figures_found", lang), int(r.figures or 0))

with st.expander(t("table_below", lang), icon=":material/table:"):
    st.dataframe(tables.matrix(indicators, reports, f.config, lang), key="matrix_table")
