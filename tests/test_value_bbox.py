"""The value's own box: a PDF figure is boxed by the words of its number (and of its label on the same
line), a table figure by its value cell, an OCR'd figure where the scan prints it; the box is stored,
an old record without it still renders, and the review page draws it.

Expected positions come from pdfplumber's ``extract_words`` on the committed samples, independently of
thidua's own word sources (pdfium), so a box drawn over the wrong word, the paragraph, or a shifted
place fails.
"""

from __future__ import annotations

import math
import warnings
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from system_tools import needs_tesseract

from extractors.document import Paragraph
from extractors.extract import extract_path
from extractors.readers import read_document
from extractors.readers.pdf_records import Word
from extractors.readers.pdf_words import word_offsets
from extractors.value_boxes import reads_as
from models.records import DocumentResult, Figure, Source
from models.text import nfc
from review.evidence import PADDING_PT, page_evidence, stored_box, stored_page

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OCR_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ocr"
PROSE_PDF = SAMPLES / "hoan-kiem-2021-prose.pdf"
AWARDS_PDF = SAMPLES / "ba-dinh-2021-awards.pdf"
TWOYEAR_PDF = SAMPLES / "long-bien-2022-twoyear.pdf"
PDFS = sorted(SAMPLES.glob("*.pdf")) + sorted((SAMPLES / "independent").glob("*.pdf"))
TOLERANCE = 1.0  # points
PUNCTUATION = " ,.;:()[]\"'“”"


@cache
def extracted(path: Path) -> DocumentResult:
    return extract_path(path)


@cache
def page_words(path: Path, page: int) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        return pdf.pages[page - 1].extract_words()


def figure(result: DocumentResult, indicator: str) -> tuple[Figure, Source]:
    fig = result.figure(indicator)
    assert fig is not None and fig.source is not None, f"{indicator} not extracted"
    return fig, fig.source


def union(words: list[dict]) -> tuple[float, float, float, float]:
    return (
        min(w["x0"] for w in words),
        min(w["top"] for w in words),
        max(w["x1"] for w in words),
        max(w["bottom"] for w in words),
    )


def inside(words: list[dict], box: tuple[float, float, float, float]) -> list[dict]:
    """The words whose centre lies in ``box``."""
    return [
        w
        for w in words
        if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2] and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]
    ]


def run_of(words: list[dict], texts: list[str]) -> list[dict]:
    """The one run of consecutive words (pdfplumber's order) reading ``texts``; fails if not exactly one."""
    runs = [
        words[i : i + len(texts)]
        for i in range(len(words) - len(texts) + 1)
        if [nfc(w["text"]) for w in words[i : i + len(texts)]] == texts
    ]
    assert len(runs) == 1, f"{texts} found {len(runs)} times"
    return runs[0]


def assert_box(actual, expected) -> None:
    assert actual is not None
    assert max(abs(a - e) for a, e in zip(actual, expected, strict=True)) <= TOLERANCE, (actual, expected)


# ---------------------------------------------------------------- prose: the number's words


def test_the_value_box_is_the_numbers_words_and_the_label_its_cue_on_the_line() -> None:
    _, source = figure(extracted(PROSE_PDF), "budget_revenue_actual")
    assert source.page == source.value_page == 2
    assert source.text[source.span[0] : source.span[1]] == "13.200 tỷ đồng"
    words = page_words(PROSE_PDF, 2)
    value = run_of(words, ["13.200", "tỷ", "đồng,"])
    assert_box(source.value_bbox, union(value))
    assert_box(source.label_bbox, union(run_of(words, ["ước", "đạt", "13.200"])[:2]))
    # the paragraph's box is kept, and is far larger than the value's
    assert source.bbox is not None
    assert source.bbox[2] - source.bbox[0] > 3 * (source.value_bbox[2] - source.value_bbox[0])
    assert source.bbox[3] - source.bbox[1] > 2 * (source.value_bbox[3] - source.value_bbox[1])


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_every_prose_value_box_holds_exactly_the_words_of_its_value(path: Path) -> None:
    boxed = 0
    for fig in extracted(path).figures:
        source = fig.source
        if source is None or source.value_bbox is None or not source.block.startswith("p"):
            continue
        boxed += 1
        written = source.text[source.span[0] : source.span[1]]
        found = inside(page_words(path, source.value_page), source.value_bbox)
        assert found, (fig.indicator, written)
        assert_box(source.value_bbox, union(found))  # the box is these words, to the point
        texts = [nfc(w["text"]).strip(PUNCTUATION) for w in found]
        assert written.split()[0].strip(PUNCTUATION) in texts[0], (fig.indicator, written, texts)
        assert all(t and t in written for t in texts), (fig.indicator, written, texts)  # nothing else
        assert len({round(w["top"]) for w in found}) == 1  # one line
        if source.label_bbox is not None:
            label = inside(page_words(path, source.value_page), source.label_bbox)
            assert label and abs(label[0]["top"] - found[0]["top"]) <= TOLERANCE  # on the value's line
            assert not {id(w) for w in label} & {id(w) for w in found}
    prose = [f for f in extracted(path).figures if f.source and f.source.block.startswith("p")]
    assert boxed >= 0.8 * len(prose), f"only {boxed} of {len(prose)} prose figures boxed"


