"""Log-in at a station: a badge scan, a user name and PIN, or a badge and PIN; and the same
check of a lead's badge and PIN when they approve at someone else's station.

Every failure is audited (who was tried, at which station) and counted, per user and per
station, under a held row: of N tries at once for one user, at most the policy's limit
reach the PIN check. A count at its limit locks out until the lock runs out or a lead or
an admin lifts it (:func:`unlock`). Each failure is answered after a growing delay, slept
on the caller's thread (a worker's, in the window), once the transaction is over; and the
counters keep when that delay ends, so a try for that user, or at that station, that comes
sooner (a second worker, another station, a script) is refused unchecked and uncounted.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from receiving_station.domain.login import STATION_KEY, USER_KEY, LoginCounter, LoginPolicy
from receiving_station.domain.model import AuditEvent, Station, User
from receiving_station.errors import (
    ApprovalPinRefused,
    LoginLocked,
    LoginRefused,
    LoginTooQuick,
    PinNeeded,
    RuleViolation,
    StationLoginLocked,
)
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.security import hash_pin, verify_pin
from receiving_station.services.context import Actor

UNKNOWN_BADGE = QT_TRANSLATE_NOOP("errors", "this badge is not known")
DEACTIVATED = QT_TRANSLATE_NOOP("errors", "this user is deactivated")
BAD_PIN = QT_TRANSLATE_NOOP("errors", "the user name or the PIN is wrong")
BAD_BADGE_PIN = QT_TRANSLATE_NOOP("errors", "the badge or the PIN is wrong")
NO_LOGIN = QT_TRANSLATE_NOOP("errors", "this identity does not log in at a station")
ROLE_WORDS = {
    "receiver": QT_TRANSLATE_NOOP("errors", "receiver"),
    "inspector": QT_TRANSLATE_NOOP("errors", "inspector"),
    "lead": QT_TRANSLATE_NOOP("errors", "lead"),
    "admin": QT_TRANSLATE_NOOP("errors", "admin"),
}
"""A role's name in a message: said in the window's language."""

Sleep = Callable[[float], None]
Find = Callable[[UnitOfWork], "User | None"]
_FOREVER = timedelta(days=36500)

# Computed once so that an unknown user name costs as much as a wrong PIN.
_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_pin("0000"))
    return _DUMMY_HASH[0]


def _event(
    at: datetime, station_id: int, action: str, who: str, after: Mapping[str, object]
) -> AuditEvent:
    return AuditEvent(
        at=at,
        user_id=None,
        station_id=station_id,
        action=action,
        entity="user",
        entity_id=who[:64],
        after=dict(after),
    )


def _locked_error(
    user: User | None, counter: LoginCounter, station: Station, policy: LoginPolicy, limit: int
) -> RuleViolation:
    if user is None:
        return StationLoginLocked(station=station.name, failures=limit, until=counter.locked_until)
    return LoginLocked(
        user=user.display_name, username=user.username, failures=limit, until=counter.locked_until
    )


def attempt(
    uow_factory: UnitOfWorkFactory,
    station_id: int,
    tried: str,
    method: str,
    find: Find,
    pin: str | None,
    now: datetime,
    policy: LoginPolicy,
    sleep: Sleep = time.sleep,
    purpose: str = "login",
) -> tuple[User, Station]:
    """Judge one try: ``find`` the person, check ``pin`` (None: badge alone). Committed on
    its own, success or failure, so a failure counts whatever the caller does next."""
    refused = ApprovalPinRefused if purpose == "approval" else LoginRefused
    with uow_factory() as uow:
        station = uow.stations.get(station_id)
        assert station is not None, "registered at start-up"
        assert station.id is not None
        # Always the station's counter first, then the user's: no two tries deadlock.
        at_station = uow.logins.hold(STATION_KEY.format(station.id))
        user = find(uow)
        mine = uow.logins.hold(USER_KEY.format(user.id)) if user is not None else None
        base = {"method": method, "purpose": purpose}
        for counter, person, limit in (
            (at_station, None, policy.station_limit),
            (mine, user, policy.user_limit),
        ):
            if counter is not None and counter.locked(now):
                uow.audit.add(_event(now, station.id, f"{purpose}.locked_out", tried, base))
                uow.commit()
                raise _locked_error(person, counter, station, policy, limit)
        wait = max(at_station.wait(now), mine.wait(now) if mine else 0.0)
        if wait > 0:
            uow.audit.add(_event(now, station.id, f"{purpose}.too_quick", tried, base))
            uow.commit()
            raise LoginTooQuick(seconds=max(1, math.ceil(wait)))
        if user is None:
            if pin is not None:
                verify_pin(pin, _dummy_hash())
            reason = UNKNOWN_BADGE if method == "badge" else BAD_PIN
        elif pin is not None and not (user.pin_hash and verify_pin(pin, user.pin_hash)):
            reason = BAD_PIN if method == "pin" else BAD_BADGE_PIN
        elif not user.active:
            uow.audit.add(_event(now, station.id, f"{purpose}.refused", tried, base))
            uow.commit()
            raise refused(reason=DEACTIVATED)
        else:
            if pin is not None:  # a badge alone proves no PIN: the counts stay as they are
                uow.logins.clear(USER_KEY.format(user.id))
                at_station.failures, at_station.next_try = 0, None
                uow.logins.save(at_station)
            uow.commit()
            return user, station
        after = {
            **base,
            "reason": reason,
            "known": user is not None,
            "user_failures": mine.failures + 1 if mine else None,
            "station_failures": at_station.failures + 1,
        }
        uow.audit.add(_event(now, station.id, f"{purpose}.failed", tried, after))
        failures = max(at_station.failures, mine.failures if mine else 0) + 1
        locked: RuleViolation | None = None
        for counter, person, limit in (
            (at_station, None, policy.station_limit),
            (mine, user, policy.user_limit),
        ):
            if counter is None:
                continue
            counter.failures += 1
            counter.next_try = now + timedelta(seconds=policy.delay(counter.failures))
            if counter.failures >= limit:
                # The lock is the state now: the count starts afresh once it is over.
                counter.failures, counter.locked_until = 0, now + (policy.lock_for() or _FOREVER)
                locked = _locked_error(person, counter, station, policy, limit)
                who = person.username if person else station.name
                until = {"until": counter.locked_until.isoformat(), "failures": limit}
                uow.audit.add(_event(now, station.id, "login.lock", who, until))
            uow.logins.save(counter)
        uow.commit()
    sleep(policy.delay(failures))
    if locked is not None:
        raise locked
    raise refused(reason=reason)


def _logged_in(user: User, station: Station, at: datetime, how: str) -> AuditEvent:
    return AuditEvent(
        at=at,
        user_id=user.id,
        station_id=station.id,
        action="login",
        entity="user",
        entity_id=str(user.id),
        after={"method": how},
    )


def _log_in(
    uow_factory: UnitOfWorkFactory, user: User, station: Station, now: datetime, how: str
) -> tuple[User, Actor]:
    if user.role.value == "system":
        raise LoginRefused(reason=NO_LOGIN)
    assert user.id is not None
    assert station.id is not None
    with uow_factory() as uow:
        uow.audit.add(_logged_in(user, station, now, how))
        uow.commit()
    return user, Actor(user.id, station.id)


def _by_badge(badge: str) -> Find:
    return lambda uow: uow.users.by_badge(badge.strip().upper())


def login_by_badge(
    uow_factory: UnitOfWorkFactory,
    station_id: int,
    badge: str,
    now: datetime,
    policy: LoginPolicy | None = None,
    sleep: Sleep = time.sleep,
) -> tuple[User, Actor]:
    """A badge alone: enough for the roles the policy names; the others get ``PinNeeded``."""
    policy = policy or LoginPolicy()
    user, station = attempt(
        uow_factory, station_id, badge, "badge", _by_badge(badge), None, now, policy, sleep
    )
    if user.role not in policy.badge_only_roles:
        role = ROLE_WORDS.get(user.role.value, user.role.value)
        raise PinNeeded(user=user.display_name, role=role, badge=user.badge_code)
    return _log_in(uow_factory, user, station, now, "badge")


def login_badge_and_pin(
    uow_factory: UnitOfWorkFactory,
    station_id: int,
    badge: str,
    pin: str,
    now: datetime,
    policy: LoginPolicy | None = None,
    sleep: Sleep = time.sleep,
) -> tuple[User, Actor]:
    policy = policy or LoginPolicy()
    user, station = attempt(
        uow_factory, station_id, badge, "badge+pin", _by_badge(badge), pin, now, policy, sleep
    )
    return _log_in(uow_factory, user, station, now, "badge+pin")


def login_with_pin(
    uow_factory: UnitOfWorkFactory,
    station_id: int,
    username: str,
    pin: str,
    now: datetime,
    policy: LoginPolicy | None = None,
    sleep: Sleep = time.sleep,
) -> tuple[User, Actor]:
    name = username.strip().lower()
    user, station = attempt(
        uow_factory,
        station_id,
        name,
        "pin",
        lambda uow: uow.users.by_username(name),
        pin,
        now,
        policy or LoginPolicy(),
        sleep,
    )
    return _log_in(uow_factory, user, station, now, "pin")
