"""Hostile input is refused within bounds: a .docx zip bomb, a .docx of countless parts, a PDF of
countless pages, an upload over the size the help text promises, a chrome regex that backtracks
for minutes.

The zip bomb is made here: a real python-docx document whose word/document.xml is 1.4 GB of
paragraphs, deflated to about 1.5 MB (identical deflate blocks, written by hand into the zip).
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import tomllib
import zipfile
import zlib
from pathlib import Path

import pytest

from extract import UnreadableReport, readers
from extract.readers import read_report

ROOT = Path(__file__).resolve().parent.parent
CHUNK = b"<w:p><w:r><w:t>" + b"A" * (1 << 20) + b"</w:t></w:r></w:p>"  # one paragraph of 1 MB


def _docx_members() -> dict[str, bytes]:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("全县政务服务事项1200项。")
    d.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already-deflated members: (name, deflated bytes, crc32, uncompressed size)."""
    out = io.BytesIO()
    central = []
    for name, data, crc, size in members:
        offset, raw = out.tell(), name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0))
        out.write(raw + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                   len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), out.tell() - start, start, 0))
    return out.getvalue()


def _deflated(data: bytes) -> tuple[str, bytes, int, int]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return "", c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def make_bomb(path: Path, paragraphs: int = 1400) -> int:
    """Write a .docx zip bomb to ``path``; return the size of its document.xml unpacked."""
    members = _docx_members()
    xml = members.pop("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    head, tail = xml[:cut], xml[cut:]
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(CHUNK) + c.flush(zlib.Z_FULL_FLUSH)  # after a full flush each block is the same bytes
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(paragraphs):
        crc = zlib.crc32(CHUNK, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + paragraphs * len(CHUNK) + len(tail)
    bomb = ("word/document.xml", first + block * paragraphs + last, crc, size)
    path.write_bytes(_zip([bomb] + [(name, *_deflated(data)[1:]) for name, data in members.items()]))
    return size


_MEASURE = """
import json, resource, sys
import docx, lxml.etree  # imported before measuring: only reading the report counts
from extract.errors import UnreadableReport
from extract.readers import read_report

vm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, ((vm << 10) + (1 << 30), resource.RLIM_INFINITY))  # guard the machine
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_report(sys.argv[1])
    problem = None
except UnreadableReport as e:
    problem = e.problem
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"problem": problem, "grew_mb": (after - before) / 1024}))
"""


def test_a_docx_zip_bomb_is_refused_within_a_memory_bound(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    unpacked = make_bomb(bomb)
    assert bomb.stat().st_size < 2 * 2**20 and unpacked > 1.4e9  # a 1.5 MB file that unpacks to 1.4 GB
    with zipfile.ZipFile(bomb) as z:  # a well-formed zip: the bomb is real
        assert z.getinfo("word/document.xml").file_size == unpacked
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(bomb)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["problem"] is not None and "unpacks to" in result["problem"], result
    assert result["grew_mb"] < 50, result  # before the limit: 788 MB, then MemoryError at the 1 GB guard


def test_a_docx_of_countless_parts_is_refused(tmp_path: Path) -> None:
    members = _docx_members()
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        for i in range(readers.MAX_DOCX_MEMBERS):
            z.writestr(f"extra/part{i}.xml", b"<a/>")
    with pytest.raises(UnreadableReport, match=r"parts \(over the \d+ allowed"):
        read_report(path)


def test_an_ordinary_docx_is_within_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "ok.docx"
    path.write_bytes(_zip([(name, *_deflated(data)[1:]) for name, data in _docx_members().items()]))
    assert "1200项" in read_report(path).text


def test_a_pdf_of_too_many_pages_is_refused(tmp_path: Path, monkeypatch) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(4):
        pdf.add_page()
    pdf.output(str(tmp_path / "long.pdf"))
    monkeypatch.setattr(readers, "MAX_PDF_PAGES", 3)
    with pytest.raises(UnreadableReport, match="4 pages, over the 3-page limit"):
        read_report(tmp_path / "long.pdf")


def test_the_upload_limit_is_the_one_the_help_text_gives() -> None:
    with (ROOT / ".streamlit" / "config.toml").open("rb") as f:
        server = tomllib.load(f)["server"]
    assert server.get("maxUploadSize") == readers.MAX_BYTES // 2**20 == 20
