"""Bring a database to the newest schema with Alembic, from Python (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from data.roles import grant_station_role

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head", *, station_role: str | None = None) -> None:
    """Migrate ``engine``'s database (as the role it logs in as: on PostgreSQL, the owner);
    then, on PostgreSQL, grant ``station_role`` what a station needs (:mod:`data.roles`), in
    the same transaction."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if station_role and conn.dialect.name == "postgresql":
            grant_station_role(conn, station_role)
