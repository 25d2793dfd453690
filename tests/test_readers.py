"""Readers: .docx and PDF into the format-neutral Document, and clear refusals of everything else.

Fixtures are committed (built by tests/fixtures/readers/make_fixtures.py with python-docx and
LibreOffice); these tests never need LibreOffice.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import unicodedata
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from extractors.document import Document, Paragraph, Table, UnreadableDocument
from extractors.readers import pdf as pdf_reader
from extractors.readers import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
_spec = importlib.util.spec_from_file_location("reader_fixtures", FIXTURES / "make_fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

NFC = unicodedata.normalize
EXPECTED_PARAGRAPHS = [
    "BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023",
    "I. ĐẶC ĐIỂM TÌNH HÌNH",
    fx.LONG_PARAGRAPH,
    NFC("NFC", fx.NFD_PARAGRAPH),
    "- Các chỉ tiêu chủ yếu được thể hiện tại bảng sau:",
    "II. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA",
    "Quận đã ban hành các kế hoạch triển khai thực hiện đồng bộ 9 phong trào thi đua, lựa chọn và "
    "biểu dương, khen thưởng 424 gương Người tốt, việc tốt.",
    "Nơi nhận:",
]
HEADER_ROWS = [
    ["TT", "Chỉ tiêu", "ĐVT", "Năm 2023", "Năm 2023", "Đánh giá"],
    ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
]
DATA_ROWS = [[str(i + 1), *fx.ROWS[i % len(fx.ROWS)][1:]] for i in range(3 * len(fx.ROWS))]

_cache: dict[str, Document] = {}


def read(name: str) -> Document:
    if name not in _cache:
        _cache[name] = read_document(FIXTURES / name)
    return _cache[name]


def kinds(doc: Document) -> str:
    return "".join("T" if isinstance(b, Table) else "P" for b in doc.blocks)


# ------------------------------------------------------------------ both formats, same document


@pytest.mark.parametrize("name", ["report.docx", "report.pdf"])
def test_same_document_reads_the_same_in_both_formats(name: str) -> None:
    doc = read(name)
    assert doc.format == name.rsplit(".", 1)[1]
    assert [p.text for p in doc.paragraphs()] == EXPECTED_PARAGRAPHS
    assert kinds(doc) == "PPPPPTPPP"  # body order: the table sits between the 5th and 6th paragraph
    (table,) = doc.tables()
    assert table.row_texts() == HEADER_ROWS + DATA_ROWS  # the PDF's repeated header is dropped
    assert (table.n_rows, table.n_cols) == (20, 6)
    # Merged header resolved once: 5 cells in the first row, 2 in the second.
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells if c.row < 2}
    assert spans == {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 2), (0, 5): (2, 1),
                     (1, 3): (1, 1), (1, 4): (1, 1)}  # fmt: skip
    grid = table.grid()
    assert grid[0][3] is grid[0][4] and grid[0][0] is grid[1][0] and grid[1][3] is not grid[1][4]
    assert [c.locator.block for c in table.cells[:3]] == ["t0.r0.c0", "t0.r0.c1", "t0.r0.c2"]
    assert [p.locator.block for p in doc.paragraphs()] == [f"p{i}" for i in range(len(EXPECTED_PARAGRAPHS))]
    assert [p.index for p in doc.paragraphs()] == list(range(len(EXPECTED_PARAGRAPHS)))
    bold = [p.bold for p in doc.paragraphs()]
    assert bold[:3] == [True, True, False] and not any(bold[6:])


@pytest.mark.parametrize("name", ["report.docx", "report.pdf"])
def test_text_is_nfc(name: str) -> None:
    doc = read(name)
    texts = [p.text for p in doc.paragraphs()] + [c.text for t in doc.tables() for c in t.cells]
    texts += doc.header_footer
    assert all(NFC("NFC", t) == t for t in texts)
    assert NFC("NFC", fx.NFD_PARAGRAPH) in texts


def test_fixture_really_contains_nfd() -> None:
    with zipfile.ZipFile(FIXTURES / "report.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert fx.NFD_PARAGRAPH in xml and NFC("NFC", fx.NFD_PARAGRAPH) not in xml


def test_sha256_and_pages() -> None:
    for name, pages in (("report.docx", None), ("report.pdf", 2)):
        doc = read(name)
        assert doc.sha256 == hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest()
        assert doc.pages == pages
        assert doc.warnings == []


# ------------------------------------------------------------------ docx specifics


def test_docx_header_and_footer_go_to_header_footer() -> None:
    doc = read("report.docx")
    assert doc.header_footer == ["UBND QUẬN HOÀN KIẾM - Báo cáo thi đua năm 2023", "Trang 1"]
    body = [p.text for p in doc.paragraphs()] + [c.text for t in doc.tables() for c in t.cells]
    assert not any("Báo cáo thi đua năm" in t or t.startswith("Trang") for t in body)


def test_docx_styles_and_locators() -> None:
    paragraphs = list(read("report.docx").paragraphs())
    assert [p.style for p in paragraphs[:3]] == ["Normal", "Heading 1", "Normal"]
    assert all(p.locator.page is None and p.locator.bbox is None for p in paragraphs)


def test_docx_nested_table_follows_its_parent() -> None:
    doc = read("nested.docx")
    assert kinds(doc) == "PTTPPPPPP"
    outer, inner = doc.tables()
    assert (outer.index, outer.parent, inner.index, inner.parent) == (0, None, 1, "t0.r1.c2")
    assert inner.row_texts() == [["Tập thể", "Cá nhân"], ["12", "34"]]
    assert inner.cells[0].locator.block == "t1.r0.c0"
    # The holder cell keeps its own text only; line breaks inside a cell are kept.
    assert outer.row_texts()[1] == ["1", "Khen thưởng\nnăm 2023", "Xem bảng:"]


def test_docx_grid_before_shifts_the_row() -> None:
    outer = next(read("nested.docx").tables())
    grid = outer.grid()
    assert grid[2][0] is None
    assert grid[2][1] is grid[2][2] and grid[2][1].text == "Cộng" and grid[2][1].col_span == 2
    assert grid[2][1].locator.block == "t0.r2.c1"


def test_docx_wrappers_text_boxes_and_tracked_changes() -> None:
    doc = read("nested.docx")
    texts = [p.text for p in doc.paragraphs()]
    assert texts == [
        "Phụ lục kèm theo",
        "Đoạn trong điều khiển nội dung",  # inside a content control (w:sdt)
        "Đoạn có hộp văn bản.",
        "Nội dung hộp văn bản",  # text box, read once although it has a VML fallback copy
        "Đã bổ sung",  # tracked insertion kept, tracked deletion gone
        "Kết thúc.",  # the empty paragraph before it is skipped without leaving a gap in indices
        "Số liệu tính đến ngày 15/12/2023.",  # footnotes follow the body
    ]
    assert [p.index for p in doc.paragraphs()] == list(range(7))
    assert doc.header_footer == ["Chân trang phụ lục"]


# ------------------------------------------------------------------ pdf specifics


def test_pdf_running_header_and_page_numbers_leave_the_body() -> None:
    doc = read("report.pdf")
    assert doc.header_footer == ["UBND QUẬN HOÀN KIẾM - Báo cáo thi đua năm 2023"]
    assert not any(p.text.startswith("Trang") or "Báo cáo thi đua năm" in p.text for p in doc.paragraphs())


def test_pdf_paragraph_wrapped_over_lines_is_one_paragraph() -> None:
    paragraphs = list(read("report.pdf").paragraphs())
    long = next(p for p in paragraphs if p.text.startswith("Năm 2023"))
    assert long.text == fx.LONG_PARAGRAPH
    _, top, _, bottom = long.locator.bbox
    assert long.locator.page == 1 and bottom - top > 4 * 13  # five lines of 13 pt type
    assert next(p for p in paragraphs if p.text.startswith("Nơi nhận")).locator.page == 2


def test_pdf_table_continued_on_next_page_is_stitched_with_page_and_bbox() -> None:
    (table,) = read("report.pdf").tables()
    assert table.page == 1
    pages = {c.locator.page for c in table.cells}
    assert pages == {1, 2}
    by_row = {}
    for cell in table.cells:
        x0, top, x1, bottom = cell.locator.bbox
        assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 792
        by_row.setdefault(cell.row, set()).add(cell.locator.page)
    assert by_row[0] == by_row[2] == {1} and by_row[19] == {2}
    header = table.grid()[0][3]
    assert header.locator.bbox[2] - header.locator.bbox[0] > 1.9 * (
        table.grid()[1][3].locator.bbox[2] - table.grid()[1][3].locator.bbox[0]
    )  # the spanning cell's bbox covers both columns


def test_pdf_cells_join_soft_wraps_but_keep_cell_text_whole() -> None:
    (table,) = read("report.pdf").tables()
    assert table.grid()[2][1].text == "Thu ngân sách nhà nước"  # wrapped over three lines in the PDF


def test_pdf_issuer_and_motto_block_is_read_column_by_column() -> None:
    texts = [p.text for p in read("flow.pdf").paragraphs()]
    # Side by side on the page (a borderless table in Word): never merged into one line.
    assert texts[:5] == [
        "UBND QUẬN HOÀN KIẾM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/BC-UBND",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
    ]
    assert kinds(read("flow.docx")).startswith("TP")  # in Word it is that table


def test_pdf_paragraphs_cut_by_page_breaks_are_joined() -> None:
    expected = ["BÁO CÁO", *fx.flow_paragraphs()]
    assert [p.text for p in read("flow.docx").paragraphs()] == expected
    paragraphs = list(read("flow.pdf").paragraphs())
    assert [p.text for p in paragraphs[4:]] == expected
    with pdfplumber.open(FIXTURES / "flow.pdf") as raw:
        openers = [page.extract_text().split("\n")[0] for page in raw.pages[1:]]
    # The first line of every later page belongs to the paragraph that began on the page before.
    for page, opener in enumerate(openers, start=2):
        holder = [p for p in paragraphs if p.locator.page < page][-1]
        assert holder.locator.page == page - 1 and opener in holder.text


def _line(text: str, x0: float, x1: float, top: float) -> pdf_reader._Line:
    return pdf_reader._Line(1, x0, top, x1, top + 13, text, 13.0, False, 13.0 * len(text.split()[0]) / 2)


@pytest.mark.parametrize(
    ("prev", "line", "breaks"),
    [
        # A compound's hyphen wrapped to the line start is not a bullet...
        (
            _line("và Kế hoạch phát triển kinh tế", 85, 552, 100),
            _line("- xã hội 5 năm giai đoạn", 85, 300, 118),
            False,
        ),
        # ...but a dash after a finished sentence is.
        (
            _line("hoàn thành các chỉ tiêu được giao;", 85, 552, 100),
            _line("- xã hội hóa nguồn lực", 85, 300, 118),
            True,
        ),
        # Right-aligned signature lines end at the margin, yet each is its own paragraph.
        (_line("TM. ỦY BAN NHÂN DÂN", 391, 552, 100), _line("CHỦ TỊCH", 482, 552, 118), True),
        # A drawn rule under a centred title stays apart from it.
        (_line("Tổng kết phong trào thi đua năm 2022", 100, 538, 100), _line("———————", 270, 368, 118), True),
    ],
)
def test_pdf_paragraph_break_rules(prev: pdf_reader._Line, line: pdf_reader._Line, breaks: bool) -> None:
    layout = pdf_reader._Layout(left=85.0, right=552.5, line_gap=5.0)
    assert pdf_reader._breaks(pdf_reader._Para([prev]), line, layout) is breaks


def _image_only_pdf() -> bytes:
    """A one-page PDF holding only a 1x1 image: what a scan without a text layer looks like."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
    ]
    content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_page_without_text_layer_goes_to_ocr_or_is_refused_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractors.readers.ocr import OcrEngineError, ocr_unavailable

    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_only_pdf())  # an image with no text: OCR finds nothing, and says so
    if ocr_unavailable() is None:
        doc = read_document(path)
        assert doc.blocks == [] and doc.pages == 1
        assert doc.warnings == ["page 1 (no text layer): OCR found no text (blank or unreadable scan)"]
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(OcrEngineError, match="tesseract-ocr-vie"):  # the server's fault: retried
        read_document(path)


