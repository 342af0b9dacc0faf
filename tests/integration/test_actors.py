"""Every call has a person, or the station's own system identity: customers' data is read
only by a role that may, and the command line acts in a name of its own, in the audit
trail. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from receiving_station.errors import LoginRefused, PermissionDenied
from receiving_station.services.importing import import_file
from tests.intake.test_formats import EXAMPLES
from tests.world import World


def test_a_receiver_reads_no_messages_waiting_photos_or_evidence(world: World):
    world.add_rma("RMA-800001")
    world.receive("RMA-800001")
    alice = world.actor("alice")
    with pytest.raises(PermissionDenied):
        world.dock1.messages_waiting(alice)  # customers' e-mails and words
    with pytest.raises(PermissionDenied):
        world.dock1.photo(alice, "photo:1")
    with pytest.raises(PermissionDenied):
        world.dock1.photo_thumbnail(alice, "photo:1")
    with pytest.raises(PermissionDenied):
        world.dock1.evidence_pack(alice, "RMA-800001")
    with pytest.raises(PermissionDenied):
        world.dock1.shift_figures(alice, world.clock.now().date())
    with pytest.raises(PermissionDenied):
        world.dock1.lookup(alice, "RMA-800001")  # the customer's name and address
    assert world.dock1.messages_waiting(world.actor("bruno"))  # an inspector may
    assert world.dock1.lookup(world.actor("bruno"), "RMA-800001").number == "RMA-800001"


def test_the_command_line_acts_as_the_system_identity_named_in_the_audit(world: World):
    world.add_rma("RMA-800001")
    world.receive("RMA-800001")
    actor = world.dock1.command_line("command line: evidence")
    _pdf, summary = world.dock1.evidence_pack(actor, "RMA-800001")
    assert summary
    with world.engine.connect() as conn:
        session = conn.execute(
            text(
                "SELECT u.username, u.role, a.station_id FROM audit_events a "
                "JOIN users u ON u.id = a.user_id WHERE a.action = 'system.session'"
            )
        ).one()
    assert tuple(session) == ("system", "system", world.station_ids["DOCK-1"])
    # a second use is the same identity, and it is nobody a person can log in as
    assert world.dock1.command_line("again") == actor
    with pytest.raises(LoginRefused):
        world.dock1.login_pin("system", "0000")
    assert "system" not in [u.username for u in world.dock1.list_users(world.actor("dan"))]
    # it may not do what a lead does at the dock
    with pytest.raises(PermissionDenied):
        world.dock1.decide_exception(actor, 1, 1, "resolve", note="not mine to do")


def test_an_import_is_audited_with_who_and_where(world: World, tmp_path: Path):
    world.dock1.import_file(world.actor("chloe"), EXAMPLES / "rmas.csv")
    with world.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT user_id, station_id FROM audit_events WHERE action LIKE 'rma.import.%'")
        ).all()
    assert rows
    assert {tuple(r) for r in rows} == {(world.user_ids["chloe"], world.station_ids["DOCK-1"])}
    with pytest.raises(PermissionDenied):
        import_file(
            world.uow_factory, EXAMPLES / "rmas.csv", world.clock.now(), actor=world.actor("alice")
        )
