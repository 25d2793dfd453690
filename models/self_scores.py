"""Store methods for self-score sheets (bảng tự chấm điểm): keep a sheet's bytes content-addressed beside
the reports' originals, and every reading of it as an append-only ``SelfScoreSheet`` row.

A mixin of :class:`models.store.Store`. A sheet is not a ``Document``: the nightly run extracts documents
as reports, and a sheet read as a report would compete with the unit's real report. Its bytes go through
the same :func:`models.originals.copy_in` and :func:`models.originals.place` (so a crash never leaves half
a file, and the same bytes are kept once); its lines are stored as dicts of
:class:`extractors.self_score.SheetLine`, each with where it was read (``extractors.self_score.stored_lines``
reads them back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.originals import copy_in, place, relative_path
from models.schema import SelfScoreSheet as SheetRow

READER_VERSION = "self-score.v1"  # bump when extractors.self_score reads sheets differently


def sheet_lines(lines: list[Any]) -> list[dict[str, Any]]:
    """SheetLine objects -> the JSON stored (the locator as a dict, or None)."""
    return [asdict(line) for line in lines]


class SelfScoresMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]
    originals: Path
    settings: Any

    def keep_original(self, path: Path) -> tuple[str, int, str]:
        """Keep a file's bytes content-addressed (idempotent): (sha256, size, path relative to home)."""
        copy = copy_in(Path(path), self.originals)
        try:
            relative = relative_path(copy.sha256, Path(path).suffix)
            place(copy.temporary, self.settings.home / relative)
        finally:
            copy.temporary.unlink(missing_ok=True)
        return copy.sha256, copy.size, str(relative)

    def record_self_score_sheet(
        self,
        *,
        sha256: str,
        unit_id: str,
        year: int,
        cluster_key: str,
        original_name: str,
        lines: list[Any],
        by: str,
        status: str = "ok",
        error: str | None = None,
        upload_id: int | None = None,
        matches: Mapping[str, str] | None = None,
    ) -> int:
        """Store one reading of a sheet (``lines``: SheetLine objects) and who sent it (``by``); the newest
        is the current one. A changed match is a new reading with the same lines."""
        row = SheetRow(
            upload_id=upload_id,
            sha256=sha256,
            unit_id=unit_id,
            year=year,
            cluster_key=cluster_key,
            original_name=original_name,
            stored_by=by,
            read_at=datetime.now(UTC),
            reader_version=READER_VERSION,
            status=status,
            error=error,
            lines=sheet_lines(lines),
            matches=dict(matches or {}),
        )
        with self._write() as session:
            session.add(row)
            session.flush()
            return row.id

    def current_self_score_sheets(self, cluster_key: str) -> dict[str, SheetRow]:
        """unit id -> the latest readable sheet of that unit for the cluster-year."""
        with self._sessions() as session:
            latest = (
                select(func.max(SheetRow.id))
                .where(SheetRow.cluster_key == cluster_key, SheetRow.status == "ok")
                .group_by(SheetRow.unit_id)
            )
            rows = session.scalars(select(SheetRow).where(SheetRow.id.in_(latest)))
            return {r.unit_id: r for r in rows}

    def self_score_sheet(self, sheet_id: int) -> SheetRow | None:
        with self._sessions() as session:
            return session.get(SheetRow, sheet_id)

    def self_score_sheets(self, unit_id: str, cluster_key: str) -> list[SheetRow]:
        """Every reading of the unit's sheets for the cluster-year, newest first."""
        with self._sessions() as session:
            query = (
                select(SheetRow)
                .where(SheetRow.unit_id == unit_id, SheetRow.cluster_key == cluster_key)
                .order_by(SheetRow.id.desc())
            )
            return list(session.scalars(query))
