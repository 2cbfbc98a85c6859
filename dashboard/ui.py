"""What every page shares: cached data, the language switch and selections kept in the URL.

This is the one module of ``dashboard`` that uses Streamlit; the rest is plain computation.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib import parse

import streamlit as st

from extract.paths import report_name

from . import data, years
from .labels import LANGS, level, t

# (script, label key, icon, url path): the menu, in display order
PAGES = [
    ("pages/overview.py", "overview", ":material/grid_view:", "overview"),
    ("pages/compare.py", "compare", ":material/bar_chart:", "compare"),
    ("pages/profile.py", "profile", ":material/location_city:", "profile"),
    ("pages/map.py", "map", ":material/map:", "map"),
    ("pages/_themes.py", "themes", ":material/topic:", "themes"),  # not themes.py: see _first_run_of_the_server
    ("pages/trends.py", "trends", ":material/show_chart:", "trends"),
    ("pages/reports.py", "reports", ":material/search:", "reports"),
    ("pages/upload.py", "upload", ":material/upload_file:", "upload"),
]


def all_frames() -> data.Frames:
    """Every report: the frames, read once, and again when data/ changes (python -m extract added a
    report), with the reports this session uploaded and confirmed."""
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(data.DATA.glob("*.csv")))
    return data.with_uploads(_frames(str(data.DATA), str(data.CONFIG), stamp), list(uploads().values()))


def frames() -> data.Frames:
    """The reports a page compares: each jurisdiction's latest, or those of the year the sidebar's
    year control chose (``years.view``; the control is there once some jurisdiction has reports
    for several years). A view is made once per frames and choice (0.1 s at 15,000 reports)."""
    every = all_frames()
    choice = year_choice(every.reports)
    ref, view = _VIEWS.get((id(every.reports), choice), (None, None))
    if ref is None or ref() is not every.reports:
        view = years.view(every, choice)
        with _views_lock:  # sessions run in threads of their own
            for key in [k for k, (r, _) in _VIEWS.items() if r() is None]:
                del _VIEWS[key]  # views of frames no longer read
            _VIEWS[(id(every.reports), choice)] = (weakref.ref(every.reports), view)
    return view


_VIEWS: dict[tuple[int, str], tuple[weakref.ref, data.Frames]] = {}
_views_lock = threading.Lock()


def uploads() -> dict[str, data.Upload]:
    """This session's confirmed uploads, by report name (``data.Upload.name``)."""
    return st.session_state.setdefault("uploads", {})


@st.cache_resource(show_spinner=False, max_entries=4)
def _frames(data_dir: str, config: str, stamp: tuple[int, ...]) -> data.Frames:  # stamp: part of the key
    """One object for every session and run, never copied: pages only read it (copying 15,000 reports'
    frames out of a data cache on each call cost 0.07 s, two or three times a run)."""
    return data.load(Path(data_dir), Path(config))


def report_text(source: str) -> str:
    if source.startswith(data.UPLOAD_PREFIX):
        return uploads()[source.removeprefix(data.UPLOAD_PREFIX)].report.text
    return _report_text(source)


YEAR = "year"  # the year control's parameter: ?year=latest | 2022 | all


def year_choice(reports) -> str:
    """The session's choice of report per jurisdiction: the address's ?year= (a shared address, back and
    forward), else the session's, else the latest; ``years.LATEST`` where no jurisdiction has several."""
    if not years.several(reports):
        return years.LATEST
    chosen = _kept_filter(YEAR, years.choices(reports))
    return chosen[0] if chosen else years.LATEST


def _year_control(reports, lang: str) -> None:
    """The sidebar's year control, on the pages that compare jurisdictions (``YEAR_PAGES``)."""
    if not years.several(reports):
        return
    options = years.choices(reports)
    st.session_state["year_choice"] = year_choice(reports)  # as with the language switch (see below)
    names = {years.LATEST: t("year_latest", lang), years.ALL: t("year_all", lang)}
    st.sidebar.selectbox(t("year_choice", lang), options, key="year_choice", on_change=_year_chosen,
                         format_func=lambda y: names.get(y) or t("year_one", lang, year=y))


def _year_chosen() -> None:
    value = st.session_state.get("year_choice") or years.LATEST
    st.session_state["_filters"] = {**_filters(), YEAR: [value]}
    set_url_list(YEAR, [value])


_warm_lock = threading.Lock()
_warm_started = False