def test_a_value_wrapped_over_two_lines_is_boxed_on_its_first_line() -> None:
    _, source = figure(extracted(PROSE_PDF), "budget_revenue_plan")
    assert source.text[source.span[0] : source.span[1]] == "8.955 tỷ đồng"
    words = page_words(PROSE_PDF, source.value_page)
    first_line = run_of(words, ["8.955", "tỷ"])
    assert nfc(words[words.index(first_line[-1]) + 1]["text"]).startswith("đồng")  # on the next line
    assert_box(source.value_bbox, union(first_line))


def test_a_sum_of_two_counts_has_no_value_box_of_its_own() -> None:
    fig, source = figure(extracted(AWARDS_PDF), "movements_launched")
    written = source.text[source.span[0] : source.span[1]]
    assert fig.value == 6 and written == "01"  # 01 + 05 movements: no characters say 6
    assert source.value_bbox is None and source.label_bbox is None and source.bbox is not None


# ---------------------------------------------------------------- tables: the value's cell


def test_a_table_figure_is_boxed_by_its_value_cell_not_the_row() -> None:
    result = extracted(AWARDS_PDF)
    for indicator, value in (("commended_collectives", "444"), ("commended_individuals", "1.514")):
        _, source = figure(result, indicator)
        words = page_words(AWARDS_PDF, source.value_page)
        assert [nfc(w["text"]) for w in inside(words, source.value_bbox)] == [value]
        assert [w["text"] for w in inside(words, source.label_bbox)] == ["Cộng"]
        row = source.bbox
        assert (
            row[0] < source.value_bbox[0]
            and source.value_bbox[2] - source.value_bbox[0] < (row[2] - row[0]) / 3
        )


def test_a_two_year_table_boxes_the_report_years_cell() -> None:
    _, source = figure(extracted(TWOYEAR_PDF), "public_investment_disbursement_pct")
    words = page_words(TWOYEAR_PDF, source.value_page)
    assert [w["text"] for w in inside(words, source.value_bbox)] == ["135,4"]  # 2022, not 121,7 of 2021


# ---------------------------------------------------------------- OCR: the same code, on the scan


SCAN_ROTATIONS = {1: 0.6, 2: -0.8}  # degrees, as tests/fixtures/ocr/make_fixtures.py turned the pages
OCR_TOLERANCE = 4.0  # points: tesseract's boxes hug the ink, pdfplumber's span the font's ascent/descent


def turned(box, degrees: float, size: tuple[float, float]):
    """``box`` of the text layer where Pillow's ``rotate(degrees)`` of the page image put it."""
    theta = math.radians(degrees)
    cx, cy = size[0] / 2, size[1] / 2
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * math.cos(theta) + dy * math.sin(theta))
        ys.append(cy - dx * math.sin(theta) + dy * math.cos(theta))
    return min(xs), min(ys), max(xs), max(ys)


@needs_tesseract
def test_ocr_figures_are_boxed_where_the_scan_prints_their_number() -> None:
    scanned, digital = extracted(OCR_FIXTURES / "scanned.pdf"), extracted(OCR_FIXTURES / "report.pdf")
    assert scanned.status == "ok", scanned.error
    assert not [note for note in scanned.notes if "OCR failed" in note], scanned.notes
    checked = 0
    for fig in digital.figures:
        twin = scanned.figure(fig.indicator)
        if fig.source is None or fig.source.value_bbox is None or twin is None:
            continue
        assert twin.source is not None and "ocr_text" in twin.flags
        assert twin.source.value_bbox is not None, f"{fig.indicator}: no value box on the scan"
        with pdfplumber.open(OCR_FIXTURES / "scanned.pdf") as pdf:
            page = pdf.pages[twin.source.value_page - 1]
            size = (float(page.width), float(page.height))
        expected = turned(fig.source.value_bbox, SCAN_ROTATIONS[fig.source.value_page], size)
        gap = max(abs(a - e) for a, e in zip(twin.source.value_bbox, expected, strict=True))
        assert gap <= OCR_TOLERANCE, (fig.indicator, twin.source.value_bbox, expected)
        checked += 1
    assert checked >= 6


# ---------------------------------------------------------------- the word offsets themselves


def _word(text: str, x0: float) -> Word:
    return Word(text, x0, x0 + 10 * len(text), 100.0, 112.0, 12.0, (("Times", text),))


