"""Guessing PINs: every failure audited and slowed down, a lock-out per user and per station
that a lead or an admin lifts (or that runs out), and no more tries than the limit when
many come at once. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import text

from receiving_station.domain.login import LoginPolicy
from receiving_station.errors import (
    LoginLocked,
    LoginRefused,
    LoginTooQuick,
    PermissionDenied,
    PinNeeded,
    StationLoginLocked,
)
from receiving_station.services.station import StationServices
from tests.world import World

ROUNDS = 20


def station(
    world: World, name: str = "DOCK-1", takes_time: bool = True
) -> tuple[StationServices, list[float]]:
    """A station whose delays are slept as the real ones are: the station clock moves on by
    them (``takes_time``), or, for a caller that does not wait, stands still."""
    slept: list[float] = []
    services = world.services(name)

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if takes_time:
            world.clock.advance(seconds=seconds)

    services.sleep = sleep
    return services, slept


def audit(world: World, action: str) -> list[Any]:
    with world.engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT entity_id, station_id, user_id FROM audit_events "
                    "WHERE action = :a ORDER BY id"
                ),
                {"a": action},
            )
        )


def test_wrong_pins_are_audited_slowed_down_and_lock_the_user_out(world: World):
    dock, slept = station(world)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            dock.login_pin("alice", "9999")
    assert slept == [0.5, 1.0, 2.0, 4.0]  # a growing delay, slept by the caller's thread
    with pytest.raises(LoginLocked) as locked:
        dock.login_pin("alice", "9998")
    assert "Alice Martin" in str(locked.value)
    assert "lead or an admin" in str(locked.value)
    # the right PIN does not get in while locked, and is not even tried
    with pytest.raises(LoginLocked):
        dock.login_pin("alice", "1111")
    failed = audit(world, "login.failed")
    assert [(f.entity_id, f.station_id) for f in failed] == [
        ("alice", world.station_ids["DOCK-1"])
    ] * 5
    assert [a.entity_id for a in audit(world, "login.lock")] == ["alice"]
    assert len(audit(world, "login.locked_out")) == 1
    # at another station too: the lock is the user's
    other, _ = station(world, "DOCK-2")
    with pytest.raises(LoginLocked):
        other.login_pin("alice", "1111")


def test_a_lead_lifts_the_lock_and_the_right_pin_then_works(world: World):
    dock, _ = station(world)
    for _ in range(5):
        with pytest.raises((LoginRefused, LoginLocked)):
            dock.login_pin("alice", "9999")
    assert [(lk.kind, lk.name) for lk in dock.lockouts(world.actor("chloe"))] == [("user", "alice")]
    with pytest.raises(PermissionDenied):
        dock.unlock(world.actor("bruno"), username="alice")  # an inspector may not
    dock.unlock(world.actor("chloe"), username="alice")
    assert dock.login_pin("alice", "1111").user.username == "alice"
    (lifted,) = audit(world, "login.unlock")
    assert lifted.user_id == world.user_ids["chloe"]
    assert dock.lockouts(world.actor("dan")) == []


def test_the_lock_runs_out_after_its_time_by_the_station_clock(world: World):
    dock, _ = station(world)
    for _ in range(5):
        with pytest.raises((LoginRefused, LoginLocked)):
            dock.login_pin("alice", "9999")
    world.clock.advance(minutes=14)
    with pytest.raises(LoginLocked):
        dock.login_pin("alice", "1111")
    world.clock.advance(minutes=1, seconds=1)
    assert dock.login_pin("alice", "1111").user.username == "alice"


def test_a_right_pin_starts_the_count_afresh(world: World):
    dock, _ = station(world)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            dock.login_pin("alice", "9999")
    dock.login_pin("alice", "1111")
    for _ in range(4):
        with pytest.raises(LoginRefused):
            dock.login_pin("alice", "9999")
    assert dock.login_pin("alice", "1111").user.username == "alice"


def test_a_badge_alone_does_not_reset_the_count_of_wrong_pins(world: World):
    dock, _ = station(world)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            dock.login_pin("alice", "9999")
    dock.login_badge("BDG-1001")
    with pytest.raises(LoginLocked):
        dock.login_pin("alice", "9999")


def test_many_names_tried_at_one_station_lock_that_station(world: World):
    dock, _ = station(world)
    names = ["zed", "yan", "alice", "bruno", "xav", "wim", "dan", "vic", "uma", "tom"]
    for name in names[:-1]:
        with pytest.raises(LoginRefused):
            dock.login_pin(name, "9999")
    with pytest.raises(StationLoginLocked) as locked:
        dock.login_pin(names[-1], "9999")
    assert "DOCK-1" in str(locked.value)
    with pytest.raises(StationLoginLocked):
        dock.login_pin("chloe", "3333")  # right PIN, locked station
    with pytest.raises(StationLoginLocked):
        dock.login_badge("BDG-1001")
    other, _ = station(world, "DOCK-2")
    assert other.login_pin("chloe", "3333").user.username == "chloe"  # elsewhere: fine
    other.unlock(world.actor("dan", "DOCK-2"), station="DOCK-1")
    assert dock.login_badge("BDG-1001").user.username == "alice"


def test_unknown_badges_count_against_the_station(world: World):
    dock, _ = station(world)
    for n in range(9):
        with pytest.raises(LoginRefused):
            dock.login_badge(f"BDG-90{n:02}")
    with pytest.raises(StationLoginLocked):
        dock.login_badge("BDG-9099")
    assert [a.entity_id for a in audit(world, "login.failed")][:2] == ["BDG-9000", "BDG-9001"]


def test_a_lead_logs_in_with_badge_and_pin_not_the_badge_alone(world: World):
    dock, _ = station(world)
    with pytest.raises(PinNeeded):
        dock.login_badge("BDG-1003")
    with pytest.raises(LoginRefused):
        dock.login_badge_pin("BDG-1003", "9999")
    assert dock.login_badge_pin("BDG-1003", "3333").user.username == "chloe"
    assert dock.login_badge("BDG-1001").user.username == "alice"  # a receiver: badge alone


def test_the_badge_only_roles_are_configurable(world: World):
    dock, _ = station(world)
    dock.login_policy = LoginPolicy(badge_only_roles=frozenset())
    with pytest.raises(PinNeeded):
        dock.login_badge("BDG-1001")


def test_a_try_before_the_delay_is_over_is_refused_unchecked_and_uncounted(world: World):
    """A second worker, or another station, does not wait for the first one's delay."""
    dock, _ = station(world, takes_time=False)
    other, _ = station(world, "DOCK-2", takes_time=False)
    with pytest.raises(LoginRefused):
        dock.login_pin("alice", "9999")
    with pytest.raises(LoginTooQuick) as quick:
        dock.login_pin("alice", "1111")  # even the right PIN: it is not even checked
    assert str(quick.value) == (
        "Too quick: wait 1 s before typing the PIN again. This try was not checked."
    )
    with pytest.raises(LoginTooQuick):
        other.login_pin("alice", "1111")  # the user's pace, from any station
    with pytest.raises(LoginTooQuick):
        dock.login_badge("BDG-1002")  # and the station's pace, for anyone there
    assert other.login_badge("BDG-1002").user.username == "bruno"  # elsewhere: fine
    assert len(audit(world, "login.failed")) == 1  # the refused tries were not counted
    assert len(audit(world, "login.too_quick")) == 3
    world.clock.advance(seconds=0.5)
    with pytest.raises(LoginRefused):
        dock.login_pin("alice", "9998")  # the 2nd failure: 1 s before the next try
    world.clock.advance(seconds=0.6)
    with pytest.raises(LoginTooQuick) as quick:
        other.login_pin("alice", "9997")
    assert quick.value.params["seconds"] == 1
    world.clock.advance(seconds=0.4)
    assert other.login_pin("alice", "1111").user.username == "alice"
    assert len(audit(world, "login.failed")) == 2


