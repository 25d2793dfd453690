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

This module holds the settings and the :class:`Store` API; the work is done by :mod:`models.engine`
(database engines), :mod:`models.originals` (files on disk), :mod:`models.lookups` (bulk "seen before?"
queries), :mod:`models.rows` (records ↔ rows) and :mod:`models.current` (the current figures and frames).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import pandas as pd
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models import current, lookups, migrations
from models.accounts import AccountsMixin
from models.columns import number
from models.engine import WRITE, make_engine
from models.lookups import inbox_key
from models.originals import Copy, copy_in, place
from models.records import DocumentResult
from models.rows import (
    document_row,
    figure_row,
    point_document,
    result_of,
    run_row,
    score_row,
    submission_row,
)
from models.schema import DECISION_ACTIONS, Decision, Document, FigureRow, Run, Score, Scoring, Submission

DEFAULT_HOME = Path(".thidua")


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
    """What :meth:`Store.ingest` did with a file."""

    sha256: str
    stored_path: Path
    new_document: bool  # these bytes were never seen before
    new_submission: bool  # this (inbox path, size, mtime) was never seen before


def _now() -> datetime:
    return datetime.now(UTC)


class Store(AccountsMixin):
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
        copy = copy_in(path, self.originals)
        submission = submission_row(copy, path, inbox_path or inbox_key(path), received_at or _now())
        try:
            try:
                return self._register(path, copy, submission)
            except IntegrityError:
                # Another process registered the same bytes or submission between our look and our
                # insert: the second look finds them.
                return self._register(path, copy, submission)
        finally:
            copy.temporary.unlink(missing_ok=True)

    def _register(self, path: Path, copy: Copy, submission: Submission) -> Ingested:
        with self._write() as session:
            document = session.get(Document, copy.sha256)
            new_document = document is None
            if document is None:
                document = document_row(copy, path, submission.received_at)
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

    # A class attribute, not a plain call, so a test can interleave another process's ingest here.
    _place = staticmethod(place)

    def unseen(self, paths: Sequence[Path]) -> list[Path]:
        """The files whose (inbox path, size, mtime) has no submission yet: new or changed since seen.

        One query for the whole list (in chunks of ``lookups.CHUNK`` paths); files that vanished are skipped.
        """
        stats, known = lookups.submitted(self._sessions, paths)
        return [path for path, key in stats.items() if key not in known]

    def known_documents(self, paths: Sequence[Path]) -> dict[Path, str]:
        """Of ``paths``, the unchanged ones (a submission has their inbox path, size and mtime), each with
        its document's sha256; one query, like ``unseen``."""
        stats, known = lookups.submitted(self._sessions, paths)
        return {path: known[key] for path, key in stats.items() if key in known}

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
        return lookups.runs_for(self._sessions, shas, extractor_version)

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
            run = run_row(result, status, started_at, finished_at)
            session.add(run)
            session.flush()
            if result.figures and status != "failed":
                session.execute(insert(FigureRow), [figure_row(run.id, f) for f in result.figures])
            if status != "failed":
                self._point_document(document, result)
            return run.id

    # A class attribute, not a plain call, so a test can make it crash inside the run's transaction.
    _point_document = staticmethod(point_document)

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
            return result_of(run, list(rows))

    def latest_submission(self, unit_id: str, year: int) -> Document | None:
        """The document of the latest submission whose latest ok run is for ``unit_id`` and ``year``."""
        latest = current.current_runs(year=year, unit_id=unit_id).subquery()
        with self._sessions() as session:
            return session.scalar(select(Document).join(latest, latest.c.document_sha256 == Document.sha256))

    # --- frames ------------------------------------------------------------------------------------

    def figures_frame(self, year: int | None = None) -> pd.DataFrame:
        """The current figures, one row per figure (:func:`models.current.figures_frame`)."""
        return current.figures_frame(self._sessions, year)

    def status_frame(self) -> pd.DataFrame:
        """Units × years at a glance (:func:`models.current.status_frame`)."""
        return current.status_frame(self._sessions)

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
                session.execute(insert(Score), [score_row(scoring.id, header, row) for row in rows])
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
        if action not in DECISION_ACTIONS:
            raise ValueError(f"action {action!r}: expected one of {', '.join(DECISION_ACTIONS)}")
        decision = Decision(
            document_sha256=sha256,
            indicator=indicator,
            action=action,
            old_value=number(old_value),
            new_value=number(new_value),
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
