"""An output set checked from outside: the test's own reading of manifest.json, not the code's.

``problems(out)`` lists what is wrong with the set in ``out``: a file the manifest does not
match (sha256, row count), a jurisdiction in indicators.csv or mentions.csv that reports.csv
does not list, or reports.csv disagreeing with the manifest's reports. An empty list means the
set is complete and consistent.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

CSVS = ("indicators.csv", "mentions.csv", "reports.csv", "errors.csv")


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def problems(out: Path) -> list[str]:
    """What is wrong with the output set in ``out`` (empty: complete and consistent)."""
    try:
        manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError) as e:
        return [f"manifest.json: {e}"]
    found = []
    files = manifest.get("files", {})
    for name in CSVS:
        if name not in files:
            found.append(f"{name}: not in the manifest")
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    if set(files) != on_disk:
        found.append(f"files on disk {sorted(on_disk ^ set(files))} differ from the manifest")
    data: dict[str, bytes] = {}
    for name, facts in files.items():
        try:
            data[name] = (out / name).read_bytes()
        except OSError as e:
            found.append(f"{name}: {e}")
            continue
        if hashlib.sha256(data[name]).hexdigest() != facts["sha256"]:
            found.append(f"{name}: sha256 differs from the manifest")
        if name.endswith(".csv"):
            try:
                n = len(rows(data[name]))
            except UnicodeDecodeError as e:
                found.append(f"{name}: not UTF-8 ({e})")
                continue
            if n != facts["rows"]:
                found.append(f"{name}: {n} rows, the manifest says {facts['rows']}")
    if found:
        return found
    listed = [r["jurisdiction"] for r in rows(data["reports.csv"])]
    if listed != manifest["reports"]:
        found.append("reports.csv and the manifest list different reports")
    for name in ("indicators.csv", "mentions.csv"):
        stray = {r["jurisdiction"] for r in rows(data[name])} - set(listed)
        if stray:
            found.append(f"{name}: jurisdictions {sorted(stray)[:5]} are not in reports.csv")
    return found


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of the set, by relative path."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def report_ids(out: Path) -> list[str]:
    return [r["jurisdiction"] for r in rows((out / "reports.csv").read_bytes())]
