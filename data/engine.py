"""Engines for the embedded SQLite database and for a shared PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from data.dbfile import FileGuard


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create the engine for ``url``; nothing connects until the first use.

    SQLite gets WAL (readers never wait for the writer), foreign keys, a busy timeout and
    ``BEGIN IMMEDIATE`` for writing transactions, so two writers queue instead of failing
    half-way; a database file deleted or replaced under the running station stops every new
    connection and every writing transaction (:mod:`data.dbfile`). PostgreSQL gets pre-ping
    so a connection dropped by the server is replaced.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        guard = None
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            guard = FileGuard(Path(parsed.database))
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 15}, **kwargs
        )
        _tune_sqlite(engine, guard)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, **kwargs)


def _tune_sqlite(engine: Engine, guard: FileGuard | None) -> None:
    @event.listens_for(engine, "do_connect")
    def _before_connect(*_args: Any) -> None:
        if guard is not None:
            guard.check()  # before SQLite would create a new empty file in its place

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.close()
        if guard is not None:
            guard.remember()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        readonly = conn.get_execution_options().get("rs_readonly", False)
        if guard is not None and not readonly:
            guard.check()  # nothing is written, nor reported saved, into a lost file
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
