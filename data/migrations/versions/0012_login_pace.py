"""login_counters.next_try_at: after a failed log-in, the earliest moment the next try for
that user (and at that station) is judged, so the growing delay holds for every caller

Revision ID: 0012_login_pace
Revises: 0011_people
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_login_pace"
down_revision = "0011_people"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_counters") as batch:
        batch.add_column(sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("login_counters") as batch:
        batch.drop_column("next_try_at")
