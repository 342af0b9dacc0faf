"""Who is locked out of log-in, on the Users page (admins) and the Dashboard (leads), and a
lock lifted there: the user logs in again at once, and the lifting is audited."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from receiving_station.errors import LoginLocked, LoginRefused
from tests.gui.test_receive_window import log_in
from tests.gui.test_users_page import open_users
from tests.world import World
from ui.lockouts_panel import LockoutsPanel
from ui.main_window import MainWindow

SHOTS = Path(os.environ.get("RS_SHOTS", "/tmp/rs-shots"))


def lock_out_alice(world: World) -> None:
    for _ in range(4):
        with pytest.raises(LoginRefused):  # wrong PINs, then the lock
            world.dock2.login_pin("alice", "9999")
    with pytest.raises(LoginLocked):
        world.dock2.login_pin("alice", "9999")


def lift(qtbot: QtBot, panel: LockoutsPanel, name: str) -> None:
    qtbot.waitUntil(lambda: any(lock.name == name for lock in panel.locks), timeout=5000)
    row = next(n for n, lock in enumerate(panel.locks) if lock.name == name)
    assert panel.table.item(row, 0).text() == "Alice Martin"
    assert panel.table.item(row, 1).text() == "user"
    panel.table.selectRow(row)
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.locks, timeout=5000)
    assert panel.none.isVisible()


def test_an_admin_sees_a_locked_user_on_the_users_page_and_lifts_the_lock(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    lock_out_alice(world)
    open_users(qtbot, window)
    panel = window.users_page.lockouts
    qtbot.waitUntil(lambda: bool(panel.locks), timeout=5000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "users-page-locked.png"))
    lift(qtbot, panel, "alice")
    assert "lifted" in window.users_page.banner.text.text()
    assert world.dock2.login_pin("alice", "1111").user.username == "alice"
    with world.engine.connect() as conn:
        (who,) = conn.execute(
            text("SELECT user_id FROM audit_events WHERE action = 'login.unlock'")
        ).all()
    assert who[0] == world.user_ids["dan"]


def test_a_lead_lifts_a_lock_from_the_dashboard(qtbot: QtBot, window: MainWindow, station):
    _app, world = station
    lock_out_alice(world)
    window.app.services.clock = world.clock
    log_in(qtbot, window, "BDG-1003")  # Chloé, lead: no Users page, the Dashboard
    qtbot.mouseClick(window.dashboard_tab, Qt.MouseButton.LeftButton)
    lift(qtbot, window.dashboard_page.lockouts, "alice")
    assert world.dock2.login_pin("alice", "1111").user.username == "alice"
