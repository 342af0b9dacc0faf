"""Shared fixtures: real SQLite and real PostgreSQL databases at the newest schema."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from data.engine import make_engine
from data.migrate import upgrade
from tests import postgres
from tests.faketime import tolerate_libfaketime

tolerate_libfaketime()

_counter = itertools.count()


@pytest.fixture(scope="session", autouse=True)
def _own_data_and_config_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A station started by a test without a data folder of its own (a command-line test
    given only ``--database``) writes its logs and its record of known databases under
    the XDG folders: the session's own, never the user's."""
    home = tmp_path_factory.mktemp("xdg")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    os.environ["XDG_DATA_HOME"], os.environ["XDG_CONFIG_HOME"] = (
        str(home / "data"),
        str(home / "config"),
    )
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As the station does (``ui.crash.GuiThreadCollector``): a reference cycle holding a Qt
    wrapper, collected on a worker thread, crashes the process; here collection happens
    between tests, on the main thread, with Python's own thresholds."""
    thresholds = gc.get_threshold()
    gc.disable()
    yield
    gc.enable()
    gc.set_threshold(*thresholds)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if not gc.isenabled():
        counts, limits = gc.get_count(), gc.get_threshold()
        due = [n for n in range(3) if counts[n] > limits[n]]
        if due:
            gc.collect(due[-1])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    try:
        with postgres.postgres_server() as url:
            yield url
    except Exception as exc:  # the environment, not the code under test
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI and could not be started: {exc}")
        pytest.skip(f"PostgreSQL is not available here: {exc}")


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """A database at the newest schema, migrated as production does: by the owner role,
    which then grants the station role its share (tests/postgres.py, the README)."""
    name = f"rs_template_{os.getpid()}"
    postgres.create_roles(pg_server)
    postgres.admin(
        pg_server,
        f"DROP DATABASE IF EXISTS {name}",
        f"CREATE DATABASE {name} OWNER {postgres.OWNER}",
    )
    engine = make_engine(postgres.role_url(pg_server, name, postgres.OWNER))
    upgrade(engine, station_role=postgres.STATION)
    engine.dispose()
    yield name
    postgres.admin(pg_server, f"DROP DATABASE IF EXISTS {name}")


@pytest.fixture
def pg_database(pg_server: str, pg_template: str) -> Iterator[str]:
    """A fresh database at the newest schema, owned by the owner role; its name."""
    name = f"rs_test_{os.getpid()}_{next(_counter)}"
    postgres.admin(
        pg_server, f"CREATE DATABASE {name} TEMPLATE {pg_template} OWNER {postgres.OWNER}"
    )
    yield name
    postgres.admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server: str, pg_database: str) -> str:
    """The URL a station uses: the station role, which owns nothing."""
    return postgres.role_url(pg_server, pg_database, postgres.STATION)


@pytest.fixture
def pg_owner_url(pg_server: str, pg_database: str) -> str:
    """The same database as the owner role (the one that runs ``db upgrade``)."""
    return postgres.role_url(pg_server, pg_database, postgres.OWNER)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection to close folds the WAL back into the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "station.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on the embedded SQLite database and on a shared PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
