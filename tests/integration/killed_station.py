"""A station process for the kill -9 test: it inspects the parcels it is given, unit by
unit, printing each unit's label to a TCP printer, and resumes where it stands when started
again. After each acknowledged answer or decision it appends what it was told to an
acknowledgement file, as a person at the dock would remember it.

Usage: python -m tests.integration.killed_station DB_URL ACK_FILE PRINTER_PORT START_ISO
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from printing.renderer import TemplateRenderer
from printing.transports import TcpPrinter
from receiving_station.services.context import Actor
from receiving_station.services.labels import Labeling, LabelSettings
from receiving_station.services.station import StationServices
from scanners.classifier import ScanClassifier
from scanners.images import OpenCvPhotos
from workflows.definition import Step, StepKind
from workflows.store import WorkflowStore

ROOT = Path(__file__).resolve().parents[2]
YES = {"tags_attached", "powers_on", "parts_complete", "data_wiped"}


class MovingClock:
    """The warehouse's time from a given instant on, moving with the process's own time."""

    def __init__(self, start: datetime) -> None:
        self.start, self.t0 = start, time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.t0)


def answer_for(step: Step) -> Any:
    if step.kind is StepKind.YES_NO:
        return "yes" if step.id in YES else "no"
    if step.kind is StepKind.CHOICE:
        return step.options[0].id
    if step.kind is StepKind.CHECKLIST:
        return [o.id for o in step.options]
    if step.kind is StepKind.GRADE:
        return "B"
    return None


def jpeg() -> bytes:
    import cv2
    import numpy as np

    image = np.full((240, 320, 3), 200, dtype=np.uint8)
    cv2.rectangle(image, (40, 40), (280, 200), (30, 60, 160), 6)
    return bytes(cv2.imencode(".jpg", image)[1].tobytes())


def main(url: str, ack_path: str, port: int, start: str) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:
        station_id = int(
            conn.execute(text("SELECT id FROM stations WHERE name = 'DOCK-2'")).scalar_one()
        )
        inspector_id = int(
            conn.execute(text("SELECT id FROM users WHERE username = 'bruno'")).scalar_one()
        )
        receipts = [int(r) for (r,) in conn.execute(text("SELECT id FROM receipts ORDER BY id"))]
    workflows = WorkflowStore(ROOT / "resources" / "workflows")
    workflows.reload()
    services = StationServices(
        SqlUnitOfWorkFactory(engine),
        ScanClassifier(),
        MovingClock(datetime.fromisoformat(start)),
        station_id,
        workflows=workflows,
        labeling=Labeling(
            TemplateRenderer(ROOT / "resources" / "labels"),
            LabelSettings(
                printer=f"tcp://127.0.0.1:{port}",
                template="disposition-4x6",
                format="zpl",
                language="en",
            ),
        ),
        printer=TcpPrinter("127.0.0.1", port, timeout=5),
        photo_preparer=OpenCvPhotos(),
    )
    inspector = Actor(inspector_id, station_id)
    photo = jpeg()
    acks = open(ack_path, "a")  # noqa: SIM115 (the process is killed, never closed)

    def ack(**what: Any) -> None:
        acks.write(json.dumps(what) + "\n")
        acks.flush()

    print("ready", flush=True)
    services.print_labels()  # what the last run left: due jobs go, jobs in doubt wait
    for receipt in receipts:
        while True:
            parcel = services.parcel(inspector, receipt)
            busy = parcel.open_inspections
            if busy:
                view = services.inspection(inspector, busy[0].inspection_id)
            elif parcel.units_missing:
                line = next(ln for ln in parcel.lines if ln.missing)
                gtin = {"AP-001-M": "4006381333931", "AP-002": "5901234123457"}[line.sku]
                view = services.scan_unit(inspector, receipt, gtin)
            else:
                break
            while view.step is not None:
                i, step = view.inspection, view.step
                if step.kind is StepKind.PHOTO:
                    view = services.add_photo(inspector, i.id, i.version, photo)
                    ack(inspection=i.id, step=step.id, photo=True)
                elif not step.required:
                    view = services.inspection_step(inspector, i.id, i.version, "skip")
                else:
                    value = answer_for(step)
                    view = services.inspection_step(inspector, i.id, i.version, "answer", value)
                    ack(inspection=i.id, step=step.id, answer=value)
            i = view.inspection
            done = services.complete_inspection(inspector, i.id, i.version)
            ack(inspection=i.id, decided=done.inspection.disposition)
            services.print_labels()
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
