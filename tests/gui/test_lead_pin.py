"""A lead's override on the Exceptions page asks for the deciding lead's badge and PIN at
that moment: someone at a lead's unlocked window decides nothing without the PIN."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from receiving_station.domain.model import ExceptionState
from tests.gui.test_exceptions_page import open_queue
from tests.gui.test_receive_window import person_types, scanner_types
from tests.integration.test_leads import case_of, waiting_unit
from tests.world import World
from ui.errors import Level
from ui.main_window import MainWindow
from ui.pin_dialog import PinDialog

SHOTS = Path(os.environ.get("RS_SHOTS", "/tmp/rs-shots"))


def override(qtbot: QtBot, window: MainWindow, world: World) -> tuple[PinDialog, int]:
    page = open_queue(qtbot, window, world)
    case_id = page.rows[0].case.id
    assert case_id is not None
    page.table.selectRow(0)
    page.note.setText("light wear, outlet")
    page.disposition.setCurrentIndex(page.disposition.findData("liquidate"))
    qtbot.mouseClick(page.buttons["override"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pin_dialog is not None and page.pin_dialog.isVisible())
    assert page.pin_dialog is not None
    return page.pin_dialog, case_id


def test_an_override_asks_for_the_leads_badge_and_pin_and_then_decides(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    waiting_unit(world)
    dialog, case_id = override(qtbot, window, world)
    page = window.exceptions_page
    assert "overriding the disposition" in dialog.question.text()
    assert "scan or type your badge, then type your PIN" in dialog.question.text()
    assert "Nothing was changed" not in dialog.question.text()  # asked, not yet tried
    assert case_of(world, case_id).state is ExceptionState.OPEN  # nothing decided yet
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "exceptions-window.png"))
    dialog.grab().save(str(SHOTS / "exceptions-pin-dialog.png"))
    qtbot.waitUntil(dialog.badge.hasFocus, timeout=5000)
    scanner_types(qtbot, "BDG-1003")  # the lead scans their badge into the dialog
    qtbot.waitUntil(lambda: dialog.badge.text() == "BDG-1003", timeout=5000)
    qtbot.waitUntil(dialog.pin.hasFocus, timeout=5000)
    person_types(qtbot, dialog.pin, "3333")
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert "disposition changed to Liquidate" in page.banner.text.text()
    assert case_of(world, case_id).state is ExceptionState.RESOLVED


def test_someone_at_a_leads_window_without_the_pin_decides_nothing(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    waiting_unit(world)
    dialog, case_id = override(qtbot, window, world)
    page = window.exceptions_page
    person_types(qtbot, dialog.badge, "BDG-1003")  # the badge's text, typed
    person_types(qtbot, dialog.pin, "1111")  # a guess
    qtbot.waitUntil(lambda: "PIN is wrong" in page.banner.text.text(), timeout=5000)
    assert case_of(world, case_id).state is ExceptionState.OPEN
    assert page.note.text() == "light wear, outlet"  # what was typed stays
