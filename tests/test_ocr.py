"""OCR of scanned PDF pages: which pages go to OCR, what comes back, and what happens without Tesseract.

Fixtures are committed (built by tests/fixtures/ocr/make_fixtures.py); ``scanned.pdf`` is an image-only
scan with red seals and a slight rotation, ``mixed.pdf`` a text page followed by a scanned one,
``unmapped.pdf`` a text PDF whose fonts lost their Unicode map. Tests that run Tesseract are skipped,
saying so, when the Debian packages tesseract-ocr and tesseract-ocr-vie are missing; CI installs
them, so there the skip never hides a failure. The others fake Tesseract or its absence.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image, ImageDraw
from system_tools import needs_tesseract

from extractors.document import Paragraph, Table
from extractors.extract import extract_path
from extractors.ingest import Job, ingest_file, run_job
from extractors.readers import ocr, read_document
from models.records import DocumentResult
from models.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "ocr"
PACKAGES = "install the Debian packages tesseract-ocr and tesseract-ocr-vie"
BILLION = 1_000_000_000


@cache
def extracted(name: str) -> DocumentResult:
    return extract_path(FIXTURES / name)


# ------------------------------------------------------------------ which pages need OCR

VIETNAMESE = "Thu ngân sách trên địa bàn quận ước đạt 13.200 tỷ đồng, bằng 147,4% dự toán Thành phố giao."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", ocr.NO_TEXT),
        ("Trang 2", ocr.NO_TEXT),  # a page number stamped on a scan
        ("Nơi nhận: - Lưu VT.", ocr.NO_TEXT),  # under MIN_LETTERS (20): nothing worth keeping
        (VIETNAMESE, None),
        ("(cid:12)(cid:34)(cid:5)(cid:9) (cid:12)(cid:7)(cid:40)(cid:3) " * 20, ocr.UNMAPPED),
        ("(cid:3) " + VIETNAMESE, None),  # one bullet from a symbol font: the text is fine
        # A copier's own OCR layer without diacritics: 0 of 54 letters non-ASCII.
        ("HOI DONG THI DUA KHEN THUONG ngay 9 thang 3 nam 2020 So 23/KH-HDTDKT", ocr.NOT_VIETNAMESE),
        # Legacy encodings pass (share 0.20 in TCVN3, 0.27 in VNI): extractors.repair converts them.
        ("quËn hoµn kiÕm lµ ®Þa bµn cã vÞ trÝ quan träng vÒ chÝnh trÞ, kinh tÕ, v¨n hãa", None),
        ("Quaän Hoaøn Kieám laø ñòa baøn coù vò trí quan troïng veà chính trò, kinh teá", None),
        # 2 of 40 letters non-ASCII = 0.05 is enough (the threshold); 1 of 40 is not.
        ("Đ" + "a" * 38 + "ư", None),
        ("Đ" + "a" * 39, ocr.NOT_VIETNAMESE),
    ],
)
def test_page_needs_ocr(text: str, reason: str | None) -> None:
    assert ocr.page_needs_ocr(text, len(text)) == reason


def test_page_needs_ocr_on_the_fixtures() -> None:
    """The gate on real text layers: LibreOffice's, and the same fonts without their Unicode maps."""
    for name, reason in (("report.pdf", None), ("unmapped.pdf", ocr.UNMAPPED)):
        with pdfplumber.open(FIXTURES / name) as pdf:
            for page in pdf.pages:
                text = " ".join(w["text"] for w in page.extract_words())
                assert ocr.page_needs_ocr(text, len(page.chars)) == reason, (name, page.page_number)


# ------------------------------------------------------------------ image preparation


def test_skew_is_measured_and_boxes_map_back_onto_the_page() -> None:
    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for top in range(200, 1400, 60):  # text lines as bars of "letters"
        for left in range(150, 1050, 40):
            draw.rectangle((left, top, left + 30, top + 25), fill=0)
    scan = image.rotate(-1.2, resample=Image.Resampling.BICUBIC, fillcolor=255)
    angle = ocr.skew_angle(scan)
    assert angle == pytest.approx(1.2, abs=0.15)
    # A mark at (300, 400) on the page lands at `straight` once straightened; to_page finds it again.
    page = Image.new("L", (1200, 1600), 255)
    ImageDraw.Draw(page).rectangle((295, 395, 305, 405), fill=0)
    straight = np.argwhere(np.asarray(page.rotate(angle, fillcolor=255)) < 128).mean(axis=0)
    y, x = float(straight[0]), float(straight[1])
    box = ocr.OcrPage(1, 1200, 1600, angle).to_page((x - 1, y - 1, x + 1, y + 1))
    assert box[0] <= 301 and box[2] >= 299 and box[1] <= 401 and box[3] >= 399


def test_rules_are_removed_and_letters_kept() -> None:
    image = Image.new("L", (800, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 50, 750, 350), outline=0, width=3)  # a table frame
    draw.line((50, 200, 750, 200), fill=0, width=2)
    draw.rectangle((100, 100, 130, 140), fill=0)  # a letter
    out = np.asarray(ocr.remove_rules(image))
    assert (
        (out[48:55, 300] == 255).all() and (out[199:202, 300] == 255).all() and (out[300, 48:55] == 255).all()
    )
    assert (out[110:130, 105:125] == 0).all()


