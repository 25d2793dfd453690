"""The pdfium word source against the reference engine (pdfplumber), Document by Document.

Every PDF of samples/ and tests/fixtures/ is read twice, ``engine="reference"`` (pdfplumber, what the
reader always did) and the default (pdfium, pages it cannot mirror falling back to the reference):
every block's text, locator, spans, bold and repairs must be the same, bboxes within 0.5 pt, and so
must the running heads, warnings and page count. Hand-made PDFs (tests/fixtures/pdf/build.py) cover
what the samples, all from LibreOffice, do not; for those pdfium should read, the test also checks
that it did (no page fell back), so that a regression to the slow path cannot pass unseen.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers import pdf_builder

from extractors.document import Document, Paragraph
from extractors.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted(
    p
    for p in [*ROOT.glob("samples/**/*.pdf"), *ROOT.glob("tests/fixtures/**/*.pdf")]
    if p.name != "encrypted.pdf"
)
build = pdf_builder()
needs_font = pytest.mark.skipif(
    build.font_path() is None or build.font_path("bold") is None,
    reason="Liberation Serif is not installed (Debian package fonts-liberation)",
)
BBOX_TOLERANCE = 0.5


def flatten(doc: Document) -> list[tuple]:
    out: list[tuple] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            loc = block.locator
            out.append(
                ("p", block.index, block.text, loc.block, loc.page, loc.bbox, block.bold, block.repairs)
            )
            continue
        out.append(("t", block.index, block.n_rows, block.n_cols, block.page, block.parent))
        for c in block.cells:
            loc = c.locator
            out.append(
                ("c", c.row, c.col, c.text, loc.block, loc.page, loc.bbox, c.row_span, c.col_span, c.repairs)
            )
    return out


def assert_same(reference: Document, pdfium: Document) -> None:
    assert (pdfium.pages, pdfium.header_footer, pdfium.warnings) == (
        reference.pages,
        reference.header_footer,
        reference.warnings,
    )
    ref, new = flatten(reference), flatten(pdfium)
    assert len(new) == len(ref), [b for b in new if b not in ref][:3]
    for a, b in zip(ref, new, strict=True):
        if a == b:
            continue
        for x, y in zip(a, b, strict=True):  # only a bbox may differ, and by less than the tolerance
            if isinstance(x, tuple) and isinstance(y, tuple) and len(x) == len(y) == 4:
                assert max(abs(p - q) for p, q in zip(x, y, strict=True)) <= BBOX_TOLERANCE, (a, b)
            else:
                assert x == y, (a, b)


def read_both(name: str, data: bytes, caplog: pytest.LogCaptureFixture) -> tuple[Document, Document, list]:
    reference = read_pdf(name, data, "0" * 64, engine="reference")
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="extractors.readers.pdf_sources"):
        pdfium = read_pdf(name, data, "0" * 64)
    fallbacks = [r.getMessage() for r in caplog.records if "read by the reference engine" in r.getMessage()]
    return reference, pdfium, fallbacks


@pytest.mark.parametrize("path", PDFS, ids=[str(p.relative_to(ROOT)) for p in PDFS])
def test_every_sample_pdf_reads_the_same_with_pdfium(path: Path, caplog: pytest.LogCaptureFixture) -> None:
    reference, pdfium, _ = read_both(str(path), path.read_bytes(), caplog)
    assert_same(reference, pdfium)


def test_sample_pages_are_read_by_pdfium(caplog: pytest.LogCaptureFixture) -> None:
    """The samples are what real reports look like: pdfium must read them, not the reference."""
    pages = 0
    for path in (p for p in PDFS if "samples" in p.parts):
        pages += read_both(str(path), path.read_bytes(), caplog)[1].pages or 0
        fallbacks = [r.getMessage() for r in caplog.records if "reference engine" in r.getMessage()]
        assert not fallbacks, (path, fallbacks)
    assert pages >= 100


# ------------------------------------------------------------------ hand-made PDFs

LINES = [
    "Thu ngân sách trên địa bàn quận ước đạt 13.200 tỷ đồng, bằng 147,4% dự toán",
    "Thành phố giao, tăng 12,5% so với cùng kỳ; giải ngân vốn đầu tư công đạt 95%.",
    "Tổ chức 25 phong trào thi đua, 48 tập thể được tặng Bằng khen của Thành phố.",
]


def prose(
    b: object, x: float = 72, y: float = 770, font: str = "F1", size: float = 12, lead: float = 16
) -> bytes:
    out = b"BT /%s %g Tf %g %g Td %g TL " % (font.encode(), size, x, y, lead)
    for line in LINES:
        out += b"%s Tj T* " % b.t(font, line)
    return out + b"ET\n"


def table(x0: float, top: float, widths: list[float], rows: int, height: float, style: str) -> bytes:
    """Rules of a grid: "lines" stroked segments, "rects" thin filled rectangles (Word), "path" one
    path of many subpaths, "curves" a frame with rounded corners around stroked lines."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - k * height for k in range(rows + 1)]
    out = b"0.5 w\n"
    if style == "rects":
        for y in ys:
            out += b"%g %g %g 0.5 re f\n" % (xs[0], y, xs[-1] - xs[0])
        for x in xs:
            out += b"%g %g 0.5 %g re f\n" % (x, ys[-1], ys[0] - ys[-1])
        return out
    segments = [(xs[0], y, xs[-1], y) for y in ys] + [(x, ys[0], x, ys[-1]) for x in xs]
    if style == "path":
        return out + b"".join(b"%g %g m %g %g l " % s for s in segments) + b"S\n"
    out += b"".join(b"%g %g m %g %g l S\n" % s for s in segments)
    if style == "curves":
        a, b_, c, d = xs[0] - 6, ys[-1] - 6, xs[-1] + 6, ys[0] + 6
        out += b"%g %g m %g %g l %g %g %g %g %g %g c %g %g l %g %g %g %g %g %g c h S\n" % (
            a + 4,
            b_,
            c - 4,
            b_,
            c,
            b_,
            c,
            b_,
            c,
            b_ + 4,
            c,
            d,
            c,
            d,
            c,
            d,
            c - 4,
            d,
        )
    return out


