"""ACCEPTANCE 23-25 on SQLite and PostgreSQL: every decision gets a license plate and a
label; a printer that is off keeps the job and the decision; a reprint is identical."""

from __future__ import annotations

import socket
import subprocess
import threading
from decimal import Decimal
from pathlib import Path

import cv2

from printing.transports import TcpPrinter
from receiving_station.domain.checkdigits import license_plate_ok
from receiving_station.domain.model import InspectionStatus, PrintStatus, RmaLine
from scanners.decode import decode_station
from tests.integration.test_inspecting_units import finish, scan_unit
from tests.printing.test_labels import Listener
from tests.world import World

JEANS = RmaLine(
    1, "AP-1", "Jeans", 2, gtin="4006381333931", category="apparel", unit_value=Decimal("50")
)


def decided(world: World) -> tuple[str, int]:
    world.add_rma("RMA-300001", lines=(JEANS,))
    receipt = world.receive("RMA-300001")
    done = finish(world, scan_unit(world, receipt, "4006381333931"))
    return done.inspection.lpn, receipt


def test_a_decision_gets_a_license_plate_and_a_label_that_scans_back(world: World, tmp_path):
    lpn, _ = decided(world)
    assert license_plate_ok(lpn)
    (job,) = world.dock1.print_queue()
    assert (job.lpn, job.status, job.format) == (lpn, PrintStatus.PENDING, "pdf")
    (printed,) = world.dock1.print_labels()
    assert printed.status is PrintStatus.PRINTED
    assert world.dock1.print_queue() == []
    (pdf,) = (world.label_folder / "DOCK-1").glob("*.pdf")
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "p")], check=True)
    (page,) = tmp_path.glob("p*.png")
    image = cv2.imread(str(page))
    assert {d.data for d in decode_station(image)} == {lpn}


def test_a_printer_that_is_off_keeps_the_job_and_the_decision(world: World):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    world.dock1 = world.services("DOCK-1", printer=TcpPrinter("127.0.0.1", port, timeout=1))
    _, receipt = decided(world)
    (failed,) = world.dock1.print_labels()
    assert failed.status is PrintStatus.FAILED
    assert f"127.0.0.1:{port}" in failed.last_error
    with world.uow_factory(readonly=True) as uow:
        (unit,) = uow.inspections.for_receipt(receipt)
    assert unit.status is InspectionStatus.COMPLETED  # the decision is saved regardless
    assert unit.disposition == "restock"
    (waiting,) = world.dock1.print_queue()
    assert waiting.status is PrintStatus.FAILED
    assert world.dock1.print_labels() == []  # not due yet: back-off
    # the printer comes back on the same port, and the retry is due
    listener = Listener.__new__(Listener)
    listener.sock = socket.socket()
    listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.sock.bind(("127.0.0.1", port))
    listener.sock.listen()
    listener.port = port
    listener.received = []
    listener.thread = threading.Thread(target=listener._serve, daemon=True)
    listener.thread.start()
    try:
        world.clock.advance(seconds=20)
        (printed,) = world.dock1.print_labels()
        assert (printed.status, printed.attempts) == (PrintStatus.PRINTED, 2)
        for _ in range(100):
            if listener.received:
                break
            threading.Event().wait(0.02)
        assert listener.received == [waiting.payload]
    finally:
        listener.close()


def test_a_reprint_is_identical_and_audited(world: World):
    lpn, _ = decided(world)
    (first,) = world.dock1.print_labels()
    again = world.dock2.reprint(world.actor("bruno", "DOCK-2"), lpn)
    assert (again.payload, again.reprint_of) == (first.payload, first.id)
    (reprinted,) = world.dock2.print_labels()
    assert reprinted.status is PrintStatus.PRINTED
    copies = sorted(p.read_bytes() for p in world.label_folder.glob("*/*.pdf"))
    assert copies[0] == copies[1]
    with world.uow_factory(readonly=True) as uow:
        actions = [e.action for e in uow.audit.for_entity("label", lpn)]
    assert actions == ["label.queued", "label.printed", "label.reprint", "label.printed"]


def test_license_plates_are_unique_across_stations_by_construction(world: World):
    plates: list[str] = []
    lock = threading.Lock()

    def issue(n: int) -> None:
        for _ in range(n):
            with world.uow_factory() as uow:
                lpn = uow.labels.issue_plate(None, world.clock.now())
                uow.commit()
            with lock:
                plates.append(lpn)

    threads = [threading.Thread(target=issue, args=(25,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(plates) == len(set(plates)) == 75
    assert all(license_plate_ok(p) for p in plates)


def test_a_label_that_cannot_be_rendered_is_queued_as_failed_and_the_decision_stays(
    world: World, tmp_path: Path
):
    world.add_rma(
        "RMA-300002",
        lines=(RmaLine(1, "S" * 60, "Jeans", 1, gtin="4006381333931", category="apparel"),),
    )
    receipt = world.receive("RMA-300002")
    done = finish(world, scan_unit(world, receipt, "4006381333931"))
    assert done.inspection.status is InspectionStatus.COMPLETED
    (job,) = world.dock1.print_queue()
    assert job.status is PrintStatus.FAILED
    assert "does not fit" in job.last_error
