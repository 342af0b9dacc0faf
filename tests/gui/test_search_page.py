"""Search and history as a lead uses them: F12, scan a license plate, read the unit's
history, print its label again; a search that finds nothing says so; receivers do not see
the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.test_exceptions_page import open_queue
from tests.gui.test_receive_window import log_in, scanner_types
from tests.integration.test_history import inspected
from tests.integration.test_leads import waiting_unit
from ui.errors import Level
from ui.main_window import MainWindow
from ui.search_page import SearchPage


def open_search(qtbot: QtBot, window: MainWindow) -> SearchPage:
    log_in(qtbot, window, "BDG-1003")  # Chloé, lead
    assert window.search_tab.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.pages.currentWidget() is window.search_page
    return window.search_page


def column(page: SearchPage, n: int) -> list[str]:
    return [page.timeline.item(r, n).text() for r in range(page.timeline.rowCount())]


def test_a_scanned_license_plate_opens_the_unit_history_and_its_label_prints_again(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    lpn = inspected(world)
    page = open_search(qtbot, window)
    scanner_types(qtbot, lpn)  # the scan lands in the search field and runs at once
    qtbot.waitUntil(lambda: page.found.rowCount() == 1, timeout=5000)
    assert page.found.item(0, 0).text() == "Unit"
    assert page.found.item(0, 1).text() == lpn
    assert page.found.item(0, 6).text() == "license plate"
    qtbot.waitUntil(lambda: page.timeline.rowCount() > 3, timeout=5000)
    whats = column(page, 1)
    assert whats[0] == "Parcel received"
    assert "Inspection completed" in whats
    assert "Bruno Lefèvre" in column(page, 3)
    assert page.reprint_button.isEnabled()
    before = page.timeline.rowCount()
    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert lpn in page.banner.text.text()
    qtbot.waitUntil(lambda: page.timeline.rowCount() > before, timeout=5000)
    assert "Label printed again" in column(page, 1)
    assert "Chloé Dubois" in column(page, 3)


def test_a_customer_name_finds_the_rma_and_nothing_found_says_so(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    inspected(world)
    page = open_search(qtbot, window)
    page.search.setText("bernard")
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.found.rowCount() > 0, timeout=5000)
    rows = [page.found.item(r, 1).text() for r in range(page.found.rowCount())]
    assert "RMA-710001" in rows
    assert not page.empty.isVisible()
    page.search.setText("ZZ-NOTHING-42")
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=5000)
    assert "ZZ-NOTHING-42" in page.empty.text()
    assert page.found.rowCount() == 0
    assert page.timeline.rowCount() == 0
    assert not page.reprint_button.isEnabled()
    assert page.search.text() == "ZZ-NOTHING-42"  # what was typed stays


def test_receivers_do_not_see_the_search_page(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1001")  # Alice, receiver
    assert not window.search_tab.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.pages.currentWidget() is window.receive_page


def test_a_case_in_the_queue_opens_its_unit_history(qtbot: QtBot, window: MainWindow, station):
    _app, world = station
    waiting_unit(world)
    queue = open_queue(qtbot, window, world)
    queue.table.selectRow(0)
    qtbot.mouseClick(queue.history_button, Qt.MouseButton.LeftButton)
    page = window.search_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.timeline.rowCount() > 3, timeout=5000)
    assert page.search.text().startswith("IN-")
    assert "Exception opened" in column(page, 1)
