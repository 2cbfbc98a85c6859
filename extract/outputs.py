"""Outputs as one set: written into a folder beside --out, then swapped in whole.

A run writes every file of the set (the CSVs, Parquet copies, texts/ and manifest.json) into
``.data.new-<pid>-<token>/`` beside ``data/``, then exchanges the two folders in one step
(Linux ``renameat2(RENAME_EXCHANGE)``) and deletes the old one. A reader sees the old set or
the new one, never a mix; a run killed at any point leaves the previous set as it was (the
next run clears what it left beside --out). Where the exchange is not available the folders
are renamed one after the other (a run killed in between is undone by the next one); where
--out cannot be renamed at all (a mount point), files are replaced one by one, the manifest
last, and readers check each file against it.

Files --out holds that a run does not write (notes of your own) are carried over into each
new set. Callers hold ``locks.held(out)`` around ``recover`` and ``Staging``.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import manifest
from .errors import ExtractError
from .manifest import MANIFEST, Corpus

TABLES = ("indicators", "mentions", "reports", "errors")
# a run's own files (and .partial/, left by older versions); anything else in --out is carried over
WRITTEN = {*(f"{t}.csv" for t in TABLES), *(f"{t}.parquet" for t in TABLES), "texts", MANIFEST, ".partial"}


class OutputError(ExtractError):
    """--out cannot be written: says which folder, why, and that the previous set is unchanged."""


def _prefix(out: Path, kind: str) -> str:
    return f".{out.name}.{kind}-"


def _absolute(out: Path) -> Path:
    return Path(os.path.realpath(out))  # a link to the folder: the set goes where it points


def check_writable(out: Path, keep_out: tuple[Path, ...] = ()) -> None:
    """Raise ``OutputError`` when --out, or the folder beside it (for the new set and the lock),
    cannot be written, or when --out holds one of ``keep_out`` (the project itself: a set is
    swapped in whole, so --out must be a folder of its own)."""
    out = _absolute(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out}: is a file, not a folder; give a folder with --out")
    if out == out.parent or any(_absolute(p).is_relative_to(out) for p in (Path.cwd(), *keep_out)):
        raise OutputError(f"--out {out}: holds this project or the current folder; the outputs need a folder "
                          f"of their own, e.g. --out data")
    if not out.parent.is_dir():
        raise OutputError(f"--out {out}: the folder {out.parent} does not exist; create it first")
    for where in (out.parent, out) if out.exists() else (out.parent,):
        if not os.access(where, os.W_OK | os.X_OK):
            reason = "read-only" if _read_only_fs(where) else "not writable by this user"
            raise OutputError(f"--out {out}: {where} is {reason}; give another folder with --out")


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def recover(out: Path) -> None:
    """Clear what killed runs left beside ``out``; put the previous set back where it was moved away."""
    out = _absolute(out)
    parent = out.parent
    try:
        leftovers = sorted(p for p in parent.iterdir()
                           if p.name.startswith((_prefix(out, "new"), _prefix(out, "old"))) and p.is_dir())
    except OSError:
        return
    old = [p for p in leftovers if p.name.startswith(_prefix(out, "old"))]
    if not os.path.lexists(out) and old:
        newest = max(old, key=lambda p: p.stat().st_mtime)
        os.rename(newest, out)  # killed between the two renames of the fallback: the previous set returns
        leftovers.remove(newest)
    for p in leftovers:
        shutil.rmtree(p, ignore_errors=True)


@dataclass
class Staging:
    """The folder a new set is written into; ``commit`` swaps it in, leaving it discards it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp, Staging(Path(tmp) / "out") as stage:
    ...     _ = (stage.path / "reports.csv").write_text("jurisdiction\\n", "utf-8")
    ...     stage.commit(Corpus(), [], {"reports.csv": 0})
    ...     sorted(p.name for p in (Path(tmp) / "out").iterdir())
    ['manifest.json', 'reports.csv']
    """

    out: Path
    path: Path | None = None
    committed: bool = False

    def __enter__(self) -> Staging:
        check_writable(self.out)
        self.out = _absolute(self.out)
        self.path = self.out.parent / f"{_prefix(self.out, 'new')}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            self.path.mkdir()
        except OSError as e:
            raise OutputError(f"--out {self.out}: cannot create a folder beside it ({e.strerror}); "
                              f"give another folder with --out") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed and self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)

    def commit(self, corpus: Corpus, reports: list[str], rows: dict[str, int],
               years: list[int | None] | None = None) -> None:
        """Write the manifest (``rows``: row count of each table file; ``years``: each report's year) and
        swap the set in."""
        if self.path is None:
            raise RuntimeError("Staging.commit outside its with-block")
        previous = _previous_files(self.out)
        _carry_over(self.out, self.path)
        files = describe(self.path, rows)
        _write(self.path / MANIFEST, manifest.dumps(corpus, reports, files, years))
        _fsync_dir(self.path)
        old = swap(self.path, self.out, previous)
        self.committed = True
        _fsync_dir(self.out.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def describe(folder: Path, rows: dict[str, int]) -> dict[str, dict]:
    """Every file in ``folder`` with its sha256 (and its row count where ``rows`` has one)."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name == MANIFEST:
            continue
        facts: dict = {"sha256": sha256_file(path)}
        if name in rows:
            facts["rows"] = rows[name]
        if name in rows or "/" not in name:
            _fsync_file(path)  # the tables; texts/ are as many as the reports, and cheap to redo
        files[name] = facts
    return files


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def swap(new: Path, out: Path, previous: dict[str, dict] | None = None) -> Path | None:
    """Put the folder ``new`` in place of ``out``; return where the old set now is (to delete), or None."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return None
    if _exchange(new, out):
        return new
    old = out.parent / f"{_prefix(out, 'old')}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        _rename_dir(out, old)
    except OSError as e:
        if e.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
            raise
        _replace_files(new, out, previous or {})  # a mount point: file by file, the manifest last
        return new
    try:
        _rename_dir(new, out)
    except OSError:
        _rename_dir(old, out)
        raise
    return old


def _rename_dir(src: Path, dst: Path) -> None:
    os.rename(src, dst)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False  # not Linux, or a C library without renameat2 (glibc before 2.28)
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EBUSY, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _replace_files(new: Path, out: Path, previous: dict[str, dict]) -> None:
    names = sorted(p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file())
    for name in [n for n in names if n != MANIFEST] + [MANIFEST]:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new / name, target)
    for name in set(previous) - set(names):  # files of the previous set the new one has not
        (out / name).unlink(missing_ok=True)


def _previous_files(out: Path) -> dict[str, dict]:
    try:
        return manifest.parse((out / MANIFEST).read_bytes(), out / MANIFEST)[2]
    except (OSError, ExtractError):
        return {}


def _carry_over(out: Path, stage: Path) -> None:
    """Files in --out that runs do not write: into the new set too (hard links where possible)."""
    if not out.is_dir():
        return
    for entry in out.iterdir():
        if entry.name in WRITTEN:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, stage / entry.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, stage / entry.name)


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot sync a folder; the set is still whole
        _fsync_file(path)


@dataclass(frozen=True)
class Snapshot:
    """Files read from one set, and what did not match its manifest (empty: all did)."""

    files: dict[str, bytes]
    manifest: dict[str, dict] | None
    problems: tuple[str, ...] = ()


def read_set(out: Path, names: list[str], attempts: int = 5) -> Snapshot:
    """Read ``names`` from the set in ``out``, all from one set, checked against its manifest.

    The folder is opened once and every file read through it, so a swap in between cannot
    mix two sets; a file that does not match the manifest (a set being replaced file by file,
    or a file edited by hand) is read again, and after ``attempts`` reported in ``problems``.
    An output without a manifest (written by an older version) is read unchecked.
    """
    problems: list[str] = []
    for attempt in range(attempts):
        try:
            fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            time.sleep(0.05)  # between the two renames of the fallback
            continue
        try:
            files = {name: _read_at(fd, name) for name in names}
            try:
                listed = manifest.parse(_read_at(fd, MANIFEST), out / MANIFEST)[2]
            except FileNotFoundError:
                return Snapshot(files, None)
        except FileNotFoundError:
            time.sleep(0.05)  # the set was swapped out and deleted while it was read
            continue
        finally:
            os.close(fd)
        problems = [f"{out / name}: differs from {MANIFEST} (edited by hand, or being written)"
                    for name in names if name not in listed
                    or hashlib.sha256(files[name]).hexdigest() != listed[name]["sha256"]]
        if not problems:
            return Snapshot(files, listed)
        time.sleep(0.05 * (attempt + 1))
    if not problems:
        raise OutputError(f"{out}: cannot be read ({', '.join(names)} missing); run python -m extract to write it")
    return Snapshot(files, listed, tuple(problems))


def _read_at(dir_fd: int, name: str) -> bytes:
    fd = os.open(name, os.O_RDONLY, dir_fd=dir_fd)
    with os.fdopen(fd, "rb") as f:
        return f.read()
