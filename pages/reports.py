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
if query.strip():
    texts = ui.report_texts()
    hits = search(texts, query, convert=len(texts) <= 200)
    counts = hit_counts(hits, f.jurisdictions)
    if len(counts) > 30:  # thousands of reports: the ones with hits, most first
        counts = counts[counts["hits"] > 0].sort_values("hits", ascending=False, kind="stable").head(30)
    counts["name"] = [data.display_name(f.reports, j, lang) for j in counts["jurisdiction"]]
    palette = data.colors(f.jurisdictions)
    fig = px.bar(counts, x="name", y="hits", text="hits")
    fig.update_traces(marker_color=[palette.get(j, "#888") for j in counts["jurisdiction"]])
    fig.update_layout(showlegend=False, xaxis_title="", yaxis_title=t("hits", lang),
                      title=charts.safe(f"{t('hits_per_jurisdiction', lang)}: {query}"),
                      font={"family": charts.FONT}, template="plotly_white", height=360)
    st.plotly_chart(fig, key="hits_chart", config=charts.png_config(f"search_{lang}"))
    if not hits:
        st.info(t("no_hits", lang), icon=":material/search_off:")
    by_jurisdiction: dict[str, list] = {}
    for h in hits:
        by_jurisdiction.setdefault(h.jurisdiction, []).append(h)
    for j, mine in by_jurisdiction.items():
        if mine:
            with st.expander(f"{md_escape(data.display_name(f.reports, j, lang))} · {len(mine)} {t('hits', lang)}"):
                st.html("<br>".join(hit_html(h) for h in mine))
