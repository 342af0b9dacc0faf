"""inspections: the unit, the workflow followed, answers, photos, grade and decision

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.tables import Stamp

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _text(name: str, length: int | None = None) -> sa.Column[str]:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "workflow_definitions",
        sa.Column("id", BigId, nullable=False),
        sa.Column("workflow_id", sa.String(length=48), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("stored_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_definitions")),
        sa.UniqueConstraint(
            "workflow_id", "version", name=op.f("uq_workflow_definitions_workflow_id_version")
        ),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station_id", BigId, nullable=True))
        batch_op.add_column(sa.Column("inspector_id", BigId, nullable=True))
        batch_op.add_column(
            sa.Column("condition", sa.String(length=24), nullable=False, server_default="standard")
        )
        for name, length in [
            ("category", 32),
            ("scanned_text", 256),
            ("gtin", 14),
            ("serial", 64),
            ("batch", 64),
            ("expiry", 10),
            ("reason_code", 32),
            ("workflow_id", 48),
            ("grade", 3),
            ("proposed_disposition", 24),
            ("rule_id", 48),
            ("disposition", 24),
            ("zone", 24),
            ("refund", 8),
        ]:
            batch_op.add_column(_text(name, length))
        batch_op.add_column(_text("override_reason"))
        for name in ("unit_value", "refund_amount"):
            batch_op.add_column(
                sa.Column(name, sa.Numeric(12, 2), nullable=False, server_default="0")
            )
        for name in ("workflow_version", "rules_version"):
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("progress", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("flags", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("exception_kinds", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(
            sa.Column("lead_approval", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("started_at", Stamp, nullable=True))
        batch_op.add_column(sa.Column("completed_at", Stamp, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_inspections_station_id_stations"), "stations", ["station_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_inspections_inspector_id_users"), "users", ["inspector_id"], ["id"]
        )
    op.create_table(
        "photos",
        sa.Column("id", BigId, nullable=False),
        sa.Column("inspection_id", BigId, nullable=False),
        sa.Column("step_id", sa.String(length=48), nullable=False),
        sa.Column("taken_at", Stamp, nullable=False),
        sa.Column("taken_by", BigId, nullable=False),
        sa.Column("station_id", BigId, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_photos_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(["taken_by"], ["users.id"], name=op.f("fk_photos_taken_by_users")),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_photos_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_photos_inspection_id"), ["inspection_id"], unique=False
        )
    with op.batch_alter_table("exceptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inspection_id", BigId, nullable=True))
        batch_op.create_index(
            batch_op.f("ix_exceptions_inspection_id"), ["inspection_id"], unique=False
        )


DROPPED = (
    "completed_at",
    "started_at",
    "lead_approval",
    "exception_kinds",
    "flags",
    "progress",
    "rules_version",
    "workflow_version",
    "refund_amount",
    "unit_value",
    "override_reason",
    "refund",
    "zone",
    "disposition",
    "rule_id",
    "proposed_disposition",
    "grade",
    "workflow_id",
    "reason_code",
    "expiry",
    "batch",
    "serial",
    "gtin",
    "scanned_text",
    "category",
    "condition",
    "inspector_id",
    "station_id",
)


def downgrade() -> None:
    with op.batch_alter_table("exceptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exceptions_inspection_id"))
        batch_op.drop_column("inspection_id")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_inspections_inspector_id_users"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_inspections_station_id_stations"), type_="foreignkey"
        )
        for column in DROPPED:
            batch_op.drop_column(column)
    op.drop_table("photos")
    op.drop_table("workflow_definitions")