def cells(
    b: object, x0: float, top: float, widths: list[float], texts: list[list[str]], height: float
) -> bytes:
    out = b""
    for r, row in enumerate(texts):
        x = x0
        for w, text in zip(widths, row, strict=True):
            out += b"BT /F1 11 Tf %g %g Td %s Tj ET\n" % (x + 3, top - (r + 1) * height + 5, b.t("F1", text))
            x += w
    return out


GRID = [["STT", "Chỉ tiêu", "Kết quả"], ["1", "Thu ngân sách", "13.200 tỷ đồng"], ["2", "Giải ngân", "95%"]]


def doc_prose_and_table(style: str, **page: object) -> bytes:
    b = build.Builder()
    widths = [40.0, 200.0, 150.0]
    content = prose(b) + table(72, 600, widths, 3, 20, style) + cells(b, 72, 600, widths, GRID, 20)
    b.add(build.Page(content, **page))
    return b.pdf()


def doc_spacing() -> bytes:
    b = build.Builder(descent=-216)
    t = b.t
    content = (
        b"BT /F1 12 Tf 72 770 Td 80 Tz %s Tj ET\n" % t("F1", LINES[0])
        + b"BT /F1 12 Tf 72 750 Td 3 Tw %s Tj ET\n" % t("F1", "Tổ chức 25 phong trào")
        + b"BT /F1 12 Tf 72 730 Td %s Tj 4 Ts /F1 7 Tf %s Tj 0 Ts /F1 12 Tf %s Tj ET\n"
        % (t("F1", "Diện tích 120 m"), t("F1", "2"), t("F1", " đất ở"))
        + b"BT /F1 12 Tf 72 710 Td [%s -600 %s -150 %s] TJ ET\n"
        % (t("F1", "Thu"), t("F1", "ngân"), t("F1", "sách"))
        + b"BT /F2 12 Tf 72 690 Td %s Tj /F1 12 Tf %s Tj ET\n" % (t("F2", "Điề"), t("F1", "u 1. Phạm vi"))
        + b"BT 3 Tr /F1 12 Tf 72 670 Td %s Tj ET\n" % t("F1", "Lớp chữ ẩn của bản quét")
        + b"BT /F1 12 Tf 300 650 Td %s Tj ET BT /F1 12 Tf 72 650 Td %s Tj ET\n"
        % (t("F1", "phần phải của dòng"), t("F1", "Phần trái,"))
        + b"q 0.1 0 0 0.1 0 0 cm BT /F1 120 Tf 720 6300 Td %s Tj ET Q\n" % t("F1", LINES[1])
    )
    b.add(build.Page(content))
    return b.pdf()


