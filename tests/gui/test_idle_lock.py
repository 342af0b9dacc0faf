"""A station left alone locks itself; the same badge brings the work back as it was, another
badge switches user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from receiving_station.station_app import StationApp
from tests.gui.test_inspect_page import JEANS, click, on_step, scan, settle
from tests.gui.test_receive_window import log_in, scanner_types, type_pin_after_badge
from tests.world import World
from ui.main_window import MainWindow


def half_done(qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]) -> None:
    _app, world = station
    world.receive("RMA-100001")
    log_in(qtbot, window, "BDG-1002")
    page = window.inspect_page
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, JEANS)
    click(qtbot, page, "Yes")
    assert on_step(page) == "worn"


def go_idle(qtbot: QtBot, window: MainWindow) -> None:
    window.idle_limit_s = 0.2
    qtbot.wait(300)  # nobody touches the station
    window.check_idle()
    assert window.session.who is None
    assert window.pages.currentWidget() is window.login_page
    assert "Locked after" in window.login_page.banner.text.text()


def test_a_station_left_alone_locks_and_the_same_badge_finds_the_work_as_it_was(
    qtbot: QtBot, window: MainWindow, station
):
    half_done(qtbot, window, station)
    go_idle(qtbot, window)
    window.login_page.username.setFocus()
    scanner_types(qtbot, "BDG-1002")
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)
    page = window.inspect_page
    assert window.pages.currentWidget() is page
    assert on_step(page) == "worn"
    settle(qtbot, page)
    click(qtbot, page, "No")
    assert on_step(page) == "washed"


def test_another_badge_at_a_locked_station_switches_user(qtbot: QtBot, window: MainWindow, station):
    half_done(qtbot, window, station)
    go_idle(qtbot, window)
    window.login_page.username.setFocus()
    scanner_types(qtbot, "BDG-1003")
    type_pin_after_badge(qtbot, window, "BDG-1003", "3333")  # a lead: the badge and the PIN
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)
    assert window.session.who.user.username == "chloe"  # type: ignore[union-attr]
    assert window.inspect_page.view is None  # Bruno's unit waits for him, saved
    assert window.inspect_page.parcel is None


def test_someone_working_keeps_the_station_unlocked(qtbot: QtBot, window: MainWindow, station):
    half_done(qtbot, window, station)
    window.idle_limit_s = 0.5
    for _ in range(4):
        qtbot.wait(200)
        qtbot.mouseClick(window.inspect_page.search, Qt.MouseButton.LeftButton)
        window.check_idle()
    assert window.session.who is not None
