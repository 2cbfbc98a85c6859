"""A synthetic corpus with an answer key, for measuring speed and accuracy at scale.

    python bench/make_corpus.py N [--out DIR] [--seed S] [--years K]

Writes N reports (DIR/reports/<id>.txt) and DIR/key.yaml in the answer-key format of
tests/gold_seeds.yaml. Each report recombines sentence patterns in the style of real bureau
reports with new numbers, a real county- or prefecture-level name from the cpca gazetteer and
a year; some sentences are traps (growth rates, exam pass rates, e-bidding) that the key lists
under `not`. The patterns are written here, not taken from any bundled report.

With ``--years K`` (K > 1) each of the N jurisdictions has a report for each of K years (2020
on; about one in ten misses one of them), DIR/reports/<id>.<year>.txt: a series whose rates
drift up a few points a year (capped at 100) and whose counts grow or shrink by up to a tenth,
with now and then a figure left out of a year's report (a gap). A report is a jurisdiction ×
year, and only a config names a report's jurisdiction and year, so DIR/config.yaml is the
project's config.yaml listing these reports; extract them with
``python -m extract --config DIR/config.yaml --out OUT --replace``. The key's ``j`` is then the
report's name (``<id>.<year>``).
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import yaml

LEVELS = {"区": "district", "县": "county", "旗": "banner (county-level)", "市": "county-level city"}

# (indicator, unit, pattern): {v} is the value as written, {n} the jurisdiction's name
FIGURES = [
    ("service_items_total", "项", "{n}共梳理公布政务服务事项{v}项"),
    ("licensing_items", "项", "其中行政许可事项{v}项"),
    ("power_list_items", "项", "动态调整后的权责清单共{v}项"),
    ("one_thing_items", "个", "推出{v}个“一件事一次办”主题套餐"),
    ("cross_region_items", "项", "实现{v}项高频事项“跨省通办”"),
    ("online_available_rate", "%", "网上可办率达到{v}%"),
    ("full_online_rate", "%", "全程网办率提升至{v}%"),
    ("immediate_rate", "%", "即办件占比为{v}%"),
    ("zero_visit_rate", "%", "“零跑动”事项占比{v}%"),
    ("at_most_once_rate", "%", "“最多跑一次”事项比例达{v}%"),
    ("review_score", "分", "政务服务“好差评”综合得分{v}分"),
    ("hotline_satisfaction", "%", "12345热线群众满意率{v}%"),
    ("time_limit_compression", "%", "承诺办理时限比法定时限平均压缩{v}%"),
    ("materials_reduction", "%", "申请材料平均精简{v}%"),
    ("hotline_requests", "件", "12345热线全年受理群众诉求{v}件"),
    ("info_published", "条", "全年通过政府网站主动公开政府信息{v}条"),
    ("disclosure_requests", "件", "受理政府信息公开申请{v}件"),
    ("admin_reconsideration_cases", "件", "本年度被申请行政复议{v}件"),
]
TRAPS = [
    ("hotline_satisfaction", "办件量同比上升{x}%"),
    ("online_available_rate", "考试合格率{x}%"),
    ("full_online_rate", "全流程电子招投标率{x}%"),
]
FILLER = [
    "坚持以人民为中心的发展思想,持续深化“放管服”改革,优化营商环境。",
    "加强组织领导,落实工作责任,定期召开专题会议研究部署相关工作。",
    "组织干部职工开展法治学习,不断提升依法行政能力和水平。",
    "推进政务服务标准化、规范化、便利化建设,提升群众办事体验。",
    "完善窗口服务制度,推行首问负责、一次性告知等工作机制。",
    "下一步,将继续围绕群众关切,补短板、强弱项,推动各项工作提质增效。",
]


def gazetteer() -> list[tuple[str, str, str, str]]:
    """(name, province, prefecture, adcode) of every county-level division in cpca's data whose
    code has a boundary on the Map page (dashboard/boundaries.json.gz): real county codes."""
    import cpca

    path = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = {r["adcode"]: r["name"] for r in rows}
    mapped = _county_codes()
    out = []
    for r in rows:
        code = r["adcode"]
        if code[4:6] != "00" and code[6:] == "000000" and r["name"][-1] in LEVELS and code[:6] in mapped:
            out.append((r["name"], names.get(code[:2] + "0" * 10, ""), names.get(code[:4] + "0" * 8, ""), code[:6]))
    return sorted(out)


def _county_codes() -> set[str]:
    import gzip
    import json

    path = Path(__file__).resolve().parent.parent / "dashboard" / "boundaries.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {feature["id"] for feature in json.load(f)["levels"]["county"]["features"]}


def _value(rng: random.Random, unit: str) -> tuple[float, str]:
    if unit == "%":
        v = round(rng.uniform(30, 99.99), rng.choice((0, 1, 2)))
    elif unit == "分":
        v = round(rng.uniform(7, 9.99), 1)
    else:
        v = float(rng.randint(3, 20000))
    text = f"{v:g}" if unit in ("%", "分") else f"{int(v)}"
    return v, text


def make_report(rng: random.Random, jid: str, place: tuple[str, ...], year: int) -> tuple[str, list, list]:
    """One report's text, its figures and its traps, for the key. The title names the prefecture
    before the place (湛江市徐闻县…), as real titles often do, so that a name several counties share
    is still placed (its adcode decided) from the text."""
    name, prefecture = place[0], place[2]
    parent = prefecture if prefecture.endswith(("市", "州", "盟", "地区")) else ""
    lines = [f"{parent}{name}政务服务数据管理局{year}年工作总结", ""]
    figures, traps = [], []
    chosen = rng.sample(FIGURES, rng.randint(6, 12))
    chosen.sort(key=FIGURES.index)
    paragraph = []
    for ind, unit, pattern in chosen:
        if ind == "licensing_items" and not any(c[0] == "service_items_total" for c in chosen):
            continue
        v, text = _value(rng, unit)
        sentence = pattern.format(v=text, n=f"全{name[-1]}")
        paragraph.append(sentence)
        figures.append({"j": jid, "ind": ind, "value": v, "unit": unit, "q": "exact", "primary": True,
                        "evidence": sentence})
        if rng.random() < 0.3:
            paragraph.append(rng.choice(FILLER).rstrip("。"))
        if rng.random() < 0.15:
            trap_ind, trap = rng.choice(TRAPS)
            x = round(rng.uniform(1, 99), 1)
            paragraph.append(trap.format(x=f"{x:g}"))
            traps.append({"j": jid, "ind": trap_ind, "value": x, "why": "synthetic trap"})
        if len(paragraph) >= 4:
            lines.append("    " + ",".join(paragraph) + "。")
            paragraph = []
    if paragraph:
        lines.append("    " + ",".join(paragraph) + "。")
    lines += ["    " + rng.choice(FILLER) for _ in range(rng.randint(20, 40))]
    rng.shuffle(lines[2:])
    return "\n".join(lines) + "\n", figures, traps


FIRST_YEAR = 2020


def _drift(rng: random.Random, unit: str, v: float) -> tuple[float, str]:
    """Next year's value of a series: rates up a few points (at most 100), scores a little, counts ±10%."""
    if unit == "%":
        v = min(100.0, round(v + rng.uniform(-1, 4), 2))
    elif unit == "分":
        v = min(9.99, round(v + rng.uniform(-0.1, 0.3), 1))
    else:
        v = float(max(1, round(v * rng.uniform(0.9, 1.1))))
    return v, (f"{v:g}" if unit in ("%", "分") else f"{int(v)}")


