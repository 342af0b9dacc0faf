"""The floor lead's exception queue and decisions, from any station.

The queue is every exception not yet decided (or decided today), oldest first, with its
age against the policy's SLA. A decision is taken on the version of the case the lead saw:
one another lead decided meanwhile is refused with who and when, never decided twice.
Decisions: approve the unit's proposal, override its disposition (with a reason), send the
unit back for re-inspection, link an unidentified parcel to its RMA, or resolve with a
note. Each records the lead and the time, is audited, and tells customer service.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import (
    CASE,
    AuditEvent,
    ExceptionCase,
    ExceptionKind,
    ExceptionState,
    InspectionStatus,
    RmaStatus,
    reference,
)
from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import (
    DecisionNeedsPin,
    DuplicateReceipt,
    InvalidEntry,
    NotFound,
    RuleViolation,
    StaleRecord,
)
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.decisions import (
    _close_accounted,
    announce_refund,
    queue_unit_label,
)
from receiving_station.services.labels import Labeling
from receiving_station.services.lead_pin import decider, pin_reason, verify_decider
from receiving_station.services.lookup import find_rma
from receiving_station.services.messages import customer_message, team_message
from workflows.definition import DISPOSITIONS, Rules

DECISIONS = ("approve", "override", "send_back", "link", "resolve")
WAITING = "waiting"
"""The status filter for what still needs a lead: open or in review."""

F_REASON = QT_TRANSLATE_NOOP("errors", "Reason")
F_NOTE = QT_TRANSLATE_NOOP("errors", "Note")
F_DISPOSITION = QT_TRANSLATE_NOOP("errors", "Disposition")
F_RMA = QT_TRANSLATE_NOOP("errors", "RMA")
P_WORDS = QT_TRANSLATE_NOOP("errors", "write a few words: what was decided and why")
P_DISPOSITION = QT_TRANSLATE_NOOP("errors", "choose one of the dispositions shown")
P_NO_UNIT = QT_TRANSLATE_NOOP("errors", "this exception has no unit to decide on")
P_NOT_UNIDENTIFIED = QT_TRANSLATE_NOOP("errors", "only an unidentified parcel is linked to an RMA")
P_RMA_RECEIVED = QT_TRANSLATE_NOOP("errors", "that RMA already has a parcel received")
P_NOT_WAITING = QT_TRANSLATE_NOOP("errors", "the unit is not waiting for a lead")


class AlreadyDecided(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{ref} was already decided by {lead} at {when}: {resolution}. Nothing was changed.",
    )


@dataclass(frozen=True)
class QueueFilter:
    kind: str = ""
    station: str = ""
    min_age_hours: float = 0.0
    status: str = WAITING
    """waiting (open or in review), open, in_review, or resolved (today)."""


@dataclass(frozen=True)
class QueueRow:
    case: ExceptionCase
    station: str
    inspector: str
    age_hours: float
    past_sla: bool
    unit: str
    rma: str
    sku: str
    thumbnail: str
    """``photo:ID`` of the first photo of the unit or parcel; empty when none."""


def _names(uow: UnitOfWork) -> tuple[dict[int, str], dict[int, str]]:
    users = {u.id: u.display_name for u in uow.users.all() if u.id is not None}
    stations = {s.id: s.name for s in uow.stations.all() if s.id is not None}
    return users, stations


def queue(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    wanted: QueueFilter,
    now: datetime,
    sla_hours: int,
) -> list[QueueRow]:
    """The exceptions a lead sees, oldest first."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.REVIEW_EXCEPTION)
        users, stations = _names(uow)
        if wanted.status == ExceptionState.RESOLVED.value:
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            cases = list(uow.exceptions.resolved_since(midnight))
        else:
            cases = [
                c
                for c in uow.exceptions.open_cases()
                if wanted.status in (WAITING, "") or c.state.value == wanted.status
            ]
        kept = []
        for case in cases:
            age = (now - case.opened_at).total_seconds() / 3600
            station = stations.get(case.station_id, "")
            if wanted.kind and case.kind.value != wanted.kind:
                continue
            if wanted.station and station != wanted.station:
                continue
            if age < wanted.min_age_hours:
                continue
            kept.append((case, station, age))
        glances = uow.queue.glance([c.id for c, _s, _a in kept if c.id is not None])
        rows = []
        for case, station, age in kept:
            glance = glances.get(case.id or 0)
            rows.append(
                QueueRow(
                    case=case,
                    station=station,
                    inspector=users.get(glance.inspector_id, "")
                    if glance and glance.inspector_id
                    else "",
                    age_hours=age,
                    past_sla=case.state is not ExceptionState.RESOLVED and age > sla_hours,
                    unit=glance.unit if glance else "",
                    rma=glance.rma if glance else "",
                    sku=glance.sku if glance else "",
                    thumbnail=f"photo:{glance.photo_id}" if glance and glance.photo_id else "",
                )
            )
        return rows


