"""The station's front door for the UI: raw input in, one use case, one result out.

Every method is blocking (it talks to the database) and is meant to run on a worker
thread; it holds no state of its own and is safe to call from several threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from receiving_station.domain.model import ExceptionCase, PackagingCondition, Receipt, User
from receiving_station.domain.scan import PARCEL_KINDS, ClassifiedScan, ScanKind
from receiving_station.errors import BadScan, UnknownLicensePlate, UnknownScan
from receiving_station.ports import Clock, ScanClassifier, UnitOfWorkFactory
from receiving_station.services import auth, exceptions, lookup, receiving
from receiving_station.services.context import Actor
from receiving_station.services.receiving import ScanOutcome
from receiving_station.views import RmaView


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


class StationServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        classifier: ScanClassifier,
        clock: Clock,
        station_id: int,
        hold_minutes: int = 15,
    ) -> None:
        self.uow_factory = uow_factory
        self.classifier = classifier
        self.clock = clock
        self.station_id = station_id
        self.hold_minutes = hold_minutes

    def _now(self) -> datetime:
        return self.clock.now()

    def classify(self, raw: str | bytes) -> ClassifiedScan:
        """Never raises: an unreadable scan comes back UNKNOWN with its ``problem``."""
        return self.classifier.classify(raw)

    def readable(self, raw: str | bytes) -> ClassifiedScan:
        """The classified scan; ``BadScan`` (with what was read and why) if it is unreadable."""
        scan = self.classifier.classify(raw)
        if not scan.readable:
            raise BadScan(text=scan.raw, reason=scan.problem)
        return scan

    def login_badge(self, raw: str | bytes) -> LoggedIn:
        scan = self.readable(raw)
        user, actor = auth.login_by_badge(self.uow_factory, self.station_id, scan.text, self._now())
        return LoggedIn(user, actor)

    def login_pin(self, username: str, pin: str) -> LoggedIn:
        user, actor = auth.login_with_pin(
            self.uow_factory, self.station_id, username, pin, self._now()
        )
        return LoggedIn(user, actor)

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

    def lookup(self, raw: str | bytes) -> RmaView:
        return lookup.lookup(self.uow_factory, self.readable(raw), self._now().date())

    def receive(
        self,
        actor: Actor,
        rma_ids: list[int],
        packaging: PackagingCondition = PackagingCondition.GOOD,
        note: str = "",
        lead_badge: str | None = None,
    ) -> Receipt:
        badge = self.readable(lead_badge).text if lead_badge else None
        return receiving.receive_parcel(
            self.uow_factory,
            actor,
            rma_ids,
            self._now(),
            packaging=packaging,
            note=note,
            lead_badge=badge,
        )

    def register_unidentified(
        self,
        actor: Actor,
        scanned_text: str,
        note: str = "",
        packaging: PackagingCondition = PackagingCondition.GOOD,
    ) -> ExceptionCase:
        return receiving.register_unidentified_parcel(
            self.uow_factory, actor, scanned_text, self._now(), note=note, packaging=packaging
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

    def ping(self) -> None:
        """Raise ``DatabaseUnavailable`` unless the database answers."""
        with self.uow_factory(readonly=True) as uow:
            uow.users.count()
