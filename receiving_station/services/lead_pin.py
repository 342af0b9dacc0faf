"""Which of a lead's decisions need the deciding lead's badge and PIN typed at that moment,
and the check of who decides.

A badge is printed text anyone can copy or type, and a lead's window may be left unlocked:
a decision that moves money or breaks policy is taken only by someone who proves, now,
that they are an active lead or admin. Those are an override of the disposition, and an
approval of a unit that breaks the return policy, is suspected of fraud, carries an
inspector's override above the limit or is worth more than the limit; and linking an
unidentified parcel to an RMA outside the return policy. A plain approval of what the
rules proposed within the policy, sending a unit back and resolving with a note do not
need the PIN. Each PIN is checked like a log-in (:func:`auth.attempt`): audited, slowed,
and counted towards the lead's and the station's lock-out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import ExceptionCase, ExceptionKind, ExceptionState, Role, User
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import DecisionRefused
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.auth import attempt
from receiving_station.services.context import Actor
from receiving_station.services.lookup import find_rma
from receiving_station.services.policy import rules_in_force
from workflows.definition import Rules

WHY_OVERRIDE = QT_TRANSLATE_NOOP("errors", "overriding the disposition")
WHY_KIND = {
    ExceptionKind.POLICY_BREACH: QT_TRANSLATE_NOOP(
        "errors", "approving a return outside the policy"
    ),
    ExceptionKind.SUSPECTED_FRAUD: QT_TRANSLATE_NOOP(
        "errors", "approving a unit suspected of fraud"
    ),
    ExceptionKind.OVERRIDE: QT_TRANSLATE_NOOP(
        "errors", "approving an inspector's override above the limit"
    ),
}
WHY_VALUE = QT_TRANSLATE_NOOP("errors", "approving a unit worth more than the limit")
WHY_LINK = QT_TRANSLATE_NOOP("errors", "linking the parcel to an RMA outside the policy")
UNKNOWN = QT_TRANSLATE_NOOP("errors", "an unknown badge")


def pin_reason(
    uow: UnitOfWork,
    case: ExceptionCase,
    decision: str,
    rules: Rules | None,
    rma_scan: ClassifiedScan | None,
    now: datetime,
) -> str:
    """Why ``decision`` on ``case`` needs the deciding lead's PIN; empty when it does not."""
    if decision == "override":
        return WHY_OVERRIDE
    if decision == "link" and rma_scan is not None:
        rma = find_rma(uow, rma_scan)
        return WHY_LINK if rma is not None and rma.policy_breach(now.date()) else ""
    if decision != "approve":
        return ""
    kinds = {case.kind}
    unit = uow.inspections.get(case.inspection_id) if case.inspection_id else None
    if unit is not None and unit.id is not None:  # one approval settles all the unit's cases
        kinds |= {
            c.kind
            for c in uow.exceptions.for_inspection(unit.id)
            if c.state is not ExceptionState.RESOLVED
        }
    for kind, why in WHY_KIND.items():
        if kind in kinds:
            return why
    if unit is not None and rules is not None:
        in_force, _version = rules_in_force(uow, rules)
        if float(unit.unit_value) > in_force.refund.lead_above_value:
            return WHY_VALUE
    return ""


def verify_decider(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    badge: str,
    pin: str,
    now: datetime,
    policy: LoginPolicy,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """The id of whoever holds ``badge`` and knows ``pin``; a wrong PIN is audited and
    counted (committed on its own, whatever the decision does next)."""
    code = badge.strip().upper()
    user, _station = attempt(
        uow_factory,
        actor.station_id,
        code,
        "badge+pin",
        lambda uow: uow.users.by_badge(code),
        pin,
        now,
        policy,
        sleep,
        purpose="approval",
    )
    assert user.id is not None
    return user.id


def decider(uow: UnitOfWork, verified_id: int) -> User:
    """The verified person, as the database says now: an active lead or admin."""
    user = uow.users.get(verified_id)
    if user is None:
        raise DecisionRefused(user=UNKNOWN)
    if not user.active or user.role not in (Role.LEAD, Role.ADMIN):
        raise DecisionRefused(user=user.display_name)
    return user