def test_a_wrong_approval_pin_paces_the_next_one_too(world: World):
    from receiving_station.services.lead_pin import verify_decider

    dock, slept = station(world, takes_time=False)
    actor = world.actor("alice")
    policy = dock.login_policy
    with pytest.raises(LoginRefused):
        verify_decider(
            world.uow_factory, actor, "BDG-1003", "9999", world.clock.now(), policy, slept.append
        )
    with pytest.raises(LoginTooQuick):
        verify_decider(
            world.uow_factory, actor, "BDG-1003", "3333", world.clock.now(), policy, slept.append
        )
    world.clock.advance(seconds=0.5)
    assert (
        verify_decider(
            world.uow_factory, actor, "BDG-1003", "3333", world.clock.now(), policy, slept.append
        )
        == world.user_ids["chloe"]
    )


def test_many_wrong_pins_at_once_get_one_check(world: World):
    """Eight wrong PINs for one user from two stations released together, 20 rounds: one
    reaches the PIN check, the seven others are refused unchecked as too quick
    (PostgreSQL's real race; SQLite's writers take turns)."""
    contenders = 8
    for round_no in range(ROUNDS):
        engines_services = [
            station(world, name, takes_time=False)[0] for name in ("DOCK-1", "DOCK-2") * 4
        ]
        barrier = threading.Barrier(contenders)
        outcomes: list[Any] = [None] * contenders

        def run(
            i: int,
            services: StationServices,
            barrier: threading.Barrier = barrier,
            outcomes: list[Any] = outcomes,
        ) -> None:
            barrier.wait()
            try:
                outcomes[i] = services.login_pin("alice", f"90{i:02}")
            except Exception as exc:
                outcomes[i] = exc

        threads = [
            threading.Thread(target=run, args=(i, s)) for i, s in enumerate(engines_services)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        refused = [o for o in outcomes if type(o) is LoginRefused]
        quick = [o for o in outcomes if isinstance(o, LoginTooQuick)]
        assert len(refused) == 1, (round_no, outcomes)
        assert len(quick) == contenders - 1, (round_no, outcomes)
        assert len(audit(world, "login.failed")) == round_no + 1, round_no
        world.clock.advance(seconds=1)  # the delay is over: the next round starts afresh
        lead = world.actor("chloe")
        engines_services[0].unlock(lead, username="alice")
        for name in ("DOCK-1", "DOCK-2"):
            engines_services[0].unlock(lead, station=name)


def test_many_tries_paced_by_the_delay_still_lock_at_the_limit(world: World):
    """Callers that do wait the delay: the fifth wrong PIN locks, whoever typed it."""
    docks = [station(world, name)[0] for name in ("DOCK-1", "DOCK-2")]
    for n in range(4):
        with pytest.raises(LoginRefused):
            docks[n % 2].login_pin("alice", f"90{n:02}")
    with pytest.raises(LoginLocked):
        docks[0].login_pin("alice", "9010")
    with pytest.raises(LoginLocked):
        docks[1].login_pin("alice", "1111")
