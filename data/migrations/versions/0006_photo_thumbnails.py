"""photos: a thumbnail with its own checksum; photos of a parcel taken at receipt

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thumbnail", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("thumbnail_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("receipt_id", BigId, nullable=True))
        batch_op.alter_column("inspection_id", existing_type=BigId, nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_photos_receipt_id_receipts"), "receipts", ["receipt_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_photos_receipt_id"), ["receipt_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_receipt_id"))
        batch_op.drop_constraint(batch_op.f("fk_photos_receipt_id_receipts"), type_="foreignkey")
        batch_op.alter_column("inspection_id", existing_type=BigId, nullable=False)
        batch_op.drop_column("receipt_id")
        batch_op.drop_column("thumbnail_sha256")
        batch_op.drop_column("thumbnail")
