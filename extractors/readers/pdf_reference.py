"""The reference word source: pdfplumber itself (pdfminer's layout of every char).

Why keep it: it defines what the reader must produce. :mod:`.pdf_pdfium` reproduces its words and
tables from pdfium, and ``tests/test_pdf_parity.py`` reads every sample PDF with both and compares;
pages pdfium cannot mirror (see :class:`.pdf_pdfium.Fallback`), and documents pdfium cannot open, are
read here. It is 20–50 times slower: pdfplumber makes a Python object per char.
"""

from __future__ import annotations

from typing import Any

from pdfplumber.utils.text import WordExtractor

from extractors.readers.pdf_records import PageText, Word


def reference_page(page: Any) -> PageText:
    """Words, char count, images and (on demand) tables of a pdfplumber page, as the reader used them.

    Exceptions from a damaged content stream propagate: the caller reports the page as unreadable."""
    chars = page.chars
    words = [Word.from_plumber(w) for w in WordExtractor().extract_words(chars, return_chars=True)]
    has_images = bool(page.images)
    return PageText(words, len(chars), has_images, lambda: [table.cells for table in page.find_tables()])
