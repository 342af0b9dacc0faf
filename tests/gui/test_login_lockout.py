"""The log-in page: a lead's badge asks for the PIN; a user locked out is told so, and who
can lift it; the wait after a wrong PIN does not freeze the window."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_receive_window import log_in, person_types, scanner_types
from ui.errors import Level
from ui.main_window import MainWindow

SHOTS = Path(os.environ.get("RS_SHOTS", "/tmp/pin-shots"))


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


def test_a_leads_badge_at_the_receive_page_asks_their_pin_to_switch(
    qtbot: QtBot, window: MainWindow
):
    log_in(qtbot, window, "BDG-1001")  # Alice, a receiver, at the Receive page
    page = window.receive_page
    qtbot.waitUntil(page.search.hasFocus, timeout=5000)
    scanner_types(qtbot, "BDG-1003")  # Chloé, a lead, takes over the station
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    dialog = page.pin_dialog
    assert dialog is not None
    assert "Chloé Dubois (lead)" in dialog.question.text()
    assert window.session.who is not None
    assert window.session.who.user.username == "alice"
    qtbot.waitUntil(dialog.pin.hasFocus, timeout=5000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "badge-switch-window-en.png"))
    dialog.grab().save(str(SHOTS / "badge-switch-pin-en.png"))
    person_types(qtbot, dialog.pin, "3333")  # into the PIN field, not the scan field
    qtbot.waitUntil(
        lambda: window.session.who is not None and window.session.who.user.username == "chloe",
        timeout=5000,
    )
    assert "3333" not in page.search.text()
    assert "Nothing matches" not in page.banner.text.text()


def test_cancel_on_the_switch_pin_keeps_who_is_logged_in(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1002")  # Bruno, an inspector, at the Inspect page
    page = window.inspect_page
    qtbot.waitUntil(page.search.hasFocus, timeout=5000)
    scanner_types(qtbot, "BDG-1004")  # the admin's badge
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    assert page.pin_dialog is not None
    page.pin_dialog.reject()  # Cancel
    qtbot.wait(200)
    assert window.session.who is not None
    assert window.session.who.user.username == "bruno"


def test_the_login_pages_pin_prompt_is_information_and_log_out_focuses_the_user_name(
    qtbot: QtBot, window: MainWindow
):
    page = window.login_page
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    page.username.setFocus()
    scanner_types(qtbot, "BDG-1003")
    qtbot.waitUntil(lambda: page.pending_badge == "BDG-1003", timeout=5000)
    assert page.banner.level is Level.INFO  # a step of the log-in, not a problem
    assert "Problem" not in page.banner.text.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "login-pin-prompt-en.png"))
    qtbot.waitUntil(page.pin.hasFocus, timeout=5000)
    person_types(qtbot, page.pin, "3333")
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)
    window.logout()
    qtbot.waitUntil(page.username.hasFocus, timeout=5000)
    assert not page.pin.hasFocus()


def test_the_pin_prompt_names_the_role_in_french(qapp):
    from receiving_station.errors import PinNeeded
    from receiving_station.services.auth import ROLE_WORDS
    from ui.app import install_translations
    from ui.errors import describe

    translators = install_translations(qapp, "fr")
    try:
        asked = describe(PinNeeded(user="Chloé Dubois", role=ROLE_WORDS["lead"], badge="BDG-1003"))
        assert "Chloé Dubois (chef d’équipe)" in asked.text
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale.system())
