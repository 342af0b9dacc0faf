"""Who is acting, and where: every command carries it; the use case re-checks it."""

from __future__ import annotations

from dataclasses import dataclass

from receiving_station.domain.model import Station, User
from receiving_station.domain.permissions import Action, require
from receiving_station.errors import NotLoggedIn
from receiving_station.ports import UnitOfWork


@dataclass(frozen=True)
class Actor:
    user_id: int
    station_id: int


def load_actor(uow: UnitOfWork, actor: Actor, action: Action | None = None) -> tuple[User, Station]:
    """Re-read the acting user inside the transaction: a user deactivated a minute ago, or
    whose role changed, is judged by what the database says now, not by the UI's memory."""
    user = uow.users.get(actor.user_id)
    station = uow.stations.get(actor.station_id)
    if user is None or station is None or not user.active:
        raise NotLoggedIn()
    if action is not None:
        require(user, action)
    return user, station
