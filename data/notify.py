"""PostgreSQL LISTEN/NOTIFY: the exceptions table announces every new or changed case on a
channel (migration 0008); a station listening on its own connection is told at once.

The listening connection uses the station's own connection settings, every host of a
multi-host URL included: when it is lost (the primary died, a standby was promoted) it is
opened again, to whichever host accepts writes now, listens again, and tells the station
once, since whatever was announced meanwhile was missed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from data.engine import libpq_conninfo
from receiving_station.ports import ChangeFeed, ChangeFeedOpener

CHANNEL = "rs_exceptions"
RETRY_S = (0.5, 1.0, 2.0, 5.0)
"""Waits between attempts to get the listening connection back; the last one repeats."""
log = logging.getLogger("receiving_station.notify")


class PgChangeFeed:
    def __init__(self, conninfo: str, changed: Callable[[], None]) -> None:
        self.conninfo = conninfo
        self.changed = changed
        self.listening = threading.Event()
        """Set while the LISTEN connection is up."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop = stop = threading.Event()  # a thread still closing keeps its own, set
        self._thread = threading.Thread(
            target=self._run, args=(stop,), name="exception-feed", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Returns at once (it is called from the GUI thread); the listener closes its
        connection within half a second and never calls back after this."""
        self._stop.set()
        self.listening.clear()
        self._thread = None

    def _tell(self, stop: threading.Event) -> None:
        if not stop.is_set():
            self.changed()

    def _run(self, stop: threading.Event) -> None:
        first, failures = True, 0
        while not stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    failures = 0
                    if not first:
                        self._tell(stop)  # back after a loss: whatever happened meanwhile
                    first = False
                    while not stop.is_set():
                        # Everything announced within half a second is one change to read.
                        if sum(1 for _ in conn.notifies(timeout=0.5)):
                            self._tell(stop)
            except psycopg.Error as error:
                self.listening.clear()
                if failures == 0:
                    log.warning("exception feed lost (%s); polling until it is back", error)
                stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1


def change_feed_opener(engine: Engine) -> ChangeFeedOpener | None:
    """LISTEN/NOTIFY on PostgreSQL; None on SQLite (the pages poll)."""
    if engine.dialect.name != "postgresql":
        return None
    conninfo = libpq_conninfo(engine)  # connect_timeout and keepalives included

    def open_feed(changed: Callable[[], None]) -> ChangeFeed:
        return PgChangeFeed(conninfo, changed)

    return open_feed
