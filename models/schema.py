"""The store's tables (SQLAlchemy 2 declarative), portable between SQLite and PostgreSQL, how records map
onto them, and the query that defines the "current" runs.

``documents`` is the only table whose rows change: it is the derived "latest" view of a file (its unit,
year and status follow its latest extraction run). Everything that records history is append-only —
``submissions``, ``extraction_runs`` with their ``figures``, ``scorings`` with their ``scores``, and
``review_decisions``; :class:`models.store.Store` offers no way to update or delete them.

The tables are created by the Alembic migrations in ``models/migrations`` (never by ``create_all``), so a
change here needs a new revision there; ``tests/test_store.py`` checks the two agree.

Portability choices: money is VND up to ~1e14, stored as ``Double`` (float8) which holds every integer up
to 2**53 exactly; timestamps are timezone-aware UTC on the way in and out (SQLite keeps them as UTC text);
lists and dicts are ``JSON``; ids are ``Integer`` so SQLite makes them rowid aliases.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Select,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from models.records import DocumentResult, Figure, Source, UnitRef

DOCUMENT_STATUSES = ("received", "extracted", "rejected")
RUN_STATUSES = ("ok", "rejected", "failed")
DECISION_ACTIONS = ("accept", "correct", "reject")

# Named constraints, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; naive datetimes are refused rather than guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware one, e.g. datetime.now(UTC)")
        value = value.astimezone(UTC)
        # SQLite has no time zones: store UTC wall time, so text order is time order.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _check_in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it as a class attribute
        datetime: UTCDateTime(),
        date: Date(),
        float: Double(),
        str: Text(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Document(Base):
    """One distinct file content (by sha256); the row follows the document's latest run."""

    __tablename__ = "documents"
    __table_args__ = (
        _check_in("status", DOCUMENT_STATUSES, "status"),
        Index("ix_documents_unit_year", "unit_id", "year"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str]  # as first seen
    received_at: Mapped[datetime]  # first seen
    stored_path: Mapped[str]  # relative to THIDUA_HOME: originals/ab/<sha256><.ext>
    unit_id: Mapped[str | None] = mapped_column(String(64))
    year: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(16), default="received")
    error: Mapped[str | None]


class Submission(Base):
    """Every time a file is seen in the inbox (the same bytes may arrive many times, under many names)."""

    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("inbox_path", "size", "mtime_ns", "document_sha256", name="uq_submissions_file"),
        Index("ix_submissions_document_received", "document_sha256", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_sha256: Mapped[str] = mapped_column(String(64), ForeignKey("documents.sha256"))
    inbox_path: Mapped[str]
    original_name: Mapped[str]
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)  # integer ns: compares exactly, unlike a float
    received_at: Mapped[datetime]


