"""audit_events: TRUNCATE refused too (a trigger that fires once per statement), so the
table's owner cannot empty the audit trail in one statement without dropping it first

Revision ID: 0010_audit
Revises: 0009_outbox
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0010_audit"
down_revision = "0009_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite has no TRUNCATE: its "DELETE FROM audit_events" fires audit_events_no_delete.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
