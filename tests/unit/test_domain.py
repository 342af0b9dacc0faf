from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from receiving_station.domain.model import (
    ExceptionCase,
    ExceptionKind,
    ExceptionState,
    Rma,
    RmaStatus,
    Role,
    User,
)
from receiving_station.domain.permissions import Action, can, require
from receiving_station.errors import IllegalTransition, PermissionDenied
from receiving_station.security import hash_pin, verify_pin


def rma(status: RmaStatus = RmaStatus.OPEN, expires: date = date(2026, 12, 1)) -> Rma:
    return Rma(None, "RMA-1", "1", "web", "A", "a@x", date(2026, 11, 1), expires, status=status)


def test_an_exception_moves_open_in_review_resolved_and_no_other_way():
    case = ExceptionCase(7, ExceptionKind.DAMAGED, 1, datetime(2026, 1, 1, tzinfo=UTC), 1)
    with pytest.raises(IllegalTransition) as caught:
        case.transition(ExceptionState.RESOLVED)
    message = str(caught.value)
    assert "EX-000007" in message
    assert "open" in message
    assert "in_review" in message
    case.transition(ExceptionState.IN_REVIEW)
    case.transition(ExceptionState.RESOLVED)
    with pytest.raises(IllegalTransition, match="final state"):
        case.transition(ExceptionState.OPEN)


def test_a_received_rma_cannot_be_received_again():
    r = rma()
    r.transition(RmaStatus.RECEIVED)
    with pytest.raises(IllegalTransition):
        r.transition(RmaStatus.RECEIVED)


@pytest.mark.parametrize(
    ("status", "expires", "breach"),
    [
        (RmaStatus.OPEN, date(2026, 11, 26), None),  # last day still counts
        (RmaStatus.OPEN, date(2026, 11, 25), "window_passed"),
        (RmaStatus.CANCELLED, date(2026, 12, 30), "cancelled"),
        (RmaStatus.DECLINED, date(2026, 12, 30), "declined"),
    ],
)
def test_policy_breaches(status: RmaStatus, expires: date, breach: str | None):
    assert rma(status, expires).policy_breach(date(2026, 11, 26)) == breach


def test_only_leads_and_admins_resolve_exceptions():
    def user(role: Role, active: bool = True) -> User:
        return User(1, "u", "U", role, "BDG-1", active=active)

    assert [r for r in Role if can(user(r), Action.RESOLVE_EXCEPTION)] == [Role.LEAD, Role.ADMIN]
    assert not can(user(Role.ADMIN, active=False), Action.RECEIVE_PARCEL)
    with pytest.raises(PermissionDenied, match="receiver"):
        require(user(Role.RECEIVER), Action.APPROVE_POLICY_BREACH)


def test_pins_are_salted_and_verified():
    a, b = hash_pin("1234", n=2**8), hash_pin("1234", n=2**8)
    assert a != b
    assert verify_pin("1234", a)
    assert not verify_pin("1235", a)
    assert not verify_pin("1234", "garbage")
