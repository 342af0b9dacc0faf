"""A user's language follows their badge: the whole window switches at the log-in, without a
restart, and back for the next person; dates and amounts follow the language too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from receiving_station.station_app import StationApp
from tests.gui.test_receive_window import scanner_types, type_pin_after_badge
from tests.world import World
from ui.shell import StationShell


@pytest.fixture
def shell(qtbot: QtBot, qapp, station: tuple[StationApp, World]) -> Iterator[StationShell]:
    app, world = station
    with world.engine.begin() as conn:  # Dan has no language of his own: the station's
        conn.execute(text("UPDATE users SET language = '' WHERE username = 'dan'"))
    shell = StationShell(qapp, app, "en")
    qtbot.waitExposed(shell.window)
    yield shell
    shell.close()
    QLocale.setDefault(QLocale.system())


def badge(qtbot: QtBot, shell: StationShell, code: str) -> None:
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.login_page.username.setFocus()
    scanner_types(qtbot, code)


def test_a_french_speaking_inspector_gets_the_station_in_french_at_once(
    qtbot: QtBot, shell: StationShell
):
    english = shell.window
    assert english.receive_tab.text() == "Receive\nF5"
    badge(qtbot, shell, "BDG-1002")  # Bruno
    qtbot.waitUntil(lambda: shell.window is not english, timeout=5000)
    qtbot.waitUntil(lambda: shell.window.session.who is not None, timeout=5000)
    french = shell.window
    assert french.inspect_tab.text() == "Contrôle\nF6"
    assert french.user_label.text() == "Utilisateur : Bruno Lefèvre (contrôleur)"
    assert "Bonjour Bruno" in french.inspect_page.banner.text.text()
    assert QLocale().language() is QLocale.Language.French
    french.logout()
    badge(qtbot, shell, "BDG-1001")  # Alice reads English
    qtbot.waitUntil(lambda: shell.window is not french, timeout=5000)
    qtbot.waitUntil(lambda: shell.window.session.who is not None, timeout=5000)
    assert shell.window.receive_tab.text() == "Receive\nF5"
    assert shell.window.session.who.user.username == "alice"  # type: ignore[union-attr]


def test_the_same_language_keeps_the_same_window(qtbot: QtBot, shell: StationShell):
    window = shell.window
    badge(qtbot, shell, "BDG-1004")  # Dan reads English, as the station
    type_pin_after_badge(qtbot, window, "BDG-1004", "4444")  # an admin types the PIN too
    qtbot.waitUntil(lambda: window.session.who is not None, timeout=5000)
    assert shell.window is window


def test_a_string_with_no_french_shows_in_english_and_is_logged_once(
    qapp, caplog: pytest.LogCaptureFixture
):
    from PySide6.QtCore import QCoreApplication

    from ui.app import install_translations

    translators = install_translations(qapp, "fr")
    try:
        assert QCoreApplication.translate("MainWindow", "Log out") == "Déconnexion"
        with caplog.at_level("WARNING", logger="receiving_station.ui"):
            for _ in range(3):
                shown = QCoreApplication.translate("MainWindow", "A sentence nobody translated")
        assert shown == "A sentence nobody translated"  # English, never an empty label
        missing = [r for r in caplog.records if "nobody translated" in r.getMessage()]
        assert len(missing) == 1
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.system())


def test_a_leads_decision_reads_in_french(qapp):
    from ui.app import install_translations
    from ui.labels import resolution_label

    translators = install_translations(qapp, "fr")
    try:
        assert resolution_label("approved") == "validé"
        assert resolution_label("override to refurbish: scratched") == (
            "destination changée en « Reconditionnement »: scratched"
        )
        assert resolution_label("linked to RMA-000123") == "rattaché à RMA-000123"
        assert resolution_label("customer called, keep it") == "customer called, keep it"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale.system())
