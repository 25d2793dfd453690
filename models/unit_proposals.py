"""Store methods for proposed units: the documents whose current run names an issuer the units registry
does not know (flag ``unknown_unit``), with the proposal an admin registers (``thidua unit register``).

A mixin of :class:`models.store.Store`. "Current" is the document's latest ``ok`` run, so a document
re-extracted after its unit was registered proposes nothing any more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.records import ProposedUnit
from models.schema import Document, Run


@dataclass(frozen=True)
class Proposal:
    """One document proposing one unit."""

    sha256: str
    run_id: int
    original_name: str
    year: int | None
    unit: ProposedUnit


class ProposalsMixin:
    _sessions: Callable[[], Session]

    def proposed_units(self, unit_id: str | None = None) -> list[Proposal]:
        """Documents whose latest ok run proposes a unit (``unit_id`` only, when given), oldest run first."""
        latest_ok = (
            select(Run.document_sha256, func.max(Run.id).label("run_id"))
            .where(Run.status == "ok")
            .group_by(Run.document_sha256)
            .subquery()
        )
        query = (
            select(Run, Document.original_name)
            .join(latest_ok, latest_ok.c.run_id == Run.id)
            .join(Document, Document.sha256 == Run.document_sha256)
            .where(Run.proposed_unit_id.is_not(None))
            .order_by(Run.id)
        )
        if unit_id is not None:
            query = query.where(Run.proposed_unit_id == unit_id)
        with self._sessions() as session:
            return [
                Proposal(
                    run.document_sha256, run.id, name, run.year, ProposedUnit.from_dict(run.proposed_unit)
                )
                for run, name in session.execute(query).all()
                if run.proposed_unit
            ]
