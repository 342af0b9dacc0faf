"""A label is printed only when the printer took all of it and hung up cleanly; a printer
that hangs up, resets, refuses, is not ready (Zebra ~HS) or hangs never gets a label marked
printed. Real misbehaving sockets on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from printing.transports import TcpPrinter
from receiving_station.domain.model import PrintJob, PrintStatus
from tests.printing import loopback
from tests.printing.loopback import LoopbackPrinter
from tests.world import World


def queue_zpl(world: World, station: str = "DOCK-1", lpn: str = "LP0000000013") -> PrintJob:
    """A ZPL disposition label (some 760 bytes), queued at ``station`` as a decision would."""
    values = {
        "lpn": lpn,
        "disposition": "restock",
        "zone": "A-01",
        "rma": "RMA-300001",
        "sku": "AP-1",
        "description": "Jeans, slim fit, dark blue",
        "grade": "A",
        "date": "2026-12-02 09:30",
        "station": "DOCK-1",
        "inspector": "Bruno",
    }
    payload = world.renderer.render("disposition-4x6", values, "zpl", "en")
    with world.uow_factory() as uow:
        job = uow.labels.add_job(
            PrintJob(
                id=None,
                created_at=world.clock.now(),
                station_id=world.station_ids[station],
                user_id=world.user_ids["bruno"],
                lpn=lpn,
                template="disposition-4x6",
                format="zpl",
                printer="tcp://127.0.0.1",
                payload=payload,
                next_attempt_at=world.clock.now(),
            )
        )
        uow.commit()
    return job


def stored(world: World, job: PrintJob) -> PrintJob:
    with world.uow_factory(readonly=True) as uow:
        found = uow.labels.job(job.id or 0)
    assert found is not None
    return found


@pytest.fixture
def printers() -> Iterator[list[LoopbackPrinter]]:
    started: list[LoopbackPrinter] = []
    yield started
    for p in started:
        p.close()


def printing_to(
    world: World, printers: list[LoopbackPrinter], behave: loopback.Behaviour, **kw: float
) -> LoopbackPrinter:
    printer = LoopbackPrinter(behave)
    printers.append(printer)
    world.dock1 = world.services(
        "DOCK-1", printer=TcpPrinter("127.0.0.1", printer.port, timeout=kw.get("timeout", 2.0),
                                     zebra=bool(kw.get("zebra")),
                                     status_timeout=kw.get("status_timeout", 1.0)),
    )  # fmt: skip
    return printer


@pytest.mark.parametrize(
    "behave", [loopback.hangs_up_after(64), loopback.resets_after(64)], ids=["closes", "resets"]
)
def test_a_printer_that_hangs_up_mid_job_fails_the_job_with_why_and_the_retry_prints_it(
    world: World, printers: list[LoopbackPrinter], behave: loopback.Behaviour
):
    job = queue_zpl(world)
    total = len(job.payload)
    assert total > 600
    cut = printing_to(world, printers, behave)
    (tried,) = world.dock1.print_labels()
    assert tried.status is PrintStatus.FAILED
    assert cut.wait_for(1)[0] == job.payload[:64]
    after = stored(world, job)
    assert (after.status, after.printed_at, after.attempts) == (PrintStatus.FAILED, None, 1)
    assert "broke off the connection" in after.last_error
    assert f"of {total} bytes had reached it" in after.last_error
    assert "cut short" in after.last_error
    (waiting,) = world.dock1.print_queue()
    assert waiting.id == job.id
    # retried as any failed job: after its back-off, on a printer that behaves, whole, once
    good = printing_to(world, printers, loopback.good)
    assert world.dock1.print_labels() == []  # not due yet
    world.clock.advance(seconds=20)
    (printed,) = world.dock1.print_labels()
    assert (printed.status, printed.attempts) == (PrintStatus.PRINTED, 2)
    assert good.wait_for(1) == [job.payload]
    assert world.dock1.print_queue() == []


def test_a_printer_that_refuses_fails_the_job_and_nothing_is_marked_printed(
    world: World, printers: list[LoopbackPrinter]
):
    job = queue_zpl(world)
    port = loopback.refusing_port()
    world.dock1 = world.services("DOCK-1", printer=TcpPrinter("127.0.0.1", port, timeout=1))
    world.dock1.print_labels()
    after = stored(world, job)
    assert after.status is PrintStatus.FAILED
    assert "does not answer" in after.last_error
    assert "refused" in after.last_error


def test_a_printer_that_takes_the_label_and_never_hangs_up_leaves_it_in_doubt_not_resent(
    world: World, printers: list[LoopbackPrinter]
):
    job = queue_zpl(world)
    printing_to(world, printers, loopback.hangs, timeout=0.5)
    world.dock1.print_labels()
    after = stored(world, job)
    assert (after.status, after.printed_at) == (PrintStatus.IN_DOUBT, None)
    assert "did not finish the connection" in after.last_error
    good = printing_to(world, printers, loopback.good)
    world.clock.advance(seconds=3600)
    assert world.dock1.print_labels() == []  # never sent again by itself
    assert good.received == []
    (shown,) = world.dock1.print_queue()
    assert shown.status is PrintStatus.IN_DOUBT


def test_a_slow_printer_gets_every_byte_once_and_the_label_is_printed(
    world: World, printers: list[LoopbackPrinter]
):
    first, second = queue_zpl(world), queue_zpl(world, lpn="LP0000000021")
    slow = printing_to(world, printers, loopback.slow())
    done = world.dock1.print_labels()
    assert [j.status for j in done] == [PrintStatus.PRINTED] * 2
    assert slow.wait_for(2) == [first.payload, second.payload]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (loopback.HS_PAPER_OUT, "paper out"),
        (loopback.HS_HEAD_OPEN, "print head open"),
        (loopback.HS_PAUSED, "paused"),
    ],
    ids=["paper-out", "head-open", "paused"],
)
def test_a_zebra_that_is_not_ready_gets_no_label_and_the_job_says_why(
    world: World, printers: list[LoopbackPrinter], status: bytes, words: str
):
    job = queue_zpl(world)
    zebra = printing_to(world, printers, loopback.zebra(status), zebra=True)
    world.dock1.print_labels()
    after = stored(world, job)
    assert after.status is PrintStatus.FAILED
    assert f"cannot print: {words}" in after.last_error
    assert "Nothing was sent" in after.last_error
    assert zebra.wait_for(1) == [b"~HS"]  # asked, and no label sent
    # fixed: the retry asks again, finds it ready, and prints
    ready = printing_to(world, printers, loopback.zebra(loopback.HS_READY), zebra=True)
    world.clock.advance(seconds=20)
    (printed,) = world.dock1.print_labels()
    assert printed.status is PrintStatus.PRINTED
    assert ready.wait_for(2) == [b"~HS", job.payload]


def test_a_zebra_that_does_not_answer_its_host_status_still_gets_the_label(
    world: World, printers: list[LoopbackPrinter]
):
    job = queue_zpl(world)
    silent = printing_to(world, printers, loopback.zebra(None), zebra=True, status_timeout=0.3)
    (printed,) = world.dock1.print_labels()
    assert printed.status is PrintStatus.PRINTED
    assert silent.wait_for(2) == [b"~HS", job.payload]
