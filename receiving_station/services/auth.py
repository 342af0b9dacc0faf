"""Log-in at a station: a badge scan, or a user name and PIN."""

from __future__ import annotations

from datetime import datetime

from receiving_station.domain.model import AuditEvent, Station, User
from receiving_station.errors import LoginRefused
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWorkFactory
from receiving_station.security import hash_pin, verify_pin
from receiving_station.services.context import Actor

UNKNOWN_BADGE = QT_TRANSLATE_NOOP("errors", "this badge is not known")
DEACTIVATED = QT_TRANSLATE_NOOP("errors", "this user is deactivated")
BAD_PIN = QT_TRANSLATE_NOOP("errors", "the user name or the PIN is wrong")

# Computed once so that an unknown user name costs as much as a wrong PIN.
_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_pin("0000"))
    return _DUMMY_HASH[0]


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


def login_by_badge(
    uow_factory: UnitOfWorkFactory, station_id: int, badge: str, now: datetime
) -> tuple[User, Actor]:
    with uow_factory() as uow:
        user = uow.users.by_badge(badge.strip().upper())
        station = uow.stations.get(station_id)
        assert station is not None, "the station is registered at start-up"
        if user is None:
            raise LoginRefused(reason=UNKNOWN_BADGE)
        if not user.active:
            raise LoginRefused(reason=DEACTIVATED)
        assert user.id is not None
        assert station.id is not None
        uow.audit.add(_logged_in(user, station, now, "badge"))
        uow.commit()
        return user, Actor(user.id, station.id)


def login_with_pin(
    uow_factory: UnitOfWorkFactory, station_id: int, username: str, pin: str, now: datetime
) -> tuple[User, Actor]:
    with uow_factory() as uow:
        user = uow.users.by_username(username.strip().lower())
        station = uow.stations.get(station_id)
        assert station is not None, "the station is registered at start-up"
        if user is None or not user.pin_hash:
            verify_pin(pin, _dummy_hash())
            raise LoginRefused(reason=BAD_PIN)
        if not verify_pin(pin, user.pin_hash):
            raise LoginRefused(reason=BAD_PIN)
        if not user.active:
            raise LoginRefused(reason=DEACTIVATED)
        assert user.id is not None
        assert station.id is not None
        uow.audit.add(_logged_in(user, station, now, "pin"))
        uow.commit()
        return user, Actor(user.id, station.id)
