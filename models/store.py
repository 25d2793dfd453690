"""The store: kept originals, submissions, extraction runs with their figures, scores and review decisions.

Where things live (``StoreSettings.from_env``):

* ``THIDUA_HOME`` — a folder, default ``./.thidua`` relative to the working directory when the settings are
  read (made absolute then). It holds ``thidua.db`` (SQLite) and ``originals/ab/<sha256><.ext>``: every
  submitted file, content-addressed, written once and never overwritten.
* ``THIDUA_DATABASE_URL`` — any SQLAlchemy URL instead of the SQLite file, e.g.
  ``postgresql+psycopg://user:password@host:5432/thidua``. Originals stay under ``THIDUA_HOME``.

History is append-only (design §6): submissions, runs and figures, scorings and decisions are only ever
inserted; the "current" figures are derived by query (:meth:`Store.figures_frame`). Every write is one
transaction, so a crash leaves a whole run or none. Opening migrates the schema to the latest revision.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, Self

import pandas as pd
from sqlalchemy import create_engine, event, func, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models import migrations, schema
from models.records import DocumentResult
from models.schema import Decision, Document, FigureRow, Run, Score, Scoring, Submission

DEFAULT_HOME = Path(".thidua")
SQLITE_BUSY_TIMEOUT_S = 60  # a nightly run and the review app may write at the same moment
WRITE = "thidua_write"  # execution option: this connection's transactions will write
# Values per IN list: one query for any realistic inbox, under SQLite's 32766 bound parameters.
CHUNK = 10_000
FIGURE_COLUMNS = [
    *("indicator", "value", "unit", "confidence", "flags", "as_of", "is_estimate", "basis", "hedge"),
    *("derived", "notes", "alternatives", "source_page", "source_block", "source_bbox", "source_text"),
    *("source_span", "extractor_version", "run_id"),
]


@dataclass(frozen=True)
class StoreSettings:
    """Where the store keeps its database and originals."""

    home: Path
    database_url: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> StoreSettings:
        env = os.environ if environ is None else environ
        home = Path(env.get("THIDUA_HOME") or DEFAULT_HOME).absolute()
        url = env.get("THIDUA_DATABASE_URL") or f"sqlite:///{home / 'thidua.db'}"
        return cls(home=home, database_url=url)


@dataclass(frozen=True)
class Ingested:
    sha256: str
    stored_path: Path
    new_document: bool  # these bytes were never seen before
    new_submission: bool  # this (inbox path, size, mtime) was never seen before


class _Copy(NamedTuple):
    sha256: str
    size: int  # bytes read, not a stat taken earlier
    mtime_ns: int
    temporary: Path


def inbox_key(path: Path) -> str:
    """How a submission names its inbox file: the path as the caller gives it (``ingest`` and ``unseen``
    must be given the same form of path)."""
    return str(path)


def make_engine(url: str) -> Engine:
    """An engine for ``url``. SQLite gets WAL, foreign keys, a busy timeout, and ``BEGIN IMMEDIATE`` on
    connections with the ``WRITE`` execution option (``engine.execution_options(thidua_write=True)``)."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, json_serializer=schema.dumps)
    engine = create_engine(
        url,
        json_serializer=schema.dumps,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")  # readers do not block the writer
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that later writes fails at once
        # with "database is locked" instead of waiting out the busy timeout. Readers never wait (WAL).
        writes = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The only way flows and apps read or write stored data."""

    def __init__(self, settings: StoreSettings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(engine.execution_options(**{WRITE: True}), expire_on_commit=False)

    @classmethod
    def open(cls, settings: StoreSettings | None = None) -> Store:
        settings = settings or StoreSettings.from_env()
        (settings.home / "originals").mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.database_url)
        try:
            migrations.upgrade(engine.execution_options(**{WRITE: True}))
        except BaseException:
            engine.dispose()
            raise
        return cls(settings, engine)

    def close(self) -> None:
        self.engine.dispose()

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable for process and Dask task runners: a worker reopens the store from its settings.
        return (Store.open, (self.settings,))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._writers.begin() as session:
            yield session

    # --- originals and submissions ---------------------------------------------------------------

    @property
    def originals(self) -> Path:
        return self.settings.home / "originals"

    def ingest(
        self, path: Path, *, inbox_path: str | None = None, received_at: datetime | None = None
    ) -> Ingested:
        """Keep the file's bytes (content-addressed) and record that it was submitted; idempotent.

        ``inbox_path`` names the submission (default: ``inbox_key(path)``, the key ``unseen`` uses)."""
        path = Path(path)
        copy = self._copy_in(path)
        submission = Submission(
            document_sha256=copy.sha256,
            inbox_path=inbox_path or inbox_key(path),
            original_name=path.name,
            size=copy.size,
            mtime_ns=copy.mtime_ns,
            received_at=received_at or _now(),
        )
        try:
            try:
                return self._register(path, copy, submission)
            except IntegrityError:
                # Another process registered the same bytes or submission between our look and our
                # insert: the second look finds them.
                return self._register(path, copy, submission)
        finally:
            copy.temporary.unlink(missing_ok=True)

    def _register(self, path: Path, copy: _Copy, submission: Submission) -> Ingested:
        with self._write() as session:
            document = session.get(Document, copy.sha256)
            new_document = document is None
            if document is None:
                stored = Path("originals", copy.sha256[:2], f"{copy.sha256}{path.suffix.lower()}")
                document = Document(
                    sha256=copy.sha256,
                    format=path.suffix.lower().lstrip(".") or "bin",
                    size=copy.size,
                    original_name=path.name,
                    received_at=submission.received_at,
                    stored_path=stored.as_posix(),
                    status="received",
                )
                session.add(document)
            # The file goes in place before the commit: a committed document always has its original.
            stored_path = self.settings.home / document.stored_path
            self._place(copy.temporary, stored_path)
            seen = session.scalar(
                select(Submission.id)
                .where(Submission.inbox_path == submission.inbox_path, Submission.size == copy.size)
                .where(Submission.mtime_ns == copy.mtime_ns, Submission.document_sha256 == copy.sha256)
                .limit(1)
            )
            if seen is None:
                session.add(submission)
        return Ingested(copy.sha256, stored_path, new_document, seen is None)

    def _copy_in(self, path: Path) -> _Copy:
        """Copy ``path`` into a fsynced temporary file beside the originals, hashing as it goes (one read)."""
        digest = hashlib.sha256()
        size = 0
        fd, name = tempfile.mkstemp(dir=self.originals, prefix=".incoming-", suffix=".part")
        temporary = Path(name)
        try:
            with path.open("rb") as source, os.fdopen(fd, "wb") as out:
                mtime_ns = os.fstat(source.fileno()).st_mtime_ns
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return _Copy(digest.hexdigest(), size, mtime_ns, temporary)

    @staticmethod
    def _place(temporary: Path, target: Path) -> None:
        """Move the fsynced copy to its content address unless an original is already there."""
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.chmod(0o444)  # originals are evidence: read-only
        # Two processes racing here both hold the same bytes, so the loser's replace changes nothing.
        os.replace(temporary, target)
        if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
            fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def unseen(self, paths: Sequence[Path]) -> list[Path]:
        """The files whose (inbox path, size, mtime) has no submission yet: new or changed since seen.

        One query for the whole list (in chunks of ``CHUNK`` paths); files that vanished are skipped.
        """
        stats, known = self._submitted(paths)
        return [path for path, key in stats.items() if key not in known]

    def known_documents(self, paths: Sequence[Path]) -> dict[Path, str]:
        """Of ``paths``, the unchanged ones (a submission has their inbox path, size and mtime), each with
        its document's sha256; one query, like ``unseen``."""
        stats, known = self._submitted(paths)
        return {path: known[key] for path, key in stats.items() if key in known}

    def _submitted(
        self, paths: Sequence[Path]
    ) -> tuple[dict[Path, tuple[str, int, int]], dict[tuple[str, int, int], str]]:
        """(path -> its key now, key -> sha256 of the latest submission with that key)."""
        stats: dict[Path, tuple[str, int, int]] = {}
        for path in paths:
            try:
                st = Path(path).stat()
            except FileNotFoundError:
                continue
            stats[path] = (inbox_key(Path(path)), st.st_size, st.st_mtime_ns)
        known: dict[tuple[str, int, int], str] = {}
        columns = (Submission.inbox_path, Submission.size, Submission.mtime_ns, Submission.document_sha256)
        with self._sessions() as session:
            for chunk in _chunks(sorted({key for key, _, _ in stats.values()})):
                query = select(*columns).where(Submission.inbox_path.in_(chunk)).order_by(Submission.id)
                known.update(((path, size, mtime), sha) for path, size, mtime, sha in session.execute(query))
        return stats, known

    def original_path(self, sha256: str) -> Path:
        with self._sessions() as session:
            stored = session.scalar(select(Document.stored_path).where(Document.sha256 == sha256))
        if stored is None:
            raise KeyError(f"no document {sha256}: it was never ingested")
        return self.settings.home / stored

    def document(self, sha256: str) -> Document | None:
        with self._sessions() as session:
            return session.get(Document, sha256)

    # --- extraction runs (append-only) -----------------------------------------------------------

    def has_run(self, sha256: str, extractor_version: str) -> bool:
        """Whether this version already extracted this document (``failed`` runs do not count)."""
        return sha256 in self.runs_for([sha256], extractor_version)

    def runs_for(self, shas: Sequence[str], extractor_version: str) -> set[str]:
        """Of ``shas``, those with an ``ok`` or ``rejected`` run by ``extractor_version`` (bulk)."""
        found: set[str] = set()
        with self._sessions() as session:
            for chunk in _chunks(sorted(set(shas))):
                query = (
                    select(Run.document_sha256)
                    .where(Run.document_sha256.in_(chunk), Run.extractor_version == extractor_version)
                    .where(Run.status.in_(("ok", "rejected")))
                    .distinct()
                )
                found.update(session.scalars(query))
        return found

    def record_run(self, result: DocumentResult, *, started_at: datetime, finished_at: datetime) -> int:
        """Add a run with all its figures and point the document at it, in one transaction."""
        return self._record(result, result.status, started_at, finished_at)

    def record_failure(
        self,
        sha256: str,
        *,
        extractor_version: str,
        error: str,
        started_at: datetime,
        finished_at: datetime,
        path: str | None = None,
    ) -> int:
        """Add a ``failed`` run: extraction crashed (a fault in thidua, not in the report). The document
        keeps its status, and ``has_run`` stays false so the next run retries."""
        result = DocumentResult(
            path or "", sha256, "", "rejected", error, extractor_version=extractor_version
        )
        return self._record(result, "failed", started_at, finished_at)

    def _record(
        self, result: DocumentResult, status: str, started_at: datetime, finished_at: datetime
    ) -> int:
        with self._write() as session:
            document = session.get(Document, result.sha256, with_for_update=True)
            if document is None:
                raise KeyError(f"no document {result.sha256}: ingest the file before recording a run")
            run = schema.run_row(result, status, started_at, finished_at)
            session.add(run)
            session.flush()
            if result.figures and status != "failed":
                session.execute(insert(FigureRow), [schema.figure_row(run.id, f) for f in result.figures])
            if status != "failed":
                self._point_document(document, result)
            return run.id

    @staticmethod
    def _point_document(document: Document, result: DocumentResult) -> None:
        # The one update the store makes: the document row mirrors its latest run.
        document.unit_id = result.unit.id if result.unit else None
        document.year = result.year
        document.status = "extracted" if result.status == "ok" else "rejected"
        document.error = result.error

    def latest_run(self, sha256: str) -> Run | None:
        with self._sessions() as session:
            return session.scalar(
                select(Run).where(Run.document_sha256 == sha256).order_by(Run.id.desc()).limit(1)
            )

    def runs(self, sha256: str) -> list[Run]:
        """Every run of a document, oldest first."""
        with self._sessions() as session:
            return list(session.scalars(select(Run).where(Run.document_sha256 == sha256).order_by(Run.id)))

    def run_counts(self) -> dict[str, int]:
        """Document sha256 -> how many extraction runs it has (history check for flows and status)."""
        with self._sessions() as session:
            rows = session.execute(select(Run.document_sha256, func.count()).group_by(Run.document_sha256))
            return {sha: n for sha, n in rows.all()}

    def run_result(self, run_id: int) -> DocumentResult:
        """A stored run back as the ``DocumentResult`` it was recorded from."""
        with self._sessions() as session:
            run = session.get(Run, run_id)
            if run is None:
                raise KeyError(f"no extraction run {run_id}")
            rows = session.scalars(select(FigureRow).where(FigureRow.run_id == run_id).order_by(FigureRow.id))
            return schema.result_of(run, list(rows))

    def latest_submission(self, unit_id: str, year: int) -> Document | None:
        """The document of the latest submission whose latest ok run is for ``unit_id`` and ``year``."""
        current = schema.current_runs(year=year, unit_id=unit_id).subquery()
        with self._sessions() as session:
            return session.scalar(
                select(Document).join(current, current.c.document_sha256 == Document.sha256)
            )

    # --- frames ------------------------------------------------------------------------------------

    def figures_frame(self, year: int | None = None) -> pd.DataFrame:
        """The current figures: per (unit, year), the latest ok run of the latest submitted document
        (``received_at`` is that latest submission).

        One query; ``year`` filters on the report year. ``figure_year`` is the year the figure itself
        states (normally the same).
        """
        current = schema.current_runs(year=year).subquery()
        query = (
            select(
                current.c.unit_id,
                current.c.year,
                *(getattr(FigureRow, name) for name in FIGURE_COLUMNS),
                FigureRow.year.label("figure_year"),
                current.c.document_sha256,
                Document.original_name,
                current.c.received_at,
            )
            .join(FigureRow, FigureRow.run_id == current.c.run_id)
            .join(Document, Document.sha256 == current.c.document_sha256)
            .order_by(current.c.unit_id, current.c.year, FigureRow.indicator, FigureRow.id)
        )
        with self._sessions() as session:
            rows = session.execute(query).all()
        columns = ["unit_id", "year", *FIGURE_COLUMNS, "figure_year", "document_sha256", "original_name"]
        frame = pd.DataFrame([tuple(r) for r in rows], columns=[*columns, "received_at"])
        frame["value"] = frame["value"].astype(float)
        frame["received_at"] = pd.to_datetime(frame["received_at"], utc=True)
        return frame

    def status_frame(self) -> pd.DataFrame:
        """Units × years (by each document's latest run; unattributed documents under None): documents,
        submissions, the latest submission and run, and the current figures with how many are flagged."""
        submissions = (
            select(
                Submission.document_sha256,
                func.count().label("submissions"),
                func.max(Submission.received_at).label("last_received_at"),
            )
            .group_by(Submission.document_sha256)
            .subquery()
        )
        last_run = select(Run.document_sha256, func.max(Run.id).label("run_id")).group_by(Run.document_sha256)
        last_run_sq = last_run.subquery()
        query = (
            select(
                Document.unit_id,
                Document.year,
                Document.status,
                submissions.c.submissions,
                submissions.c.last_received_at,
                Run.id.label("run_id"),
                Run.finished_at,
                Run.status.label("run_status"),
            )
            .outerjoin(submissions, submissions.c.document_sha256 == Document.sha256)
            .outerjoin(last_run_sq, last_run_sq.c.document_sha256 == Document.sha256)
            .outerjoin(Run, Run.id == last_run_sq.c.run_id)
        )
        with self._sessions() as session:
            docs = pd.DataFrame(
                [tuple(r) for r in session.execute(query)], columns=list(query.selected_columns.keys())
            )
        figures = self.figures_frame()
        docs["year"] = docs["year"].astype("Int64")
        keys = ["unit_id", "year"]
        latest = docs.sort_values("run_id", na_position="first").groupby(keys, dropna=False).tail(1)
        summary = (
            docs.groupby(keys, dropna=False)
            .agg(
                documents=("status", "size"),
                rejected=("status", lambda s: int((s == "rejected").sum())),
                submissions=("submissions", "sum"),
                last_received_at=("last_received_at", "max"),
                last_run_at=("finished_at", "max"),
            )
            .reset_index()
            .merge(latest[[*keys, "run_status"]].rename(columns={"run_status": "last_run_status"}), on=keys)
        )
        figures["flagged"] = [bool(f) for f in figures["flags"]]
        figures["year"] = figures["year"].astype("Int64")
        counts = (
            figures.groupby(keys).agg(figures=("indicator", "size"), flagged=("flagged", "sum")).reset_index()
        )
        out = summary.merge(counts, on=keys, how="left")
        out[["figures", "flagged"]] = out[["figures", "flagged"]].fillna(0).astype(int)
        for column in ("last_received_at", "last_run_at"):
            out[column] = pd.to_datetime(out[column], utc=True)
        return out.sort_values(keys, na_position="last").reset_index(drop=True)

    # --- scores and review decisions (append-only) -------------------------------------------------

    def record_scores(
        self,
        cluster_key: str,
        year: int,
        rows: list[dict[str, Any]],
        *,
        scorer_version: str,
        config_version: str,
        computed_at: datetime | None = None,
    ) -> int:
        """Keep one scoring of a cluster-year (a row per unit); returns the scoring id. Keys without a
        column are kept in ``extra``."""
        header = {
            "cluster_key": cluster_key,
            "year": year,
            "scorer_version": scorer_version,
            "config_version": config_version,
            "computed_at": computed_at or _now(),
        }
        with self._write() as session:
            scoring = Scoring(**header)
            session.add(scoring)
            session.flush()
            if rows:
                session.execute(insert(Score), [schema.score_row(scoring.id, header, row) for row in rows])
            return scoring.id

    def latest_scores(self, cluster_key: str, year: int) -> list[Score]:
        """The rows of the latest scoring of a cluster-year, by rank (unranked last)."""
        latest = (
            select(func.max(Scoring.id))
            .where(Scoring.cluster_key == cluster_key, Scoring.year == year)
            .scalar_subquery()
        )
        query = select(Score).where(Score.scoring_id == latest)
        with self._sessions() as session:
            return list(session.scalars(query.order_by(Score.rank.is_(None), Score.rank, Score.id)))

    def record_decision(
        self,
        sha256: str,
        indicator: str,
        action: str,
        *,
        reviewer: str,
        old_value: float | None = None,
        new_value: float | None = None,
        note: str | None = None,
        decided_at: datetime | None = None,
    ) -> int:
        """Keep a reviewer's decision on one figure of one document; returns its id."""
        if action not in schema.DECISION_ACTIONS:
            raise ValueError(f"action {action!r}: expected one of {', '.join(schema.DECISION_ACTIONS)}")
        decision = Decision(
            document_sha256=sha256,
            indicator=indicator,
            action=action,
            old_value=schema.number(old_value),
            new_value=schema.number(new_value),
            note=note,
            reviewer=reviewer,
            decided_at=decided_at or _now(),
        )
        with self._write() as session:
            session.add(decision)
            session.flush()
            return decision.id

    def decisions(self, sha256: str | None = None, indicator: str | None = None) -> list[Decision]:
        """Decisions, oldest first, optionally for one document and/or indicator."""
        query = select(Decision).order_by(Decision.id)
        if sha256 is not None:
            query = query.where(Decision.document_sha256 == sha256)
        if indicator is not None:
            query = query.where(Decision.indicator == indicator)
        with self._sessions() as session:
            return list(session.scalars(query))

    def decisions_frame(self) -> pd.DataFrame:
        """Every decision, oldest first (``models.normalise`` applies the latest per document-indicator)."""
        columns = [c.key for c in Decision.__table__.columns]
        frame = pd.DataFrame([[getattr(d, c) for c in columns] for d in self.decisions()], columns=columns)
        frame["decided_at"] = pd.to_datetime(frame["decided_at"], utc=True)
        return frame


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]
