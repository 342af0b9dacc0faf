"""labels: license plates from a database sequence, the persistent print queue; the
exceptions of a parcel found by its receipt

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.tables import Stamp

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("exceptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exceptions_receipt_id"), ["receipt_id"], unique=False)
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lpn", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_inspections_lpn"), ["lpn"], unique=False)
    op.create_table(
        "license_plates",
        sa.Column("id", BigId, nullable=False),
        sa.Column("lpn", sa.String(length=16), nullable=True),
        sa.Column("inspection_id", BigId, nullable=True),
        sa.Column("issued_at", Stamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_license_plates_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_license_plates")),
        sa.UniqueConstraint("lpn", name=op.f("uq_license_plates_lpn")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "print_jobs",
        sa.Column("id", BigId, nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("station_id", BigId, nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("inspection_id", BigId, nullable=True),
        sa.Column("lpn", sa.String(length=16), nullable=False),
        sa.Column("template", sa.String(length=48), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("printer", sa.String(length=300), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("next_attempt_at", Stamp, nullable=False),
        sa.Column("printed_at", Stamp, nullable=True),
        sa.Column("reprint_of", BigId, nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_print_jobs_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_print_jobs_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_print_jobs_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_jobs_lpn"), ["lpn"], unique=False)
        batch_op.create_index(
            "ix_print_jobs_station_id_status", ["station_id", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("exceptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exceptions_receipt_id"))
    op.drop_table("print_jobs")
    op.drop_table("license_plates")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_lpn"))
        batch_op.drop_column("lpn")
