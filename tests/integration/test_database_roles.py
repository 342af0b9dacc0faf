"""A shared database set up as the README says: ``db upgrade`` runs as the owner role and
grants the station's role its share; the station then works as that role."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from data.migrate import head_revision
from receiving_station import cli
from receiving_station.bootstrap import bootstrap
from receiving_station.config import Config, load_config
from tests import postgres
from tests.world import FixedClock

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_database(pg_server: str, pg_template: str) -> Iterator[str]:
    """A new empty database owned by the owner role (the roles exist: pg_template made
    them)."""
    name = f"rs_empty_{os.getpid()}"
    postgres.admin(pg_server, f"CREATE DATABASE {name} OWNER {postgres.OWNER}")
    yield name
    postgres.admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def station(
    pg_server: str, empty_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Config:
    url = postgres.role_url(pg_server, empty_database, postgres.STATION)
    monkeypatch.setenv("RS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RS_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("RS_STATION", "DOCK-1")
    monkeypatch.setenv("RS_DATABASE_URL", url)
    config = load_config(env=dict(os.environ), path=tmp_path / "none.toml")
    return dataclasses.replace(config, sounds=False)


def _owner(pg_server: str, database: str) -> str:
    return postgres.role_url(pg_server, database, postgres.OWNER)


def _truncate_as(url: str) -> None:
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq) as conn:
        conn.execute("TRUNCATE audit_events")


@pytest.mark.parametrize("how", ["--owner-url", "RS_DATABASE_OWNER_URL"])
def test_db_upgrade_as_the_owner_lets_the_station_work_as_its_own_role(
    station: Config,
    pg_server: str,
    empty_database: str,
    how: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    owner = _owner(pg_server, empty_database)
    if how == "--owner-url":
        argv = ["db", "upgrade", "--owner-url", owner]
    else:
        monkeypatch.setenv("RS_DATABASE_OWNER_URL", owner)
        argv = ["db", "upgrade"]
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    assert f"granted to {postgres.STATION}" in out
    assert f"schema revision: {head_revision()}" in out
    assert postgres.PASSWORDS[postgres.OWNER] not in out + err

    app = bootstrap(station, clock=FixedClock())  # the station starts, as its own role
    assert app.first_start
    app.close()
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _truncate_as(station.database_url)


def test_db_upgrade_as_the_station_role_says_to_use_the_owner(
    station: Config, capsys: pytest.CaptureFixture[str]
):
    assert cli.main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert f"does not let {postgres.STATION} change its schema" in err
    assert "--owner-url" in err
    assert "Traceback" not in err


def test_a_station_that_owns_the_tables_is_warned_in_its_log(
    station: Config,
    pg_server: str,
    empty_database: str,
    caplog: pytest.LogCaptureFixture,
):
    owner = _owner(pg_server, empty_database)
    assert cli.main(["db", "upgrade", "--owner-url", owner]) == 0
    as_owner = dataclasses.replace(station, database_url=owner)
    app = bootstrap(as_owner, clock=FixedClock())
    app.close()
    assert "which owns the tables: it could rewrite the audit trail" in caplog.text
    assert postgres.PASSWORDS[postgres.OWNER] not in caplog.text
