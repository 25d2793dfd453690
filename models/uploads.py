"""Store methods for the files units send through the web app or ``thidua submit`` (``Upload`` rows).

A mixin of :class:`models.store.Store`. An upload is history: one row per file received, never changed,
also for a file refused before it was kept (its ``error`` is the message the unit was shown). The bytes
themselves are kept elsewhere (a report as a ``Document``, a sheet beside the originals): the row only
says who sent what, when, for which cluster-year, and whether it came after the deadline.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import UPLOAD_KINDS, Upload


class UploadsMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

    def record_upload(
        self,
        *,
        kind: str,
        sha256: str,
        size: int,
        original_name: str,
        stored_path: str | None,
        unit_id: str,
        year: int,
        cluster_key: str,
        uploaded_by: str,
        received_at: datetime | None = None,
        deadline: date | None = None,
        late: bool = False,
        error: str | None = None,
    ) -> int:
        """Keep one received file's row (``stored_path`` relative to THIDUA_HOME, None when refused before
        keeping); returns its id."""
        if kind not in UPLOAD_KINDS:
            raise ValueError(f"upload kind {kind!r}: expected one of {', '.join(UPLOAD_KINDS)}")
        row = Upload(
            kind=kind,
            sha256=sha256,
            size=size,
            original_name=original_name,
            stored_path=stored_path,
            unit_id=unit_id,
            year=year,
            cluster_key=cluster_key,
            uploaded_by=uploaded_by,
            received_at=received_at or datetime.now(UTC),
            deadline=deadline,
            late=late,
            error=error,
        )
        with self._write() as session:
            session.add(row)
            session.flush()
            return row.id

    def uploads_for(self, unit_id: str, year: int | None = None) -> list[Upload]:
        """The unit's uploads (of one year, or all), newest first."""
        query = select(Upload).where(Upload.unit_id == unit_id)
        if year is not None:
            query = query.where(Upload.year == year)
        with self._sessions() as session:
            return list(session.scalars(query.order_by(Upload.id.desc())))

    def upload(self, upload_id: int) -> Upload | None:
        with self._sessions() as session:
            return session.get(Upload, upload_id)

    def cluster_uploads(self, cluster_key: str) -> list[Upload]:
        """The files units sent for a cluster-year and that were kept (not refused on arrival), oldest
        first: what the summary table's list of late dossiers is made from."""
        query = select(Upload).where(Upload.cluster_key == cluster_key, Upload.error.is_(None))
        with self._sessions() as session:
            return list(session.scalars(query.order_by(Upload.id)))

    def report_uploads(self, unit_id: str | None = None) -> list[Upload]:
        """The reports received and kept (of one unit, or all), oldest first: what a retry goes through."""
        query = select(Upload).where(Upload.kind == "report", Upload.stored_path.is_not(None))
        if unit_id is not None:
            query = query.where(Upload.unit_id == unit_id)
        with self._sessions() as session:
            return list(session.scalars(query.order_by(Upload.id)))
