"""PDF reader built on pdfplumber: ruled tables with their spans, paragraphs rebuilt from lines.

Two passes. Pass 1 reads each page once (words, ruled tables, which words fall in which cell) and
closes it, keeping only small records, so memory stays bounded on long reports. Pass 2 works on
those records: it finds running headers/footers (they need every page), groups lines into
paragraphs, joins paragraphs and tables cut by page breaks, and numbers the blocks.
"""

from __future__ import annotations

import io
import itertools
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils import cluster_objects
from pdfplumber.utils.text import WordExtractor

from extractors.document import BBox, Block, Cell, Document, Locator, Paragraph, Table, UnreadableDocument
from extractors.text import fold, nfc

# A line starting like this begins a paragraph even when it sits flush under the previous line.
# Case-sensitive on purpose: "chương trình" (programme) often starts a wrapped line, "Chương II" not.
MARKER = re.compile(
    r"^(?:[-+•·–—*▪►✓]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s"
    r"|Phần thứ\s|PHẦN THỨ\s|(?:Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]|(?:Điều|ĐIỀU)\s+\d)"
)
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}\s*(?:(?:/|của|of)\s*\d{1,4})?[-–—\s]*$", re.I)
RULE_LINE = re.compile(r"^[-–—_=~*.·…\s]{3,}$")  # a drawn rule under a heading: its own paragraph
TERMINAL = (".", ":", ";", "!", "?", "…")
MARGIN_ZONE = 0.12  # running heads live in the top/bottom 12 % of the page
SEGMENT_GAP = 1.0  # a gap wider than a font size (and 3 usual gaps) splits a line into side-by-side blocks
SNAP = 2.0  # points: cell edges closer than this are one grid line


@dataclass
class _Line:
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
class _Para:
    lines: list[_Line]
    text: str = ""


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_TablePart] = field(default_factory=list)
    right: float = 0.0  # right edge of the body text, set when paragraphs are built


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
    with pdf:
        try:
            page_list = pdf.pages
        except Exception as exc:  # a broken page tree is found only when the pages are listed
            raise _damaged(name, f"damaged page tree: {exc}") from exc
        pages = [_read_page(page, warnings) for page in page_list]
    if not pages or all(p is None for p in pages):
        raise _damaged(name, "no page could be read")
    read = [p for p in pages if p is not None]
    header_footer = _strip_running_lines(read)
    blocks = _assemble(read)
    return Document(name, "pdf", sha256, blocks, header_footer, pages=len(pages), warnings=warnings)


def _damaged(name: str, detail: str) -> UnreadableDocument:
    remedy = "Export or print it to PDF again (or save the Word file as .docx) and submit it again"
    return UnreadableDocument(name, f"the PDF cannot be parsed ({detail})", remedy)


# ---------------------------------------------------------------- pass 1: one page at a time


def _read_page(page: Any, warnings: list[str]) -> _Page | None:
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
    if not words:
        if has_images:
            warnings.append(f"page {number} has no text layer (scanned?); OCR is not available yet")
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
            cell["text"] = _join(_lines(number, cell.pop("words")), cell["bbox"][0], cell["bbox"][2])
    out.lines = _lines(number, outside)
    return out


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


