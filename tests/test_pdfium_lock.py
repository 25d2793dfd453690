"""PDFium in threads. The web app extracts uploads and renders evidence pages in its worker threads, and
pdfium is not thread-safe (pypdfium2: "not even with different documents"): without the one lock of
:mod:`extractors.readers.pdfium_lock`, four threads extracting the sample PDFs at once ended the process
with a segmentation fault in one run of four, and the CI run of 2026-12-03 lost a later test's OCR
after the upload-scale test's server and nightly threads had read PDFs side by side.

A crash is a matter of timing, so the lock's use is checked deterministically: every pdfium function
(pypdfium2's raw API and thidua's own prototypes) is wrapped, and each call made while a text PDF, a
table PDF and a scan are extracted and a page is rendered for the review app must hold the lock.
The threads themselves run in a child process, so that a crash fails a test with its signal instead of
ending the test run.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import pypdfium2.raw as pdfium_raw
import pytest
from system_tools import OCR_MISSING, needs_tesseract

from extractors.extract import extract_path
from extractors.readers import pdf_ffi
from extractors.readers.pdfium_lock import PDFIUM
from review.evidence import page_image

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "tests" / "fixtures" / "ocr" / "scanned.pdf"
# The scan only where OCR runs: elsewhere it is refused, which is tested in test_ocr.py
PDFS = sorted((ROOT / "samples").glob("*.pdf")) + ([SCAN] if OCR_MISSING is None else [])
ROUNDS = 2


def _guarded(name: str, function: Callable, unlocked: list[str]) -> Callable:
    def call(*args):
        if not PDFIUM._is_owned():  # held by this thread
            caller = next(
                (f for f in reversed(traceback.extract_stack()[:-1]) if "/site-packages/" not in f.filename),
                None,
            )
            unlocked.append(f"{name} from {caller.filename}:{caller.lineno}" if caller else name)
        return function(*args)

    return call


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "samples" / "hoan-kiem-2021-prose.pdf",
        ROOT / "samples" / "dong-da-2021-longtable.pdf",
        pytest.param(SCAN, marks=needs_tesseract),
    ],
    ids=lambda p: p.name,
)
def test_every_pdfium_call_holds_the_lock(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlocked: list[str] = []
    for module in (pdfium_raw, pdf_ffi):
        for name, value in list(vars(module).items()):
            if isinstance(value, ctypes._CFuncPtr):
                monkeypatch.setattr(module, name, _guarded(name, value, unlocked))
    result = extract_path(path)
    page_image(path, 1, tmp_path)
    gc.collect()  # a pdfium object left to the garbage collector would be closed here, unlocked
    assert result.status == "ok" and result.figures, result.error
    assert unlocked == [], sorted(set(unlocked))


CHILD = r"""
import json, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from extractors.extract import extract_path
from review.evidence import page_image

paths = [Path(p) for p in json.loads(sys.argv[1])]
rounds = int(sys.argv[2])
cache = Path(tempfile.mkdtemp())


def extracted(path):
    result = extract_path(path)
    figures = sorted(
        (f.indicator, f.value, f.source.value_bbox if f.source else None) for f in result.figures
    )
    return [result.status, result.error, figures]


def rendered(job):
    path, page, resolution = job
    png, size = page_image(path, page, cache / str(resolution), resolution=resolution)
    return [png.stat().st_size > 0, list(size)]


alone = [extracted(p) for p in paths]
with ThreadPoolExecutor(4) as pool:
    extractions = [pool.submit(extracted, p) for p in paths * rounds]
    renders = [pool.submit(rendered, (p, 1, r)) for p in paths for r in (72, 90)]
    together = [f.result() for f in extractions]
    images = [f.result() for f in renders]
print(json.dumps({"alone": alone, "together": together, "images": images}))
"""


def test_pdfs_extracted_and_rendered_in_four_threads_at_once_read_as_they_do_alone() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([str(p) for p in PDFS]), str(ROUNDS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, (
        f"the process ended with {done.returncode} (a negative number is the signal that killed it):\n"
        + done.stderr[-2000:]
    )
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(status == "ok" for status, _, _ in out["alone"]), out["alone"]
    assert out["together"] == out["alone"] * ROUNDS
    assert len(out["images"]) == 2 * len(PDFS) and all(made for made, _ in out["images"])
