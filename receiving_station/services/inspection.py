"""Inspecting a received parcel, unit by unit, through the workflow that fits each unit.

Each function is one transaction: load, check the acting user, change, save, audit. The
engine decides what an answer means; this module decides which workflow a unit follows
(the unit is on the RMA, one too many, another serial, not ours at all), saves the
progress after every answer, opens the exceptions a finished unit calls for and closes the
RMA once every unit is accounted for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from receiving_station.domain.model import (
    AuditEvent,
    ExceptionKind,
    Inspection,
    InspectionStatus,
    PackagingCondition,
    Receipt,
    Rma,
    RmaLine,
)
from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import (
    BadAnswer,
    DefinitionError,
    InspectionFinished,
    NotFound,
    NotReceivedYet,
    StaleRecord,
    UnknownScan,
)
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.inspection_views import (
    InspectionView,
    ParcelView,
    count_lines,
    inspection_view,
    unit_rows,
)
from receiving_station.services.lookup import find_rma
from receiving_station.services.policy import rules_in_force
from receiving_station.services.unit_matching import identify_unit
from workflows.definition import Library, Workflow
from workflows.disposition import Proposal, Unit, propose
from workflows.engine import Engine, Progress
from workflows.snapshot import from_json, to_json

ONE_BY_ONE = QT_TRANSLATE_NOOP("errors", "units are inspected one by one: the quantity must be 1")
THE_PARCEL = QT_TRANSLATE_NOOP("errors", "The parcel")
THE_INSPECTION = QT_TRANSLATE_NOOP("errors", "The inspection")


@dataclass(frozen=True)
class Inspector:
    """What the use cases need besides the database: the workflows in use."""

    library: Library
    errors: tuple[DefinitionError, ...] = ()


# -- reading ------------------------------------------------------------------------------


def load_parcel(uow: UnitOfWork, receipt_id: int) -> tuple[list[Rma], list[Inspection], bool]:
    rmas, units, receipt = _load(uow, receipt_id)
    return rmas, units, receipt.packaging is PackagingCondition.DAMAGED


def _load(uow: UnitOfWork, receipt_id: int) -> tuple[list[Rma], list[Inspection], Receipt]:
    receipt = uow.receipts.get(receipt_id)
    if receipt is None:
        raise NotFound(what=THE_PARCEL)
    rmas = [r for r in (uow.rmas.get(i) for i in receipt.rma_ids) if r is not None]
    return rmas, list(uow.inspections.for_receipt(receipt_id)), receipt


def build_parcel_view(
    uow: UnitOfWork, receipt_id: int, errors: tuple[DefinitionError, ...] = ()
) -> ParcelView:
    rmas, units, receipt = _load(uow, receipt_id)
    return ParcelView(
        receipt_id=receipt_id,
        rma_numbers=tuple(r.number for r in rmas),
        lines=count_lines(rmas, units),
        units=unit_rows(rmas, units),
        packaging_damaged=receipt.packaging is PackagingCondition.DAMAGED,
        label=receipt.scanned_text,
        workflow_errors=errors,
    )


def open_parcel(
    uow_factory: UnitOfWorkFactory, actor: Actor, scan: ClassifiedScan, inspector: Inspector
) -> ParcelView:
    """The received parcel a scan (RMA, tracking or order number) belongs to, or the
    unidentified parcel registered under that label."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.INSPECT)
        rma = find_rma(uow, scan)
        if rma is None or rma.id is None:
            unidentified = uow.receipts.unidentified(scan.raw or scan.text)
            if unidentified is None:
                raise UnknownScan(text=scan.raw or scan.text)
            return build_parcel_view(uow, unidentified, inspector.errors)
        info = uow.receipts.info_for_rma(rma.id)
        if info is None:
            raise NotReceivedYet(rma=rma.number)
        return build_parcel_view(uow, info.receipt_id, inspector.errors)


