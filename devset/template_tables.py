"""The disclosure template's tables read from the three real template PDFs in dev/tables/.

    .venv/bin/python -m devset.template_tables [FOLDER]

These are development files: the ones the table reader was built and tuned on (dev/tables/,
git-ignored; dev/tables/recipes.yaml says where each came from). The figures below were read by
eye from page renders. A result here shows the reader does what it was built to do on them; it
is not a check on reports it has not seen.

For each PDF and each template table (二 proactive, 三 requests, 四 appeals): the cells read
right out of those expected, then each sum check with its result.
"""

from __future__ import annotations

import sys
from pathlib import Path

from extract import load_config
from extract.readers import read_report
from extract.template import read_template

ROOT = Path(__file__).resolve().parent.parent
APPLICANTS = ["natural", "business", "research", "public_interest", "legal", "other_org", "total"]
APPEALS = ["recon_upheld", "recon_corrected", "recon_other", "recon_pending", "recon_total",
           "direct_upheld", "direct_corrected", "direct_other", "direct_pending", "direct_total",
           "after_upheld", "after_corrected", "after_other", "after_pending", "after_total"]
REQUEST_ROWS = ["new", "carried_in", "granted", "partial", "deny_secret", "deny_law", "deny_security",
                "deny_third_party", "deny_internal", "deny_process", "deny_enforcement", "deny_query",
                "na_not_held", "na_to_make", "na_unclear", "np_petition", "np_repeat", "np_publication",
                "np_mass", "np_confirm"]


def _proactive(rules, normative, licensing, penalty, coercion, fees) -> dict:
    cols = ["issued", "repealed", "in_force"]
    out = {("proactive", "rules", c): v for c, v in zip(cols, rules, strict=True)}
    out |= {("proactive", "normative", c): v for c, v in zip(cols, normative, strict=True)}
    out |= {("proactive", "licensing", "decisions"): licensing, ("proactive", "penalty", "decisions"): penalty,
            ("proactive", "coercion", "decisions"): coercion, ("proactive", "fees", "fee_amount"): fees}
    return out


def _requests(totals: list, other: dict, full: dict) -> dict:
    out = {("requests", r, "total"): v for r, v in zip(REQUEST_ROWS, totals, strict=True)}
    out |= {("requests", r, "total"): v for r, v in other.items()}
    for row, values in full.items():
        out |= {("requests", row, c): v for c, v in zip(APPLICANTS, values, strict=True)}
    return out


def _appeals(values: list) -> dict:
    return {("appeals", "cases", c): v for c, v in zip(APPEALS, values, strict=True)}


# Read by eye from the page renders (the research notes of issue 17).
EXPECTED = {
    "hongze_2023": {
        "cells": _proactive([0, 0, 0], [0, 5, 5], 550, 4119, 195, 7730.28)
        | _requests([21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0], {"other": 0},
                    {"new": [21, 0, 0, 0, 0, 0, 21], "carried_in": [0] * 7, "total": [21, 0, 0, 0, 0, 0, 21],
                     "carried_out": [0] * 7})
        | _appeals([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]),
        "failing": {"reconsideration_total", "after_lawsuits_total"},
    },
    "hongze_2024": {
        "cells": _proactive([0, 0, 0], [3, 0, 8], 9487, 2776, 84, 7545)
        | _requests([95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0], {"other": 0},
                    {"new": [95, 0, 0, 0, 0, 0, 95], "carried_in": [0] * 7, "total": [95, 0, 0, 0, 0, 0, 95],
                     "carried_out": [0] * 7})
        | _appeals([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]),
        "failing": set(),
    },
    "huaian_2024": {
        "cells": _proactive([1, 0, 11], [8, 26, 66], 447228, 3985758, 88283, 96171.6)
        | _requests([3119, 34, 1362, 454, 2, 31, 5, 6, 8, 12, 9, 105, 769, 11, 1, 62, 25, 0, 0, 1],
                    {"other_no_correction": 71, "other_no_fee": 6, "other_other": 110},
                    {"new": [3001, 53, 0, 0, 61, 4, 3119], "carried_in": [34, 0, 0, 0, 0, 0, 34],
                     "total": [2932, 53, 0, 0, 61, 4, 3050], "carried_out": [103, 0, 0, 0, 0, 0, 103]})
        | _appeals([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]),
        "failing": set(),
    },
}


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:] or [str(ROOT / "dev" / "tables")])[0])
    config = load_config(ROOT / "config.yaml")
    wrong_tables = wrong_sums = 0
    for name, expected in EXPECTED.items():
        path = folder / f"{name}.pdf"
        if not path.exists():
            print(f"{name}: {path} not found (dev/tables is git-ignored; see dev/tables/recipes.yaml)")
            wrong_tables += 3
            continue
        report = read_report(path)
        reading = read_template(config.template, list(report.tables))
        print(f"{name}: {len(report.tables)} tables kept, {len(reading.cells)} template cells")
        for table in ("proactive", "requests", "appeals"):
            cells = {k: v for k, v in expected["cells"].items() if k[0] == table}
            bad = [(k, v, reading.value(*k)) for k, v in cells.items() if reading.value(*k) != v]
            unread = reading.unread_rows.get(table, [])
            ok = not bad and not unread
            wrong_tables += not ok
            print(f"  {table:9} {'right' if ok else 'WRONG'}: {len(cells) - len(bad)}/{len(cells)} cells"
                  + "".join(f"\n    {k[1]}/{k[2]}: expected {v}, read {got}" for k, v, got in bad)
                  + "".join(f"\n    row not known: {r}" for r in unread))
        failing = {s.rule.id for s in reading.failing}
        for s in reading.sums:
            print(f"  sum {s.rule.id}{'[' + s.column + ']' if s.column else ''}: "
                  f"{'holds' if s.holds else 'FAILS ' + s.describe()}")
        if failing != expected["failing"]:
            wrong_sums += 1
            print(f"  sum checks WRONG: failing {sorted(failing)}, expected {sorted(expected['failing'])}")
        else:
            print(f"  sum checks right ({len(reading.sums)} checked, failing: {sorted(failing) or 'none'})")
    print(f"tables wrong: {wrong_tables} of {3 * len(EXPECTED)}; reports with a sum check wrong: {wrong_sums}")
    return 1 if wrong_tables or wrong_sums else 0


if __name__ == "__main__":
    raise SystemExit(main())
