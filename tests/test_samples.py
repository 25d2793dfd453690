"""The bundled reports against their expected figures; the same report as .docx and .pdf gives the same figures."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractors.evaluate import Score, pairs, score_document
from extractors.extract import extract_path
from models.records import DocumentResult

ROOT = Path(__file__).resolve().parent.parent / "samples"
FOLDERS = [ROOT, ROOT / "independent"]
PAIRS = pairs(FOLDERS)
TWINS = sorted(
    {
        d.with_suffix("")
        for d, _ in PAIRS
        if d.with_suffix(".docx").exists() and d.with_suffix(".pdf").exists()
    }
)


@cache
def extracted(path: Path) -> DocumentResult:
    return extract_path(path)


def test_there_are_enough_samples() -> None:
    generated = [d for d, _ in PAIRS if d.parent == ROOT]
    units = {json.loads(e.read_text())["unit"] for d, e in PAIRS if d.parent == ROOT}
    assert (
        len(generated) >= 24
        and {"ba-dinh", "dong-da", "hai-ba-trung", "hoan-kiem", "hoang-mai", "long-bien"} <= units
    )


@pytest.mark.parametrize(("doc", "expected"), PAIRS, ids=[f"{d.parent.name}/{d.name}" for d, _ in PAIRS])
def test_sample_matches_expected_figures(doc: Path, expected: Path) -> None:
    score = Score()
    score_document(extracted(doc), json.loads(expected.read_text(encoding="utf-8")), score)
    assert score.errors == []


@pytest.mark.parametrize("stem", TWINS, ids=[s.name for s in TWINS])
def test_docx_and_pdf_of_one_report_give_the_same_figures(stem: Path) -> None:
    def figures(path: Path) -> dict[str, tuple]:
        result = extracted(path)
        return {f.indicator: (f.value, sorted(f.flags), f.derived) for f in result.figures}

    word, pdf = extracted(stem.with_suffix(".docx")), extracted(stem.with_suffix(".pdf"))
    assert figures(stem.with_suffix(".docx")) == figures(stem.with_suffix(".pdf"))
    assert (word.unit, word.year) == (pdf.unit, pdf.year)


def test_pdf_figures_carry_page_and_bbox() -> None:
    pdf = next(d for d, _ in PAIRS if d.suffix == ".pdf")
    for fig in extracted(pdf).figures:
        if not fig.derived:
            assert fig.source.page >= 1 and len(fig.source.bbox) == 4, fig.indicator
