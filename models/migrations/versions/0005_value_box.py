"""The value's own box: a figure keeps where its value (and its label) is printed on the PDF page,
beside the box of its whole paragraph or row. Rows written before this revision keep NULL there, and
the review page then draws the block's box alone.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("source_value_page", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("source_value_bbox", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("source_label_bbox", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("source_label_bbox")
        batch.drop_column("source_value_bbox")
        batch.drop_column("source_value_page")
