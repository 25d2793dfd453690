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
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models import current, lookups, migrations
from models.accounts import AccountsMixin
from models.columns import number
from models.engine import WRITE, make_engine
from models.home import thidua_home
from models.lookups import inbox_key
from models.originals import Copy, Hashed, copy_in, file_size, hash_only, place, sweep_temporaries
from models.rows import document_row, submission_row
from models.runs import RunsMixin
from models.schema import DECISION_ACTIONS, Decision, Document, Submission
from models.score_entries import ScoreEntriesMixin
from models.scorings import ScoringsMixin
from models.self_scores import SelfScoresMixin
from models.unit_proposals import ProposalsMixin
from models.uploads import UploadsMixin


@dataclass(frozen=True)
class StoreSettings:
    """Where the store keeps its database and originals."""

    home: Path
    database_url: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> StoreSettings:
        env = os.environ if environ is None else environ
        home = thidua_home(env)
        url = env.get("THIDUA_DATABASE_URL") or f"sqlite:///{home / 'thidua.db'}"
        return cls(home=home, database_url=url)


@dataclass(frozen=True)
class Ingested:
    """What :meth:`Store.ingest` did with a file."""

    sha256: str
    stored_path: Path | None  # None: refused for its size, recorded by hash and name only
    new_document: bool  # these bytes were never seen before
    new_submission: bool  # this (inbox path, size, mtime) was never seen before
    size: int = 0

    @property
    def kept(self) -> bool:
        return self.stored_path is not None


_opened: dict[tuple[int, StoreSettings], Store] = {}
_opened_lock = threading.Lock()


def reopen(settings: StoreSettings) -> Store:
    """The store of ``settings`` in this process, opened on first use and kept for the process's life."""
    key = (os.getpid(), settings)
    with _opened_lock:
        if key not in _opened:
            _opened[key] = Store.open(settings)
        return _opened[key]


def _now() -> datetime:
    return datetime.now(UTC)


class Store(
    RunsMixin, ScoringsMixin, AccountsMixin, ProposalsMixin, SelfScoresMixin, UploadsMixin, ScoreEntriesMixin
):
    """The only way flows and apps read or write stored data."""

    def __init__(self, settings: StoreSettings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(engine.execution_options(**{WRITE: True}), expire_on_commit=False)

    @classmethod
    def open(cls, settings: StoreSettings | None = None, *, pool_size: int | None = None) -> Store:
        """Open (and migrate) the store; ``pool_size``: connections this process may hold at once (one per
        thread that uses the store concurrently; the engine's default when None)."""
        settings = settings or StoreSettings.from_env()
        (settings.home / "originals").mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.database_url, pool_size=pool_size)
        try:
            migrations.upgrade(engine.execution_options(**{WRITE: True}))
        except BaseException:
            engine.dispose()
            raise
        return cls(settings, engine)

    def close(self) -> None:
        self.engine.dispose()

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable for process and Dask task runners: a worker reopens the store from its settings,
        # once per process (every task gets the store as a parameter; opening migrates and connects).
        return (reopen, (self.settings,))

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

    def sweep(self) -> list[Path]:
        """Remove the temporary copies that killed runs left beside the originals (never a live run's)."""
        return sweep_temporaries(self.originals)

    def ingest(
        self,
        path: Path,
        *,
        inbox_path: str | None = None,
        received_at: datetime | None = None,
        max_bytes: int | None = None,
    ) -> Ingested:
        """Keep the file's bytes (content-addressed) and record that it was submitted; idempotent.

        ``inbox_path`` names the submission (default: ``inbox_key(path)``, the key ``unseen`` uses). A file
        over ``max_bytes`` is checked before anything is copied: it is recorded by its hash and name, its
        bytes are not kept (``Ingested.kept`` is false). Symbolic links and non-regular files raise
        :class:`models.originals.NotARegularFile`."""
        path = Path(path)
        if max_bytes is not None and file_size(path) > max_bytes:
            return self._register_refused(path, hash_only(path), inbox_path or inbox_key(path), received_at)
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
        return Ingested(copy.sha256, stored_path, new_document, seen is None, copy.size)

    def _register_refused(
        self, path: Path, hashed: Hashed, inbox_path: str, received_at: datetime | None
    ) -> Ingested:
        """Record a file refused before copying: a document row without stored bytes, and its submission."""
        received = received_at or _now()
        as_copy = Copy(hashed.sha256, hashed.size, hashed.mtime_ns, Path())
        submission = submission_row(as_copy, path, inbox_path, received)
        for attempt in range(2):
            try:
                with self._write() as session:
                    document = session.get(Document, hashed.sha256)
                    new_document = document is None
                    if document is None:
                        document = document_row(as_copy, path, received)
                        document.stored_path = None
                        session.add(document)
                    seen = session.scalar(
                        select(Submission.id)
                        .where(Submission.inbox_path == inbox_path, Submission.size == hashed.size)
                        .where(Submission.mtime_ns == hashed.mtime_ns)
                        .where(Submission.document_sha256 == hashed.sha256)
                        .limit(1)
                    )
                    if seen is None:
                        session.add(submission)
                stored = self.settings.home / document.stored_path if document.stored_path else None
                return Ingested(hashed.sha256, stored, new_document, seen is None, hashed.size)
            except IntegrityError:  # another process registered the same bytes or submission meanwhile
                if attempt:
                    raise
        raise AssertionError("unreachable")

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
            row = session.execute(select(Document.stored_path).where(Document.sha256 == sha256)).first()
        if row is None:
            raise KeyError(f"no document {sha256}: it was never ingested")
        if row.stored_path is None:
            raise KeyError(f"document {sha256} was refused for its size: its bytes were not kept")
        return self.settings.home / row.stored_path

    def stored_paths(self, shas: Sequence[str]) -> dict[str, Path]:
        """sha256 -> its kept original, for the documents of ``shas`` whose bytes are kept (one query)."""
        out: dict[str, Path] = {}
        with self._sessions() as session:
            for chunk in lookups.chunks(sorted(set(shas))):
                query = select(Document.sha256, Document.stored_path).where(Document.sha256.in_(chunk))
                out.update((sha, self.settings.home / p) for sha, p in session.execute(query) if p)
        return out

    def document(self, sha256: str) -> Document | None:
        with self._sessions() as session:
            return session.get(Document, sha256)

    # --- extraction runs: models.runs.RunsMixin ---------------------------------------------------

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

    def failed_documents(self) -> list[dict[str, Any]]:
        """Documents whose latest extraction failed on a fault of ours (:func:`current.failed_documents`)."""
        return current.failed_documents(self._sessions)

    # --- review decisions (append-only; scorings: models.scorings.ScoringsMixin) ----------------------

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