def test_red_seal_ink_drops_out_and_text_under_it_stays() -> None:
    rgb = Image.new("RGB", (200, 200), (255, 255, 255))
    draw = ImageDraw.Draw(rgb)
    draw.rectangle((0, 0, 99, 199), fill=(222, 90, 95))  # seal ink over paper
    draw.rectangle((40, 50, 60, 150), fill=(30, 0, 0))  # black text under the seal: dark red
    draw.rectangle((140, 50, 160, 150), fill=(20, 20, 20))  # black text
    grey = np.asarray(ocr.drop_red(rgb))
    assert grey[10, 10] == 255 and grey[100, 50] < 60 and grey[100, 150] < 60


# ------------------------------------------------------------------ with Tesseract


@needs_tesseract
def test_scanned_report_is_read_by_ocr() -> None:
    result, text = extracted("scanned.pdf"), extracted("report.pdf")
    assert result.status == "ok" and result.unit and result.unit.id == "hoan-kiem" and result.year == 2021
    assert any("read by OCR" in note for note in result.notes)
    for indicator, value in (
        ("budget_revenue_actual", 13_200 * BILLION),
        ("budget_revenue_attainment_pct", 147.4),
    ):
        figure, clean = result.figure(indicator), text.figure(indicator)
        assert figure and clean and figure.value == clean.value == value
        assert "ocr_text" in figure.flags and "ocr_text" not in clean.flags
        assert figure.confidence < clean.confidence
        assert figure.source and clean.source and figure.source.page == clean.source.page == 1
        # The box is on the page as scanned (rotated 0.6°): within a few points of the text PDF's.
        assert figure.source.bbox and clean.source.bbox
        assert all(abs(a - b) < 8 for a, b in zip(figure.source.bbox, clean.source.bbox, strict=True))


@needs_tesseract
def test_scanned_pages_keep_layout_and_lose_the_seals() -> None:
    doc = read_document(FIXTURES / "scanned.pdf")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert all(b.repairs == ("ocr_text",) for b in doc.blocks if isinstance(b, Paragraph))
    # The issuer block under the seal, side by side with the national motto.
    assert texts[:2] == ["UBND QUẬN HOÀN KIẾM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    budget = next(t for t in texts if "13.200" in t)
    assert budget.startswith("Mặc dù") and budget.endswith("147,4% dự toán Thành phố giao.")  # one paragraph
    # The ruled table is rebuilt as on the text PDF (tests/test_ocr_tables.py), and the signature is read.
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.cells] == [
        *("Hình thức", "Tập thể", "Cá nhân"),
        *("Bằng khen Thành phố", "25", "48"),
        *("Cờ thi đua Thành phố", "05", ""),
    ]
    assert all(c.repairs == ("ocr_text",) and c.locator.page == 2 for c in table.cells)
    assert "Nguyễn Quang Huy" in texts


@needs_tesseract
def test_mixed_pdf_reads_only_the_scanned_page_by_ocr() -> None:
    result = extracted("mixed.pdf")
    assert result.unit and result.unit.id == "hoan-kiem" and result.year == 2021
    budget = result.figure("budget_revenue_actual")
    assert budget and budget.value == 13_200 * BILLION and budget.source and budget.source.page == 1
    assert "ocr_text" not in budget.flags
    for indicator, value in (("commended_collectives", 652), ("commended_individuals", 1418)):
        figure = result.figure(indicator)
        assert figure and figure.value == value and figure.source and figure.source.page == 2
        assert "ocr_text" in figure.flags
    assert [n for n in result.notes if "OCR" in n] == ["page 2 read by OCR: check figures against the scan"]


@needs_tesseract
def test_fonts_without_unicode_map_are_read_by_ocr() -> None:
    result = extracted("unmapped.pdf")
    figure = result.figure("budget_revenue_attainment_pct")
    assert result.unit and result.unit.id == "hoan-kiem"
    assert figure and figure.value == 147.4 and "ocr_text" in figure.flags


@needs_tesseract
def test_blank_scanned_page_gives_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    Image.new("RGB", (1240, 1754), (250, 250, 245)).save(path, "PDF", resolution=150)
    doc = read_document(path)
    assert doc.blocks == [] and doc.warnings == [
        "page 1 (no text layer): OCR found no text (blank or unreadable scan)"
    ]


# ------------------------------------------------------------------ without Tesseract


