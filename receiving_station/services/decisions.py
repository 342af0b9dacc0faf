"""Finishing: a unit's decision (the proposal, or the inspector's override with a reason),
the exceptions it opens, and closing a parcel with its missing units accounted for."""

from __future__ import annotations

from datetime import datetime

from receiving_station.domain.model import (
    AuditEvent,
    ExceptionCase,
    ExceptionKind,
    Inspection,
    InspectionStatus,
    Rma,
    RmaStatus,
    Station,
    User,
)
from receiving_station.domain.permissions import Action
from receiving_station.errors import NotFound, UnitsInProgress
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.inspection import (
    Inspector,
    audit_inspection,
    build_parcel_view,
    build_view,
    line_of,
    load_parcel,
    open_for_change,
    rules_unit,
    store_definition,
    workflow_of,
)
from receiving_station.services.inspection_views import InspectionView, ParcelView, count_lines
from receiving_station.services.labels import Labeling, label_values, queue_label
from receiving_station.services.messages import customer_message, team_message
from receiving_station.services.policy import rules_in_force
from workflows.disposition import override, propose
from workflows.engine import Engine, Progress


def complete(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    inspection_id: int,
    seen_version: int,
    now: datetime,
    inspector: Inspector,
    *,
    disposition: str = "",
    reason: str = "",
    label: Labeling | None = None,
) -> InspectionView:
    """Accept the proposal (or override it: ``disposition`` and ``reason``). The unit waits
    for a lead when a check failed, an exception opened, its value or the rule says so, or
    an override goes beyond the policy limit; each exception kind opens its exception."""
    rules = inspector.library.rules
    if rules is None:
        raise NotFound(what="rules.toml")
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, Action.INSPECT)
        # The parcel is ours until commit (``open_for_change``): whether this was its RMA's
        # last unit is counted with every other station's decision on it already in.
        inspection = open_for_change(uow, actor, inspection_id, seen_version)
        engine = Engine(workflow_of(uow, inspection), inspection.category, inspector.library.scale)
        progress = Progress.from_json(inspection.progress)
        engine.check_complete(progress)
        unit = rules_unit(inspection, engine, progress)
        rules, policy_version = rules_in_force(uow, rules)
        proposal = propose(rules, unit)
        inspection.proposed_disposition = proposal.disposition
        if disposition and disposition != proposal.disposition:
            proposal = override(rules, proposal, disposition, reason, inspection.unit_value)
            inspection.override_reason = reason.strip()
        inspection.grade = unit.result.grade
        inspection.flags = list(unit.result.flags)
        inspection.exception_kinds = list(unit.result.exceptions)
        inspection.rule_id = proposal.rule
        inspection.rules_version = proposal.rules_version
        inspection.policy_version = policy_version
        inspection.disposition = proposal.disposition
        inspection.zone = proposal.zone
        inspection.refund = proposal.refund
        inspection.refund_amount = proposal.refund_amount
        inspection.lead_approval = proposal.lead_approval
        inspection.completed_at = now
        inspection.transition(
            InspectionStatus.AWAITING_LEAD if proposal.lead_approval else InspectionStatus.COMPLETED
        )
        uow.inspections.save(inspection)
        kinds = list(unit.result.exceptions)
        if inspection.override_reason and "override" in proposal.why_lead:
            kinds.append(ExceptionKind.OVERRIDE.value)
        if proposal.lead_approval and not kinds:
            kinds.append(ExceptionKind.APPROVAL.value)
        assert user.id is not None
        assert station.id is not None
        already = {
            c.kind.value
            for c in uow.exceptions.open_for_receipt(inspection.receipt_id)
            if c.inspection_id is None
        }
        for kind in kinds:
            if kind in already:  # opened at the dock (an unidentified parcel): not twice
                continue
            case = uow.exceptions.add(
                ExceptionCase(
                    id=None,
                    kind=ExceptionKind(kind),
                    opened_by=user.id,
                    opened_at=now,
                    station_id=station.id,
                    receipt_id=inspection.receipt_id,
                    rma_id=inspection.rma_id,
                    disposition=proposal.disposition,
                    note=_summary(inspection),
                    inspection_id=inspection.id,
                )
            )
            uow.outbox.add(
                team_message(
                    "exception_opened",
                    "service",
                    f"exception_opened:{case.reference}",
                    now,
                    {
                        "exception": case.reference,
                        "kind": kind,
                        "inspection": inspection.reference,
                        "disposition": proposal.disposition,
                    },
                )
            )
        if label is not None:
            queue_unit_label(uow, label, inspection, user, station, now)
        _announce(uow, inspection, now)
        audit_inspection(
            uow,
            actor,
            now,
            "inspection.complete",
            inspection,
            {"proposed": inspection.proposed_disposition},
            {
                "disposition": inspection.disposition,
                "zone": inspection.zone,
                "rule": inspection.rule_id,
                "rules_version": inspection.rules_version,
                "refund": inspection.refund,
                "refund_amount": str(inspection.refund_amount),
                "override_reason": inspection.override_reason,
                "exceptions": kinds,
                "status": inspection.status.value,
            },
        )
        _close_accounted(uow, actor, inspection.receipt_id, now)
        uow.commit()
        return build_view(uow, inspection, inspector)


