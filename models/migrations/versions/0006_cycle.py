"""The cluster's year-end cycle: account scopes and roles (unit, chair, admin) with their history,
uploads from the web app, self-score sheets, and the chair's verified scores and manual inputs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = "role IN ('reviewer', 'viewer', 'unit', 'chair', 'admin')"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("ck_users_role", type_="check")
        batch.create_check_constraint("ck_users_role", ROLES)
        batch.add_column(sa.Column("unit_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("cluster_key", sa.String(128), nullable=True))
    op.create_table(
        "account_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("by", sa.String(128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_account_events"),
    )
    op.create_index("ix_account_events_user", "account_events", ["user_name", "id"])
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("uploaded_by", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('report', 'self_score')", name="ck_uploads_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_uploads"),
    )
    op.create_index("ix_uploads_unit_year", "uploads", ["unit_id", "year", "id"])
    op.create_table(
        "self_score_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("stored_by", sa.String(128), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reader_version", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("matches", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["upload_id"], ["uploads.id"], name="fk_self_score_sheets_upload_id_uploads"),
        sa.PrimaryKeyConstraint("id", name="pk_self_score_sheets"),
    )
    op.create_index(
        "ix_self_score_sheets_unit_cluster", "self_score_sheets", ["unit_id", "cluster_key", "id"]
    )
    op.create_table(
        "score_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_key", sa.String(128), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Double(), nullable=True),
        sa.Column("new_value", sa.Double(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(128), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('verified', 'manual')", name="ck_score_entries_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_score_entries"),
    )
    op.create_index("ix_score_entries_cluster_unit", "score_entries", ["cluster_key", "unit_id", "id"])


def downgrade() -> None:
    op.drop_table("score_entries")
    op.drop_table("self_score_sheets")
    op.drop_table("uploads")
    op.drop_table("account_events")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("cluster_key")
        batch.drop_column("unit_id")
        batch.drop_constraint("ck_users_role", type_="check")
        batch.create_check_constraint("ck_users_role", "role IN ('reviewer', 'viewer')")
