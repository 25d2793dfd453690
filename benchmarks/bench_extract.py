"""Extraction throughput against a baseline measured in the same run.

    python benchmarks/bench_extract.py samples/ [--repeat 3]

For the PDFs: raw pdfplumber ``page.extract_text()`` (the baseline), thidua's reader alone, and the whole
``thidua extract`` path (reader, rules, tables, resolution), in pages per second. For the Word files:
python-docx reading every paragraph and table cell (the baseline) against the whole extraction, in
documents per second. The pipeline is built before timing; its one-off start-up is printed on its own.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber

from extractors.extract import extract_path
from extractors.pipeline import build_pipeline
from extractors.readers import read_document


def raw_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def raw_python_docx(path: Path) -> int:
    document = docx.Document(str(path))
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    _ = cell.text
        else:
            _ = block.text
    return 1


def timed(files: list[Path], work: Callable[[Path], int], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` passes over all files, and the units counted by ``work``."""
    best, units = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        units = sum(work(f) for f in files)
        best = min(best, time.perf_counter() - start)
    return best, units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pdfs = sorted(args.folder.rglob("*.pdf"))
    docxs = sorted(args.folder.rglob("*.docx"))

    start = time.perf_counter()
    build_pipeline()
    print(f"pipeline start-up (spaCy, catalogues): {time.perf_counter() - start:.2f} s, once per process")

    if pdfs:
        base, pages = timed(pdfs, raw_pdfplumber, args.repeat)
        read, _ = timed(pdfs, lambda p: read_document(p).pages or 0, args.repeat)
        full, _ = timed(pdfs, lambda p: extract_path(p).pages or 0, args.repeat)
        print(f"\nPDF: {len(pdfs)} files, {pages} pages (best of {args.repeat})")
        print(f"  {'raw pdfplumber extract_text':<34} {pages / base:8.1f} pages/s  (baseline)")
        for label, seconds in (
            ("thidua reader (text + tables)", read),
            ("thidua extract (whole path)", full),
        ):
            print(
                f"  {label:<34} {pages / seconds:8.1f} pages/s  {base / seconds:5.2f}× the baseline's speed"
            )
    if docxs:
        base, n = timed(docxs, raw_python_docx, args.repeat)
        full, _ = timed(docxs, lambda p: int(extract_path(p).status == "ok"), args.repeat)
        print(f"\nWord: {len(docxs)} files (best of {args.repeat})")
        print(f"  {'raw python-docx text':<34} {n / base:8.1f} docs/s  (baseline)")
        label = "thidua extract (whole path)"
        print(f"  {label:<34} {len(docxs) / full:8.1f} docs/s  {base / full:5.2f}× the baseline's speed")


if __name__ == "__main__":
    main()
