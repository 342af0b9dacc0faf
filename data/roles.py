"""The two PostgreSQL roles of a shared database, and what the audit trail rests on.

The *owner* role runs the migrations and owns every table; the *station* role, the one in
every station's URL, owns nothing: it reads and writes the day's tables, and may only add to
``audit_events`` and read it. A table's owner can always empty it (TRUNCATE), switch its
triggers off or drop them; a role that owns nothing cannot, whatever it sends.

On SQLite there are no roles: whoever can write the file can drop a trigger. The station
checks at start that its triggers are there (:func:`missing_audit_protection`) and refuses to
open a database whose audit trail is no longer protected.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine

# What each backend must have on audit_events, by trigger name.
SQLITE_AUDIT_TRIGGERS = {
    "audit_events_no_update": "BEFORE UPDATE ON audit_events",
    "audit_events_no_delete": "BEFORE DELETE ON audit_events",
}
POSTGRES_AUDIT_TRIGGERS = ("audit_events_no_change", "audit_events_no_truncate")


def _normalised(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().upper()


def missing_audit_protection(engine: Engine) -> list[str]:
    """The triggers that keep ``audit_events`` append-only and are missing (or switched off,
    or no longer refusing); empty when all are in place."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return _missing_on_sqlite(conn)
        return _missing_on_postgres(conn)


def _missing_on_sqlite(conn: Connection) -> list[str]:
    found = {
        str(name): _normalised(str(sql or ""))
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND tbl_name = 'audit_events'"
        )
    }
    missing = []
    for name, when in SQLITE_AUDIT_TRIGGERS.items():
        sql = found.get(name, "")
        if _normalised(when) not in sql or "RAISE(ABORT" not in sql.replace(" ", ""):
            missing.append(name)
    return missing


def _missing_on_postgres(conn: Connection) -> list[str]:
    enabled = {
        str(row[0])
        for row in conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass "
            "AND NOT tgisinternal AND tgenabled <> 'D'"
        )
    }
    return [name for name in POSTGRES_AUDIT_TRIGGERS if name not in enabled]


def owns_tables(engine: Engine) -> bool:
    """Whether the role the engine logs in as owns the tables (or is a superuser): then it
    could rewrite the audit trail, and the install should use a separate owner role."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return bool(
            conn.exec_driver_sql(
                "SELECT rolsuper OR pg_has_role(current_user, "
                "(SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events' "
                "AND schemaname = current_schema()), 'USAGE') "
                "FROM pg_roles WHERE rolname = current_user"
            ).scalar()
        )


def grant_station_role(conn: Connection, role: str) -> None:
    """Give ``role`` what a station needs and nothing more, in the current database: the
    day's tables to read and write, ``audit_events`` to read and add to, the schema version
    to read. Run by the owner after every upgrade (a new table gets its grant then)."""
    quote = conn.dialect.identifier_preparer.quote
    name = quote(role)
    database = quote(str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    for statement in (
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {name}",
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM {name}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
    ):
        conn.exec_driver_sql(statement)
