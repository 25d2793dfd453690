"""Small builders for in-memory documents, so tests state their input next to their assertion."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from extractors.document import Cell, Document, Locator, Paragraph, Table


def paragraphs(*texts: str, bold_first: int = 0) -> list[Paragraph]:
    return [Paragraph(i, t, Locator(f"p{i}"), bold=i < bold_first) for i, t in enumerate(texts)]


def table(
    rows: list[list[str | None]], index: int = 0, spans: dict[tuple[int, int], tuple[int, int]] | None = None
) -> Table:
    """A table from rows of texts; None marks a position covered by a span given in ``spans``
    as (row, col) -> (row_span, col_span)."""
    spans = spans or {}
    cells = [
        Cell(r, c, text, Locator(f"t{index}.r{r}.c{c}"), *spans.get((r, c), (1, 1)))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text is not None
    ]
    return Table(index, len(rows), max(len(r) for r in rows), cells)


def document(*blocks, header_footer: list[str] | None = None, fmt: str = "docx") -> Document:
    return Document(
        path="memory.docx",
        format=fmt,
        sha256="0" * 64,
        blocks=list(blocks),
        header_footer=header_footer or [],
    )


def pdf_builder() -> ModuleType:
    """tests/fixtures/pdf/build.py (hand-made PDFs) as a module: it is a fixture script, not a package."""
    if "pdf_build" in sys.modules:
        return sys.modules["pdf_build"]
    spec = importlib.util.spec_from_file_location(
        "pdf_build", Path(__file__).parent / "fixtures/pdf/build.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["pdf_build"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
