"""Initial store: documents, submissions, extraction runs and figures, scorings and scores, review decisions.

Revision ID: 0001
Revises:
Create Date: 2025-11-26

A frozen snapshot: it spells the types out instead of importing ``models.schema``, so later changes to the
models never rewrite history. ``UTCDateTime`` is stored as ``DateTime(timezone=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('received', 'extracted', 'rejected')", name="ck_documents_status"),
        sa.PrimaryKeyConstraint("sha256", name="pk_documents"),
    )
    op.create_index("ix_documents_unit_year", "documents", ["unit_id", "year"])

    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("inbox_path", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_sha256"], ["documents.sha256"], name="fk_submissions_document_sha256_documents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_submissions"),
        sa.UniqueConstraint("inbox_path", "size", "mtime_ns", "document_sha256", name="uq_submissions_file"),
    )
    op.create_index("ix_submissions_document_received", "submissions", ["document_sha256", "received_at"])

    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("unit_id", sa.String(64), nullable=True),
        sa.Column("unit_name", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("format", sa.String(16), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.CheckConstraint("status IN ('ok', 'rejected', 'failed')", name="ck_extraction_runs_status"),
        sa.ForeignKeyConstraint(
            ["document_sha256"], ["documents.sha256"], name="fk_extraction_runs_document_sha256_documents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_extraction_runs"),
    )
    op.create_index(
        "ix_extraction_runs_document_version", "extraction_runs", ["document_sha256", "extractor_version"]
    )
    op.create_index(
        "ix_extraction_runs_document_status", "extraction_runs", ["document_sha256", "status", "id"]
    )
    op.create_index("ix_extraction_runs_unit_year", "extraction_runs", ["unit_id", "year"])

    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(64), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("is_estimate", sa.Boolean(), nullable=False),
        sa.Column("basis", sa.String(32), nullable=True),
        sa.Column("hedge", sa.String(32), nullable=True),
        sa.Column("derived", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("alternatives", sa.JSON(), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=True),
        sa.Column("source_page", sa.Integer(), nullable=True),
        sa.Column("source_block", sa.String(64), nullable=True),
        sa.Column("source_bbox", sa.JSON(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_span", sa.JSON(), nullable=True),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["extraction_runs.id"], name="fk_figures_run_id_extraction_runs"),
        sa.PrimaryKeyConstraint("id", name="pk_figures"),
    )
    op.create_index("ix_figures_run_indicator", "figures", ["run_id", "indicator"])

    op.create_table(
        "scorings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scorer_version", sa.String(64), nullable=False),
        sa.Column("config_version", sa.String(64), nullable=False),
        sa.Column("computed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scorings"),
    )
    op.create_index("ix_scorings_cluster_year", "scorings", ["cluster_key", "year", "id"])

    op.create_table(
        "scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scoring_id", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scorer_version", sa.String(64), nullable=False),
        sa.Column("config_version", sa.String(64), nullable=False),
        sa.Column("computed_at", TS, nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("total", sa.Double(), nullable=True),
        sa.Column("grade", sa.String(64), nullable=True),
        sa.Column("proposed_title", sa.Text(), nullable=True),
        sa.Column("gov_flag_candidate", sa.Boolean(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("points", sa.JSON(), nullable=False),
        sa.Column("bonus", sa.Double(), nullable=True),
        sa.Column("deductions", sa.Double(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["scoring_id"], ["scorings.id"], name="fk_scores_scoring_id_scorings"),
        sa.PrimaryKeyConstraint("id", name="pk_scores"),
    )
    op.create_index("ix_scores_scoring", "scores", ["scoring_id"])

    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("indicator", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("old_value", sa.Double(), nullable=True),
        sa.Column("new_value", sa.Double(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("decided_at", TS, nullable=False),
        sa.CheckConstraint("action IN ('accept', 'correct', 'reject')", name="ck_review_decisions_action"),
        sa.ForeignKeyConstraint(
            ["document_sha256"], ["documents.sha256"], name="fk_review_decisions_document_sha256_documents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_decisions"),
    )
    op.create_index(
        "ix_review_decisions_document_indicator", "review_decisions", ["document_sha256", "indicator", "id"]
    )


def downgrade() -> None:
    for table in ("review_decisions", "scores", "scorings", "figures", "extraction_runs", "submissions"):
        op.drop_table(table)
    op.drop_table("documents")
