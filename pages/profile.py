"""Jurisdiction profile: one report's figures by category, and its text with the figures marked."""

from __future__ import annotations

import html

import streamlit as st

from dashboard import tables, ui
from dashboard.data import display_name
from dashboard.labels import t
from dashboard.text_views import highlighted, md_escape

lang = ui.setup("profile")
f = ui.frames()
config = f.config
ids = f.jurisdictions
jur = st.selectbox(t("jurisdiction", lang), ids, index=ids.index(ui.url_value("jur", ids, ids[0])),
                   format_func=lambda j: display_name(f.reports, j, lang), key="jurisdiction")
st.query_params["jur"] = jur
report = f.reports[f.reports["jurisdiction"] == jur].iloc[0]
st.caption(md_escape(" · ".join(x for x in (report.level, report.province, str(report.report_year), report.agency)
                                if x)))

rows = f.figures(jurisdictions=[jur])
if rows.empty:
    st.info(t("no_figures", lang), icon=":material/info:")
anchors = {i: f"fig-{i}" for i in rows.index}
for cat in config.categories:
    part = rows[rows["category"] == cat.id]
    if part.empty:
        continue
    st.subheader(tables.category_label(config, cat.id, lang))
    for ind in tables.indicator_order(config, set(part["indicator"])):
        figs = part[part["indicator"] == ind].sort_values("primary", ascending=False)
        lines = []
        for i, r in figs.iterrows():
            value = html.escape(tables.format_value(r.value, r.unit, r.qualifier))
            scope = f" <small>({html.escape(r.scope)})</small>" if r.scope else ""
            link = f'<a href="#{anchors[i]}" title="{html.escape(r.evidence)}">↧ {html.escape(r.evidence)}</a>'
            if r.primary:
                lines.append(f"<p><b>{html.escape(tables.label(config, ind, lang))}</b>: "
                             f"<span style='font-size:1.2em'>{value}</span>{scope}<br><small>{link}</small></p>")
            else:
                lines.append(f"<p style='margin-left:2em;color:#555'>{t('secondary', lang)}: {value}{scope}"
                             f"<br><small>{link}</small></p>")
        st.html("".join(lines))

st.subheader(t("report_text", lang))
text = ui.report_text(report.source)
spans = [(int(r.start), int(r.end), anchors[i], f"{tables.label(config, r.indicator, lang)}: "
          f"{tables.format_value(r.value, r.unit, r.qualifier)}") for i, r in rows.iterrows()]
with st.container(height=600, border=True):
    st.html(f"<div style='line-height:1.8'>{highlighted(text, spans)}</div>")
