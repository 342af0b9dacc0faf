"""A lead's work on exceptions: take one into review, resolve it, or put it back."""

from __future__ import annotations

from datetime import datetime

from receiving_station.domain.model import (
    CASE,
    AuditEvent,
    ExceptionCase,
    ExceptionState,
    reference,
)
from receiving_station.domain.permissions import Action
from receiving_station.errors import NotFound, StaleRecord
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.leads import already_decided
from receiving_station.services.messages import team_message


def _load(uow: UnitOfWork, exception_id: int, seen_version: int | None) -> ExceptionCase:
    # Held until commit: of two leads moving one case at once, the second reads the first
    # one's move, and a case already decided is refused with who decided it.
    case = uow.exceptions.lock(exception_id)
    if case is None:
        raise NotFound(what=reference(CASE, exception_id))
    if case.state is ExceptionState.RESOLVED:
        raise already_decided(uow, case)
    if seen_version is not None and case.version != seen_version:
        # The lead decided on what they saw; someone changed it since.
        raise StaleRecord(what=case.reference)
    return case


def _move(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    exception_id: int,
    target: ExceptionState,
    action: Action,
    now: datetime,
    seen_version: int | None,
    resolution: str = "",
) -> ExceptionCase:
    with uow_factory() as uow:
        user, station = load_actor(uow, actor, action)
        case = _load(uow, exception_id, seen_version)
        before = case.state
        case.transition(target)
        if target is ExceptionState.RESOLVED:
            case.resolution = resolution
            case.lead_id = user.id
            case.resolved_at = now
        uow.exceptions.save(case)
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=user.id,
                station_id=station.id,
                action=f"exception_{target.value}",
                entity="exception",
                entity_id=case.reference,
                before={"state": before.value},
                after={"state": case.state.value, "resolution": case.resolution or None},
            )
        )
        if target is ExceptionState.RESOLVED:
            uow.outbox.add(
                team_message(
                    "exception_resolved",
                    "service",
                    f"exception_resolved:{case.reference}",
                    now,
                    {
                        "exception": case.reference,
                        "kind": case.kind.value,
                        "resolution": case.resolution,
                    },
                )
            )
        uow.commit()
        return case


def start_review(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    exception_id: int,
    now: datetime,
    seen_version: int | None = None,
) -> ExceptionCase:
    return _move(
        uow_factory,
        actor,
        exception_id,
        ExceptionState.IN_REVIEW,
        Action.REVIEW_EXCEPTION,
        now,
        seen_version,
    )


def put_back(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    exception_id: int,
    now: datetime,
    seen_version: int | None = None,
) -> ExceptionCase:
    return _move(
        uow_factory,
        actor,
        exception_id,
        ExceptionState.OPEN,
        Action.REVIEW_EXCEPTION,
        now,
        seen_version,
    )


def resolve(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    exception_id: int,
    resolution: str,
    now: datetime,
    seen_version: int | None = None,
) -> ExceptionCase:
    return _move(
        uow_factory,
        actor,
        exception_id,
        ExceptionState.RESOLVED,
        Action.RESOLVE_EXCEPTION,
        now,
        seen_version,
        resolution=resolution,
    )
