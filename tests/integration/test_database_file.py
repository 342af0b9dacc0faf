"""The embedded database file deleted, replaced, damaged, full, read-only or locked under a
station: each is refused with its own words, and nothing is reported saved that was not."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from data.demo import seed_demo
from data.engine import make_engine
from receiving_station.errors import (
    DatabaseDamaged,
    DatabaseDiskFull,
    DatabaseFileMissing,
    DatabaseFileReplaced,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseUnavailable,
)
from tests.world import TODAY, World


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _receipts(path: Path, conn: sqlite3.Connection | None = None) -> int:
    """Receipts in the file (or, once it is unlinked, through a connection kept on it)."""
    own = conn is None
    conn = conn or sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
    finally:
        if own:
            conn.close()


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    engine = make_engine(sqlite_url)
    world = World(engine)
    for n in range(4):
        world.add_rma(f"RMA-10000{n}", order_ref=f"700000{n}")
    yield world
    engine.dispose()


def _rma_ids(world: World) -> list[int]:
    with world.uow_factory(readonly=True) as uow:
        found = [uow.rmas.by_number(f"RMA-10000{n}") for n in range(4)]
    return [r.id for r in found if r is not None and r.id is not None]


def _receive_each(world: World, ids: list[int]) -> list[BaseException]:
    """Receive each RMA as a receiver would, one parcel each; the refusals."""
    refused: list[BaseException] = []
    for rma_id in ids:
        try:
            world.dock1.receive(world.actor("alice"), [rma_id])
        except DatabaseUnavailable as exc:
            refused.append(exc)
    return refused


def test_a_database_file_deleted_under_the_station_refuses_every_write(
    world: World, sqlite_url: str
):
    path = _file(sqlite_url)
    ids = _rma_ids(world)
    world.dock1.receive(world.actor("alice"), [ids[0]])
    kept = sqlite3.connect(path)  # still sees the unlinked file, as the station's pool does
    assert _receipts(path, kept) == 1
    os.remove(path)

    refused = _receive_each(world, ids[1:])

    assert len(refused) == 3
    assert all(isinstance(e, DatabaseFileMissing) for e in refused)
    words = str(refused[0])
    assert f"The database file {path} was deleted while the station was running" in words
    assert "Nothing was saved" in words
    assert "backup" in words
    assert "network" not in words
    assert _receipts(path, kept) == 1  # the three were not written into the lost file
    assert not path.exists()  # and no new empty file was made in its place
    kept.close()


def test_a_database_file_replaced_by_another_refuses_every_write(
    world: World, sqlite_url: str, sqlite_template: Path, tmp_path: Path
):
    path = _file(sqlite_url)
    ids = _rma_ids(world)
    kept = sqlite3.connect(path)
    assert _receipts(path, kept) == 0
    other = tmp_path / "other.sqlite3"
    shutil.copy(sqlite_template, other)
    os.replace(other, path)

    refused = _receive_each(world, ids)

    assert len(refused) == 4
    assert all(isinstance(e, DatabaseFileReplaced) for e in refused)
    assert "was replaced by another file while the station was running" in str(refused[0])
    assert _receipts(path) == 0
    assert _receipts(path, kept) == 0
    world.engine.dispose()  # even a fresh connection does not read the other file
    with pytest.raises(DatabaseFileReplaced):
        world.dock1.lookup(world.actor("bruno"), "RMA-100001")
    kept.close()


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(12 * 1024))


def test_a_damaged_file_is_refused_with_its_own_words_on_a_write(world: World, sqlite_url: str):
    seed_demo(world.engine, 300, TODAY)
    ids = _rma_ids(world)
    world.engine.dispose()
    path = _file(sqlite_url)
    _damage(path)

    refused = _receive_each(world, ids)

    assert refused
    assert all(isinstance(e, DatabaseDamaged) for e in refused)
    words = str(refused[0])
    assert f"The database {path} is damaged" in words
    assert "restore the file" in words
    assert "network" not in words


def _limit_pages(engine: Engine, spare: int) -> None:
    """A full disk, for real: SQLite answers SQLITE_FULL past ``max_page_count``."""
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _full(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + spare}")


def _fill(world: World) -> tuple[int, DatabaseUnavailable | None]:
    """Add RMAs until the database refuses one: how many were added, and the refusal."""
    for n in range(2000):
        try:
            world.add_rma(f"RMA-2{n:05d}", order_ref=f"8{n:06d}")
        except DatabaseUnavailable as exc:
            return n, exc
    return 2000, None


def test_a_full_disk_is_said_and_what_did_not_fit_is_not_saved(world: World):
    _limit_pages(world.engine, 4)
    added, refusal = _fill(world)
    assert isinstance(refusal, DatabaseDiskFull)
    words = str(refusal)
    assert "The disk that holds the database is full" in words
    assert "Free some space" in words
    assert "network" not in words
    assert world.count("rmas") == 4 + added


@pytest.fixture
def read_only(sqlite_url: str) -> Iterator[Path]:
    path = _file(sqlite_url)
    path.chmod(0o444)
    immutable = os.geteuid() == 0  # root writes through file modes; not through +i
    if immutable:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    yield path
    if immutable:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    path.chmod(0o644)


def test_a_read_only_file_says_so_and_saves_nothing(world: World, read_only: Path):
    world.engine.dispose()
    ids = _rma_ids(world)
    refused = _receive_each(world, ids)
    assert len(refused) == 4
    assert all(isinstance(e, DatabaseReadOnly) for e in refused)
    words = str(refused[0])
    assert "is read-only for this station" in words
    assert "network" not in words
    assert _receipts(read_only) == 0


def test_a_database_locked_too_long_says_so(world: World, sqlite_url: str):
    world.engine.dispose()

    @event.listens_for(world.engine, "connect")
    def _impatient(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=200")

    ids = _rma_ids(world)
    other = sqlite3.connect(_file(sqlite_url), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        refused = _receive_each(world, ids[:1])
    finally:
        other.rollback()
        other.close()
    assert len(refused) == 1
    assert isinstance(refused[0], DatabaseLocked)
    assert "stayed locked by another program for too long" in str(refused[0])
    assert _receipts(_file(sqlite_url)) == 0


def _damage_schema_name(path: Path) -> None:
    """A damaged schema whose table name is bytes that are not text: SQLite's message names
    it, and reading that message fails (as random damage did now and then)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t_abcd(a)")
    con.commit()
    con.close()
    data = path.read_bytes().replace(b"t_abcd", b"t_\x9c\x9ccd").replace(b"(a)", b"(a!")
    path.write_bytes(data)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)


def test_a_damaged_file_whose_message_is_not_text_is_refused_as_damaged(
    world: World, sqlite_url: str
):
    seed_demo(world.engine, 5, TODAY)
    rma_id = _rma_ids(world)[0]
    world.engine.dispose()
    _damage_schema_name(_file(sqlite_url))
    (refused,) = _receive_each(world, [rma_id])
    assert isinstance(refused, DatabaseDamaged), refused
