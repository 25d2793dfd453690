"""The benchmark corpus generator (benchmarks/corpus.py): reproducible, distinct, extractable reports.

A handful of small reports, generated once per module; the LibreOffice check of Word page counts is
marked slow.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import unicodedata
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import docx
import pdfplumber
import pypdfium2
import pytest

from benchmarks import fonts as fonts_mod
from benchmarks.corpus import MANIFEST, CorpusSpec, GeneratedReport, build, generate, plan
from benchmarks.docx_writer import docx_page_count
from benchmarks.fonts import FontNotFound, load_fonts
from benchmarks.layout import Paginator
from benchmarks.model import Para, Table, plain_text
from benchmarks.pdf_writer import write_pdf
from extractors.extract import extract_path
from extractors.resolve import same_value
from models.vocabulary import INDICATORS

SMALL = CorpusSpec(docs=6, seed=3, pages=(2, 8), pdf_share=0.5, table_page_share=0.25)
MEDIUM = CorpusSpec(docs=3, seed=5, pages=(6, 12), pdf_share=1.0, table_page_share=0.25)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> list[GeneratedReport]:
    return generate(SMALL, tmp_path_factory.mktemp("small"), workers=2)


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> list[GeneratedReport]:
    return generate(MEDIUM, tmp_path_factory.mktemp("medium"), workers=2)


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_spec_gives_the_same_bytes(small: list[GeneratedReport], tmp_path: Path) -> None:
    first = small[0].path.parent
    again = generate(SMALL, tmp_path / "again", workers=1)  # one process: the pool changes nothing
    assert [r.path.name for r in again] == [r.path.name for r in small]
    assert _bytes(tmp_path / "again") == _bytes(first)
    other = generate(CorpusSpec(docs=2, seed=4, pages=(2, 8)), tmp_path / "other", workers=1)
    assert all(a.path.read_bytes() != b.path.read_bytes() for a, b in zip(other, again, strict=False))


def test_file_dates_are_the_signing_date(small: list[GeneratedReport]) -> None:
    """Not the time of the run: ZIP entries, core properties and the PDF Info dates are the report's own."""
    for r in small:
        if r.format == "docx":
            document = docx.Document(str(r.path))
            signed = document.core_properties.created
            with zipfile.ZipFile(r.path) as z:
                assert {i.date_time for i in z.infolist()} == {signed.timetuple()[:6]}
            text = document.tables[0].rows[0].cells[1].text
        else:
            data = r.path.read_bytes()
            stamp = data.split(b"/CreationDate (D:")[1][:14].decode()
            assert data.split(b"/ModDate (D:")[1][:14].decode() == stamp
            signed = datetime.strptime(stamp, "%Y%m%d%H%M%S")
            with pdfplumber.open(r.path) as pdf:
                text = pdf.pages[0].extract_text()
        assert f"ngày {signed.day:02d} tháng {signed.month:02d} năm {signed.year}" in text


def test_cached_corpus_is_reused_and_a_changed_spec_regenerates(tmp_path: Path) -> None:
    spec = CorpusSpec(docs=2, seed=8, pages=(2, 4))
    first = generate(spec, tmp_path, workers=1)
    (tmp_path / "notes.txt").write_text("not ours")
    stamps = {r.path: r.path.stat().st_mtime_ns for r in first}
    assert generate(spec, tmp_path, workers=1) == first
    assert {r.path: r.path.stat().st_mtime_ns for r in first} == stamps  # nothing rewritten
    bigger = generate(CorpusSpec(docs=3, seed=9, pages=(2, 4)), tmp_path, workers=1)
    assert len(bigger) == 3
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {r.path.name for r in bigger} | {r.expected_path.name for r in bigger} | {
        MANIFEST,
        "notes.txt",
    }
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["generator"] = "0+old"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    stamps = {r.path: r.path.stat().st_mtime_ns for r in bigger}
    generate(CorpusSpec(docs=3, seed=9, pages=(2, 4)), tmp_path, workers=1)
    assert {r.path: r.path.stat().st_mtime_ns for r in bigger} != stamps  # another generator: written again


