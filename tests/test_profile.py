"""The profile page: every figure's link reaches its highlighted span, the selected one stands
out, and a report that failed to read shows its message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.text_views import highlighted
from tests.many_reports import many_reports
from tests.many_reports import run_page as run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return many_reports(tmp_path_factory.mktemp("many"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_profile_of_a_failed_report_shows_its_message(many: Path, monkeypatch, lang: str) -> None:
    monkeypatch.setattr("dashboard.data.DATA", many)
    at = run("profile", jur="zz_empty", lang=lang)
    assert not at.exception, at.exception
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "the file is empty" in shown


def _ids(html: str) -> list[str]:
    return re.findall(r'<span class="fig-anchor" id="([^"]+)"', html)


def test_overlapping_figures_each_keep_their_anchor() -> None:
    text = "承诺时限压缩比例由去年的48%,提升至超70%。"
    headline, secondary = (0, len(text) - 1), (8, 15)  # the headline sentence holds the secondary one
    out = highlighted(text, [(*headline, "fig-a", "headline"), (*secondary, "fig-b", "48%")])
    assert _ids(out) == ["fig-a", "fig-b"]
    assert out.count("<mark") == 3  # before, both, after
    assert re.search(r'<mark class="fig f-fig-a f-fig-b both"[^>]*>由去年的48%</mark>', out), out
    plain = re.sub(r"<[^>]+>", "", out)
    assert plain == text  # nothing lost, nothing doubled


def test_partly_overlapping_figures_are_cut_at_every_boundary() -> None:
    text = "0123456789"
    out = highlighted(text, [(2, 6, "fig-a", "a"), (4, 8, "fig-b", "b")])
    assert _ids(out) == ["fig-a", "fig-b"]
    pieces = re.findall(r'<mark class="([^"]+)"[^>]*>([^<]*)</mark>', out)
    assert pieces == [("fig f-fig-a", "23"), ("fig f-fig-a f-fig-b both", "45"), ("fig f-fig-b", "67")]


def test_the_selected_figure_is_marked_apart() -> None:
    out = highlighted("ab12cd34", [(2, 4, "fig-a", "a"), (6, 8, "fig-b", "b")], selected="fig-b")
    pieces = re.findall(r'<mark class="([^"]+)"', out)
    assert pieces == ["fig f-fig-a", "fig f-fig-b sel"]


def test_every_link_of_the_profile_reaches_a_span_in_the_text() -> None:
    at = run("profile", jur="guangzhou")
    assert not at.exception
    bodies = [h.proto.body for h in at.get("html")]
    links = {a for b in bodies for a in re.findall(r'href="#([^"]+)"', b)}
    text = next(b for b in bodies if "fig-anchor" in b)
    assert len(links) == 15  # every figure of Guangzhou's report
    assert links <= set(_ids(text)), links - set(_ids(text))


def test_the_figure_in_the_address_is_selected_and_shown() -> None:
    at = run("profile", jur="guangzhou", fig="materials_reduction-1072-1079", lang="en")
    assert not at.exception
    bodies = [h.proto.body for h in at.get("html")]
    text = next(b for b in bodies if "fig-anchor" in b)
    assert re.findall(r'<mark class="[^"]*\bsel\b[^"]*"[^>]*>([^<]*)</mark>', text) == ["材料少报66%"]
    assert any("Selected figure" in b and "越秀区试点" in b for b in bodies)
    assert at.query_params["fig"] in (["materials_reduction-1072-1079"], "materials_reduction-1072-1079")


def test_an_unknown_figure_in_the_address_is_ignored() -> None:
    at = run("profile", jur="guangzhou", fig="<b>nonsense")
    assert not at.exception
    text = next(h.proto.body for h in at.get("html") if "fig-anchor" in h.proto.body)
    assert " sel" not in text and "nonsense" not in text
