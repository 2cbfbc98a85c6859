"""Reports: full-text search across every report, in either script."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboard import charts, data, ui
from dashboard.labels import t
from dashboard.text_views import hit_counts, hit_html, md_escape, search

lang = ui.setup("reports")
f = ui.frames()
query = st.text_input(t("search", lang), value=st.query_params.get("q", ""),
                      placeholder=t("search_placeholder", lang), key="query")
st.query_params["q"] = query
texts = {r.jurisdiction: ui.report_text(r.source) for r in f.reports.itertuples() if r.status == "ok"}
if query.strip():
    hits = search(texts, query)
    counts = hit_counts(hits, f.jurisdictions)
    counts["name"] = [data.display_name(f.reports, j, lang) for j in counts["jurisdiction"]]
    fig = px.bar(counts, x="name", y="hits", color="jurisdiction", text="hits",
                 color_discrete_map=data.colors(f.jurisdictions))
    fig.update_layout(showlegend=False, xaxis_title="", yaxis_title=t("hits", lang),
                      title=charts.safe(f"{t('hits_per_jurisdiction', lang)}: {query}"),
                      font={"family": charts.FONT}, template="plotly_white", height=360)
    st.plotly_chart(fig, key="hits_chart", config=charts.png_config(f"search_{lang}"))
    if not hits:
        st.info(t("no_hits", lang), icon=":material/search_off:")
    for j in f.jurisdictions:
        mine = [h for h in hits if h.jurisdiction == j]
        if mine:
            with st.expander(f"{md_escape(data.display_name(f.reports, j, lang))} · {len(mine)} {t('hits', lang)}"):
                st.html("<br>".join(hit_html(h) for h in mine))
