"""Dashboard entry point: the comparison of the extracted indicators.

A first page: the headline figures, jurisdictions by indicators. The full dashboard (compare,
profile, reports, exports) is built on the same frame in its own issue.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extract.frame import read_indicators

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data" / "indicators.csv"


@st.cache_data
def load() -> pd.DataFrame:
    if not DATA.exists():
        from extract.cli import main

        main(["--out", str(DATA.parent)])
    return read_indicators(DATA)


QUALIFIER_SIGN = {"exact": "", "more_than": ">", "at_least": "≥", "less_than": "<", "approx": "≈"}


def headline_table(df: pd.DataFrame) -> pd.DataFrame:
    """Jurisdictions × indicators, each cell the headline value with its bound sign and unit."""
    heads = df[df["primary"]].copy()
    cols = zip(heads["qualifier"], heads["value"], heads["unit"], strict=True)
    heads["cell"] = [f"{QUALIFIER_SIGN.get(q, '')}{v:g}{u}" for q, v, u in cols]
    table = heads.pivot_table(index="label_zh", columns="jurisdiction", values="cell", aggfunc="first")
    return table.fillna("未报告")


st.set_page_config(page_title="政务服务报告对比", layout="wide")
st.title("政务服务报告对比 · Government service reports compared")
st.caption("Reports cover different years and levels of government; every figure links to its sentence in the data.")
frame = load()
st.dataframe(headline_table(frame), width="stretch")
