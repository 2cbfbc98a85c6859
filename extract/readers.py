"""Report files -> text. Plain text in any common Chinese encoding, for now.

The text returned is what offsets in the output refer to: decoded, BOM removed and line ends
made ``\\n`` (as Python's text mode reads a file), so ``open(source).read()[start:end]`` gives
the evidence back for a UTF-8 report.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import UnreadableReport

MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese reports come in few encodings; detection chooses among these only, which keeps it
# from reading GBK bytes as, say, Latin-1.
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16"]


@dataclass(frozen=True)
class ReportText:
    """A report's text and what we know of the file it came from."""

    path: Path
    text: str
    encoding: str
    sha256: str
    size: int


def read_report(path: str | Path) -> ReportText:
    """Read one report file; raise ``UnreadableReport`` saying why it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableReport(str(path), "file not found") from None
    except IsADirectoryError:
        raise UnreadableReport(str(path), "is a folder, not a report file") from None
    except OSError as e:
        raise UnreadableReport(str(path), f"cannot read the file ({e.strerror})") from None
    if len(data) > MAX_BYTES:
        raise UnreadableReport(str(path), f"file is larger than the {MAX_BYTES // 2**20} MB limit")
    text, encoding = decode(data, str(path))
    return ReportText(
        path=path, text=text, encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data),
    )


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes to text with newlines normalised; return (text, encoding)."""
    if not data.strip():
        raise UnreadableReport(name, "the file is empty")
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding is None and b"\x00" in data[:4096]:
        if _looks_utf16(data):
            encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        else:
            raise UnreadableReport(name, "looks like a binary file, not text")
    if encoding is None:
        encoding = _guess(data, name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UnreadableReport(name, f"cannot be decoded as {encoding} ({e.reason} at byte {e.start})") from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableReport(name, "the file holds no text")
    if _control_share(text) > 0.05:
        raise UnreadableReport(name, "looks like a binary file, not text")
    return text, encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3


def _guess(data: bytes, name: str) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is not None:
        return best.encoding
    raise UnreadableReport(name, "unknown text encoding (tried UTF-8, GB18030, Big5 and UTF-16)")


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls / max(len(text), 1)
