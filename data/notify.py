"""PostgreSQL LISTEN/NOTIFY: the exceptions table announces every new or changed case on a
channel (migration 0008); a station listening on its own connection is told at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from receiving_station.ports import ChangeFeed, ChangeFeedOpener

CHANNEL = "rs_exceptions"
RETRY_S = 5.0
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
        first = True
        while not stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if not first:
                        self._tell(stop)  # back after a loss: whatever happened meanwhile
                    first = False
                    while not stop.is_set():
                        # Everything announced within half a second is one change to read.
                        if sum(1 for _ in conn.notifies(timeout=0.5)):
                            self._tell(stop)
            except psycopg.Error as error:
                self.listening.clear()
                log.warning("exception feed lost (%s); polling until it is back", error)
                stop.wait(RETRY_S)


def change_feed_opener(engine: Engine) -> ChangeFeedOpener | None:
    """LISTEN/NOTIFY on PostgreSQL; None on SQLite (the pages poll)."""
    if engine.dialect.name != "postgresql":
        return None
    url = engine.url.set(drivername="postgresql")
    conninfo = url.render_as_string(hide_password=False)

    def open_feed(changed: Callable[[], None]) -> ChangeFeed:
        return PgChangeFeed(conninfo, changed)

    return open_feed
