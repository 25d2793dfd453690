"""Ruled tables on scanned pages: the grid from the rules in the image, OCR words routed into its cells.

The unit tests draw rules and place word boxes by hand (no Tesseract); the end-to-end test reads the
committed scan ``samples/independent/r30_scanned_dong_da_2022.pdf`` (made by
``samples/independent/write_scanned.py`` from ``r02_tables_dong_da_2022.pdf``: 200 dpi, turned,
red seals, image-only) and compares its figures with its born-digital twin's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from system_tools import needs_tesseract

from extractors.document import Table
from extractors.extract import extract_path
from extractors.readers import ocr, read_document
from extractors.readers.ocr_image import split_rules
from extractors.readers.ocr_tables import cell_strips, in_cell, rule_edges, ruled_tables
from extractors.readers.pdf_records import Page, Word
from extractors.readers.pdf_tables import page_tables
from models.records import DocumentResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "independent"
SCAN, TWIN = SAMPLES / "r30_scanned_dong_da_2022.pdf", SAMPLES / "r02_tables_dong_da_2022.pdf"
SCALE = 0.5  # points per pixel in the drawn pages below


def drawn_table(gap_in_rule: bool = False) -> Image.Image:
    """A ruled table of 3 rows (520 × 150 px) and 3 columns whose header row merges the last two (no
    vertical rule between them there), a letter-like blob in its first cell, a short rule above it."""
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    for y in (50, 100, 150, 200):
        draw.line((40, y, 560, y), fill=20, width=3)
    if gap_in_rule:  # a speck of paper in a rule: two runs, joined again
        draw.line((300, 150, 302, 150), fill=255, width=3)
    for x in (40, 200, 560):
        draw.line((x, 50, x, 200), fill=20, width=3)
    draw.line((380, 100, 380, 200), fill=20, width=3)  # the last two columns split below the header
    draw.rectangle((60, 70, 70, 85), fill=0)  # a "letter" in the first cell
    draw.line((100, 20, 140, 20), fill=0, width=2)  # a short rule under a heading: not a table
    return image


def word(text: str, x0: float, top: float, x1: float, bottom: float) -> Word:
    return Word(text, x0, x1, top, bottom, bottom - top, (("", text),))


def test_rules_in_the_image_give_the_grid_with_its_spans() -> None:
    clean, across, down = split_rules(drawn_table(), length=80)
    tables = ruled_tables(rule_edges(across, down, SCALE))
    assert len(tables) == 1
    boxes = sorted(tables[0], key=lambda b: (b[1], b[0]))
    assert len(boxes) == 8  # header: 2 cells (one spanning two columns); two body rows of 3
    first, merged = boxes[0], boxes[1]
    assert first == pytest.approx((20.25, 25.25, 100.25, 50.25), abs=0.6)
    assert merged == pytest.approx((100.25, 25.25, 280.25, 50.25), abs=0.6)
    # The rules are gone from the image Tesseract reads; the letter and the short heading rule stay.
    pixels = np.asarray(clean)
    assert (pixels[48:53, 300] == 255).all() and (pixels[120, 38:43] == 255).all()
    assert (pixels[72:84, 62:69] == 0).all() and (pixels[20, 110:130] < 140).all()


def test_a_rule_broken_by_a_speck_is_still_one_rule() -> None:
    _, across, down = split_rules(drawn_table(gap_in_rule=True), length=80)
    assert len(sorted(ruled_tables(rule_edges(across, down, SCALE))[0])) == 8


def test_lone_rules_make_no_table() -> None:
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.line((100, 40, 300, 40), fill=0, width=2)  # "———" under the issuer
    draw.line((100, 120, 500, 120), fill=0, width=2)
    draw.line((550, 50, 550, 250), fill=0, width=2)  # a margin line, touching nothing
    _, across, down = split_rules(image, length=80)
    assert ruled_tables(rule_edges(across, down, SCALE)) == []
    assert ruled_tables([]) == []


def test_ocr_words_are_routed_into_the_rebuilt_cells_in_rows_and_columns() -> None:
    _, across, down = split_rules(drawn_table(), length=80)
    tables = ruled_tables(rule_edges(across, down, SCALE))
    words = [
        word("Hình", 24, 30, 44, 40),
        word("thức", 46, 30, 66, 40),
        word("Số", 150, 30, 162, 40),
        word("lượng", 164, 30, 190, 40),
        word("Giấy", 24, 55, 44, 65),
        word("khen", 46, 55, 66, 65),
        word("quận", 24, 66, 44, 76),  # the label's second line, same cell
        word("812", 130, 60, 146, 70),
        word("1.095", 220, 60, 244, 70),
        word("Tổng", 24, 85, 46, 95),
        word("1.094", 130, 85, 154, 95),
        word("Trên", 20, 120, 40, 130),  # under the table: running text
    ]
    page = Page(2, 300.0, 150.0)
    outside = page_tables(page, tables, words)
    assert [w.text for w in outside] == ["Trên"]
    (part,) = page.tables
    assert (part.n_rows, part.n_cols) == (3, 3)
    grid = {(c["row"], c["col"]): (c["text"], c["col_span"]) for c in part.cells}
    assert grid == {
        (0, 0): ("Hình thức", 1),
        (0, 1): ("Số lượng", 2),
        (1, 0): ("Giấy khen\nquận", 1),  # a short first line: a line break, as on a text page
        (1, 1): ("812", 1),
        (1, 2): ("1.095", 1),
        (2, 0): ("Tổng", 1),
        (2, 1): ("1.094", 1),
        (2, 2): ("", 1),
    }


def test_cells_are_stacked_on_lines_of_their_own_and_their_words_come_back() -> None:
    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 70, 160, 85), fill=0)  # ink in cell A
    draw.rectangle((420, 160, 470, 180), fill=0)  # ink in cell B
    cells = [(20.0, 25.0, 100.0, 50.0), (200.0, 75.0, 280.0, 100.0), (100.0, 25.0, 200.0, 50.0)]  # C: empty
    (strip,) = cell_strips(image, [cells], SCALE)
    assert len(strip.pieces) == 2
    ink = np.argwhere(np.asarray(strip.image) == 0)
    assert ink[:, 1].min() == strip.pieces[0].x + 2  # left-aligned at the margin, 2 px of white kept
    # A word read on the strip over each piece lands back in its own cell, in points.
    a, b = strip.pieces
    on_strip = [
        {"text": "Giấy", "x0": (a.x + 2) * SCALE, "x1": (a.x + 102) * SCALE, "top": (a.y + 12) * SCALE},
        {"text": "812", "x0": (b.x + 2) * SCALE, "x1": (b.x + 52) * SCALE, "top": (b.y + 12) * SCALE},
        {"text": "~", "x0": 0.0, "x1": 2.0, "top": (strip.image.height + 50) * SCALE},  # off every piece
    ]
    for w in on_strip:
        w["bottom"] = w["top"] + 8 * SCALE
    back = strip.place(on_strip, SCALE)
    assert [w["text"] for w in back] == ["Giấy", "812"]
    assert back[0]["x0"] == pytest.approx(30.0, abs=1.5) and back[1]["x0"] == pytest.approx(210.0, abs=1.5)
    assert (
        in_cell(back[0], [cells[:1]]) and in_cell(back[1], [cells[1:2]]) and not in_cell(back[1], [cells[:1]])
    )


def hocr(*lines: tuple[str, int]) -> str:
    """An hOCR page with one word (text, confidence) on each line."""
    spans = []
    for k, (text, conf) in enumerate(lines):
        top = 20 + 60 * k
        box = f"20 {top} 60 {top + 30}"
        spans.append(
            f"<span class='ocr_line' title='bbox {box}; baseline 0 0'>"
            f"<span class='ocrx_word' title='bbox {box}; x_wconf {conf}'>{text}</span></span>"
        )
    return f"<html xmlns='http://www.w3.org/1999/xhtml'><body>{''.join(spans)}</body></html>"


def test_group_numbers_and_dashes_of_cells_are_read_back() -> None:
    page = hocr(("1H", 51), ("H", 37), ("|", 49), ("1", 96), ("11", 95), ("Il.", 60), ("—", 20), ("~", 20))
    assert [w["text"] for w in ocr.hocr_words(page, 1.0, cells=True)] == [
        "III",
        "II",
        "I",
        "1",
        "11",
        "II.",
        "-",
    ]
    # On running text an unsure lone letter or stroke is dropped, and nothing is read as Roman.
    assert [w["text"] for w in ocr.hocr_words(page, 1.0)] == ["1H", "1", "11", "Il."]


# ------------------------------------------------------------------ with Tesseract


@cache
def extracted(path: Path) -> DocumentResult:
    return extract_path(path)


@needs_tesseract
def test_scanned_twin_gives_the_born_digital_figures_flagged_ocr_text() -> None:
    scan, twin = extracted(SCAN), extracted(TWIN)
    assert (
        (scan.unit and scan.unit.id, scan.year)
        == (twin.unit and twin.unit.id, twin.year)
        == ("dong-da", 2022)
    )
    assert {f.indicator: f.value for f in scan.figures} == {f.indicator: f.value for f in twin.figures}
    assert len(scan.figures) == 13
    for figure in scan.figures:
        clean = twin.figure(figure.indicator)
        assert "ocr_text" in figure.flags and clean and "ocr_text" not in clean.flags
        assert figure.source and clean.source and figure.source.page == clean.source.page
    # The commendation figures come from the rebuilt table's unit-level row, boxed where the scan has it.
    for indicator in ("commended_collectives", "commended_individuals"):
        figure, clean = scan.figure(indicator), twin.figure(indicator)
        assert figure and clean and figure.source and clean.source
        assert figure.source.block.startswith("t") and figure.source.bbox and clean.source.bbox
        assert all(abs(a - b) < 10 for a, b in zip(figure.source.bbox, clean.source.bbox, strict=True))


@needs_tesseract
def test_scanned_tables_are_tables_with_ocr_cells() -> None:
    scan, twin = read_document(SCAN), read_document(TWIN)
    scanned = [b for b in scan.blocks if isinstance(b, Table)]
    born = [b for b in twin.blocks if isinstance(b, Table)]
    assert [(t.n_rows, t.n_cols, t.page) for t in scanned] == [(t.n_rows, t.n_cols, t.page) for t in born]
    assert all(c.repairs == ("ocr_text",) for t in scanned for c in t.cells)
    award = scanned[-1]
    rows = {c.row: [] for c in award.cells}
    for c in award.cells:
        rows[c.row].append(c.text)
    assert rows[0] == ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"]
    assert rows[9][:4] == ["III", "Cấp quận (Chủ tịch UBND quận)", "1.048", "1.263"]
