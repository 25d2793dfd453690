"""Ruled tables of a scanned page: their grid from the rules found in the image, cells filled by OCR.

Why: Tesseract reads a table's cells as loose words, so the figures only a table holds (the award
table by form of commendation, the summary table of indicators) would be lost. The rules that
:func:`extractors.readers.ocr_image.split_rules` whitens before Tesseract reads the page are the
table's own grid: here each dark run of a rule becomes a pdfplumber edge in points (the straightened
frame of the OCR page), and pdfplumber's table algorithm, run with the settings of
``page.find_tables()`` exactly as on a text page (:class:`~extractors.readers.pdf_graphics.Graphics`),
turns the edges into cell boxes. The PDF reader then routes the OCR words into those cells
(:func:`extractors.readers.pdf_tables.page_tables`), as it routes a text page's words, so the table
extractors read a scanned table as they read a born-digital one.

The edges are the pixel runs themselves, one per row of a horizontal rule (one per column of a
vertical rule): a rule scanned 3 px thick gives three edges a quarter point apart, which
pdfplumber's snapping (3 pt) makes one, and a rule broken by a speck of JPEG noise gives two runs
that its joining (3 pt) makes one again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

from extractors.document import BBox
from extractors.readers.pdf_graphics import Graphics


def rule_edges(across: np.ndarray, down: np.ndarray, scale: float) -> list[dict[str, Any]]:
    """Line objects (pdfplumber's shape, points, top-left origin) for the dark runs of the rule masks.

    ``across`` marks the pixels of horizontal runs, ``down`` those of vertical runs (the masks of
    :func:`~extractors.readers.ocr_image.split_rules`); ``scale`` is points per pixel."""
    out = []
    for row, start, end in _runs(across):
        y = round((row + 0.5) * scale, 2)
        out.append(_line(start * scale, y, end * scale, y))
    for col, start, end in _runs(down.T):
        x = round((col + 0.5) * scale, 2)
        out.append(_line(x, start * scale, x, end * scale))
    return out


def ruled_tables(edges: list[dict[str, Any]]) -> list[list[BBox]]:
    """The cell boxes of each table the edges draw, as ``page.find_tables()`` finds them."""
    if not edges:
        return []
    return Graphics(lines=edges).find_tables()


def _runs(mask: np.ndarray) -> list[tuple[int, int, int]]:
    """Every horizontal run of True in ``mask`` as (row, first column, column after the last)."""
    if not mask.any():
        return []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded, axis=1)
    starts = np.argwhere(step == 1)  # row-major: a row's runs left to right, rows top-down
    ends = np.argwhere(step == -1)
    return [(int(r), int(s), int(e)) for (r, s), (_, e) in zip(starts, ends, strict=True)]


def _line(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    x0, top, x1, bottom = (round(float(v), 2) for v in (x0, top, x1, bottom))
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


# ---------------------------------------------------------------- cells read again, one line each

STRIP_MARGIN_PX = 24  # white around a strip and between two cells' pieces: each piece its own lines
STRIP_MAX_PX = 20_000  # a strip taller than this is split (Tesseract refuses images over 32767 px)
CELL_INSET_PX = 4  # what is left of a rule's fringe along the cell's edges stays out of the piece
INK = 160  # grey levels under this are ink when a cell's content is trimmed


@dataclass
class Piece:
    """The content of one cell pasted into a strip: ``(x, y)`` its place in the strip (pixels),
    ``(left, top)`` its place on the page (pixels), ``height`` its height."""

    x: int
    y: int
    left: int
    top: int
    height: int


@dataclass
class Strip:
    """Cells' contents stacked one under another, left-aligned, for a second Tesseract pass."""

    image: Image.Image
    pieces: list[Piece] = field(default_factory=list)

    def place(self, words: list[dict[str, Any]], scale: float) -> list[dict[str, Any]]:
        """Words read on the strip (points, ``scale`` points per pixel) moved back onto the page; a
        word outside every piece (a speck between two) is dropped."""
        out = []
        for word in words:
            y = (word["top"] + word["bottom"]) / 2 / scale
            piece = next((p for p in self.pieces if p.y <= y < p.y + p.height), None)
            if piece is None:
                continue
            dx, dy = (piece.left - piece.x) * scale, (piece.top - piece.y) * scale
            moved = {**word, "x0": round(float(word["x0"] + dx), 2), "x1": round(float(word["x1"] + dx), 2)}
            moved.update(top=round(float(word["top"] + dy), 2), bottom=round(float(word["bottom"] + dy), 2))
            out.append(moved)
        return out


def cell_strips(image: Image.Image, tables: list[list[BBox]], scale: float) -> list[Strip]:
    """The inked content of every cell (boxes in points, ``scale`` points per pixel) of the rule-free
    ``image``, trimmed to its ink, stacked into strips of at most ``STRIP_MAX_PX`` pixels.

    Why: Tesseract (psm 6) sets the width of a space from the whole line, and a table row is one line
    with wide gaps between its columns; it then reads the narrow spaces inside a cell as none
    ("Kếhoạch", "Thựchiện" for the header "Kế hoạch", "Thực hiện"). Each cell on lines of its own, in
    a block of ordinary lines, keeps its spaces."""
    pixels = np.asarray(image)
    crops: list[tuple[int, int, np.ndarray]] = []
    for box in (b for cells in tables for b in cells):
        x0, top = round(box[0] / scale) + CELL_INSET_PX, round(box[1] / scale) + CELL_INSET_PX
        x1, bottom = round(box[2] / scale) - CELL_INSET_PX, round(box[3] / scale) - CELL_INSET_PX
        cell = pixels[max(0, top) : max(0, bottom), max(0, x0) : max(0, x1)]
        ink = cell < INK
        if not ink.any():
            continue
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        r0, r1 = max(0, rows[0] - 2), rows[-1] + 3
        c0, c1 = max(0, cols[0] - 2), cols[-1] + 3
        crops.append((x0 + c0, top + r0, cell[r0:r1, c0:c1]))
    strips: list[Strip] = []
    batch: list[tuple[int, int, np.ndarray]] = []
    height = STRIP_MARGIN_PX
    for crop in crops:
        if batch and height + crop[2].shape[0] + STRIP_MARGIN_PX > STRIP_MAX_PX:
            strips.append(_strip(batch))
            batch, height = [], STRIP_MARGIN_PX
        batch.append(crop)
        height += crop[2].shape[0] + STRIP_MARGIN_PX
    if batch:
        strips.append(_strip(batch))
    return strips


def _strip(crops: list[tuple[int, int, np.ndarray]]) -> Strip:
    width = max(c.shape[1] for _, _, c in crops) + 2 * STRIP_MARGIN_PX
    height = sum(c.shape[0] + STRIP_MARGIN_PX for _, _, c in crops) + STRIP_MARGIN_PX
    canvas = np.full((height, width), 255, dtype=np.uint8)
    strip = Strip(Image.new("L", (1, 1)))
    y = STRIP_MARGIN_PX
    for left, top, crop in crops:
        canvas[y : y + crop.shape[0], STRIP_MARGIN_PX : STRIP_MARGIN_PX + crop.shape[1]] = crop
        # a piece owns half the margin on each side: a word's box may reach a little past its ink
        half = STRIP_MARGIN_PX // 2
        strip.pieces.append(Piece(STRIP_MARGIN_PX, y - half, left, top - half, crop.shape[0] + 2 * half))
        y += crop.shape[0] + STRIP_MARGIN_PX
    strip.image = Image.fromarray(canvas)
    return strip


def in_cell(word: dict[str, Any], tables: list[list[BBox]]) -> bool:
    """The word's centre lies in one of the cells (its text is read again from the strips)."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for cells in tables for b in cells)
