"""Store methods for extraction runs: claiming a document, recording what extraction said, reading it back.

A mixin of :class:`models.store.Store` (kept apart so store.py stays readable). Runs are append-only.
A nightly run records with :meth:`RunsMixin.record_run_once`, which inserts nothing when a finished run
of the same extractor version exists (another run got there first: two runs at once never duplicate a
document); a re-extraction records with :meth:`RunsMixin.record_run`, which always adds a run. Either
gives up the caller's claim (:mod:`models.claims`) in the same transaction, so a stored document is never
left claimed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models import claims, lookups
from models.records import DocumentResult
from models.rows import figure_row, point_document, result_of, run_row
from models.schema import Claim, Document, FigureRow, Run

DONE = ("ok", "rejected")  # a run in one of these states settles the document for its extractor version


class RunsMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

    # --- claims ------------------------------------------------------------------------------------

    def claim(
        self, subject: str, version: str, owner: str, *, lease: timedelta = claims.DEFAULT_LEASE
    ) -> str | None:
        """Claim a piece of work (a document's sha256 and the extractor version, or a cluster-year's
        publication) for ``owner``; None when it is ours now, else who holds it."""
        with self._write() as session:
            return claims.claim(session, subject, version, owner, datetime.now(UTC), lease)

    def release(self, subject: str, version: str, owner: str) -> None:
        """Give up a claim without storing anything (the work will be done later)."""
        with self._write() as session:
            claims.release(session, subject, version, owner)

    def live_claims(self, subjects: Sequence[str], version: str) -> set[str]:
        """Of ``subjects``, those another run is still working on (claimed by a live owner)."""
        now = datetime.now(UTC)
        found: set[str] = set()
        with self._sessions() as session:
            for chunk in lookups.chunks(sorted(set(subjects))):
                query = select(Claim).where(Claim.subject.in_(chunk), Claim.version == version)
                found.update(row.subject for row in session.scalars(query) if claims.live(row, now))
        return found

    # --- recording ---------------------------------------------------------------------------------

    def has_run(self, sha256: str, extractor_version: str) -> bool:
        """Whether this version already extracted this document (``failed`` runs do not count)."""
        return sha256 in self.runs_for([sha256], extractor_version)

    def runs_for(self, shas: Sequence[str], extractor_version: str) -> set[str]:
        """Of ``shas``, those with an ``ok`` or ``rejected`` run by ``extractor_version`` (bulk)."""
        return lookups.runs_for(self._sessions, shas, extractor_version)

    def record_run(
        self,
        result: DocumentResult,
        *,
        started_at: datetime,
        finished_at: datetime,
        owner: str | None = None,
    ) -> int:
        """Add a run with all its figures and point the document at it, in one transaction."""
        run_id = self._record(result, _status(result), started_at, finished_at, owner, once=False)
        assert run_id is not None
        return run_id

    def record_run_once(
        self, result: DocumentResult, *, started_at: datetime, finished_at: datetime, owner: str | None = None
    ) -> int | None:
        """Like :meth:`record_run`, unless this extractor version already settled the document (an ``ok``
        or ``rejected`` run): then nothing is added and None is returned."""
        return self._record(result, _status(result), started_at, finished_at, owner, once=True)

    def record_failure(
        self,
        sha256: str,
        *,
        extractor_version: str,
        error: str,
        started_at: datetime,
        finished_at: datetime,
        path: str | None = None,
        owner: str | None = None,
    ) -> int:
        """Add a ``failed`` run: extraction crashed (a fault in thidua, not in the report). The document
        keeps its status, and ``has_run`` stays false so the next run retries."""
        result = DocumentResult(path or "", sha256, "", "failed", error, extractor_version=extractor_version)
        run_id = self._record(result, "failed", started_at, finished_at, owner, once=False)
        assert run_id is not None
        return run_id

    def _record(
        self,
        result: DocumentResult,
        status: str,
        started_at: datetime,
        finished_at: datetime,
        owner: str | None,
        *,
        once: bool,
    ) -> int | None:
        with self._write() as session:
            # The row lock serialises two runs recording the same document (PostgreSQL; SQLite has one
            # writer at a time anyway), so the "already done?" look below cannot race.
            document = session.get(Document, result.sha256, with_for_update=True)
            if document is None:
                raise KeyError(f"no document {result.sha256}: ingest the file before recording a run")
            if owner is not None:
                claims.release(session, result.sha256, result.extractor_version, owner)
            if once and self._done(session, result.sha256, result.extractor_version):
                return None
            run = run_row(result, status, started_at, finished_at)
            session.add(run)
            session.flush()
            if result.figures and status != "failed":
                session.execute(insert(FigureRow), [figure_row(run.id, f) for f in result.figures])
            if status != "failed":
                self._point_document(document, result)
            return run.id

    @staticmethod
    def _done(session: Session, sha256: str, version: str) -> bool:
        query = select(Run.id).where(Run.document_sha256 == sha256, Run.extractor_version == version)
        return session.scalar(query.where(Run.status.in_(DONE)).limit(1)) is not None

    # A class attribute, not a plain call, so a test can make it crash inside the run's transaction.
    _point_document = staticmethod(point_document)

    # --- reading -----------------------------------------------------------------------------------

    def latest_run(self, sha256: str) -> Run | None:
        with self._sessions() as session:
            return session.scalar(
                select(Run).where(Run.document_sha256 == sha256).order_by(Run.id.desc()).limit(1)
            )

    def runs(self, sha256: str) -> list[Run]:
        """Every run of a document, oldest first."""
        with self._sessions() as session:
            return list(session.scalars(select(Run).where(Run.document_sha256 == sha256).order_by(Run.id)))

    def run_counts(self, statuses: Sequence[str] | None = None) -> dict[str, int]:
        """Document sha256 -> how many extraction runs it has (optionally only runs in ``statuses``)."""
        query = select(Run.document_sha256, func.count()).group_by(Run.document_sha256)
        if statuses is not None:
            query = query.where(Run.status.in_(tuple(statuses)))
        with self._sessions() as session:
            return {sha: n for sha, n in session.execute(query).all()}

    def run_result(self, run_id: int) -> DocumentResult:
        """A stored run back as the ``DocumentResult`` it was recorded from."""
        with self._sessions() as session:
            run = session.get(Run, run_id)
            if run is None:
                raise KeyError(f"no extraction run {run_id}")
            rows = session.scalars(select(FigureRow).where(FigureRow.run_id == run_id).order_by(FigureRow.id))
            return result_of(run, list(rows))


def _status(result: DocumentResult) -> str:
    return {"ok": "ok", "rejected": "rejected", "failed": "failed"}[result.status]
