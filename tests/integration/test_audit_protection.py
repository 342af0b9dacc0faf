"""The audit trail cannot be rewritten by the station: on PostgreSQL the station's role owns
nothing and may only add to audit_events; on SQLite the station refuses a file whose
protective triggers are gone."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from data.engine import make_engine
from receiving_station import cli
from receiving_station.bootstrap import bootstrap
from receiving_station.config import Config, load_config
from receiving_station.errors import AuditTrailUnprotected
from tests.world import FixedClock, World

REWRITES = {
    "truncate": "TRUNCATE audit_events",
    "truncate by cascade": "TRUNCATE users CASCADE",
    "delete": "DELETE FROM audit_events",
    "update": "UPDATE audit_events SET action = 'nothing happened'",
    "disable trigger": "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change",
    "disable all triggers": "ALTER TABLE audit_events DISABLE TRIGGER ALL",
    "drop trigger": "DROP TRIGGER audit_events_no_change ON audit_events",
    "drop truncate trigger": "DROP TRIGGER audit_events_no_truncate ON audit_events",
    "drop table": "DROP TABLE audit_events",
    "replace function": "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
    "take ownership": "ALTER TABLE audit_events OWNER TO CURRENT_USER",
}


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _audit_rows(url: str) -> int:
    with psycopg.connect(_libpq(url)) as conn:
        row = conn.execute("SELECT count(*) FROM audit_events").fetchone()
    assert row is not None
    return int(row[0])


@pytest.mark.postgres
@pytest.mark.parametrize("statement", REWRITES.values(), ids=list(REWRITES))
def test_the_station_role_cannot_rewrite_the_audit_trail(pg_url: str, statement: str):
    engine = make_engine(pg_url)
    world = World(engine)
    world.add_rma("RMA-100001")
    world.receive("RMA-100001")  # the station's normal work, as the station role
    before = _audit_rows(pg_url)
    assert before > 0

    with psycopg.connect(_libpq(pg_url)) as conn, pytest.raises(psycopg.Error) as caught:
        conn.execute(statement)  # type: ignore[arg-type]
    # refused for want of the right (42501), or by the trigger; never done
    assert caught.value.sqlstate in ("42501", "P0001"), caught.value

    assert _audit_rows(pg_url) == before
    world.add_rma("RMA-100002")
    world.receive("RMA-100002")
    assert _audit_rows(pg_url) > before  # and the station still does its work
    engine.dispose()


@pytest.mark.postgres
def test_even_the_owner_cannot_empty_the_audit_trail_in_one_statement(
    pg_url: str, pg_owner_url: str
):
    engine = make_engine(pg_url)
    world = World(engine)
    world.add_rma("RMA-100001")
    world.receive("RMA-100001")
    engine.dispose()
    before = _audit_rows(pg_url)

    with psycopg.connect(_libpq(pg_owner_url)) as conn, pytest.raises(psycopg.Error) as caught:
        conn.execute("TRUNCATE audit_events")
    assert "append-only" in str(caught.value)
    assert _audit_rows(pg_url) == before


@pytest.mark.postgres
def test_the_station_role_owns_no_table(pg_url: str):
    with psycopg.connect(_libpq(pg_url)) as conn:
        owned = conn.execute(
            "SELECT tablename FROM pg_tables WHERE tableowner = current_user"
        ).fetchall()
    assert owned == []


# -- SQLite: the station checks its triggers at start ------------------------------------


@pytest.fixture
def config(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    monkeypatch.setenv("RS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RS_STATION", "DOCK-1")
    monkeypatch.setenv("RS_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("RS_DATABASE_URL", sqlite_url)
    found = load_config(env=dict(os.environ), path=tmp_path / "none.toml")
    return dataclasses.replace(found, database_url=sqlite_url, sounds=False)


def _sqlite(config: Config, *statements: str) -> None:
    with sqlite3.connect(config.database_url.removeprefix("sqlite:///")) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.mark.parametrize(
    "statements",
    [
        ["DROP TRIGGER audit_events_no_delete"],
        ["DROP TRIGGER audit_events_no_update"],
        [  # same name, refusing nothing
            "DROP TRIGGER audit_events_no_delete",
            "CREATE TRIGGER audit_events_no_delete AFTER INSERT ON audit_events "
            "BEGIN SELECT 1; END",
        ],
    ],
    ids=["no delete trigger", "no update trigger", "a harmless stand-in"],
)
def test_a_file_whose_audit_triggers_are_gone_is_refused_at_start(
    config: Config, statements: list[str], capsys: pytest.CaptureFixture[str]
):
    app = bootstrap(config, clock=FixedClock())  # a station that ran on this file
    app.close()
    _sqlite(config, *statements)

    with pytest.raises(AuditTrailUnprotected) as caught:
        bootstrap(config, clock=FixedClock())
    words = str(caught.value)
    assert "audit trail" in words
    assert "does not open it" in words

    assert cli.main(["lookup", "RMA-100001"]) == 2
    err = capsys.readouterr().err
    assert "audit trail" in err
    assert "Traceback" not in err


def test_a_file_with_its_triggers_opens(config: Config):
    app = bootstrap(config, clock=FixedClock())
    app.close()
    app = bootstrap(config, clock=FixedClock())
    app.close()


@pytest.mark.postgres
def test_a_shared_database_whose_trigger_was_switched_off_is_refused_at_start(
    config: Config, pg_url: str, pg_owner_url: str
):
    with psycopg.connect(_libpq(pg_owner_url)) as conn:
        conn.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
    with pytest.raises(AuditTrailUnprotected) as caught:
        bootstrap(dataclasses.replace(config, database_url=pg_url), clock=FixedClock())
    assert "audit_events_no_change" in str(caught.value)
