"""The log-in page: a lead's badge asks for the PIN; a user locked out is told so, and who
can lift it; the wait after a wrong PIN does not freeze the window."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from tests.gui.test_receive_window import person_types, scanner_types
from ui.main_window import MainWindow


def type_pin(qtbot: QtBot, window: MainWindow, username: str, pin: str) -> None:
    page = window.login_page
    page.username.setText(username)
    page.pin.setText(pin)
    page.login_button.click()


def test_a_locked_out_user_is_told_so_and_who_can_lift_it(qtbot: QtBot, window: MainWindow):
    slept: list[tuple[float, bool]] = []
    passes = window.app.services.sleep  # the station clock moves on by the delay

    def sleep(seconds: float) -> None:
        slept.append((seconds, threading.current_thread() is threading.main_thread()))
        passes(seconds)

    window.app.services.sleep = sleep
    banner = window.login_page.banner.text
    for n in range(4):
        type_pin(qtbot, window, "alice", "9999")
        qtbot.waitUntil(lambda n=n: len(slept) == n + 1, timeout=5000)
        qtbot.waitUntil(lambda: "PIN is wrong" in banner.text(), timeout=5000)
    type_pin(qtbot, window, "alice", "9999")
    qtbot.waitUntil(lambda: "locked out" in banner.text(), timeout=5000)
    assert "lead or an admin" in banner.text()
    type_pin(qtbot, window, "alice", "1111")  # the right PIN, too late
    qtbot.waitUntil(lambda: window.login_page.pin.text() == "", timeout=5000)
    qtbot.wait(200)
    assert window.session.who is None
    assert [s for s, _ in slept] == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert not any(on_gui for _, on_gui in slept)  # waited on the worker, never the GUI


def test_a_leads_badge_alone_asks_for_their_pin(qtbot: QtBot, window: MainWindow):
    window.login_page.username.setFocus()
    scanner_types(qtbot, "BDG-1003")  # the default policy: leads type their PIN too
    qtbot.waitUntil(lambda: window.login_page.pending_badge == "BDG-1003", timeout=5000)
    assert window.session.who is None
    assert "PIN" in window.login_page.banner.text.text()
    person_types(qtbot, window.login_page.pin, "3333")
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)
    assert window.session.who is not None
    assert window.session.who.user.username == "chloe"
