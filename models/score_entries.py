"""Store methods for a chair's score entries (điểm thẩm định, số liệu nhập tay): append-only, like the
review decisions.

A mixin of :class:`models.store.Store`. Every entry is a new ``ScoreEntry`` row with who, when, the value
in force before (looked up in the same transaction, so two chairs entering at once each record what they
replaced) and the new one; nothing is updated or deleted. The latest entry per (unit, kind, key) is in
force; ``new_value`` None clears an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.columns import number
from models.schema import SCORE_ENTRY_KINDS, ScoreEntry

EntryKey = tuple[str, str, str]  # (unit id, kind, key)


class ScoreEntriesMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

    def record_score_entry(
        self,
        cluster_key: str,
        year: int,
        unit_id: str,
        kind: str,
        key: str,
        new_value: float | None,
        note: str | None,
        by: str,
        *,
        decided_at: datetime | None = None,
    ) -> int:
        """Keep one entry (append-only); ``old_value`` is the value in force before it. Returns its id."""
        if kind not in SCORE_ENTRY_KINDS:
            raise ValueError(f"kind {kind!r}: expected one of {', '.join(SCORE_ENTRY_KINDS)}")
        if not by:
            raise ValueError("an entry needs the name of who made it")
        with self._write() as session:
            before = session.scalar(
                select(ScoreEntry)
                .where(ScoreEntry.cluster_key == cluster_key, ScoreEntry.unit_id == unit_id)
                .where(ScoreEntry.kind == kind, ScoreEntry.key == key)
                .order_by(ScoreEntry.id.desc())
                .limit(1)
            )
            entry = ScoreEntry(
                cluster_key=cluster_key,
                year=year,
                unit_id=unit_id,
                kind=kind,
                key=key,
                old_value=None if before is None else before.new_value,
                new_value=number(new_value),
                note=(note or "").strip() or None,
                decided_by=by,
                decided_at=decided_at or datetime.now(UTC),
            )
            session.add(entry)
            session.flush()
            return entry.id

    def score_entries(self, cluster_key: str, unit_id: str | None = None) -> list[ScoreEntry]:
        """The history of the cluster-year's entries (optionally one unit's), oldest first."""
        query = select(ScoreEntry).where(ScoreEntry.cluster_key == cluster_key).order_by(ScoreEntry.id)
        if unit_id is not None:
            query = query.where(ScoreEntry.unit_id == unit_id)
        with self._sessions() as session:
            return list(session.scalars(query))

    def entries_in_force(self, cluster_key: str) -> dict[EntryKey, ScoreEntry]:
        """(unit id, kind, key) -> the latest entry (its ``new_value`` None: cleared)."""
        latest = (
            select(func.max(ScoreEntry.id))
            .where(ScoreEntry.cluster_key == cluster_key)
            .group_by(ScoreEntry.unit_id, ScoreEntry.kind, ScoreEntry.key)
        )
        with self._sessions() as session:
            rows = session.scalars(select(ScoreEntry).where(ScoreEntry.id.in_(latest)))
            return {(r.unit_id, r.kind, r.key): r for r in rows}
