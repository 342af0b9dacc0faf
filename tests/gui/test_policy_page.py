"""The Return policy page, as an admin uses it: the defaults shown, a change saved as a new
version listed beside the form, a version saved meanwhile by another admin not overwritten
(and what was typed kept on screen)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.test_receive_window import log_in
from ui.errors import Level
from ui.main_window import MainWindow
from ui.policy_page import PolicyPage


def open_policy(qtbot: QtBot, window: MainWindow) -> PolicyPage:
    log_in(qtbot, window, "BDG-1004")  # Dan, admin
    qtbot.mouseClick(window.admin_tab, Qt.MouseButton.LeftButton)
    page = window.admin_page.policy_page
    window.admin_page.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.policy is not None, timeout=5000)
    return page


def test_the_defaults_are_shown_until_an_admin_saves_a_version(qtbot: QtBot, window: MainWindow):
    page = open_policy(qtbot, window)
    assert "no version saved yet" in page.title.text()
    assert page.window_days.value() == 30
    assert page.fee_boxes["C"].value() == 10.0
    assert page.lead_above.value() == 500.0
    assert page.channel_boxes["shopify"].text() == "default"
    assert page.history.rowCount() == 0


def test_a_change_is_saved_as_a_new_version_and_applies(qtbot: QtBot, window: MainWindow):
    page = open_policy(qtbot, window)
    page.window_days.setValue(45)
    page.category_boxes["apparel"].setValue(60)
    page.fee_boxes["C"].setValue(15.0)
    page.sla_hours.setValue(12)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert "version 1 saved" in page.banner.text.text()
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=5000)
    assert "version 1, saved by Dan Okafor" in page.title.text()
    policy = window.app.services.return_policy()
    assert (policy.version, policy.window_days, policy.sla_hours) == (1, 45, 12)
    assert policy.window_for("web", ["apparel"]) == 60
    assert policy.fee_of("C") == 15.0


def test_a_version_saved_meanwhile_elsewhere_is_not_overwritten(
    qtbot: QtBot, window: MainWindow, station
):
    page = open_policy(qtbot, window)
    services, world = window.app.services, station[1]
    elsewhere = replace(services.return_policy(), window_days=20)
    services.save_policy(world.actor("dan", "DOCK-2"), elsewhere, 0)
    page.window_days.setValue(90)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert "changed at another station" in page.banner.text.text()
    assert services.return_policy().window_days == 20
    assert page.window_days.value() == 90  # what the admin typed stays
