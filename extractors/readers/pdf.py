"""PDF reader built on pdfplumber: ruled tables with their spans, paragraphs rebuilt from lines.

Two passes. Pass 1 reads each page once (words, ruled tables, which words fall in which cell) and
closes it, keeping only small records, so memory stays bounded on long reports. Pass 2 works on
those records: it finds running headers/footers (they need every page), groups lines into
paragraphs, joins paragraphs and tables cut by page breaks, and numbers the blocks.

This module holds the entry point, the page records, ruled tables (grid, spans, words routed to
cells, tables continued across pages) and the numbering of blocks into a Document. The layout
analysis both passes use (words into lines, running heads, lines into paragraphs, paragraphs cut by
page breaks) is in :mod:`extractors.readers.pdf_layout`, split off to keep each module a readable
size. ``_Layout`` and ``_breaks`` are re-exported here, as are ``_Line`` and ``_Para``, because the
tests reach them through this module.

Scanned pages: pass 1 asks :func:`extractors.readers.ocr.page_needs_ocr` about each page's text layer;
a page without one (and holding an image), or whose text layer is garbage (fonts without a Unicode
map, no Vietnamese letters), is read by OCR (:mod:`extractors.readers.ocr`) instead, and its words go
through the same line and paragraph rules. Its paragraphs carry ``repairs=("ocr_text",)`` and bboxes
mapped back onto the page (the OCR frame is straightened). When OCR is not available the page's
content is missing with a warning, and a PDF in which no page has any text is refused.
"""

from __future__ import annotations

import io
import logging
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.text import WordExtractor

from extractors.document import BBox, Block, Cell, Document, Locator, Paragraph, Table, UnreadableDocument
from extractors.readers.ocr import NO_TEXT, UNMAPPED, OcrError, OcrPage, PdfOcr, page_needs_ocr
from extractors.readers.pdf_layout import _breaks as _breaks
from extractors.readers.pdf_layout import (
    _join,
    _Line,
    _lines,
    _page_items,
    _Para,
    _para_continues,
    _repair_notes,
    _strip_running_lines,
)
from extractors.readers.pdf_layout import _Layout as _Layout

SNAP = 2.0  # points: cell edges closer than this are one grid line

log = logging.getLogger(__name__)


@dataclass
class _TablePart:
    page: int
    bbox: BBox
    xs: list[float]  # column boundaries
    ys: list[float]  # row boundaries
    cells: list[dict[str, Any]]  # row, col, row_span, col_span, bbox, words -> text
    owner: dict[tuple[int, int], dict[str, Any]]  # grid position -> the cell covering it
    ends_page: bool = False  # reaches the lower part of its page, so it may continue on the next

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_TablePart] = field(default_factory=list)
    right: float = 0.0  # right edge of the body text, set when paragraphs are built
    needs_ocr: str | None = None  # why the text layer could not be used as is (page_needs_ocr)
    ocr: OcrPage | None = None  # the page was read by OCR: its lines are in this straightened frame


def read_pdf(name: str, data: bytes, sha256: str) -> Document:
    try:
        pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
    except Exception as exc:  # pdfplumber wraps every pdfminer failure in PdfminerException
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFEncryptionError) or "password" in str(cause).lower():
            raise UnreadableDocument(
                name, "the PDF is encrypted/password-protected", "Export it again without a password"
            ) from exc
        raise _damaged(name, f"damaged cross-reference table or file structure: {cause}") from exc
    warnings: list[str] = []
    ocr = PdfOcr(data)
    with pdf:
        try:
            page_list = pdf.pages
        except Exception as exc:  # a broken page tree is found only when the pages are listed
            raise _damaged(name, f"damaged page tree: {exc}") from exc
        try:
            pages = [_read_page(page, warnings, ocr) for page in page_list]
        finally:
            ocr.close()
    if not pages or all(p is None for p in pages):
        raise _damaged(name, "no page could be read")
    read = [p for p in pages if p is not None]
    _ocr_summary(name, read, ocr, warnings)
    warnings.extend(_repair_notes(read))  # legacy fonts converted, split syllables rejoined
    header_footer = _strip_running_lines(read)
    blocks = _assemble(read)
    return Document(name, "pdf", sha256, blocks, header_footer, pages=len(pages), warnings=warnings)


def _damaged(name: str, detail: str) -> UnreadableDocument:
    remedy = "Export or print it to PDF again (or save the Word file as .docx) and submit it again"
    return UnreadableDocument(name, f"the PDF cannot be parsed ({detail})", remedy)


# ---------------------------------------------------------------- pass 1: one page at a time