def queue_signature(uow_factory: UnitOfWorkFactory) -> tuple[int, ...]:
    """Changes whenever an exception is opened or moves, at any station: what the queue
    polls to know it must read again."""
    with uow_factory(readonly=True) as uow:
        return uow.exceptions.signature()


def decide(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    exception_id: int,
    seen_version: int,
    decision: str,
    now: datetime,
    rules: Rules | None,
    *,
    note: str = "",
    disposition: str = "",
    rma_scan: ClassifiedScan | None = None,
    label: Labeling | None = None,
    lead_badge: str = "",
    lead_pin: str = "",
    login_policy: LoginPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> ExceptionCase:
    """One lead decision on one exception, against the version the lead saw.

    An override, or an approval outside the policy (:mod:`.lead_pin`), needs the badge
    and PIN of the deciding lead (``lead_badge``, ``lead_pin``), checked here whatever the
    UI did; without them it is refused (``DecisionNeedsPin``) and nothing changes. With
    them, the decision is taken in the name of the badge's holder."""
    note = note.strip()
    if decision not in DECISIONS:
        raise InvalidEntry(field=F_DISPOSITION, problem=P_DISPOSITION)
    if decision in ("override", "resolve") and len(note) < 3:
        raise InvalidEntry(field=F_REASON if decision == "override" else F_NOTE, problem=P_WORDS)
    if decision == "override" and disposition not in DISPOSITIONS:
        raise InvalidEntry(field=F_DISPOSITION, problem=P_DISPOSITION)
    verified = None
    if lead_badge.strip():
        policy = login_policy or LoginPolicy()
        verified = verify_decider(uow_factory, actor, lead_badge, lead_pin, now, policy, sleep)
    try:
        with uow_factory() as uow:
            case = _decide(
                uow,
                actor,
                exception_id,
                seen_version,
                decision,
                now,
                rules,
                note,
                disposition,
                rma_scan,
                label,
                verified,
            )
            uow.commit()
            return case
    except StaleRecord:
        # Changed at another station between our read and our write: if it was decided
        # there, say by whom, when and how.
        with uow_factory(readonly=True) as uow:
            now_is = uow.exceptions.get(exception_id)
            if now_is is not None and now_is.state is ExceptionState.RESOLVED:
                raise already_decided(uow, now_is) from None
        raise


def already_decided(uow: UnitOfWork, case: ExceptionCase) -> AlreadyDecided:
    """The refusal for a case that is decided: who decided it, when, and what."""
    decided_by = uow.users.get(case.lead_id) if case.lead_id else None
    return AlreadyDecided(
        ref=case.reference,
        lead=decided_by.display_name if decided_by else "?",
        when=case.resolved_at,
        resolution=case.resolution,
    )


def _decide(
    uow: UnitOfWork,
    actor: Actor,
    exception_id: int,
    seen_version: int,
    decision: str,
    now: datetime,
    rules: Rules | None,
    note: str,
    disposition: str,
    rma_scan: ClassifiedScan | None,
    label: Labeling | None,
    verified: int | None = None,
) -> ExceptionCase:
    at_window, station = load_actor(uow, actor, Action.RESOLVE_EXCEPTION)
    found = uow.exceptions.get(exception_id)
    if found is None:
        raise NotFound(what=reference(CASE, exception_id))
    # Leads take the parcel in turn (as inspectors do), then read the case as it is now:
    # of two leads deciding one unit at once, the second reads the first one's decision.
    if found.receipt_id is not None:
        uow.receipts.lock(found.receipt_id)
    case = uow.exceptions.lock(exception_id) or found
    if case.state is ExceptionState.RESOLVED:
        raise already_decided(uow, case)
    if case.version != seen_version:
        raise StaleRecord(what=case.reference)
    assert station.id is not None
    unit = uow.inspections.get(case.inspection_id) if case.inspection_id else None
    if unit is not None and decision in UNIT_DECISIONS:
        _refuse_decided_unit(uow, case, unit.id, unit.status)
    why = pin_reason(uow, case, decision, rules, rma_scan, now)
    if verified is None and why:
        raise DecisionNeedsPin(ref=case.reference, why=why)
    lead = at_window if verified is None else decider(uow, verified)
    extra = {} if verified is None else {"checked": "badge+pin"}
    if lead.id != at_window.id:
        extra["window_user"] = at_window.username
    assert lead.id is not None
    resolution = _apply(uow, case, decision, note, disposition, rma_scan, rules, now, lead.id)
    unit = uow.inspections.get(case.inspection_id) if case.inspection_id else None
    if label is not None and unit is not None and decision in ("approve", "override"):
        queue_unit_label(uow, label, unit, lead, station, now)
    _resolve(uow, case, decision, resolution, lead.id, station.id, now, extra)
    if unit is not None and decision in UNIT_DECISIONS:
        # One decision settles the unit: its other open cases are resolved with it.
        for other in uow.exceptions.for_inspection(unit.id or 0):
            held = uow.exceptions.lock(other.id or 0) if other.id != case.id else None
            if held is not None and held.state is not ExceptionState.RESOLVED:
                words = f"{resolution} (decided with {case.reference})"
                _resolve(
                    uow,
                    held,
                    decision,
                    words,
                    lead.id,
                    station.id,
                    now,
                    {"settled_by": case.reference, **extra},
                )
    if unit is not None and decision in ("approve", "override"):
        announce_refund(uow, unit, now)
        _close_accounted(uow, actor, unit.receipt_id, now)
    return case


UNIT_DECISIONS = ("approve", "override", "send_back")
"""Decisions on the unit itself (not only on the case): one settles every case it opened."""


def _refuse_decided_unit(
    uow: UnitOfWork, case: ExceptionCase, unit_id: int | None, status: InspectionStatus
) -> None:
    """A unit no longer waiting because a lead decided it (through another of its cases)
    is not decided again: the lead is told that decision."""
    if status is InspectionStatus.AWAITING_LEAD or unit_id is None:
        return
    if status is InspectionStatus.IN_PROGRESS:
        raise InvalidEntry(field=F_DISPOSITION, problem=P_NOT_WAITING)
    decided = [
        c
        for c in uow.exceptions.for_inspection(unit_id)
        if c.id != case.id and c.state is ExceptionState.RESOLVED and c.lead_id is not None
    ]
    if decided:
        first = min(decided, key=lambda c: (c.resolved_at or c.opened_at, c.id or 0))
        raise already_decided(uow, first)
    raise InvalidEntry(field=F_DISPOSITION, problem=P_NOT_WAITING)


def _resolve(
    uow: UnitOfWork,
    case: ExceptionCase,
    decision: str,
    resolution: str,
    lead_id: int,
    station_id: int,
    now: datetime,
    extra: dict[str, str],
) -> None:
    before = case.state
    if case.state is ExceptionState.OPEN:
        case.transition(ExceptionState.IN_REVIEW)
    case.transition(ExceptionState.RESOLVED)
    case.resolution, case.lead_id, case.resolved_at = resolution, lead_id, now
    uow.exceptions.save(case)
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=lead_id,
            station_id=station_id,
            action=f"exception.{decision}",
            entity="exception",
            entity_id=case.reference,
            before={"state": before.value},
            after={
                "state": case.state.value,
                "decision": decision,
                "resolution": resolution,
                **extra,
            },
        )
    )
    uow.outbox.add(
        team_message(
            "exception_resolved",
            "service",
            f"exception_resolved:{case.reference}",
            now,
            {"exception": case.reference, "kind": case.kind.value, "resolution": resolution},
        )
    )


