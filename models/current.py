"""The "current" figures: which run of which document stands for each (unit, year), and the frames built
on it — :func:`figures_frame` (the current figures) and :func:`status_frame` (units × years at a glance).

History is append-only, so "current" is never stored: it is derived by :func:`current_runs` on every read.
:class:`models.store.Store` delegates its ``figures_frame`` and ``status_frame`` to these functions; each
takes the store's session factory and reads in its own short transaction, as the store's methods do.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from models.schema import Document, FigureRow, Run, Submission

# The ``figures`` columns :func:`figures_frame` carries, in frame order; ``models.normalise`` validates
# them and the review app and exports read them by name, so renaming one is a change of interface.
FIGURE_COLUMNS = [
    *("indicator", "value", "unit", "confidence", "flags", "as_of", "is_estimate", "basis", "hedge"),
    *("derived", "notes", "alternatives", "source_page", "source_block", "source_bbox", "source_text"),
    *("source_span", "source_value_page", "source_value_bbox", "source_label_bbox"),
    *("extractor_version", "run_id"),
]


def current_runs(year: int | None = None, unit_id: str | None = None) -> Select[Any]:
    """Per (unit, year): the latest ok run of the document submitted most recently.

    A document's latest ok run says which unit-year it is for; among the documents of a unit-year, the one
    with the latest submission wins (a resubmission of older bytes makes them current again). Columns:
    run_id, document_sha256, unit_id, year, received_at (that latest submission).
    """
    latest_ok = (
        select(Run.document_sha256, func.max(Run.id).label("run_id"))
        .where(Run.status == "ok")
        .group_by(Run.document_sha256)
        .subquery()
    )
    last_seen = (
        select(
            Submission.document_sha256,
            func.max(Submission.received_at).label("received_at"),
            func.max(Submission.id).label("submission_id"),
        )
        .group_by(Submission.document_sha256)
        .subquery()
    )
    order = (last_seen.c.received_at.desc(), last_seen.c.submission_id.desc(), Run.id.desc())
    ranked = (
        select(
            Run.id.label("run_id"),
            Run.document_sha256,
            Run.unit_id,
            Run.year,
            last_seen.c.received_at,
            func.row_number().over(partition_by=(Run.unit_id, Run.year), order_by=order).label("place"),
        )
        .join(latest_ok, latest_ok.c.run_id == Run.id)
        .join(last_seen, last_seen.c.document_sha256 == Run.document_sha256)
        .where(Run.unit_id.is_not(None), Run.year.is_not(None))
    )
    if year is not None:
        ranked = ranked.where(Run.year == year)
    if unit_id is not None:
        ranked = ranked.where(Run.unit_id == unit_id)
    ranked_sq = ranked.subquery()
    return select(*(c for c in ranked_sq.c if c.key != "place")).where(ranked_sq.c.place == 1)


def figures_frame(sessions: sessionmaker[Session], year: int | None = None) -> pd.DataFrame:
    """The current figures: per (unit, year), the latest ok run of the latest submitted document
    (``received_at`` is that latest submission).

    One query; ``year`` filters on the report year. ``figure_year`` is the year the figure itself
    states (normally the same).
    """
    current = current_runs(year=year).subquery()
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
    with sessions() as session:
        rows = session.execute(query).all()
    columns = ["unit_id", "year", *FIGURE_COLUMNS, "figure_year", "document_sha256", "original_name"]
    frame = pd.DataFrame([tuple(r) for r in rows], columns=[*columns, "received_at"])
    frame["value"] = frame["value"].astype(float)
    frame["received_at"] = pd.to_datetime(frame["received_at"], utc=True)
    return frame


def status_frame(sessions: sessionmaker[Session]) -> pd.DataFrame:
    """Units × years (by each document's latest run; unattributed documents under None): documents,
    submissions, the latest submission and run, documents whose latest run failed, and the current
    figures with how many are flagged."""
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
    with sessions() as session:
        docs = pd.DataFrame(
            [tuple(r) for r in session.execute(query)], columns=list(query.selected_columns.keys())
        )
    figures = figures_frame(sessions)
    docs["year"] = docs["year"].astype("Int64")
    keys = ["unit_id", "year"]
    latest = docs.sort_values("run_id", na_position="first").groupby(keys, dropna=False).tail(1)
    summary = (
        docs.groupby(keys, dropna=False)
        .agg(
            documents=("status", "size"),
            rejected=("status", lambda s: int((s == "rejected").sum())),
            # latest run crashed on a fault of ours: not the submitter's to fix, retried by the next run
            failed=("run_status", lambda s: int((s == "failed").sum())),
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


def failed_documents(sessions: sessionmaker[Session]) -> list[dict[str, Any]]:
    """Documents whose latest run is ``failed`` (a fault of ours), newest first: name, sha256, error."""
    last_run = (
        select(Run.document_sha256, func.max(Run.id).label("run_id")).group_by(Run.document_sha256).subquery()
    )
    query = (
        select(Document.original_name, Document.sha256, Run.error, Run.finished_at, Run.path)
        .join(last_run, last_run.c.document_sha256 == Document.sha256)
        .join(Run, Run.id == last_run.c.run_id)
        .where(Run.status == "failed")
        .order_by(Run.id.desc())
    )
    with sessions() as session:
        return [
            {"name": r.path or r.original_name, "sha256": r.sha256, "error": r.error, "at": r.finished_at}
            for r in session.execute(query)
        ]
