"""return policy: versions an admin saves, and the version each decision applied

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.tables import Stamp

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "return_policies",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("saved_at", Stamp, nullable=False),
        sa.Column("saved_by", BigId, nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_by"], ["users.id"], name=op.f("fk_return_policies_saved_by_users")
        ),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_return_policies")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("policy_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("policy_version")
    op.drop_table("return_policies")