def series_report(rng: random.Random, jid: str, place: tuple[str, ...], year: int,
                  values: dict[str, tuple[float, str]]) -> tuple[str, list]:
    """One year's report of a series: the figures of ``values`` (indicator -> value, as written)."""
    name, prefecture = place[0], place[2]
    parent = prefecture if prefecture.endswith(("市", "州", "盟", "地区")) else ""
    lines, figures, paragraph = [f"{parent}{name}政务服务数据管理局{year}年工作总结", ""], [], []
    for ind, unit, pattern in FIGURES:
        if ind not in values:
            continue
        v, text = values[ind]
        sentence = pattern.format(v=text, n=f"全{name[-1]}")
        paragraph.append(sentence)
        figures.append({"j": f"{jid}.{year}", "ind": ind, "value": v, "unit": unit, "q": "exact", "primary": True,
                        "evidence": sentence})
        if len(paragraph) >= 4:
            lines.append("    " + ",".join(paragraph) + "。")
            paragraph = []
    if paragraph:
        lines.append("    " + ",".join(paragraph) + "。")
    lines += ["    " + rng.choice(FILLER) for _ in range(rng.randint(20, 40))]
    rng.shuffle(lines[2:])
    return "\n".join(lines) + "\n", figures


def make_series(out: Path, n: int, years: int, seed: int = 7) -> Path:
    """Write ``n`` jurisdictions × ``years`` reports, their config and key into ``out``; return the config."""
    rng = random.Random(seed)
    places = gazetteer()
    (out / "reports").mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((Path(__file__).resolve().parent.parent / "config.yaml").read_text("utf-8"))
    config.pop("user_corpus", None)
    listed, key = [], {"jurisdictions": [], "figures": [], "not": []}
    for i in range(n):
        place = places[(i * 7919) % len(places)]
        jid = f"r{i:05d}"
        chosen = [f for f in rng.sample(FIGURES, rng.randint(6, 12)) if f[0] != "licensing_items"]
        values = {ind: _value(rng, unit) for ind, unit, _ in chosen}
        units = {ind: unit for ind, unit, _ in chosen}
        skipped = rng.randrange(years) if rng.random() < 0.1 else None  # a year without a report
        for k in range(years):
            year = FIRST_YEAR + k
            if k:
                values = {ind: _drift(rng, units[ind], v) for ind, (v, _) in values.items()}
            if k == skipped:
                continue
            shown = {ind: v for ind, v in values.items() if rng.random() >= 0.1}  # now and then left out: a gap
            text, figures = series_report(rng, jid, place, year, shown)
            path = out / "reports" / f"{jid}.{year}.txt"
            path.write_text(text, "utf-8")
            facts = {"id": jid, "name_zh": place[0], "province": place[1], "prefecture": place[2],
                     "level": LEVELS[place[0][-1]], "report_year": year, "adcode": place[3]}
            listed.append({**facts, "report": f"reports/{path.name}"})
            key["jurisdictions"].append({**facts, "id": f"{jid}.{year}"})
            key["figures"] += figures
    config["jurisdictions"] = listed
    (out / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    (out / "key.yaml").write_text(yaml.safe_dump(key, allow_unicode=True, sort_keys=False), "utf-8")
    return out / "config.yaml"


def make_corpus(out: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` reports and their key into ``out``; return the key's path."""
    rng = random.Random(seed)
    places = gazetteer()
    (out / "reports").mkdir(parents=True, exist_ok=True)
    key = {"jurisdictions": [], "figures": [], "not": []}
    for i in range(n):
        place = places[(i * 7919) % len(places)]  # spread over the country, no repeats below ~2,800
        jid = f"r{i:05d}"
        year = rng.randint(2019, 2024)
        text, figures, traps = make_report(rng, jid, place, year)
        (out / "reports" / f"{jid}.txt").write_text(text, "utf-8")
        key["jurisdictions"].append({"id": jid, "name_zh": place[0], "province": place[1],
                                     "prefecture": place[2], "level": LEVELS[place[0][-1]], "report_year": year,
                                     "adcode": place[3]})
        key["figures"] += figures
        key["not"] += traps
    path = out / "key.yaml"
    path.write_text(yaml.safe_dump(key, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of reports")
    ap.add_argument("--out", default="bench/corpus", help="folder to write into (default bench/corpus)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--years", type=int, default=1, help="reports per jurisdiction, one a year from 2020 (default 1)")
    args = ap.parse_args()
    if args.years > 1:
        path = make_series(Path(args.out), args.n, args.years, args.seed)
        print(f"wrote {args.n} jurisdictions × {args.years} years and {path} "
              f"(python -m extract --config {path} --out OUT --replace)")
        return
    path = make_corpus(Path(args.out), args.n, args.seed)
    print(f"wrote {args.n} reports and {path}")


if __name__ == "__main__":
    main()
