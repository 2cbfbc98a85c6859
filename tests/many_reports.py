"""A data folder of 24 synthetic reports and one that fails to read, for paging and failure tests."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def many_reports(folder: Path, n: int = 24) -> Path:
    """Extract ``n`` synthetic reports plus an empty file (zz_empty) into ``folder``/data; return it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    from extract import cli

    make_corpus(folder / "corpus", n, seed=3)
    (folder / "corpus" / "reports" / "zz_empty.txt").write_bytes(b"")
    out = folder / "data"
    assert cli.main([str(folder / "corpus" / "reports"), "--out", str(out), "--no-cache"]) == 1  # the empty file
    return out


def run_page(script: str, **params: str):
    """Run ``pages/<script>.py`` in AppTest with these address parameters; the finished AppTest."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "pages" / f"{script}.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()
