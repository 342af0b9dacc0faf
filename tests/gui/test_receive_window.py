"""The station window driven as the dock drives it: scanner bursts and slow typing."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from receiving_station.station_app import StationApp
from tests.world import World
from ui.errors import Level
from ui.main_window import MainWindow


def scanner_types(qtbot: QtBot, text: str) -> None:
    """A keyboard-wedge scanner: the whole label in one burst, then Enter, to the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert isinstance(target, QWidget)
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


PINS = {"BDG-1003": "3333", "BDG-1004": "4444"}
"""The demo's leads and admins, who log in with a badge and a PIN."""


def type_pin_after_badge(qtbot: QtBot, window: MainWindow, badge: str, pin: str) -> None:
    """The log-in page asked for the PIN of the badge just scanned: typed by hand, Enter."""
    page = window.login_page
    qtbot.waitUntil(lambda: page.pending_badge == badge and page.pin.hasFocus(), timeout=5000)
    person_types(qtbot, page.pin, pin)


def person_types(qtbot: QtBot, field: QWidget, text: str) -> None:
    """A person at the keyboard: far slower than a scanner, so the keys reach the field."""
    for ch in text:
        qtbot.keyClick(field, ch)
        qtbot.wait(90)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def log_in(qtbot: QtBot, window: MainWindow, badge: str = "BDG-1001") -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.login_page.username.setFocus()
    scanner_types(qtbot, badge)
    if badge in PINS:  # a lead or an admin: the badge, then their PIN
        type_pin_after_badge(qtbot, window, badge, PINS[badge])
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)


def test_a_badge_scan_logs_in_and_the_status_bar_shows_user_station_database(
    qtbot: QtBot, window: MainWindow
):
    assert window.pages.currentWidget() is window.login_page
    log_in(qtbot, window)
    assert window.pages.currentWidget() is window.receive_page
    assert "Alice Martin" in window.user_label.text()
    assert "receiver" in window.user_label.text()
    assert "DOCK-1" in window.station_label.text()
    assert "connected" in window.database_label.text()
    # The badge burst did not leak into the field that had the focus.
    assert window.login_page.username.text() == ""


def test_an_unknown_badge_is_refused_with_a_message(qtbot: QtBot, window: MainWindow):
    window.login_page.username.setFocus()
    scanner_types(qtbot, "BDG-9999")
    qtbot.waitUntil(lambda: window.login_page.banner.isVisible(), timeout=5000)
    assert "badge is not known" in window.login_page.banner.text.text()
    assert window.session.who is None


def test_an_rma_scanned_while_another_field_has_focus_shows_at_once_and_leaks_nothing(
    qtbot: QtBot, window: MainWindow
):
    log_in(qtbot, window)
    page = window.receive_page
    page.note.setFocus()
    scanner_types(qtbot, "RMA-100001")
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=5000)
    assert page.rma_number.text() == "RMA-100001"
    assert "Camille Bernard" in page.customer.text()
    assert "7000001" in page.order.text()
    assert page.lines.rowCount() == 2
    assert page.lines.item(0, 3).text() == "Size too small"
    assert "25" in page.window_label.text()
    assert page.note.text() == ""
    assert page.receive_button.isEnabled()
    assert window.sounds.played[-1] == "success"


def test_a_person_typing_slowly_in_the_search_field_finds_the_rma(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window)
    page = window.receive_page
    page.search.setFocus()
    for ch in "7000001":
        qtbot.keyClick(page.search, ch)
        qtbot.wait(90)  # a person: far slower than a scanner
    qtbot.waitUntil(lambda: page.search.text() == "7000001", timeout=2000)
    qtbot.wait(90)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=5000)
    assert page.rma_number.text() == "RMA-100001"


def test_receiving_then_scanning_again_says_who_received_it(
    qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]
):
    _app, world = station
    log_in(qtbot, window)
    page = window.receive_page
    scanner_types(qtbot, "1ZE3S3E28246281943")
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: page.banner.level is Level.SUCCESS and page.outcome is None, timeout=5000
    )
    assert "RMA-100001" in page.banner.text.text()
    assert world.count("receipts") == 1
    scanner_types(qtbot, "RMA-100001")
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert "already received by Alice Martin at DOCK-1" in page.banner.text.text()
    assert not page.receive_button.isEnabled()
    assert window.sounds.played[-1] == "error"
    assert world.count("receipts") == 1


def test_an_unknown_parcel_can_be_registered_as_unidentified(
    qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]
):
    _app, world = station
    log_in(qtbot, window)
    page = window.receive_page
    scanner_types(qtbot, "NO-SUCH-LABEL-42")
    qtbot.waitUntil(lambda: page.register_button.isVisible(), timeout=5000)
    assert "Nothing matches NO-SUCH-LABEL-42" in page.banner.text.text()
    assert world.count("exceptions") == 0
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert "EX-000001" in page.banner.text.text()
    assert world.count("exceptions") == 1


def test_a_late_return_waits_for_a_leads_badge(
    qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]
):
    _app, world = station
    log_in(qtbot, window)
    page = window.receive_page
    scanner_types(qtbot, "RMA-100002")
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=5000)
    assert page.approval.isVisible()
    assert "return window has passed" in page.banner.text.text()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert world.count("receipts") == 0
    scanner_types(qtbot, "BDG-1002")  # an inspector cannot approve, even with their PIN
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    assert page.pin_dialog is not None
    page.pin_dialog.pin.setText("2222")
    page.pin_dialog.accept()
    qtbot.waitUntil(lambda: "cannot approve" in page.banner.text.text(), timeout=5000)
    assert world.count("receipts") == 0
    window.app.services.sleep = lambda s: world.clock.advance(seconds=s)
    scanner_types(qtbot, "BDG-1003")  # the lead's badge, typed by anyone: a PIN is asked
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    page.pin_dialog.pin.setText("1111")  # Alice's own PIN, not the lead's
    page.pin_dialog.accept()
    qtbot.waitUntil(lambda: "PIN is wrong" in page.banner.text.text(), timeout=5000)
    assert world.count("receipts") == 0
    scanner_types(qtbot, "BDG-1003")  # the lead, with their PIN
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    page.pin_dialog.pin.setText("3333")
    page.pin_dialog.accept()
    qtbot.waitUntil(lambda: world.count("receipts") == 1, timeout=5000)
    assert window.session.who is not None
    assert window.session.who.user.username == "alice"


def test_core_calls_run_off_the_gui_thread_and_answer_on_it(qtbot: QtBot, window: MainWindow):
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    with qtbot.waitCallback(timeout=5000) as callback:
        window.runner.submit(work, callback, lambda e: None)
    assert callback.args == [42]
    assert seen["worker"] is not threading.main_thread()
