"""Scale: work claims (two runs at once do the work once), publications (a run republishes what a
crashed run left unpublished), and documents refused for their size kept by hash only.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "work_claims",
        sa.Column("subject", sa.String(160), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subject", "version", name="pk_work_claims"),
    )
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scoring_id", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("inputs", sa.String(64), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["scoring_id"], ["scorings.id"], name="fk_publications_scoring_id_scorings"),
        sa.PrimaryKeyConstraint("id", name="pk_publications"),
    )
    op.create_index("ix_publications_cluster_year", "publications", ["cluster_key", "year", "id"])
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("stored_path", existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("stored_path", existing_type=sa.Text(), nullable=False)
    op.drop_index("ix_publications_cluster_year", table_name="publications")
    op.drop_table("publications")
    op.drop_table("work_claims")
