"""ACCEPTANCE 1-6, 30, 31 at the use-case level, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from receiving_station.domain.model import ExceptionKind, ExceptionState, RmaStatus
from receiving_station.domain.scan import ScanKind
from receiving_station.errors import (
    AlreadyReceived,
    BadScan,
    HeldByOther,
    LeadApprovalRefused,
    LoginLocked,
    LoginRefused,
    PermissionDenied,
    PolicyBreach,
    StaleRecord,
    UnknownScan,
)
from receiving_station.services.receiving import ScanOutcome
from tests.world import World

UPS = "1ZE3S3E28246281943"


def scan(world: World, text: str, user: str = "alice", station: str = "DOCK-1") -> ScanOutcome:
    services = world.dock1 if station == "DOCK-1" else world.dock2
    result = services.handle_scan(world.actor(user, station), text)
    assert isinstance(result, ScanOutcome)
    return result


def test_scanning_an_open_rma_shows_customer_order_lines_reasons_and_days_left(world: World):
    world.add_rma("RMA-100001", days_old=5, order_ref="7000001")
    outcome = scan(world, "RMA-100001")
    view = outcome.rma
    assert (view.number, view.customer_name, view.order_ref) == (
        "RMA-100001",
        "Camille Bernard",
        "7000001",
    )
    assert [(ln.sku, ln.reason_code) for ln in view.lines] == [
        ("AP-001-M", "SIZE_TOO_SMALL"),
        ("EL-003", "DEFECTIVE"),
    ]
    assert view.lines[0].reason_note == "Too tight"
    assert view.days_left == 25
    assert outcome.notice is None
    assert outcome.can_receive
    assert not outcome.needs_approval


def test_a_scan_of_lower_case_rma_text_without_dash_finds_the_same_rma(world: World):
    world.add_rma("RMA-100001")
    assert scan(world, "rma100001\r").rma.number == "RMA-100001"


def test_a_carrier_tracking_number_opens_the_rma_that_holds_it(world: World):
    world.add_rma("RMA-100002", tracking=(UPS,))
    outcome = scan(world, UPS)
    assert outcome.rma.number == "RMA-100002"


def test_an_order_number_opens_its_rma(world: World):
    world.add_rma("RMA-100003", order_ref="7000333")
    assert scan(world, "#7000333").rma.number == "RMA-100003"


def test_a_scan_matching_nothing_is_refused_and_changes_nothing(world: World):
    world.add_rma("RMA-100001")
    before = {t: world.count(t) for t in ("receipts", "exceptions", "claims", "audit_events")}
    with pytest.raises(UnknownScan) as caught:
        scan(world, "RMA-999999")
    assert "RMA-999999" in str(caught.value)
    assert "unidentified" in str(caught.value)
    assert {t: world.count(t) for t in before} == before


def test_an_unidentified_parcel_becomes_a_quarantine_exception_a_lead_can_work(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "XJ-4471", note="no label")
    assert case.kind is ExceptionKind.UNIDENTIFIED_PARCEL
    assert case.state is ExceptionState.OPEN
    assert case.disposition == "quarantine"
    with world.uow_factory(readonly=True) as uow:
        assert [c.id for c in uow.exceptions.open_cases()] == [case.id]
        assert (
            uow.audit.for_entity("exception", case.reference)[0].action == "register_unidentified"
        )
    lead = world.actor("chloe", "LEAD-DESK")
    reviewed = world.dock1.start_review(lead, case.id, seen_version=case.version)
    assert reviewed.state is ExceptionState.IN_REVIEW


def test_an_rma_received_once_says_who_where_and_when_and_is_never_received_twice(world: World):
    rma = world.add_rma("RMA-100001")
    first = scan(world, "RMA-100001")
    world.dock1.receive(world.actor("alice"), [first.rma.id])
    world.clock.advance(minutes=30)

    second = scan(world, "RMA-100001", user="bruno", station="DOCK-2")
    assert isinstance(second.notice, AlreadyReceived)
    assert not second.can_receive
    text = str(second.notice)
    assert "Alice Martin" in text
    assert "DOCK-1" in text
    assert "2026-11-26" in text
    with pytest.raises(AlreadyReceived):
        world.dock2.receive(world.actor("bruno", "DOCK-2"), [rma.id])  # type: ignore[list-item]
    assert world.count("receipts") == 1
    assert world.count("receipt_rmas") == 1


@pytest.mark.parametrize(
    ("status", "days_old", "reason"),
    [
        (RmaStatus.OPEN, 45, "return window has passed"),
        (RmaStatus.CANCELLED, 2, "cancelled"),
        (RmaStatus.DECLINED, 2, "declined"),
    ],
)
def test_an_rma_outside_policy_needs_a_leads_badge_to_be_received(
    world: World, status: RmaStatus, days_old: int, reason: str
):
    rma = world.add_rma("RMA-100009", days_old=days_old, status=status)
    outcome = scan(world, "RMA-100009")
    assert outcome.needs_approval
    assert isinstance(outcome.notice, PolicyBreach)
    assert reason in str(outcome.notice)
    alice = world.actor("alice")
    assert rma.id is not None
    with pytest.raises(PolicyBreach):
        world.dock1.receive(alice, [rma.id])
    with pytest.raises(LeadApprovalRefused):
        world.dock1.receive(alice, [rma.id], lead_badge="BDG-1002", lead_pin="2222")  # inspector
    assert world.count("receipts") == 0
    receipt = world.dock1.receive(alice, [rma.id], lead_badge="BDG-1003", lead_pin="3333")
    assert receipt.approved_by == world.user_ids["chloe"]
    with world.uow_factory(readonly=True) as uow:
        (event,) = uow.audit.for_entity("rma", "RMA-100009")
    assert event.after is not None
    assert event.after["approved_by"] == world.user_ids["chloe"]


def test_a_receiver_is_refused_lead_only_actions_in_the_core(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "XJ-1")
    assert case.id is not None
    with pytest.raises(PermissionDenied) as caught:
        world.dock1.start_review(world.actor("alice"), case.id, seen_version=case.version)
    assert "Alice Martin" in str(caught.value)
    with world.uow_factory(readonly=True) as uow:
        assert uow.exceptions.get(case.id).state is ExceptionState.OPEN  # type: ignore[union-attr]


def test_a_deactivated_user_cannot_log_in_nor_act(world: World):
    from receiving_station.errors import LoginRefused, NotLoggedIn

    with pytest.raises(LoginRefused):
        world.dock1.login_badge("BDG-1005")
    world.add_rma("RMA-100001")
    with pytest.raises(NotLoggedIn):
        world.dock1.handle_scan(world.actor("eve"), "RMA-100001")


def test_log_in_by_badge_and_by_pin(world: World):
    from receiving_station.errors import LoginRefused

    assert world.dock1.login_badge("bdg-1001\r").user.username == "alice"
    assert world.dock1.login_pin("Chloe", "3333").user.username == "chloe"
    with pytest.raises(LoginRefused):
        world.dock1.login_pin("chloe", "9999")
    with pytest.raises(LoginRefused):
        world.dock1.login_badge("BDG-0000")


def test_two_stations_scanning_the_same_rma_one_holds_it_the_other_is_told_who(world: World):
    rma = world.add_rma("RMA-100001")
    first = scan(world, "RMA-100001")
    other = scan(world, "RMA-100001", user="bruno", station="DOCK-2")
    assert first.can_receive
    assert isinstance(other.notice, HeldByOther)
    assert not other.can_receive
    assert "Alice Martin" in str(other.notice)
    assert "DOCK-1" in str(other.notice)
    assert rma.id is not None
    with pytest.raises(HeldByOther):
        world.dock2.receive(world.actor("bruno", "DOCK-2"), [rma.id])
    # The hold lapses: an abandoned screen does not block the dock for ever.
    world.clock.advance(minutes=16)
    assert scan(world, "RMA-100001", user="bruno", station="DOCK-2").can_receive


def test_scanning_another_parcel_releases_the_previous_hold(world: World):
    world.add_rma("RMA-100001")
    world.add_rma("RMA-100002", order_ref="7000002")
    scan(world, "RMA-100001")
    scan(world, "RMA-100002")
    assert scan(world, "RMA-100001", user="bruno", station="DOCK-2").can_receive


def test_a_stale_save_is_refused_and_nothing_is_duplicated(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "XJ-2")
    assert case.id is not None
    seen = case.version
    lead1, lead2 = world.actor("chloe", "LEAD-DESK"), world.actor("dan", "DOCK-2")
    world.dock1.start_review(lead1, case.id, seen_version=seen)
    with pytest.raises(StaleRecord) as caught:
        world.dock2.start_review(lead2, case.id, seen_version=seen)
    assert case.reference in str(caught.value)
    with world.uow_factory(readonly=True) as uow:
        stored = uow.exceptions.get(case.id)
        events = uow.audit.for_entity("exception", case.reference)
    assert stored is not None
    assert stored.state is ExceptionState.IN_REVIEW
    assert stored.version == seen + 1
    assert [e.action for e in events] == ["register_unidentified", "exception_in_review"]


@pytest.mark.parametrize(
    "text",
    [
        "RMA-1\x07\x00",
        "A" * 10_000,
        "'; DROP TABLE rmas; --",
        "📦📦📦",
        b"\xff\xfe\xfa",
        "",
        "\r\n",
    ],
    ids=["control", "10k", "sql", "emoji", "not-utf8", "empty", "only-enter"],
)
def test_any_scanner_text_gets_a_clear_answer_and_changes_nothing(world: World, text: str | bytes):
    world.add_rma("RMA-100001")
    before = {t: world.count(t) for t in ("rmas", "receipts", "claims", "audit_events")}
    with pytest.raises((BadScan, UnknownScan)) as caught:
        world.dock1.handle_scan(world.actor("alice"), text)
    assert str(caught.value)
    assert {t: world.count(t) for t in before} == before
    assert world.count("rmas") == 1


def test_the_scan_classifier_is_what_the_station_uses(world: World):
    assert world.dock1.classify(UPS).kind is ScanKind.TRACKING


def test_a_leads_badge_typed_by_a_receiver_approves_nothing_without_the_leads_pin(world: World):
    rma = world.add_rma("RMA-100009", days_old=45)
    scan(world, "RMA-100009")
    alice = world.actor("alice")
    assert rma.id is not None
    for pin in ("", "1111", "0000", "1234"):
        with pytest.raises(LoginRefused):
            world.dock1.receive(alice, [rma.id], lead_badge="BDG-1003", lead_pin=pin)
    assert world.count("receipts") == 0
    with world.engine.connect() as conn:
        tried = conn.execute(
            text("SELECT entity_id FROM audit_events WHERE action = 'approval.failed'")
        ).all()
    assert [t.entity_id for t in tried] == ["BDG-1003"] * 4
    with pytest.raises(LoginLocked):  # the lead's wrong PINs count: 5 lock them out
        world.dock1.receive(alice, [rma.id], lead_badge="BDG-1003", lead_pin="9999")
    with pytest.raises(LoginLocked):
        world.dock1.receive(alice, [rma.id], lead_badge="BDG-1003", lead_pin="3333")
    assert world.count("receipts") == 0