def _read_page(page: Any, warnings: list[str], ocr: PdfOcr) -> _Page | None:
    number = page.page_number
    try:
        chars = page.chars
        words = WordExtractor().extract_words(chars, return_chars=True)
        has_images = bool(page.images)
    except Exception as exc:  # a damaged content stream: keep the other pages
        warnings.append(f"page {number} could not be parsed ({exc}); its content is missing")
        page.close()
        return None
    out = _Page(number, float(page.width), float(page.height))
    reason = page_needs_ocr(" ".join(w["text"] for w in words), len(chars))
    if reason == NO_TEXT and not has_images:
        reason = None  # a blank page, or a short one (only "Nơi nhận:"): nothing to read by OCR
    out.needs_ocr = reason
    if reason and (_read_by_ocr(out, reason, ocr, warnings) or reason == UNMAPPED or not words):
        page.close()
        return out
    # OCR not available or failed: a text layer without Vietnamese letters, or a few words, is kept
    if not words:
        page.close()
        return out
    try:
        found = page.find_tables()
    except Exception as exc:
        warnings.append(f"page {number}: table detection failed ({exc}); its text is read as paragraphs")
        found = []
    # A single ruled box (page border, framed note) is layout, not a table: its text stays running text.
    out.tables = [t for t in (_table_part(number, f.cells) for f in found) if t and len(t.cells) > 1]
    for table in out.tables:
        table.ends_page = table.bbox[3] > 0.7 * out.height
    page.close()  # everything needed is in `words` and `out` now: free pdfminer's layout objects

    outside = []
    for word in words:
        if not any(_route(word, table) for table in out.tables):
            outside.append(word)
    for table in out.tables:
        for cell in table.cells:
            lines = _lines(number, cell.pop("words"))
            cell["text"] = _join(lines, cell["bbox"][0], cell["bbox"][2])
            cell["repaired"] = any(ln.repaired for ln in lines)  # legacy font converted, syllables rejoined
    out.lines = _lines(number, outside)
    return out


def _read_by_ocr(out: _Page, reason: str, ocr: PdfOcr, warnings: list[str]) -> bool:
    """Fill ``out`` from OCR of the page; False (with a warning) when OCR is unavailable or fails."""
    number = out.number
    missing = ocr.unavailable()
    if missing:
        warnings.append(
            f"page {number} needs OCR ({reason}) but OCR is not available on the server ({missing}); "
            "its content is missing"
        )
        return False
    try:
        result = ocr.read(number, out.width, out.height)
    except OcrError as exc:
        warnings.append(f"page {number} ({reason}): OCR failed ({exc}); its content is missing")
        return False
    out.ocr = result
    out.lines = _lines(number, result.words)
    if not out.lines:
        warnings.append(f"page {number} ({reason}): OCR found no text (blank or unreadable scan)")
    return True


def _ocr_summary(name: str, pages: list[_Page], ocr: PdfOcr, warnings: list[str]) -> None:
    """One note naming the pages read by OCR; refuse a scan when OCR is not available and no page has a
    usable text layer (a page number stamped on a scan, or an accent-less copier OCR layer, is not)."""
    done = [p for p in pages if p.ocr is not None and p.lines]
    if done:
        listed = ", ".join(str(p.number) for p in done)
        warnings.append(
            f"page{'s' if len(done) > 1 else ''} {listed} read by OCR: check figures against the scan"
        )
        seconds = sum(p.ocr.seconds for p in done if p.ocr)
        log.info(
            "%s: %d pages read by OCR in %.1f s (%.2f s/page)", name, len(done), seconds, seconds / len(done)
        )
    if ocr.was_unavailable and not any((p.lines or p.tables) and not p.needs_ocr for p in pages):
        raise UnreadableDocument(
            name,
            "the PDF is a scan and OCR is not available on the server",
            "Install the Debian packages tesseract-ocr and tesseract-ocr-vie, or submit the report as "
            ".docx or a text PDF",
        )


def _table_part(page: int, cell_boxes: list[BBox]) -> _TablePart | None:
    """Rebuild the grid from the cell rectangles: a cell spanning k boundaries has span k+1."""
    if not cell_boxes:
        return None
    xs = _snap([v for c in cell_boxes for v in (c[0], c[2])])
    ys = _snap([v for c in cell_boxes for v in (c[1], c[3])])
    cells = []
    for box in cell_boxes:
        c0, c1 = _nearest(xs, box[0]), _nearest(xs, box[2])
        r0, r1 = _nearest(ys, box[1]), _nearest(ys, box[3])
        if c1 > c0 and r1 > r0:
            bbox = tuple(round(float(v), 2) for v in box)
            cells.append(
                {"row": r0, "col": c0, "row_span": r1 - r0, "col_span": c1 - c0, "bbox": bbox, "words": []}
            )
    cells.sort(key=lambda c: (c["row"], c["col"]))
    owner = {
        (r, col): c
        for c in cells
        for r in range(c["row"], c["row"] + c["row_span"])
        for col in range(c["col"], c["col"] + c["col_span"])
    }
    return _TablePart(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells, owner)