def warm_up() -> None:
    """Once per server process, after its first page has been drawn (app.py): load in the background
    what other pages load on first use, so that a page opened later does not wait for it.

    jieba's dictionary and pypinyin (English names, ~1.5 s), the pinyin of every report without an
    English name (a second at 3,000 reports), jieba's part-of-speech tagger (Themes' distinctive
    words, ~0.7 s), the modules of Compare's exports and of the search; then ``gc.freeze()``, so
    that the collection Streamlit runs after every script run no longer walks all of these objects
    (it held the server for 0.2–0.4 s after each run). Plain Python, no Streamlit call: it runs
    after a page's run, even one that ended in ``st.stop()``.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    global _warm_started
    with _warm_lock:
        if _warm_started or get_script_run_ctx(suppress_warning=True) is None:  # app.py imported, not served
            return
        _warm_started = True
    threading.Thread(target=_warm, daemon=True, name="dashboard-warm-up").start()


def _warm() -> None:
    import gc
    import importlib

    from themes.segment import tagger

    from .labels import pinyin

    try:
        pinyin("广州市")
        stamp = tuple(p.stat().st_mtime_ns for p in sorted(data.DATA.glob("*.csv")))
        reports = _frames(str(data.DATA), str(data.CONFIG), stamp).reports
        for name in reports.loc[reports["name_en"] == "", "name_zh"]:
            pinyin(name)
        tagger()
        for module in ("briefing.pack", "plotly.express", "themes.analysis", "dashboard.text_views"):
            importlib.import_module(module)
    finally:
        gc.collect()
        gc.freeze()


@st.cache_data(show_spinner=False)
def _report_text(source: str) -> str:
    return data.report_text(source)


def report_tables(source: str, original: str, lang: str) -> str:
    """The report's tables as HTML (dashboard/report_tables.py), the template's sums above them;
    '' for a report without tables."""
    if source.startswith(data.UPLOAD_PREFIX):
        kept = uploads()[source.removeprefix(data.UPLOAD_PREFIX)].report.tables
        return _tables_html(kept, lang) if kept else ""
    return _stored_tables_html(original or source, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _stored_tables_html(original: str, lang: str) -> str:
    from . import report_tables as rt

    kept = rt.read_tables(original, data.ROOT)
    return _tables_html(kept, lang) if kept else ""


def _tables_html(kept, lang: str) -> str:
    from . import report_tables as rt

    template = frames().config.template
    reading = rt.reading_of(template, kept)
    return rt.sums_html(reading, lang, template) + rt.tables_html(kept, reading, lang, template)


def image_server() -> str | None:
    """Why slide images cannot be made here, or None.

    kaleido's browser itself starts on the first export and stays up for the life of the server
    process (``briefing.images.start``), so pages do not pay for it until someone exports.
    """
    from briefing import images

    try:
        images.check()
    except images.ImagesUnavailable as e:
        return str(e)
    return None


def report_texts(jurisdictions: list[str] | None = None) -> dict[str, str]:
    """Readable reports' texts by jurisdiction id (all, or these), in the frames' order."""
    f = frames()
    wanted = None if jurisdictions is None else set(jurisdictions)
    pairs = [(r.jurisdiction, r.source) for r in f.reports.itertuples()
             if r.status == "ok" and (wanted is None or r.jurisdiction in wanted)]
    stored = _texts(tuple((j, s) for j, s in pairs if not s.startswith(data.UPLOAD_PREFIX)))
    return {j: stored[j] if j in stored else report_text(s) for j, s in pairs}


@st.cache_data(show_spinner=False, max_entries=8)
def _texts(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Many reports' texts in one cache entry (thousands of small entries cost more than the reading)."""
    return {j: data.report_text(s) for j, s in pairs}


def theme_counts(jurisdictions: list[str]):
    """Theme counts of these reports (no segmentation needed), computed once per choice."""
    return _theme_counts(tuple(report_texts(jurisdictions).items()), frames().config.themes)


def keywords(jurisdictions: list[str]) -> dict:
    """Distinctive words of these reports (jieba, with their places and agencies as words), once per choice."""
    from themes.segment import corpus_names

    reports = frames().reports
    names = corpus_names(reports[reports["jurisdiction"].isin(jurisdictions)])
    return _keywords(tuple(report_texts(jurisdictions).items()), frames().config.keywords, names)


