"""Log-in lock-outs in force, and a lead or an admin lifting one (audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from receiving_station.domain.login import STATION_KEY, USER_KEY
from receiving_station.domain.model import AuditEvent
from receiving_station.domain.permissions import Action
from receiving_station.errors import NotFound
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor

F_LOCKOUT = QT_TRANSLATE_NOOP("errors", "A lock-out")


@dataclass(frozen=True)
class Lockout:
    kind: str
    """``user`` or ``station``."""
    name: str
    """The user name or the station's name: what ``unlock`` takes."""
    display: str
    until: datetime


def locked_out(uow_factory: UnitOfWorkFactory, actor: Actor, now: datetime) -> list[Lockout]:
    """The users and stations locked out now (leads and admins)."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.UNLOCK_LOGIN)
        found = []
        for counter in uow.logins.locked(now):
            kind, _, ident = counter.key.partition(":")
            assert counter.locked_until is not None
            if kind == "user":
                user = uow.users.get(int(ident))
                if user is not None:
                    found.append(
                        Lockout(kind, user.username, user.display_name, counter.locked_until)
                    )
            else:
                station = uow.stations.get(int(ident))
                if station is not None:
                    found.append(Lockout(kind, station.name, station.name, counter.locked_until))
        return found


def unlock(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    now: datetime,
    *,
    username: str = "",
    station: str = "",
) -> None:
    """Lift the lock-out of a user (and their count of wrong PINs) or of a station."""
    with uow_factory() as uow:
        load_actor(uow, actor, Action.UNLOCK_LOGIN)
        if username:
            user = uow.users.by_username(username.strip().lower())
            if user is None or user.id is None:
                raise NotFound(what=username)
            key, entity, ident = USER_KEY.format(user.id), "user", user.username
        else:
            place = uow.stations.by_name(station.strip().upper())
            if place is None or place.id is None:
                raise NotFound(what=station or F_LOCKOUT)
            key, entity, ident = STATION_KEY.format(place.id), "station", place.name
        before = uow.logins.hold(key)
        uow.logins.clear(key)
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=actor.user_id,
                station_id=actor.station_id,
                action="login.unlock",
                entity=entity,
                entity_id=ident,
                before={
                    "failures": before.failures,
                    "locked_until": before.locked_until.isoformat()
                    if before.locked_until
                    else None,
                },
            )
        )
        uow.commit()
