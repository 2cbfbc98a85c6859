"""Report text as HTML: extracted figures highlighted, search hits in context. Always escaped."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from extract.text import to_simplified


def highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` as HTML with each (start, end, anchor id, tooltip) span wrapped in <mark>.

    Overlapping spans are skipped after the first; everything from the report is escaped.

    >>> highlighted("a<b>1项", [(4, 6, "f0", "x")])
    'a&lt;b&gt;<mark id="f0" title="x">1项</mark>'
    """
    out, pos = [], 0
    for start, end, anchor, tip in sorted(spans):
        if start < pos or start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="{html.escape(anchor)}" title="{html.escape(tip)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


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
