"""The lead's dashboard: the day's figures and charts, the shift report saved as PDF and
the day's units exported as CSV with their progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.gui.test_receive_window import log_in
from tests.integration.test_shift import a_day
from ui.errors import Level
from ui.main_window import MainWindow


def open_dashboard(qtbot: QtBot, window: MainWindow, world) -> None:  # type: ignore[no-untyped-def]
    window.app.services.clock = world.clock
    a_day(world)
    log_in(qtbot, window, "BDG-1003")  # Chloé, lead
    qtbot.mouseClick(window.dashboard_tab, Qt.MouseButton.LeftButton)
    window.dashboard_page.day.setDate(QDate(2026, 11, 26))
    qtbot.waitUntil(lambda: window.dashboard_page.tiles["units"].text() == "3", timeout=5000)


def test_the_day_in_figures_and_charts(qtbot: QtBot, window: MainWindow, station):
    open_dashboard(qtbot, window, station[1])
    page = window.dashboard_page
    assert page.tiles["parcels"].text() == "2"
    assert page.tiles["median"].text() == "1.33 h"
    chart = page.inspectors_chart.chart()
    assert chart.series()[0].barSets()[0].at(0) == 3  # Bruno's three units
    assert page.reasons.item(0, 0).text() == "AP-62"
    assert page.conditions.rowCount() == 2


def test_the_report_and_the_units_are_saved(qtbot: QtBot, window: MainWindow, station, tmp_path):
    open_dashboard(qtbot, window, station[1])
    page = window.dashboard_page
    folder = tmp_path / "out"
    folder.mkdir()
    page.save_report(str(folder / "shift.pdf"))
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=8000)
    assert (folder / "shift.pdf").read_bytes().startswith(b"%PDF")
    page.banner.clear()
    page.export(str(folder / "units.csv"))
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=8000)
    assert "3 unit(s) exported" in page.banner.text.text()
    assert page.export_progress == (3, 3)
    assert Path(folder / "units.csv").read_text(encoding="utf-8").count("AP-62") == 3
    assert page.export_button.isEnabled()
    assert not page.cancel_button.isVisible()