def test_word_offsets_follow_rejoined_syllables_and_refuse_any_other_rewrite() -> None:
    words = [_word("Thu", 0), _word("ng", 40), _word("ân", 70), _word("13.200", 100)]
    pieces = [w.text for w in words]
    # "ng ân" rejoined as "ngân": both fragments keep their boxes, inside the one syllable
    assert [o[:2] for o in word_offsets("Thu ngân 13.200", pieces, words)] == [
        (0, 3),
        (4, 6),
        (6, 8),
        (9, 15),
    ]
    assert word_offsets("Thu ng ân 13.200", pieces, words)[3][:2] == (10, 16)
    assert word_offsets("Thu ngàn 13.200", pieces, words) == ()  # a letter changed: no boxes at all
    assert word_offsets("Thu ngân 13.200 tỷ", pieces, words) == ()  # text no word accounts for


def test_paragraph_words_map_back_to_their_text() -> None:
    doc = read_document(PROSE_PDF)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph) and b.text]
    assert all(p.words for p in paragraphs)
    for para in paragraphs:
        for word in para.words:
            piece = para.text[word.start : word.end]
            assert piece and " " not in piece and word.page >= para.locator.page
    docx = read_document(SAMPLES / "hoan-kiem-2021-prose.docx")
    assert not any(p.words for p in docx.paragraphs())  # Word files have no page geometry


def test_reads_as_checks_the_characters_against_the_value() -> None:
    from extractors.candidates import Candidate

    def cand(value: float, unit: str) -> Candidate:
        return Candidate("x", value, unit, 0.9, "prose", "x.v1", "")

    assert reads_as("13.200 tỷ đồng", cand(13_200e9, "VND"))
    assert reads_as("13.200", cand(13_200e9, "VND"))  # a bare number under "ĐVT: tỷ đồng"
    assert reads_as("17/18", cand(17, "count")) and reads_as("17/18", cand(18, "count"))
    assert reads_as("147,4%", cand(147.4, "%"))
    assert reads_as("4,2%", cand(104.2, "%"))  # "tăng 4,2% so với cùng kỳ": 104,2 % of last year
    assert reads_as("mười hai", cand(12, "count"))
    assert not reads_as("01", cand(6, "count")) and not reads_as("12", cand(12e9, "count"))


# ---------------------------------------------------------------- stored, and old records


def test_value_boxes_are_stored_and_rows_from_before_them_still_render(tmp_path: Path, db_url: str) -> None:
    from sqlalchemy import create_engine, inspect

    from extractors.ingest import process_file
    from models import migrations
    from models.store import Store, StoreSettings

    settings = StoreSettings(home=tmp_path / "home", database_url=db_url)
    with Store.open(settings) as store:
        sha = process_file(store, PROSE_PDF).sha256
        frame = store.figures_frame()
        row = frame[frame["indicator"] == "budget_revenue_actual"].iloc[0]
        _, source = figure(extracted(PROSE_PDF), "budget_revenue_actual")
        assert stored_box(row["source_value_bbox"]) == pytest.approx(source.value_bbox)
        assert stored_box(row["source_label_bbox"]) == pytest.approx(source.label_bbox)
        assert stored_page(row["source_value_page"]) == 2
        run = store.run_result(int(row["run_id"]))
        assert run.figure("budget_revenue_actual").source == source  # the record comes back whole

    # A store written before revision 0005: the columns are gone, then come back empty.
    engine = create_engine(settings.database_url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with engine.begin() as connection:
            from alembic import command

            command.downgrade(migrations.alembic_config(connection), "0004")
        columns = [c["name"] for c in inspect(engine).get_columns("figures")]
        assert "source_value_bbox" not in columns and "source_bbox" in columns
    engine.dispose()
    with Store.open(settings) as store:
        frame = store.figures_frame()
        row = frame[(frame["indicator"] == "budget_revenue_actual") & (frame["document_sha256"] == sha)].iloc[
            0
        ]
        value, value_page = stored_box(row["source_value_bbox"]), stored_page(row["source_value_page"])
        assert value is None and value_page is None and stored_box(row["source_bbox"]) is not None
        shown = page_evidence(
            int(row["source_page"]), (595.3, 841.9), stored_box(row["source_bbox"]), value_page
        )
        assert shown.page == 2 and shown.value is None and shown.block is not None  # the block, as before
        assert store.run_result(int(row["run_id"])).figure("budget_revenue_actual").source.value_bbox is None


def test_page_evidence_draws_the_value_strong_and_the_block_faint_on_the_values_page() -> None:
    size = (600.0, 800.0)
    block, value, label = (
        (60.0, 100.0, 540.0, 160.0),
        (300.0, 120.0, 330.0, 132.0),
        (250.0, 120.0, 290.0, 132.0),
    )
    both = page_evidence(1, size, block, 1, value, label)
    assert both.page == 1 and both.value["left"] == pytest.approx((300 - PADDING_PT) / 6)
    assert both.label is not None and both.block is not None
    # the paragraph began on page 1, its number is on page 2: page 2 is shown, without page 1's box
    wrapped = page_evidence(1, size, block, 2, value, None)
    assert wrapped.page == 2 and wrapped.value is not None and wrapped.block is None and wrapped.label is None
