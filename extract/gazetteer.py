"""The gazetteer of Chinese administrative divisions (the cpca package's data), set up once per process.

``place(line)`` gives the province, prefecture and county-level division of a line that
``cpca.transform([line])`` gives in its first three columns, without the pandas DataFrame that
``transform`` builds on every call (cpca's own per-line matcher, ``_get_one_addr``, does the work;
cpca is pinned in requirements.txt, and tests/test_gazetteer.py compares the two).

cpca reads its table at import through ``pkg_resources``, whose own import takes about half a
second (it scans every installed distribution); ``_cpca`` lends it ``importlib.resources`` for the
length of that import instead, when nothing has imported pkg_resources yet.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

Place = tuple[Any, Any, Any]  # (province, prefecture, county): a name, or None / '' where cpca has none


def _resource_stream(package: str, name: str) -> IO[bytes]:
    return importlib.resources.files(package).joinpath(name).open("rb")


@lru_cache(maxsize=1)
def _cpca() -> types.ModuleType:
    """The cpca module, its table and matcher loaded (once per process)."""
    if "pkg_resources" in sys.modules or "cpca" in sys.modules:
        import cpca

        return cpca
    lent = types.ModuleType("pkg_resources")
    lent.resource_stream = _resource_stream  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = lent
    try:
        import cpca
    finally:
        if sys.modules.get("pkg_resources") is lent:
            del sys.modules["pkg_resources"]
    return cpca


def table() -> Path:
    """cpca's table of divisions (resources/adcodes.csv), found without importing cpca."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("cpca is not installed (pip install -r requirements.txt)")
    return Path(spec.origin).parent / "resources" / "adcodes.csv"


def load() -> None:
    """Set the gazetteer up now (a process pool's workers then share it from the parent)."""
    _cpca()


def place(line: str) -> Place:
    """(province, prefecture, county) of ``line``, as in ``cpca.transform([line])``'s first three columns."""
    found = _cpca()._get_one_addr(line, False, {})
    return found["省"], found["市"], found["区"]
