"""Search and history for leads: an RMA, a unit or an unidentified parcel found by any number
on it or by the customer, and everything that happened to it in order. On SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest

from receiving_station.errors import InvalidEntry, NotFound, PermissionDenied
from tests.integration.test_inspecting_units import finish, line, scan_unit
from tests.integration.test_leads import waiting_unit
from tests.world import World


def inspected(world: World, number: str = "RMA-710001", **rma: object) -> str:
    """An RMA received and its one unit inspected (grade A, restocked); the unit's LPN."""
    world.add_rma(number, lines=(line("AP-71", 1, gtin="4006381333931"),), **rma)  # type: ignore[arg-type]
    receipt = world.receive(number)
    done = finish(world, scan_unit(world, receipt, "4006381333931"), grade="A")
    assert done.inspection.lpn
    return done.inspection.lpn


def keys(hits) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(h.kind, h.key, h.matched) for h in hits]


def test_an_rma_is_found_by_its_number_order_tracking_and_customer(world: World):
    inspected(world, order_ref="7100042", tracking=("1Z999AA10123456784",))
    chloe = world.actor("chloe")
    assert keys(world.dock1.search(chloe, "RMA-710001"))[0] == ("rma", "RMA-710001", "rma")
    assert keys(world.dock1.search(chloe, "rma-710001"))[0] == ("rma", "RMA-710001", "rma")
    assert ("rma", "RMA-710001", "order") in keys(world.dock1.search(chloe, "7100042"))
    assert ("rma", "RMA-710001", "tracking") in keys(
        world.dock1.search(chloe, "1Z999AA10123456784")
    )
    by_name = world.dock1.search(chloe, "bernard")  # part of the name, any case
    assert ("rma", "RMA-710001", "customer") in keys(by_name)
    assert by_name[0].customer == "Camille Bernard"
    assert ("rma", "RMA-710001", "customer") in keys(world.dock1.search(chloe, "camille@exa"))


def test_a_unit_is_found_by_its_license_plate_and_by_its_sku(world: World):
    lpn = inspected(world)
    chloe = world.actor("chloe")
    (unit,) = [h for h in world.dock1.search(chloe, lpn) if h.kind == "unit"]
    assert (unit.lpn, unit.rma, unit.sku, unit.matched) == (lpn, "RMA-710001", "AP-71", "lpn")
    assert unit.status == "restock"
    by_sku = world.dock1.search(chloe, "AP-71")
    assert [h.key for h in by_sku if h.kind == "unit"] == [unit.key]
    by_gtin = world.dock1.search(chloe, "4006381333931")  # the product's own barcode
    assert unit.key in [h.key for h in by_gtin]


def test_a_search_that_matches_nothing_finds_nothing_and_blank_text_is_refused(world: World):
    inspected(world)
    chloe = world.actor("chloe")
    assert world.dock1.search(chloe, "RMA-999999") == []
    assert world.dock1.search(chloe, "%") == []  # not a wildcard
    with pytest.raises(InvalidEntry) as caught:
        world.dock1.search(chloe, "   ")
    assert "Search" in str(caught.value)


def test_the_rma_history_tells_the_parcel_the_unit_and_its_label_in_order(world: World):
    lpn = inspected(world)
    world.dock1.print_labels()
    history = world.dock1.history(world.actor("chloe"), "rma", "RMA-710001")
    actions = [e.action for e in history.entries]
    assert actions.index("receive") < actions.index("inspection.start")
    assert actions.index("inspection.start") < actions.index("inspection.complete")
    assert actions.index("inspection.complete") < actions.index("label.printed")
    assert "parcel.received" not in actions  # the RMA's own event says it
    received = history.entries[actions.index("receive")]
    assert (received.who, received.station) == ("Alice Martin", "DOCK-1")
    started = history.entries[actions.index("inspection.start")]
    assert started.who == "Bruno Lefèvre"
    assert [e.at for e in history.entries] == sorted(e.at for e in history.entries)
    assert history.lpns == (lpn,)


def test_a_reprint_from_the_history_shows_in_it(world: World):
    lpn = inspected(world)
    world.dock1.print_labels()
    chloe = world.actor("chloe")
    (unit,) = [h for h in world.dock1.search(chloe, lpn) if h.kind == "unit"]
    world.dock1.reprint(chloe, lpn)
    history = world.dock1.history(chloe, "unit", unit.key)
    last = history.entries[-1]
    assert (last.action, last.reference, last.who) == ("label.reprint", lpn, "Chloé Dubois")


def test_a_unit_history_holds_that_unit_only(world: World):
    inspected(world, "RMA-710001")
    other = inspected(world, "RMA-710002")
    chloe = world.actor("chloe")
    (unit,) = [h for h in world.dock1.search(chloe, other) if h.kind == "unit"]
    history = world.dock1.history(chloe, "unit", unit.key)
    assert {e.reference for e in history.entries if e.action.startswith("inspection")} == {unit.key}
    assert history.entries[0].action == "parcel.received"


def test_an_exception_and_its_decision_are_in_the_unit_history(world: World):
    case_id = waiting_unit(world, "RMA-610001")
    chloe = world.actor("chloe")
    with world.uow_factory(readonly=True) as uow:
        case = uow.exceptions.get(case_id)
    assert case is not None
    world.dock1.decide_exception(chloe, case_id, case.version, "approve")
    (unit,) = [h for h in world.dock1.search(chloe, "RMA-610001") if h.kind == "rma"]
    history = world.dock1.history(chloe, "rma", unit.key)
    opened = [e for e in history.entries if e.action == "exception.opened"]
    assert [(e.reference, e.who) for e in opened] == [(case.reference, "Bruno Lefèvre")]
    decided = [e for e in history.entries if e.action == "exception.approve"]
    assert [(e.reference, e.who) for e in decided] == [(case.reference, "Chloé Dubois")]


def test_an_unidentified_parcel_is_found_by_what_was_scanned_on_it(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "NO-LABEL-9", note="no slip")
    chloe = world.actor("chloe")
    hits = world.dock1.search(chloe, "NO-LABEL-9")
    assert keys(hits) == [("exception", case.reference, "parcel")]
    assert keys(world.dock1.search(chloe, case.reference)) == [
        ("exception", case.reference, "exception")
    ]
    history = world.dock1.history(chloe, "exception", case.reference)
    actions = [e.action for e in history.entries]
    assert actions[:2] == ["parcel.received", "register_unidentified"]


def test_search_and_history_are_for_leads(world: World):
    inspected(world)
    with pytest.raises(PermissionDenied):
        world.dock1.search(world.actor("alice"), "RMA-710001")
    with pytest.raises(PermissionDenied):
        world.dock1.history(world.actor("bruno"), "rma", "RMA-710001")


def test_the_history_of_something_that_does_not_exist_says_so(world: World):
    with pytest.raises(NotFound) as caught:
        world.dock1.history(world.actor("chloe"), "rma", "RMA-000404")
    assert "RMA-000404" in str(caught.value)
