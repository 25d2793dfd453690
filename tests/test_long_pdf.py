"""Long PDFs cost in proportion to their pages, in calls and in memory (issue 9: a 500-page PDF of
one line a page took 382 s and 597 MB, the time growing faster than the page count).

No timings here (the benchmarks time): the cost is counted as Python function calls, which do not
depend on the machine's load, and memory as the peak RSS of a child process that only reads the file (VmHWM: ``ru_maxrss`` of a child started
by ``subprocess`` counts the parent's memory before the exec too).
"""

from __future__ import annotations

import cProfile
import pstats
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import pdf_builder

from extractors.document import Paragraph
from extractors.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
build = pdf_builder()
pytestmark = pytest.mark.skipif(
    build.font_path() is None or build.font_path("bold") is None,
    reason="Liberation Serif is not installed (Debian package fonts-liberation2)",
)
CALLS_A_PAGE = 20_000  # measured ≈ 8 000 for a one-line page (profile of read_pdf)
WORDS = ["phong trào", "mô hình", "điển hình", "sáng kiến", "tập thể", "cá nhân", "khen thưởng"]


def one_line_a_page(pages: int, inline_fonts: bool = True) -> bytes:
    """``pages`` pages of one line each, every line different; with ``inline_fonts`` the font
    dictionaries are repeated in every page (some producers do: the worst case for font caches)."""
    b = build.Builder()
    for k in range(pages):
        text = f"Mục {k + 1}: tổ chức {WORDS[k % 7]} {WORDS[(k // 7) % 7]} thứ {k * 37 % 1000}."
        y = 770 - (k % 11) * 40  # not at one place on every page: not a running header
        b.add(
            build.Page(b"BT /F1 12 Tf 72 %d Td %s Tj ET\n" % (y, b.t("F1", text)), inline_fonts=inline_fonts)
        )
    return b.pdf()


def calls_to_read(data: bytes) -> tuple[int, int]:
    profile = cProfile.Profile()
    profile.enable()
    doc = read_pdf("long.pdf", data, "0" * 64)
    profile.disable()
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    return pstats.Stats(profile).total_calls, sum(t.startswith("Mục ") for t in texts)  # type: ignore[attr-defined]


def test_the_cost_of_a_long_pdf_grows_with_its_pages_not_faster() -> None:
    small, small_read = calls_to_read(one_line_a_page(60))
    large, large_read = calls_to_read(one_line_a_page(300))
    assert (small_read, large_read) == (60, 300)  # every page's line is read, none taken for a header
    # five times the pages: five times the calls, give or take the fixed cost of a document
    assert large / small < 5.5, (small, large)
    # and few of them: pdfminer parsed the repeated font on every page, ≈ 550 000 calls a page
    assert large / 300 < CALLS_A_PAGE, f"{large / 300:.0f} calls a page"


def test_a_500_page_pdf_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(one_line_a_page(500))
    script = (
        "import re, sys; from pathlib import Path; from extractors.readers.pdf import read_pdf;"
        "d = read_pdf('long.pdf', Path(sys.argv[1]).read_bytes(), '0' * 64);"
        "hwm = re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text());"
        "print(d.pages, int(hwm.group(1)) // 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    pages, peak_mb = map(int, out.stdout.split())
    assert pages == 500
    assert peak_mb < 300, f"reading 500 one-line pages peaked at {peak_mb} MB"
