"""What the reviewer sees beside a figure: the PDF page with the source box, or the Word text around it.

Two kinds of evidence, both built from what extraction recorded in ``Figure.source``:

* PDF: :func:`page_image` renders the page once to a PNG cached on disk (keyed by the file's SHA-256,
  the page and the resolution, so a re-submitted file never shows a stale image) and returns the page
  size in PDF points; :func:`highlight_box` turns a box into CSS percentages for an overlay, and
  :func:`page_evidence` gives a figure's overlays: its value's own box (strong), its label's on the
  same line, and its paragraph's or row's (faint).
* Word (and PDF text): :func:`word_context` gives the paragraphs around a prose figure with the value
  split out for highlighting, or the header rows and the row of a table figure.

Messages a reviewer may see are in Vietnamese (:class:`EvidenceError`, ``Context.missing``).
"""

from __future__ import annotations

import hashlib
import numbers
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pdfplumber
from PIL import Image, PngImagePlugin

from extractors.document import BBox, Document, Paragraph, Table
from extractors.readers.pdfium_lock import PDFIUM
from models.records import Source

MISSING = "Không tìm thấy đoạn/bảng nguồn trong tệp"
PADDING_PT = 2.0  # the box is drawn a little outside the text so it does not cover the glyphs
_SIZE_KEY = "thidua-page-size"  # PNG text chunk holding "width height" in points
_BLOCK = re.compile(r"^t(\d+)\.r(\d+)(?:\.c(\d+))?$|^p(\d+)$")

__all__ = [
    "MISSING",
    "Context",
    "EvidenceError",
    "PageEvidence",
    "context_for",
    "highlight_box",
    "page_evidence",
    "page_image",
    "page_to_show",
    "stored_box",
    "stored_page",
    "value_as_written",
    "word_context",
]


class EvidenceError(Exception):
    """The evidence cannot be shown; the message (Vietnamese) is meant for the reviewer."""


@dataclass(frozen=True)
class Context:
    """Text evidence for one figure.

    ``kind="paragraph"``: ``target`` is (text before, value, text after) of the source paragraph, with
    ``before``/``after`` the neighbouring non-empty paragraphs; ``located`` is False when the value
    could not be pinned down and the whole paragraph is the middle part.
    ``kind="table"``: ``header_rows`` and ``row`` are cell texts on the table's grid (same column count),
    ``row_index`` the target row, ``value_cols`` the columns holding the value when known, ``caption``
    the paragraph just before the table (often "ĐVT: tỷ đồng").
    ``missing`` is set (and ``target``/``row`` are None) when the block is no longer in the document.
    """

    kind: Literal["paragraph", "table"]
    before: list[str] = field(default_factory=list)
    target: tuple[str, str, str] | None = None
    after: list[str] = field(default_factory=list)
    header_rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    caption: str | None = None
    missing: str | None = None
    located: bool = True
    row_index: int | None = None
    value_cols: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- PDF pages


