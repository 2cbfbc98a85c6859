"""Dashboard entry point: ``streamlit run app.py``. The pages are in pages/."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="政务服务报告对比 · Government service reports", layout="wide",
                   page_icon=":material/account_balance:")

pages = st.navigation([
    st.Page("pages/overview.py", title="总览 Overview", icon=":material/grid_view:", default=True),
    st.Page("pages/compare.py", title="对比 Compare", icon=":material/bar_chart:"),
    st.Page("pages/profile.py", title="地区档案 Profile", icon=":material/location_city:"),
    st.Page("pages/policy_themes.py", title="政策主题 Themes", icon=":material/topic:", url_path="themes"),
    st.Page("pages/reports.py", title="报告全文 Reports", icon=":material/search:"),
])
pages.run()
