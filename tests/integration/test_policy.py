"""The return policy an admin states: versioned, audited, admin-only, refused whole when a
value is wrong; decisions and imports apply the version in force. SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from receiving_station.domain.model import InspectionStatus
from receiving_station.domain.policy import InvalidPolicy, ReturnPolicy
from receiving_station.errors import PermissionDenied, StaleRecord
from receiving_station.intake.read import read_text
from receiving_station.services.importing import import_rmas
from tests.intake.test_formats import CSV_HEADER
from tests.integration.test_inspecting_units import finish, line, scan_unit
from tests.world import World


def save(world: World, policy: ReturnPolicy, based_on: int = 0, who: str = "dan") -> ReturnPolicy:
    return world.dock1.save_policy(world.actor(who), policy, based_on)


def test_before_an_admin_saves_one_the_policy_is_the_files_defaults(world: World):
    policy = world.dock1.return_policy()
    assert policy.version == 0
    assert (policy.lead_above_value, policy.override_limit_value) == (500.0, 150.0)
    assert policy.fee_of("C") == 10.0  # rules.toml
    assert policy.window_days == 30
    assert policy.sla_hours == 24


def test_an_admin_saves_a_new_version_with_who_and_when_in_the_audit_trail(world: World):
    first = world.dock1.return_policy()
    saved = save(world, replace(first, window_days=45, sla_hours=12))
    assert (saved.version, saved.saved_by) == (1, "Dan Okafor")
    now = world.dock1.return_policy()
    assert (now.version, now.window_days, now.sla_hours) == (1, 45, 12)
    again = save(world, replace(now, window_days=60), based_on=1)
    assert again.version == 2
    assert [p.version for p in world.dock1.policy_history(world.actor("dan"))] == [2, 1]
    with world.uow_factory(readonly=True) as uow:
        events = uow.audit.for_entity("return_policy", "1")
    (event,) = events
    assert event.action == "policy.change"
    assert event.before is not None
    assert event.before["window_days"] == 30
    assert event.after is not None
    assert event.after["window_days"] == 45


@pytest.mark.parametrize("who", ["alice", "bruno", "chloe"])
def test_changing_or_reading_the_policy_history_is_refused_to_other_roles(world: World, who):
    policy = replace(world.dock1.return_policy(), window_days=10)
    with pytest.raises(PermissionDenied):
        save(world, policy, who=who)
    with pytest.raises(PermissionDenied):
        world.dock1.policy_history(world.actor(who))
    assert world.count("return_policies") == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"window_days": -5}, "Return window"),
        ({"window_days": 0}, "Return window"),
        ({"window_by_channel": (("web", -1),)}, "Return window of a channel (web)"),
        ({"window_by_category": (("Apparel Shoes", 30),)}, "category (Apparel Shoes)"),
        ({"fee_percent": (("C", 120.0),)}, "Restocking fee (C)"),
        ({"fee_percent": (("Z", 5.0),)}, "Restocking fee (Z)"),
        ({"lead_above_value": -1.0}, "Lead approval above"),
        ({"override_limit_value": float("nan")}, "Override needs a lead above"),
        ({"sla_hours": 0}, "Exception SLA"),
    ],
)
def test_a_bad_value_is_refused_naming_it_and_nothing_is_saved(world: World, change, field):
    policy = replace(world.dock1.return_policy(), **change)
    with pytest.raises(InvalidPolicy) as caught:
        save(world, policy)
    assert field in caught.value.template.format(**caught.value.params)
    assert world.count("return_policies") == 0
    assert world.dock1.return_policy().version == 0


def test_a_policy_changed_by_another_admin_meanwhile_is_not_overwritten(world: World):
    seen = world.dock1.return_policy()
    save(world, replace(seen, window_days=40))
    with pytest.raises(StaleRecord):
        save(world, replace(seen, window_days=20), based_on=seen.version)
    assert world.dock1.return_policy().window_days == 40
    assert world.count("return_policies") == 1


def test_a_decision_applies_the_policy_in_force_and_records_its_version(world: World):
    world.add_rma("RMA-300001", lines=(line("AP-1", 2, gtin="4006381333931"),))
    receipt = world.receive("RMA-300001")
    before = finish(world, scan_unit(world, receipt, "4006381333931"))
    assert before.inspection.status is InspectionStatus.COMPLETED
    assert before.inspection.policy_version == 0
    # the admin lowers the value above which a lead must approve to 40.00
    save(world, replace(world.dock1.return_policy(), lead_above_value=40.0))
    after = finish(world, scan_unit(world, receipt, "4006381333931"))
    assert after.inspection.status is InspectionStatus.AWAITING_LEAD
    assert after.inspection.policy_version == 1
    assert after.inspection.unit_value == Decimal("50.00")
    with world.uow_factory(readonly=True) as uow:
        stored = uow.inspections.get(before.inspection.id)  # type: ignore[arg-type]
    assert stored is not None
    assert stored.policy_version == 0


def _csv_rma(number: str, channel: str, category: str) -> str:
    return (
        f"{number},1009001,{channel},Ana Lopez,ana@example.com,en,2026-11-01,,open,,1,"
        f"SKU-{number[-3:]},,Item,{category},1,20.00,UNWANTED,,\n"
    )


def test_imported_rmas_get_the_window_of_their_category_then_channel_then_the_default(
    world: World,
):
    save(
        world,
        replace(
            world.dock1.return_policy(),
            window_days=30,
            window_by_channel=(("shopify", 14),),
            window_by_category=(("electronics", 15), ("apparel", 60)),
        ),
    )
    text = (
        CSV_HEADER
        + "\n"
        + _csv_rma("RMA-400001", "web", "apparel")
        + _csv_rma("RMA-400002", "shopify", "home")
        + _csv_rma("RMA-400003", "web", "home")
    )
    report = import_rmas(
        world.uow_factory, read_text(text), world.clock.now(), actor=world.actor("chloe")
    )
    assert report.ok, report.problems
    created = date(2026, 11, 1)
    with world.uow_factory(readonly=True) as uow:
        ends = {n: uow.rmas.by_number(n).expires_on for n in report.created}  # type: ignore[union-attr]
    assert ends == {
        "RMA-400001": created + timedelta(days=60),
        "RMA-400002": created + timedelta(days=14),
        "RMA-400003": created + timedelta(days=30),
    }
