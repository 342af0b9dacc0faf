"""A lead's decision that moves money or breaks policy needs the deciding lead's badge and
PIN typed at that moment, checked in the core: an override, and an approval of a unit
suspected of fraud or worth more than the limit. A plain approval within the policy does
not. Each wrong PIN is audited and counts towards the lead's lock-out. On SQLite and
PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from receiving_station.domain.model import ExceptionState, InspectionStatus
from receiving_station.errors import DecisionNeedsPin, DecisionRefused, LoginLocked, LoginRefused
from tests.integration.test_inspecting_units import line
from tests.integration.test_leads import case_of, waiting_unit
from tests.integration.test_races import GTIN, complete, suspected_swap, version_of
from tests.world import LEAD_PIN, World


def audit(world: World, action: str) -> list[tuple[str, str]]:
    with world.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT entity_id, after FROM audit_events WHERE action = :a ORDER BY id"),
            {"a": action},
        ).all()
    return [(r[0], str(r[1])) for r in rows]


def unit_of(world: World, case_id: int):  # type: ignore[no-untyped-def]
    with world.uow_factory(readonly=True) as uow:
        return uow.inspections.get(case_of(world, case_id).inspection_id)


def test_an_override_without_the_leads_pin_is_refused_and_changes_nothing(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    chloe = world.actor("chloe")  # logged in at the window, unlocked
    override = {"disposition": "liquidate", "note": "light wear, outlet"}
    with pytest.raises(DecisionNeedsPin) as asked:
        world.dock1.decide_exception(chloe, case_id, seen, "override", **override)
    assert "overriding the disposition" in str(asked.value)
    with pytest.raises(LoginRefused) as wrong:  # the lead's badge, by someone who knows no PIN
        world.dock1.decide_exception(
            chloe, case_id, seen, "override", lead_badge="BDG-1003", lead_pin="1111", **override
        )
    assert str(wrong.value) == (  # an approval's words, not a log-in's
        "Not approved: the badge or the PIN is wrong. Nothing was changed."
    )
    assert case_of(world, case_id).state is ExceptionState.OPEN
    assert unit_of(world, case_id).status is InspectionStatus.AWAITING_LEAD
    assert [who for who, _ in audit(world, "approval.failed")] == ["BDG-1003"]
    decided = world.dock1.decide_exception(
        chloe, case_id, seen, "override", **LEAD_PIN["chloe"], **override
    )
    assert decided.lead_id == world.user_ids["chloe"]
    assert unit_of(world, case_id).disposition == "liquidate"
    ((_ref, after),) = audit(world, "exception.override")
    assert "badge+pin" in after


def test_a_plain_approval_within_the_policy_needs_no_pin(world: World):
    case_id = waiting_unit(world)
    decided = world.dock1.decide_exception(
        world.actor("chloe"), case_id, case_of(world, case_id).version, "approve"
    )
    assert decided.state is ExceptionState.RESOLVED


def test_approving_a_suspected_fraud_or_a_unit_over_the_limit_needs_the_pin(world: World):
    _unit, fraud, _wrong = suspected_swap(world, "RMA-920001")
    with pytest.raises(DecisionNeedsPin) as asked:
        world.dock1.decide_exception(
            world.actor("chloe"), fraud, version_of(world, fraud), "approve"
        )
    assert "suspected of fraud" in str(asked.value)
    world.add_rma("RMA-920002", lines=(line("EL-899", 1, gtin=GTIN, value=Decimal("899.00")),))
    receipt = world.receive("RMA-920002")
    done = complete(world, world.dock1.scan_unit(world.actor("bruno"), receipt, GTIN))
    with world.uow_factory(readonly=True) as uow:
        (waiting,) = [
            c for c in uow.exceptions.open_cases() if c.inspection_id == done.inspection.id
        ]
    assert waiting.id is not None
    with pytest.raises(DecisionNeedsPin) as asked:
        world.dock1.decide_exception(world.actor("chloe"), waiting.id, waiting.version, "approve")
    assert "worth more than the limit" in str(asked.value)
    assert case_of(world, waiting.id).state is ExceptionState.OPEN
    world.dock1.decide_exception(
        world.actor("chloe"), waiting.id, waiting.version, "approve", **LEAD_PIN["chloe"]
    )
    assert case_of(world, waiting.id).state is ExceptionState.RESOLVED


def test_the_decision_is_taken_in_the_name_of_whoever_proved_their_pin(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    dan_window = world.actor("dan")  # Dan left his window open; Chloé decides there
    decided = world.dock1.decide_exception(
        dan_window,
        case_id,
        seen,
        "override",
        disposition="donate",
        note="charity box",
        **LEAD_PIN["chloe"],
    )
    assert decided.lead_id == world.user_ids["chloe"]
    ((_ref, after),) = audit(world, "exception.override")
    assert "dan" in after  # the window it was decided at, for the record


def test_an_inspectors_badge_and_pin_cannot_decide(world: World):
    case_id = waiting_unit(world)
    with pytest.raises(DecisionRefused):
        world.dock1.decide_exception(
            world.actor("chloe"),
            case_id,
            case_of(world, case_id).version,
            "override",
            disposition="destroy",
            note="bin it",
            lead_badge="BDG-1002",
            lead_pin="2222",
        )
    assert case_of(world, case_id).state is ExceptionState.OPEN


def test_wrong_pins_at_a_decision_lock_the_lead_out_like_a_log_in(world: World):
    case_id = waiting_unit(world)
    seen = case_of(world, case_id).version
    chloe = world.actor("chloe")
    tries = {"disposition": "destroy", "note": "bin it", "lead_badge": "BDG-1003"}
    for pin in ("0000", "1234", "1111", "9999"):
        with pytest.raises(LoginRefused):
            world.dock1.decide_exception(chloe, case_id, seen, "override", lead_pin=pin, **tries)
    with pytest.raises(LoginLocked):
        world.dock1.decide_exception(chloe, case_id, seen, "override", lead_pin="5555", **tries)
    with pytest.raises(LoginLocked):  # the right PIN, too late: not even tried
        world.dock1.decide_exception(chloe, case_id, seen, "override", lead_pin="3333", **tries)
    with pytest.raises(LoginLocked):  # and Chloé's log-in is locked too
        world.dock1.login_badge_pin("BDG-1003", "3333")
    assert case_of(world, case_id).state is ExceptionState.OPEN