class Run(Base):
    """One extraction of one document by one extractor version (append-only)."""

    __tablename__ = "extraction_runs"
    __table_args__ = (
        _check_in("status", RUN_STATUSES, "status"),
        Index("ix_extraction_runs_document_version", "document_sha256", "extractor_version"),
        Index("ix_extraction_runs_document_status", "document_sha256", "status", "id"),
        Index("ix_extraction_runs_unit_year", "unit_id", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_sha256: Mapped[str] = mapped_column(String(64), ForeignKey("documents.sha256"))
    extractor_version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None]
    unit_id: Mapped[str | None] = mapped_column(String(64))
    unit_name: Mapped[str | None]
    year: Mapped[int | None]
    path: Mapped[str | None]  # the file as the extractor was told to name it
    format: Mapped[str | None] = mapped_column(String(16))
    pages: Mapped[int | None]
    flags: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[list[Any]] = mapped_column(default=list)


class FigureRow(Base):
    """One figure of one run: every field of ``models.records.Figure``, its source flattened."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_run_indicator", "run_id", "indicator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id"))
    indicator: Mapped[str] = mapped_column(String(64))
    value: Mapped[float]
    unit: Mapped[str] = mapped_column(String(16))
    year: Mapped[int | None]
    confidence: Mapped[float]
    flags: Mapped[list[Any]] = mapped_column(default=list)
    as_of: Mapped[date | None]
    is_estimate: Mapped[bool] = mapped_column(Boolean, default=False)
    basis: Mapped[str | None] = mapped_column(String(32))
    hedge: Mapped[str | None] = mapped_column(String(32))
    derived: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[list[Any]] = mapped_column(default=list)
    alternatives: Mapped[list[Any]] = mapped_column(default=list)
    source_sha256: Mapped[str | None] = mapped_column(String(64))  # None for a figure with no source
    source_page: Mapped[int | None]
    source_block: Mapped[str | None] = mapped_column(String(64))
    source_bbox: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    source_text: Mapped[str | None]
    source_span: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    extractor_version: Mapped[str] = mapped_column(String(64))


class Scoring(Base):
    """One scoring of a cluster-year (append-only); the latest per cluster-year is current."""

    __tablename__ = "scorings"
    __table_args__ = (Index("ix_scorings_cluster_year", "cluster_key", "year", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_key: Mapped[str] = mapped_column(String(128))
    year: Mapped[int]
    scorer_version: Mapped[str] = mapped_column(String(64))
    config_version: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime]


class Score(Base):
    """One unit's row of a scoring; the scoring's header is repeated so a row reads on its own."""

    __tablename__ = "scores"
    __table_args__ = (Index("ix_scores_scoring", "scoring_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scoring_id: Mapped[int] = mapped_column(ForeignKey("scorings.id"))
    cluster_key: Mapped[str] = mapped_column(String(128))
    year: Mapped[int]
    scorer_version: Mapped[str] = mapped_column(String(64))
    config_version: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime]
    unit_id: Mapped[str] = mapped_column(String(64))
    rank: Mapped[int | None]
    total: Mapped[float | None]
    grade: Mapped[str | None] = mapped_column(String(64))
    proposed_title: Mapped[str | None]
    gov_flag_candidate: Mapped[bool] = mapped_column(Boolean, default=False)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    missing: Mapped[list[Any]] = mapped_column(default=list)
    points: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion -> points or None
    bonus: Mapped[float | None]
    deductions: Mapped[float | None]
    inputs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)  # fields the scorer added that have no column


class Decision(Base):
    """A reviewer's accept / correct / reject of one figure of one document (append-only)."""

    __tablename__ = "review_decisions"
    __table_args__ = (
        _check_in("action", DECISION_ACTIONS, "action"),
        Index("ix_review_decisions_document_indicator", "document_sha256", "indicator", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_sha256: Mapped[str] = mapped_column(String(64), ForeignKey("documents.sha256"))
    indicator: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[float | None]
    new_value: Mapped[float | None]
    note: Mapped[str | None]
    reviewer: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime]


# --- records <-> rows ----------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: tuples and sets become lists, dates ISO text, numpy and Decimal numbers
    Python numbers, NaN and infinities None (PostgreSQL's JSON refuses them)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain(float(value))
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def dumps(value: Any) -> str:
    """The engines' JSON serializer: Vietnamese stays readable in the database."""
    return json.dumps(plain(value), ensure_ascii=False, allow_nan=False)


def number(value: Any) -> float | None:
    """A float for a Double column; None for missing values (None, NaN)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def run_row(result: DocumentResult, status: str, started_at: datetime, finished_at: datetime) -> Run:
    return Run(
        document_sha256=result.sha256,
        extractor_version=result.extractor_version,
        started_at=started_at,
        finished_at=finished_at,
        status=status,
        error=result.error,
        unit_id=result.unit.id if result.unit else None,
        unit_name=result.unit.name if result.unit else None,
        year=result.year,
        path=result.path,
        format=result.format,
        pages=result.pages,
        flags=plain(result.flags),
        notes=plain(result.notes),
    )


def figure_row(run_id: int, figure: Figure) -> dict[str, Any]:
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
        "extractor_version": figure.extractor_version,
    }


def figure_of(row: FigureRow) -> Figure:
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
    return DocumentResult(
        path=run.path or "",
        sha256=run.document_sha256,
        format=run.format or "",
        status="ok" if run.status == "ok" else "rejected",
        error=run.error,
        unit=UnitRef(run.unit_id, run.unit_name or "") if run.unit_id else None,
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


# --- the "current" view ----------------------------------------------------------------------------------


def current_runs(year: int | None = None, unit_id: str | None = None) -> Select[Any]:
    """Per (unit, year): the latest ok run of the document submitted most recently.

    A document's latest ok run says which unit-year it is for; among the documents of a unit-year, the one
    with the latest submission wins (a resubmission of older bytes makes them current again). Columns:
    run_id, document_sha256, unit_id, year, received_at (that latest submission).
    """
    latest_ok = (
        select(Run.document_sha256, func.max(Run.id).label("run_id"))
        .where(Run.status == "ok")
        .group_by(Run.document_sha256)
        .subquery()
    )
    last_seen = (
        select(
            Submission.document_sha256,
            func.max(Submission.received_at).label("received_at"),
            func.max(Submission.id).label("submission_id"),
        )
        .group_by(Submission.document_sha256)
        .subquery()
    )
    order = (last_seen.c.received_at.desc(), last_seen.c.submission_id.desc(), Run.id.desc())
    ranked = (
        select(
            Run.id.label("run_id"),
            Run.document_sha256,
            Run.unit_id,
            Run.year,
            last_seen.c.received_at,
            func.row_number().over(partition_by=(Run.unit_id, Run.year), order_by=order).label("place"),
        )
        .join(latest_ok, latest_ok.c.run_id == Run.id)
        .join(last_seen, last_seen.c.document_sha256 == Run.document_sha256)
        .where(Run.unit_id.is_not(None), Run.year.is_not(None))
    )
    if year is not None:
        ranked = ranked.where(Run.year == year)
    if unit_id is not None:
        ranked = ranked.where(Run.unit_id == unit_id)
    ranked_sq = ranked.subquery()
    return select(*(c for c in ranked_sq.c if c.key != "place")).where(ranked_sq.c.place == 1)
