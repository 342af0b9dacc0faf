"""Several stations on one database at the same moment (ACCEPTANCE 30, 31, 32)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station.errors import AlreadyReceived, DatabaseUnavailable, HeldByOther, StaleRecord
from receiving_station.services.receiving import ScanOutcome
from tests.integration.test_races import together as race
from tests.world import World


@pytest.mark.parametrize("round_", range(5))
def test_two_stations_receiving_the_same_parcel_at_once_exactly_one_succeeds(
    world: World, round_: int
):
    rma = world.add_rma(f"RMA-2000{round_:02d}")
    assert rma.id is not None
    alice, bruno = world.actor("alice", "DOCK-1"), world.actor("bruno", "DOCK-2")
    results = race(
        lambda: world.dock1.receive(alice, [rma.id]),  # type: ignore[list-item]
        lambda: world.dock2.receive(bruno, [rma.id]),  # type: ignore[list-item]
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], AlreadyReceived), errors
    winner = "Alice Martin" if isinstance(results[1], Exception) else "Bruno Lefèvre"
    assert winner in str(errors[0])
    assert world.count("receipt_rmas") == 1
    assert world.count("receipts") == 1


@pytest.mark.parametrize("round_", range(5))
def test_two_stations_scanning_the_same_rma_at_once_exactly_one_holds_it(world: World, round_: int):
    world.add_rma(f"RMA-3000{round_:02d}")
    alice, bruno = world.actor("alice", "DOCK-1"), world.actor("bruno", "DOCK-2")
    results = race(
        lambda: world.dock1.handle_scan(alice, f"RMA-3000{round_:02d}"),
        lambda: world.dock2.handle_scan(bruno, f"RMA-3000{round_:02d}"),
    )
    assert all(isinstance(r, ScanOutcome) for r in results), results
    holders = [r for r in results if r.can_receive]
    told = [r for r in results if isinstance(r.notice, HeldByOther)]
    assert len(holders) == 1
    assert len(told) == 1
    assert world.count("claims") == 1


def test_two_connections_saving_the_same_exception_the_stale_one_is_refused(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "XJ-9")
    assert case.id is not None
    # Two stations read the case, then both save: the second save is stale.
    with world.uow_factory() as first, world.uow_factory(readonly=True) as peek:
        mine = first.exceptions.get(case.id)
        assert mine is not None
        theirs = peek.exceptions.get(case.id)
        assert theirs is not None
        mine.note = "checked shelf Q3"
        first.exceptions.save(mine)
        first.commit()
    with world.uow_factory() as second:
        theirs.note = "nothing found"
        with pytest.raises(StaleRecord):
            second.exceptions.save(theirs)
    with world.uow_factory(readonly=True) as uow:
        assert uow.exceptions.get(case.id).note == "checked shelf Q3"  # type: ignore[union-attr]


def test_the_audit_trail_is_append_only_in_the_database(world: World):
    world.dock1.login_badge("BDG-1001")
    with pytest.raises(DBAPIError), world.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET action = 'nothing'"))
    with pytest.raises(DBAPIError), world.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
    assert world.count("audit_events") == 1


def test_a_database_that_does_not_answer_is_reported_as_such():
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    with pytest.raises(DatabaseUnavailable) as caught, SqlUnitOfWorkFactory(engine)() as uow:
        uow.users.count()
    assert "cannot be reached" in str(caught.value)
    engine.dispose()


@pytest.mark.postgres
def test_a_station_says_so_when_postgres_goes_away_and_carries_on_when_it_is_back(pg_url: str):
    from tests import postgres

    engine = make_engine(pg_url)
    world = World(engine)
    world.dock1.ping()
    database = pg_url.rsplit("/", 1)[1]
    server = pg_url.rsplit("/", 1)[0].replace("postgresql+psycopg://", "postgresql://")
    postgres.admin(
        server + "/postgres",
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'",
    )
    # The pool's dead connections are replaced (pre-ping); the station carries on.
    world.dock1.ping()
    engine.dispose()