def _apply(
    uow: UnitOfWork,
    case: ExceptionCase,
    decision: str,
    note: str,
    disposition: str,
    rma_scan: ClassifiedScan | None,
    rules: Rules | None,
    now: datetime,
    lead_id: int,
) -> str:
    """What the decision does to the unit or the parcel; the resolution's words."""
    if decision == "resolve":
        return note
    if decision == "link":
        return _link(uow, case, rma_scan, now)
    unit = uow.inspections.get(case.inspection_id) if case.inspection_id else None
    if unit is None:
        raise InvalidEntry(field=F_DISPOSITION, problem=P_NO_UNIT)
    if decision == "send_back":
        if unit.status is not InspectionStatus.AWAITING_LEAD:
            raise InvalidEntry(field=F_DISPOSITION, problem=P_NOT_WAITING)
        unit.transition(InspectionStatus.IN_PROGRESS)
        uow.inspections.save(unit)
        return "sent back for re-inspection" + (f": {note}" if note else "")
    if decision == "override":
        unit.disposition = disposition
        unit.zone = rules.zone_of(disposition) if rules else disposition.upper()
        unit.override_reason = note
    if unit.status is InspectionStatus.AWAITING_LEAD:
        unit.transition(InspectionStatus.COMPLETED)
    unit.lead_approval = False
    uow.inspections.save(unit)
    if decision == "override":
        return f"override to {disposition}: {note}"
    return "approved" + (f": {note}" if note else "")


