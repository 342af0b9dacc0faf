"""The embedded database file keeps being the file the station opened.

SQLite keeps writing into a file that was deleted (or renamed away) under it, and a file
moved onto its path is another database: both lose parcels silently. So the file's identity
(device, inode) is taken when the engine first opens it, and checked, with one ``os.stat``,
before every connection and every writing transaction.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy import Engine

from data.dberrors import where
from data.settings import get_setting, set_setting
from receiving_station.errors import (
    DatabaseDamagedAtStart,
    DatabaseFileMissing,
    DatabaseFileReplaced,
)


class FileGuard:
    """Remembers which file ``path`` was; :meth:`check` refuses when it is gone or another."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity: tuple[int, int] | None = None

    def remember(self) -> None:
        """Take the identity of the file just opened (only the first time)."""
        if self.identity is None:
            st = os.stat(self.path)
            self.identity = (st.st_dev, st.st_ino)

    def check(self) -> None:
        if self.identity is None:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise DatabaseFileMissing(where=str(self.path)) from None
        if (st.st_dev, st.st_ino) != self.identity:
            raise DatabaseFileReplaced(where=str(self.path))


def check_integrity(engine: Engine) -> None:
    """``PRAGMA quick_check`` on the embedded file: a damaged one is refused at start, with
    its own words, instead of failing later on some write. It reads every page but skips
    the index cross-checks of ``integrity_check``: about 3 ms per MB (7 ms for 2,000 demo
    RMAs, 1.1 MB; 25 ms for 20,000, 8.6 MB), so it runs at every start."""
    if engine.url.get_backend_name() != "sqlite":
        return
    with engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise DatabaseDamagedAtStart(where=where(engine.url), detail=first_problem(rows))


def first_problem(rows: list[str]) -> str:
    """The first thing ``quick_check`` found, whole, and how many more: what IT needs to
    hear, not a listing cut off in the middle of a word."""
    found = [
        line.strip()
        for row in rows
        for line in row.splitlines()
        if line.strip() and not line.startswith("***")
    ]
    if not found:
        return "quick_check"
    more = f" (+{len(found) - 1})" if len(found) > 1 else ""
    return found[0][:120] + more


def database_id(engine: Engine) -> str:
    """The id this database carries in its settings, given to it the first time."""
    with engine.begin() as conn:
        found = get_setting(conn, "database_id")
        if found is None:
            found = uuid.uuid4().hex
            set_setting(conn, "database_id", found)
    return found


def holds_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM users)").scalar())