def test_reports_are_distinct(medium: list[GeneratedReport], small: list[GeneratedReport]) -> None:
    """No long paragraph of one report is in another (titles and table captions are formulas)."""
    fonts = load_fonts()
    texts = []
    for spec, reports in ((SMALL, small), (MEDIUM, medium)):
        for job in plan(spec, reports[0].path.parent):
            paras = [plain_text(b) for b in build(job, fonts).blocks if isinstance(b, Para)]
            texts.append({t for t in paras if len(t) > 160})
    assert all(len(t) >= 3 for t in texts)
    for a, b in itertools.combinations(texts, 2):
        assert not a & b
    assert all(r.unit_id and 2021 <= r.year <= 2025 for r in small + medium)


def test_page_counts_are_in_range(small: list[GeneratedReport], medium: list[GeneratedReport]) -> None:
    """PDFs are counted by pypdfium2; a .docx by its page starts (w:lastRenderedPageBreak marks)."""
    for spec, reports in ((SMALL, small), (MEDIUM, medium)):
        lo, hi = spec.pages
        for r in reports:
            n = len(pypdfium2.PdfDocument(r.path)) if r.format == "pdf" else docx_page_count(r.path)
            assert n == r.pages
            assert lo <= n <= hi, r.path.name
    assert {r.format for r in small} == {"pdf", "docx"}


def test_tables_on_about_the_requested_share_of_pages(medium: list[GeneratedReport], tmp_path: Path) -> None:
    pages = with_table = 0
    for r in medium:
        with pdfplumber.open(r.path) as pdf:
            for page in pdf.pages:
                pages += 1
                with_table += any(len(t.rows) > 1 for t in page.find_tables())
    assert 0.15 <= with_table / pages <= 0.4, (with_table, pages)
    prose = generate(CorpusSpec(docs=2, seed=5, pages=(6, 10), pdf_share=1.0, table_page_share=0.0), tmp_path)
    for r in prose:
        with pdfplumber.open(r.path) as pdf:
            assert not any(len(t.rows) > 1 for page in pdf.pages for t in page.find_tables())


def _words(text: str) -> Counter[str]:
    return Counter(text.split())


def test_pdf_text_reads_back_as_written(medium: list[GeneratedReport]) -> None:
    fonts = load_fonts()
    report = medium[0]
    job = plan(MEDIUM, report.path.parent)[0]
    laid = build(job, fonts, *MEDIUM.pages).pages
    pdf = pypdfium2.PdfDocument(report.path)
    bold: set[str] = set()
    with pdfplumber.open(report.path) as plumber:
        assert len(plumber.pages) == len(laid)
        for number, (page, expected) in enumerate(zip(plumber.pages, laid, strict=True), start=1):
            written = " ".join(line.text for line in expected.lines) + f" {number}"
            text = page.extract_text()
            assert unicodedata.is_normalized("NFC", text)
            assert _words(text) == _words(written)  # every word, diacritics and all
            lines = set(text.split("\n"))
            body = [ln.text for ln in expected.lines if len(ln.text) > 60]
            assert body and all(t in lines for t in body)  # justified lines come back with single spaces
            bold.update(c["text"] for c in page.chars if "Bold" in c["fontname"])
            other = pdf[number - 1].get_textpage().get_text_bounded()
            assert _words(unicodedata.normalize("NFC", other)) == _words(written)
    assert bold  # headings are in the bold face, whose name says so (the PDF reader tells bold by it)


