"""A small returns dock for tests: demo people, two stations, hand-made RMAs, a fixed clock."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine

from data.demo import seed_people
from data.uow import SqlUnitOfWorkFactory
from printing.evidence import EvidencePdf
from printing.renderer import TemplateRenderer
from printing.shift_report import ShiftReportPdf
from printing.transports import FolderPrinter
from receiving_station.domain.model import Rma, RmaLine, RmaStatus
from receiving_station.ports import MessageTransport, Printer
from receiving_station.security import hash_pin
from receiving_station.services.context import Actor
from receiving_station.services.labels import Labeling, LabelSettings
from receiving_station.services.station import StationServices
from scanners.classifier import ScanClassifier
from scanners.images import OpenCvPhotos
from workflows.store import WorkflowStore

TODAY = date(2026, 11, 26)
WORKFLOWS = Path(__file__).resolve().parents[1] / "resources" / "workflows"
LABELS = Path(__file__).resolve().parents[1] / "resources" / "labels"


@dataclass
class FixedClock:
    at: datetime = field(default_factory=lambda: datetime(2026, 11, 26, 10, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at += timedelta(**kwargs)


LEAD_PIN = {
    "chloe": {"lead_badge": "BDG-1003", "lead_pin": "3333"},
    "dan": {"lead_badge": "BDG-1004", "lead_pin": "4444"},
}
"""The demo lead's and admin's badge and PIN, typed for a decision that needs them."""


def fast_hash(pin: str) -> str:
    return hash_pin(pin, n=2**8)


class World:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.begin() as conn:
            seed_people(conn, hash_fn=fast_hash)
        self.uow_factory = SqlUnitOfWorkFactory(engine)
        self.clock = FixedClock()
        with self.uow_factory(readonly=True) as uow:
            self.station_ids = {
                name: uow.stations.by_name(name).id  # type: ignore[union-attr]
                for name in ("DOCK-1", "DOCK-2", "LEAD-DESK")
            }
            self.user_ids = {
                name: uow.users.by_username(name).id  # type: ignore[union-attr]
                for name in ("alice", "bruno", "chloe", "dan", "eve")
            }
        self.dock1 = self.services("DOCK-1")
        self.dock2 = self.services("DOCK-2")

    def services(
        self,
        station: str,
        printer: Printer | None = None,
        transport: MessageTransport | None = None,
        clock: FixedClock | None = None,
    ) -> StationServices:
        """A station whose delay after a wrong PIN moves its fixed clock on, as sleeping
        would move the real one: nothing waits, and the next try comes after the delay."""
        at = clock or self.clock
        services = StationServices(
            self.uow_factory,
            ScanClassifier(),
            at,
            self.station_ids[station],
            workflows=self.workflows,
            labeling=Labeling(self.renderer, self.label_settings),
            printer=printer or FolderPrinter(self.label_folder / station),
            transport=transport,
            photo_preparer=OpenCvPhotos(),
            evidence_renderer=EvidencePdf(),
            report_renderer=ShiftReportPdf(),
        )
        services.sleep = lambda seconds: at.advance(seconds=seconds)
        return services

    @cached_property
    def label_folder(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="rs-labels-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return folder

    @cached_property
    def renderer(self) -> TemplateRenderer:
        return TemplateRenderer(LABELS)

    label_settings = LabelSettings(
        printer="folder:labels", template="disposition-4x6", format="pdf", language="en"
    )

    @cached_property
    def workflows(self) -> WorkflowStore:
        store = WorkflowStore(WORKFLOWS)
        assert store.reload() == []
        return store

    def receive(self, *numbers: str, user: str = "alice") -> int:
        """Receive one parcel holding the returns of these RMAs; its receipt id."""
        with self.uow_factory(readonly=True) as uow:
            ids = [uow.rmas.by_number(n).id for n in numbers]  # type: ignore[union-attr]
        receipt = self.dock1.receive(self.actor(user), [i for i in ids if i is not None])
        assert receipt.id is not None
        return receipt.id

    def actor(self, username: str, station: str = "DOCK-1") -> Actor:
        return Actor(self.user_ids[username], self.station_ids[station])

    def add_rma(
        self,
        number: str = "RMA-100001",
        *,
        days_old: int = 5,
        window_days: int = 30,
        status: RmaStatus = RmaStatus.OPEN,
        order_ref: str = "7000001",
        tracking: tuple[str, ...] = (),
        lines: tuple[RmaLine, ...] | None = None,
    ) -> Rma:
        created = TODAY - timedelta(days=days_old)
        rma = Rma(
            id=None,
            number=number,
            order_ref=order_ref,
            channel="web",
            customer_name="Camille Bernard",
            customer_email="camille@example.com",
            created_on=created,
            expires_on=created + timedelta(days=window_days),
            status=status,
            tracking_numbers=list(tracking),
            lines=list(
                lines
                or (
                    RmaLine(
                        1,
                        "AP-001-M",
                        "Slim jeans, Navy, M",
                        1,
                        gtin="4006381333931",
                        category="apparel",
                        unit_value=Decimal("59.00"),
                        reason_code="SIZE_TOO_SMALL",
                        reason_note="Too tight",
                    ),
                    RmaLine(
                        2,
                        "EL-003",
                        "Smart watch",
                        1,
                        gtin="09521234543213",
                        category="electronics",
                        unit_value=Decimal("249.00"),
                        reason_code="DEFECTIVE",
                        expected_serials=("SN1234567890",),
                    ),
                )
            ),
        )
        with self.uow_factory() as uow:
            uow.rmas.add(rma)
            uow.commit()
        return rma

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one())
