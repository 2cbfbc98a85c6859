"""What every page shares: cached data, the language switch and selections kept in the URL.

This is the one module of ``dashboard`` that uses Streamlit; the rest is plain computation.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from . import data
from .labels import LANGS, t

# (script, label key, icon, url path): the menu, in display order
PAGES = [
    ("pages/overview.py", "overview", ":material/grid_view:", "overview"),
    ("pages/compare.py", "compare", ":material/bar_chart:", "compare"),
    ("pages/profile.py", "profile", ":material/location_city:", "profile"),
    ("pages/policy_themes.py", "themes", ":material/topic:", "themes"),
    ("pages/reports.py", "reports", ":material/search:", "reports"),
    ("pages/upload.py", "upload", ":material/upload_file:", "upload"),
]


def frames() -> data.Frames:
    """The frames, read once, and again when data/ changes (python -m extract added a report),
    with the reports this session uploaded and confirmed."""
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(data.DATA.glob("*.csv")))
    return data.with_uploads(_frames(str(data.DATA), str(data.CONFIG), stamp), list(uploads().values()))


def uploads() -> dict[str, data.Upload]:
    """This session's confirmed uploads, by jurisdiction id."""
    return st.session_state.setdefault("uploads", {})


@st.cache_data(show_spinner=False, max_entries=4)
def _frames(data_dir: str, config: str, stamp: tuple[int, ...]) -> data.Frames:  # stamp: part of the key
    return data.load(Path(data_dir), Path(config))


def report_text(source: str) -> str:
    if source.startswith(data.UPLOAD_PREFIX):
        return uploads()[source.removeprefix(data.UPLOAD_PREFIX)].report.text
    return _report_text(source)


@st.cache_resource(show_spinner=False)
def warm_up() -> None:
    """Load jieba's dictionaries in the background once per server (the Themes page needs them)."""
    import threading

    from themes.segment import tokenizer

    threading.Thread(target=tokenizer, daemon=True, name="jieba-warm-up").start()


@st.cache_data(show_spinner=False)
def _report_text(source: str) -> str:
    return data.report_text(source)


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


def setup(title_key: str) -> str:
    """Page header, sidebar menu and language switch; returns the language ('zh' or 'en')."""
    st.set_page_config(layout="wide")  # again here: with a hidden navigation, the entry point's setting is lost
    menu = st.sidebar.container()
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", "zh")
        st.session_state["lang"] = wanted if wanted in LANGS else "zh"
    lang = st.sidebar.segmented_control(
        ":material/translate: 语言 / Language", LANGS, key="lang",
        format_func=lambda x: "中文" if x == "zh" else "English",
    ) or "zh"
    st.query_params["lang"] = lang
    with menu:
        _menu(lang)
    st.title(t(title_key, lang))
    return lang


def _menu(lang: str) -> None:
    """Links to every page in the sidebar, keeping the language (pages run alone in tests: no menu)."""
    try:
        for path, key, icon, _ in PAGES:
            st.page_link(path, label=t(key, lang), icon=icon, query_params={"lang": lang})
        st.divider()
    except st.errors.StreamlitAPIException:  # run without app.py's navigation (AppTest of one page)
        pass


def filters(f: data.Frames, lang: str) -> list[str]:
    """Province, level and year filters in the sidebar (kept in the URL); the matching ids."""
    from .tables import filter_reports

    reports = f.reports
    with st.sidebar.expander(t("filters", lang), icon=":material/filter_alt:"):
        chosen = []
        for name, column, key in (("prov", "province", "provinces"), ("lvl", "level", "levels"),
                                  ("yr", "report_year", "years")):
            options = sorted({str(v) for v in reports[column] if str(v)})
            value = st.multiselect(t(key, lang), options, default=url_list(name, options, []), key=f"filter_{name}")
            set_url_list(name, value)
            chosen.append(value)
    return filter_reports(reports, *chosen)


def url_list(name: str, allowed: list[str], default: list[str]) -> list[str]:
    """A list selection from the URL (?name=a,b), keeping only allowed values."""
    raw = st.query_params.get(name)
    if raw is None:
        return default
    chosen = [v for v in raw.split(",") if v in allowed]
    return chosen or default


def set_url_list(name: str, values: list[str]) -> None:
    st.query_params[name] = ",".join(values)


def url_value(name: str, allowed: list[str], default: str) -> str:
    raw = st.query_params.get(name)
    return raw if raw in allowed else default
