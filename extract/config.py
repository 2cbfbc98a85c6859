"""Load and validate config.yaml: the reports, the indicator taxonomy and its cues.

Validation raises ``ConfigError`` naming the file, the place (``indicators[3].cues``) and the
problem; it never asserts, so it also holds under ``python -O``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .numbers import MULTIPLIERS
from .text import ChromeLines, figure_pattern

QUALIFIERS = ("more_than", "at_least", "less_than", "approx")
_QUALIFIER_PLACES = ("before", "between", "after")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# The national template is the same for every project: a config.yaml copied to another folder
# without it reads the project's own.
BUNDLED_TEMPLATE = Path(__file__).resolve().parent.parent / "template.yaml"


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name_zh: str | None = None
    name_en: str | None = None
    province: str | None = None
    prefecture: str | None = None
    level: str | None = None
    report_year: int | None = None
    agency: str | None = None
    report: str | None = None
    adcode: str | None = None  # 6 digits: the division's administrative code (the Map page)


def clash(jid: str, year: int | None, reports: tuple[Jurisdiction, ...] | list[Jurisdiction]) -> Jurisdiction | None:
    """The report among ``reports`` that a report of ``jid`` for ``year`` may not stand beside, or None.

    A report is a jurisdiction × year: a jurisdiction may have a report for each year, so the same
    id is a clash only with the same year, or where either report has no year (then nothing would
    tell the two apart).

    >>> hengnan = Jurisdiction("hengnan", report_year=2021)
    >>> clash("hengnan", 2022, [hengnan]), clash("hengnan", 2021, [hengnan]).id, clash("hengnan", None, [hengnan]).id
    (None, 'hengnan', 'hengnan')
    """
    return next((j for j in reports if j.id == jid and (year is None or j.report_year in (None, year))), None)


@dataclass(frozen=True)
class Category:
    id: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class Indicator:
    id: str
    category: str
    label_zh: str
    label_en: str
    unit: str
    definition: str
    units: tuple[str, ...]
    cues: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    definition_zh: str = ""
    weak_cues: tuple[str, ...] = ()  # find a related measure (calls for requests): headline only if nothing better
    counts_other: tuple[str, ...] = ()  # what a number counts: before a cue after it, or right after its unit
    counts_after: tuple[str, ...] = ()  # ... or that, right after such a cue, are what it counts
    max: float | None = None  # the largest value the indicator can take (a score out of 10); a share: 100
    wildcard_not: tuple[str, ...] = ()  # in a cue, ＊ is any Chinese character, but these runs (一网通办)
    cue_after_units: tuple[str, ...] = ()  # a number in these units takes only a cue after it (22件“一件事”)
    exclude_in_clause: tuple[str, ...] = ()  # exclude words anywhere in the clause before the number (12315热线)

    def admits(self, value: float, unit: str) -> bool:
        """Can a number of ``value`` in ``unit`` be a figure of this indicator?"""
        top = self.max if self.max is not None else (100.0 if unit == "%" else None)
        return unit in self.units and (top is None or value <= top)

    def describe(self, lang: str) -> str:
        """The definition in ``lang``, the English one where no Chinese one is given."""
        return self.definition_zh if lang == "zh" and self.definition_zh else self.definition


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, tuple[str, ...]]
    qualifiers: dict[str, dict[str, tuple[str, ...]]]
    change_words: tuple[str, ...]
    level_words: tuple[str, ...]
    name_after: tuple[str, ...]

    def unit_kind(self, unit: str) -> str | None:
        for kind, words in self.units.items():
            if unit in words:
                return kind
        return None


@dataclass(frozen=True)
class ScopeWords:
    whole: tuple[str, ...]
    own_level: tuple[str, ...]
    period: tuple[str, ...]
    pilot: tuple[str, ...]
    website: tuple[str, ...]
    parts: tuple[str, ...]
    breakdown: tuple[str, ...]
    higher: tuple[str, ...] = ()


@dataclass(frozen=True)
class GrammarWords:
    """The words of ``grammar`` in config.yaml (see extract/grammar.py)."""

    respectively: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()
    complement_indicators: tuple[str, ...] = ()
    complement_before: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    target_owners: tuple[str, ...] = ()
    plan_headings: tuple[str, ...] = ()
    review_headings: tuple[str, ...] = ()
    multi_year: tuple[str, ...] = ()
    share: tuple[str, ...] = ()
    yearly: tuple[str, ...] = ()
    bare_verbs: tuple[str, ...] = ()
    time_words: tuple[str, ...] = ()
    each: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    containers: tuple[str, ...] = ()
    increments: tuple[str, ...] = ()
    duration_cuts: tuple[str, ...] = ()
    container_units: tuple[str, ...] = ()
    total_words: tuple[str, ...] = ()
    range_words: tuple[str, ...] = ()
    share_parts: tuple[str, ...] = ()
    subset_indicators: tuple[str, ...] = ()
    subset_verbs: tuple[str, ...] = ()
    subset_unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matching:
    gap: int
    max_after: int
    exclude_reach: int
    after_stops: tuple[str, ...]
    max_after_items: int = 0
    items_words: tuple[str, ...] = ()
    max_after_list: int = 0
    list_ends: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    label_zh: str
    label_en: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Keywords:
    pos: tuple[str, ...] = ()
    min_length: int = 2
    stopwords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    path: Path
    jurisdictions: tuple[Jurisdiction, ...]
    categories: tuple[Category, ...]
    indicators: tuple[Indicator, ...]
    numbers: NumberWords
    scope: ScopeWords
    matching: Matching
    chrome_lines: ChromeLines
    levels: dict[str, str] = field(default_factory=dict)
    themes: tuple[Theme, ...] = ()
    user_corpus: Path | None = None  # the file of reports researchers added (python -m extract add)
    keywords: Keywords = field(default_factory=Keywords)
    grammar: GrammarWords = field(default_factory=GrammarWords)
    template: Any = None  # the disclosure-report template (template.Template), when config.yaml names one

    @property
    def root(self) -> Path:
        """The folder that report paths in the config are relative to."""
        return self.path.parent

    def indicator(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.id == indicator_id)

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)


# ---------------------------------------------------------------- loading


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that refuses a mapping with the same key twice; libyaml's parser where PyYAML has
    it (a config listing thousands of reports, one a jurisdiction and year, loads in a quarter of the
    time)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_config(path: str | Path = "config.yaml", check_reports: bool = True) -> Config:
    """Read and validate ``path``; raise ``ConfigError`` with the place of the first problem."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(str(path), "", "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), "", f"cannot read the file ({e})") from None
    try:
        data = yaml.load(raw, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ConfigError(str(path), where, f"not valid YAML: {problem}") from None
    return parse_config(data, path, check_reports=check_reports)


def parse_config(data: Any, path: Path, check_reports: bool = True) -> Config:
    """Validate the loaded YAML ``data`` and build a ``Config``."""
    v = _Validator(str(path))
    top = v.mapping(data, "", {
        "version": (int, True), "jurisdictions": (list, True), "categories": (list, True),
        "numbers": (dict, True), "scope": (dict, True), "reading": (dict, False),
        "levels": (dict, False), "indicators": (list, True), "matching": (dict, True),
        "themes": (list, False), "keywords": (dict, False), "user_corpus": (str, False),
        "grammar": (dict, False), "template": (str, False),
    })
    categories = tuple(_categories(v, top["categories"]))
    cat_ids = {c.id for c in categories}
    numbers = _numbers(v, top["numbers"])
    indicators = tuple(_indicators(v, top["indicators"], cat_ids, numbers))
    jurisdictions = tuple(_jurisdictions(v, top["jurisdictions"], path.parent, check_reports))
    user_corpus = path.parent / top["user_corpus"] if top.get("user_corpus") else None
    if user_corpus is not None and user_corpus.exists():
        jurisdictions += _user_corpus(user_corpus, jurisdictions, check_reports)
    scope = _scope(v, top["scope"])
    mt = v.mapping(top["matching"], "matching", {
        "gap": (int, True), "max_after": (int, True), "exclude_reach": (int, True), "after_stops": (list, False),
        "max_after_items": (int, False), "items_words": (list, False),
        "max_after_list": (int, False), "list_ends": (list, False),
    })
    for key in ("gap", "max_after", "exclude_reach"):
        v.check(0 <= mt[key] <= 50, f"matching.{key}", f"expected 0 to 50, got {mt[key]}")
    for key in ("max_after_items", "max_after_list"):
        v.check(0 <= mt.get(key, 0) <= 50, f"matching.{key}", f"expected 0 to 50, got {mt.get(key)}")
    matching = Matching(mt["gap"], mt["max_after"], mt["exclude_reach"],
                        v.words(mt.get("after_stops"), "matching.after_stops", False),
                        mt.get("max_after_items", mt["max_after"]),
                        v.words(mt.get("items_words"), "matching.items_words", False),
                        mt.get("max_after_list", mt["max_after"]),
                        v.words(mt.get("list_ends"), "matching.list_ends", False))
    chrome = _chrome(v, top.get("reading") or {}, indicators)
    template = None
    if top.get("template"):  # the disclosure template: its cells are indicators of their own category
        from .template import load_template

        where = path.parent / top["template"]
        if not where.exists() and top["template"] == BUNDLED_TEMPLATE.name:  # a config copied elsewhere alone
            where = BUNDLED_TEMPLATE
        template = load_template(where, {i.id for i in indicators})
        v.check(template.category.id not in cat_ids, "template", f"category {template.category.id!r} is also "
                "in config.yaml's categories")
        taken = {i.id for i in indicators}
        extra = template.indicators()
        for ind in extra:
            v.check(ind.id not in taken, "template", f"template cell id {ind.id!r} is also an indicator in config.yaml")
        categories += (template.category,)
        indicators += tuple(extra)
    levels = top.get("levels") or {}
    for k, val in levels.items():
        v.check(isinstance(k, str) and isinstance(val, str), f"levels.{k}", "expected text: text")
    return Config(
        path=path, jurisdictions=jurisdictions, categories=categories, indicators=indicators,
        numbers=numbers, scope=scope, matching=matching, chrome_lines=chrome, levels=dict(levels),
        themes=tuple(_themes(v, top.get("themes") or [])), keywords=_keywords(v, top.get("keywords") or {}),
        user_corpus=user_corpus, grammar=_grammar(v, top.get("grammar") or {}, {i.id for i in indicators}),
        template=template,
    )


class _Validator:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> None:
        raise ConfigError(self.path, where, problem)

    def check(self, ok: bool, where: str, problem: str) -> None:
        if not ok:
            self.fail(where, problem)

    def mapping(self, obj: Any, where: str, schema: dict[str, tuple[type, bool]]) -> dict:
        """Check ``obj`` is a mapping with only the keys of ``schema``, of the right types."""
        self.check(isinstance(obj, dict), where or "top level", f"expected a mapping, got {type(obj).__name__}")
        for key in obj:
            if key not in schema:
                allowed = ", ".join(schema)
                self.fail(_join(where, key), f"unknown key {key!r} (allowed: {allowed})")
        for key, (typ, required) in schema.items():
            here = _join(where, key)
            if key not in obj or obj[key] is None:
                self.check(not required, here, "missing required key")
                continue
            value = obj[key]
            if typ is int:
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif typ is float:
                ok = isinstance(value, int | float) and not isinstance(value, bool)
            elif typ is str:
                ok = isinstance(value, str) and value.strip() != ""
            else:
                ok = isinstance(value, typ)
            self.check(ok, here, f"expected {_TYPE_NAMES[typ]}, got {value!r}")
        return obj

    def words(self, obj: Any, where: str, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if obj is None and not required:
            return ()
        self.check(isinstance(obj, list) and (obj or not required), where, "expected a non-empty list of words")
        for i, w in enumerate(obj):
            self.check(isinstance(w, str) and w.strip() != "", f"{where}[{i}]", f"expected a word, got {w!r}")
        return tuple(obj)

    def unique_id(self, value: str, where: str, seen: set[str]) -> None:
        self.check(bool(ID_RE.match(value)), f"{where}.id",
                   f"ids are lowercase letters, digits and _, got {value!r}")
        self.check(value not in seen, f"{where}.id", f"duplicate id {value!r}")
        seen.add(value)


_TYPE_NAMES = {int: "a whole number", float: "a number", str: "text", list: "a list", dict: "a mapping"}


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def _categories(v: _Validator, items: list) -> list[Category]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        where = f"categories[{i}]"
        v.mapping(item, where, {"id": (str, True), "label_zh": (str, True), "label_en": (str, True)})
        v.unique_id(item["id"], where, seen)
        out.append(Category(**item))
    v.check(bool(out), "categories", "at least one category is needed")
    return out


_INDICATOR_KEYS = {
    "id": (str, True), "category": (str, True), "label_zh": (str, True), "label_en": (str, True),
    "unit": (str, True), "definition": (str, True), "definition_zh": (str, False), "units": (list, True),
    "cues": (list, True),
    "exclude": (list, False), "context": (list, False), "weak_cues": (list, False),
    "max": (float, False), "counts_other": (list, False), "counts_after": (list, False),
    "wildcard_not": (list, False), "cue_after_units": (list, False), "exclude_in_clause": (list, False),
}


def _indicators(v: _Validator, items: list, cat_ids: set[str], numbers: NumberWords) -> list[Indicator]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        where = f"indicators[{i}]"
        v.mapping(item, where, _INDICATOR_KEYS)
        v.unique_id(item["id"], where, seen)
        v.check(item["category"] in cat_ids, f"{where}.category",
                f"unknown category {item['category']!r} (known: {', '.join(sorted(cat_ids))})")
        units = v.words(item["units"], f"{where}.units")
        for j, unit in enumerate(units):
            _known_unit(v, unit, f"{where}.units[{j}]", numbers)
        _known_unit(v, item["unit"], f"{where}.unit", numbers)
        out.append(Indicator(
            id=item["id"], category=item["category"], label_zh=item["label_zh"],
            label_en=item["label_en"], unit=item["unit"], definition=item["definition"],
            definition_zh=item.get("definition_zh") or "", units=units,
            cues=_cues(v, item["cues"], f"{where}.cues"),
            exclude=_cues(v, item.get("exclude"), f"{where}.exclude", required=False, digits=True),
            context=_cues(v, item.get("context"), f"{where}.context", required=False, digits=True),
            weak_cues=_cues(v, item.get("weak_cues"), f"{where}.weak_cues", required=False),
            max=item.get("max"),
            counts_other=_cues(v, item.get("counts_other"), f"{where}.counts_other", required=False),
            counts_after=_cues(v, item.get("counts_after"), f"{where}.counts_after", required=False),
            wildcard_not=_cues(v, item.get("wildcard_not"), f"{where}.wildcard_not", required=False),
            cue_after_units=v.words(item.get("cue_after_units"), f"{where}.cue_after_units", required=False),
            exclude_in_clause=_cues(v, item.get("exclude_in_clause"), f"{where}.exclude_in_clause",
                                    required=False, digits=True),
        ))
    v.check(bool(out), "indicators", "at least one indicator is needed")
    return out


def _known_unit(v: _Validator, unit: str, where: str, numbers: NumberWords) -> None:
    """An indicator's unit must be one a number can carry: numbers.units, with 万/亿 left to the number."""
    multiplier = next((m for m in MULTIPLIERS if unit.startswith(m) and len(unit) > 1), None)
    v.check(multiplier is None, where,
            f"unit {unit!r}: {multiplier} belongs to the number (12.5{unit} is 125000 {unit[1:]}); "
            f"write {unit[1:]!r}")
    known = [u for words in numbers.units.values() for u in words]
    v.check(unit in known, where,
            f"unit {unit!r} is not one numbers carry, so this indicator would never match; add it to "
            f"numbers.units or use one of: {', '.join(known)}")


def _cues(v: _Validator, obj: Any, where: str, required: bool = True, digits: bool = False) -> tuple[str, ...]:
    """Cue-syntax words. A cue needs a Chinese character or a letter; an exclude or context word
    (``digits``) may be a number such as 12345. Punctuation or quotes alone match almost anywhere."""
    words = v.words(obj, where, required)
    need = "Chinese character, letter or digit" if digits else "Chinese character or letter"
    for i, w in enumerate(words):
        v.check(any(ch.isalnum() if digits else ch.isalpha() for ch in w), f"{where}[{i}]",
                f"needs at least one {need} (without one it matches almost any clause), got {w!r}")
    return words


_JURISDICTION_KEYS = {
    "id": (str, True), "name_zh": (str, False), "name_en": (str, False), "province": (str, False),
    "prefecture": (str, False), "level": (str, False), "report_year": (int, False),
    "agency": (str, False), "report": (str, True), "adcode": (str, False),
}
ADCODE_RE = re.compile(r"^\d{6}$")


def _jurisdictions(v: _Validator, items: list, root: Path, check_reports: bool) -> list[Jurisdiction]:
    """The reports listed: a jurisdiction may be listed once per report year (see ``clash``)."""
    out: list[Jurisdiction] = []
    by_id: dict[str, list[Jurisdiction]] = {}  # the reports listed so far, by id (thousands: no scan each)
    for i, item in enumerate(items):
        where = f"jurisdictions[{i}]"
        code = item.get("adcode") if isinstance(item, dict) else None
        v.check(code is None or (isinstance(code, str) and bool(ADCODE_RE.match(code))), f"{where}.adcode",
                f"expected 6 digits in quotes (\"430422\"), got {code!r}")
        v.mapping(item, where, _JURISDICTION_KEYS)
        v.check(bool(ID_RE.match(item["id"])), f"{where}.id",
                f"ids are lowercase letters, digits and _, got {item['id']!r}")
        _no_clash(v, item["id"], item.get("report_year"), by_id.get(item["id"], ()), f"{where}.id", "")
        if check_reports:
            v.check((root / item["report"]).is_file(), f"{where}.report",
                    f"report file not found: {item['report']}")
        out.append(Jurisdiction(**item))
        by_id.setdefault(item["id"], []).append(out[-1])
    return out


def _numbers(v: _Validator, obj: dict) -> NumberWords:
    v.mapping(obj, "numbers", {
        "units": (dict, True), "qualifiers": (dict, True), "change_words": (list, True),
        "level_words": (list, True), "name_after": (list, True),
    })
    units = {}
    for kind, words in obj["units"].items():
        units[str(kind)] = v.words(words, f"numbers.units.{kind}")
    v.check("percent" in units and "count" in units, "numbers.units", "needs at least `percent` and `count`")
    qualifiers: dict[str, dict[str, tuple[str, ...]]] = {}
    for q, sides in obj["qualifiers"].items():
        where = f"numbers.qualifiers.{q}"
        v.check(q in QUALIFIERS, where, f"unknown qualifier {q!r} (allowed: {', '.join(QUALIFIERS)})")
        v.mapping(sides, where, dict.fromkeys(_QUALIFIER_PLACES, (list, False)))
        qualifiers[q] = {
            side: v.words(sides.get(side), f"{where}.{side}", required=False) for side in _QUALIFIER_PLACES
        }
    return NumberWords(
        units=units, qualifiers=qualifiers,
        change_words=v.words(obj["change_words"], "numbers.change_words"),
        level_words=v.words(obj["level_words"], "numbers.level_words"),
        name_after=v.words(obj["name_after"], "numbers.name_after"),
    )


def _no_clash(v: _Validator, jid: str, year: int | None, listed: list[Jurisdiction] | tuple[Jurisdiction, ...],
              where: str, elsewhere: str) -> None:
    """Refuse a second report of ``jid`` for the same year, or one where a year is missing (``clash``)."""
    other = clash(jid, year, listed)
    if other is None:
        return
    if year is not None and other.report_year == year:
        v.fail(where, f"duplicate id {jid!r} for report year {year}{elsewhere}; a jurisdiction has one report "
                      f"a year")
    v.fail(where, f"duplicate id {jid!r}{elsewhere}: several reports of one jurisdiction each need their "
                  f"report_year")


def _user_corpus(path: Path, taken: tuple[Jurisdiction, ...], check_reports: bool) -> tuple[Jurisdiction, ...]:
    """Jurisdictions researchers added, from their own file (validated like config.yaml's)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_UniqueKeyLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(str(path), "", f"cannot read the user corpus ({e})") from None
    v = _Validator(str(path))
    top = v.mapping(data or {"jurisdictions": []}, "", {"jurisdictions": (list, True)})
    added = _jurisdictions(v, top["jurisdictions"], path.parent, check_reports)
    by_id: dict[str, list[Jurisdiction]] = {}
    for j in taken:
        by_id.setdefault(j.id, []).append(j)
    for i, j in enumerate(added):
        _no_clash(v, j.id, j.report_year, by_id.get(j.id, ()), f"jurisdictions[{i}].id",
                  " (already used in config.yaml)")
    return tuple(added)


def _themes(v: _Validator, items: list) -> list[Theme]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        where = f"themes[{i}]"
        v.mapping(item, where, {"id": (str, True), "label_zh": (str, True), "label_en": (str, True),
                                "terms": (list, True)})
        v.unique_id(item["id"], where, seen)
        out.append(Theme(item["id"], item["label_zh"], item["label_en"], v.words(item["terms"], f"{where}.terms")))
    return out


def _keywords(v: _Validator, obj: dict) -> Keywords:
    v.mapping(obj, "keywords", {"pos": (list, False), "min_length": (int, False), "stopwords": (list, False)})
    return Keywords(v.words(obj.get("pos"), "keywords.pos", False), obj.get("min_length") or 2,
                    v.words(obj.get("stopwords"), "keywords.stopwords", False))


def _grammar(v: _Validator, obj: dict, indicator_ids: set[str]) -> GrammarWords:
    lists = ("respectively", "all_of", "list_joiners", "target", "target_owners", "plan_headings", "review_headings",
             "multi_year", "share", "yearly", "bare_verbs", "time_words", "total_words", "share_parts",
             "each", "bodies", "programmes", "containers", "container_units", "increments",
             "duration_cuts", "range_words")
    v.mapping(obj, "grammar", {**dict.fromkeys(lists, (list, False)), "complement": (dict, False),
                               "subset": (dict, False)})
    comp = v.mapping(obj.get("complement") or {}, "grammar.complement",
                     {"indicators": (list, False), "before": (list, False)})
    inds = v.words(comp.get("indicators"), "grammar.complement.indicators", False)
    sub = v.mapping(obj.get("subset") or {}, "grammar.subset",
                    {"indicators": (list, False), "verbs": (list, False), "unless": (list, False)})
    sub_inds = v.words(sub.get("indicators"), "grammar.subset.indicators", False)
    for where, ids in (("grammar.complement.indicators", inds), ("grammar.subset.indicators", sub_inds),
                       ("grammar.share_parts", v.words(obj.get("share_parts"), "grammar.share_parts", False)),
                       ("grammar.yearly", v.words(obj.get("yearly"), "grammar.yearly", False)),
                       ("grammar.programmes", v.words(obj.get("programmes"), "grammar.programmes", False))):
        for i in ids:
            v.check(i in indicator_ids, where, f"unknown indicator {i!r}")
    return GrammarWords(**{k: v.words(obj.get(k), f"grammar.{k}", False) for k in lists},
                        complement_indicators=inds,
                        complement_before=v.words(comp.get("before"), "grammar.complement.before", False),
                        subset_indicators=sub_inds,
                        subset_verbs=v.words(sub.get("verbs"), "grammar.subset.verbs", False),
                        subset_unless=v.words(sub.get("unless"), "grammar.subset.unless", False))


def _chrome(v: _Validator, obj: dict, indicators: tuple[Indicator, ...]) -> ChromeLines:
    """The page-chrome rules: patterns anchored at the line start, a length bound, a warning share."""
    reading = v.mapping(obj, "reading", {"chrome_lines": (list, False), "chrome_max_chars": (int, False),
                                         "chrome_warn_share": (float, False)})
    patterns = []
    for i, pat in enumerate(reading.get("chrome_lines") or []):
        where = f"reading.chrome_lines[{i}]"
        v.check(isinstance(pat, str), where, f"expected a regular expression, got {pat!r}")
        try:
            patterns.append(re.compile(pat))
        except re.error as e:
            v.fail(where, f"not a valid regular expression ({e}): {pat!r}")
        v.check(pat.startswith("^"), where,
                f"a chrome pattern must start with ^ (match from the start of a line), got {pat!r}")
        v.check(not nested_quantifier(pat), where,
                f"nested quantifiers (a repeated group that itself holds a repetition, like (a+)+) can take "
                f"minutes on one line: {pat!r}; rewrite it without the outer repetition")
    max_chars = reading.get("chrome_max_chars", ChromeLines.max_chars)
    v.check(1 <= max_chars <= 500, "reading.chrome_max_chars", f"expected 1 to 500, got {max_chars}")
    share = reading.get("chrome_warn_share", ChromeLines.warn_share)
    v.check(0 <= share <= 1, "reading.chrome_warn_share", f"expected a share from 0 to 1, got {share}")
    units = {u for ind in indicators for u in ind.units}
    return ChromeLines(tuple(patterns), max_chars, figure_pattern(units), float(share))


def nested_quantifier(pattern: str) -> bool:
    """Whether ``pattern`` repeats a group that itself holds a variable repetition: (a+)+, (\\s*x)*.

    Such a pattern can backtrack exponentially on a line it does not match. A fixed count inside
    ((ab)+, (\\d{4}-)+) or an optional group around it ((x+)?) is fine.

    >>> nested_quantifier(r"^(\\s*\\d+)*来源"), nested_quantifier(r"^\\s*(打印|关闭)")
    (True, False)
    """
    import re._constants as sre  # the standard library's own regex parser: exact, not a guess
    import re._parser as sre_parse

    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT)

    def subpatterns(av: Any):
        if isinstance(av, sre_parse.SubPattern):
            yield av
        elif isinstance(av, tuple | list):
            for x in av:
                yield from subpatterns(x)

    def walk(items: Any, repeated: bool) -> bool:
        for op, av in items:
            if op in repeats:
                lo, hi, body = av
                if repeated and lo != hi:
                    return True
                if walk(body, repeated or hi > 1):
                    return True
            elif any(walk(sub, repeated) for sub in subpatterns(av)):
                return True
        return False

    return walk(sre_parse.parse(pattern), False)


def _scope(v: _Validator, obj: dict) -> ScopeWords:
    keys = ("whole", "own_level", "period", "pilot", "website", "parts", "breakdown")
    v.mapping(obj, "scope", {**dict.fromkeys(keys, (list, True)), "higher": (list, False)})
    return ScopeWords(**{k: v.words(obj[k], f"scope.{k}") for k in keys},
                      higher=v.words(obj.get("higher"), "scope.higher", False))
