"""One lock around every call into pdfium in this process.

PDFium is not thread-safe, "not even with different documents" (pypdfium2's documentation): two threads
inside it at once crash or corrupt the process. Measured here: four threads extracting the sample PDFs
at once ended in a segmentation fault. The web app extracts uploads in its threads while other threads
render evidence pages, and a library user may call :func:`extractors.extract.extract_path` from a
thread pool, so every piece of pdfium work (open a document, read one page's text, render one page,
close) holds :data:`PDFIUM`. The work in between (pdfminer, the layout rules, spaCy, Tesseract's own
process) runs outside it, in parallel. Uncontended, taking the lock costs well under a microsecond, a
few times a page.

Objects are closed explicitly under the lock, never left to the garbage collector: pypdfium2's
finalizers would call pdfium from whichever thread happens to collect them.

Re-entrant, so that a helper holding it may call another that takes it too.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
