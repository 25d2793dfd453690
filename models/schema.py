"""The store's tables (SQLAlchemy 2 declarative), portable between SQLite and PostgreSQL.

``documents`` is the only table of history whose rows change: it is the derived "latest" view of a file
(its unit, year and status follow its latest extraction run). Everything that records history is
append-only — ``submissions``, ``extraction_runs`` with their ``figures``, ``scorings`` with their
``scores``, ``publications`` and ``review_decisions``; :class:`models.store.Store` offers no way to update or
delete them. ``work_claims`` is not history but coordination: a row says which run is extracting a
document (or publishing a cluster-year) right now, and goes when that run has stored its result.

How records map onto these rows is in :mod:`models.rows`; the query that defines the "current" runs is in
:mod:`models.current`; the column type and JSON helpers are in :mod:`models.columns`.

The tables are created by the Alembic migrations in ``models/migrations`` (never by ``create_all``), so a
change here needs a new revision there; ``tests/test_store.py`` checks the two agree.

Portability choices: money is VND up to ~1e14, stored as ``Double`` (float8) which holds every integer up
to 2**53 exactly; timestamps are timezone-aware UTC on the way in and out (SQLite keeps them as UTC text);
lists and dicts are ``JSON``; ids are ``Integer`` so SQLite makes them rowid aliases.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from models.columns import UTCDateTime
from models.roles import USER_ROLES

DOCUMENT_STATUSES = ("received", "extracted", "rejected")
RUN_STATUSES = ("ok", "rejected", "failed")
DECISION_ACTIONS = ("accept", "correct", "reject")
UPLOAD_KINDS = ("report", "self_score")
SCORE_ENTRY_KINDS = ("verified", "manual")

# Named constraints, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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
    # relative to THIDUA_HOME: originals/ab/<sha256><.ext>; None: refused for its size, bytes not kept
    stored_path: Mapped[str | None]
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
        Index("ix_extraction_runs_proposed_unit", "proposed_unit_id"),
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
    # the issuer of the header when the registry does not know it (``models.records.ProposedUnit``)
    proposed_unit_id: Mapped[str | None] = mapped_column(String(64))
    proposed_unit: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
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
    # the value's own box and its label's (Source.value_page/value_bbox/label_bbox); NULL in rows
    # written before revision 0005, which then show the block's box only
    source_value_page: Mapped[int | None]
    source_value_bbox: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    source_label_bbox: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
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


class Claim(Base):
    """A run is doing this piece of work now (see :mod:`models.claims`): extracting a document with an
    extractor version (subject: the sha256; version: the extractor's), or publishing a cluster-year
    (subject: ``publish:<cluster key>``; version: the fingerprint of its inputs)."""

    __tablename__ = "work_claims"

    subject: Mapped[str] = mapped_column(String(160), primary_key=True)
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(255))  # host:pid:start of the claiming run's process
    claimed_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Publication(Base):
    """A scoring whose exports were written (append-only): what the published tables were computed from.

    ``inputs`` is the fingerprint of the cluster-year's inputs (current runs, decisions, manual inputs,
    criteria configuration, scorer version); a run publishes again when it differs from the latest one.
    """

    __tablename__ = "publications"
    __table_args__ = (Index("ix_publications_cluster_year", "cluster_key", "year", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scoring_id: Mapped[int] = mapped_column(ForeignKey("scorings.id"))
    cluster_key: Mapped[str] = mapped_column(String(128))
    year: Mapped[int]
    inputs: Mapped[str] = mapped_column(String(64))
    files: Mapped[list[Any]] = mapped_column(default=list)  # the exported files, as written
    published_at: Mapped[datetime]


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


class User(Base):
    """An account of the review app. Passwords are scrypt hashes. Roles (``USER_ROLES``): reviewers decide
    on figures, viewers only look, a ``unit`` account submits for its one unit (``unit_id``), a ``chair``
    verifies the scores of its one cluster-year (``cluster_key``), an ``admin`` manages accounts and
    cluster-years. The row follows the account's current state; every change is an ``AccountEvent``."""

    __tablename__ = "users"
    __table_args__ = (_check_in("role", USER_ROLES, "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    unit_id: Mapped[str | None] = mapped_column(String(64))  # role "unit": the unit it submits for
    cluster_key: Mapped[str | None] = mapped_column(String(128))  # role "chair": "<cluster id>.<year>"


class AccountEvent(Base):
    """Who created, reset, deactivated or reactivated an account, and when (append-only)."""

    __tablename__ = "account_events"
    __table_args__ = (Index("ix_account_events_user", "user_name", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))  # created | password_reset | deactivated | reactivated
    detail: Mapped[str | None]
    by: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime]


class Upload(Base):
    """A file a unit account sent through the web app (append-only): which unit, which cluster-year, what
    kind (a report or a self-score sheet), when, and whether it came after the cluster-year's deadline.
    A report's bytes are a ``Document`` (the same ingest as the inbox); a sheet's are kept the same way
    in the originals folder (``stored_path``) and read into a ``SelfScoreSheet``."""

    __tablename__ = "uploads"
    __table_args__ = (
        _check_in("kind", UPLOAD_KINDS, "kind"),
        Index("ix_uploads_unit_year", "unit_id", "year", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str]
    stored_path: Mapped[str | None]  # relative to THIDUA_HOME; None when refused before keeping
    unit_id: Mapped[str] = mapped_column(String(64))
    year: Mapped[int]
    cluster_key: Mapped[str] = mapped_column(String(128))
    uploaded_by: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[datetime]
    deadline: Mapped[date | None]  # the cluster-year's deadline when the file came
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None]  # refused before reading (type, size): the message the unit was shown


class SelfScoreSheet(Base):
    """One reading of a self-score sheet (append-only): its lines with where each was read, and the line
    -> criterion matches used. The latest per (unit, cluster-year) is the unit's current sheet."""

    __tablename__ = "self_score_sheets"
    __table_args__ = (Index("ix_self_score_sheets_unit_cluster", "unit_id", "cluster_key", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    upload_id: Mapped[int | None] = mapped_column(ForeignKey("uploads.id"))  # None: read from the CLI
    sha256: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[str] = mapped_column(String(64))
    year: Mapped[int]
    cluster_key: Mapped[str] = mapped_column(String(128))
    original_name: Mapped[str]
    stored_by: Mapped[str] = mapped_column(String(128))  # the account that sent it, or the CLI's --by
    read_at: Mapped[datetime]
    reader_version: Mapped[str] = mapped_column(String(64))
    # ok | rejected (the file is at fault: not a sheet) | failed (a fault of ours); ``error`` says why
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None]
    lines: Mapped[list[Any]] = mapped_column(default=list)  # SheetLine dicts, each with its locator
    matches: Mapped[dict[str, Any]] = mapped_column(default=dict)  # line number -> target id (overrides)


class ScoreEntry(Base):
    """A chair's entry for one unit of one cluster-year (append-only), like a review decision: a
    ``verified`` score of a criterion (``key``: criterion id, "bonus.<id>", "deduction.<id>") or a
    ``manual`` input (``key``: a manual field, e.g. "attended" or "points.B1"). ``new_value`` None clears
    an earlier entry. The latest entry per (cluster_key, unit_id, kind, key) is in force."""

    __tablename__ = "score_entries"
    __table_args__ = (
        _check_in("kind", SCORE_ENTRY_KINDS, "kind"),
        Index("ix_score_entries_cluster_unit", "cluster_key", "unit_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_key: Mapped[str] = mapped_column(String(128))
    year: Mapped[int]
    unit_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[float | None]
    new_value: Mapped[float | None]
    note: Mapped[str | None]
    decided_by: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime]
