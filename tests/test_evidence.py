"""Evidence beside a figure: cached PDF page images with the source box, Word text and table context.

Inputs are the committed samples, run through the real extractor, so the sources are the ones the
review app will actually be given.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from extractors.document import Document
from extractors.extract import extract_path
from extractors.readers import read_document
from models.records import DocumentResult, Figure
from review import evidence
from review.evidence import (
    MISSING,
    EvidenceError,
    context_for,
    highlight_box,
    page_evidence,
    page_image,
    value_as_written,
    word_context,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROSE_PDF = SAMPLES / "hoan-kiem-2021-prose.pdf"  # 8 pages
PROSE_DOCX = SAMPLES / "hoan-kiem-2021-prose.docx"
AWARDS_DOCX = SAMPLES / "ba-dinh-2021-awards.docx"
TWOYEAR_DOCX = SAMPLES / "ba-dinh-2022-twoyear.docx"


def _figure(result: DocumentResult, indicator: str) -> Figure:
    figure = result.figure(indicator)
    assert figure is not None and figure.source is not None, f"{indicator} not extracted"
    return figure


@pytest.fixture(scope="module")
def prose_pdf() -> DocumentResult:
    return extract_path(PROSE_PDF)


@pytest.fixture(scope="module")
def prose_docx() -> tuple[Document, DocumentResult]:
    return read_document(PROSE_DOCX), extract_path(PROSE_DOCX)


# ---------------------------------------------------------------- PDF page images


def test_page_image_is_a_png_of_the_page_at_the_resolution(prose_pdf: DocumentResult, tmp_path: Path) -> None:
    source = _figure(prose_pdf, "budget_revenue_actual").source
    assert source is not None and source.page == 2
    png, (width, height) = page_image(PROSE_PDF, source.page, tmp_path, resolution=110)
    assert png.parent == tmp_path and png.name == f"{prose_pdf.sha256}-p2-r110.png"
    assert (width, height) == pytest.approx((595.3, 841.9), abs=0.1)  # A4 in points
    with Image.open(png) as image:
        assert image.format == "PNG"
        image.verify()
    with Image.open(png) as image:
        assert image.size[0] == pytest.approx(width * 110 / 72, abs=1.5)
        assert image.size[1] == pytest.approx(height * 110 / 72, abs=1.5)
    assert [p.name for p in tmp_path.iterdir()] == [png.name]  # no temp file left behind


def test_page_image_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    png, size = page_image(PROSE_PDF, 2, tmp_path)
    stamp = png.stat().st_mtime_ns

    def no_pdf(*args: object, **kwargs: object) -> None:
        raise AssertionError("the PDF was opened again although the page is cached")

    monkeypatch.setattr(evidence.pdfplumber, "open", no_pdf)
    assert page_image(PROSE_PDF, 2, tmp_path) == (png, size)
    assert png.stat().st_mtime_ns == stamp


def test_another_resolution_is_another_cache_entry(tmp_path: Path) -> None:
    low, _ = page_image(PROSE_PDF, 1, tmp_path, resolution=50)
    high, _ = page_image(PROSE_PDF, 1, tmp_path, resolution=100)
    assert low != high and low.name.endswith("-p1-r50.png")
    with Image.open(low) as small, Image.open(high) as large:
        assert small.size[0] < large.size[0]


@pytest.mark.parametrize("page", [9, 0, -1])
def test_a_page_out_of_range_is_refused_in_vietnamese(tmp_path: Path, page: int) -> None:
    with pytest.raises(EvidenceError) as caught:
        page_image(PROSE_PDF, page, tmp_path)
    assert str(caught.value) == f"Trang {page} không có trong tệp (tệp có 8 trang)"
    assert not list(tmp_path.iterdir())


def test_a_file_that_is_not_a_pdf_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="Không đọc được tệp PDF"):
        page_image(PROSE_DOCX, 1, tmp_path)
    with pytest.raises(EvidenceError, match="Không mở được tệp"):
        page_image(tmp_path / "gone.pdf", 1, tmp_path)


def test_highlight_box_covers_the_source_bbox(prose_pdf: DocumentResult, tmp_path: Path) -> None:
    for figure in prose_pdf.figures:
        source = figure.source
        assert source is not None and source.page is not None and source.bbox is not None
        _, (width, height) = page_image(PROSE_PDF, source.page, tmp_path)
        box = highlight_box(source.bbox, (width, height))
        assert set(box) == {"left", "top", "width", "height"}
        assert all(0 <= v <= 100 for v in box.values())
        assert box["left"] + box["width"] <= 100 and box["top"] + box["height"] <= 100
        x0, top, x1, bottom = source.bbox
        assert box["left"] / 100 * width <= x0 and (box["left"] + box["width"]) / 100 * width >= x1
        assert box["top"] / 100 * height <= top and (box["top"] + box["height"]) / 100 * height >= bottom


def test_the_value_box_sits_inside_its_paragraphs_box(prose_pdf: DocumentResult, tmp_path: Path) -> None:
    boxed = 0
    for figure in prose_pdf.figures:
        source = figure.source
        assert source is not None and source.bbox is not None
        if source.value_bbox is None:
            continue
        boxed += 1
        assert source.value_page is not None and source.value_page >= source.page
        if source.value_page != source.page:
            continue  # the paragraph's box is of its first page
        _, size = page_image(PROSE_PDF, source.value_page, tmp_path)
        shown = page_evidence(source.page, size, source.bbox, source.value_page, source.value_bbox)
        assert shown.value is not None and shown.block is not None
        assert shown.block["left"] <= shown.value["left"] and shown.block["top"] <= shown.value["top"]
        assert shown.value["left"] + shown.value["width"] <= shown.block["left"] + shown.block["width"] + 1e-9
        assert shown.value["top"] + shown.value["height"] <= shown.block["top"] + shown.block["height"] + 1e-9
        assert shown.value["width"] < shown.block["width"]
    assert boxed >= len(prose_pdf.figures) - 1  # every figure of this prose report but a derived one


def test_highlight_box_is_clamped_to_the_page() -> None:
    box = highlight_box((-20.0, -5.0, 700.0, 900.0), (600.0, 800.0))
    assert box == {"left": 0.0, "top": 0.0, "width": 100.0, "height": 100.0}
    with pytest.raises(EvidenceError):
        highlight_box((0.0, 0.0, 1.0, 1.0), (0.0, 800.0))


# ---------------------------------------------------------------- Word text


def test_value_as_written() -> None:
    text = "Tổng thu ngân sách ước đạt 13.200 tỷ đồng."
    assert value_as_written(text, (27, 41)) == "13.200 tỷ đồng"
    assert value_as_written(text, None) is None
    assert value_as_written(text, (30, 400)) is None
    assert value_as_written(text, (5, 5)) is None


@pytest.mark.parametrize(
    ("indicator", "written"),
    [("budget_revenue_actual", "13.200 tỷ đồng"), ("budget_revenue_attainment_pct", "147,4%")],
)
def test_prose_figure_highlights_the_value_as_written(
    prose_docx: tuple[Document, DocumentResult], indicator: str, written: str
) -> None:
    document, result = prose_docx
    source = _figure(result, indicator).source
    assert source is not None and source.span is not None
    paragraph = next(p.text for p in document.paragraphs() if p.locator.block == source.block)
    # The sentence is not the paragraph's first: the span has to be shifted to be right.
    assert paragraph.find(source.text) > 0
    context = context_for(document, source)
    assert context.kind == "paragraph" and context.located and context.missing is None
    assert context.target is not None and context.target[1] == written
    assert "".join(context.target) == paragraph
    assert len(context.before) == 2 and len(context.after) == 2
    assert all(text.strip() for text in context.before + context.after)


def test_prose_value_is_found_from_its_text_alone(prose_docx: tuple[Document, DocumentResult]) -> None:
    document, result = prose_docx
    source = _figure(result, "budget_revenue_actual").source
    assert source is not None
    context = word_context(document, source.block, None, "13.200 tỷ đồng", before=1, after=0)
    assert context.target is not None and context.target[1] == "13.200 tỷ đồng"
    assert len(context.before) == 1 and context.after == []


def test_an_unconfirmed_sentence_span_highlights_the_whole_paragraph(
    prose_docx: tuple[Document, DocumentResult],
) -> None:
    # The span indexes the sentence; applied blindly to the paragraph it would mark the wrong words.
    document, result = prose_docx
    source = _figure(result, "budget_revenue_actual").source
    assert source is not None
    context = word_context(document, source.block, source.span, None)
    paragraph = next(p.text for p in document.paragraphs() if p.locator.block == source.block)
    assert context.target == ("", paragraph, "") and not context.located


def test_table_row_figure_shows_header_caption_and_row() -> None:
    document, result = read_document(AWARDS_DOCX), extract_path(AWARDS_DOCX)
    source = _figure(result, "commended_collectives").source
    assert source is not None and source.block == "t0.r17"
    context = context_for(document, source)
    assert context.kind == "table" and context.missing is None and context.target is None
    assert context.header_rows == [["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]]
    assert context.row == ["", "Cộng", "444", "1.514", ""] and context.row_index == 17
    assert context.caption == "BIỂU TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2021"


def test_a_two_row_header_is_kept_whole_and_a_cell_block_marks_its_column() -> None:
    document = read_document(TWOYEAR_DOCX)
    context = word_context(document, "t1.r2.c4", None, None)
    assert context.caption == "ĐVT: Tỷ đồng"
    assert context.header_rows == [
        ["STT", "Chỉ tiêu", "Năm 2021", "", "Năm 2022", ""],  # merged cells shown once, as printed
        ["", "", "Thực hiện", "% so KH", "Thực hiện", "% so KH"],
    ]
    assert context.row is not None and context.row[4] == "6.120" and context.value_cols == [4]
    assert word_context(document, "t1.r2", None, "6.120").value_cols == [4]


@pytest.mark.parametrize("block", ["p9999", "t0.r999", "t42.r1", "t0.r1.c99x", "", "x3"])
def test_a_block_that_is_gone_gives_a_note_not_an_error(
    prose_docx: tuple[Document, DocumentResult], block: str
) -> None:
    document, _ = prose_docx
    context = word_context(document, block, (0, 3), "13.200 tỷ đồng")
    assert context.target is None and context.row is None
    assert context.missing == MISSING == "Không tìm thấy đoạn/bảng nguồn trong tệp"
