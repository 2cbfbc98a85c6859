"""Report text as HTML: extracted figures highlighted, search hits in context. Always escaped."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import pandas as pd

from extract.text import to_simplified

_CSS_NAME = re.compile(r"[A-Za-z][\w-]*")  # anchors that can be named in a style rule as they are

# Highlights in the report text: yellow; darker where two figures overlap; the selected figure
# (from the address, or the link last clicked: :target) orange and outlined.
REPORT_STYLE = (
    ".report-text{line-height:1.8}"
    ".report-text mark.fig{background:#FFF1A8;padding:0 1px;border-radius:2px}"
    ".report-text mark.both{background:#F7D44C}"
    ".report-text mark.sel{background:#FF9F43;outline:2px solid #B34700;font-weight:600}"
    ".report-text .fig-anchor{scroll-margin-top:4em}"
    ".report-text .fig-anchor+mark.fig{margin-left:2px}"  # two figures side by side stay two
    ".fig-list .sel-entry{background:#FFF4E5;border-left:4px solid #FF9F43;padding-left:6px}"
)
TARGET_STYLE = (  # one rule per figure: the figure whose link was just clicked
    "body:has(#{a}:target) .report-text mark.f-{a}{{background:#FF9F43;outline:2px solid #B34700;font-weight:600}}"
)
UNSELECT_STYLE = (  # while a link's target is shown, the figure selected by the address looks like the rest
    "body:has(.report-text .fig-anchor:target) .report-text mark.sel:not(.targeted){background:#FFF1A8;"
    "outline:none;font-weight:normal}"
)


def highlighted(text: str, spans: list[tuple[int, int, str, str]], selected: str = "") -> str:
    """``text`` as HTML with each (start, end, anchor id, tooltip) span highlighted.

    Spans may overlap (a headline's sentence holding a further mention): the text is cut at every
    span boundary and each piece is one ``<mark>`` whose classes name every figure covering it
    (``f-<anchor>``, ``both`` where two or more do, ``sel`` where the ``selected`` anchor does).
    Each figure's anchor is an empty element at its start, so every link reaches its span.
    Everything from the report is escaped.

    >>> highlighted("a<b>1项", [(4, 6, "f0", "x")])
    'a&lt;b&gt;<span class="fig-anchor" id="f0" title="x"></span><mark class="fig f-f0" title="x">1项</mark>'
    """
    n = len(text)
    figs = [(min(max(a, 0), n), min(max(b, 0), n), anchor, tip) for a, b, anchor, tip in spans]
    cuts = sorted({0, n, *(a for a, _, _, _ in figs), *(b for _, b, _, _ in figs)})
    starts: dict[int, list[tuple[str, str]]] = {}
    for a, _, anchor, tip in sorted(figs, key=lambda f: (f[0], -f[1])):
        starts.setdefault(a, []).append((anchor, tip))
    out = []
    for a, b in zip(cuts, [*cuts[1:], n], strict=True):
        out += [f'<span class="fig-anchor" id="{html.escape(anchor)}" title="{html.escape(tip)}"></span>'
                for anchor, tip in starts.get(a, [])]
        if a >= b:
            continue
        piece = html.escape(text[a:b])
        cover = [(anchor, tip) for s, e, anchor, tip in figs if s <= a and b <= e]
        if not cover:
            out.append(piece)
            continue
        classes = ["fig", *(f"f-{anchor}" for anchor, _ in cover if _CSS_NAME.fullmatch(anchor))]
        classes += ["both"] * (len(cover) > 1) + ["sel"] * (selected in {anchor for anchor, _ in cover})
        tips = " | ".join(dict.fromkeys(tip for _, tip in cover))
        out.append(f'<mark class="{html.escape(" ".join(classes))}" title="{html.escape(tips)}">{piece}</mark>')
    return "".join(out).replace("\n", "<br>")


def report_html(text: str, spans: list[tuple[int, int, str, str]], selected: str = "") -> str:
    """The whole report text for the profile: the highlights of ``highlighted`` and their style.

    The style also gives the figure whose link was clicked last (CSS ``:target``) the look of the
    selected one, so a click shows which highlight it reached.
    """
    anchors = [anchor for _, _, anchor, _ in spans if _CSS_NAME.fullmatch(anchor)]
    targets = "".join(TARGET_STYLE.format(a=a) for a in dict.fromkeys(anchors))
    return (f'<div class="report-text">{highlighted(text, spans, selected)}</div>'
            f"<style>{REPORT_STYLE}{UNSELECT_STYLE}{targets}</style>")


def figure_entry_html(label: str, value: str, scope: str, evidence: str, anchor: str, primary: bool,
                      further: str, selected: bool = False) -> str:
    """One figure in the profile's list: the headline large, further mentions indented under it;
    its evidence links to its highlight in the text. Everything is escaped.

    >>> "sel-entry" in figure_entry_html("L", "1项", "", "<e>", "fig-a", True, "", selected=True)
    True
    """
    scope_html = f" <small>({html.escape(scope)})</small>" if scope else ""
    link = f'<a href="#{html.escape(anchor)}" title="{html.escape(evidence)}">↧ {html.escape(evidence)}</a>'
    cls = ' class="sel-entry"' if selected else ""
    if primary:
        return (f"<p{cls}><b>{html.escape(label)}</b>: <span style='font-size:1.2em'>{html.escape(value)}</span>"
                f"{scope_html}<br><small>{link}</small></p>")
    return (f"<p{cls} style='margin-left:2em;color:#555'>{html.escape(further)}: {html.escape(value)}{scope_html}"
            f"<br><small>{link}</small></p>")


def selected_html(title: str, label: str, value: str, scope: str, evidence: str, anchor: str, more: str) -> str:
    """The figure chosen in the address (a click on the overview), at the top of the profile."""
    scope_html = f" <small>({html.escape(scope)})</small>" if scope else ""
    return (f"<div class='fig-list' style='border:1px solid #FF9F43;border-radius:6px;padding:8px 12px;"
            f"background:#FFF8F0'><small>{html.escape(title)}</small><br><b>{html.escape(label)}</b>: "
            f"<span style='font-size:1.2em'>{html.escape(value)}</span>{scope_html}<br>"
            f"<mark style='background:#FF9F43'>{html.escape(evidence)}</mark> "
            f"<small><a href=\"#{html.escape(anchor)}\">↧ {html.escape(more)}</a></small></div>")


def scroll_script(anchor: str) -> str:
    """A script that scrolls the report text to ``anchor`` (an id of ``highlighted``); '' for an unsafe id."""
    if not _CSS_NAME.fullmatch(anchor):
        return ""
    return ("<script>setTimeout(function(){var e=document.getElementById(" + json.dumps(anchor) +
            ");if(e){e.scrollIntoView({block:'center'});}},300);</script>")


@dataclass(frozen=True)
class Hit:
    jurisdiction: str
    start: int
    end: int
    before: str
    match: str
    after: str


def search(texts: dict[str, str], query: str, context: int = 30, limit: int = 200,
           convert: bool = True) -> list[Hit]:
    """Find ``query`` in every report, script-blind: simplified finds traditional and back.

    With ``convert`` each report is converted to simplified script first (exact, for a few
    hundred reports); without it the query is looked for in both scripts as written, which is
    fast enough for thousands. Offsets and context come from each report's own text.
    """
    query = query.strip()
    if not query:
        return []
    simple = to_simplified(query)
    needles = [simple] if convert else list(dict.fromkeys([query, simple, _to_traditional(simple)]))
    hits = []
    for j, text in texts.items():
        hay = to_simplified(text) if convert else text
        found = sorted((i, n) for n in needles for i in _find_all(hay, n))
        for a, n in found:
            if len(hits) >= limit:
                return hits
            b = a + len(n)
            hits.append(Hit(j, a, b, text[max(0, a - context):a], text[a:b], text[b:b + context]))
    return hits


def _find_all(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + len(needle))
    return out


def _to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def hit_counts(hits: list[Hit], jurisdictions: list[str]) -> pd.DataFrame:
    """Hits per jurisdiction, every jurisdiction listed (0 where none)."""
    counts = dict.fromkeys(jurisdictions, 0)
    for h in hits:
        counts[h.jurisdiction] = counts.get(h.jurisdiction, 0) + 1
    return pd.DataFrame({"jurisdiction": list(counts), "hits": list(counts.values())})


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Report text or a file name made inert for Streamlit's Markdown (labels, alerts, captions).

    >>> print(md_escape("**x** [a](b)"))
    \\*\\*x\\*\\* \\[a\\]\\(b\\)
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def card_html(title: str, facts: list[tuple[str, str]], badge: str = "") -> str:
    """A jurisdiction card: its name, an optional badge and facts, all escaped."""
    head = f"<b>{html.escape(title)}</b>"
    if badge:
        head += f' <span style="background:#FFE8CC;color:#8A4B00;border-radius:4px;padding:0 4px">' \
                f"{html.escape(badge)}</span>"
    rows = "".join(f"<div style='color:#555;font-size:0.9em'>{html.escape(k)}: {html.escape(str(v or '—'))}</div>"
                   for k, v in facts)
    return f"<div>{head}{rows}</div>"


def hit_html(hit: Hit) -> str:
    """One hit in context, escaped, the match highlighted."""
    def esc(s: str) -> str:
        return html.escape(s.replace("\n", " "))

    return f"…{esc(hit.before)}<mark>{esc(hit.match)}</mark>{esc(hit.after)}…"
