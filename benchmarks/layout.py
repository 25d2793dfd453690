"""The layout of a benchmark report on A4 pages, shared by both writers.

A report is a list of blocks (:class:`Para`, :class:`Table`, :class:`Columns`, in
:mod:`benchmarks.model`). :class:`Paginator` breaks paragraphs into lines with the font's real advance
widths (greedy, as Word does), places lines, table rows and side-by-side blocks on pages, and keeps
Word's rules that change where pages break: widow/orphan control (two lines at least on each side),
headings kept with what follows, table rows never split, header rows repeated on a continued table.

The PDF writer draws exactly these pages. The Word writer cannot dictate Word's layout; it writes the
same blocks with the same fonts, sizes, margins and spacing, and marks where this layout starts each
page (``w:lastRenderedPageBreak``, as Word itself records its last layout), so a .docx knows its page
count. The layout is also how the report builder grows a report to the number of pages it was asked
for: it adds blocks until the paginator reaches the page count.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.fonts import FontSet
from benchmarks.model import (
    CM,
    Block,
    Columns,
    Page,
    Para,
    Table,
    TextLine,
    Word,
    _col_para,
    _cover,
    _owners,
    _words,
    fragments,
)

PAGE_W, PAGE_H = 210 / 25.4 * 72, 297 / 25.4 * 72  # A4 in points
TOP, BOTTOM, LEFT, RIGHT = 2 * CM, 2 * CM, 3 * CM, 2 * CM  # Nghị định 30/2020/NĐ-CP margins
BODY_W = PAGE_W - LEFT - RIGHT
BODY_BOTTOM = PAGE_H - BOTTOM
LINE_SPACING = 1.15  # body text: "multiple 1.15" in Word
CELL_PAD = 0.19 * CM  # Word's default left and right cell margins
RULE = 0.5  # table rules, points; a row is its lines plus one rule


class Paginator:
    """Places blocks on pages as they are added; ``pages`` grows as it goes."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.em_line = fonts["regular"].line_height
        self.ascent = fonts["regular"].ascent / 1000.0
        self.pages: list[Page] = [Page()]
        self.y = TOP
        self.n_blocks = 0
        # where each page after the first begins: (block index, char offset in a paragraph's plain
        # text, or row index in a table); the Word writer marks these
        self.starts: list[tuple[int, int]] = []
        self._pending: list[tuple[int, Para]] = []  # keep-with-next paragraphs waiting for their next

    # -- public ------------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def fill(self) -> float:
        """Pages used, fractional: 3.5 = three pages and half of the fourth."""
        return len(self.pages) - 1 + (self.y - TOP) / (BODY_BOTTOM - TOP)

    def add(self, block: Block) -> None:
        index = self.n_blocks
        self.n_blocks += 1
        if isinstance(block, Para) and block.keep_next:
            self._pending.append((index, block))
            return
        self._flush(index, block)

    def finish(self) -> list[Page]:
        pending, self._pending = self._pending, []
        for index, para in pending:
            self._para(index, para)
        return self.pages

    # -- measuring ---------------------------------------------------------------------------------

    def lines_of(self, para: Para, width: float) -> list[tuple[list[Word], float, int]]:
        """Greedy line breaking: per line, its words, natural width, and the plain-text offset it
        starts at. Cached on the paragraph: pagination asks for the same lines several times."""
        cached = para._lines.get(width)
        if cached is not None:
            return cached
        scale = para.size / 1000.0
        lines: list[tuple[list[Word], float, int]] = []
        cur: list[Word] = []
        cur_w = 0.0
        start = 0
        avail = (width - para.indent) / scale  # in font units from here on
        for word, ww, space, offset in self._tokens(para):
            if cur:
                if cur_w + space + ww > avail + 0.01:
                    lines.append((cur, cur_w * scale, start))
                    cur, cur_w, avail, start = [], 0.0, width / scale, offset
                else:
                    cur_w += space
            cur.append(word)
            cur_w += ww
        if cur or not lines:
            lines.append((cur, cur_w * scale, start))
        para._lines[width] = lines
        return lines

    def _tokens(self, para: Para) -> list[tuple[Word, float, float, int]]:
        """(word, width, width of the space before it, plain-text offset), widths in 1/1000 em."""
        if para._tokens is not None:
            return para._tokens
        faces = self.fonts.faces
        frags = fragments(para)
        if len(frags) == 1:  # one style throughout (most paragraphs): split on spaces, nothing else
            style, text = frags[0]
            units, space = faces[style].units, faces[style].units(" ")
            fast: list[tuple[Word, float, float, int]] = []
            pos = 0
            for w in text.split(" "):
                if w:
                    fast.append(([(style, w)], units(w), space if fast else 0.0, pos))
                    pos += len(w) + 1
            para._tokens = fast
            return fast
        out = []
        offset = 0
        prev_style = None
        for word in _words(frags):
            if len(word) == 1:
                style, text = word[0]
                ww, length = faces[style].units(text), len(text)
            else:
                ww = sum(faces[st].units(t) for st, t in word)
                length = sum(len(t) for _, t in word)
            if prev_style is None:
                space = 0.0
            else:
                space = faces[prev_style].units(" ")
                offset += 1
            out.append((word, ww, space, offset))
            offset += length
            prev_style = word[-1][0]
        para._tokens = out
        return out

    def line_height(self, size: float, spacing: float = LINE_SPACING) -> float:
        return size * self.em_line * spacing

    def para_height(self, para: Para) -> float:
        n = len(self.lines_of(para, BODY_W))
        return n * self.line_height(para.size) + para.space_after

    def table_rows(self, table: Table) -> list[float]:
        """Each row's height; a vertically merged cell's overflow goes to its last row."""
        if table._heights is not None:
            return table._heights
        owner = _owners(table)
        heights = [0.0] * len(table.rows)
        lh = self.line_height(table.size, 1.0)
        tall: list[tuple[int, int, float]] = []
        for (r0, c0), (r1, c1) in owner.items():
            width = sum(table.widths[c0 : c1 + 1]) * CM - 2 * CELL_PAD
            n = sum(len(self.lines_of(p, width)) for p in table.cell_paras(r0, c0))
            need = n * lh + RULE
            if r1 == r0:
                heights[r0] = max(heights[r0], need)
            else:
                tall.append((r0, r1, need))
        for r0, r1, need in tall:
            have = sum(heights[r0 : r1 + 1])
            if need > have:
                heights[r1] += need - have
        table._heights = [max(h, lh + RULE) for h in heights]
        return table._heights

    # -- placing -----------------------------------------------------------------------------------

    def _new_page(self, index: int, offset: int) -> None:
        self.pages.append(Page())
        self.y = TOP
        self.starts.append((index, offset))

    def _room(self) -> float:
        return BODY_BOTTOM - self.y

    def _min_start(self, block: Block) -> float:
        """Height that must fit on the page for ``block`` to start there."""
        if isinstance(block, Para):
            n = len(self.lines_of(block, BODY_W))
            return min(n, 2) * self.line_height(block.size)
        if isinstance(block, Table):
            rows = self.table_rows(block)
            return sum(rows[: block.header_rows + 1])
        return self._columns_height(block)

    def _flush(self, index: int, block: Block) -> None:
        pending, self._pending = self._pending, []
        if pending:
            need = sum(self.para_height(p) for _, p in pending) + self._min_start(block)
            at_top = self.y <= TOP + 0.01
            if need > self._room() and not at_top and not pending[0][1].break_before:
                self._new_page(pending[0][0], 0)
            for i, p in pending:
                self._para(i, p)
        if isinstance(block, Para):
            self._para(index, block)
        elif isinstance(block, Table):
            self._table(index, block)
        else:
            self._columns(index, block)

    def _para(self, index: int, para: Para) -> None:
        if para.break_before and self.y > TOP + 0.01:
            self._new_page(index, 0)
        lh = self.line_height(para.size)
        lines = self.lines_of(para, BODY_W)
        fit = int((self._room() + 0.01) // lh)
        n = len(lines)
        if fit < n:  # widow/orphan control: at least two lines on each side of a page break
            if (n >= 2 and fit < 2) or n == 1:
                fit = 0
            elif n - fit < 2:
                fit = n - 2
        for k, (words, natural, offset) in enumerate(lines):
            if k == fit and self.y > TOP + 0.01:
                self._new_page(index, offset)
            self._line(para, words, natural, k == 0, k == n - 1)
            self.y += lh
        self.y += para.space_after

    def _line(self, para: Para, words: list[Word], natural: float, first: bool, last: bool) -> None:
        size = para.size
        left = LEFT + (para.indent if first else 0.0)
        width = BODY_W - (para.indent if first else 0.0)
        pieces: list[tuple[str, str]] = []
        spaces = 0
        style0 = words[0][0][0] if words else ""
        if words and all(len(w) == 1 and w[0][0] == style0 for w in words):  # one style: one piece
            pieces = [(style0, " ".join(w[0][1] for w in words))]
            spaces = len(words) - 1
            words = []
        for k, word in enumerate(words):
            for j, (style, text) in enumerate(word):
                if k and j == 0:  # the space before this word goes to the piece before it
                    s, t = pieces[-1]
                    pieces[-1] = (s, t + " ")
                    spaces += 1
                if pieces and pieces[-1][0] == style:
                    pieces[-1] = (style, pieces[-1][1] + text)
                else:
                    pieces.append((style, text))
        x, word_space = left, 0.0
        if para.align == "justify" and not last and spaces:
            word_space = (width - natural) / spaces
        elif para.align == "center":
            x = left + (width - natural) / 2
        elif para.align == "right":
            x = left + width - natural
        baseline = self.y + size * self.ascent
        self.pages[-1].lines.append(TextLine(x, baseline, size, pieces, word_space))

    def _table(self, index: int, table: Table) -> None:
        heights = self.table_rows(table)
        xs = [LEFT + (BODY_W - sum(table.widths) * CM) / 2]
        for w in table.widths:
            xs.append(xs[-1] + w * CM)
        owner = _owners(table)
        # a page may break before row r unless a merged cell spans it, and never inside the header
        spans = {r for (r0, _), (r1, _) in owner.items() for r in range(r0 + 1, r1 + 1)}
        n, head = len(table.rows), table.header_rows
        r, first = 0, True
        while r < n:
            repeat = [] if first else list(range(head))  # Word repeats the header rows (w:tblHeader)
            room = self._room() - sum(heights[h] for h in repeat)
            end, used, cut = r, 0.0, None
            while end < n and used + heights[end] <= room + 0.01:
                used += heights[end]
                end += 1
                if end == n or (end > head and end not in spans):
                    cut = end
            if cut is None:
                if self.y > TOP + 0.01:  # not even the first rows fit: they go to the next page
                    self._new_page(index, r)
                    continue
                cut = next(e for e in range(r + 1, n + 1) if e == n or (e > head and e not in spans))
            self._draw_rows(table, repeat + list(range(r, cut)), heights, xs, owner)
            r, first = cut, False
            if r < n:
                self._new_page(index, r)
        self.y += self.line_height(6.0)  # the small empty paragraph Word needs after a table

    def _draw_rows(
        self,
        table: Table,
        rows: list[int],
        heights: list[float],
        xs: list[float],
        owner: dict[tuple[int, int], tuple[int, int]],
    ) -> None:
        page = self.pages[-1]
        page.tables += 1
        ys = [self.y]
        for r in rows:
            ys.append(ys[-1] + heights[r])
        pos = {r: k for k, r in enumerate(rows)}
        cover = _cover(owner)
        lh = self.line_height(table.size, 1.0)
        for (r0, c0), (r1, c1) in owner.items():
            shown = [r for r in range(r0, r1 + 1) if r in pos]
            if not shown:
                continue
            top, bottom = ys[pos[shown[0]]], ys[pos[shown[-1]] + 1]
            x0, x1 = xs[c0], xs[c1 + 1]
            if r0 in pos:  # the text sits in the part holding the cell's first row
                self._cell_text(table, r0, c0, x0, x1, top, bottom, lh)
        # borders: an edge between two grid positions is drawn unless one merged cell covers both
        n_cols = len(table.widths)
        for k in range(len(rows) + 1):
            above = rows[k - 1] if k else None
            below = rows[k] if k < len(rows) else None
            segs = [
                c
                for c in range(n_cols)
                if above is None or below is None or cover[(above, c)] != cover[(below, c)]
            ]
            _add_runs(page, segs, lambda c0, c1, y=ys[k]: (xs[c0], y, xs[c1 + 1], y))
        for c in range(n_cols + 1):
            segs = [k for k, r in enumerate(rows) if c in (0, n_cols) or cover[(r, c - 1)] != cover[(r, c)]]
            _add_runs(page, segs, lambda k0, k1, x=xs[c]: (x, ys[k0], x, ys[k1 + 1]))
        self.y = ys[-1]

    def _cell_text(
        self, table: Table, r: int, c: int, x0: float, x1: float, top: float, bottom: float, lh: float
    ) -> None:
        width = x1 - x0 - 2 * CELL_PAD
        laid = [(p, line) for p in table.cell_paras(r, c) for line in self.lines_of(p, width)]
        y = top + (bottom - top - len(laid) * lh) / 2  # vertically centred, as the samples' cells
        saved = self.y
        for p, (words, natural, _) in laid:
            self.y = y
            before = len(self.pages[-1].lines)
            self._line(p, words, natural, True, True)
            line = self.pages[-1].lines[before]
            if p.align == "left":
                line.x = x0 + CELL_PAD
            elif p.align == "right":
                line.x = x1 - CELL_PAD - natural
            else:
                line.x = x0 + CELL_PAD + (width - natural) / 2
            y += lh
        self.y = saved

    def _columns_height(self, block: Columns) -> float:
        lh = self.line_height(block.size, 1.0)
        best = 0
        for col, w in zip(block.cols, block.widths, strict=True):
            n = sum(len(self.lines_of(_col_para(block, t, s, a), w * CM - 2 * CELL_PAD)) for t, s, a in col)
            best = max(best, n)
        return best * lh + 6.0

    def _columns(self, index: int, block: Columns) -> None:
        height = self._columns_height(block)
        if height > self._room() and self.y > TOP + 0.01:
            self._new_page(index, 0)
        lh = self.line_height(block.size, 1.0)
        x = LEFT + (BODY_W - sum(block.widths) * CM) / 2
        top = self.y
        for col, w in zip(block.cols, block.widths, strict=True):
            inner = w * CM - 2 * CELL_PAD
            self.y = top
            for text, style, align in col:
                p = _col_para(block, text, style, align)
                for words, natural, _ in self.lines_of(p, inner):
                    before = len(self.pages[-1].lines)
                    self._line(p, words, natural, True, True)
                    line = self.pages[-1].lines[before]
                    offset = {"left": 0.0, "right": inner - natural}.get(align, (inner - natural) / 2)
                    line.x = x + CELL_PAD + offset
                    self.y += lh
            x += w * CM
        self.y = top + height


Rule = tuple[float, float, float, float]


def _add_runs(page: Page, idx: list[int], make: Callable[[int, int], Rule]) -> None:
    """One rule per run of consecutive indices (fewer, longer lines, as word processors draw them)."""
    start = prev = None
    for i in [*idx, None]:
        if start is not None and (i is None or i != prev + 1):
            page.rules.append(make(start, prev))
            start = None
        if i is not None and start is None:
            start = i
        prev = i
