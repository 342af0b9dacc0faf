"""The stations of the dock: a name and a location (dock, zone), stamped on every record
they make. Renaming keeps the same station, so its history follows the new name."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from receiving_station.domain.model import AuditEvent, Station
from receiving_station.domain.permissions import Action
from receiving_station.errors import InvalidEntry
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor

NAME = re.compile(r"^[A-Z0-9][A-Z0-9 _.-]{0,39}$", re.ASCII)
F_STATION = QT_TRANSLATE_NOOP("errors", "Station name")
F_LOCATION = QT_TRANSLATE_NOOP("errors", "Location")
P_NAME = QT_TRANSLATE_NOOP(
    "errors", "1 to 40 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit"
)
P_TAKEN = QT_TRANSLATE_NOOP("errors", "another station already has this name")
P_LOCATION = QT_TRANSLATE_NOOP("errors", "at most 120 characters")


def check_station(name: str, location: str) -> tuple[str, str]:
    """The name (upper case) and location, or ``InvalidEntry`` naming what is wrong."""
    name, location = name.strip().upper(), location.strip()
    if not NAME.match(name):
        raise InvalidEntry(field=F_STATION, problem=P_NAME)
    if len(location) > 120:
        raise InvalidEntry(field=F_LOCATION, problem=P_LOCATION)
    return name, location


def update_station(
    uow_factory: UnitOfWorkFactory, actor: Actor, name: str, location: str, now: datetime
) -> Station:
    """Rename or relocate the acting station (admins only)."""
    name, location = check_station(name, location)
    with uow_factory() as uow:
        _user, station = load_actor(uow, actor, Action.CONFIGURE_STATION)
        uow.stations.lock_all()  # the name checked free stays free until commit
        same = uow.stations.by_name(name)
        if same is not None and same.id != station.id:
            raise InvalidEntry(field=F_STATION, problem=P_TAKEN)
        changed = replace(station, name=name, location=location)
        uow.stations.save(changed)
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=actor.user_id,
                station_id=actor.station_id,
                action="station.change",
                entity="station",
                entity_id=str(station.id),
                before={"name": station.name, "location": station.location},
                after={"name": changed.name, "location": changed.location},
            )
        )
        uow.commit()
        return changed


def register_station(uow_factory: UnitOfWorkFactory, name: str, location: str) -> Station:
    """The station of this name, added the first time a PC starts under it. Two PCs
    starting under one new name at the same moment get the same station."""
    with uow_factory() as uow:
        uow.stations.lock_all()
        station = uow.stations.by_name(name)
        if station is None:
            station = uow.stations.add(Station(None, name, location))
        uow.commit()
        return station


def list_stations(uow_factory: UnitOfWorkFactory) -> list[Station]:
    with uow_factory(readonly=True) as uow:
        return list(uow.stations.all())
