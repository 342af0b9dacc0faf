"""A warehouse's PostgreSQL with a hot standby: the primary dies, the standby is promoted,
and the station goes on within seconds with nothing it acknowledged lost.

A real primary and a real standby streaming from it synchronously (started from the
installed server binaries); the station is given both hosts in one URL with
``target_session_attrs=read-write``, as README "A station fleet on a primary and a standby"
says. The failover time printed is from the kill to the station's first successful save.
"""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from sqlalchemy.engine import make_url

from data.engine import POSTGRES_DEFAULTS, make_engine
from data.migrate import upgrade
from data.notify import change_feed_opener
from receiving_station.domain.model import InspectionStatus
from receiving_station.errors import DatabaseUnavailable
from tests import postgres
from tests.integration.test_inspecting_units import default, finish, scan_unit
from tests.world import World

pytestmark = pytest.mark.postgres
PROMOTE_AFTER_S = 1.0


def promote(standby: postgres.Cluster) -> float:
    """Promote; when it was asked (pg_ctl itself notices the end of the promotion late)."""
    asked = time.monotonic()
    standby.promote()
    return asked


def test_the_station_goes_on_on_the_promoted_standby_with_nothing_acknowledged_lost():
    try:
        pair = postgres.primary_and_standby()
        primary, standby = pair.__enter__()
    except Exception as exc:  # the environment, not the code under test
        if os.environ.get("CI") == "true":
            pytest.fail(f"a primary and a standby are required in CI and did not start: {exc}")
        pytest.skip(f"no PostgreSQL server binaries to build a primary and a standby: {exc}")
    try:
        postgres.create_roles(primary.url)  # as production: an owner and a station role
        postgres.admin(primary.url, f"CREATE DATABASE returns OWNER {postgres.OWNER}")
        hosts = (
            f"?host=127.0.0.1:{primary.port}&host=127.0.0.1:{standby.port}"
            "&target_session_attrs=read-write"
        )

        def as_role(role: str) -> str:
            return f"postgresql+psycopg://{role}:{postgres.PASSWORDS[role]}@/returns{hosts}"

        owner = make_engine(as_role(postgres.OWNER))
        upgrade(owner, station_role=postgres.STATION)
        owner.dispose()
        engine = make_engine(as_role(postgres.STATION))
        world = World(engine)
        alice = world.actor("alice")

        announced = threading.Semaphore(0)
        open_feed = change_feed_opener(engine)
        assert open_feed is not None
        feed = open_feed(announced.release)
        feed.start()
        assert feed.listening.wait(10)  # type: ignore[attr-defined]
        world.dock1.register_unidentified(alice, "BEFORE-1")
        assert announced.acquire(timeout=5), "no announcement from the primary"

        # Acknowledged work: parcels received, a unit inspected step by step to the end.
        receipts = []
        for n in range(4):
            world.add_rma(f"RMA-80000{n}", order_ref=f"80000{n}")
            receipts.append(world.receive(f"RMA-80000{n}"))
        done = finish(world, scan_unit(world, receipts[0], "4006381333931"))
        half = scan_unit(world, receipts[1], "4006381333931")  # a unit left half-way:
        for _ in range(2):  # two steps answered, each saved when the inspector moved on
            assert half.step is not None
            half = world.dock1.inspection_step(
                world.actor("bruno"),
                half.inspection.id,  # type: ignore[arg-type]
                half.inspection.version,
                "answer",
                default(half.step),
            )
        assert done.inspection.lpn

        killed = time.monotonic()
        primary.kill()
        # Whoever watches the pair (an admin, a failover manager) promotes the standby a
        # moment later; meanwhile the station keeps trying, as its people would.
        promoted: list[float] = []
        promoter = threading.Timer(PROMOTE_AFTER_S, lambda: promoted.append(promote(standby)))
        promoter.start()
        refusals: list[Exception] = []
        saved = None
        while saved is None and time.monotonic() - killed < 30:
            try:
                saved = world.dock1.register_unidentified(alice, "AFTER-1")
            except DatabaseUnavailable as exc:  # said to the user; nothing half-saved
                refusals.append(exc)
                time.sleep(0.1)
        took = time.monotonic() - killed
        promoter.join()
        print(
            f"\nfailover: promotion asked {promoted[0] - killed:.2f} s after the kill, first "
            f"save {took:.2f} s after it ({took - promoted[0] + killed:.2f} s after the "
            f"promotion was asked), {len(refusals)} refusal(s) meanwhile"
        )
        assert saved is not None, refusals[-1:]
        assert refusals  # the gap was real: writes were refused until the promotion
        assert took - (promoted[0] - killed) < 5

        # Everything acknowledged before the kill is there, on the new primary.
        assert world.count("receipt_rmas") == 4
        assert world.count("exceptions") == 2
        assert half.inspection.id is not None
        with world.uow_factory(readonly=True) as uow:
            inspected = uow.inspections.by_lpn(done.inspection.lpn)
            again = uow.inspections.get(half.inspection.id)
        assert inspected is not None
        assert inspected.status is InspectionStatus.COMPLETED
        assert again is not None
        assert (again.version, again.progress) == (
            half.inspection.version,
            half.inspection.progress,
        )
        # The work goes on where it stopped.
        finish(world, scan_unit(world, receipts[2], "4006381333931"))

        # The change feed found the new primary, listens there, and keeps announcing.
        assert feed.listening.wait(15)  # type: ignore[attr-defined]
        while announced.acquire(timeout=0.5):  # the "back after a loss" one, and AFTER-1's
            pass
        world.dock1.register_unidentified(alice, "AFTER-2")
        assert announced.acquire(timeout=5), "no announcement from the promoted standby"
        feed.stop()
        engine.dispose()
    finally:
        pair.__exit__(None, None, None)


def test_a_first_host_that_never_answers_is_passed_over_within_the_connect_timeout(
    pg_url: str,
):
    """A primary that died without a word (a powered-off machine, a cut cable) accepts
    nothing and refuses nothing: libpq waits on it only ``connect_timeout``."""
    real = make_url(pg_url)
    silent = socket.create_server(("127.0.0.1", 0), backlog=1)  # never accepts, never speaks
    url = (
        f"postgresql+psycopg://{real.username}:{real.password}@/{real.database}"
        f"?host=127.0.0.1:{silent.getsockname()[1]}&host=127.0.0.1:{real.port}"
        "&target_session_attrs=read-write"
    )
    engine = make_engine(url)
    try:
        started = time.monotonic()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT pg_is_in_recovery()").scalar_one() is False
        took = time.monotonic() - started
    finally:
        engine.dispose()
        silent.close()
    timeout = float(POSTGRES_DEFAULTS["connect_timeout"])
    assert timeout - 1 < took < timeout + 3