# ------------------------------------------------------------------ refusals


def _truncated_docx() -> bytes:
    return (FIXTURES / "report.docx").read_bytes()[:20_000]


def _broken_xml_docx() -> bytes:
    source = zipfile.ZipFile(FIXTURES / "report.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return out.getvalue()


REFUSALS = {
    "empty.docx": (lambda: b"", "the file is empty"),
    "text.docx": (lambda: "Báo cáo tổng kết năm 2023\n".encode(), "plain text"),
    "page.doc": (lambda: b"<html><body><p>B\xc3\xa1o c\xc3\xa1o</p></body></html>", "HTML"),
    "truncated.docx": (_truncated_docx, "truncated or damaged"),
    "broken-xml.docx": (_broken_xml_docx, "damaged"),
    "legacy.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, "Word 97-2003"),
    "random.bin": (lambda: bytes((i * 7919 + 13) % 256 for i in range(5000)), "not a Word or PDF"),
    "damaged.pdf": (lambda: (FIXTURES / "report.pdf").read_bytes()[:3000], "cannot be parsed"),
    "encrypted.pdf": (lambda: (FIXTURES / "encrypted.pdf").read_bytes(), "encrypted/password-protected"),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_unreadable_files_are_refused_with_a_readable_message(name: str, tmp_path: Path) -> None:
    make, problem = REFUSALS[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    error = caught.value
    assert problem in error.problem
    assert error.path == str(path) and error.remedy
    assert str(error) == f"{path}: {error.problem}. {error.remedy}"
    assert "Traceback" not in str(error)


def test_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(UnreadableDocument, match="larger than"):
        read_document(FIXTURES / "report.pdf", max_bytes=10_000)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="cannot be opened"):
        read_document(tmp_path / "nope.docx")


def test_extension_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"  # a real .docx saved under the wrong name
    path.write_bytes((FIXTURES / "report.docx").read_bytes())
    assert read_document(path).format == "docx"
    assert isinstance(read_document(path).blocks[0], Paragraph)
