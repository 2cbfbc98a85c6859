"""Dashboard entry point: ``streamlit run app.py``. The pages are in pages/; the menu is
drawn by ``dashboard.ui.setup`` in the chosen language."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.ui import PAGES, address_kept, warm_up

ICON = Path(__file__).parent / "dashboard" / "favicon.png"  # a file: a material icon would be fetched from the web
st.set_page_config(page_title="政务服务报告对比 · Government service reports", layout="wide", page_icon=str(ICON))

pages = st.navigation(
    [st.Page(path, title=key, icon=icon, url_path=url, default=(url == "overview")) for path, key, icon, url in PAGES],
    position="hidden",
)
try:
    with address_kept():  # the menu's links bring each page back as it was left
        pages.run()
finally:
    warm_up()  # once per server, after its first page: what the other pages need, in the background
