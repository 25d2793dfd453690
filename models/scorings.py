"""Store methods for scorings and their publication, and the inputs a cluster-year's scoring depends on.

A mixin of :class:`models.store.Store`. Scorings and publications are append-only. A publication records
the fingerprint of the inputs its tables were computed from (``scoring.service.inputs_fingerprint``), so a
run can tell which cluster-years a crashed or interrupted run left unpublished, or whose inputs changed
since (a figure, a decision, a manual input, the criteria), and publish exactly those again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models import current
from models.columns import plain
from models.rows import score_row
from models.schema import Decision, Publication, Score, Scoring


class ScoringsMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

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
            "computed_at": computed_at or datetime.now(UTC),
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

    # --- publications --------------------------------------------------------------------------------

    def record_publication(
        self, scoring_id: int, cluster_key: str, year: int, inputs: str, files: Sequence[str]
    ) -> int:
        """Keep the fact that a scoring's exports were written, with the fingerprint of its inputs."""
        row = Publication(
            scoring_id=scoring_id,
            cluster_key=cluster_key,
            year=year,
            inputs=inputs,
            files=plain(list(files)),
            published_at=datetime.now(UTC),
        )
        with self._write() as session:
            session.add(row)
            session.flush()
            return row.id

    def latest_publications(self) -> dict[tuple[str, int], Publication]:
        """(cluster key, year) -> its latest publication, in one query."""
        latest = select(func.max(Publication.id)).group_by(Publication.cluster_key, Publication.year)
        with self._sessions() as session:
            rows = session.scalars(select(Publication).where(Publication.id.in_(latest)))
            return {(p.cluster_key, p.year): p for p in rows}

    def scoring_inputs(self, year: int, unit_ids: Sequence[str]) -> dict[str, Any]:
        """What a cluster-year's figures are made of: the current run of each member that has one
        (``unit -> [document sha256, run id]``) and the review decisions on those documents (their ids).
        Decisions are append-only, so their ids change exactly when a decision is taken."""
        runs = current.current_runs(year=year).subquery()
        with self._sessions() as session:
            current_runs = {
                unit: [sha, run_id]
                for unit, sha, run_id in session.execute(
                    select(runs.c.unit_id, runs.c.document_sha256, runs.c.run_id).where(
                        runs.c.unit_id.in_(list(unit_ids))
                    )
                )
            }
            shas = [sha for sha, _ in current_runs.values()]
            decisions = sorted(
                session.scalars(select(Decision.id).where(Decision.document_sha256.in_(shas))) if shas else []
            )
        return {"runs": dict(sorted(current_runs.items())), "decisions": decisions}
