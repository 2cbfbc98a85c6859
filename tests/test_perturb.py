"""The rewrites of ``python -m devset.perturb``: one row per kind, input -> rewritten text."""

from __future__ import annotations

import pytest

from devset import perturb

REWRITES = [
    pytest.param("wrap25", "一" * 30, "一" * 25 + "\n" + "一" * 5, id="wrap-cuts-a-long-line"),
    pytest.param("wrap38", "短行。\n另一行。", "短行。\n另一行。", id="wrap-keeps-short-lines"),
    pytest.param("spaces", "受理诉求1,200件,满意率98.5%", "受理诉求 1,200 件,满意率 98.5 %",
                 id="spaces-around-numbers"),
    pytest.param("oneline", "一、成效\n网办率99%。", "一、成效 网办率99%。", id="line-breaks-become-spaces"),
    pytest.param("traditional", "网上可办率达98%", "網上可辦率達98%", id="traditional-script"),
    pytest.param("punctuation", "办件1200件,满意率99%", "办件1200件，满意率99%", id="ascii-comma-made-full-width"),
    pytest.param("punctuation", "办件1200件，满意率99%", "办件1200件,满意率99%", id="full-width-comma-made-ascii"),
    pytest.param("corner_quotes", "“一件事”‘一次办’", "「一件事」『一次办』", id="corner-quotes"),
    pytest.param("letter_spaced", "网办率99%\n第二行\n第三行\n第四行", "网 办 率 9 9 %\n第二行\n第三行\n第 四 行",
                 id="every-third-line-letter-spaced"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), REWRITES)
def test_rewrites(kind: str, text: str, expected: str) -> None:
    assert perturb.KINDS[kind](text) == expected


def test_no_texts_is_said(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(perturb, "TEXTS", tmp_path)
    assert perturb.main(["--kinds", "wrap38"]) == 1
    assert "re-create it" in capsys.readouterr().err