def _link(
    uow: UnitOfWork, case: ExceptionCase, rma_scan: ClassifiedScan | None, now: datetime
) -> str:
    if case.kind is not ExceptionKind.UNIDENTIFIED_PARCEL or case.receipt_id is None:
        raise InvalidEntry(field=F_RMA, problem=P_NOT_UNIDENTIFIED)
    rma = find_rma(uow, rma_scan) if rma_scan is not None else None
    if rma is None or rma.id is None:
        raise NotFound(what=rma_scan.raw if rma_scan else "RMA")
    rma_id = rma.id
    uow.rmas.lock(rma_id)  # checked, then linked: no other parcel or receipt meanwhile
    rma = uow.rmas.get(rma_id) or rma
    if uow.receipts.info_for_rma(rma_id) is not None:
        raise InvalidEntry(field=F_RMA, problem=P_RMA_RECEIVED)
    try:
        uow.receipts.link(case.receipt_id, rma_id)
    except DuplicateReceipt:
        raise InvalidEntry(field=F_RMA, problem=P_RMA_RECEIVED) from None
    if rma.status is RmaStatus.OPEN:
        rma.transition(RmaStatus.RECEIVED)
        uow.rmas.save_status(rma)
    case.rma_id = rma.id
    uow.outbox.add(
        customer_message(
            "parcel_received",
            f"parcel_received:{rma.number}",
            rma.customer_email,
            rma.customer_language,
            now,
            name=rma.customer_name,
            rma=rma.number,
            order=rma.order_ref,
            date=now.date().isoformat(),
        )
    )
    return f"linked to {rma.number}"
