"""Proposed units: a run records the issuer of a report's header when the units registry does not know it
(flag ``unknown_unit``), so that an admin can register it from the stored proposal.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("extraction_runs") as batch:
        batch.add_column(sa.Column("proposed_unit_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("proposed_unit", sa.JSON(none_as_null=True), nullable=True))
        batch.create_index("ix_extraction_runs_proposed_unit", ["proposed_unit_id"])


def downgrade() -> None:
    with op.batch_alter_table("extraction_runs") as batch:
        batch.drop_index("ix_extraction_runs_proposed_unit")
        batch.drop_column("proposed_unit")
        batch.drop_column("proposed_unit_id")
