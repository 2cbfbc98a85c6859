"""Report files named on the command line, and the ids their names give.

Folders are read recursively (hidden folders and the output folder skipped); a symbolic link
to a folder already read is skipped with a warning, so a loop cannot hang a run. A file
that cannot be reached (a link to itself, a missing file) is still returned: the reader lists
it as a bad report with the reason. File names are bytes on Linux and may not be UTF-8: they
are kept as Python gives them (undecodable bytes as surrogates), shown with ``shown``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import ID_RE
from .readers import SUFFIXES

MAX_ID = 64  # characters of a jurisdiction id made from a file name (texts/<id>.txt stays a short name)


def stem_id(stem: str, digest: str) -> str:
    """A jurisdiction id from a file stem: lowercase Latin letters, digits and _.

    ``digest`` (a hex hash) names a stem with nothing Latin to keep, or one that starts with a digit.

    >>> stem_id("Hengnan 2021", "ab" * 32)
    'hengnan_2021'
    >>> stem_id("衡南县", "abcdef12" + "0" * 56)
    'report_abcdef12'
    >>> stem_id('a"b\\nc', "0" * 64)
    'a_b_c'
    """
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")[:MAX_ID].rstrip("_")
    jid = slug if slug and slug[0].isalpha() else f"report_{digest[:8]}"
    if not ID_RE.match(jid):  # cannot happen with the rule above; checked so that no id escapes ID_RE
        raise ValueError(f"{jid!r} is not a valid jurisdiction id")
    return jid


def report_name(jid: str, year: int | str | None) -> str:
    """The name of one report of a jurisdiction that has reports for several years: ``<id>.<year>``.

    A report is a jurisdiction × year. Where a jurisdiction has several, this names each one in a
    file name (``corpus/hengnan.2022.txt``, ``texts/hengnan.2022.txt``) and in the dashboard's address
    when all years are shown; an id never holds a dot, so the name cannot be mistaken for another
    jurisdiction's id. Without a year it is the id alone.

    >>> report_name("hengnan", 2022), report_name("hengnan", "2022"), report_name("hengnan", None)
    ('hengnan.2022', 'hengnan.2022', 'hengnan')
    """
    return f"{jid}.{year}" if year not in (None, "") else jid


def name_id(path: Path) -> str:
    """The id a report file's name gives (``report_<hash of the name>`` where nothing Latin is left)."""
    return stem_id(path.stem, name_hash(path.name))


def name_hash(name: str) -> str:
    """sha256 of a name's bytes as the file system holds them (undecodable bytes included)."""
    return hashlib.sha256(os.fsencode(name)).hexdigest()


def other_id(jid: str, path: Path) -> str:
    """A second id for a report whose name gives an id already in use: ``<id>_<hash of its path>``.

    >>> other_id("hengnan", Path("/reports/2022/hengnan.txt"))
    'hengnan_7ac3462a'
    """
    return f"{jid[:MAX_ID - 10]}_{name_hash(os.path.abspath(path))[:8]}"


def shown(path: str | Path) -> str:
    """A path as text that can be printed and written to a CSV: undecodable bytes as \\xNN.

    >>> shown(os.fsdecode(b"bad\\xffname.txt"))
    'bad\\\\xffname.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def same_file(path: Path) -> str:
    """A key that is the same for every way of naming one file (links resolved; never raises)."""
    return os.path.realpath(path)


def find_reports(paths: Iterable[Path], skip: Iterable[Path] = (),
                 warn: Callable[[str], None] = lambda message: None) -> list[Path]:
    """The report files ``paths`` name: files as given, folders read recursively, each file once.

    ``skip`` are folders never read (the output folder: its texts/ are no reports). ``warn``
    receives one line for a folder that cannot be read or a link to a folder already read.
    """
    skipped = {same_file(p) for p in skip}
    found: list[Path] = []
    seen: set[str] = set()
    visited: set[tuple[int, int]] = set()

    def keep(path: Path) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        if os.path.isdir(path):
            _walk(path, visited, skipped, keep, warn)
        else:
            keep(path)  # a file, or something the reader will say cannot be read
    return found


def _walk(folder: Path, visited: set[tuple[int, int]], skipped: set[str], keep: Callable[[Path], None],
          warn: Callable[[str], None]) -> None:
    try:
        st = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        warn(f"{shown(folder)}: cannot read this folder ({e.strerror}); skipped")
        return
    if (st.st_dev, st.st_ino) in visited:
        warn(f"{shown(folder)}: a link to a folder already read (a loop, or a second way in); skipped")
        return
    visited.add((st.st_dev, st.st_ino))
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.name.startswith(".") and same_file(path) not in skipped:
                _walk(path, visited, skipped, keep, warn)
        elif path.suffix.lower() in SUFFIXES:
            keep(path)  # a file, or a link that leads nowhere: the reader says which
