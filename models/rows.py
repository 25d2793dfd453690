"""Records ↔ rows: the ``documents`` and ``submissions`` rows of a file copied in, how a ``DocumentResult``
and its figures become ``extraction_runs`` and ``figures`` rows and come back, how a scorer's row becomes a
``scores`` row, and how a run updates its document row.

Every list or dict goes through :func:`models.columns.plain` and every optional number through
:func:`models.columns.number`, so the rows are valid on both SQLite and PostgreSQL (PostgreSQL's JSON
refuses NaN; a missing number is stored as NULL, never as NaN).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from models.columns import number, plain
from models.originals import Copy, relative_path
from models.records import DocumentResult, Figure, ProposedUnit, Source, UnitRef
from models.schema import Document, FigureRow, Run, Submission


def document_row(copy: Copy, path: Path, received_at: datetime) -> Document:
    """The ``documents`` row of bytes never seen before, first submitted as ``path``."""
    return Document(
        sha256=copy.sha256,
        format=path.suffix.lower().lstrip(".") or "bin",
        size=copy.size,
        original_name=path.name,
        received_at=received_at,
        stored_path=relative_path(copy.sha256, path.suffix).as_posix(),
        status="received",
    )


def submission_row(copy: Copy, path: Path, inbox_path: str, received_at: datetime) -> Submission:
    """The ``submissions`` row of one sighting of ``path`` in the inbox, named ``inbox_path``."""
    return Submission(
        document_sha256=copy.sha256,
        inbox_path=inbox_path,
        original_name=path.name,
        size=copy.size,
        mtime_ns=copy.mtime_ns,
        received_at=received_at,
    )


def run_row(result: DocumentResult, status: str, started_at: datetime, finished_at: datetime) -> Run:
    """The ``extraction_runs`` row of ``result``; ``status`` may differ from it (``failed``)."""
    return Run(
        document_sha256=result.sha256,
        extractor_version=result.extractor_version,
        started_at=started_at,
        finished_at=finished_at,
        status=status,
        error=result.error,
        unit_id=result.unit.id if result.unit else None,
        unit_name=result.unit.name if result.unit else None,
        proposed_unit_id=result.proposed_unit.id if result.proposed_unit else None,
        proposed_unit=plain(result.proposed_unit.to_dict()) if result.proposed_unit else None,
        year=result.year,
        path=result.path,
        format=result.format,
        pages=result.pages,
        flags=plain(result.flags),
        notes=plain(result.notes),
    )


def figure_row(run_id: int, figure: Figure) -> dict[str, Any]:
    """The ``figures`` row of ``figure`` as a dict: figures go in by one bulk insert per run."""
    source = figure.source
    return {
        "run_id": run_id,
        "indicator": figure.indicator,
        "value": float(figure.value),  # exact for integers below 2**53 (~9e15 VND)
        "unit": figure.unit,
        "year": figure.year,
        "confidence": float(figure.confidence),
        "flags": plain(figure.flags),
        "as_of": figure.as_of,
        "is_estimate": bool(figure.is_estimate),
        "basis": figure.basis,
        "hedge": figure.hedge,
        "derived": bool(figure.derived),
        "notes": plain(figure.notes),
        "alternatives": plain(figure.alternatives),
        "source_sha256": source.sha256 if source else None,
        "source_page": source.page if source else None,
        "source_block": source.block if source else None,
        "source_bbox": plain(source.bbox) if source else None,
        "source_text": source.text if source else None,
        "source_span": plain(source.span) if source else None,
        "source_value_page": source.value_page if source else None,
        "source_value_bbox": plain(source.value_bbox) if source else None,
        "source_label_bbox": plain(source.label_bbox) if source else None,
        "extractor_version": figure.extractor_version,
    }


def figure_of(row: FigureRow) -> Figure:
    """The ``Figure`` a ``figures`` row was made from (its source rebuilt when it had one)."""
    value: float | int = row.value
    if row.unit != "%" and float(value).is_integer():
        value = int(value)  # VND and counts are integers in the records
    source = None
    if row.source_sha256 is not None:
        source = Source(
            sha256=row.source_sha256,
            block=row.source_block or "",
            text=row.source_text or "",
            page=row.source_page,
            bbox=tuple(row.source_bbox) if row.source_bbox else None,  # type: ignore[arg-type]
            span=tuple(row.source_span) if row.source_span else None,  # type: ignore[arg-type]
            value_page=row.source_value_page,
            value_bbox=tuple(row.source_value_bbox) if row.source_value_bbox else None,  # type: ignore[arg-type]
            label_bbox=tuple(row.source_label_bbox) if row.source_label_bbox else None,  # type: ignore[arg-type]
        )
    return Figure(
        indicator=row.indicator,
        value=value,
        unit=row.unit,
        year=row.year,
        confidence=row.confidence,
        source=source,
        extractor_version=row.extractor_version,
        flags=list(row.flags or []),
        as_of=row.as_of,
        is_estimate=row.is_estimate,
        basis=row.basis,
        hedge=row.hedge,
        derived=row.derived,
        notes=list(row.notes or []),
        alternatives=list(row.alternatives or []),
    )


def result_of(run: Run, figures: list[FigureRow]) -> DocumentResult:
    """The ``DocumentResult`` a run was recorded from, with ``figures`` (its rows, in order)."""
    return DocumentResult(
        path=run.path or "",
        sha256=run.document_sha256,
        format=run.format or "",
        status=run.status if run.status in ("ok", "rejected", "failed") else "rejected",
        error=run.error,
        unit=UnitRef(run.unit_id, run.unit_name or "") if run.unit_id else None,
        proposed_unit=ProposedUnit.from_dict(run.proposed_unit) if run.proposed_unit else None,
        year=run.year,
        pages=run.pages,
        figures=[figure_of(f) for f in figures],
        flags=list(run.flags or []),
        notes=list(run.notes or []),
        extractor_version=run.extractor_version,
    )


SCORE_FIELDS = frozenset(
    {"unit_id", "rank", "total", "grade", "proposed_title", "gov_flag_candidate", "provisional", "missing"}
    | {"points", "bonus", "deductions", "inputs"}
)


def score_row(scoring_id: int, header: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A scorer's row for a unit as a ``scores`` row; keys without a column are kept in ``extra``."""
    rank = row.get("rank")
    return {
        **header,
        "scoring_id": scoring_id,
        "unit_id": row["unit_id"],
        "rank": None if rank is None or number(rank) is None else int(rank),
        "total": number(row.get("total")),
        "grade": row.get("grade"),
        "proposed_title": row.get("proposed_title"),
        "gov_flag_candidate": bool(row.get("gov_flag_candidate", False)),
        "provisional": bool(row.get("provisional", False)),
        "missing": plain(row.get("missing") or []),
        "points": plain(row.get("points") or {}),
        "bonus": number(row.get("bonus")),
        "deductions": number(row.get("deductions")),
        "inputs": plain(row.get("inputs") or {}),
        "extra": plain({k: v for k, v in row.items() if k not in SCORE_FIELDS}),
    }


def point_document(document: Document, result: DocumentResult) -> None:
    """Make the document row mirror ``result``, its latest run.

    The one update the store makes: every other table is append-only.
    """
    document.unit_id = result.unit.id if result.unit else None
    document.year = result.year
    document.status = "extracted" if result.status == "ok" else "rejected"
    document.error = result.error
