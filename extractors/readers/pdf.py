"""PDF reader: paragraphs rebuilt from lines, ruled tables with their spans, scanned pages by OCR.

Two passes. Pass 1 reads each page once (words, ruled tables, which words fall in which cell) and
closes it, keeping only small records (:mod:`.pdf_records`), so memory stays bounded on long reports.
Pass 2 (:mod:`.pdf_assemble`) works on those records: running headers/footers are found (they need
every page), lines grouped into paragraphs, paragraphs and tables cut by page breaks joined, blocks
numbered.

Where the words come from (:mod:`.pdf_sources`): pdfium's text page, made to give exactly the words
and table cells pdfplumber gives (:mod:`.pdf_pdfium`, :mod:`.pdf_graphics`), ≈ 3 ms a page instead
of pdfplumber's 50–100; pages pdfium cannot mirror are read by pdfplumber itself, the reference engine
(:mod:`.pdf_reference`). pdfplumber still opens the file and lists its pages (no content stream is
parsed for that), so encrypted and damaged files are refused with the same messages. The layout rules
(:mod:`.pdf_layout`) and tables (:mod:`.pdf_tables`) work on the word records alike.

Scanned pages: pass 1 asks :func:`extractors.readers.ocr.page_needs_ocr` about each page's text layer;
a page without one (and holding an image), or whose text layer is garbage (fonts without a Unicode
map, no Vietnamese letters), is read by OCR (:mod:`extractors.readers.ocr`) instead, and its words go
through the same table, line and paragraph rules (its ruled tables' cells come from the rules OCR found
in the image). Its paragraphs and cells carry ``repairs=("ocr_text",)`` and bboxes mapped back onto the
page (the OCR frame is straightened). When OCR is not available the page's
content is missing with a warning. When no page has any text without OCR, or when Tesseract itself
fails on a page (a timeout on a loaded server, a crash), the reader raises
:class:`~extractors.readers.ocr.OcrEngineError`: the document is ``failed`` (the server's fault, not the
file's) and retried, not ``ok`` with its pages missing nor rejected.
"""

from __future__ import annotations

import io
import logging
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from extractors.document import BBox, Document, UnreadableDocument
from extractors.readers.ocr import NO_TEXT, UNMAPPED, OcrEngineError, OcrError, PdfOcr, page_needs_ocr
from extractors.readers.pdf_assemble import assemble
from extractors.readers.pdf_checks import no_pages
from extractors.readers.pdf_layout import breaks, lines, repair_notes, strip_running_lines
from extractors.readers.pdf_records import Layout, Line, Page, PageText, Para, Word
from extractors.readers.pdf_reference import reference_page
from extractors.readers.pdf_sources import PageSource
from extractors.readers.pdf_tables import page_tables

_breaks, _Layout, _Line, _Para = breaks, Layout, Line, Para  # tests reach these through this module

log = logging.getLogger(__name__)


def read_pdf(name: str, data: bytes, sha256: str, *, engine: str = "pdfium") -> Document:
    """Read a PDF into a Document; raise :class:`UnreadableDocument` for an encrypted or damaged one.

    ``engine="reference"`` reads every page with pdfplumber (the parity tests compare the two)."""
    if engine not in ("pdfium", "reference"):
        raise ValueError(f"unknown PDF engine {engine!r}")
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
        if not page_list:  # check_pdf counted pdfium's pages; pdfminer's are the ones read
            raise no_pages(name)
        source = PageSource(data if engine == "pdfium" else None, len(page_list))
        try:
            pages = [_read_page(k, page, source, warnings, ocr) for k, page in enumerate(page_list)]
        finally:
            source.close()
            ocr.close()
    if source.fallbacks:
        log.info("%s: %d of %d pages read by the reference engine", name, len(source.fallbacks), len(pages))
    if not pages or all(p is None for p in pages):
        raise _damaged(name, "no page could be read")
    read = [p for p in pages if p is not None]
    _ocr_summary(name, read, ocr, warnings)
    warnings.extend(repair_notes(read))  # legacy fonts converted, split syllables rejoined
    header_footer = strip_running_lines(read)
    blocks = assemble(read)
    return Document(name, "pdf", sha256, blocks, header_footer, pages=len(pages), warnings=warnings)