def test_ruled_tables_are_found_with_their_rows_and_columns(tmp_path: Path) -> None:
    fonts = load_fonts()
    rows: list[list[str | None]] = [
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2022", None, "Tỷ lệ (%)"],
        [None, None, None, "Kế hoạch", "Thực hiện", None],
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "11.251", "12.500", "111,1"],
        ["2", "Giải ngân vốn đầu tư công", "%", "100", "247,5", "-"],
    ]
    table = Table(
        rows,
        [1.0, 6.0, 2.0, 2.2, 2.2, 2.0],
        header_rows=2,
        merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)],
    )
    pag = Paginator(fonts)
    pag.add(Para("Kết quả thực hiện như sau:"))
    pag.add(table)
    path = tmp_path / "t.pdf"
    write_pdf(pag.finish(), fonts, path, title="t", author="a", when=datetime(2023, 1, 5))
    with pdfplumber.open(path) as pdf:
        found = pdf.pages[0].find_tables()
        assert len(found) == 1
        grid = [
            [c.replace("\n", " ") if c else c for c in row] for row in found[0].extract()
        ]  # wrapped cells
    assert len(grid) == 4 and all(len(row) == 6 for row in grid)
    assert grid[0][:4] == ["TT", "Chỉ tiêu", "ĐVT", "Năm 2022"] and grid[0][4] is None
    assert grid[1][3:5] == ["Kế hoạch", "Thực hiện"]
    assert grid[2] == rows[2] and grid[3] == rows[3]


def test_expected_figures_and_extraction_agree(small: list[GeneratedReport]) -> None:
    tp = fp = fn = 0
    for r in small[:4]:
        expected = json.loads(r.expected_path.read_text(encoding="utf-8"))
        assert expected["unit"] == r.unit_id and expected["year"] == r.year
        assert set(expected["figures"]) <= set(INDICATORS) and "budget_revenue_actual" in expected["figures"]
        result = extract_path(r.path)
        assert result.status == "ok"
        assert (result.unit.id if result.unit else None, result.year) == (r.unit_id, r.year)
        got = {f.indicator: f for f in result.figures}
        for code, want in expected["figures"].items():
            fig = got.pop(code, None)
            if fig is not None and same_value(fig.value, want["value"], fig.unit):
                tp += 1
            else:
                fn += 1
                fp += fig is not None
        fp += len(got)  # extracted, not stated
    assert fp == 0
    assert tp / (tp + fn) >= 0.9


def test_docx_text_is_the_written_text(small: list[GeneratedReport]) -> None:
    fonts = load_fonts()
    report = next(r for r in small if r.format == "docx")
    job = plan(SMALL, report.path.parent)[small.index(report)]
    blocks = build(job, fonts, *SMALL.pages).blocks
    written = [plain_text(b) for b in blocks if isinstance(b, Para) and plain_text(b)]
    read = [p.text for p in docx.Document(str(report.path)).paragraphs if p.text]
    assert read == written  # the page-start marks split runs, never words


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts_mod, "FONT_DIRS", [tmp_path / "no-fonts"])
    load_fonts.cache_clear()
    try:
        with pytest.raises(FontNotFound, match="apt-get install fonts-liberation2"):
            load_fonts()
        with pytest.raises(FontNotFound):
            generate(CorpusSpec(docs=1), tmp_path / "out")
        assert not list((tmp_path / "out").iterdir())
    finally:
        load_fonts.cache_clear()


def test_spec_is_checked() -> None:
    with pytest.raises(ValueError, match="pages"):
        CorpusSpec(pages=(1, 5))
    with pytest.raises(ValueError, match="pages"):
        CorpusSpec(pages=(9, 5))
    with pytest.raises(ValueError):
        CorpusSpec(pdf_share=1.5)
    assert CorpusSpec(pages=[2, 8]).pages == (2, 8)  # type: ignore[arg-type]


@pytest.mark.slow
def test_word_lays_the_docx_out_on_the_pages_we_counted(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    reports = generate(CorpusSpec(docs=2, seed=2, pages=(5, 12), pdf_share=0.0), tmp_path / "c", workers=1)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(r.path) for r in reports),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for r in reports:
        rendered = len(pypdfium2.PdfDocument(tmp_path / "pdf" / (r.path.stem + ".pdf")))
        assert abs(rendered - r.pages) <= max(1, round(0.1 * r.pages)), (r.path.name, rendered, r.pages)
