"""Extraction throughput against baselines measured in the same run.

    python benchmarks/bench_extract.py samples/ [--repeat 3]

For the PDFs, in pages per second: two baselines, raw pdfplumber ``page.extract_text()`` and raw
pypdfium2 text (``get_textpage().get_text_range()``), then thidua's reader alone and the whole
``thidua extract`` path (reader, rules, tables, resolution), each with its speed relative to both
baselines. The same again on the pages holding a ruled table (each written to a one-page PDF, so
that only those pages are read). For the Word files: python-docx reading every paragraph and table
cell (the baseline) against the whole extraction, in documents per second. Scanned PDFs (no text layer
on any page) are timed on their own line: the raw libraries read nothing from them, so they would only
hide the OCR's cost inside a ratio that means nothing. The pipeline is built
before timing; its one-off start-up is printed on its own. Every figure is the best of ``--repeat``
passes: the machine is shared, and the best pass is the one least disturbed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from benchmarks.baselines import raw_pdfplumber, raw_pypdfium2, raw_python_docx
from extractors.extract import extract_path
from extractors.pipeline import build_pipeline
from extractors.readers import read_document


def timed(files: list[Path], work: Callable[[Path], int], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` passes over all files, and the units counted by ``work``."""
    best, units = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        units = sum(work(f) for f in files)
        best = min(best, time.perf_counter() - start)
    return best, units


def table_pages(pdfs: list[Path], folder: Path) -> list[Path]:
    """Each page of ``pdfs`` holding a ruled table (as pdfplumber finds them), as a one-page PDF."""
    out = []
    for path in pdfs:
        with pdfplumber.open(path) as plumber:
            numbers = [page.page_number for page in plumber.pages if len(page.find_tables())]
        source = pdfium.PdfDocument(path)
        for number in numbers:
            single = pdfium.PdfDocument.new()
            single.import_pages(source, [number - 1])
            target = folder / f"{path.stem}-p{number}.pdf"
            single.save(target)
            single.close()
            out.append(target)
        source.close()
    return out


def is_scan(path: Path) -> bool:
    """No page of the PDF has a text layer: only OCR reads it."""
    document = pdfium.PdfDocument(path)
    try:
        return all(not page.get_textpage().get_text_range().strip() for page in document)
    finally:
        document.close()


def report_scans(scans: list[Path]) -> None:
    start = time.perf_counter()
    pages = sum(extract_path(p).pages or 0 for p in scans)
    seconds = time.perf_counter() - start
    print(f"\nScanned PDF (OCR, one pass): {len(scans)} files, {pages} pages")
    print(f"  {'thidua extract (whole path)':<34} {seconds / max(pages, 1):8.2f} s/page  (no text baseline)")


def report_pdfs(label: str, pdfs: list[Path], repeat: int) -> None:
    plumber, pages = timed(pdfs, raw_pdfplumber, repeat)
    pypdf, _ = timed(pdfs, raw_pypdfium2, repeat)
    read, _ = timed(pdfs, lambda p: read_document(p).pages or 0, repeat)
    full, _ = timed(pdfs, lambda p: extract_path(p).pages or 0, repeat)
    print(f"\n{label}: {len(pdfs)} files, {pages} pages (best of {repeat})")
    print(f"  {'raw pdfplumber extract_text':<34} {pages / plumber:8.1f} pages/s  (baseline 1)")
    print(f"  {'raw pypdfium2 get_text_range':<34} {pages / pypdf:8.1f} pages/s  (baseline 2)")
    for name, seconds in (("thidua reader (text + tables)", read), ("thidua extract (whole path)", full)):
        print(
            f"  {name:<34} {pages / seconds:8.1f} pages/s  {plumber / seconds:6.2f}× baseline 1"
            f"  {pypdf / seconds:6.3f}× baseline 2  ({1000 * seconds / pages:.1f} ms/page)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    every_pdf = sorted(args.folder.rglob("*.pdf"))
    scans = [p for p in every_pdf if is_scan(p)]
    pdfs = [p for p in every_pdf if p not in scans]
    docxs = sorted(args.folder.rglob("*.docx"))

    start = time.perf_counter()
    build_pipeline()
    print(f"pipeline start-up (spaCy, catalogues): {time.perf_counter() - start:.2f} s, once per process")

    if pdfs:
        report_pdfs("PDF", pdfs, args.repeat)
        with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
            tables = table_pages(pdfs, Path(tmp))
            if tables:
                report_pdfs("PDF pages with a ruled table", tables, args.repeat)
    if scans:
        report_scans(scans)
    if docxs:
        base, n = timed(docxs, raw_python_docx, args.repeat)
        full, _ = timed(docxs, lambda p: int(extract_path(p).status == "ok"), args.repeat)
        print(f"\nWord: {len(docxs)} files (best of {args.repeat})")
        print(f"  {'raw python-docx text':<34} {n / base:8.1f} docs/s  (baseline)")
        label = "thidua extract (whole path)"
        print(f"  {label:<34} {len(docxs) / full:8.1f} docs/s  {base / full:5.2f}× the baseline's speed")


if __name__ == "__main__":
    main()