def doc_hyphen(unmapped: tuple[int, ...] = (0xAD,)) -> bytes:
    b = build.Builder(unmapped=unmapped)
    content = b"BT /F1 12 Tf 72 770 Td 16 TL %s Tj T* %s Tj T* %s Tj ET\n" % (
        b.t("F1", "Công tác phòng, chống dịch Covid-"),
        b.t("F1", "19 được triển khai theo Nghị quyết số 1656/NQ-"),
        b.t("F1", "UBTVQH15 ngày 16/6/2025."),
    )
    b.add(build.Page(content))
    return b.pdf()


def doc_forms() -> bytes:
    b = build.Builder()
    widths = [40.0, 120.0, 110.0]
    form = table(0, 200, widths, 2, 24, "lines") + cells(b, 0, 200, widths, GRID[1:], 24)
    content = prose(b) + b"q 1 0 0 1 40 -30 cm /Fm1 Do Q\n"
    b.add(build.Page(content, forms={"Fm1": form}, form_matrix=(0.9, 0, 0, 0.9, 90, 300)))
    return b.pdf()


def doc_helvetica() -> bytes:
    b = build.Builder()
    content = (
        prose(b) + b"BT /H 10 Tf 280 40 Td (Trang 1 / 3) Tj ET BT /HW 10 Tf 72 60 Td (Ban hanh 2024) Tj ET\n"
    )
    b.add(build.Page(content))
    return b.pdf()


NATIVE = {
    "lines": lambda: doc_prose_and_table("lines"),
    "rects": lambda: doc_prose_and_table("rects"),
    "one path": lambda: doc_prose_and_table("path"),
    "rounded frame": lambda: doc_prose_and_table("curves"),
    "offset mediabox and cropbox": lambda: doc_prose_and_table(
        "lines", mediabox=(0, 100, 595, 942), cropbox=(20, 120, 575, 922)
    ),
    "negative mediabox origin": lambda: doc_prose_and_table("rects", mediabox=(-50, -50, 545, 792)),
    "spacing, rise, kerning, mixed fonts, objects out of order": doc_spacing,
    "hyphens ending lines": doc_hyphen,
    "text and rules in a form": doc_forms,
    "standard fonts": doc_helvetica,
}


@needs_font
@pytest.mark.parametrize("name", list(NATIVE))
def test_hand_made_pdf_reads_the_same_through_pdfium(name: str, caplog: pytest.LogCaptureFixture) -> None:
    reference, pdfium, fallbacks = read_both(name, NATIVE[name](), caplog)
    assert_same(reference, pdfium)
    assert not fallbacks
    assert any(isinstance(b, Paragraph) for b in pdfium.blocks)


def doc_rotated_page() -> bytes:
    return doc_prose_and_table("lines", rotate=90)


def doc_rotated_text() -> bytes:
    b = build.Builder()
    content = prose(b) + b"BT /F1 12 Tf 0 1 -1 0 40 300 Tm %s Tj ET\n" % b.t("F1", "Đã ký số")
    b.add(build.Page(content))
    return b.pdf()


def doc_fake_bold() -> bytes:
    b = build.Builder()
    title = b.t("F1", "BÁO CÁO TỔNG KẾT")
    content = b"BT /F1 14 Tf 200 800 Td %s Tj ET BT /F1 14 Tf 200.3 800 Td %s Tj ET\n" % (
        title,
        title,
    ) + prose(b)
    b.add(build.Page(content))
    return b.pdf()


def doc_char_spacing() -> bytes:
    b = build.Builder()
    content = b"BT /F1 14 Tf 2 Tc 150 800 Td %s Tj %s Tj ET\n" % (
        b.t("F1", "BÁO CÁO "),
        b.t("F1", "TỔNG KẾT"),
    )
    b.add(build.Page(content + prose(b)))
    return b.pdf()


FALLBACK = {
    "rotated page": doc_rotated_page,
    "rotated text": doc_rotated_text,
    "fake bold": doc_fake_bold,
    "char spacing": doc_char_spacing,
    "hyphen or soft hyphen": lambda: doc_hyphen(unmapped=()),  # the font maps both: pdfium cannot say
}


@needs_font
@pytest.mark.parametrize("name", list(FALLBACK))
def test_pages_pdfium_cannot_mirror_fall_back_and_read_the_same(
    name: str, caplog: pytest.LogCaptureFixture
) -> None:
    reference, pdfium, fallbacks = read_both(name, FALLBACK[name](), caplog)
    assert_same(reference, pdfium)
    assert len(fallbacks) == 1