def _route(word: dict[str, Any], table: _TablePart) -> bool:
    """Put the word in the cell containing its centre; False if the table has no such cell."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    x0, top, x1, bottom = table.bbox
    if not (x0 <= x <= x1 and top <= y <= bottom):
        return False
    cell = table.owner.get((bisect_right(table.ys, y) - 1, bisect_right(table.xs, x) - 1))
    if cell is None:  # a hole in an irregular grid: the word stays with the running text
        return False
    cell["words"].append(word)
    return True


# ---------------------------------------------------------------- pass 2: the whole document


def _assemble(pages: list[_Page]) -> list[Block]:
    items: list[_Para | list[_TablePart]] = []
    for page in pages:
        page_items = _page_items(page)
        if items and page_items:
            prev, first = items[-1], page_items[0]
            if isinstance(prev, list) and isinstance(first, list) and _continues(prev[-1], first[0]):
                _drop_repeated_header(prev, first[0])
                prev.append(first[0])
                page_items.pop(0)
            elif isinstance(prev, _Para) and isinstance(first, _Para) and _para_continues(prev, first, pages):
                prev.text = f"{prev.text} {first.text}"
                prev.lines.extend(first.lines)
                page_items.pop(0)
        items.extend(page_items)
    return _number(items, {p.number: p.ocr for p in pages if p.ocr is not None})


def _continues(prev: _TablePart, part: _TablePart) -> bool:
    """A table opening a page continues the one that closed the previous page if the columns agree."""
    if not prev.ends_page or part.page != prev.page + 1 or part.n_cols != prev.n_cols:
        return False
    return all(abs(a - b) <= 3.0 for a, b in zip(prev.xs, part.xs, strict=True))


def _drop_repeated_header(parts: list[_TablePart], part: _TablePart) -> None:
    """Drop the leading rows of ``part`` that repeat the first rows of the table (repeated header)."""
    first = parts[0]
    for k in range(min(3, part.n_rows - 1, first.n_rows), 0, -1):
        if _row_texts(part, k) == _row_texts(first, k):
            part.cells = [c for c in part.cells if c["row"] >= k]
            for c in part.cells:
                c["row"] -= k
            part.ys = part.ys[k:]
            return


def _row_texts(part: _TablePart, k: int) -> list[list[str]]:
    grid = [[""] * part.n_cols for _ in range(k)]
    for c in part.cells:
        for r in range(c["row"], min(k, c["row"] + c["row_span"])):
            for col in range(c["col"], c["col"] + c["col_span"]):
                grid[r][col] = c["text"]
    return grid


def _number(items: list[_Para | list[_TablePart]], ocr: dict[int, OcrPage]) -> list[Block]:
    blocks: list[Block] = []
    n_para = n_table = 0
    for item in items:
        if isinstance(item, _Para):
            first = [ln for ln in item.lines if ln.page == item.lines[0].page]  # bbox of the first part
            x0, top = min(ln.x0 for ln in first), min(ln.top for ln in first)
            x1, bottom = max(ln.x1 for ln in first), max(ln.bottom for ln in first)
            bbox: BBox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
            if first[0].page in ocr:
                bbox = ocr[first[0].page].to_page(bbox)
            loc = Locator(f"p{n_para}", first[0].page, bbox)
            repairs = ("ocr_text",) if any(ln.page in ocr for ln in item.lines) else ()
            if any(ln.repaired for ln in item.lines):  # legacy font converted, split syllables rejoined
                repairs += ("repaired_text",)
            blocks.append(Paragraph(n_para, item.text, loc, None, item.lines[0].bold, repairs))
            n_para += 1
            continue
        cells, offset = [], 0
        for part in item:
            for c in part.cells:
                row = c["row"] + offset
                loc = Locator(f"t{n_table}.r{row}.c{c['col']}", part.page, c["bbox"])
                repairs = ("repaired_text",) if c.get("repaired") else ()
                cells.append(Cell(row, c["col"], c["text"], loc, c["row_span"], c["col_span"], repairs))
            offset += part.n_rows
        blocks.append(Table(n_table, offset, item[0].n_cols, cells, page=item[0].page))
        n_table += 1
    return blocks


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(float(v))
    return out


def _nearest(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))
