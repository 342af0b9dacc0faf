"""Engines for the embedded SQLite database and for a shared PostgreSQL server."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from data.dbfile import FileGuard


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create the engine for ``url``; nothing connects until the first use.

    SQLite gets WAL (readers never wait for the writer), foreign keys, a busy timeout and
    ``BEGIN IMMEDIATE`` for writing transactions, so two writers queue instead of failing
    half-way; a database file deleted or replaced under the running station stops every new
    connection and every writing transaction (:mod:`data.dbfile`). PostgreSQL gets pre-ping
    so a connection dropped by the server is replaced, and :func:`postgres_url`'s connect
    timeout and keepalives (a failover in seconds).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        guard = None
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.exists():
                folder.parent.mkdir(parents=True, exist_ok=True)
                folder.mkdir(mode=0o700, exist_ok=True)  # the station's user's alone
            guard = FileGuard(Path(parsed.database))
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 15}, **kwargs
        )
        _tune_sqlite(engine, guard)
        return engine
    return create_engine(
        postgres_url(url), pool_pre_ping=True, pool_size=5, max_overflow=5, **kwargs
    )


POSTGRES_DEFAULTS = {
    "connect_timeout": "5",
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "3",
}
"""libpq settings a station's URL gets unless it names them: a host that does not answer is
given up after 5 s (libpq then tries the next host of a multi-host URL), and a connection
whose server vanished without a word is noticed within about 25 s."""


def postgres_url(url: str | URL) -> URL:
    """``url`` with :data:`POSTGRES_DEFAULTS` for what it leaves out.

    Several hosts, the primary and its standbys, are given as repeated ``host`` parameters
    (``postgresql+psycopg://USER@/DB?host=A:5432&host=B:5432&target_session_attrs=read-write``);
    libpq tries them in turn and keeps the one that accepts writes."""
    parsed = make_url(url)
    missing = {k: v for k, v in POSTGRES_DEFAULTS.items() if k not in parsed.query}
    return parsed.update_query_dict(missing)


def libpq_conninfo(engine: Engine) -> str:
    """The connection string psycopg gets for ``engine``, all hosts included, for a
    connection of one's own (LISTEN)."""
    from psycopg import conninfo

    args, params = engine.dialect.create_connect_args(engine.url)
    params.pop("context", None)
    return conninfo.make_conninfo(*args, **params)


def _create_private(path: Path) -> None:
    """A new database file is made 0600 before SQLite opens it (SQLite gives its -wal and
    -shm the database file's mode), so it is never readable by others, even for a moment."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


UNREADABLE_MESSAGE = "database disk image is malformed (SQLite's message was not readable text)"
"""SQLite names what it found broken (a table of the schema) in its message; in a damaged file
that name is bytes that are not text, and Python fails to read the message itself."""


def _tune_sqlite(engine: Engine, guard: FileGuard | None) -> None:
    @event.listens_for(engine, "do_connect")
    def _before_connect(*_args: Any) -> None:
        if guard is not None:
            guard.check()  # before SQLite would create a new empty file in its place
            _create_private(guard.path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=15000")
        except UnicodeDecodeError:
            raise sqlite3.DatabaseError(UNREADABLE_MESSAGE) from None
        finally:
            cur.close()
        if guard is not None:
            guard.remember()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> Any:
        if isinstance(context.original_exception, UnicodeDecodeError):
            return sa_exc.DatabaseError(
                context.statement, context.parameters, sqlite3.DatabaseError(UNREADABLE_MESSAGE)
            )
        return None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        readonly = conn.get_execution_options().get("rs_readonly", False)
        if guard is not None and not readonly:
            guard.check()  # nothing is written, nor reported saved, into a lost file
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
