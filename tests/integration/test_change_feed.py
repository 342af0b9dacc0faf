"""PostgreSQL tells every listening station at once when an exception is opened or decided
elsewhere (LISTEN/NOTIFY on its own connection); a lost listener comes back by itself.
SQLite has no feed: the leads' page polls."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator

import pytest

from data.engine import make_engine
from data.notify import PgChangeFeed, change_feed_opener
from tests import postgres
from tests.world import World


@pytest.fixture
def pg_world(pg_url: str) -> Iterator[World]:
    engine = make_engine(pg_url)
    yield World(engine)
    engine.dispose()


def listening(world: World) -> tuple[PgChangeFeed, queue.Queue[float]]:
    told: queue.Queue[float] = queue.Queue()
    opener = change_feed_opener(world.engine)
    assert opener is not None
    feed = opener(lambda: told.put(time.monotonic()))
    assert isinstance(feed, PgChangeFeed)
    feed.start()
    assert feed.listening.wait(5)
    return feed, told


@pytest.mark.postgres
def test_an_exception_opened_and_decided_at_other_stations_is_announced_at_once(pg_world: World):
    feed, told = listening(pg_world)
    try:
        opened = time.monotonic()
        case = pg_world.dock2.register_unidentified(
            pg_world.actor("alice", "DOCK-2"), "NO-LABEL-1", note="no paperwork"
        )
        assert told.get(timeout=5) - opened < 2
        assert case.id is not None
        decided = time.monotonic()
        pg_world.dock1.decide_exception(
            pg_world.actor("chloe"), case.id, case.version, "resolve", note="sent to lost and found"
        )
        assert told.get(timeout=5) - decided < 2
    finally:
        feed.stop()


@pytest.mark.postgres
def test_nothing_is_announced_when_nothing_changed(pg_world: World):
    feed, told = listening(pg_world)
    try:
        pg_world.add_rma("RMA-810001")  # not an exception
        pg_world.receive("RMA-810001")
        with pytest.raises(queue.Empty):
            told.get(timeout=1.5)
    finally:
        feed.stop()


@pytest.mark.postgres
def test_a_listener_cut_off_comes_back_and_says_so(pg_world: World, pg_url: str):
    feed, told = listening(pg_world)
    try:
        database = pg_url.rsplit("/", 1)[1]
        server = pg_url.rsplit("/", 1)[0].replace("postgresql+psycopg://", "postgresql://")
        postgres.admin(
            server + "/postgres",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND query LIKE 'LISTEN%'",
        )
        told.get(timeout=15)  # back: read again, something may have changed meanwhile
        assert feed.listening.is_set()
        case = pg_world.dock2.register_unidentified(pg_world.actor("alice", "DOCK-2"), "NO-LABEL-2")
        assert case.id is not None
        told.get(timeout=5)
    finally:
        feed.stop()


def test_sqlite_has_no_feed_and_the_page_polls(sqlite_url: str):
    engine = make_engine(sqlite_url)
    assert change_feed_opener(engine) is None
    engine.dispose()


@pytest.mark.postgres
def test_a_stopped_feed_returns_at_once_and_never_calls_back(pg_world: World):
    feed, told = listening(pg_world)
    started = time.monotonic()
    feed.stop()  # from the GUI thread: it must not wait for the listener
    assert time.monotonic() - started < 0.1
    pg_world.dock2.register_unidentified(pg_world.actor("alice", "DOCK-2"), "NO-LABEL-3")
    with pytest.raises(queue.Empty):
        told.get(timeout=1.5)
    feed.start()  # shown again: a new listener, told again
    assert feed.listening.wait(5)
    pg_world.dock2.register_unidentified(pg_world.actor("alice", "DOCK-2"), "NO-LABEL-4")
    told.get(timeout=5)
    feed.stop()
