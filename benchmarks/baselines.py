"""What thidua's speed is compared against, on the same files in the same run: the raw libraries.

* :func:`raw_pdfplumber` — pdfplumber's ``page.extract_text()`` on every page (pdfminer's layout of every
  character: what the PDF reader cost before it moved to pypdfium2);
* :func:`raw_pypdfium2` — pypdfium2's text of every page (the floor: text without positions or tables);
* :func:`raw_python_docx` — python-docx opening a Word file and reading every paragraph and table cell.

Each returns the units it read (pages, or 1 document), so throughput is units per second.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median


def raw_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def raw_pypdfium2(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def raw_python_docx(path: Path) -> int:
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    _ = cell.text
        else:
            _ = block.text
    return 1


def passes(files: Sequence[Path], work: Callable[[Path], int], repeat: int) -> tuple[list[float], int]:
    """Wall seconds of each of ``repeat`` passes over all ``files``, and the units ``work`` counted."""
    times, units = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        units = sum(work(f) for f in files)
        times.append(time.perf_counter() - start)
    return times, units


def spread(times: Sequence[float]) -> float:
    """(max − min) / median of repeated timings: above ~0.1 the machine was busy with something else."""
    middle = median(times)
    return (max(times) - min(times)) / middle if middle else 0.0
