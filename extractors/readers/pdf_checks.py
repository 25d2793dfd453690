"""Page-count check on a PDF before layout analysis, and the warning for a rebuilt xref table.

Split from :mod:`.safety` (which re-exports :func:`check_pdf`); pdfminer and pypdfium2 are imported
inside the function so that reading a Word file never loads them.

The count comes from pdfium (the page tree's leaves, counted in C) rather than from walking pdfminer's
page tree, which parses every page dictionary in Python: ≈ 0.5 ms a page, paid again when the reader
lists the pages. pdfminer still decides what it always decided: it opens the file (cross-reference
table and trailer only, cheap), a file it cannot open is left to ``read_pdf`` to explain, its
rebuilt cross-reference table gives the warning, and it counts the pages itself whenever pdfium's
count would refuse the file (none, or over the limit) or pdfium cannot open it, so that refusals stay
exactly as before.
"""

from __future__ import annotations

import io
from itertools import islice

from extractors.document import UnreadableDocument
from extractors.readers.limits import Limits

RESUBMIT = "Export or print the report to PDF again (or save the Word file as .docx) and submit it again"


def no_pages(name: str) -> UnreadableDocument:
    return UnreadableDocument(name, "the PDF has no pages", RESUBMIT)


def check_pdf(name: str, data: bytes, limits: Limits) -> list[str]:
    """Refuse a PDF with no pages or too many; return warnings (a rebuilt cross-reference table)."""
    from pdfminer.pdfdocument import PDFDocument, PDFXRefFallback
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except Exception:  # pdfminer raises many types; read_pdf opens it again and explains the failure
        return []
    count = _pdfium_count(data)
    if count is None or count == 0 or count > limits.max_pdf_pages:
        try:
            count = sum(1 for _ in islice(PDFPage.create_pages(document), limits.max_pdf_pages + 1))
        except Exception:  # a broken page tree: read_pdf says so
            return []
    if count == 0:
        raise no_pages(name)
    if count > limits.max_pdf_pages:
        raise UnreadableDocument(
            name,
            f"the PDF has more than {limits.max_pdf_pages} pages, the limit for one report",
            "Submit the report without its annexes, or split it into files of at most "
            f"{limits.max_pdf_pages} pages",
        )
    if any(isinstance(xref, PDFXRefFallback) for xref in document.xrefs):
        return ["the PDF's cross-reference table is damaged; it was rebuilt by scanning the file"]
    return []


def _pdfium_count(data: bytes) -> int | None:
    import pypdfium2 as pdfium

    from extractors.readers.pdfium_lock import PDFIUM

    with PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return None
        try:
            return len(pdf)
        finally:
            pdf.close()
