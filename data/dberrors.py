"""What a database failure really was: disk full, damaged, read-only, locked, login refused,
or a server that cannot be reached. One typed error each, all of them DatabaseUnavailable.

SQLite says it with its result code (``sqlite_errorcode``, Python 3.11), PostgreSQL with its
SQLSTATE; a connection that never opened has no SQLSTATE, so its message is read instead.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from receiving_station.errors import (
    DatabaseDamaged,
    DatabaseDiskFull,
    DatabaseFileError,
    DatabaseLocked,
    DatabaseLoginRefused,
    DatabaseReadOnly,
    DatabaseUnavailable,
)

# SQLite primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

# A connection refused by the server has no SQLSTATE in psycopg: its FATAL line tells.
_LOGIN_REFUSED = re.compile(
    r'authentication failed|pg_hba\.conf|role "[^"]*" does not exist', re.IGNORECASE
)


def where(url: str | URL) -> str:
    """The database in the words of a message: the SQLite file, or PostgreSQL host/name."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or ":memory:")
    return f"{parsed.host or 'localhost'}/{parsed.database}"


def _detail(orig: BaseException | None, fallback: str) -> str:
    text = str(orig).strip() if orig is not None else ""
    if "FATAL:" in text:  # what the server said, not where libpq was connecting to
        text = text[text.index("FATAL:") + len("FATAL:") :].strip()
    return text.splitlines()[0][:160] if text else fallback


def _sqlite(orig: sqlite3.Error, place: str, detail: str) -> DatabaseUnavailable | None:
    code = getattr(orig, "sqlite_errorcode", None)
    message = str(orig).lower()
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL or "disk is full" in message:
        return DatabaseDiskFull(where=place, detail=detail)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in message:
        return DatabaseDamaged(where=place, detail=detail)
    if "file is not a database" in message:
        return DatabaseDamaged(where=place, detail=detail)
    if primary == SQLITE_READONLY or "readonly" in message:
        return DatabaseReadOnly(where=place, detail=detail)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in message:
        return DatabaseLocked(where=place, detail=detail)
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN) or isinstance(orig, sqlite3.OperationalError):
        return DatabaseFileError(where=place, detail=detail)
    return None


def _postgres(orig: Any, place: str, detail: str, operational: bool) -> DatabaseUnavailable | None:
    state = getattr(orig, "sqlstate", None) or ""
    message = str(orig).lower()
    if state.startswith("53"):  # 53100 disk_full, 53200 out of memory, 53300 too many
        if state == "53100":
            return DatabaseDiskFull(where=place, detail=detail)
        return DatabaseUnavailable(detail=detail)
    if state in ("XX001", "XX002"):  # data_corrupted, index_corrupted
        return DatabaseDamaged(where=place, detail=detail)
    if state.startswith("28") or _LOGIN_REFUSED.search(message):
        return DatabaseLoginRefused(where=place, detail=detail)
    if state == "25006":  # read_only_sql_transaction: a standby, or a read-only server
        return DatabaseReadOnly(where=place, detail=detail)
    if state in ("55P03", "40P01"):  # lock_not_available, deadlock_detected
        return DatabaseLocked(where=place, detail=detail)
    if operational or state.startswith(("08", "57P")):
        return DatabaseUnavailable(detail=detail)
    return None


def database_error(exc: DBAPIError, url: str | URL) -> DatabaseUnavailable | None:
    """The typed error for a failure of the environment, or None for a failure that is the
    program's own (a constraint, bad SQL): that one stays a bug."""
    orig = exc.orig
    detail = _detail(orig, type(exc).__name__)
    place = where(url)
    if isinstance(orig, sqlite3.Error):
        found = _sqlite(orig, place, detail)
    else:
        found = _postgres(orig, place, detail, isinstance(exc, OperationalError))
    if found is None and exc.connection_invalidated:
        return DatabaseUnavailable(detail=detail)
    return found


def database_failure(exc: DBAPIError, url: str | URL) -> DatabaseUnavailable:
    """Like :func:`database_error`, for a failure already known to be the environment's
    (opening a connection, beginning): what is not recognised is still named after the file
    for SQLite, and after the unreachable server for PostgreSQL."""
    found = database_error(exc, url)
    if found is not None:
        return found
    detail = _detail(exc.orig, type(exc).__name__)
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return DatabaseFileError(where=where(parsed), detail=detail)
    return DatabaseUnavailable(detail=detail)
