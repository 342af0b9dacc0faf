"""Stations are named and placed by admins only; a rename keeps the station (its records
follow the new name) and is audited. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from receiving_station.errors import InvalidEntry, PermissionDenied
from receiving_station.services.stations import list_stations, update_station
from tests.world import World


def test_an_admin_renames_and_places_the_station_and_it_is_audited(world: World):
    actor = world.actor("dan")
    changed = update_station(
        world.uow_factory, actor, "dock-1a", "Dock 1, zone A", world.clock.now()
    )
    assert (changed.id, changed.name, changed.location) == (
        actor.station_id,
        "DOCK-1A",
        "Dock 1, zone A",
    )
    names = [s.name for s in list_stations(world.uow_factory)]
    assert "DOCK-1A" in names
    assert "DOCK-1" not in names
    with world.uow_factory(readonly=True) as uow:
        (event,) = uow.audit.for_entity("station", str(actor.station_id))
    assert (event.action, event.before, event.after) == (
        "station.change",
        {"name": "DOCK-1", "location": "Returns dock, door 1"},
        {"name": "DOCK-1A", "location": "Dock 1, zone A"},
    )


@pytest.mark.parametrize("who", ["alice", "bruno", "chloe"])
def test_other_roles_cannot_rename_a_station(world: World, who: str):
    with pytest.raises(PermissionDenied):
        update_station(world.uow_factory, world.actor(who), "X-1", "", world.clock.now())
    assert "X-1" not in [s.name for s in list_stations(world.uow_factory)]


@pytest.mark.parametrize(
    ("name", "location", "problem"),
    [
        ("DOCK-2", "", "another station already has this name"),
        ("", "", "1 to 40 letters"),
        ("DOCK/1", "", "1 to 40 letters"),
        ("DOCK-1", "x" * 121, "at most 120 characters"),
    ],
)
def test_a_bad_name_or_location_is_refused_and_nothing_changes(
    world: World, name: str, location: str, problem: str
):
    with pytest.raises(InvalidEntry) as caught:
        update_station(world.uow_factory, world.actor("dan"), name, location, world.clock.now())
    assert problem in str(caught.value)
    with world.uow_factory(readonly=True) as uow:
        station = uow.stations.get(world.station_ids["DOCK-1"])
    assert station is not None
    assert (station.name, station.location) == ("DOCK-1", "Returns dock, door 1")