def queue_unit_label(
    uow: UnitOfWork,
    label: Labeling,
    unit: Inspection,
    person: User,
    station: Station,
    now: datetime,
) -> None:
    """The unit's disposition label, queued in the caller's transaction (at completion, or
    at a lead's decision), with the RMA line's words."""
    assert person.id is not None
    assert station.id is not None
    rma = uow.rmas.get(unit.rma_id) if unit.rma_id else None
    line = line_of(rma, unit.line_no)
    values = label_values(
        unit,
        rma=rma.number if rma else "",
        sku=line.sku if line else "",
        description=line.description if line else unit.scanned_text[:60],
        station=station.name,
        inspector=person.display_name,
        now=now,
    )
    queue_label(uow, label.renderer, label.settings, unit, values, person.id, station.id, now)
    uow.inspections.save(unit)


def _announce(uow: UnitOfWork, inspection: Inspection, now: datetime) -> None:
    """The customer hears their item was checked; finance gets the refund to make."""
    rma = uow.rmas.get(inspection.rma_id) if inspection.rma_id else None
    if rma is None or inspection.condition == "missing_item":
        return
    line = line_of(rma, inspection.line_no)
    description = line.description if line else inspection.scanned_text[:60]
    waiting = inspection.status is InspectionStatus.AWAITING_LEAD
    uow.outbox.add(
        customer_message(
            "item_inspected",
            f"item_inspected:{inspection.reference}",
            rma.customer_email,
            rma.customer_language,
            now,
            name=rma.customer_name,
            rma=rma.number,
            sku=line.sku if line else "",
            description=description,
            refund="" if waiting else inspection.refund,
            amount=f"{inspection.refund_amount:.2f}",
        )
    )
    if not waiting:
        announce_refund(uow, inspection, now)


def announce_refund(uow: UnitOfWork, inspection: Inspection, now: datetime) -> None:
    """Finance gets the refund a decided unit calls for, whoever decided it (the inspector,
    or a lead for a unit that waited). Queued once per unit: its key is the unit's."""
    rma = uow.rmas.get(inspection.rma_id) if inspection.rma_id else None
    if rma is None or inspection.condition == "missing_item":
        return
    if inspection.refund not in ("full", "partial"):
        return
    line = line_of(rma, inspection.line_no)
    uow.outbox.add(
        team_message(
            "refund_recommended",
            "finance",
            f"refund_recommended:{inspection.reference}",
            now,
            {
                "rma": rma.number,
                "order": rma.order_ref,
                "customer_email": rma.customer_email,
                "sku": line.sku if line else "",
                "refund": inspection.refund,
                "amount": f"{inspection.refund_amount:.2f}",
                "grade": inspection.grade,
                "disposition": inspection.disposition,
                "lpn": inspection.lpn,
                "rules_version": inspection.rules_version,
            },
        )
    )


