"""Evidence packs for carrier claims and customer disputes: for an RMA (or one unit, by its
license plate), what the parcel looked like at receipt, and for each unit every answer,
every photo (checked against its checksum), the grade and the disposition, with who, where
and when. Gathered here in one read-only transaction; printed by an ``EvidenceRenderer``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from receiving_station.domain.model import Inspection, Rma
from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import ClassifiedScan, ScanKind
from receiving_station.errors import NotFound, UnknownScan
from receiving_station.ports import Photo, UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.inspection import line_of, workflow_of
from receiving_station.services.lookup import find_rma
from workflows.definition import Workflow


@dataclass(frozen=True)
class PhotoEvidence:
    step_id: str
    taken_at: datetime
    content: bytes
    width: int
    height: int
    sha256: str


@dataclass(frozen=True)
class UnitEvidence:
    inspection: Inspection
    workflow: Workflow
    sku: str
    description: str
    inspector: str
    station: str
    photos: tuple[PhotoEvidence, ...]


@dataclass(frozen=True)
class Evidence:
    key: str
    rma: Rma | None
    received_at: datetime | None
    received_by: str
    received_at_station: str
    packaging: str
    receipt_note: str
    units: tuple[UnitEvidence, ...]
    parcel_photos: tuple[PhotoEvidence, ...] = ()
    generated_at: datetime | None = None
    generated_by: str = ""
    generated_at_station: str = ""
    refund_total: Decimal = field(default=Decimal("0.00"))


def _photos(uow: UnitOfWork, found: list[Photo]) -> tuple[PhotoEvidence, ...]:
    out = []
    for p in found:
        read = uow.photos.content(p.id)  # CorruptPhoto if the bytes fail their checksum
        if read is not None:
            out.append(PhotoEvidence(p.step_id, p.taken_at, read[1], p.width, p.height, p.sha256))
    return tuple(out)


def gather(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    scan: ClassifiedScan,
    now: datetime,
) -> Evidence:
    """The evidence for an RMA, order or tracking number, or a license plate (one unit).
    Inspectors, leads, admins, and the command line's system identity."""
    with uow_factory(readonly=True) as uow:
        names: dict[tuple[str, int], str] = {}

        def user(user_id: int | None) -> str:
            if user_id is None:
                return ""
            if ("u", user_id) not in names:
                found = uow.users.get(user_id)
                names["u", user_id] = found.display_name if found else f"#{user_id}"
            return names["u", user_id]

        def station(station_id: int | None) -> str:
            if station_id is None:
                return ""
            if ("s", station_id) not in names:
                found = uow.stations.get(station_id)
                names["s", station_id] = found.name if found else f"#{station_id}"
            return names["s", station_id]

        acting, at = load_actor(uow, actor, Action.READ_CUSTOMER_DATA)
        who, where = acting.display_name, at.name
        units: list[Inspection]
        if scan.kind is ScanKind.LICENSE_PLATE:
            unit = uow.inspections.by_lpn(scan.text)
            if unit is None:
                raise NotFound(what=scan.text)
            units = [unit]
            rma = uow.rmas.get(unit.rma_id) if unit.rma_id else None
            receipt_id: int | None = unit.receipt_id
        else:
            rma = find_rma(uow, scan)
            if rma is None or rma.id is None:
                raise UnknownScan(text=scan.raw or scan.text)
            info = uow.receipts.info_for_rma(rma.id)
            receipt_id = info.receipt_id if info else None
            units = [
                u
                for u in (uow.inspections.for_receipt(receipt_id) if receipt_id else [])
                if u.rma_id == rma.id
            ]
        receipt = uow.receipts.get(receipt_id) if receipt_id else None
        unit_evidence = []
        for u in units:
            assert u.id is not None
            line = line_of(rma, u.line_no)
            unit_evidence.append(
                UnitEvidence(
                    inspection=u,
                    workflow=workflow_of(uow, u),
                    sku=line.sku if line else "",
                    description=line.description if line else "",
                    inspector=user(u.inspector_id),
                    station=station(u.station_id),
                    photos=_photos(uow, list(uow.photos.for_inspection(u.id))),
                )
            )
        return Evidence(
            key=scan.text,
            rma=rma,
            received_at=receipt.received_at if receipt else None,
            received_by=user(receipt.user_id) if receipt else "",
            received_at_station=station(receipt.station_id) if receipt else "",
            packaging=receipt.packaging.value if receipt else "",
            receipt_note=receipt.note if receipt else "",
            units=tuple(unit_evidence),
            parcel_photos=_photos(uow, list(uow.photos.for_receipt(receipt_id)))
            if receipt_id
            else (),
            generated_at=now,
            generated_by=who,
            generated_at_station=where,
            refund_total=sum(
                (u.inspection.refund_amount for u in unit_evidence), start=Decimal("0.00")
            ),
        )


def describe(evidence: Evidence) -> dict[str, Any]:
    """A short summary (the command line prints it)."""
    return {
        "key": evidence.key,
        "rma": evidence.rma.number if evidence.rma else None,
        "units": len(evidence.units),
        "photos": sum(len(u.photos) for u in evidence.units) + len(evidence.parcel_photos),
    }
