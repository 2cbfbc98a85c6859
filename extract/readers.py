"""Report files -> text: plain text in any common Chinese encoding, Word, PDF and web pages.

One reader per format behind ``read_report``. The text returned is what offsets in the output
refer to: decoded, BOM removed and line ends made ``\\n`` (as Python's text mode reads a file).
For a UTF-8 text file without BOM that is the file itself; for anything else (a BOM, another
encoding, Word, a PDF whose wrapped lines were joined) the CLI keeps the extracted text beside the
output (``texts/``), so that ``open(source, encoding="utf-8").read()[start:end]`` still gives the
evidence back.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from . import tables
from .errors import UnreadableReport
from .tables import KeptTable
from .text import soft_breaks

MAX_BYTES = 20 * 1024 * 1024  # a yearly report is well under 1 MB of text; 20 MB allows scanned-free PDFs
# Hostile files: a .docx is a zip, and a 1.5 MB zip can unpack to gigabytes; a PDF can hold
# countless pages. A yearly report is far inside these bounds.
MAX_DOCX_UNPACKED = 64 * 1024 * 1024  # all parts of a .docx together, unpacked (text, styles, pictures)
MAX_DOCX_MEMBERS = 1000  # parts in the zip; a Word file has a few dozen
MAX_PDF_PAGES = 1000
TEXT_SUFFIXES = (".txt", ".text", ".md")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf", ".html", ".htm")

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
    encoding: str  # of a text file or web page; "" for Word and PDF
    sha256: str
    size: int
    format: str = "txt"  # txt, docx, pdf, html
    tables: tuple[KeptTable, ...] = ()  # the tables kept, with the offsets of their values in ``text``
    note: str = ""  # something the reader could not do (tables not read), for the report's message

    @property
    def is_own_text(self) -> bool:
        """Whether the file itself is the text that offsets refer to: UTF-8 plain text without a
        BOM, which a plain ``open(path, encoding="utf-8")`` reads to exactly this text."""
        return self.format == "txt" and self.encoding == "utf-8"


def read_report(path: str | Path) -> ReportText:
    """Read one report file; raise ``UnreadableReport`` saying why it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableReport(str(path), f"file is {size / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableReport(str(path), "file not found") from None
    except IsADirectoryError:
        raise UnreadableReport(str(path), "is a folder, not a report file") from None
    except OSError as e:
        raise UnreadableReport(str(path), f"cannot read the file ({e.strerror})") from None
    return read_bytes(data, path.suffix, str(path), path)


def read_bytes(data: bytes, suffix: str, name: str, path: Path | None = None) -> ReportText:
    """Read a report from its bytes; ``suffix`` (".pdf", ".docx" …) chooses the reader."""
    if len(data) > MAX_BYTES:
        raise UnreadableReport(name, f"file is {len(data) / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit")
    if not data.strip():
        raise UnreadableReport(name, "the file is empty")
    suffix = suffix.lower()
    kept: list[KeptTable] = []
    note = ""
    if suffix in TEXT_SUFFIXES or suffix == "":
        (text, encoding), fmt = decode(data, name), "txt"
    elif suffix == ".docx":
        (text, kept), encoding, fmt = _docx(data, name), "", "docx"
    elif suffix == ".pdf":
        (text, kept, note), encoding, fmt = _pdf(data, name), "", "pdf"
    elif suffix in (".html", ".htm"):
        (text, encoding, kept), fmt = _html(data, name), "html"
    else:
        raise UnreadableReport(name, f"unsupported file type {suffix!r} (supported: {', '.join(SUFFIXES)})")
    normal = _normalise(text)
    if normal != text:  # a BOM or \r left in a piece: offsets of the tables would move
        if kept:
            raise UnreadableReport(name, "the text of the tables could not be kept in place")  # pragma: no cover
        text = normal
    if not text.strip():
        raise UnreadableReport(name, "the file holds no text")
    return ReportText(path=path or Path(name), text=text, encoding=encoding,
                      sha256=hashlib.sha256(data).hexdigest(), size=len(data), format=fmt,
                      tables=tuple(kept), note=note)


def _normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _docx(data: bytes, name: str) -> tuple[str, list[KeptTable]]:
    """Paragraphs and tables of a Word file, in document order; each table written in as a table
    (``tables.serialise_one``: a line per value with its row and column labels; a table without
    values as its rows, cells joined by tabs). A merged cell counts once."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise UnreadableReport(name, f"not a readable Word (.docx) file: the file is damaged ({type(e).__name__})") \
            from None
    pieces: list[str | tables.Table] = []
    last_line = ""
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _normalise(Paragraph(block, document).text)
            pieces.append(text)
            last_line = text.strip() or last_line
        elif tag == "tbl":
            pieces.append(tables.docx_table(Table(block, document), caption=last_line[-60:]))
    assembled = tables.assemble(pieces)
    return assembled.text, assembled.tables


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a .docx whose parts unpack to more than ``MAX_DOCX_UNPACKED`` or are too many.

    The sizes checked are the ones the zip declares; ``zipfile`` never unpacks a part beyond its
    declared size (it stops and fails the CRC check), so a lying header cannot get past.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as e:
        raise UnreadableReport(name, f"not a readable Word (.docx) file: the file is damaged ({e})") from None
    if len(parts) > MAX_DOCX_MEMBERS:
        raise UnreadableReport(name, f"the Word file holds {len(parts)} parts (over the {MAX_DOCX_MEMBERS} allowed); "
                                     "save it again from Word, or as PDF or text")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_DOCX_UNPACKED:
        raise UnreadableReport(name, f"the Word file unpacks to {unpacked / 2**20:,.0f} MB (over the "
                                     f"{MAX_DOCX_UNPACKED // 2**20} MB allowed; a zip bomb?); "
                                     "save the text as .txt or PDF")


def _pdf(data: bytes, name: str) -> tuple[str, list[KeptTable], str]:
    """The text layer of a PDF, page by page (PDFium, which reads CJK CID fonts reliably), with its
    ruled tables (pdfplumber) written in where they stand (``tables.serialise_one``).

    On a page with tables, the text above, between and below them is read apart (PDFium, by
    band) and each table replaces its own text, which PDFium would give as a run of numbers under
    scattered header fragments. Hard-wrapped lines are joined, across a page break too, and page
    numbers (- 3 -) are dropped. A PDF whose tables cannot be read keeps its text, with a note.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UnreadableReport(name, "the PDF is encrypted; save an unencrypted copy first") from None
        raise UnreadableReport(name, f"not a readable PDF ({e})") from None
    note = ""
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise UnreadableReport(name, f"the PDF has {len(pdf)} pages, over the {MAX_PDF_PAGES}-page limit; "
                                         "split it into the report itself and its annexes")
        try:
            found = tables.pdf_tables(data)
        except Exception as e:  # pdfminer can fail where PDFium reads: keep the text, say so
            found, note = [], f"tables not read ({type(e).__name__}); the text is kept"
        pieces: list[str | tables.Table] = []
        for i in range(len(pdf)):
            on_page = sorted((t for t in found if t.page == i), key=lambda t: t.bbox[1])
            pieces.extend(_page_pieces(pdf[i], on_page))
    finally:
        pdf.close()
    merged: list[str | tables.Table] = []
    for piece in pieces:  # prose of consecutive pages (or bands) together, so a wrap across them joins
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += "\n" + piece
        else:
            merged.append(piece)
    done = [join_soft_breaks(_drop_page_numbers(p)) if isinstance(p, str) else p for p in merged]
    done = [p for p in done if not isinstance(p, str) or p.strip()]
    assembled = tables.assemble(done)
    if len(re.sub(r"\s", "", assembled.text)) < 20:
        raise UnreadableReport(name, "no text layer — run OCR first (the PDF holds page images only)")
    return assembled.text, assembled.tables, note


def _page_pieces(page: object, on_page: list[tables.PdfTable]) -> list[str | tables.Table]:
    """A page's text, and its tables where they stand (a continued table's rest: nothing)."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    if not on_page:
        return [_normalise(textpage.get_text_range())]
    left, bottom, right, top = page.get_bbox()  # type: ignore[attr-defined]
    out: list[str | tables.Table] = []
    y = 0.0  # pdfplumber's distance from the page top
    for t in on_page:
        _, t_top, _, t_bottom = t.bbox
        if t_top > y:
            out.append(_normalise(textpage.get_text_bounded(left, top - t_top, right, top - y)))
        if not t.continues:
            out.append(t.table)
        y = max(y, t_bottom)
    out.append(_normalise(textpage.get_text_bounded(left, bottom, right, top - y)))
    return [p for p in out if not isinstance(p, str) or p.strip()]


_PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:[-—–－][ \t]*\d{1,4}[ \t]*[-—–－]|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t]*$",
    re.MULTILINE)


def _drop_page_numbers(text: str) -> str:
    """Without page-number lines (- 3 -, 第3页): they would cut a sentence wrapped over a page.

    >>> _drop_page_numbers("全县受理诉求50\\n- 2 -\\n00件。")
    '全县受理诉求50\\n00件。'
    """
    return re.sub(r"\n{2,}", "\n", _PAGE_NUMBER.sub("", text)).strip("\n") if _PAGE_NUMBER.search(text) else text


def join_soft_breaks(page: str) -> str:
    """Join the lines of a hard-wrapped PDF page where a paragraph was only wrapped
    (``text.soft_breaks``). The text returned is the text offsets refer to.

    >>> join_soft_breaks("全县受理诉求50\\n00件。")
    '全县受理诉求5000件。'
    """
    breaks = set(soft_breaks(page))
    return "".join(ch for i, ch in enumerate(page) if i not in breaks) if breaks else page


def _html(data: bytes, name: str) -> tuple[str, str, list[KeptTable]]:
    """The main text of a web page, without navigation and footer chrome, and its tables.

    The tables holding values are read from the page itself (rowspan and colspan laid out on a
    grid) and written after the main text; the main text is extracted without them. A page whose
    tables hold no value (a layout grid) keeps trafilatura's reading of them.
    """
    import lxml.html
    import trafilatura

    page, encoding = decode(data, name)
    found: list[tables.Table] = []
    try:
        root = lxml.html.document_fromstring(page)
        found = [t for _, t in tables.html_tables(root) if any(c.is_value for c in t.cells())]
    except (ValueError, lxml.etree.ParserError):  # type: ignore[attr-defined]
        found = []
    text = trafilatura.extract(page, include_tables=not found, include_comments=False)
    if not text and not found:
        raise UnreadableReport(name, "no main text found in the web page")
    assembled = tables.assemble([_normalise(text), *found] if text else found)
    return assembled.text, encoding, assembled.tables


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes to text with newlines normalised; return (text, encoding)."""
    if not data.strip():
        raise UnreadableReport(name, "the file is empty")
    if data[:4] in (b"%PDF", b"PK\x03\x04"):
        raise UnreadableReport(name, "looks like a PDF or Word file saved with a text ending; rename it")
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    zeros = b"\x00" in data[:4096]
    text = _utf8(data) if encoding is None and not zeros else None  # the usual case: decoded once
    if text is not None:
        encoding = "utf-8"
    if encoding is None:  # neither a BOM nor UTF-8 (or zero bytes): UTF-16 without a BOM?
        encoding = _utf16_without_bom(data)
        if encoding is None and zeros:
            raise UnreadableReport(name, "looks like a binary file, not text")
    if encoding is None:
        encoding = _guess(data, name)
    if text is None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise UnreadableReport(name, f"cannot be decoded as {encoding} ({e.reason} at byte {e.start})") \
                from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableReport(name, "the file holds no text")
    if _control_share(text) > 0.05:
        raise UnreadableReport(name, "looks like a binary file, not text")
    return text, encoding


def _utf8(data: bytes) -> str | None:
    """The bytes decoded as UTF-8; None where they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes, read in that order, are nearly all Chinese text,
    ASCII and their punctuation; read in the wrong order (or in another encoding) they are not."""
    if len(data) % 2:
        return None
    best, best_share = None, 0.9
    for encoding in ("utf-16-le", "utf-16-be"):
        sample = data[:8192].decode(encoding, errors="replace")
        share = sum(map(_plausible, sample)) / len(sample)
        if share > best_share:
            best, best_share = encoding, share
    return best


def _plausible(ch: str) -> bool:
    """A character a Chinese report is made of: CJK, ASCII, their punctuation and full-width forms."""
    o = ord(ch)
    return (
        0x20 <= o < 0x7F or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0x2460 <= o <= 0x24FF
        or 0x2160 <= o <= 0x217F or 0x25A0 <= o <= 0x25FF or o in (0xB7, 0xD7)
    )


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


_CONTROLS = re.compile("[\x00-\x08\x0d-\x1f]")  # below 32, other than \t \n \v \f


def _control_share(text: str) -> float:
    controls = len(_CONTROLS.findall(text))
    return controls / max(len(text), 1)
