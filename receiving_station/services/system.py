"""The station's own identity, for what no person at the dock does: the command line (run
by whoever can reach the database) and the watched import folder.

It is one user row, ``system`` (role ``system``): never able to log in at a station, shown
in the audit trail like a person, with a role of its own that allows only what its
commands do. Each session is audited with what started it and the OS user running it.
"""

from __future__ import annotations

import getpass
from datetime import datetime

from receiving_station.domain.model import AuditEvent, Role, User
from receiving_station.ports import UnitOfWorkFactory
from receiving_station.services.context import Actor

SYSTEM_USERNAME = "system"
SYSTEM_BADGE = "SYSTEM"
"""Not a badge the classifier reads (badges are BDG-...): it cannot be scanned in."""


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def system_actor(
    uow_factory: UnitOfWorkFactory, station_id: int, via: str, now: datetime, who: str = ""
) -> Actor:
    """The system identity acting at ``station_id`` for ``via`` (e.g. ``command line:
    evidence``), created on first use; the session is audited with the OS user."""
    with uow_factory() as uow:
        user = uow.users.by_username(SYSTEM_USERNAME)
        if user is None:
            uow.users.lock_all()  # two first uses at once: one row
            user = uow.users.by_username(SYSTEM_USERNAME)
        if user is None:
            user = uow.users.add(
                User(None, SYSTEM_USERNAME, "Command line", Role.SYSTEM, SYSTEM_BADGE)
            )
        assert user.id is not None
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=user.id,
                station_id=station_id,
                action="system.session",
                entity="user",
                entity_id=SYSTEM_USERNAME,
                after={"via": via, "os_user": who or os_user()},
            )
        )
        uow.commit()
        return Actor(user.id, station_id)
