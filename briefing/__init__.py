"""Briefing exports: comparison CSV and Excel, slide images, a slide deck and a zip of them all.

The dashboard's download buttons and ``python -m briefing`` share these builders and the
dashboard's figure builders, so a chart looks the same on screen, in the PNG and in the deck.
"""
