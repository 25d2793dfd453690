"""Page-count check on a PDF before layout analysis, and the warning for a rebuilt xref table.

Split from :mod:`.safety` (which re-exports :func:`check_pdf`); pdfminer is imported inside the
function so that reading a Word file never loads it.
"""

from __future__ import annotations

import io
from itertools import islice

from extractors.document import UnreadableDocument
from extractors.readers.limits import Limits


def check_pdf(name: str, data: bytes, limits: Limits) -> list[str]:
    """Refuse a PDF with no pages or too many; return warnings (a rebuilt cross-reference table)."""
    from pdfminer.pdfdocument import PDFDocument, PDFXRefFallback
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        count = sum(1 for _ in islice(PDFPage.create_pages(document), limits.max_pdf_pages + 1))
    except Exception:  # pdfminer raises many types; read_pdf opens it again and explains the failure
        return []
    if count == 0:
        raise UnreadableDocument(
            name,
            "the PDF has no pages",
            "Export or print the report to PDF again (or save the Word file as .docx) and submit it again",
        )
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
