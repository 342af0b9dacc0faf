"""Two contenders on one label at the same moment, each on its own connection, released by a
barrier: only one sends it; only one settles a label in doubt (never printed and reprinted
both). 20 rounds, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station.domain.model import PrintJob, PrintStatus
from receiving_station.errors import LabelNotInDoubt
from receiving_station.services import labels
from tests.integration.test_many_stations import race
from tests.integration.test_printer_trouble import queue_zpl, stored
from tests.world import World

ROUNDS = 20


@pytest.fixture
def engines(db_url: str) -> Iterator[tuple[Engine, Engine]]:
    pair = (make_engine(db_url), make_engine(db_url))
    yield pair
    for engine in pair:
        engine.dispose()


def claim(engine: Engine, job: PrintJob, world: World) -> bool:
    with SqlUnitOfWorkFactory(engine)() as uow:
        won = uow.labels.claim(job, world.clock.now() + timedelta(seconds=120))
        uow.commit()
    return won


def test_two_senders_claiming_the_same_label_at_once_only_one_sends_it(
    world: World, engines: tuple[Engine, Engine]
):
    first, second = engines
    for n in range(ROUNDS):
        job = queue_zpl(world, lpn=f"LP{n:010d}")
        results = race(lambda j=job: claim(first, j, world), lambda j=job: claim(second, j, world))
        assert sorted(results) == [False, True], (n, results)
        assert stored(world, job).status is PrintStatus.SENDING


def test_marking_printed_and_reprinting_the_same_label_in_doubt_at_once_only_one_counts(
    world: World, engines: tuple[Engine, Engine]
):
    first, second = (SqlUnitOfWorkFactory(e) for e in engines)
    dan = world.actor("dan", "DOCK-1")
    now = world.clock.now()
    outcomes = {"printed": 0, "reprinted": 0}
    for n in range(ROUNDS):
        job = queue_zpl(world, lpn=f"LP{n:010d}")
        with world.uow_factory() as uow:
            job.status, job.last_error = PrintStatus.IN_DOUBT, "in doubt"
            uow.labels.mark(job)
            uow.commit()
        results = race(
            lambda j=job: labels.confirm_printed(first, dan, j.id or 0, now),
            lambda j=job: labels.reprint_in_doubt(second, dan, j.id or 0, now),
        )
        lost = [r for r in results if isinstance(r, Exception)]
        assert len(lost) == 1, (n, results)
        assert isinstance(lost[0], LabelNotInDoubt), lost
        with world.uow_factory(readonly=True) as uow:
            copies = [j for j in uow.labels.jobs_for_lpn(job.lpn) if j.reprint_of == job.id]
            actions = [e.action for e in uow.audit.for_entity("label", job.lpn)]
        after = stored(world, job).status
        if after is PrintStatus.PRINTED:
            assert (copies, actions) == ([], ["label.confirmed_printed"])
            outcomes["printed"] += 1
        else:
            assert after is PrintStatus.REPRINTED
            assert len(copies) == 1
            assert actions == ["label.reprint"]
            outcomes["reprinted"] += 1
    print(f"\n{ROUNDS} rounds: {outcomes}")