def _lines(page: int, words: list[dict[str, Any]]) -> list[_Line]:
    """Cluster words into lines by their top, then split a line where a wide gap separates blocks."""
    lines = []
    for cluster in cluster_objects(words, "top", 3):
        cluster.sort(key=lambda w: w["x0"])
        parts: list[list[dict[str, Any]]] = [[cluster[0]]]
        gaps = sorted(b["x0"] - a["x1"] for a, b in itertools.pairwise(cluster))
        # Justification stretches every space of a line alike; a block boundary is one outlier.
        usual = gaps[len(gaps) // 2] if len(gaps) >= 3 else 0.3 * _size(cluster[0])
        for prev, word in itertools.pairwise(cluster):
            if word["x0"] - prev["x1"] > max(SEGMENT_GAP * _size(prev), 3 * usual):
                parts.append([])
            parts[-1].append(word)
        for part in parts:
            chars = [c for w in part for c in w["chars"] if c["text"].strip()]
            bold = all("bold" in (c.get("fontname") or "").lower() for c in chars)
            top, bottom = min(w["top"] for w in part), max(w["bottom"] for w in part)
            text = nfc(" ".join(w["text"] for w in part))
            first_word = part[0]["x1"] - part[0]["x0"]
            line = _Line(
                page, part[0]["x0"], top, part[-1]["x1"], bottom, text, _size(part[0]), bold, first_word
            )
            line.segment = len(parts) > 1
            lines.append(line)
    return sorted(lines, key=lambda ln: (round(ln.top), ln.x0))


def _size(word: dict[str, Any]) -> float:
    return float(word["chars"][0].get("size") or (word["bottom"] - word["top"]))


# ---------------------------------------------------------------- pass 2: the whole document


def _strip_running_lines(pages: list[_Page]) -> list[str]:
    """Remove page numbers and lines repeated in the margins of most pages; return the latter."""

    def key(line: _Line, page: _Page) -> tuple[str, str] | None:
        if id(line) not in bands[page.number]:
            return None
        zone = "top" if line.top < page.height / 2 else "bottom"
        return zone, re.sub(r"\d+", "#", fold(line.text))

    def in_zone(line: _Line, page: _Page) -> bool:
        return line.top < page.height * MARGIN_ZONE or line.bottom > page.height * (1 - MARGIN_ZONE)

    bands = {page.number: _margin_bands(page) for page in pages}
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page in pages:
        for line in page.lines:
            k = key(line, page)
            if k:
                seen[k].add(page.number)
    with_text = sum(1 for p in pages if p.lines or p.tables)
    running = {k for k, on in seen.items() if len(on) >= 2 and len(on) >= 0.5 * with_text}
    texts: list[str] = []
    reported: set[tuple[str, str]] = set()
    for page in pages:
        kept = []
        for line in page.lines:
            k = key(line, page)
            if in_zone(line, page) and _is_page_number(line.text, page.number):
                continue  # a bare page number carries nothing (footers sit close to full pages)
            if k in running:
                if k not in reported:  # once, as first seen
                    reported.add(k)
                    texts.append(line.text)
                continue
            kept.append(line)
        page.lines = kept
    return texts


def _margin_bands(page: _Page) -> set[int]:
    """ids of the lines that may be running heads: inside the top or bottom margin zone and set off
    from the body by a clear gap, so that the first line of a paragraph opening a page is not."""
    boxes = [(ln.top, ln.bottom, ln) for ln in page.lines] + [
        (t.bbox[1], t.bbox[3], None) for t in page.tables
    ]
    boxes.sort(key=lambda box: box[0])
    line_gap = _line_gap([ln for ln in page.lines if not ln.segment])

    def detached(line: _Line, neighbour: _Line | None) -> float:
        # Set off from body text by more than a line gap; a table's rule separates by itself.
        if neighbour is None:
            return 0.0
        height = line.bottom - line.top
        return 0.8 * height if line_gap is None else min(0.8 * height, 1.3 * line_gap + 0.5)

    found: set[int] = set()
    band: list[_Line] = []
    for top, _, line in boxes:  # downwards from the top edge
        if band and top - max(ln.bottom for ln in band) >= detached(band[-1], line):
            break
        if line is None or top > page.height * MARGIN_ZONE:
            band = []
            break
        band.append(line)
    found.update(id(ln) for ln in band)
    band = []
    for _, bottom, line in reversed(boxes):  # upwards from the bottom edge
        if band and min(ln.top for ln in band) - bottom >= detached(band[-1], line):
            break
        if line is None or bottom < page.height * (1 - MARGIN_ZONE):
            band = []
            break
        band.append(line)
    found.update(id(ln) for ln in band)
    return found


def _is_page_number(text: str, page: int) -> bool:
    # The value must be near the page's position, so a lone "2023" under a title is not dropped.
    match = PAGE_NUMBER.match(text)
    return bool(match) and abs(int(re.findall(r"\d+", text)[0]) - page) <= 2


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
    return _number(items)


@dataclass
class _Layout:
    """Page-wide measures the paragraph rules compare a line against."""

    left: float  # body text's left margin
    right: float  # body text's right margin
    line_gap: float | None  # usual gap between two lines of one paragraph


def _page_items(page: _Page) -> list[_Para | list[_TablePart]]:
    """Tables and paragraphs of one page, in top-to-bottom order.

    Several paragraphs can be open at once, so that side-by-side blocks (the issuer | national-motto
    header of every Vietnamese report, a borderless table in Word) are grouped column by column: a
    segment line continues only the open paragraph right above it.
    """
    body = [ln for ln in page.lines if not ln.segment]
    layout = _Layout(
        left=min((ln.x0 for ln in body), default=0.0),
        right=max((ln.x1 for ln in body), default=page.width),
        line_gap=_line_gap(body),
    )
    page.right = layout.right
    stream: list[tuple[float, _Line | _TablePart]] = [(ln.top, ln) for ln in page.lines]
    stream += [(t.bbox[1], t) for t in page.tables]
    stream.sort(key=lambda item: item[0])
    out: list[_Para | list[_TablePart]] = []
    open_paras: list[_Para] = []
    for _, item in stream:
        if isinstance(item, _TablePart):
            open_paras.clear()  # nothing continues across a table
            if any(c["text"] for c in item.cells):  # an empty ruled box is decoration
                out.append([item])
            continue
        line = item
        above = [p for p in open_paras if _same_column(p.lines[-1], line)]
        target = max(above, key=lambda p: p.lines[-1].bottom, default=None)
        # Paragraphs this line sits under can no longer grow; far-away ones neither.
        open_paras = [
            p for p in open_paras if p not in above and line.top - p.lines[-1].bottom < 2 * line.size
        ]
        if target is not None and not _breaks(target, line, layout):
            target.lines.append(line)
            open_paras.append(target)
            continue
        para = _Para([line])
        out.append(para)
        open_paras.append(para)
    for entry in out:
        if isinstance(entry, _Para):
            entry.text = nfc(" ".join(ln.text for ln in entry.lines))
    return out


def _line_gap(body: list[_Line]) -> float | None:
    """The usual gap between two lines of one paragraph: a low quantile, not the median, because
    with short spaced paragraphs most gaps on a page are paragraph gaps."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(body) if 0 <= b.top - a.bottom < 2 * a.size)
    return gaps[len(gaps) // 5] if len(gaps) >= 3 else None


def _is_marker(text: str, prev_text: str) -> bool:
    match = MARKER.match(text)
    if match and text[0] in "-–+" and text[match.end() :][:1].islower() and not prev_text.endswith(TERMINAL):
        return False  # "kinh tế" / "- xã hội": a compound's hyphen wrapped to the line start
    return bool(match)


def _same_column(a: _Line, b: _Line) -> bool:
    if not (a.segment or b.segment):
        return True  # body text is one column
    return a.x0 < b.x1 and b.x0 < a.x1


def _breaks(para: _Para, line: _Line, layout: _Layout) -> bool:
    """Does ``line`` start a new paragraph instead of continuing ``para``?"""
    prev = para.lines[-1]
    if _is_marker(line.text, prev.text) or RULE_LINE.match(line.text) or RULE_LINE.match(prev.text):
        return True
    gap = line.top - prev.bottom
    height = prev.bottom - prev.top
    if gap > height or gap < -0.5 * height or abs(line.size - prev.size) > 1.0:
        return True
    if layout.line_gap is not None and gap > layout.line_gap + 0.4 * height:
        return True
    if prev.segment:
        # A side-by-side block's width is unknown, so a fit test cannot tell a wrap from a new line;
        # its lines (issuer, motto, signature) are separate paragraphs in Word unless one reads on.
        return not line.text[:1].islower()
    # The first word of this line would have fitted on the previous one: that line ended by choice.
    space = 0.3 * prev.size
    if prev.x1 + space + line.first_word < layout.right - 1.0:
        return True
    width = layout.right - layout.left
    if prev.x0 > layout.left + 0.25 * width and abs(line.x0 - prev.x0) > 2.0:
        # A short right-aligned or centred line (signature block): test the width, not the end.
        return prev.x1 - prev.x0 + space + line.first_word < width - 1.0
    if prev.x1 < layout.right - 0.15 * (layout.right - prev.x0) and prev.text.endswith(TERMINAL):
        return True
    # First-line indent after a continuation line that sat at the margin: a new paragraph. Not
    # after a first line (hanging indent), a bullet, or when the line is centred (a wrapped title).
    centred = abs((line.x0 - layout.left) - (layout.right - line.x1)) < 3.0
    return (
        len(para.lines) >= 2
        and line.x0 > prev.x0 + 8.0
        and prev.x0 <= layout.left + 2.0
        and not centred
        and not MARKER.match(para.lines[0].text)
    )


def _join(lines: list[_Line], left: float, right: float) -> str:
    """Cell text: soft-wrapped lines joined with a space, hard breaks kept as "\\n"."""
    if not lines:
        return ""
    pad = max(0.0, min(min(ln.x0 for ln in lines) - left, 6.0))
    limit = right - pad
    out = lines[0].text
    for prev, line in itertools.pairwise(lines):
        hard = _is_marker(line.text, prev.text) or prev.x1 + 0.3 * prev.size + line.first_word < limit - 1.0
        out += ("\n" if hard else " ") + line.text
    return "\n".join(nfc(part) for part in out.split("\n") if nfc(part))


def _para_continues(prev: _Para, first: _Para, pages: list[_Page]) -> bool:
    """A paragraph cut by a page break: no closing punctuation, and the next part reads on."""
    if (
        prev.text.endswith(TERMINAL)
        or _is_marker(first.text, prev.text)
        or prev.lines[-1].segment
        or first.lines[0].segment
    ):
        return False
    if first.text[:1].islower():
        return True
    last = prev.lines[-1]
    right = next(p.right for p in pages if p.number == last.page)
    return last.x1 >= right - 2.0 and len(prev.lines) > 1  # a full last line: the sentence runs on


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


def _number(items: list[_Para | list[_TablePart]]) -> list[Block]:
    blocks: list[Block] = []
    n_para = n_table = 0
    for item in items:
        if isinstance(item, _Para):
            first = [ln for ln in item.lines if ln.page == item.lines[0].page]  # bbox of the first part
            x0, top = min(ln.x0 for ln in first), min(ln.top for ln in first)
            x1, bottom = max(ln.x1 for ln in first), max(ln.bottom for ln in first)
            loc = Locator(
                f"p{n_para}", first[0].page, (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
            )
            blocks.append(Paragraph(n_para, item.text, loc, None, item.lines[0].bold))
            n_para += 1
            continue
        cells, offset = [], 0
        for part in item:
            for c in part.cells:
                row = c["row"] + offset
                loc = Locator(f"t{n_table}.r{row}.c{c['col']}", part.page, c["bbox"])
                cells.append(Cell(row, c["col"], c["text"], loc, c["row_span"], c["col_span"]))
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
