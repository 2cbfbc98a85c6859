"""Jurisdiction profile: one report's figures by category, and its text with the figures marked.

``?fig=<indicator>-<start>-<end>`` (a click on the overview matrix) selects a figure: it is shown at the
top, marked apart in the text, and the text is scrolled to it.
"""

from __future__ import annotations

import streamlit as st

from dashboard import report_tables, tables, ui
from dashboard.data import display_name
from dashboard.labels import facts, t
from dashboard.text_views import figure_entry_html, md_escape, report_html, scroll_script, selected_html
from extract.errors import UnreadableReport

lang = ui.setup("profile")
f = ui.frames()
config = f.config
ids = f.jurisdictions
jur = st.selectbox(t("jurisdiction", lang), ids, index=ids.index(ui.url_value("jur", ids, ids[0])),
                   format_func=lambda j: display_name(f.reports, j, lang), key="jurisdiction")
st.query_params["jur"] = jur
report = f.reports[f.reports["jurisdiction"] == jur].iloc[0]
st.caption(md_escape(" · ".join(v for _, v in facts(report.level, report.province, report.report_year,
                                                    report.agency, lang) if v)))
if report.get("status", "ok") != "ok":  # a report that failed to read: its message, nothing to show
    st.error(md_escape(t("report_failed", lang, message=report.get("message") or "?")), icon=":material/error:")
    st.stop()

rows = f.figures(jurisdictions=[jur])
keys = {i: tables.figure_key(r.indicator, r.start, r.end) for i, r in rows.iterrows()}
selected = ui.url_value("fig", list(keys.values()), "")
st.query_params["fig"] = selected
anchor = f"fig-{selected}" if selected else ""
if rows.empty:
    st.info(t("no_figures", lang), icon=":material/info:")
for i, r in rows.iterrows():
    if keys[i] == selected:
        st.html(selected_html(t("selected_figure", lang), tables.label(config, r.indicator, lang),
                              tables.shown_value(r.value, r.unit, r.qualifier, lang), r.scope, r.evidence, anchor,
                              t("show_in_text", lang)))
for cat in config.categories:
    part = rows[rows["category"] == cat.id]
    if part.empty:
        continue
    st.subheader(tables.category_label(config, cat.id, lang))
    for ind in tables.indicator_order(config, set(part["indicator"])):
        figs = part[part["indicator"] == ind].sort_values("primary", ascending=False)
        st.html("<div class='fig-list'>" + "".join(
            figure_entry_html(tables.label(config, ind, lang), tables.shown_value(r.value, r.unit, r.qualifier, lang),
                              r.scope, r.evidence, f"fig-{keys[i]}", bool(r.primary), t("secondary", lang),
                              keys[i] == selected)
            for i, r in figs.iterrows()) + "</div>")

tables_html = ui.report_tables(report.source, report.get("original") or "", lang)
if tables_html:  # a report with tables (the disclosure template's: its sums checked, failing cells marked)
    st.subheader(report_tables.word("tables", lang))
    st.html(tables_html)

st.subheader(t("report_text", lang))
try:
    text = ui.report_text(report.source)
except UnreadableReport as e:  # the file changed or went away since it was extracted
    st.error(md_escape(t("report_failed", lang, message=e.problem)), icon=":material/error:")
    st.stop()
spans = [(int(r.start), int(r.end), f"fig-{keys[i]}", f"{tables.label(config, r.indicator, lang)}: "
          f"{tables.shown_value(r.value, r.unit, r.qualifier, lang)}") for i, r in rows.iterrows()]
with st.container(height=600, border=True):
    st.html(report_html(text, spans, anchor))
if anchor:
    st.html(scroll_script(anchor), unsafe_allow_javascript=True)