def page_image(
    pdf_path: Path, page: int, cache_dir: Path, resolution: int = 110
) -> tuple[Path, tuple[float, float]]:
    """Render page ``page`` (1-based) to a cached PNG; return its path and the page size in points."""
    pdf_path = Path(pdf_path)
    try:
        sha = _sha256(pdf_path)
    except OSError as exc:
        raise EvidenceError(f"Không mở được tệp {pdf_path.name} ({exc.strerror or exc})") from exc
    target = Path(cache_dir) / f"{sha}-p{page}-r{resolution}.png"
    if target.is_file() and (size := _cached_size(target)) is not None:
        return target, size
    try:
        pdf = pdfplumber.open(pdf_path)
    except Exception as exc:  # pdfplumber wraps every pdfminer failure in PdfminerException
        raise EvidenceError(f"Không đọc được tệp PDF {pdf_path.name}: tệp hỏng hoặc có mật khẩu") from exc
    with pdf:
        count = len(pdf.pages)
        if not 1 <= page <= count:
            raise EvidenceError(f"Trang {page} không có trong tệp (tệp có {count} trang)")
        pdf_page = pdf.pages[page - 1]
        try:
            size = (float(pdf_page.width), float(pdf_page.height))
            with PDFIUM:  # pdfplumber renders with pypdfium2; other threads may be extracting
                image = pdf_page.to_image(resolution=resolution)
        except Exception as exc:  # pypdfium2 fails on damaged content streams
            raise EvidenceError(f"Không dựng được ảnh trang {page} của tệp {pdf_path.name}") from exc
        finally:
            pdf_page.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        info = PngImagePlugin.PngInfo()
        info.add_text(_SIZE_KEY, f"{size[0]} {size[1]}")  # a cache hit then needs no PDF parsing at all
        # Temp file in the same folder + os.replace: a concurrent request never sees half a PNG.
        fd, tmp = tempfile.mkstemp(prefix=target.stem, suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                image.save(out, format="PNG", pnginfo=info)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server may run as another user
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return target, size


def highlight_box(bbox: BBox, page_size: tuple[float, float]) -> dict[str, float]:
    """CSS percentages (left, top, width, height) of ``bbox`` on the page, padded and clamped to 0–100."""
    width, height = page_size
    if width <= 0 or height <= 0:
        raise EvidenceError("Kích thước trang không hợp lệ")
    x0, top, x1, bottom = bbox
    x0, x1 = sorted((x0, x1))
    top, bottom = sorted((top, bottom))

    def pct(v: float, whole: float) -> float:
        return min(100.0, max(0.0, v / whole * 100))

    left, right = pct(x0 - PADDING_PT, width), pct(x1 + PADDING_PT, width)
    upper, lower = pct(top - PADDING_PT, height), pct(bottom + PADDING_PT, height)
    return {"left": left, "top": upper, "width": right - left, "height": lower - upper}


@dataclass(frozen=True)
class PageEvidence:
    """Which page to show for a PDF figure and the overlays to draw on it (CSS percentages).

    ``value`` is the figure's own words or cell, ``label`` its label on the same line, ``block`` the
    whole paragraph or row. With a value box the block is drawn faint behind it; a record without one
    (lines whose words could not be aligned, rows stored before the value box existed) gets its block box
    as the one strong highlight, as before.
    """

    page: int
    value: dict[str, float] | None = None
    label: dict[str, float] | None = None
    block: dict[str, float] | None = None


def stored_box(value: object) -> BBox | None:
    """A box as stored (a JSON list of four numbers); None when missing (NULL, NaN) or malformed."""
    if not isinstance(value, list | tuple) or len(value) != 4:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return x0, top, x1, bottom


def stored_page(value: object) -> int | None:
    """A page number as stored; None when missing (NULL, or NaN in a frame column)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value or value < 1:
        return None
    return int(value)


def page_to_show(page: int, value_page: int | None, value_bbox: BBox | None) -> int:
    """The value's page when its box is known (a paragraph may run onto the next page), else the block's."""
    return value_page if value_bbox is not None and value_page else page


def page_evidence(
    page: int,
    size: tuple[float, float],
    bbox: BBox | None,
    value_page: int | None = None,
    value_bbox: BBox | None = None,
    label_bbox: BBox | None = None,
) -> PageEvidence:
    """The overlays of one figure on the page :func:`page_to_show` gives (its ``size`` in points)."""
    shown = page_to_show(page, value_page, value_bbox)
    if value_bbox is None:
        return PageEvidence(shown, block=highlight_box(bbox, size) if bbox is not None else None)
    return PageEvidence(
        shown,
        value=highlight_box(value_bbox, size),
        label=highlight_box(label_bbox, size) if label_bbox is not None else None,
        # the block's box is of its first page: drawn only when that is the page shown
        block=highlight_box(bbox, size) if bbox is not None and page == shown else None,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cached_size(png: Path) -> tuple[float, float] | None:
    """The page size stored in a cached PNG; None if the file is unreadable (it is then re-rendered)."""
    try:
        with Image.open(png) as im:
            w, h = (float(v) for v in im.text[_SIZE_KEY].split())
    except (OSError, KeyError, ValueError, AttributeError):
        return None
    return w, h


# ---------------------------------------------------------------- text context


def value_as_written(text: str, span: tuple[int, int] | None) -> str | None:
    """The characters ``span`` covers in ``text`` (e.g. "13.200 tỷ đồng"); None if it does not fit."""
    if span is None:
        return None
    start, end = span
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None
    return text[start:end]


def context_for(document: Document, source: Source, before: int = 2, after: int = 2) -> Context:
    """:func:`word_context` for a figure's source, using its sentence to place the span."""
    value = value_as_written(source.text, source.span)
    return word_context(document, source.block, source.span, value, before, after, sentence=source.text)


def word_context(
    document: Document,
    block: str,
    span: tuple[int, int] | None,
    value_text: str | None,
    before: int = 2,
    after: int = 2,
    *,
    sentence: str | None = None,
) -> Context:
    """The text around ``block``; never raises for a block the document no longer has.

    ``span`` indexes ``sentence`` when given (``Figure.source.text``), else the paragraph itself; in the
    latter case it is used only if ``value_text`` confirms it. Prefer :func:`context_for`.
    """
    match = _BLOCK.match(block)
    kind: Literal["paragraph", "table"] = "table" if block.startswith("t") else "paragraph"
    if match is None:
        return _missing(kind)
    if match[4] is not None:
        return _paragraph_context(document, block, span, value_text, before, after, sentence)
    col = int(match[3]) if match[3] is not None else None
    return _table_context(document, int(match[1]), int(match[2]), col, value_text)


def _missing(kind: Literal["paragraph", "table"]) -> Context:
    return Context(kind, missing=MISSING, located=False)


def _paragraph_context(
    document: Document,
    block: str,
    span: tuple[int, int] | None,
    value_text: str | None,
    before: int,
    after: int,
    sentence: str | None,
) -> Context:
    paras = list(document.paragraphs())
    at = next((i for i, p in enumerate(paras) if p.locator.block == block), None)
    if at is None:
        return _missing("paragraph")
    text = paras[at].text
    if sentence is not None and value_text is None:
        value_text = value_as_written(sentence, span)
    found = _locate(text, span, value_text, sentence)
    if found is None:
        target, located = ("", text, ""), False
    else:
        target, located = (text[: found[0]], text[found[0] : found[1]], text[found[1] :]), True
    return Context(
        "paragraph",
        before=_non_empty(reversed(paras[:at]), before)[::-1],
        target=target,
        after=_non_empty(paras[at + 1 :], after),
        located=located,
    )


def _locate(
    text: str, span: tuple[int, int] | None, value: str | None, sentence: str | None
) -> tuple[int, int] | None:
    """Where the value lies in the paragraph text, trying the most exact evidence first.

    A span is used only when something corroborates it: it usually indexes the *sentence*, and applied
    to the paragraph unchecked it would highlight the wrong number, which is worse than none.
    """
    offset = text.find(sentence) if sentence is not None else -1
    if span is not None and (offset >= 0 or value is not None):
        start, end = (span[0] + offset, span[1] + offset) if offset >= 0 else span
        if 0 <= start < end <= len(text) and (value is None or text[start:end] == value):
            return start, end
    if not value or not value.strip():
        return None
    # Whitespace is matched loosely: PDF line joins may turn a space into a newline or a double space.
    pattern = r"\s+".join(re.escape(part) for part in value.split())
    hits = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not hits:
        return None
    # The value may occur more than once ("18/18"); the one nearest the recorded span is the right one.
    hint = max(offset, 0) + (span[0] if span else 0)
    return min(hits, key=lambda h: abs(h[0] - hint))


def _non_empty(paras: Iterable[Paragraph], limit: int) -> list[str]:
    out: list[str] = []
    for p in paras:
        if len(out) >= limit:
            break
        if p.text.strip():
            out.append(p.text)
    return out


def _table_context(document: Document, index: int, row: int, col: int | None, value: str | None) -> Context:
    found = next(
        ((i, b) for i, b in enumerate(document.blocks) if isinstance(b, Table) and b.index == index), None
    )
    if found is None or not 0 <= row < found[1].n_rows:
        return _missing("table")
    position, table = found
    grid = table.grid()
    texts = table.row_texts()
    n_header = min(2 if _header_continues(table) else 1, row)  # the target row is never a header
    # In headers a merged cell is shown once, at its origin, as it is printed; the target row keeps
    # every repetition so a vertically merged label ("Cấp quận") still names the row.
    headers = [
        [c.text if c is not None and (c.row, c.col) == (r, k) else "" for k, c in enumerate(grid[r])]
        for r in range(n_header)
    ]
    if col is not None and 0 <= col < table.n_cols:
        cols = [col]
    elif value and value.strip():
        cols = [k for k, t in enumerate(texts[row]) if t.strip() == value.strip()]
    else:
        cols = []
    return Context(
        "table",
        header_rows=headers,
        row=texts[row],
        caption=_caption(document, position),
        row_index=row,
        value_cols=cols,
    )


def _header_continues(table: Table) -> bool:
    """Whether row 1 belongs to the header: a header cell spans down into it, or row 0 has a group
    heading over several columns ("Năm 2021" over "Thực hiện | % so KH") and row 1 holds no figures."""
    if table.n_rows < 3:
        return False
    first = [c for c in table.cells if c.row == 0]
    if any(c.row_span > 1 for c in first):
        return True
    second = [c.text for c in table.cells if c.row == 1]
    return any(c.col_span > 1 for c in first) and not any(ch.isdigit() for t in second for ch in t)


def _caption(document: Document, position: int) -> str | None:
    """The nearest non-empty paragraph right before the table (a table in between means none)."""
    for block in reversed(document.blocks[:position]):
        if not isinstance(block, Paragraph):
            return None
        if block.text.strip():
            return block.text
    return None
