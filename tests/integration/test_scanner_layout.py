"""A label typed by a US-layout scanner on an AZERTY PC: the station says how to set the
scanner, and nothing is received, held or registered as unidentified."""

from __future__ import annotations

import pytest

from receiving_station.errors import ScannerLayoutMismatch
from tests.world import World
from ui.errors import describe


def test_the_receiver_is_told_to_set_the_scanner_and_nothing_changes(world: World, qapp):
    world.add_rma("RMA-100001")
    before = {t: world.count(t) for t in ("receipts", "exceptions", "audit_events")}
    with pytest.raises(ScannerLayoutMismatch) as caught:
        world.dock1.handle_scan(world.actor("alice"), "R?Q)ààààà&")
    words = describe(caught.value).text
    assert "US keyboard" in words
    assert "RMA-000001" in words
    assert "set-up guide" in words
    assert {t: world.count(t) for t in before} == before


def test_a_badge_typed_through_the_wrong_layout_logs_nobody_in(world: World):
    with pytest.raises(ScannerLayoutMismatch):
        world.dock1.login_badge("BDG)&àà&")
