"""exceptions: on PostgreSQL, every new or changed exception is announced on the
rs_exceptions channel (LISTEN/NOTIFY), so leads' queues at every station read it at once

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION exceptions_announce() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('rs_exceptions', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
_TRIGGER = """
CREATE TRIGGER exceptions_announce AFTER INSERT OR UPDATE ON exceptions
FOR EACH ROW EXECUTE FUNCTION exceptions_announce()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_FUNCTION)
        op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS exceptions_announce ON exceptions")
        op.execute("DROP FUNCTION IF EXISTS exceptions_announce()")