def _damaged(name: str, detail: str) -> UnreadableDocument:
    remedy = "Export or print it to PDF again (or save the Word file as .docx) and submit it again"
    return UnreadableDocument(name, f"the PDF cannot be parsed ({detail})", remedy)


# ---------------------------------------------------------------- pass 1: one page at a time


def _read_page(index: int, page: Any, source: PageSource, warnings: list[str], ocr: PdfOcr) -> Page | None:
    number = page.page_number
    try:
        text = _page_text(index, page, source, warnings)
        if text is None:
            return None
        out = Page(number, float(page.width), float(page.height))
        words = text.words
        reason = page_needs_ocr(" ".join(w.text for w in words), text.char_count)
        if reason == NO_TEXT and not text.has_images:
            reason = None  # a blank page, or a short one (only "Nơi nhận:"): nothing to read by OCR
        out.needs_ocr = reason
        if reason and (_read_by_ocr(out, reason, ocr, warnings) or reason == UNMAPPED or not words):
            return out
        # OCR not available or failed: a text layer without Vietnamese letters, or a few words, is kept
        if not words:
            return out
        if not text.exact:  # its boxes were only good enough for the OCR decision
            text = _reference(page, warnings)
            if text is None:
                return None
            words = text.words
        try:
            found: list[list[BBox]] = text.find_tables()
        except Exception as exc:
            warnings.append(f"page {number}: table detection failed ({exc}); its text is read as paragraphs")
            found = []
    finally:
        page.close()  # free pdfminer's layout objects if the reference engine read the page
    out.lines = lines(number, page_tables(out, found, words))
    return out


def _page_text(index: int, page: Any, source: PageSource, warnings: list[str]) -> PageText | None:
    """The page's text from pdfium, else from pdfplumber; None (with a warning) if unreadable."""
    text = source.read(index, page)  # our own errors raise: only a parser's failure is the file's
    return text if text is not None else _reference(page, warnings)


def _reference(page: Any, warnings: list[str]) -> PageText | None:
    try:
        return reference_page(page)
    except Exception as exc:  # a damaged content stream: keep the other pages
        warnings.append(f"page {page.page_number} could not be parsed ({exc}); its content is missing")
        return None


def _read_by_ocr(out: Page, reason: str, ocr: PdfOcr, warnings: list[str]) -> bool:
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
    except OcrError as exc:  # the page cannot be rendered: the file's fault, the other pages are kept
        warnings.append(f"page {number} ({reason}): OCR failed ({exc}); its content is missing")
        return False
    except OcrEngineError as exc:  # the server's: the document fails and is retried, never read short
        raise OcrEngineError(f"OCR of page {number} ({reason}) failed: {exc}") from exc
    out.ocr = result
    words = [Word.from_plumber(w) for w in result.words]
    out.lines = lines(number, page_tables(out, result.tables, words))  # cells as on a text page
    if not out.lines:
        warnings.append(f"page {number} ({reason}): OCR found no text (blank or unreadable scan)")
    return True


def _ocr_summary(name: str, pages: list[Page], ocr: PdfOcr, warnings: list[str]) -> None:
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
        # The scan is a valid report and the server lacks a tool: thidua's fault, so ``failed`` and
        # retried each night until the packages are installed (a rejection would stay settled).
        raise OcrEngineError(
            f"the PDF is a scan and OCR is not available on this server ({ocr.unavailable()}): install "
            "the Debian packages tesseract-ocr and tesseract-ocr-vie; the report is kept and is read "
            "at the first run after that"
        )
