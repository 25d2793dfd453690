"""Which word source reads each page: pdfium when it can mirror pdfplumber, the reference otherwise.

Why a module: the choice needs both parsers' views of the page (pdfplumber's page geometry and font
dictionaries, pdfium's text page and objects) and must leave the rest of the reader unaware of it.
pdfplumber (pdfminer) still opens the file and lists its pages (cheap: no content stream is parsed):
that keeps every structural refusal (encrypted, damaged cross-reference table, broken page tree) word
for word, and gives the page geometry pdfplumber measures from. A document pdfium cannot open, or
where it counts other pages than pdfminer, is read by the reference engine entirely (none of the
sample or fixture PDFs; pdfium opens more damaged files than pdfminer, not fewer).
"""

from __future__ import annotations

import logging
from typing import Any

import pypdfium2 as pdfium

from extractors.readers.pdf_fonts import FontTable
from extractors.readers.pdf_graphics import walk
from extractors.readers.pdf_pdfium import Fallback, read_words
from extractors.readers.pdf_records import PageText
from extractors.readers.pdfium_lock import PDFIUM

log = logging.getLogger(__name__)

# pdfium keeps every font it loads in the document's cache until the document is closed: a PDF that
# repeats a font's dictionary on every page (measured: a 500-page file repeating a 760 kB TrueType
# font) grows by 1.3 MB a page, 650 MB in all. Reopening the document every REOPEN_EVERY pages bounds
# that, for ≈ 0.1 ms per reopening (pdfium reads the cross-reference table again).
REOPEN_EVERY = 16


class PageSource:
    """The pdfium side of one document; :meth:`read` gives a page's text or None (use the reference)."""

    def __init__(self, data: bytes | None, page_count: int) -> None:
        """``data`` None: no pdfium, every page read by the reference engine."""
        self.fallbacks: list[tuple[int, str]] = []  # (page number, why) read by the reference engine
        self._fonts = FontTable()
        self._char_caches: dict[int, tuple] = {}  # font dictionary -> what it gave per char
        self._pdf: pdfium.PdfDocument | None = None
        if data is None:
            return
        with PDFIUM:
            try:
                pdf = pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                log.info("pdfium cannot open the PDF (%s): every page is read by the reference engine", exc)
                return
            if len(pdf) != page_count:
                log.info(
                    "pdfium counts %d pages, pdfminer %d: read by the reference engine", len(pdf), page_count
                )
                pdf.close()
                return
        self._pdf = pdf
        self._data = data
        self._read_since_open = 0

    def read(self, index: int, page: Any) -> PageText | None:
        """Page ``index`` (0-based; ``page`` is pdfplumber's) read through pdfium, or None when it
        cannot be read the way pdfplumber reads it."""
        if self._pdf is None:
            return None
        try:
            with PDFIUM:  # the whole page: its text page, chars and objects are pdfium calls
                if self._read_since_open >= REOPEN_EVERY:
                    self._pdf.close()
                    self._pdf = pdfium.PdfDocument(self._data)
                    self._read_since_open = 0
                self._read_since_open += 1
                return self._read(index, page)
        except (Fallback, pdfium.PdfiumError) as exc:
            self.fallbacks.append((page.page_number, str(exc)))
            log.debug("page %d read by the reference engine: %s", page.page_number, exc)
            return None

    def _read(self, index: int, page: Any) -> PageText:
        if page.rotation:
            raise Fallback("rotated page")
        box = page.page_obj.mediabox
        if not (box[0] <= box[2] and box[1] <= box[3]):  # pdfminer would measure from another corner
            raise Fallback("MediaBox corners out of order")
        height = float(page.height)
        handle = self._pdf[index]
        try:
            textpage = handle.get_textpage()
            try:
                fonts = self._fonts.page_fonts(page.page_obj.resources)
                text = read_words(textpage.raw, height, fonts, self._char_caches)
            finally:
                textpage.close()
            graphics = walk(handle.raw, height)
        finally:
            handle.close()
        if graphics.too_deep:
            raise Fallback("forms nested too deep")
        if any(obj not in text.objects for obj in graphics.text_objects):
            raise Fallback("pdfium left a text object out of its text page")
        return PageText(text.words, text.char_count, graphics.has_images, graphics.find_tables, text.exact)

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None
