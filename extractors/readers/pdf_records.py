"""The small records the PDF reader keeps per page, shared by the word sources, the layout and tables.

Why a module of its own: the word sources (:mod:`.pdf_pdfium`, :mod:`.pdf_reference`, OCR) produce
these records, and the layout (:mod:`.pdf_layout`), ruled tables (:mod:`.pdf_tables`) and the entry
point (:mod:`.pdf`) consume them, so each of those modules depends on this one and on nothing of the
others': imports go one way. A page's record holds only what pass 2 needs (lines, table parts), never a
parser's objects, so memory stays bounded on long reports.

Coordinates are PDF points with the origin at the top-left of the page's MediaBox, as pdfplumber
measures them (``top`` grows downwards).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractors.document import BBox

if TYPE_CHECKING:
    from extractors.readers.ocr import OcrPage


@dataclass(slots=True)
class Word:
    """A word as pdfplumber's ``WordExtractor`` delimits it, with what the layout needs of its chars.

    ``size`` is the first char's font size (the word's height when that is 0); ``fonts`` the word's
    text in runs of one font each, left to right, as ``(fontname, text)``: bold detection and legacy
    font conversion work per font (the chars' own text, ligatures not expanded; ``text`` has them
    expanded, as pdfplumber gives it)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fonts: tuple[tuple[str, str], ...]

    @classmethod
    def from_plumber(cls, word: dict[str, Any]) -> Word:
        """A word dict of pdfplumber's ``extract_words(return_chars=True)`` (or of OCR, same shape)."""
        chars = word.get("chars") or []
        runs: list[list[str]] = []
        last: object = object()
        for char in chars:
            name = char.get("fontname") or ""
            if name != last:
                runs.append([name, ""])
                last = name
            runs[-1][1] += char.get("text") or ""
        size = float(chars[0].get("size") or 0.0) if chars else 0.0
        return cls(
            word["text"],
            word["x0"],
            word["x1"],
            word["top"],
            word["bottom"],
            size or (word["bottom"] - word["top"]),
            tuple((name, text) for name, text in runs),
        )


@dataclass
class Line:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    bold: bool
    first_word: float  # width of the first word: would it have fitted on the previous line?
    segment: bool = False  # one of several side-by-side blocks on the same baseline
    # the text was repaired (legacy font encoding converted, split syllables rejoined): "repaired_text"
    repaired: bool = False
    legacy: bool = False  # converted from a legacy font encoding (TCVN3, VNI)
    joins: tuple[tuple[str, str], ...] = ()  # split syllables rejoined, as (as extracted, as rejoined)
    # each word's characters [start, end) in ``text`` and its box; empty when they cannot be told exactly
    words: tuple[tuple[int, int, BBox], ...] = ()


@dataclass
class Para:
    lines: list[Line]
    text: str = ""


@dataclass
class Layout:
    """Page-wide measures the paragraph rules compare a line against."""

    left: float  # body text's left margin
    right: float  # body text's right margin
    line_gap: float | None  # usual gap between two lines of one paragraph


@dataclass
class TablePart:
    """A ruled table as found on one page; a table continued over pages is a list of these."""

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
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TablePart] = field(default_factory=list)
    right: float = 0.0  # right edge of the body text, set when paragraphs are built
    needs_ocr: str | None = None  # why the text layer could not be used as is (page_needs_ocr)
    ocr: OcrPage | None = None  # the page was read by OCR: its lines are in this straightened frame


@dataclass
class PageText:
    """What a word source read from one page: its words (pdfplumber's order), the number of chars of
    its text layer, whether it holds images, and its ruled tables as pdfplumber's
    ``find_tables()`` would give their cells (computed on demand: OCR'd and blank pages never need
    them)."""

    words: list[Word]
    char_count: int
    has_images: bool
    find_tables: Any  # Callable[[], list[list[BBox]]], one list of cell boxes per table
    exact: bool = True  # False: boxes only good enough to decide on OCR (see pdf_pdfium.PdfiumText)
