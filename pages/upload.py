"""Upload: add reports (text, Word, PDF, web page), check what was detected, confirm, keep.

A confirmed report joins every page for this browser session, marked as user-added; Keep
copies it into the project's corpus (corpus/ and user_corpus.yaml) for good and extracts data/
again, through the same function as ``python -m extract add`` (``extract.corpus.keep_reports``).
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import streamlit as st

from dashboard import data, ui, uploads
from dashboard.labels import t
from dashboard.text_views import md_escape
from extract import ExtractError, UnreadableReport
from extract.config import ID_RE, Jurisdiction, clash
from extract.corpus import keep_reports, same_jurisdiction
from extract.metadata import adcode, detect
from extract.paths import stem_id
from extract.readers import MAX_BYTES, SUFFIXES, read_bytes
from extract.text import prepare

lang = ui.setup("upload")
f = ui.all_frames()
config = f.config
st.caption(t("upload_help", lang, types=", ".join(SUFFIXES), mb=MAX_BYTES // 2**20))
files = st.file_uploader(t("upload_files", lang), accept_multiple_files=True, key="files",
                         type=[s.lstrip(".") for s in SUFFIXES], max_upload_size=MAX_BYTES // 2**20)
known = {r.sha256: r.jurisdiction for r in f.reports.itertuples() if r.sha256}
taken = [Jurisdiction(r.jurisdiction, report_year=int(r.report_year) if str(r.report_year).isdigit() else None)
         for r in f.reports.itertuples()]  # a report is a jurisdiction × year: the same id may come for another year
done = st.session_state.setdefault("upload_done", {})  # sha256 -> what became of a file this session

for file in files or []:
    raw = file.getvalue()
    label = html.escape(file.name)
    sha = hashlib.sha256(raw).hexdigest()
    if sha in done:  # confirmed or kept here: not a duplicate of someone else's report
        key, fields = done[sha]
        st.success(f"{md_escape(file.name)}: {md_escape(t(key, lang, **fields))}", icon=":material/check_circle:")
        continue
    if sha in known:
        st.warning(f"{md_escape(file.name)}: {t('duplicate', lang, other=md_escape(known[sha]))}",
                   icon=":material/content_copy:")
        continue
    try:  # the uploaded name is only ever shown, never used as a path
        report = read_bytes(raw, Path(file.name).suffix, file.name)
    except UnreadableReport as e:
        st.error(f"{md_escape(file.name)}: {md_escape(e.problem)}", icon=":material/error:")
        continue
    doc = prepare(report.text, config.chrome_lines)
    found = detect(doc.analysis, doc.text, config.levels)
    preview = data.extract_upload(config, Jurisdiction(id="preview", name_zh=found.name_zh,
                                                       report_year=found.report_year), report)
    with st.form(key=f"confirm_{sha[:12]}", border=True):
        st.html(f"<b>{label}</b> · {html.escape(report.format)} · {len(report.text):,} "
                f"{html.escape(t('characters_short', lang))} · <b>{len(preview.indicators)}</b> "
                f"{html.escape(t('figures_found', lang))}")
        if len(preview.indicators):  # what confirming adds, to check before confirming
            st.html(uploads.figures_html(uploads.figures_table(preview.indicators, config, lang), lang))
        if found.evidence:
            st.html(f"<small>{html.escape(t('detected_from', lang))}: <i>{html.escape(found.evidence)}</i></small>")
        c1, c2, c3 = st.columns(3)
        jid = c1.text_input(t("jurisdiction_id", lang), value=stem_id(Path(file.name).stem, sha), key=f"id_{sha}")
        name_zh = c2.text_input(t("name_zh", lang), value=found.name_zh or "", key=f"name_{sha}")
        name_en = c3.text_input(t("name_en", lang), value="", key=f"name_en_{sha}")
        level = c1.text_input(t("level", lang), value=found.level or "", key=f"level_{sha}")
        province = c2.text_input(t("province", lang), value=found.province or "", key=f"prov_{sha}")
        year = c3.number_input(t("report_year", lang), value=found.report_year or 2024, min_value=1990,
                               max_value=2100, step=1, key=f"year_{sha}")
        agency = st.text_input(t("agency", lang), value=found.agency or "", key=f"agency_{sha}")
        confirmed = st.form_submit_button(t("confirm", lang), icon=":material/check:")
    if confirmed:
        if not ID_RE.match(jid) or clash(jid, int(year), taken) is not None:
            st.error(t("bad_id", lang, id=jid, year=int(year)), icon=":material/error:")
            continue
        earlier = same_jurisdiction(jid, config.jurisdictions)  # another year's report of it: names it lacks
        juris = Jurisdiction(id=jid, name_zh=name_zh or None, name_en=name_en or (earlier and earlier.name_en) or None,
                             province=province or None, prefecture=found.prefecture, level=level or None,
                             report_year=int(year), agency=agency or None, report="",
                             adcode=adcode(name_zh, province, found.prefecture))  # the Map page's code, or None
        upload = data.extract_upload(config, juris, report)
        ui.uploads()[upload.name] = upload
        taken.append(juris)
        ui.join_selections(jid)
        st.session_state.setdefault("upload_bytes", {})[upload.name] = (raw, Path(file.name).suffix)
        done[sha] = ("joined", {"id": jid, "n": len(upload.indicators)})
        st.success(t("joined", lang, id=jid, n=len(upload.indicators)), icon=":material/check_circle:")

added = ui.uploads()
if added:
    st.subheader(t("session_reports", lang))
ids = [u.jurisdiction.id for u in added.values()]
for name, upload in list(added.items()):
    jid, year = upload.jurisdiction.id, upload.jurisdiction.report_year
    left, right = st.columns([4, 1])
    left.html(f"<b>{html.escape(data.display_name(f.reports, jid, lang))}</b> ({html.escape(jid)}, {year}) · "
              f"{len(upload.indicators)} {html.escape(t('figures_found', lang))} · "
              f"<span style='color:#8A4B00'>{html.escape(t('user_added', lang))}</span>")
    key = f"keep_{jid}" if ids.count(jid) == 1 else f"keep_{jid}_{year}"  # two years of one id: one button each
    if right.button(t("keep", lang), key=key, icon=":material/save:"):
        raw, suffix = st.session_state["upload_bytes"][name]
        try:
            kept = keep_reports(config.path, data.DATA, [(raw, suffix, upload.jurisdiction)])
        except ExtractError as e:
            st.error(md_escape(str(e)), icon=":material/error:")
        else:
            for _, message in kept.refused:
                st.error(md_escape(message), icon=":material/error:")
            for _, target in kept.kept:
                del added[name]
                st.session_state["upload_bytes"].pop(name, None)
                done[upload.report.sha256] = ("kept", {"path": str(target)})
                st.success(t("kept", lang, path=str(target)), icon=":material/save:")
