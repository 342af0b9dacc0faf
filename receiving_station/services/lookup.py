"""Resolve a scan to the RMA it belongs to: by RMA number, tracking number or order number."""

from __future__ import annotations

from datetime import date

from receiving_station.domain.model import Rma, RmaStatus
from receiving_station.domain.scan import PARCEL_KINDS, ClassifiedScan, ScanKind
from receiving_station.errors import BadScan, UnknownScan
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.views import RmaView

NOT_A_PARCEL = QT_TRANSLATE_NOOP("errors", "this is a badge or a command, not a parcel label")


def _pick_from_order(rmas: list[Rma]) -> Rma | None:
    # An order can have several RMAs: the one still expected at the dock wins, then the newest.
    if not rmas:
        return None
    waiting = [r for r in rmas if r.status is RmaStatus.OPEN]
    pool = waiting or rmas
    return max(pool, key=lambda r: (r.created_on, r.id or 0))


def _find_one(uow: UnitOfWork, scan: ClassifiedScan) -> Rma | None:
    if scan.kind is ScanKind.RMA:
        return uow.rmas.by_number(scan.text)
    if scan.kind is ScanKind.TRACKING:
        return uow.rmas.by_tracking(scan.text) or _pick_from_order(
            list(uow.rmas.by_order(scan.text))
        )
    if scan.kind is ScanKind.ORDER:
        return _pick_from_order(list(uow.rmas.by_order(scan.text))) or uow.rmas.by_tracking(
            scan.text
        )
    if scan.kind is ScanKind.UNKNOWN:
        return (
            uow.rmas.by_number(scan.text)
            or uow.rmas.by_tracking(scan.text)
            or _pick_from_order(list(uow.rmas.by_order(scan.text)))
        )
    return None


def find_rma(uow: UnitOfWork, scan: ClassifiedScan) -> Rma | None:
    """The RMA a scan refers to, or ``None``. Only exact matches: the dock never guesses.

    Every parcel reading of the scan is tried in turn (a 12-digit number may be a FedEx
    number or an order number); the first exact match wins."""
    if scan.kind in (ScanKind.BADGE, ScanKind.COMMAND):
        raise BadScan(text=scan.raw or scan.text, reason=NOT_A_PARCEL)
    for reading in scan.readings():
        if reading.kind in PARCEL_KINDS and (rma := _find_one(uow, reading)) is not None:
            return rma
    return None


def rma_view(uow: UnitOfWork, rma: Rma, today: date) -> RmaView:
    assert rma.id is not None
    receipt = uow.receipts.info_for_rma(rma.id) if rma.status is not RmaStatus.OPEN else None
    return RmaView.of(rma, today, receipt)


def lookup(uow_factory: UnitOfWorkFactory, scan: ClassifiedScan, today: date) -> RmaView:
    """What the scan resolves to, ready to display; raises :class:`UnknownScan`."""
    with uow_factory(readonly=True) as uow:
        rma = find_rma(uow, scan)
        if rma is None:
            raise UnknownScan(text=scan.raw or scan.text)
        return rma_view(uow, rma, today)