def unfinished_unit(uow_factory: UnitOfWorkFactory, actor: Actor) -> tuple[ParcelView, int] | None:
    """The unit this inspector left half inspected at this station (a crash, a power cut, a
    log-out mid-unit) and its parcel, to be put back in front of them; None when none."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.INSPECT)
        left = uow.inspections.unfinished(actor.user_id, actor.station_id)
        if left is None or left.id is None:
            return None
        return build_parcel_view(uow, left.receipt_id), left.id


def parcel(uow_factory: UnitOfWorkFactory, actor: Actor, receipt_id: int) -> ParcelView:
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.INSPECT)
        return build_parcel_view(uow, receipt_id)


_SNAPSHOTS: dict[tuple[str, int], Workflow] = {}
"""Workflow versions read from the database. A stored version never changes (a changed
file must take a new version number), so they are kept for the life of the process."""


def workflow_of(uow: UnitOfWork, inspection: Inspection) -> Workflow:
    key = (inspection.workflow_id, inspection.workflow_version)
    cached = _SNAPSHOTS.get(key)
    if cached is not None:
        return cached
    stored = uow.workflow_definitions.get(*key)
    if stored is None:
        raise NotFound(what=f"{inspection.workflow_id} v{inspection.workflow_version}")
    workflow = _SNAPSHOTS.setdefault(key, from_json(stored[1]))
    return workflow


def line_of(rma: Rma | None, line_no: int | None) -> RmaLine | None:
    if rma is None or line_no is None:
        return None
    return next((ln for ln in rma.lines if ln.line_no == line_no), None)


def _stored_proposal(i: Inspection) -> Proposal:
    return Proposal(
        disposition=i.disposition,
        zone=i.zone,
        refund=i.refund,
        refund_amount=i.refund_amount,
        fee_percent=0.0,
        rule=i.rule_id,
        rules_version=i.rules_version,
        lead_approval=i.lead_approval,
    )


def rules_unit(inspection: Inspection, engine: Engine, progress: Progress) -> Unit:
    result = engine.result(progress)
    extra = tuple(k for k in inspection.exception_kinds if k not in result.exceptions)
    flags = tuple(f for f in inspection.flags if f not in result.flags)
    result = type(result)(
        result.flags + flags, result.exceptions + extra, result.hints, result.grade
    )
    return Unit(
        grade=result.grade,
        category=inspection.category,
        reason=inspection.reason_code,
        value=inspection.unit_value,
        result=result,
    )


def build_view(uow: UnitOfWork, inspection: Inspection, inspector: Inspector) -> InspectionView:
    engine = Engine(workflow_of(uow, inspection), inspection.category, inspector.library.scale)
    progress = Progress.from_json(inspection.progress)
    proposal: Proposal | None = None
    if inspection.finished:
        proposal = _stored_proposal(inspection)
    elif progress.current is None and not engine.missing(progress) and inspector.library.rules:
        rules, _version = rules_in_force(uow, inspector.library.rules)
        proposal = propose(rules, rules_unit(inspection, engine, progress))
    rma = uow.rmas.get(inspection.rma_id) if inspection.rma_id else None
    line = line_of(rma, inspection.line_no)
    return inspection_view(
        inspection,
        engine,
        proposal,
        sku=line.sku if line else "",
        description=line.description if line else inspection.scanned_text,
        rma_number=rma.number if rma else "",
    )


def view(
    uow_factory: UnitOfWorkFactory, actor: Actor, inspection_id: int, inspector: Inspector
) -> InspectionView:
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.INSPECT)
        inspection = uow.inspections.get(inspection_id)
        if inspection is None:
            raise NotFound(what=THE_INSPECTION)
        return build_view(uow, inspection, inspector)


# -- starting a unit ----------------------------------------------------------------------


def store_definition(uow: UnitOfWork, wf: Workflow, now: datetime) -> None:
    stored = uow.workflow_definitions.get(wf.id, wf.version)
    if stored is None:
        uow.workflow_definitions.add(wf.id, wf.version, wf.digest, to_json(wf), now)
        stored = uow.workflow_definitions.get(wf.id, wf.version)  # another station's, maybe
    if stored is not None and stored[0] != wf.digest:
        raise DefinitionError(
            file=wf.source,
            where="",
            field="version",
            expected=f"a new version number (the steps changed; {wf.version} is in use)",
            found=wf.version,
        )


def scan_unit(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    receipt_id: int,
    scan: ClassifiedScan,
    now: datetime,
    inspector: Inspector,
    *,
    damaged: bool = False,
    quantity: int = 1,
) -> InspectionView:
    """A unit taken out of the box and scanned: start its inspection with the workflow that
    fits what it is. ``damaged``: the inspector says it arrived damaged."""
    if quantity != 1:
        raise BadAnswer(step="quantity", problem=ONE_BY_ONE)
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, Action.INSPECT)
        # Counting the line's units, then adding one: the parcel is ours meanwhile, so two
        # inspectors scanning its last unit at once get that unit and one too many.
        uow.receipts.lock(receipt_id)
        rmas, units, _damaged_box = load_parcel(uow, receipt_id)
        rma, line, condition, fields = identify_unit(scan, rmas, units, damaged)
        workflow = inspector.library.for_condition(condition)
        if workflow is None:
            raise NotFound(what=condition)
        store_definition(uow, workflow, now)
        engine = Engine(workflow, line.category if line else "", inspector.library.scale)
        inspection = Inspection(
            id=None,
            receipt_id=receipt_id,
            rma_id=rma.id if rma else None,
            line_no=line.line_no if line else None,
            status=InspectionStatus.IN_PROGRESS,
            station_id=station.id,
            inspector_id=user.id,
            condition=condition,
            category=line.category if line else "",
            scanned_text=scan.raw or scan.text,
            gtin=fields.get("gtin", ""),
            serial=fields.get("serial", ""),
            batch=fields.get("batch", ""),
            expiry=fields.get("expiry", ""),
            unit_value=line.unit_value if line else Decimal("0"),
            reason_code=line.reason_code if line else "",
            workflow_id=workflow.id,
            workflow_version=workflow.version,
            progress=engine.start().to_json(),
            started_at=now,
        )
        uow.inspections.add(inspection)
        audit_inspection(
            uow, actor, now, "inspection.start", inspection, {}, {"condition": condition}
        )
        uow.commit()
        return build_view(uow, inspection, inspector)


# -- walking ------------------------------------------------------------------------------


def audit_inspection(
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    action: str,
    inspection: Inspection,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=actor.user_id,
            station_id=actor.station_id,
            action=action,
            entity="inspection",
            entity_id=inspection.reference,
            before=before,
            after=after,
        )
    )


def lock_parcel_of(uow: UnitOfWork, inspection_id: int) -> None:
    """Hold the parcel of this unit (see ``ReceiptRepository.lock``); none: nothing held."""
    inspection = uow.inspections.get(inspection_id)
    if inspection is not None:
        uow.receipts.lock(inspection.receipt_id)


def open_for_change(
    uow: UnitOfWork, actor: Actor, inspection_id: int, seen_version: int
) -> Inspection:
    """The unit, as it is now, for this change; its parcel is held until commit."""
    load_actor(uow, actor, Action.INSPECT)
    lock_parcel_of(uow, inspection_id)
    inspection = uow.inspections.get(inspection_id)
    if inspection is None:
        raise NotFound(what=THE_INSPECTION)
    if inspection.finished:
        raise InspectionFinished(ref=inspection.reference)
    if inspection.version != seen_version:
        raise StaleRecord(what=inspection.reference)
    return inspection


def step(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    inspection_id: int,
    seen_version: int,
    now: datetime,
    inspector: Inspector,
    move: str,
    value: Any = None,
) -> InspectionView:
    """One move of the inspector: ``answer`` (with ``value``), ``next``, ``back``, ``skip``
    or ``goto`` (``value``: a step id). Saved at once: a crash loses nothing."""
    with uow_factory() as uow:
        inspection = open_for_change(uow, actor, inspection_id, seen_version)
        engine = Engine(workflow_of(uow, inspection), inspection.category, inspector.library.scale)
        before = Progress.from_json(inspection.progress)
        current = engine.current_step(before)
        if move == "answer":
            after = engine.answer(before, value)
            assert current is not None
            _check_serial(uow, inspection, current.target, after.answers.get(current.id))
        elif move == "next":
            after = engine.next(before)
        elif move == "back":
            after = engine.back(before)
        elif move == "skip":
            after = engine.skip(before)
        elif move == "goto":
            after = engine.go_to(before, str(value))
        else:
            raise ValueError(move)
        inspection.progress = after.to_json()
        uow.inspections.save(inspection)
        if move in ("answer", "skip"):
            shown = after.answers.get(current.id) if current else None
            audit_inspection(
                uow,
                actor,
                now,
                f"inspection.{move}",
                inspection,
                {},
                {"step": current.id if current else "", "answer": _plain(shown)},
            )
        uow.commit()
        return build_view(uow, inspection, inspector)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _check_serial(uow: UnitOfWork, inspection: Inspection, target: str, value: Any) -> None:
    """A serial scanned during the workflow: recorded; one not sold on the line is a
    serial mismatch (ACCEPTANCE 12)."""
    if target != "serial" or not isinstance(value, str):
        return
    inspection.serial = value
    rma = uow.rmas.get(inspection.rma_id) if inspection.rma_id else None
    line = line_of(rma, inspection.line_no)
    if line and line.expected_serials and value not in line.expected_serials:
        if ExceptionKind.SERIAL_MISMATCH.value not in inspection.exception_kinds:
            inspection.exception_kinds.append(ExceptionKind.SERIAL_MISMATCH.value)
        if "serial_mismatch" not in inspection.flags:
            inspection.flags.append("serial_mismatch")
