"""The people of the dock, managed by admins: created, edited, deactivated (never deleted:
the audit trail keeps their names), their PIN set or reset. Admin-only, checked here."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import datetime

from receiving_station.domain.model import AuditEvent, Role, User
from receiving_station.domain.permissions import Action
from receiving_station.errors import InvalidEntry, NotFound
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.security import hash_pin
from receiving_station.services.context import Actor, load_actor

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$", re.ASCII)
BADGE = re.compile(r"^BDG-[A-Z0-9]{3,16}$", re.ASCII)

F_USERNAME = QT_TRANSLATE_NOOP("errors", "User name")
F_NAME = QT_TRANSLATE_NOOP("errors", "Name")
F_BADGE = QT_TRANSLATE_NOOP("errors", "Badge")
F_PIN = QT_TRANSLATE_NOOP("errors", "PIN")
F_ROLE = QT_TRANSLATE_NOOP("errors", "Role")
F_USER = QT_TRANSLATE_NOOP("errors", "User")
P_USERNAME = QT_TRANSLATE_NOOP(
    "errors", "2 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter"
)
P_TAKEN = QT_TRANSLATE_NOOP("errors", "another user already has it")
P_NAME = QT_TRANSLATE_NOOP("errors", "it is empty or longer than 120 characters")
P_BADGE = QT_TRANSLATE_NOOP("errors", "it must read BDG- and 3 to 16 capital letters or digits")
P_PIN_FORM = QT_TRANSLATE_NOOP("errors", "it must be 4 to 8 digits")
P_PIN_WEAK = QT_TRANSLATE_NOOP(
    "errors", "it is too easy to guess (one digit repeated, or digits in a row)"
)
P_ROLE = QT_TRANSLATE_NOOP("errors", "it must be receiver, inspector, lead or admin")
P_SELF = QT_TRANSLATE_NOOP("errors", "you cannot deactivate yourself")


def check_pin(pin: str) -> None:
    if not re.fullmatch(r"\d{4,8}", pin, re.ASCII):
        raise InvalidEntry(field=F_PIN, problem=P_PIN_FORM)
    digits = [int(d) for d in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    if len(set(digits)) == 1 or steps in ({1}, {-1}):
        raise InvalidEntry(field=F_PIN, problem=P_PIN_WEAK)


def _check(uow: UnitOfWork, user: User) -> None:
    if not USERNAME.match(user.username):
        raise InvalidEntry(field=F_USERNAME, problem=P_USERNAME)
    if not user.display_name.strip() or len(user.display_name) > 120:
        raise InvalidEntry(field=F_NAME, problem=P_NAME)
    if not BADGE.match(user.badge_code):
        raise InvalidEntry(field=F_BADGE, problem=P_BADGE)
    same_name = uow.users.by_username(user.username)
    if same_name is not None and same_name.id != user.id:
        raise InvalidEntry(field=F_USERNAME, problem=P_TAKEN)
    same_badge = uow.users.by_badge(user.badge_code)
    if same_badge is not None and same_badge.id != user.id:
        raise InvalidEntry(field=F_BADGE, problem=P_TAKEN)


def _audit(
    uow: UnitOfWork,
    actor: Actor | None,
    now: datetime,
    action: str,
    user: User,
    before: dict[str, object] | None,
) -> None:
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=actor.user_id if actor else None,
            station_id=actor.station_id if actor else None,
            action=action,
            entity="user",
            entity_id=user.username,
            before=before,
            after={"role": user.role.value, "badge": user.badge_code, "active": user.active},
        )
    )


def list_users(uow_factory: UnitOfWorkFactory, actor: Actor) -> list[User]:
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.MANAGE_USERS)
        return list(uow.users.all())


def create_user(
    uow_factory: UnitOfWorkFactory,
    actor: Actor | None,
    username: str,
    display_name: str,
    role: str,
    badge: str,
    pin: str,
    now: datetime,
    language: str = "",
    hash_fn: Callable[[str], str] = hash_pin,
) -> User:
    """A new user. ``actor`` None only on an empty database: the first admin."""
    if role not in {r.value for r in Role if r is not Role.SYSTEM}:
        raise InvalidEntry(field=F_ROLE, problem=P_ROLE)
    check_pin(pin)
    with uow_factory() as uow:
        # Users are held until commit: a name or badge checked free, or "no user yet" for
        # the first admin, is still so when two admins (or two first starts) race.
        uow.users.lock_all()
        if actor is not None or uow.users.count() > 0:
            if actor is None:
                raise InvalidEntry(
                    field=F_USER,
                    problem=QT_TRANSLATE_NOOP(
                        "errors", "only an admin creates users once the first one exists"
                    ),
                )
            load_actor(uow, actor, Action.MANAGE_USERS)
        user = User(
            None,
            username.strip(),
            display_name.strip(),
            Role(role),
            badge.strip().upper(),
            hash_fn(pin),
            language,
        )
        _check(uow, user)
        uow.users.add(user)
        _audit(uow, actor, now, "user.create", user, None)
        uow.commit()
        return user


def _change(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    user_id: int,
    seen_version: int,
    now: datetime,
    action: str,
    change: Callable[[User], None],
) -> User:
    with uow_factory() as uow:
        load_actor(uow, actor, Action.MANAGE_USERS)
        uow.users.lock_all()  # the badge checked free stays free until commit
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound(what=F_USER)
        before: dict[str, object] = {
            "role": user.role.value,
            "badge": user.badge_code,
            "active": user.active,
        }
        user.version = seen_version
        change(user)
        _check(uow, user)
        uow.users.save(user)
        _audit(uow, actor, now, action, user, before)
        uow.commit()
        return user


def update_user(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    user_id: int,
    seen_version: int,
    now: datetime,
    *,
    display_name: str,
    role: str,
    badge: str,
    language: str = "",
) -> User:
    if role not in {r.value for r in Role if r is not Role.SYSTEM}:
        raise InvalidEntry(field=F_ROLE, problem=P_ROLE)

    def change(user: User) -> None:
        user.display_name, user.role = display_name.strip(), Role(role)
        user.badge_code, user.language = badge.strip().upper(), language

    return _change(uow_factory, actor, user_id, seen_version, now, "user.update", change)


def set_active(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    user_id: int,
    seen_version: int,
    now: datetime,
    active: bool,
) -> User:
    def change(user: User) -> None:
        if not active and user.id == actor.user_id:  # checked after the permission
            raise InvalidEntry(field=F_USER, problem=P_SELF)
        user.active = active

    action = "user.reactivate" if active else "user.deactivate"
    return _change(uow_factory, actor, user_id, seen_version, now, action, change)


def set_pin(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    user_id: int,
    seen_version: int,
    now: datetime,
    pin: str,
    hash_fn: Callable[[str], str] = hash_pin,
) -> User:
    check_pin(pin)

    def change(user: User) -> None:
        user.pin_hash = hash_fn(pin)

    return _change(uow_factory, actor, user_id, seen_version, now, "user.set_pin", change)
