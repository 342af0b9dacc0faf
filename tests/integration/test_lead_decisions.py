"""A unit gets one decision, whoever takes it and through whichever of its cases; finance
hears of every refund and the customer of a finished return only once everything is
decided. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from receiving_station.domain.model import ExceptionState, InspectionStatus, RmaStatus
from receiving_station.services.leads import AlreadyDecided
from tests.integration.test_inspecting_units import line
from tests.integration.test_races import (
    GTIN,
    complete,
    label_jobs,
    suspected_swap,
    version_of,
)
from tests.world import LEAD_PIN, World


def case(world: World, case_id: int):  # type: ignore[no-untyped-def]
    with world.uow_factory(readonly=True) as uow:
        return uow.exceptions.get(case_id)


def outbox(world: World, event: str) -> list[tuple[str, str]]:
    with world.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT idempotency_key, body FROM outbox WHERE event = :e ORDER BY id"),
            {"e": event},
        ).all()
    return [(r[0], r[1]) for r in rows]


def test_one_decision_settles_every_case_of_the_unit_and_a_second_is_refused(world: World):
    unit_id, fraud, wrong = suspected_swap(world, "RMA-910001")
    labels, seen_wrong = label_jobs(world, unit_id), version_of(world, wrong)
    decided = world.dock1.decide_exception(
        world.actor("chloe"),
        fraud,
        version_of(world, fraud),
        "approve",
        note="genuine",
        **LEAD_PIN["chloe"],
    )
    settled = case(world, wrong)
    assert settled.state is ExceptionState.RESOLVED
    assert settled.lead_id == world.user_ids["chloe"]
    assert settled.resolution == f"approved: genuine (decided with {decided.reference})"
    with world.uow_factory(readonly=True) as uow:
        (event,) = uow.audit.for_entity("exception", settled.reference)[-1:]
    assert event.action == "exception.approve"
    assert event.after is not None
    assert event.after["settled_by"] == decided.reference
    # A second lead, a moment later, on the other case: told, and nothing changes.
    with pytest.raises(AlreadyDecided) as caught:
        world.dock2.decide_exception(
            world.actor("dan", "DOCK-2"),
            wrong,
            seen_wrong,
            "override",
            disposition="destroy",
            note="swapped, bin it",
        )
    assert "already decided by Chloé Dubois" in str(caught.value)
    assert "approved: genuine" in str(caught.value)
    with world.uow_factory(readonly=True) as uow:
        unit = uow.inspections.get(unit_id)
    assert unit is not None
    assert (unit.status, unit.disposition) == (InspectionStatus.COMPLETED, "quarantine")
    # One original label; the lead's decision printed one more, recorded as replacing it.
    assert label_jobs(world, unit_id) == labels == 1
    with world.uow_factory(readonly=True) as uow:
        first, relabel = uow.labels.jobs_for_lpn(unit.lpn)
        (event,) = [
            e for e in uow.audit.for_entity("label", unit.lpn) if e.action == "label.relabel"
        ]
    assert relabel.reprint_of == first.id
    assert event.after is not None
    assert event.after["disposition"] == "quarantine"
    assert [k for k, _ in outbox(world, "exception_resolved")] == [
        f"exception_resolved:{decided.reference}",
        f"exception_resolved:{settled.reference}",
    ]


def test_a_unit_sent_back_settles_its_other_case_and_is_decided_afresh(world: World):
    unit_id, fraud, wrong = suspected_swap(world, "RMA-910002")
    world.dock1.decide_exception(
        world.actor("chloe"), fraud, version_of(world, fraud), "send_back", note="look again"
    )
    assert case(world, wrong).state is ExceptionState.RESOLVED
    with world.uow_factory(readonly=True) as uow:
        unit = uow.inspections.get(unit_id)
    assert unit is not None
    assert unit.status is InspectionStatus.IN_PROGRESS
    with pytest.raises(AlreadyDecided, match="sent back for re-inspection"):
        world.dock1.decide_exception(
            world.actor("chloe"), wrong, version_of(world, wrong), "approve"
        )
    # Inspected again, the unit opens its cases afresh; one decision settles them again.
    again = complete(world, world.dock1.inspection(world.actor("bruno"), unit_id))
    assert again.inspection.status is InspectionStatus.AWAITING_LEAD
    with world.uow_factory(readonly=True) as uow:
        fresh = [c for c in uow.exceptions.open_cases() if c.inspection_id == unit_id]
    assert len(fresh) == 2
    assert fresh[0].id is not None
    world.dock1.decide_exception(
        world.actor("chloe"), fresh[0].id, fresh[0].version, "approve", **LEAD_PIN["chloe"]
    )
    with world.uow_factory(readonly=True) as uow:
        assert [c for c in uow.exceptions.open_cases() if c.inspection_id == unit_id] == []


def test_a_lead_approving_a_full_refund_tells_finance_and_then_the_customer(world: World):
    world.add_rma("RMA-910003", lines=(line("EL-899", 1, gtin=GTIN, value=Decimal("899.00")),))
    receipt = world.receive("RMA-910003")
    done = complete(world, world.dock1.scan_unit(world.actor("bruno"), receipt, GTIN))
    unit = done.inspection
    assert unit.status is InspectionStatus.AWAITING_LEAD
    assert (unit.refund, unit.refund_amount) == ("full", Decimal("899.00"))
    # Waiting for a lead: no refund yet, and the return is not finished.
    assert outbox(world, "refund_recommended") == []
    assert outbox(world, "return_completed") == []
    with world.uow_factory(readonly=True) as uow:
        (waiting,) = [c for c in uow.exceptions.open_cases() if c.inspection_id == unit.id]
    assert waiting.id is not None
    world.dock2.decide_exception(
        world.actor("chloe", "DOCK-2"), waiting.id, waiting.version, "approve", **LEAD_PIN["chloe"]
    )
    ((key, body),) = outbox(world, "refund_recommended")
    assert key == f"refund_recommended:{unit.reference}"
    assert "amount: 899.00" in body
    assert "refund: full" in body
    assert "rma: RMA-910003" in body
    assert [k for k, _ in outbox(world, "return_completed")] == ["return_completed:RMA-910003"]
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-910003").status is RmaStatus.CLOSED  # type: ignore[union-attr]


def test_a_return_with_a_unit_still_waiting_is_not_completed(world: World):
    world.add_rma(
        "RMA-910004",
        lines=(
            line("AP-1", 1, gtin=GTIN),
            replace(line("EL-2", 1, gtin="09521234543213", value=Decimal("899.00")), line_no=2),
        ),
    )
    receipt = world.receive("RMA-910004")
    complete(world, world.dock1.scan_unit(world.actor("bruno"), receipt, GTIN))
    expensive = complete(
        world, world.dock1.scan_unit(world.actor("bruno"), receipt, "09521234543213")
    )
    assert expensive.inspection.status is InspectionStatus.AWAITING_LEAD
    assert outbox(world, "return_completed") == []
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-910004").status is RmaStatus.RECEIVED  # type: ignore[union-attr]
