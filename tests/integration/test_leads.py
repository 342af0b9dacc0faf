"""The floor lead's queue and decisions, from any station (ACCEPTANCE 6, 27, 28): oldest
first with age against the SLA, filters, and decisions that are recorded once, never twice.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from receiving_station.domain.model import ExceptionState, InspectionStatus, RmaStatus
from receiving_station.errors import InvalidEntry, PermissionDenied, StaleRecord
from receiving_station.services.leads import AlreadyDecided, QueueFilter
from tests.integration.test_inspecting_units import finish, line, scan_unit
from tests.world import LEAD_PIN, World


def waiting_unit(world: World, number: str = "RMA-610001") -> int:
    """A worn garment: the unit waits for a lead; the exception's id."""
    world.add_rma(number, lines=(line("AP-61", 1, gtin="4006381333931"),))
    receipt = world.receive(number)
    done = finish(world, scan_unit(world, receipt, "4006381333931"), worn="yes", grade="C")
    assert done.inspection.status is InspectionStatus.AWAITING_LEAD
    (row,) = [r for r in world.dock1.exception_queue(world.actor("chloe")) if r.rma == number]
    assert row.case.id is not None
    return row.case.id


def case_of(world: World, exception_id: int):  # type: ignore[no-untyped-def]
    with world.uow_factory(readonly=True) as uow:
        return uow.exceptions.get(exception_id)


def test_the_queue_shows_every_open_exception_oldest_first_with_its_age(world: World):
    first = waiting_unit(world, "RMA-610001")
    world.clock.advance(hours=2)
    second = waiting_unit(world, "RMA-610002")
    world.clock.advance(hours=23)
    rows = world.dock2.exception_queue(world.actor("chloe", "DOCK-2"))  # another station
    assert [r.case.id for r in rows] == [first, second]
    oldest = rows[0]
    assert (oldest.station, oldest.inspector, oldest.sku) == ("DOCK-1", "Bruno Lefèvre", "AP-61")
    assert oldest.unit.startswith("IN-")
    assert oldest.thumbnail.startswith("photo:")
    assert round(oldest.age_hours) == 25
    assert [r.past_sla for r in rows] == [True, False]  # the policy's 24 h


def test_filters_narrow_the_queue_and_one_that_matches_nothing_gives_nothing(world: World):
    waiting_unit(world)
    chloe = world.actor("chloe")
    kind = world.dock1.exception_queue(chloe)[0].case.kind.value
    assert len(world.dock1.exception_queue(chloe, QueueFilter(kind=kind))) == 1
    assert world.dock1.exception_queue(chloe, QueueFilter(station="DOCK-2")) == []
    assert world.dock1.exception_queue(chloe, QueueFilter(min_age_hours=48)) == []
    assert world.dock1.exception_queue(chloe, QueueFilter(status="resolved")) == []


def test_an_approval_completes_the_unit_records_the_lead_and_queues_its_label(world: World):
    case_id = waiting_unit(world)
    case = case_of(world, case_id)
    world.dock1.print_labels()
    before = len(world.dock1.print_queue())
    decided = world.dock2.decide_exception(
        world.actor("chloe", "DOCK-2"), case_id, case.version, "approve"
    )
    assert decided.state is ExceptionState.RESOLVED
    assert decided.lead_id == world.user_ids["chloe"]
    assert decided.resolution == "approved"
    with world.uow_factory(readonly=True) as uow:
        unit = uow.inspections.get(case.inspection_id)
    assert unit is not None
    assert unit.status is InspectionStatus.COMPLETED
    assert len(world.dock2.print_queue()) + len(world.dock1.print_queue()) >= before
    with world.uow_factory(readonly=True) as uow:
        events = [e.action for e in uow.audit.for_entity("exception", decided.reference)]
    assert events[-1] == "exception.approve"


def test_a_case_another_lead_just_decided_is_never_decided_twice(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    world.dock1.decide_exception(world.actor("chloe"), case_id, seen, "approve")
    with pytest.raises(AlreadyDecided) as caught:
        world.dock2.decide_exception(
            world.actor("dan", "DOCK-2"), case_id, seen, "resolve", note="customer called"
        )
    assert "already decided by Chloé Dubois" in str(caught.value)
    assert case_of(world, case_id).resolution == "approved"


def test_a_case_that_moved_since_the_lead_saw_it_is_refused(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    world.dock2.start_review(world.actor("dan", "DOCK-2"), case_id, seen)
    with pytest.raises(StaleRecord):
        world.dock1.decide_exception(world.actor("chloe"), case_id, seen, "approve")


def test_an_override_needs_a_reason_and_changes_the_disposition(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    with pytest.raises(InvalidEntry):
        world.dock1.decide_exception(
            world.actor("chloe"), case_id, seen, "override", disposition="liquidate"
        )
    decided = world.dock1.decide_exception(
        world.actor("chloe"),
        case_id,
        seen,
        "override",
        disposition="liquidate",
        note="light wear, outlet",
        **LEAD_PIN["chloe"],
    )
    with world.uow_factory(readonly=True) as uow:
        unit = uow.inspections.get(decided.inspection_id)  # type: ignore[arg-type]
    assert unit is not None
    assert (unit.disposition, unit.zone, unit.status) == (
        "liquidate",
        "D-LIQUIDATE",
        InspectionStatus.COMPLETED,
    )
    assert unit.override_reason == "light wear, outlet"


def test_a_unit_sent_back_is_inspected_again(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    decided = world.dock1.decide_exception(
        world.actor("chloe"), case_id, seen, "send_back", note="check the stain again"
    )
    with world.uow_factory(readonly=True) as uow:
        unit = uow.inspections.get(decided.inspection_id)  # type: ignore[arg-type]
    assert unit is not None
    assert unit.status is InspectionStatus.IN_PROGRESS


def test_an_unidentified_parcel_is_linked_to_its_rma(world: World):
    world.add_rma("RMA-610009")
    case = world.dock1.register_unidentified(world.actor("alice"), "NO-LABEL-9")
    assert case.id is not None
    decided = world.dock1.decide_exception(
        world.actor("chloe"), case.id, case.version, "link", rma="RMA-610009"
    )
    assert decided.resolution == "linked to RMA-610009"
    with world.uow_factory(readonly=True) as uow:
        rma = uow.rmas.by_number("RMA-610009")
        assert rma is not None
        assert rma.status is RmaStatus.RECEIVED
        assert uow.receipts.info_for_rma(rma.id) is not None  # type: ignore[arg-type]


@pytest.mark.parametrize("who", ["alice", "bruno"])
def test_the_queue_and_decisions_are_refused_to_receivers_and_inspectors(world: World, who: str):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    with pytest.raises(PermissionDenied):
        world.dock1.exception_queue(world.actor(who))
    with pytest.raises(PermissionDenied):
        world.dock1.decide_exception(world.actor(who), case_id, seen, "approve")
    assert case_of(world, case_id).state is ExceptionState.OPEN
