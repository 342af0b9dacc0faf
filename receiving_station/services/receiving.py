"""Receiving parcels at the dock: scan, hold, receive once, or set aside as unidentified."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import (
    AuditEvent,
    Claim,
    ExceptionCase,
    ExceptionKind,
    PackagingCondition,
    Receipt,
    ReceiptInfo,
    RmaStatus,
    Role,
)
from receiving_station.domain.permissions import Action, require
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import (
    AlreadyReceived,
    DuplicateReceipt,
    HeldByOther,
    LeadApprovalRefused,
    NotFound,
    PolicyBreach,
    RuleViolation,
    StaleRecord,
    StationError,
    UnknownScan,
)
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import PreparedPhoto, UnitOfWork, UnitOfWorkFactory
from receiving_station.services.auth import attempt
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.lookup import find_rma, rma_view
from receiving_station.services.messages import customer_message, team_message
from receiving_station.views import RmaView

BREACH_REASONS = {
    "window_passed": QT_TRANSLATE_NOOP("errors", "the return window has passed"),
    "cancelled": QT_TRANSLATE_NOOP("errors", "this RMA was cancelled"),
    "declined": QT_TRANSLATE_NOOP("errors", "this return was declined"),
}
UNKNOWN_USER = QT_TRANSLATE_NOOP("errors", "an unknown badge")


def rma_resource(rma_id: int) -> str:
    return f"rma:{rma_id}"


@dataclass(frozen=True)
class ScanOutcome:
    """What the Receive page shows after a parcel scan."""

    rma: RmaView
    notice: StationError | None
    """Why it cannot simply be received (already received, held elsewhere, policy)."""
    can_receive: bool
    needs_approval: bool


def _already_received(rma_number: str, info: ReceiptInfo) -> AlreadyReceived:
    return AlreadyReceived(
        rma=rma_number, user=info.user_name, station=info.station_name, when=info.received_at
    )


def _held_by(view: RmaView, holder: Claim) -> HeldByOther:
    return HeldByOther(
        what=view.number, user=holder.user_name, station=holder.station_name, when=holder.claimed_at
    )


def scan_parcel(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    scan: ClassifiedScan,
    now: datetime,
    hold_minutes: int = 15,
) -> ScanOutcome:
    """Show the RMA a parcel belongs to and hold it for this station while it is received.

    One transaction: find, check, claim. Of two stations scanning the same RMA at once,
    exactly one holds it; the other is told who does.
    """
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, Action.RECEIVE_PARCEL)
        rma = find_rma(uow, scan)
        if rma is None:
            raise UnknownScan(text=scan.raw or scan.text)
        view = rma_view(uow, rma, now.date())
        if view.receipt is not None:
            uow.claims.release_station(actor.station_id)
            uow.commit()
            return ScanOutcome(
                view,
                _already_received(view.number, view.receipt),
                can_receive=False,
                needs_approval=False,
            )
        wanted = Claim(
            resource=rma_resource(view.id),
            user_id=actor.user_id,
            station_id=actor.station_id,
            claimed_at=now,
            expires_at=now + timedelta(minutes=hold_minutes),
            user_name=user.display_name,
            station_name=station.name,
        )
        uow.claims.release_station(actor.station_id, keep=wanted.resource)
        holder = uow.claims.acquire(wanted, now)
        uow.commit()
    if holder.station_id != actor.station_id or holder.user_id != actor.user_id:
        return ScanOutcome(view, _held_by(view, holder), can_receive=False, needs_approval=False)
    if view.breach is not None:
        notice = PolicyBreach(rma=view.number, reason=BREACH_REASONS[view.breach])
        return ScanOutcome(view, notice, can_receive=True, needs_approval=True)
    return ScanOutcome(view, None, can_receive=True, needs_approval=False)


def _check_approver(uow: UnitOfWork, approver_id: int | None, breach: str, rma_number: str) -> int:
    if approver_id is None:
        raise PolicyBreach(rma=rma_number, reason=BREACH_REASONS[breach])
    approver = uow.users.get(approver_id)  # as the database says now, role included
    if approver is None:
        raise LeadApprovalRefused(user=UNKNOWN_USER)
    if not approver.active or approver.role not in (Role.LEAD, Role.ADMIN):
        raise LeadApprovalRefused(user=approver.display_name)
    require(approver, Action.APPROVE_POLICY_BREACH)
    assert approver.id is not None
    return approver.id


def receive_parcel(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    rma_ids: list[int],
    now: datetime,
    packaging: PackagingCondition = PackagingCondition.GOOD,
    note: str = "",
    lead_badge: str | None = None,
    scanned_text: str = "",
    photos: Sequence[PreparedPhoto] = (),
    lead_pin: str = "",
    login_policy: LoginPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Receipt:
    """Receive one parcel holding the returns of ``rma_ids``. Never twice for the same RMA.

    An RMA outside its window, cancelled or declined needs ``lead_badge``: the badge of an
    active lead or admin, with their PIN (``lead_pin``) typed at that moment: a badge is
    only printed text. The badge and PIN are checked here whatever the UI did, each wrong
    PIN counted against the lead's lock-out like a log-in. Damaged packaging needs
    ``photos`` of the parcel, taken before it is opened.
    """
    _check_parcel_photos(packaging, photos)
    approver_id: int | None = None
    if lead_badge:
        badge = lead_badge.strip().upper()
        approver, _ = attempt(
            uow_factory,
            actor.station_id,
            badge,
            "badge+pin",
            lambda uow: uow.users.by_badge(badge),
            lead_pin,
            now,
            login_policy or LoginPolicy(),
            sleep,
            purpose="approval",
        )
        approver_id = approver.id
    try:
        with uow_factory() as uow:
            user, station = load_actor(uow, actor, Action.RECEIVE_PARCEL)
            approved_by: int | None = None
            rmas = []
            for rma_id in rma_ids:
                rma = uow.rmas.get(rma_id)
                if rma is None:
                    raise NotFound(what=f"RMA #{rma_id}")
                info = uow.receipts.info_for_rma(rma_id)
                if info is not None:
                    raise _already_received(rma.number, info)
                holder = uow.claims.holder(rma_resource(rma_id), now)
                if holder is not None and holder.station_id != actor.station_id:
                    raise _held_by(rma_view(uow, rma, now.date()), holder)
                breach = rma.policy_breach(now.date())
                if breach is not None:
                    approved_by = _check_approver(uow, approver_id, breach, rma.number)
                before = rma.status
                rma.transition(RmaStatus.RECEIVED)
                uow.rmas.save_status(rma)
                rmas.append((rma, before, breach))
            assert station.id is not None
            assert user.id is not None
            receipt = uow.receipts.add(
                Receipt(
                    id=None,
                    station_id=station.id,
                    user_id=user.id,
                    received_at=now,
                    packaging=packaging,
                    note=note,
                    rma_ids=list(rma_ids),
                    approved_by=approved_by,
                    scanned_text=scanned_text,
                )
            )
            assert receipt.id is not None
            _store_parcel_photos(uow, receipt.id, photos, now, user.id, station.id)
            for rma, before, breach in rmas:
                uow.audit.add(
                    AuditEvent(
                        at=now,
                        user_id=user.id,
                        station_id=station.id,
                        action="receive",
                        entity="rma",
                        entity_id=rma.number,
                        before={"status": before.value},
                        after={
                            "status": rma.status.value,
                            "receipt": receipt.id,
                            "packaging": packaging.value,
                            "breach": breach,
                            "approved_by": approved_by,
                            "photos": len(photos),
                        },
                    )
                )
                assert rma.id is not None
                uow.claims.release(rma_resource(rma.id), station.id)
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
            uow.commit()
            return receipt
    except (DuplicateReceipt, StaleRecord):
        # Another station received it between our read and our write: say who.
        with uow_factory(readonly=True) as uow:
            for rma_id in rma_ids:
                info = uow.receipts.info_for_rma(rma_id)
                rma = uow.rmas.get(rma_id)
                if info is not None and rma is not None:
                    raise _already_received(rma.number, info) from None
        raise


class PackagingPhotosNeeded(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The packaging is damaged: photograph the parcel before it is opened (at least one "
        "photo). Nothing was saved.",
    )


def _check_parcel_photos(packaging: PackagingCondition, photos: Sequence[PreparedPhoto]) -> None:
    if packaging is PackagingCondition.DAMAGED and not photos:
        raise PackagingPhotosNeeded()


def _store_parcel_photos(
    uow: UnitOfWork,
    receipt_id: int,
    photos: Sequence[PreparedPhoto],
    now: datetime,
    user_id: int,
    station_id: int,
) -> None:
    for photo in photos:
        uow.photos.add(("receipt", receipt_id), "packaging", now, user_id, station_id, photo)


def release_parcel(uow_factory: UnitOfWorkFactory, actor: Actor) -> None:
    """Let go of whatever this station holds (the receiver cleared the screen or logged out)."""
    with uow_factory() as uow:
        uow.claims.release_station(actor.station_id)
        uow.commit()


def register_unidentified_parcel(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    scanned_text: str,
    now: datetime,
    note: str = "",
    packaging: PackagingCondition = PackagingCondition.GOOD,
    photos: Sequence[PreparedPhoto] = (),
) -> ExceptionCase:
    """Receive a parcel nobody can match and set it aside in quarantine for a lead."""
    _check_parcel_photos(packaging, photos)
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, Action.REGISTER_UNIDENTIFIED)
        assert station.id is not None
        assert user.id is not None
        receipt = uow.receipts.add(
            Receipt(
                id=None,
                station_id=station.id,
                user_id=user.id,
                received_at=now,
                packaging=packaging,
                note=note,
                scanned_text=scanned_text,
            )
        )
        assert receipt.id is not None
        _store_parcel_photos(uow, receipt.id, photos, now, user.id, station.id)
        case = uow.exceptions.add(
            ExceptionCase(
                id=None,
                kind=ExceptionKind.UNIDENTIFIED_PARCEL,
                opened_by=user.id,
                opened_at=now,
                station_id=station.id,
                receipt_id=receipt.id,
                disposition="quarantine",
                note=note,
            )
        )
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=user.id,
                station_id=station.id,
                action="register_unidentified",
                entity="exception",
                entity_id=case.reference,
                after={"receipt": receipt.id, "scanned": scanned_text, "disposition": "quarantine"},
            )
        )
        uow.outbox.add(
            team_message(
                "exception_opened",
                "service",
                f"exception_opened:{case.reference}",
                now,
                {"exception": case.reference, "kind": case.kind.value, "label": scanned_text},
            )
        )
        uow.commit()
        return case
