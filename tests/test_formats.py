"""Reports as Word, PDF, web page and legacy encodings: the same figures as the plain text,
and every kind of bad file gets its own clear message while the batch goes on.

The fixtures are made here: python-docx, fpdf2 with the Noto CJK font, an HTML page with chrome.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import opencc
import pytest

from extract import UnreadableReport, readers
from extract.cli import main
from extract.readers import read_report

REPORT = [
    "某县行政审批服务局2023年工作总结",
    "一、主要成效",
    "全县政务服务事项1200项,其中行政许可事项300项。",
    "网上可办率达99.5%,全程网办率达88.2%。",
    "12345热线受理群众诉求12.5万件,满意率96.1%。",
]
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk not installed (make test installs it)")


def _docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for line in REPORT[:3]:
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=1)
    table.cell(0, 0).text = REPORT[3]
    table.cell(1, 0).text = REPORT[4]
    d.save(path)


def _pdf(path: Path, lines: list[str] | None = None, password: str | None = None) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if lines is None:  # a scan: a page image and no text layer
        pdf.set_fill_color(30, 30, 30)
        pdf.rect(20, 20, 150, 200, style="F")
    else:
        pdf.add_font("noto", fname=str(FONT), collection_font_number=2)
        pdf.set_font("noto", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.output(str(path))


def _html(path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in REPORT)
    path.write_text(f"""<html><head><meta charset="utf-8"><title>{REPORT[0]}</title></head><body>
<nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> 当前位置: 首页 网站地图 登录 注册</nav>
<div class="header">无障碍浏览 | 长者模式 | 繁體 | 2023年政务服务事项99999项 专栏导航</div>
<article><h1>{REPORT[0]}</h1>{body}</article>
<footer>主办单位: 某县人民政府办公室 网站标识码 1234567890 ICP备案号 99999号 技术支持 9999件</footer>
</body></html>""", "utf-8")


def _figures(out: Path) -> dict[str, set[tuple[str, str]]]:
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    found: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        found.setdefault(r["jurisdiction"], set()).add((r["indicator"], r["value"]))
    return found


def _reports(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        return {r["jurisdiction"]: r for r in csv.DictReader(f)}


@needs_font
def test_every_format_gives_the_figures_of_the_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "\n".join(REPORT)
    (folder / "plain.txt").write_text(text, "utf-8")
    (folder / "gbk.txt").write_bytes(text.encode("gbk"))
    (folder / "big5.txt").write_bytes(opencc.OpenCC("s2tw").convert(text).encode("big5"))
    _docx(folder / "word.docx")
    _pdf(folder / "paper.pdf", REPORT)
    _html(folder / "page.html")
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    found = _figures(out)
    expected = found["plain"]
    assert len(expected) == 6
    for j in ("gbk", "big5", "word", "paper", "page"):
        assert found[j] == expected, j
    reports = _reports(out)
    assert reports["word"]["format"] == "docx" and reports["paper"]["format"] == "pdf"
    # provenance still round-trips: non-UTF-8 and non-text reports keep their text in out/texts/
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            source = Path(__file__).resolve().parent.parent / r["source"]
            assert source.read_text("utf-8-sig")[int(r["start"]):int(r["end"])] == r["evidence"], r["jurisdiction"]
    assert reports["word"]["source"].endswith("texts/word.txt")
    assert reports["word"]["original"].endswith("in/word.docx")
    assert reports["plain"]["source"] == reports["plain"]["original"]


def test_web_page_chrome_is_removed(tmp_path: Path) -> None:
    _html(tmp_path / "page.html")
    text = read_report(tmp_path / "page.html").text
    assert REPORT[2] in text
    for chrome in ("当前位置", "网站标识码", "无障碍浏览"):
        assert chrome not in text


@pytest.mark.parametrize(("make", "problem"), [
    pytest.param(lambda p: p.with_suffix(".txt").write_bytes(b""), "the file is empty", id="empty"),
    pytest.param(lambda p: p.with_suffix(".txt").write_bytes(bytes(range(256)) * 16), "binary", id="binary"),
    pytest.param(lambda p: p.with_suffix(".xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500)), "unsupported file type",
                 id="unsupported"),
    pytest.param(lambda p: _pdf(p.with_suffix(".pdf")), "no text layer — run OCR first", id="scanned-pdf"),
    pytest.param(lambda p: _docx_broken(p.with_suffix(".docx")), "damaged", id="corrupted-docx"),
    pytest.param(lambda p: p.with_suffix(".pdf").write_bytes(b"%PDF-1.4\n garbage"), "not a readable PDF",
                 id="corrupted-pdf"),
])
def test_bad_files_say_what_is_wrong(tmp_path: Path, make, problem: str) -> None:
    make(tmp_path / "bad")
    (path,) = list(tmp_path.iterdir())
    with pytest.raises(UnreadableReport, match=problem):
        read_report(path)


@needs_font
def test_encrypted_pdf(tmp_path: Path) -> None:
    _pdf(tmp_path / "locked.pdf", REPORT, password="secret")
    with pytest.raises(UnreadableReport, match="encrypted"):
        read_report(tmp_path / "locked.pdf")


def _docx_broken(path: Path) -> None:
    _docx(path)
    path.write_bytes(path.read_bytes()[:400])


def test_size_limit_is_said(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("\n".join(REPORT), "utf-8")
    with pytest.raises(UnreadableReport, match="over the 0 MB limit"):
        read_report(path)


def test_a_batch_with_bad_files_keeps_the_good_ones_and_duplicates_are_caught(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "\n".join(REPORT)
    (folder / "a_good.txt").write_text(text, "utf-8")
    (folder / "b_copy.txt").write_text(text, "utf-8")  # the same content again
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_broken.docx").write_bytes(b"PK\x03\x04broken")
    (folder / "e_nofigures.txt").write_text("某县政务服务局工作总结\n持续深化改革。", "utf-8")
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "b_copy.txt: duplicate of 'a_good'" in err
    assert "c_empty.txt: the file is empty" in err
    assert "d_broken.docx: not a readable Word (.docx) file" in err
    reports = _reports(out)
    assert list(reports) == ["a_good", "b_copy", "c_empty", "d_broken", "e_nofigures"]
    assert reports["e_nofigures"]["status"] == "ok" and reports["e_nofigures"]["figures"] == "0"
    assert set(_figures(out)) == {"a_good"}


def test_reading_from_bytes_names_no_path(tmp_path: Path) -> None:
    report = readers.read_bytes("\n".join(REPORT).encode("gb18030"), ".txt", "上传的 文件.txt")
    assert report.encoding == "gb18030" and not report.is_own_text
    assert io.StringIO(report.text).readline().strip() == REPORT[0]