@st.cache_data(show_spinner=False, max_entries=8)
def _theme_counts(texts: tuple, _themes: tuple):  # texts: the cache key
    from themes.analysis import theme_counts as count

    return count(dict(texts), _themes)


@st.cache_data(show_spinner=False, max_entries=8)
def _keywords(texts: tuple, _keywords, names: tuple) -> dict:  # texts and names: the cache key
    from themes.analysis import distinctive

    return distinctive(dict(texts), _keywords, places=names[0], agencies=names[1])


def theme_sentences(jurisdiction: str, theme_id: str) -> list[str]:
    from themes.analysis import theme_sentences as sentences_of

    theme = next(th for th in frames().config.themes if th.id == theme_id)
    return sentences_of(report_texts([jurisdiction])[jurisdiction], theme)


# Where the language and the selections live, so that they survive every kind of navigation:
#
# - The language is plain session state (LANG), never a widget's key. Streamlit gives each page
#   its own widget ids and drops a widget's state at the end of the first run that does not draw
#   it; a value written under a widget's key before it first draws stays behind as ordinary state.
#   The switch (key "lang") on page B then read page A's leftovers, and on the next page found
#   nothing: English was lost on every second page change, and the control showed nothing
#   selected. Now the switch is given the session's language on every run and reports a change
#   through its callback. The address's ?lang= only starts a session (a shared address).
# - A page's selections are in its address (?j=…&ind=…). The address each page had when a run
#   of it ended is remembered for the session: the menu's links carry it, and a page opened
#   without them (the browser's back button to an older entry) gets them back.
# - The sidebar filters are one choice for every page: kept in the session, shown in the address.
LANG = "language"
SHARED = ("prov", "lvl", "yr", "year")  # the sidebar filters' parameters (see ``filters``) and the year control's
YEAR_PAGES = ("overview", "compare", "profile", "map", "themes", "reports")  # with the year control
REPORT_PARAMS = ("j", "tjs", "tj", "jur")  # parameters that name reports (Compare, Themes, Profile, Trends)


def session_language() -> str:
    """The session's language: the address's ?lang= when the session starts, then the switch's."""
    if LANG not in st.session_state:
        wanted = st.query_params.get("lang", "zh")
        st.session_state[LANG] = wanted if wanted in LANGS else "zh"
    return st.session_state[LANG]


def _language_chosen() -> None:
    chosen = st.session_state.get("lang")
    if chosen in LANGS:
        st.session_state[LANG] = chosen


def _addresses() -> dict[str, dict[str, str]]:
    """Each page's last address parameters in this session, by page key."""
    return st.session_state.setdefault("_addresses", {})


def _kept_params(page: str, lang: str) -> dict[str, str]:
    """The parameters a link to ``page`` carries: its last selection with today's filters, and the language."""
    last = _addresses().get(page, {})
    kept = {k: v for k, v in last.items() if k not in SHARED}
    kept.update({k: ",".join(_filters().get(k, [])) for k in SHARED if k in last})  # pages that have filters
    return {**kept, "lang": lang}


_RUN = threading.local()  # the page a script thread is running (set by setup, read by address_kept)


@contextmanager
def address_kept() -> Iterator[None]:
    """Around a page's run (app.py): the address it leaves is remembered, and it changes once.

    Each write to ``st.query_params`` makes the browser add a history entry, so a page that set
    eight parameters took eight presses of the back button to leave. The changes are held back and
    only the last is sent, when the run ends. When the run ends because another page was chosen in
    the menu, none is sent (it would put this page's parameters on that page's address); when it
    ends in ``st.switch_page``, the address that gives the next page is. After ``st.stop()`` every
    call into Streamlit stops again, so the end of the run touches neither ``st.session_state`` nor
    ``st.query_params``: the memory is a dict taken at the start, the parameters those last held,
    the page the one ``setup`` named. Outside a Streamlit run (app.py imported), it does nothing.
    """
    from streamlit.runtime.scriptrunner import ScriptRunnerEvent, get_script_run_ctx
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        yield
        return
    _RUN.page = None
    memory = _addresses()
    own = st.query_params.to_dict()  # this page's parameters: as it started, then as it set them
    send = getattr(ctx, "_enqueue", None)  # Streamlit's queue to the browser (streamlit is pinned)
    runner = getattr(send, "__self__", None)
    held: list = []  # the address to send at the end, if any
    if runner is not None:
        def hold(msg) -> None:
            nonlocal own
            if msg.WhichOneof("type") != "page_info_changed":
                send(msg)
                return
            if held:
                own = _params(held[-1])
            held[:] = [msg]
        ctx._enqueue = hold
    switching = False
    try:
        yield
    except RerunException as e:
        target = e.rerun_data.page_script_hash
        if target and target != ctx.page_script_hash:  # another page next
            switching = bool(held) and held[-1].page_info_changed.query_string == e.rerun_data.query_string
            if held and not switching:  # this page's own last address: remembered, not sent
                own = _params(held.pop())
        raise
    finally:
        if runner is not None:
            ctx._enqueue = send
        if held and not switching:
            own = _params(held[-1])
        if held:  # straight to the runner's event: the queue's own call would stop again after st.stop()
            runner.on_event.send(runner, event=ScriptRunnerEvent.ENQUEUE_FORWARD_MSG, forward_msg=held[-1])
        if _RUN.page is not None:
            memory[_RUN.page] = own


