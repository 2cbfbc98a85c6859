"""Policy themes: what each report talks about, its distinctive words, and any term in context.

The analysis is the ``themes`` package; this page only selects and draws.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from briefing import images
from briefing.tables import csv_bytes
from dashboard import charts, data, ui
from dashboard.labels import t
from dashboard.text_views import hit_counts, hit_html, md_escape, search

KEYWORDS_AT_ONCE = 100  # corpora up to this many reports show distinctive words without asking
MAX_REPORTS = 30  # segmenting is the slow part: thousands of reports are chosen from, not all drawn

lang = ui.setup("themes")
f = ui.frames()
config = f.config
readable, failed = data.readable(f.reports, ui.filters(f, lang))  # a report that failed to read is no data
chosen = st.multiselect(t("jurisdictions", lang), readable, max_selections=MAX_REPORTS, key="theme_js",
                        default=ui.url_list("tjs", readable, readable[:12])[:MAX_REPORTS],
                        format_func=lambda j: data.display_name(f.reports, j, lang),
                        help=t("themes_choice", lang, n=MAX_REPORTS))
ui.set_url_list("tjs", chosen)
if failed:
    st.caption(md_escape(t("failed_reports", lang, items="; ".join(
        f"{data.display_name(f.reports, j, lang)} ({message})" for j, message in failed))))
if not chosen:
    st.info(t("no_selection", lang), icon=":material/info:")
    st.stop()
texts = ui.report_texts(chosen)
counts = ui.theme_counts(chosen)
raw = st.toggle(t("raw_counts", lang), value=st.query_params.get("raw") == "1", key="raw")
st.query_params["raw"] = "1" if raw else "0"
heat = charts.theme_heatmap(counts, f.reports, config, lang, raw=raw)
event = st.plotly_chart(heat, key="theme_heatmap", on_select="rerun", selection_mode="points",
                        config=charts.png_config(f"themes_{lang}"))

theme_ids = [th.id for th in config.themes]
theme_value = ui.url_value("theme", theme_ids, theme_ids[0])
jur_value = ui.url_value("tj", list(texts), next(iter(texts)))
points = (event or {}).get("selection", {}).get("points", [])
if points and points[0] != st.session_state.get("theme_click"):  # a new click chooses the theme and jurisdiction
    st.session_state["theme_click"] = points[0]
    by_label = {charts.safe(th.label_en if lang == "en" else th.label_zh): th.id for th in config.themes}
    by_name = {charts.safe(data.display_name(f.reports, j, lang)): j for j in texts}
    theme_value = by_label.get(points[0].get("y"), theme_value)
    jur_value = by_name.get(points[0].get("x"), jur_value)
left, right = st.columns(2)
st.session_state["theme"], st.session_state["theme_jur"] = theme_value, jur_value  # the address holds them
theme = left.selectbox(t("theme", lang), theme_ids, key="theme", on_change=ui.widget_to_url, args=("theme", "theme"),
                       format_func=lambda i: next(th.label_en if lang == "en" else th.label_zh
                                                  for th in config.themes if th.id == i))
jur = right.selectbox(t("jurisdiction", lang), list(texts), key="theme_jur", on_change=ui.widget_to_url,
                      args=("theme_jur", "tj"), format_func=lambda j: data.display_name(f.reports, j, lang))
st.query_params["theme"], st.query_params["tj"] = theme, jur
with st.expander(f"{t('sentences_behind', lang)}: {len(ui.theme_sentences(jur, theme))}", icon=":material/notes:"):
    st.html("<br><br>".join(html.escape(s) for s in ui.theme_sentences(jur, theme)))

cols = st.columns(2)
cols[0].download_button(t("download_themes", lang), csv_bytes(counts), file_name="themes.csv", mime="text/csv",
                        icon=":material/table_view:", key="themes_csv", on_click="ignore")
if ui.image_server() is None:
    cols[1].download_button(t("slide_png", lang), lambda: images.render(heat, "png"), file_name=f"themes_{lang}.png",
                            mime="image/png", icon=":material/image:", key="themes_png", on_click="ignore")

# Distinctive words need jieba (about a second to load): shown at once for a small corpus,
# on request for a large one, so the page itself opens quickly.
if st.toggle(t("show_keywords", lang), value=len(f.reports) <= KEYWORDS_AT_ONCE, key="kw"):
    keywords = ui.keywords(chosen)
    bars = charts.keyword_bars(keywords, f.reports, lang, data.colors(f.jurisdictions))
    st.plotly_chart(bars, key="keyword_bars", config=charts.png_config(f"keywords_{lang}"))
    kw_rows = pd.DataFrame([{"jurisdiction": j, "rank": i + 1, "word": k.word, "score": k.score, "count": k.count}
                            for j, ks in keywords.items() for i, k in enumerate(ks)])
    left, right = st.columns(2)
    left.download_button(t("download_keywords", lang), csv_bytes(kw_rows), file_name="keywords.csv",
                         mime="text/csv", icon=":material/dataset:", key="keywords_csv", on_click="ignore")
    if ui.image_server() is None:
        right.download_button(t("slide_png", lang), lambda: images.render(bars, "png"),
                              file_name=f"keywords_{lang}.png", mime="image/png", icon=":material/image:",
                              key="keywords_png", on_click="ignore")

st.subheader(t("kwic", lang))
term = st.text_input(t("kwic", lang), value=st.query_params.get("term", ""), key="term",
                     placeholder=t("search_placeholder", lang), label_visibility="collapsed")
st.query_params["term"] = term
if term.strip():
    hits = search(texts, term)
    table = hit_counts(hits, list(texts))
    table["jurisdiction"] = [data.display_name(f.reports, j, lang) for j in table["jurisdiction"]]
    st.dataframe(table.rename(columns={"jurisdiction": t("jurisdiction", lang), "hits": t("hits", lang)}),
                 hide_index=True, key="kwic_counts")
    if hits:
        st.html("<br>".join(f"<b>{html.escape(data.display_name(f.reports, h.jurisdiction, lang))}</b> "
                            f"{hit_html(h)}" for h in hits))
    else:
        st.info(t("no_hits", lang), icon=":material/search_off:")
