"""The optional Debian tools the tests need, checked once for the whole run: a test that needs one is
skipped where it is missing, with the packages to install named (CI installs them all)."""

from __future__ import annotations

import pytest

from extractors.readers import ocr

OCR_MISSING = ocr.ocr_unavailable()  # None where Tesseract with Vietnamese data runs
needs_tesseract = pytest.mark.skipif(
    OCR_MISSING is not None,
    reason=f"OCR not available ({OCR_MISSING}): install the Debian packages tesseract-ocr and "
    "tesseract-ocr-vie (CI installs them)",
)