def _params(msg) -> dict[str, str]:
    return dict(parse.parse_qsl(msg.page_info_changed.query_string, keep_blank_values=True))


JOINS = {"compare": "j", "themes": "tjs"}  # selections a confirmed upload joins ("Confirm and compare")


def join_selections(jurisdiction: str) -> None:
    """Add a report just confirmed on Add reports to the remembered Compare and Themes selections.

    A page not visited yet starts from its default (the first reports, uploads included while few).
    """
    for page, name in JOINS.items():
        last = _addresses().get(page, {})
        chosen = [v for v in last.get(name, "").split(",") if v]
        if name in last and jurisdiction not in chosen:
            last[name] = ",".join([*chosen, jurisdiction])


def _first_run_of_the_server() -> None:
    """Rerun through app.py when this run went round it: the first run of a server process only.

    A project with a pages/ folder gets its first run in Streamlit's old multipage mode, which knows
    a page by its file's name (without a leading number or underscore) and runs that file alone;
    app.py's ``st.navigation`` ends the mode for the process. A shared address such as /compare as
    a server's first request ran pages/compare.py without app.py (no address memory, no warm-up),
    and /themes, which no file was named for, showed "Page not found" first. Themes' file is
    ``_themes.py`` (read as "themes" in that mode; ``themes.py`` would hide the ``themes`` package
    from a page run alone, whose folder comes first on ``sys.path``), and this reruns the page
    through app.py, under the same page id (the hash of "themes" either way). Only a session's first
    run (no language chosen yet) is rerun: a later one may carry a click, which a rerun would lose
    (AppTest starts every run in that mode).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory and LANG not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()


# The widgets whose value a page reads from its address (a key ending in "_" stands for all keys it
# begins: Compare's indicators_<category>). The browser's Back within a page reruns it with the older
# address, but a widget keeps its own state over the default it is given: that state is dropped,
# so the widget starts again from the address (``setup``).
ADDRESS_WIDGETS = {
    "overview": ("sort", "sort_order", "page"),
    "compare": ("category", "indicators_", "jurisdictions", "rank", "rank_n", "log"),
    "profile": ("jurisdiction",),
    "themes": ("theme_js", "raw", "term"),
    "reports": ("query",),
    "trends": ("trend_js", "trend_inds"),
}


def _history_navigation() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))


def _from_address_again(page: str) -> None:
    """Back or forward in the browser: this page's widgets take their values from the address again."""
    keys = ADDRESS_WIDGETS.get(page, ())
    for key in list(st.session_state.keys()):
        if key in keys or any(k.endswith("_") and key.startswith(k) for k in keys):
            del st.session_state[key]


def setup(title_key: str) -> str:
    """Page header, sidebar menu and language switch; returns the language ('zh' or 'en')."""
    _first_run_of_the_server()
    if _history_navigation():
        _from_address_again(title_key)
    st.set_page_config(layout="wide")  # again here: with a hidden navigation, the entry point's setting is lost
    _RUN.page = title_key
    lang = session_language()
    wanted = {k: v for k, v in _kept_params(title_key, lang).items() if k == "lang" or k not in st.query_params}
    if any(st.query_params.get(k) != v for k, v in wanted.items()):
        st.query_params.update(wanted)  # one change of the address, not one per parameter
    menu = st.sidebar.container()
    st.session_state["lang"] = lang  # the switch shows the session's language on every page
    st.sidebar.segmented_control(
        ":material/translate: 语言 / Language", LANGS, key="lang", required=True, on_change=_language_chosen,
        format_func=lambda x: "中文" if x == "zh" else "English",
    )
    with menu:
        _menu(lang, title_key)
    if title_key in YEAR_PAGES:
        _year_control(all_frames().reports, lang)
    st.title(t(title_key, lang))
    _note_missing_reports(lang)
    return lang


