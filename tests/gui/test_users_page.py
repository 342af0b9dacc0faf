"""The Users page, as an admin uses it: a new user with a scanned badge, a bad entry refused
with a message, a deactivation; other roles are not offered the page."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import cv2
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanners.decode import decode_station
from tests.gui.test_receive_window import log_in, scanner_types
from ui.errors import Level
from ui.main_window import MainWindow


def decode_pdf(pdf: Path) -> list[str]:
    """The codes on a printed label, rasterised as a printer would and read back."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), f"{folder}/p"], check=True)
        (page,) = Path(folder).glob("p*.png")
        return [d.data for d in decode_station(cv2.imread(str(page)))]


def open_users(qtbot: QtBot, window: MainWindow) -> None:
    log_in(qtbot, window, "BDG-1004")  # Dan, admin
    assert window.admin_tab.isVisible()
    qtbot.mouseClick(window.admin_tab, Qt.MouseButton.LeftButton)
    page = window.users_page
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=5000)


def test_an_admin_creates_a_user_with_a_scanned_badge(qtbot: QtBot, window: MainWindow, station):
    open_users(qtbot, window)
    page = window.users_page
    page.username.setText("zoe")
    page.name.setText("Zoé Petit")
    page.role.setCurrentIndex(1)  # inspector
    page.pin.setText("4826")
    page.name.setFocus()
    scanner_types(qtbot, "BDG-2001")  # the new badge card, scanned
    qtbot.waitUntil(lambda: page.badge.text() == "BDG-2001", timeout=5000)
    assert page.name.text() == "Zoé Petit"  # the burst did not land in the focused field
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 6, timeout=5000)
    assert "Zoé Petit created" in page.banner.text.text()
    assert window.app.services.login_badge("BDG-2001").user.username == "zoe"


def test_a_duplicate_badge_is_refused_with_a_message_and_nothing_saved(
    qtbot: QtBot, window: MainWindow, station
):
    open_users(qtbot, window)
    page = window.users_page
    page.username.setText("zoe")
    page.name.setText("Zoé Petit")
    page.badge.setText("BDG-1001")  # Alice's
    page.pin.setText("4826")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert "another user already has it" in page.banner.text.text()
    assert station[1].count("users") == 5


def test_an_admin_deactivates_a_user(qtbot: QtBot, window: MainWindow, station):
    open_users(qtbot, window)
    page = window.users_page
    row = next(r for r, u in enumerate(page.users) if u.username == "bruno")
    page.table.selectRow(row)
    assert page.active_button.text() == "Deactivate"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "deactivated" in page.banner.text.text(), timeout=5000)
    qtbot.waitUntil(
        lambda: (
            page.table.item(row, 4) is not None and page.table.item(row, 4).text() == "deactivated"
        ),
        timeout=5000,
    )


def test_other_roles_are_not_offered_the_users_page(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1003")  # a lead
    assert not window.admin_tab.isVisible()
    window.show_page(window.admin_page)
    assert window.pages.currentWidget() is not window.admin_page


def test_an_admin_prints_a_badge_that_scans_back_to_its_user(
    qtbot: QtBot, window: MainWindow, station
):
    open_users(qtbot, window)
    page = window.users_page
    row = next(r for r, u in enumerate(page.users) if u.username == "bruno")
    page.table.selectRow(row)
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Badge of Bruno" in page.banner.text.text(), timeout=5000)
    folder = Path(window.app.config.printer.uri.removeprefix("folder:"))
    (pdf,) = folder.glob("badge-bruno-*.pdf")
    (code,) = decode_pdf(pdf)
    assert code == "BDG-1002"
    assert window.app.services.login_badge(code).user.username == "bruno"
