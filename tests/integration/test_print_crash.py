"""A station killed between the printer taking a label and the label being marked printed
never prints it again by itself: after the restart the label is in doubt, shown, and a
person marks it printed or reprints it (both audited). A real process, SIGKILLed; SQLite and
PostgreSQL."""

from __future__ import annotations

import os
import queue
import random
import signal
import socket
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from printing.transports import TcpPrinter
from receiving_station.domain.model import PrintStatus
from tests.integration.test_printer_trouble import queue_zpl, stored
from tests.printing import loopback
from tests.printing.loopback import LoopbackPrinter
from tests.world import World

ROOT = Path(__file__).resolve().parents[2]


class TakesItAndHolds:
    """Reads the whole label (to the sender's end of stream), then keeps the line open: the
    sender waits for a hang-up that never comes, and is killed there."""

    def __init__(self) -> None:
        self.got: queue.Queue[bytes] = queue.Queue()

    def __call__(self, conn: socket.socket, printer: LoopbackPrinter) -> bytes:
        data = loopback.read_all(conn)
        self.got.put(data)
        printer.stopped.wait(60)
        return data


@pytest.mark.parametrize("settle", ["printed", "reprint"])
def test_a_station_killed_after_the_printer_took_the_label_leaves_it_in_doubt_not_resent(
    world: World, db_url: str, settle: str
):
    job = queue_zpl(world)
    behave = TakesItAndHolds()
    holding = LoopbackPrinter(behave)
    good = LoopbackPrinter()
    station = world.station_ids["DOCK-1"]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.print_child", db_url, str(station),
         str(holding.port), world.clock.now().isoformat()],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        received = behave.got.get(timeout=60)
        assert received == job.payload  # the printer has the label...
        assert stored(world, job).status is PrintStatus.SENDING  # ...committed before it left
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
        # the station starts again, its printer fine: nothing is sent twice
        world.dock1 = world.services(
            "DOCK-1", printer=TcpPrinter("127.0.0.1", good.port, timeout=2)
        )
        assert world.dock1.print_labels() == []
        world.clock.advance(seconds=3600)
        assert world.dock1.print_labels() == []
        assert good.received == []
        (shown,) = world.dock1.print_queue()
        assert (shown.id, shown.status) == (job.id, PrintStatus.IN_DOUBT)
        assert "stopped while this label was being sent" in shown.last_error

        bruno = world.actor("bruno", "DOCK-1")
        if settle == "printed":
            done = world.dock1.confirm_printed(bruno, job.id or 0)
            assert done.status is PrintStatus.PRINTED
            assert world.dock1.print_labels() == []
            assert good.received == []
            expected = ["label.in_doubt", "label.confirmed_printed"]
        else:
            again = world.dock1.reprint_in_doubt(bruno, job.id or 0)
            assert (again.reprint_of, again.payload) == (job.id, job.payload)
            assert stored(world, job).status is PrintStatus.REPRINTED
            (printed,) = world.dock1.print_labels()
            assert (printed.id, printed.status) == (again.id, PrintStatus.PRINTED)
            assert good.wait_for(1) == [job.payload]  # once, as a reprint
            expected = ["label.in_doubt", "label.reprint", "label.printed"]
        assert world.dock1.print_queue() == []
        with world.uow_factory(readonly=True) as uow:
            events = list(uow.audit.for_entity("label", job.lpn))
        assert [e.action for e in events] == expected
        settled = events[1]  # who settled it, when, at which station, which label and job
        assert (settled.user_id, settled.station_id) == (world.user_ids["bruno"], station)
        assert settled.at == world.clock.now()
        assert settled.entity_id == job.lpn
        assert settled.after["job"] == (job.id if settle == "printed" else again.id)
        if settle == "reprint":
            assert settled.after["reprint_of"] == job.id
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        holding.close()
        good.close()


def test_a_label_still_sending_past_any_send_time_turns_in_doubt_while_the_station_runs(
    world: World,
):
    good = LoopbackPrinter()
    try:
        world.dock1 = world.services("DOCK-1", printer=TcpPrinter("127.0.0.1", good.port))
        assert world.dock1.print_labels() == []  # the station's first pass, nothing waiting
        job = queue_zpl(world)
        with world.uow_factory() as uow:  # as a send cut off without the program stopping
            assert uow.labels.claim(job, world.clock.now() + timedelta(seconds=120))
            uow.commit()
        assert world.dock1.print_labels() == []
        assert stored(world, job).status is PrintStatus.SENDING  # may still be on its way
        world.clock.advance(seconds=121)
        assert world.dock1.print_labels() == []
        after = stored(world, job)
        assert (after.status, after.attempts) == (PrintStatus.IN_DOUBT, 1)
        assert good.received == []
    finally:
        good.close()


def test_however_late_the_kill_falls_a_label_never_reaches_the_printer_twice(
    world: World, db_url: str
):
    """Killed at a random moment after the printer got the label (while the station waits
    for its hang-up, marks it, or has finished): after the restart the printer has it once,
    and the job is printed or in doubt, never pending again."""
    rng = random.Random(15)
    outcomes: dict[str, int] = {}
    station = world.station_ids["DOCK-1"]
    for n in range(8):
        job = queue_zpl(world, lpn=f"LP{n:010d}")
        printer = LoopbackPrinter()
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.print_child", db_url, str(station),
             str(printer.port), world.clock.now().isoformat()],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        try:
            assert printer.wait_for(1, timeout=60) == [job.payload]
            threading.Event().wait(rng.uniform(0, 0.03))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
            world.dock1 = world.services(
                "DOCK-1", printer=TcpPrinter("127.0.0.1", printer.port, timeout=2)
            )
            world.dock1.print_labels()
            world.clock.advance(seconds=3600)
            world.dock1.print_labels()
            assert printer.wait_for(2, timeout=0.3) == [job.payload]  # once, never twice
            status = stored(world, job).status
            assert status in (PrintStatus.PRINTED, PrintStatus.IN_DOUBT), status
            outcomes[status.value] = outcomes.get(status.value, 0) + 1
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            printer.close()
    print(f"\n8 kills: {outcomes}")