def _menu(lang: str, current: str) -> None:
    """Links to every page in the sidebar, each with the language and that page's last selection
    (pages run alone in tests: no menu). The current page's own link has the language only: its
    selection may change later in this run, and ``setup`` fills it in from the latest."""
    try:
        for path, key, icon, _ in PAGES:
            params = {"lang": lang} if key == current else _kept_params(key, lang)
            st.page_link(path, label=t(key, lang), icon=icon, query_params=params)
        st.divider()
    except st.errors.StreamlitAPIException:  # run without app.py's navigation (AppTest of one page)
        pass


def missing_reports(params: dict[str, str], known: list[str]) -> list[str]:
    """Report ids the address names (``REPORT_PARAMS``) that are not among ``known``.

    >>> missing_reports({"j": "xuwen,wuhou", "lang": "en", "jur": "a"}, ["xuwen", "a"])
    ['wuhou']
    """
    have = set(known)
    named = [v for p in REPORT_PARAMS for v in params.get(p, "").split(",") if v]
    return sorted({v for v in named if v not in have})


def _note_missing_reports(lang: str) -> None:
    """One line when the address names a report this session does not have (another session's upload)."""
    params = st.query_params.to_dict()
    if not any(params.get(p) for p in REPORT_PARAMS):
        return
    reports = all_frames().reports  # ids, and the names of reports when all years are shown (xuwen.2021)
    known = {*reports["jurisdiction"], *(report_name(j, y) for j, y in zip(reports["jurisdiction"],
                                                                         reports["report_year"], strict=True) if y)}
    missing = missing_reports(params, list(known))
    if missing:
        st.info(t("not_in_session", lang, ids=", ".join(missing)), icon=":material/link_off:")


def filters(f: data.Frames, lang: str) -> list[str]:
    """Province, level and year filters in the sidebar, one choice for every page; the matching ids."""
    from .tables import filter_reports

    reports = f.reports
    with st.sidebar.expander(t("filters", lang), icon=":material/filter_alt:"):
        chosen = []
        for name, column, key in (("prov", "province", "provinces"), ("lvl", "level", "levels"),
                                  ("yr", "report_year", "years")):
            options = sorted({str(v) for v in reports[column].unique() if str(v)})
            value = _kept_filter(name, options)
            st.session_state[f"filter_{name}"] = value  # as with the language switch (see above)
            st.multiselect(t(key, lang), options, key=f"filter_{name}", on_change=_filter_chosen, args=(name,),
                           format_func=(lambda v: level(v, lang)) if name == "lvl" else str)
            chosen.append(value)
    return filter_reports(reports, *chosen)


def _filters() -> dict[str, list[str]]:
    return st.session_state.setdefault("_filters", {})


def _kept_filter(name: str, options: list[str]) -> list[str]:
    """A filter's choice: the address's when it gives one (a shared address, back/forward), else the session's."""
    raw = st.query_params.get(name)
    values = raw.split(",") if raw is not None else _filters().get(name, [])
    values = [v for v in values if v in options]
    st.session_state["_filters"] = {**_filters(), name: values}
    if st.query_params.get(name) != ",".join(values):
        set_url_list(name, values)
    return values


def _filter_chosen(name: str) -> None:
    value = list(st.session_state.get(f"filter_{name}", []))
    st.session_state["_filters"] = {**_filters(), name: value}
    set_url_list(name, value)


def url_list(name: str, allowed: list[str], default: list[str]) -> list[str]:
    """A list selection from the URL (?name=a,b), keeping only allowed values, each once."""
    raw = st.query_params.get(name)
    if raw is None:
        return default
    chosen = list(dict.fromkeys(v for v in raw.split(",") if v in allowed))
    return chosen or default


def set_url_list(name: str, values: list[str]) -> None:
    st.query_params[name] = ",".join(values)


def widget_to_url(key: str, name: str) -> None:
    """A widget's callback: its new value into the address (?name=), which the page reads it from."""
    st.query_params[name] = str(st.session_state[key])


def url_value(name: str, allowed: list[str], default: str) -> str:
    raw = st.query_params.get(name)
    return raw if raw in allowed else default
