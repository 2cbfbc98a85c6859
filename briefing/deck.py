"""The slide deck (python-pptx): a title slide, one slide per category chart, a sources slide."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)


@dataclass(frozen=True)
class ChartSlide:
    title: str
    images: list[bytes]  # PNGs, drawn side by side
    notes: str  # the figure's footnotes and source line, as speaker notes


def deck_bytes(title: str, subtitle: str, slides: list[ChartSlide], sources: pd.DataFrame,
               sources_title: str) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = title
    first.placeholders[1].text = subtitle
    for s in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
        slide.shapes.title.text = s.title
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        top, margin = Inches(1.3), Inches(0.3)
        width = Emu(int((SLIDE_W - margin * (len(s.images) + 1)) / max(len(s.images), 1)))
        for i, png in enumerate(s.images):
            left = Emu(int(margin + i * (width + margin)))
            pic = slide.shapes.add_picture(io.BytesIO(png), left, top, width=width)
            if pic.height > SLIDE_H - top - margin:  # too tall: fit by height instead
                ratio = (SLIDE_H - top - margin) / pic.height
                pic.height, pic.width = int(pic.height * ratio), int(pic.width * ratio)
        slide.notes_slide.notes_text_frame.text = s.notes
    last = prs.slides.add_slide(prs.slide_layouts[5])
    last.shapes.title.text = sources_title
    rows, cols = len(sources) + 1, len(sources.columns)
    table = last.shapes.add_table(rows, cols, Inches(0.4), Inches(1.4), SLIDE_W - Inches(0.8),
                                  Inches(0.4) * rows).table
    for c, name in enumerate(sources.columns):
        table.cell(0, c).text = str(name)
    for r, row in enumerate(sources.itertuples(index=False), 1):
        for c, value in enumerate(row):
            text = str(value) if value is not None else ""
            table.cell(r, c).text = text[:16] + "…" if len(text) > 24 and sources.columns[c] == "sha256" else text
    for cell in (table.cell(r, c) for r in range(rows) for c in range(cols)):
        for p in cell.text_frame.paragraphs:
            p.font.size = Pt(12)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