def test_without_tesseract_a_scan_fails_for_a_retry_naming_the_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scan is a valid report: the missing tool is the server's fault, so the report is ``failed``
    (retried each night) rather than rejected (settled for good, blamed on the file)."""
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(ocr.OcrEngineError) as info:
        read_document(FIXTURES / "scanned.pdf")
    assert str(info.value).startswith(
        "the PDF is a scan and OCR is not available on this server (tesseract is not installed)"
    )
    assert PACKAGES in str(info.value)
    result = extract_path(FIXTURES / "scanned.pdf")
    assert result.status == "failed" and result.error and "tesseract-ocr-vie" in result.error
    assert "not in the file" in result.error


def _scan_with_page_number() -> bytes:
    """A one-page PDF: a (1 x 1, grey) scan, and "Trang 1" added as text by a PDF tool."""
    content = b"q 500 0 0 700 50 50 cm /Im1 Do Q BT /F1 10 Tf 290 30 Td (Trang 1) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_without_tesseract_a_page_number_on_a_scan_is_no_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scan_with_page_number())
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].extract_text() == "Trang 1"
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(ocr.OcrEngineError, match="OCR is not available"):
        read_document(path)


def test_without_tesseract_the_text_pages_of_a_mixed_pdf_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    doc = read_document(FIXTURES / "mixed.pdf")
    assert any("13.200 tỷ đồng" in b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert {b.locator.page for b in doc.blocks if isinstance(b, Paragraph)} == {1}
    assert doc.warnings == [
        "page 2 needs OCR (no text layer) but OCR is not available on the server "
        "(tesseract is not installed); its content is missing"
    ]


def _fake_tesseract(folder: Path, langs: str, body: str = "exit 1") -> None:
    """A ``tesseract`` on PATH that lists ``langs`` and otherwise runs ``body``."""
    script = folder / "tesseract"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--list-langs" ]; then\n'
        f'  printf "List of available languages in \\"/x/\\" (2):\\n{langs}\\n"; exit 0\n'
        "fi\n"
        f"{body}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_without_vietnamese_data_a_scan_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_tesseract(tmp_path, "eng\\nosd")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ocr.ocr_unavailable() == "the Vietnamese data for tesseract (tesseract-ocr-vie) is not installed"
    with pytest.raises(
        ocr.OcrEngineError, match=r"\(the Vietnamese data for tesseract \(tesseract-ocr-vie\)"
    ):
        read_document(FIXTURES / "scanned.pdf")


def test_a_stuck_tesseract_fails_the_report_instead_of_reading_it_short(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A timeout is the server's fault (a load spike, a stuck process), not the file's: the report is
    ``failed`` with a message for the maintainers, never ``ok`` with its scanned page missing."""
    _fake_tesseract(tmp_path, "eng\\nvie", body="exec sleep 5")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("THIDUA_OCR_TIMEOUT_S", "0.3")
    stuck = (
        r"OCR of page 2 \(no text layer\) failed: tesseract took longer than 0.3 s \(THIDUA_OCR_TIMEOUT_S\)"
    )
    with pytest.raises(ocr.OcrEngineError, match=stuck):
        read_document(FIXTURES / "mixed.pdf")
    result = extract_path(FIXTURES / "mixed.pdf")
    assert result.status == "failed" and not result.figures
    assert result.error and "mixed.pdf" in result.error and "fault in thidua, not in the file" in result.error
    assert "OCR of page 2 (no text layer) failed" in result.error


def test_a_crashing_tesseract_fails_the_report(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_tesseract(tmp_path, "eng\\nvie", body="echo 'Segmentation fault' >&2; exit 139")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    result = extract_path(FIXTURES / "scanned.pdf")
    assert result.status == "failed"
    assert result.error and "tesseract failed (Segmentation fault)" in result.error


@needs_tesseract
def test_a_server_side_os_error_while_reading_fails_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """The OCR's page image goes to a temporary folder: a full or missing /tmp is thidua's fault, not
    "the file cannot be opened" (the file opened fine)."""
    monkeypatch.setattr(tempfile, "tempdir", "/nonexistent/thidua-tmp")
    result = extract_path(FIXTURES / "scanned.pdf")
    assert result.status == "failed", result.error
    assert result.error and "FileNotFoundError" in result.error and "not in the file" in result.error


@needs_tesseract
def test_a_report_failed_by_a_stuck_tesseract_is_read_whole_on_the_retry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Store
) -> None:
    """The claim is released and nothing is recorded, so the next try (the task's retry, the next night)
    reads the scanned page once Tesseract answers again."""
    ingested, settled = ingest_file(store, FIXTURES / "mixed.pdf")
    assert ingested is not None and settled is None
    job = Job(ingested.sha256, "mixed.pdf", store.original_path(ingested.sha256))
    with monkeypatch.context() as stuck:
        _fake_tesseract(tmp_path, "eng\\nvie", body="exec sleep 5")
        stuck.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
        stuck.setenv("THIDUA_OCR_TIMEOUT_S", "0.3")
        with pytest.raises(ocr.OcrEngineError):
            run_job(store, job, owner="night-1")
    assert store.runs(ingested.sha256) == []
    outcome = run_job(store, job, owner="night-2")
    assert outcome.status == "processed" and len(store.runs(ingested.sha256)) == 1
    doc = read_document(FIXTURES / "mixed.pdf")
    assert {b.locator.page for b in doc.blocks if isinstance(b, Paragraph)} == {1, 2}
