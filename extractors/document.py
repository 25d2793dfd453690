"""The format-neutral document every reader produces and every extractor consumes.

Contract for readers (``extractors/readers``): given a path, return a :class:`Document` whose ``blocks``
are the body's paragraphs and tables in reading order. All text is NFC-normalised (``text.nfc``); a
reader never drops a block silently (empty paragraphs may be skipped). Table cells are stored once,
with their spans: a horizontally merged cell has ``col_span > 1``, a vertically merged one
``row_span > 1``; :meth:`Table.grid` expands them back onto every covered position. Header and footer
text (Word parts, PDF running heads) goes to ``header_footer`` and is used only to find the unit and
the year, never for figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, origin top-left)


@dataclass(frozen=True)
class Locator:
    """Where a block lives: ``block`` is "p12" or "t2.r5.c3"; page and bbox only for PDF."""

    block: str
    page: int | None = None
    bbox: BBox | None = None


class WordBox(NamedTuple):
    """One word of a PDF paragraph: its characters ``[start, end)`` in ``Paragraph.text``, the page and
    box it is printed in, and the paragraph line it sits on (0-based, counted on across a page break),
    so that a value can be boxed by its own words and a label told to be on the value's line."""

    start: int
    end: int
    page: int
    bbox: BBox
    line: int


class PrintedLine(NamedTuple):
    """One printed line of a PDF paragraph: where it starts in ``Paragraph.text``, its page, and its
    words as ``(start, end, bbox)`` with offsets from the line's start. Kept per line, as the layout
    made them, so reading a report creates no record per word: :meth:`Paragraph.words_in` makes
    :class:`WordBox` records only for the few words a figure asks about."""

    offset: int
    page: int
    words: tuple[tuple[int, int, BBox], ...]


@dataclass
class Paragraph:
    index: int  # position among the document's paragraphs (0-based)
    text: str
    locator: Locator
    style: str | None = None  # Word style name ("Heading 1", "Title", …) when known
    bold: bool = False  # every run bold: headings and titles in Word, bold font in PDF
    # how the text was obtained when not read as is: "ocr_text" (OCR of a scanned page), "repaired_text"
    # (converted from a legacy font encoding, rejoined syllables); figures read from it carry these flags
    repairs: tuple[str, ...] = ()
    # PDF only: the printed lines with their words' boxes (see :meth:`words_in`); empty for Word files
    # and when the text is not its lines' join; a line whose words could not be aligned has no words
    printed_lines: tuple[PrintedLine, ...] = ()

    def words_in(self, start: int, end: int) -> list[WordBox]:
        """The words holding any of the characters ``[start, end)`` of ``text``, in reading order."""
        out = []
        for n, line in enumerate(self.printed_lines):
            if line.offset >= end:
                break
            lo, hi = start - line.offset, end - line.offset
            out += [
                WordBox(line.offset + a, line.offset + b, line.page, box, n)
                for a, b, box in line.words
                if a < hi and lo < b
            ]
        return out

    @property
    def words(self) -> list[WordBox]:
        """Every word of a PDF paragraph with its box, in reading order."""
        return self.words_in(0, len(self.text))


@dataclass
class Cell:
    row: int
    col: int
    text: str
    locator: Locator
    row_span: int = 1
    col_span: int = 1
    repairs: tuple[str, ...] = ()  # as Paragraph.repairs


@dataclass
class Table:
    index: int  # position among the document's tables (0-based), nested tables included
    n_rows: int
    n_cols: int
    cells: list[Cell]
    page: int | None = None  # first page (PDF)
    parent: str | None = None  # locator block of the cell holding a nested table

    def grid(self) -> list[list[Cell | None]]:
        """Rows × columns, a spanned cell repeated on each position it covers; None where nothing is."""
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    grid[r][c] = cell
        return grid

    def row_texts(self) -> list[list[str]]:
        return [[c.text if c else "" for c in row] for row in self.grid()]


Block = Paragraph | Table


@dataclass
class Document:
    path: str
    format: str  # "docx" | "pdf", or the legacy format converted to docx: "doc" | "rtf" | "odt"
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    header_footer: list[str] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))


class UnreadableDocument(Exception):
    """A file that cannot be read; the message says what is wrong and what the submitter should do."""

    def __init__(self, path: str, problem: str, remedy: str) -> None:
        self.path = path
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{path}: {problem}. {remedy}")