def _summary(i: Inspection) -> str:
    parts = [i.reference, i.condition]
    if i.grade:
        parts.append(f"grade {i.grade}")
    if i.flags:
        parts.append(", ".join(i.flags))
    if i.scanned_text:
        parts.append(i.scanned_text)
    return " · ".join(parts)


def _close_accounted(uow: UnitOfWork, actor: Actor, receipt_id: int, now: datetime) -> None:
    """Close each RMA of the parcel whose every expected unit is found and decided (a unit
    waiting for a lead is not decided yet: its lead's decision closes the RMA)."""
    rmas, units, _ = load_parcel(uow, receipt_id)
    lines = count_lines(rmas, units)
    for rma in rmas:
        mine = [ln for ln in lines if ln.rma_id == rma.id]
        done = all(ln.missing == 0 and ln.in_progress == 0 for ln in mine)
        busy = any(u.rma_id == rma.id and u.status is not InspectionStatus.COMPLETED for u in units)
        if rma.status is RmaStatus.RECEIVED and done and not busy:
            _close(uow, actor, rma, now)


def _close(uow: UnitOfWork, actor: Actor, rma: Rma, now: datetime) -> None:
    rma.transition(RmaStatus.CLOSED)
    uow.rmas.save_status(rma)
    uow.outbox.add(
        customer_message(
            "return_completed",
            f"return_completed:{rma.number}",
            rma.customer_email,
            rma.customer_language,
            now,
            name=rma.customer_name,
            rma=rma.number,
        )
    )
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=actor.user_id,
            station_id=actor.station_id,
            action="close",
            entity="rma",
            entity_id=rma.number,
            before={"status": RmaStatus.RECEIVED.value},
            after={"status": RmaStatus.CLOSED.value},
        )
    )


def close_parcel(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    receipt_id: int,
    now: datetime,
    inspector: Inspector,
) -> InspectionView | ParcelView:
    """The inspector says the box is done. Every unit found must be decided; units still
    missing (or an empty box) start the missing-item workflow, whose completion opens the
    missing-item exception: nothing is restocked and no refund covers what did not come."""
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, Action.INSPECT)
        uow.receipts.lock(receipt_id)  # one missing-item unit, however many close the box
        rmas, units, _ = load_parcel(uow, receipt_id)
        if not rmas:  # an unidentified parcel: nothing was expected, nothing is missing
            return build_parcel_view(uow, receipt_id)
        busy = [u for u in units if not u.finished]
        if busy:
            raise UnitsInProgress(refs=", ".join(u.reference for u in busy))
        lines = count_lines(rmas, units)
        short = [ln for ln in lines if ln.missing > 0]
        already = any(u.condition == "missing_item" for u in units)
        if (short or not units) and not already:
            workflow = inspector.library.for_condition("missing_item")
            if workflow is None:
                raise NotFound(what="missing_item")
            store_definition(uow, workflow, now)
            engine = Engine(workflow, "", inspector.library.scale)
            what = "; ".join(f"{ln.missing} × {ln.sku} ({ln.rma_number})" for ln in short)
            first = short[0] if short else None
            inspection = Inspection(
                id=None,
                receipt_id=receipt_id,
                rma_id=first.rma_id if first else (rmas[0].id if rmas else None),
                line_no=first.line_no if first else None,
                status=InspectionStatus.IN_PROGRESS,
                station_id=station.id,
                inspector_id=user.id,
                condition="missing_item",
                scanned_text=f"missing: {what}" if what else "empty box",
                workflow_id=workflow.id,
                workflow_version=workflow.version,
                progress=engine.start().to_json(),
                started_at=now,
            )
            uow.inspections.add(inspection)
            audit_inspection(uow, actor, now, "inspection.start", inspection, {}, {"missing": what})
            uow.commit()
            return build_view(uow, inspection, inspector)
        _close_accounted(uow, actor, receipt_id, now)
        uow.commit()
        return build_parcel_view(uow, receipt_id)
