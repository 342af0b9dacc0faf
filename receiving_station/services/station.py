"""The station's front door for the UI: raw input in, one use case, one result out.

Every method is blocking (it talks to the database) and is meant to run on a worker
thread; it holds no state of its own and is safe to call from several threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import (
    ExceptionCase,
    OutboxMessage,
    PackagingCondition,
    PrintJob,
    Receipt,
    User,
)
from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import PARCEL_KINDS, WRONG_LAYOUT, ClassifiedScan, ScanKind
from receiving_station.errors import (
    BadScan,
    NotFound,
    ScannerLayoutMismatch,
    UnknownLicensePlate,
    UnknownScan,
)
from receiving_station.intake.model import Translate, english
from receiving_station.ports import (
    Clock,
    EvidenceRenderer,
    MessageTransport,
    PhotoPreparer,
    PreparedPhoto,
    Printer,
    ScanClassifier,
    ShiftReportRenderer,
    UnitOfWorkFactory,
)
from receiving_station.services import (
    auth,
    decisions,
    exceptions,
    importing,
    inspection,
    labels,
    lockouts,
    lookup,
    outbox,
    receiving,
    system,
)
from receiving_station.services.admin import AdminServices
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.importing import ImportReport
from receiving_station.services.inspection import Inspector
from receiving_station.services.inspection_views import InspectionView, ParcelView
from receiving_station.services.labels import Labeling
from receiving_station.services.lead_services import LeadServices
from receiving_station.services.lockouts import Lockout
from receiving_station.services.photo_services import PhotoServices
from receiving_station.services.receiving import ScanOutcome
from receiving_station.views import RmaView
from workflows.definition import Grade
from workflows.store import WorkflowStore


@dataclass(frozen=True)
class LoggedIn:
    user: User
    actor: Actor


@dataclass(frozen=True)
class CommandScanned:
    command: str


@dataclass(frozen=True)
class ProductScanned:
    """A product's own barcode (GTIN, GS1 with batch, expiry, serial): it names a unit, not
    a parcel. The page matches it against the RMA on screen."""

    scan: ClassifiedScan


ScanResult = ScanOutcome | LoggedIn | CommandScanned | ProductScanned


class StationServices(AdminServices, PhotoServices, LeadServices):
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        classifier: ScanClassifier,
        clock: Clock,
        station_id: int,
        hold_minutes: int = 15,
        workflows: WorkflowStore | None = None,
        labeling: Labeling | None = None,
        printer: Printer | None = None,
        transport: MessageTransport | None = None,
        import_folder: Path | None = None,
        window_days: int = 30,
        photo_preparer: PhotoPreparer | None = None,
        evidence_renderer: EvidenceRenderer | None = None,
        language: str = "en",
        report_renderer: ShiftReportRenderer | None = None,
        login_policy: LoginPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.uow_factory = uow_factory
        self.classifier = classifier
        self.clock = clock
        self.station_id = station_id
        self.hold_minutes = hold_minutes
        self.workflows = workflows
        self.labeling = labeling
        self.printer = printer
        self._labels_resumed = False
        self.transport = transport
        self.import_folder = import_folder
        self.window_days = window_days
        self.photo_preparer = photo_preparer
        self.evidence_renderer = evidence_renderer
        self.report_renderer = report_renderer
        self.language = language
        """The station's language: what its documents are written in unless asked."""
        self.login_policy = login_policy or LoginPolicy()
        self.sleep = sleep
        """How a failed log-in's delay is waited (on the calling thread: a worker's)."""

    def _now(self) -> datetime:
        return self.clock.now()

    def classify(self, raw: str | bytes) -> ClassifiedScan:
        """Never raises: an unreadable scan comes back UNKNOWN with its ``problem``."""
        return self.classifier.classify(raw)

    def readable(self, raw: str | bytes) -> ClassifiedScan:
        """The classified scan; ``BadScan`` (with what was read and why) if it is unreadable."""
        scan = self.classifier.classify(raw)
        if scan.problem == WRONG_LAYOUT:
            raise ScannerLayoutMismatch(text=scan.raw, meant=scan.fields.get("meant", ""))
        if not scan.readable:
            raise BadScan(text=scan.raw, reason=scan.problem)
        return scan

    def login_badge(self, raw: str | bytes) -> LoggedIn:
        """A badge alone; ``PinNeeded`` for a role the policy asks a PIN of. Blocking: a
        failure is answered after a growing delay."""
        scan = self.readable(raw)
        user, actor = auth.login_by_badge(
            self.uow_factory, self.station_id, scan.text, self._now(), self.login_policy, self.sleep
        )
        return LoggedIn(user, actor)

    def login_badge_pin(self, raw: str | bytes, pin: str) -> LoggedIn:
        scan = self.readable(raw)
        user, actor = auth.login_badge_and_pin(
            self.uow_factory,
            self.station_id,
            scan.text,
            pin,
            self._now(),
            self.login_policy,
            self.sleep,
        )
        return LoggedIn(user, actor)

    def login_pin(self, username: str, pin: str) -> LoggedIn:
        user, actor = auth.login_with_pin(
            self.uow_factory,
            self.station_id,
            username,
            pin,
            self._now(),
            self.login_policy,
            self.sleep,
        )
        return LoggedIn(user, actor)

    def command_line(self, via: str) -> Actor:
        """The system identity for a command-line command (or the watched folder), audited
        with the OS user; it has a role of its own (:data:`Role.SYSTEM`)."""
        return system.system_actor(self.uow_factory, self.station_id, via, self._now())

    def lockouts(self, actor: Actor) -> list[Lockout]:
        return lockouts.locked_out(self.uow_factory, actor, self._now())

    def unlock(self, actor: Actor, *, username: str = "", station: str = "") -> None:
        """Lift a user's or a station's log-in lock-out (leads and admins); audited."""
        lockouts.unlock(self.uow_factory, actor, self._now(), username=username, station=station)

    def handle_scan(self, actor: Actor, raw: str | bytes) -> ScanResult:
        """A scan at the Receive page: a badge switches user, a command acts, a product code
        names a unit, a license plate names a unit already through the dock, else a parcel."""
        scan = self.readable(raw)
        if scan.kind is ScanKind.BADGE:
            return self.login_badge(scan.text)
        if scan.kind is ScanKind.COMMAND:
            return CommandScanned(scan.text)
        if scan.kind is ScanKind.LICENSE_PLATE:
            raise UnknownLicensePlate(text=scan.text)
        product = scan.reading(ScanKind.PRODUCT)
        if not any(r.kind in PARCEL_KINDS for r in scan.readings()):
            assert product is not None
            return ProductScanned(product)
        try:
            return receiving.scan_parcel(
                self.uow_factory, actor, scan, self._now(), hold_minutes=self.hold_minutes
            )
        except UnknownScan:
            if product is None:
                raise
            return ProductScanned(product)

    def lookup(self, actor: Actor, raw: str | bytes) -> RmaView:
        """What a scan resolves to, the customer's name and address included: for those who
        may read customer data (inspectors and up, the command line's identity)."""
        with self.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.READ_CUSTOMER_DATA)
        return lookup.lookup(self.uow_factory, self.readable(raw), self._now().date())

    def receive(
        self,
        actor: Actor,
        rma_ids: list[int],
        packaging: PackagingCondition = PackagingCondition.GOOD,
        note: str = "",
        lead_badge: str | None = None,
        photos: Sequence[PreparedPhoto] = (),
        lead_pin: str = "",
    ) -> Receipt:
        """Receive a parcel; damaged packaging needs ``photos`` (from ``prepare_photo``); a
        policy breach needs a lead's badge and PIN."""
        badge = self.readable(lead_badge).text if lead_badge else None
        return receiving.receive_parcel(
            self.uow_factory,
            actor,
            rma_ids,
            self._now(),
            packaging=packaging,
            note=note,
            lead_badge=badge,
            photos=photos,
            lead_pin=lead_pin,
            login_policy=self.login_policy,
            sleep=self.sleep,
        )

    def register_unidentified(
        self,
        actor: Actor,
        scanned_text: str,
        note: str = "",
        packaging: PackagingCondition = PackagingCondition.GOOD,
        photos: Sequence[PreparedPhoto] = (),
    ) -> ExceptionCase:
        return receiving.register_unidentified_parcel(
            self.uow_factory,
            actor,
            scanned_text,
            self._now(),
            note=note,
            packaging=packaging,
            photos=photos,
        )

    def release(self, actor: Actor) -> None:
        receiving.release_parcel(self.uow_factory, actor)

    def start_review(self, actor: Actor, exception_id: int, seen_version: int) -> ExceptionCase:
        return exceptions.start_review(
            self.uow_factory, actor, exception_id, self._now(), seen_version
        )

    def resolve_exception(
        self, actor: Actor, exception_id: int, resolution: str, seen_version: int
    ) -> ExceptionCase:
        return exceptions.resolve(
            self.uow_factory, actor, exception_id, resolution, self._now(), seen_version
        )

    # -- inspection -----------------------------------------------------------------------

    def _inspector(self) -> Inspector:
        if self.workflows is None:
            raise NotFound(what="resources/workflows")
        return Inspector(self.workflows.library, self.workflows.errors)

    def grades(self) -> tuple[Grade, ...]:
        """The grading scale in use."""
        return self._inspector().library.scale.grades

    def open_parcel(self, actor: Actor, raw: str | bytes) -> ParcelView:
        """The received parcel a label belongs to. Workflow files are read again first, so a
        lead's change applies from the next parcel (a file with an error keeps its last
        good version, and the view says which)."""
        if self.workflows is not None:
            self.workflows.refresh()
        return inspection.open_parcel(
            self.uow_factory, actor, self.readable(raw), self._inspector()
        )

    def parcel(self, actor: Actor, receipt_id: int) -> ParcelView:
        return inspection.parcel(self.uow_factory, actor, receipt_id)

    def unfinished_unit(self, actor: Actor) -> tuple[ParcelView, int] | None:
        """(parcel, inspection id) of the unit this inspector left half done here, if any."""
        return inspection.unfinished_unit(self.uow_factory, actor)

    def scan_unit(
        self,
        actor: Actor,
        receipt_id: int,
        raw: str | bytes,
        *,
        damaged: bool = False,
        quantity: int = 1,
    ) -> InspectionView:
        return inspection.scan_unit(
            self.uow_factory,
            actor,
            receipt_id,
            self.readable(raw),
            self._now(),
            self._inspector(),
            damaged=damaged,
            quantity=quantity,
        )

    def inspection(self, actor: Actor, inspection_id: int) -> InspectionView:
        return inspection.view(self.uow_factory, actor, inspection_id, self._inspector())

    def inspection_step(
        self, actor: Actor, inspection_id: int, seen_version: int, move: str, value: Any = None
    ) -> InspectionView:
        return inspection.step(
            self.uow_factory,
            actor,
            inspection_id,
            seen_version,
            self._now(),
            self._inspector(),
            move,
            value,
        )

    def complete_inspection(
        self,
        actor: Actor,
        inspection_id: int,
        seen_version: int,
        disposition: str = "",
        reason: str = "",
    ) -> InspectionView:
        return decisions.complete(
            self.uow_factory,
            actor,
            inspection_id,
            seen_version,
            self._now(),
            self._inspector(),
            disposition=disposition,
            reason=reason,
            label=self.labeling,
        )

    def close_parcel(self, actor: Actor, receipt_id: int) -> InspectionView | ParcelView:
        return decisions.close_parcel(
            self.uow_factory, actor, receipt_id, self._now(), self._inspector()
        )

    # -- labels ---------------------------------------------------------------------------

    def print_labels(self) -> list[PrintJob]:
        """Send this station's due labels to its printer (retries included). The first pass
        after the program starts finds the labels a crash left half-sent: in doubt."""
        if self.printer is None:
            return []
        restarted, self._labels_resumed = not self._labels_resumed, True
        return labels.dispatch(
            self.uow_factory, self.printer, self.station_id, self._now(), restarted
        )

    def print_queue(self) -> list[PrintJob]:
        """Labels of this station not printed yet, with why (in doubt ones included)."""
        return labels.open_jobs(self.uow_factory, self.station_id)

    def confirm_printed(self, actor: Actor, job_id: int) -> PrintJob:
        """The label in doubt did print (a person checked the printer); audited."""
        return labels.confirm_printed(self.uow_factory, actor, job_id, self._now())

    def reprint_in_doubt(self, actor: Actor, job_id: int) -> PrintJob:
        """The label in doubt did not print: queue it again as a reprint; audited."""
        return labels.reprint_in_doubt(self.uow_factory, actor, job_id, self._now())

    def reprint(self, actor: Actor, lpn: str) -> PrintJob:
        return labels.reprint(self.uow_factory, actor, lpn, self._now())

    def label_preview(self, actor: Actor, inspection_id: int) -> bytes:
        """The unit's disposition label as a PNG, for the screen."""
        if self.labeling is None:
            raise NotFound(what="label templates")
        view = self.inspection(actor, inspection_id)
        i = view.inspection
        values = labels.label_values(
            i,
            rma=view.rma_number,
            sku=view.sku,
            description=view.description,
            station="",
            inspector="",
            now=self._now(),
        )
        settings = self.labeling.settings
        return self.labeling.renderer.render(settings.template, values, "png", settings.language)

    # -- messages -------------------------------------------------------------------------

    def send_messages(self) -> list[OutboxMessage]:
        """Send the outbox's due messages (customers' e-mails, teams' webhooks)."""
        if self.transport is None:
            return []
        return outbox.dispatch(self.uow_factory, self.transport, f"station-{self.station_id}")

    def import_file(
        self, actor: Actor, path: Path, progress: Callable[[int, int], None] | None = None
    ) -> ImportReport:
        """Import a store platform's file (leads and admins), audited in ``actor``'s name."""
        return importing.import_file(
            self.uow_factory, path, self._now(), self.window_days, progress=progress, actor=actor
        )

    def import_waiting_files(
        self,
        progress: Callable[[str, int, int], None] | None = None,
        translate: Translate = english,
    ) -> list[tuple[str, ImportReport]]:
        """Import what waits in the watched folder (``[import] folder``), if there is one;
        its problem reports are written in the language of ``translate`` (the station's)."""
        folder = self.import_folder
        if folder is None or not folder.is_dir():
            return []
        if not any(p.is_file() and not p.name.startswith(".") for p in folder.iterdir()):
            return []  # nothing waits: no session of the system identity to audit
        actor = self.command_line("watched folder")
        return importing.import_folder(
            self.uow_factory,
            folder,
            self._now(),
            self.window_days,
            progress,
            translate,
            actor=actor,
        )

    def messages_waiting(self, actor: Actor) -> list[OutboxMessage]:
        """The messages not sent yet, customers' addresses and words included."""
        with self.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.READ_CUSTOMER_DATA)
        return outbox.waiting(self.uow_factory)

    def ping(self) -> None:
        """Raise ``DatabaseUnavailable`` unless the database answers."""
        with self.uow_factory(readonly=True) as uow:
            uow.users.count()
