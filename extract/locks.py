"""One writer at a time: a lock file beside what is written (``.data.lock`` beside ``data/``).

``held(target)`` takes an exclusive ``fcntl.flock`` on the lock file, waiting up to ``wait``
seconds; the holder writes who it is (pid, command, since when) into the file, so a run that
gives up can say who holds it. The kernel drops the lock when its holder ends, killed or not,
so a lock is never left behind. Within one thread the lock is re-entrant (``add`` holds it
while it registers a report and extracts again); other threads and processes wait.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ExtractError

WAIT = 120.0  # seconds a run waits for another before it stops (--wait)
_held = threading.local()


class Busy(ExtractError):
    """Another run holds the lock: says who, since when, and how long this one waited."""

    def __init__(self, target: Path, holder: str, waited: float) -> None:
        self.target, self.holder, self.waited = target, holder, waited
        who = holder or "another run (it has not said who yet)"
        super().__init__(f"{target} is in use by {who}; waited {waited:g} s. Try again when it ends, "
                         f"or wait longer with --wait SECONDS")


def lock_path(target: Path) -> Path:
    """The lock file of ``target``: beside it, hidden (``data`` -> ``.data.lock``)."""
    target = Path(os.path.realpath(target))  # two names of one folder share its lock
    return target.parent / f".{target.name}.lock"


def holder_line() -> str:
    """Who this process is: 'pid 123 (python -m extract add r.txt) since 2024-05-01 09:30:00'."""
    try:
        with open("/proc/self/cmdline", "rb") as f:
            words = [w.decode("utf-8", "backslashreplace") for w in f.read().split(b"\0") if w]
        words[0] = Path(words[0]).name
    except (OSError, IndexError):
        words = [Path(sys.executable).name, *sys.argv]
    command = " ".join(" ".join(words).split())
    command = command if len(command) <= 200 else command[:199] + "…"
    return f"pid {os.getpid()} ({command}) since {time.strftime('%Y-%m-%d %H:%M:%S')}"


@contextmanager
def held(target: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the lock of ``target`` for the block; raise ``Busy`` after ``wait`` seconds."""
    path = lock_path(target)
    depth: dict[str, int] = _held.__dict__.setdefault("depth", {})
    key = str(path)
    if depth.get(key):
        depth[key] += 1
        try:
            yield
        finally:
            depth[key] -= 1
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise ExtractError(f"{path.parent}: cannot create the lock file {path.name} ({e.strerror}); "
                           f"is the folder read-only?") from None
    started = time.monotonic()
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - started
                if waited >= wait:
                    holder = os.pread(fd, 1024, 0).decode("utf-8", "replace").strip()
                    raise Busy(target, holder, round(waited, 1)) from None
                time.sleep(min(0.1, max(0.0, wait - waited)))
        os.ftruncate(fd, 0)
        os.pwrite(fd, (holder_line() + "\n").encode(), 0)
        depth[key] = 1
        try:
            yield
        finally:
            depth[key] = 0
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing drops the lock
