"""config.yaml: the real file is complete, and every kind of mistake gets one clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from extract import ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent
# the rows of the taxonomy table in the spec: | id | category | ...
SPEC = (ROOT / "tests" / "spec_indicators.md").read_text("utf-8")
SPEC_IDS = re.findall(r"^\| ([a-z_]+) \| ([a-z_]+) \|", SPEC, re.MULTILINE)


def test_real_config_has_every_spec_indicator(config) -> None:
    ids = {i.id: i.category for i in config.indicators}
    rows = [(i, c) for i, c in SPEC_IDS if i != "id"]
    assert len(rows) == 22
    for ind, category in rows:
        assert ids.get(ind) == category, ind


def test_real_config_lists_the_five_reports(config) -> None:
    assert [j.id for j in config.jurisdictions] == ["xuwen", "guangzhou", "xianning", "xingguo", "wushen"]
    for j in config.jurisdictions:
        assert (config.root / j.report).is_file()


def test_every_cue_finds_something_in_a_sentence_of_its_own(config, extractor) -> None:
    """A cue that cannot match a plain sentence built from it is a typo."""
    for ind in (i for i in config.indicators if i.cues):  # the template's cells are read from tables only
        unit = ind.units[0]
        value = "12.5%" if unit == "%" else f"7{unit}"  # 7: within every range (a score is out of 10)
        for cue in ind.cues:
            context = ind.context[0] if ind.context else ""
            text = f"{context},{cue.replace('…', '').replace('＊', '渝')}{value}。"  # ＊: any character
            _, _, figures = extractor.extract_text(text)
            assert [f.indicator for f in figures] == [ind.id], (ind.id, cue, text)


def _broken(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    for j in data["jurisdictions"]:
        j["report"] = str(ROOT / j["report"])
    edit(data)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def _set(path: list, value):
    def edit(data):
        obj = data
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value
    return edit


BROKEN = [
    pytest.param(_set(["indicators", 0, "cuez"], ["x"]), "indicators[0].cuez", "unknown key", id="unknown-key"),
    pytest.param(_set(["indicators", 2, "category"], "nonsense"), "indicators[2].category", "unknown category",
                 id="bad-category"),
    pytest.param(lambda d: d["indicators"].append(dict(d["indicators"][0])), "indicators[22].id", "duplicate id",
                 id="duplicate-indicator"),
    pytest.param(_set(["jurisdictions", 1, "report"], "seeds/missing.txt"), "jurisdictions[1].report",
                 "report file not found", id="missing-report"),
    pytest.param(_set(["jurisdictions", 0, "report_year"], "twenty"), "jurisdictions[0].report_year",
                 "whole number", id="bad-year"),
    pytest.param(_set(["indicators", 5, "cues"], []), "indicators[5].cues", "non-empty list", id="no-cues"),
    pytest.param(_set(["indicators", 0, "max"], "ten"), "indicators[0].max", "expected", id="max-not-a-number"),
    pytest.param(_set(["grammar", "subset", "indicators"], ["nope"]), "grammar.subset.indicators", "unknown indicator",
                 id="subset-unknown-indicator"),
    pytest.param(_set(["numbers", "qualifiers", "roughly"], {"before": ["约"]}), "numbers.qualifiers.roughly",
                 "unknown qualifier", id="bad-qualifier"),
    pytest.param(_set(["reading", "chrome_lines"], ["(unclosed"]), "reading.chrome_lines[0]",
                 "regular expression", id="bad-regex"),
    pytest.param(lambda d: d.pop("indicators"), "indicators", "missing required key", id="no-indicators"),
    pytest.param(_set(["reading", "chrome_lines"], ["^当前位置", "来源[:：]"]), "reading.chrome_lines[1]",
                 "start with ^", id="chrome-not-anchored"),
    pytest.param(_set(["reading", "chrome_max_chars"], 0), "reading.chrome_max_chars", "expected 1 to 500",
                 id="chrome-length-zero"),
    pytest.param(_set(["reading", "chrome_warn_share"], 1.5), "reading.chrome_warn_share",
                 "expected a share from 0 to 1", id="chrome-share-over-one"),
]


# Values the schema accepts but that would silently give wrong results: an indicator unit that no
# number carries (the indicator never matches), a cue of punctuation alone (it matches everywhere).
SILENTLY_WRONG = [
    pytest.param(_set(["indicators", 0, "units"], ["项", "趟"]), "indicators[0].units[1]",
                 "unit '趟' is not one numbers carry", id="unknown-unit"),
    pytest.param(_set(["indicators", 0, "unit"], "宗数"), "indicators[0].unit", "unit '宗数' is not one numbers carry",
                 id="unknown-display-unit"),
    pytest.param(_set(["indicators", 0, "units"], ["万项"]), "indicators[0].units[0]",
                 "万 belongs to the number", id="multiplier-in-unit"),
    pytest.param(_set(["indicators", 3, "cues"], ["网办率", "，"]), "indicators[3].cues[1]",
                 "Chinese character or letter", id="punctuation-cue"),
    pytest.param(_set(["indicators", 3, "cues"], ["“”"]), "indicators[3].cues[0]",
                 "Chinese character or letter", id="quotes-only-cue"),
    pytest.param(_set(["indicators", 3, "cues"], ["……"]), "indicators[3].cues[0]",
                 "Chinese character or letter", id="ellipsis-cue"),
    pytest.param(_set(["indicators", 3, "cues"], ["12345"]), "indicators[3].cues[0]",
                 "Chinese character or letter", id="digits-cue"),
    pytest.param(_set(["indicators", 3, "exclude"], ["招投标", "、"]), "indicators[3].exclude[1]",
                 "Chinese character, letter or digit", id="punctuation-exclude"),
    pytest.param(_set(["indicators", 3, "context"], ["%"]), "indicators[3].context[0]",
                 "Chinese character, letter or digit", id="punctuation-context"),
]


@pytest.mark.parametrize(("edit", "where", "problem"), SILENTLY_WRONG)
def test_values_that_would_give_wrong_figures_are_refused(tmp_path: Path, edit, where: str, problem: str) -> None:
    path = _broken(tmp_path, edit)
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert (e.value.where, problem in e.value.problem) == (where, True), e.value.problem
    message = str(e.value)
    assert message.startswith(f"{path}: {where}: ") and "\n" not in message


@pytest.mark.parametrize("value", ["一网通办", "“一网通办”率", "APP", "发布…信息", "12345热线"])
def test_ordinary_cues_are_accepted(tmp_path: Path, value: str) -> None:
    config = load_config(_broken(tmp_path, _set(["indicators", 3, "cues"], [value])))
    assert config.indicators[3].cues == (value,)


def test_a_context_word_may_be_a_number(tmp_path: Path) -> None:
    config = load_config(_broken(tmp_path, _set(["indicators", 3, "context"], ["12345"])))
    assert config.indicators[3].context == ("12345",)


@pytest.mark.parametrize(("edit", "where", "problem"), BROKEN)
def test_broken_config_names_the_place(tmp_path: Path, edit, where: str, problem: str) -> None:
    with pytest.raises(ConfigError) as e:
        load_config(_broken(tmp_path, edit))
    assert e.value.where == where
    assert problem in e.value.problem
    assert str(tmp_path / "config.yaml") in str(e.value)


@pytest.mark.parametrize(("text", "problem"), [
    pytest.param("version: 1\nversion: 2\n", "duplicate key 'version'", id="duplicate-key"),
    pytest.param("version: [1\n", "not valid YAML", id="yaml-syntax"),
    pytest.param("- a list\n", "expected a mapping", id="not-a-mapping"),
    pytest.param("!!python/object/apply:os.system ['echo hi']\n", "not valid YAML", id="unsafe-tag"),
])
def test_malformed_yaml(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=re.escape(problem)):
        load_config(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


REGEXES = [  # (chrome pattern, refused?): a repeated group that itself repeats can backtrack for minutes
    pytest.param(r"^(a+)+$", True, id="plus-in-plus"),
    pytest.param(r"^(\s*\d+)*来源", True, id="star-in-star"),
    pytest.param(r"^(.*)*x", True, id="dot-star-in-star"),
    pytest.param(r"^(\w+\s?)+$", True, id="word-run-in-plus"),
    pytest.param(r"^(\d{1,3},?)+$", True, id="bounded-range-in-plus"),
    pytest.param(r"^(?:(?:ab)+c)+$", True, id="non-capturing"),
    pytest.param(r"^(x|(y+))+$", True, id="inside-an-alternative"),
    pytest.param(r"^\s*当前位置", False, id="plain"),
    pytest.param(r"^(ab)+$", False, id="fixed-group-repeated"),
    pytest.param(r"^(\d{4}-)+$", False, id="fixed-count-inside"),
    pytest.param(r"^\s*(\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?\s+)?来源[:：]", False, id="optional-groups"),
    pytest.param(r"^\s*(打印|关闭|分享到|返回顶部)", False, id="alternatives"),
]


@pytest.mark.parametrize(("pattern", "refused"), REGEXES)
def test_chrome_regexes_with_nested_quantifiers_are_refused(tmp_path: Path, pattern: str, refused: bool) -> None:
    path = _broken(tmp_path, _set(["reading", "chrome_lines"], ["^\\s*相关新闻", pattern]))
    if not refused:
        assert pattern in [p.pattern for p in load_config(path).chrome_lines.patterns]
        return
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert e.value.where == "reading.chrome_lines[1]"
    assert "nested quantifiers" in e.value.problem and repr(pattern) in e.value.problem
    assert str(path) in str(e.value) and "\n" not in str(e.value)
