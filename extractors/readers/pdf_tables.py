"""Ruled tables of a PDF page: the grid and spans from the cell boxes, words routed to cells, tables
continued across pages.

The cell boxes come from pdfplumber's table algorithm (whichever word source found the ruling lines:
:mod:`.pdf_graphics` from pdfium's path objects, or pdfplumber's own ``find_tables()``); this module
turns them into :class:`~extractors.readers.pdf_records.TablePart` records and works only on those
records, so it is shared by every word source.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from extractors.document import BBox
from extractors.readers.pdf_layout import join, lines
from extractors.readers.pdf_records import Page, TablePart, Word

SNAP = 2.0  # points: cell edges closer than this are one grid line


def page_tables(page: Page, found: list[list[BBox]], words: list[Word]) -> list[Word]:
    """Set ``page.tables`` from the cell boxes of each table found; fill the cells with the words
    inside them and return the words left outside every table (the page's running text)."""
    # A single ruled box (page border, framed note) is layout, not a table: its text stays running text.
    page.tables = [t for t in (table_part(page.number, cells) for cells in found) if t and len(t.cells) > 1]
    for table in page.tables:
        table.ends_page = table.bbox[3] > 0.7 * page.height
    outside = [word for word in words if not any(route(word, table) for table in page.tables)]
    for table in page.tables:
        for cell in table.cells:
            cell_lines = lines(page.number, cell.pop("words"))
            cell["text"] = join(cell_lines, cell["bbox"][0], cell["bbox"][2])
            cell["repaired"] = any(ln.repaired for ln in cell_lines)  # legacy font, rejoined syllables
    return outside


def table_part(page: int, cell_boxes: list[BBox]) -> TablePart | None:
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
    return TablePart(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells, owner)


def route(word: Word, table: TablePart) -> bool:
    """Put the word in the cell containing its centre; False if the table has no such cell."""
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    x0, top, x1, bottom = table.bbox
    if not (x0 <= x <= x1 and top <= y <= bottom):
        return False
    cell = table.owner.get((bisect_right(table.ys, y) - 1, bisect_right(table.xs, x) - 1))
    if cell is None:  # a hole in an irregular grid: the word stays with the running text
        return False
    cell["words"].append(word)
    return True


def continues(prev: TablePart, part: TablePart) -> bool:
    """A table opening a page continues the one that closed the previous page if the columns agree."""
    if not prev.ends_page or part.page != prev.page + 1 or part.n_cols != prev.n_cols:
        return False
    return all(abs(a - b) <= 3.0 for a, b in zip(prev.xs, part.xs, strict=True))


def drop_repeated_header(parts: list[TablePart], part: TablePart) -> None:
    """Drop the leading rows of ``part`` that repeat the first rows of the table (repeated header)."""
    first = parts[0]
    for k in range(min(3, part.n_rows - 1, first.n_rows), 0, -1):
        if _row_texts(part, k) == _row_texts(first, k):
            part.cells = [c for c in part.cells if c["row"] >= k]
            for c in part.cells:
                c["row"] -= k
            part.ys = part.ys[k:]
            return


def _row_texts(part: TablePart, k: int) -> list[list[str]]:
    grid = [[""] * part.n_cols for _ in range(k)]
    for c in part.cells:
        for r in range(c["row"], min(k, c["row"] + c["row_span"])):
            for col in range(c["col"], c["col"] + c["col_span"]):
                grid[r][col] = c["text"]
    return grid


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(float(v))
    return out


def _nearest(bounds: list[float], value: float) -> int:
    """The index of the bound nearest ``value``, the lower one on a tie (``bounds`` ascending and
    distinct): the two neighbours of its insertion point are the only candidates."""
    i = bisect_left(bounds, value)
    if i == 0:
        return 0
    if i == len(bounds) or abs(bounds[i - 1] - value) <= abs(bounds[i] - value):
        return i - 1
    return i
