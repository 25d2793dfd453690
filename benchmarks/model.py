"""The document model of a benchmark report: paragraphs, ruled tables, side-by-side blocks, and the
placed lines and rules of a laid-out page. Split from :mod:`benchmarks.layout`, which places them;
both writers read these types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CM = 72 / 2.54

_SPAN = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


@dataclass
class Para:
    """A paragraph; ``**bold**`` and ``*italic*`` spans inside ``text`` are honoured."""

    text: str
    align: str = "justify"  # justify | left | center | right
    indent: float = CM  # first-line indent, points
    size: float = 14.0
    bold: bool = False
    italic: bool = False
    space_after: float = 4.0
    keep_next: bool = False  # headings and captions stay on the page of what follows
    break_before: bool = False
    _lines: dict[float, list] = field(default_factory=dict, repr=False, compare=False)
    _tokens: list | None = field(default=None, repr=False, compare=False)


@dataclass
class Table:
    """A ruled table. ``rows`` hold each grid position's text, None under a merged cell; ``merges`` are
    (r0, c0, r1, c1) rectangles merged into their top-left cell."""

    rows: list[list[str | None]]
    widths: list[float]  # column widths, cm
    header_rows: int = 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)
    italic_rows: set[int] = field(default_factory=set)
    aligns: str = ""  # per column: c(entre), l(eft), r(ight); default "clcc…"
    size: float = 12.0
    _paras: dict[tuple[int, int], list[Para]] = field(default_factory=dict, repr=False, compare=False)
    _heights: list[float] | None = field(default=None, repr=False, compare=False)

    def align(self, col: int) -> str:
        return (self.aligns or "cl" + "c" * len(self.widths))[col]

    def cell_paras(self, r: int, c: int) -> list[Para]:
        """The cell's lines as paragraphs (a "\\n" in the text is a new paragraph in the cell)."""
        out = self._paras.get((r, c))
        if out is None:
            out = self._paras[(r, c)] = [
                _cell_para(self, r, c, t) for t in (self.rows[r][c] or "").split("\n")
            ]
        return out


@dataclass
class Columns:
    """Side-by-side borderless blocks (issuer | national motto, recipients | signature): per column,
    lines of (text, style, align)."""

    cols: list[list[tuple[str, str, str]]]
    widths: list[float]  # cm
    size: float = 13.0


Block = Para | Table | Columns


@dataclass
class TextLine:
    x: float
    baseline: float  # from the top of the page, points
    size: float
    pieces: list[tuple[str, str]]  # (style, text) in order; spaces belong to the piece before them
    word_space: float = 0.0  # extra width of every space (justified lines)

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.pieces)


@dataclass
class Page:
    lines: list[TextLine] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1
    tables: int = 0  # ruled tables (parts) on the page


def fragments(para: Para) -> list[tuple[str, str]]:
    """The paragraph's text as (style, text) fragments, markup removed."""
    base_b, base_i = para.bold, para.italic
    out = []
    for piece in _SPAN.split(para.text):
        if not piece:
            continue
        b, i = base_b, base_i
        if piece.startswith("**"):
            piece, b = piece[2:-2], True
        elif piece.startswith("*") and len(piece) > 1:
            piece, i = piece[1:-1], True
        out.append(("bold" if b else "italic" if i else "regular", piece))
    return out


def plain_text(para: Para) -> str:
    return "".join(t for _, t in fragments(para))


Word = list[tuple[str, str]]  # one word as (style, text) fragments (a style may change inside a word)


def _words(frags: list[tuple[str, str]]) -> list[Word]:
    words: list[Word] = []
    cur: Word = []
    for style, text in frags:
        for k, part in enumerate(text.split(" ")):
            if k and cur:
                words.append(cur)
                cur = []
            if part:
                cur.append((style, part))
    if cur:
        words.append(cur)
    return words


def _cell_para(table: Table, r: int, c: int, text: str) -> Para:
    header = r < table.header_rows
    align = {"c": "center", "l": "left", "r": "right"}["c" if header else table.align(c)]
    return Para(
        text,
        align=align,
        indent=0.0,
        size=table.size,
        bold=header or r in table.bold_rows,
        italic=r in table.italic_rows,
        space_after=0.0,
    )


def _col_para(block: Columns, text: str, style: str, align: str) -> Para:
    return Para(
        text,
        align=align,
        indent=0.0,
        size=block.size,
        bold=style == "bold",
        italic=style == "italic",
        space_after=0.0,
    )


def _owners(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """Top-left -> bottom-right of every cell (merged or not)."""
    merged = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in table.merges}
    covered = {
        (r, c) for r0, c0, r1, c1 in table.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    }
    out = {}
    for r, row in enumerate(table.rows):
        for c in range(len(row)):
            if (r, c) in merged:
                out[(r, c)] = merged[(r, c)]
            elif (r, c) not in covered:
                out[(r, c)] = (r, c)
    return out


def _cover(owner: dict[tuple[int, int], tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Grid position -> the top-left of the cell covering it."""
    return {
        (r, c): (r0, c0)
        for (r0, c0), (r1, c1) in owner.items()
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
    }
