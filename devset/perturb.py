"""``python -m devset.perturb [--set tune] [--kinds wrap38 oneline …]``: how the extractor holds up
when the development corpus's texts come the way PDF text and flattened web pages come.

Each kind rewrites every text of one half (the tune half by default: the check half is for
``--summary`` figures only) — hard-wrapped at a width, spaces around every number, line breaks
removed, simplified → traditional script, ASCII ↔ full-width punctuation, corner quotes, every
third line letter-spaced — extracts the rewritten texts and scores them against the same keys.
Prints one row per kind beside the texts as they are. The keys' evidence phrases hold no
whitespace, so a rewrite that only moves spaces and line breaks is scored as the original is.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from .corpus import KEYS, SPLIT, TEXTS

_NUMBER = re.compile(r"(?<![\d.,])(\d[\d.,]*\d|\d)(?![\d.,])")
_ASCII_COMMA = re.compile(r"(?<=[\u4e00-\u9fff%）)”])[,](?=[\u4e00-\u9fff“（(])")


def wrapped(width: int) -> Callable[[str], str]:
    """Every line cut into lines of at most ``width`` characters (a PDF's or a hand-wrapped text's)."""
    def wrap(text: str) -> str:
        out = []
        for line in text.split("\n"):
            while len(line) > width:
                out.append(line[:width])
                line = line[width:]
            out.append(line)
        return "\n".join(out)
    return wrap


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _punctuation(text: str) -> str:
    """ASCII commas between Chinese words made full-width; a text with none gets the reverse."""
    changed = _ASCII_COMMA.sub("，", text)
    return changed if changed != text else text.replace("，", ",").replace("：", ":").replace("；", ";")


KINDS: dict[str, Callable[[str], str]] = {
    "wrap25": wrapped(25),
    "wrap38": wrapped(38),
    "wrap60": wrapped(60),
    "spaces": lambda t: _NUMBER.sub(r" \1 ", t),
    "oneline": lambda t: t.replace("\n", " "),
    "traditional": _traditional,
    "punctuation": _punctuation,
    "corner_quotes": lambda t: t.translate(str.maketrans("“”‘’", "「」『』")),
    "letter_spaced": lambda t: "\n".join(" ".join(line) if i % 3 == 0 else line
                                         for i, line in enumerate(t.split("\n"))),
}


def _score(texts: Path, out: Path, half: str) -> dict:
    """Extract ``texts`` into ``out`` and score them against the keys of ``half``."""
    files = sorted(str(p) for p in texts.glob("*.txt"))
    subprocess.run([sys.executable, "-m", "extract", *files, "--out", str(out), "--replace", "--no-cache"],
                   check=True, capture_output=True)
    scored = subprocess.run([sys.executable, "-m", "extract.evaluate", str(KEYS), str(out), "--split", str(SPLIT),
                             "--set", half, "--summary", "--json"], check=True, capture_output=True, text=True)
    return json.loads(scored.stdout)[half]["all"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="half", default="tune", choices=("tune", "check"))
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    args = ap.parse_args(argv)
    ids = yaml.safe_load(SPLIT.read_text("utf-8"))[args.half]
    sources = [TEXTS / f"{i}.txt" for i in ids if (TEXTS / f"{i}.txt").exists()]
    if not sources:
        print("dev/corpus/ holds none of these texts: re-create it (devset/README.md)", file=sys.stderr)
        return 1
    print(f"{args.half} half, {len(sources)} texts\n")
    print("| texts | F1 | precision | recall | headlines | traps |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ["as they are", *args.kinds]:
            folder = Path(tmp) / kind.replace(" ", "_")
            (folder / "in").mkdir(parents=True)
            for src in sources:
                text = src.read_text("utf-8")
                (folder / "in" / src.name).write_text(text if kind == "as they are" else KINDS[kind](text), "utf-8")
            s = _score(folder / "in", folder / "out", args.half)
            print(f"| {kind} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | "
                  f"{s['headline_ok']}/{s['headline_total']} | {s['traps']} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
