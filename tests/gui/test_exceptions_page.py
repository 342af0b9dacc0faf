"""The floor lead's page, as a lead uses it: the queue from every station, a decision, the
queue read again within seconds when another station changes something (through its own
connection), a filter that matches nothing, and a case another lead decided first."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.services.station import StationServices
from scanners.classifier import ScanClassifier
from tests.gui.test_receive_window import log_in
from tests.integration.test_leads import waiting_unit
from tests.world import World
from ui.errors import Level
from ui.exceptions_page import ExceptionsPage
from ui.main_window import MainWindow


def open_queue(qtbot: QtBot, window: MainWindow, world) -> ExceptionsPage:  # type: ignore[no-untyped-def]
    window.app.services.clock = world.clock  # ages are counted on the world's clock
    log_in(qtbot, window, "BDG-1003")  # Chloé, lead
    assert window.exceptions_tab.isVisible()
    qtbot.mouseClick(window.exceptions_tab, Qt.MouseButton.LeftButton)
    page = window.exceptions_page
    qtbot.waitUntil(lambda: page.signature != (), timeout=5000)
    return page


def test_the_queue_lists_exceptions_and_marks_those_past_their_sla(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    waiting_unit(world)
    page = open_queue(qtbot, window, world)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "0 h"  # within the policy's SLA
    policy = world.dock1.return_policy()
    world.dock1.save_policy(world.actor("dan"), replace(policy, sla_hours=2), policy.version)
    world.clock.advance(hours=3)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.item(0, 0).text().startswith("⚠ "), timeout=5000)
    spoken = page.table.item(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "3 h, past its SLA"  # not colour alone, not a bare sign
    assert page.table.item(0, 2).text() == "DOCK-1"
    assert page.table.item(0, 3).text() == "Bruno Lefèvre"
    assert not page.table.item(0, 1).icon().isNull()  # the unit's photo


def test_a_lead_approves_and_the_case_leaves_the_queue(qtbot: QtBot, window: MainWindow, station):
    _app, world = station
    waiting_unit(world)
    page = open_queue(qtbot, window, world)
    page.table.selectRow(0)
    assert page.buttons["approve"].isEnabled()
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert "decided: approved" in page.banner.text.text()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)
    assert page.empty.isVisible()


def test_a_change_at_another_station_shows_within_five_seconds(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    page = open_queue(qtbot, window, world)
    assert page.table.rowCount() == 0
    other = make_engine(world.engine.url.render_as_string(hide_password=False))
    try:  # another station, its own connection to the shared database
        dock2 = StationServices(
            SqlUnitOfWorkFactory(other), ScanClassifier(), world.clock, world.station_ids["DOCK-2"]
        )
        dock2.register_unidentified(world.actor("alice", "DOCK-2"), "NO-LABEL-77")
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    finally:
        other.dispose()
    assert page.table.item(0, 2).text() == "DOCK-2"


def test_a_filter_that_matches_nothing_says_so(qtbot: QtBot, window: MainWindow, station):
    _app, world = station
    waiting_unit(world)
    page = open_queue(qtbot, window, world)
    page.min_age.setValue(48)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)
    assert page.empty.isVisible()
    assert page.empty.text() == "No exception matches these filters."


def test_a_case_another_lead_decided_first_is_not_decided_twice(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    case_id = waiting_unit(world)
    page = open_queue(qtbot, window, world)
    page.table.selectRow(0)
    seen = page.selected
    assert seen is not None
    world.dock2.decide_exception(
        world.actor("dan", "DOCK-2"), case_id, seen.case.version, "resolve", note="refunded"
    )
    page.note.setText("looks fine")
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert "already decided by Dan Okafor" in page.banner.text.text()
    assert page.note.text() == "looks fine"


def test_receivers_and_inspectors_are_not_offered_the_queue(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1002")  # an inspector
    assert not window.exceptions_tab.isVisible()
    window.show_page(window.exceptions_page)
    assert window.pages.currentWidget() is not window.exceptions_page


@pytest.fixture
def pg_window(
    qtbot: QtBot, qapp, pg_url: str, tmp_path: Path
) -> Iterator[tuple[MainWindow, World]]:  # type: ignore[no-untyped-def]
    """A lead's station on a shared PostgreSQL."""
    config = load_config(
        env={"RS_DATA_DIR": str(tmp_path), "RS_STATION": "LEAD-DESK"}, path=tmp_path / "no.toml"
    )
    config = dataclasses.replace(config, database_url=pg_url, sounds=False)
    engine = make_engine(pg_url)
    world = World(engine)
    app = bootstrap(config, clock=world.clock)
    win = MainWindow(app)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    qtbot.waitExposed(win)
    yield win, world
    qapp.removeEventFilter(win.scanner)
    win.exceptions_page.hide()  # the page's listener stops with it
    win.runner.wait(5000)
    app.close()
    engine.dispose()


@pytest.mark.postgres
def test_on_postgres_the_queue_is_told_at_once_without_waiting_for_the_poll(
    qtbot: QtBot, pg_window: tuple[MainWindow, World]
):
    window, world = pg_window
    page = open_queue(qtbot, window, world)
    page.poll.stop()  # only the database's announcement can bring the change now
    assert page.feed is not None
    qtbot.waitUntil(lambda: page.feed.listening.is_set(), timeout=5000)  # type: ignore[union-attr]
    world.dock2.register_unidentified(world.actor("alice", "DOCK-2"), "NO-LABEL-88")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=3000)
    assert page.table.item(0, 2).text() == "DOCK-2"


def test_a_case_shows_the_customer_every_answer_and_photo_and_prints_its_label(
    qtbot: QtBot, window: MainWindow, station
):
    _app, world = station
    waiting_unit(world)
    page = open_queue(qtbot, window, world)
    page.table.selectRow(0)
    detail = page.context
    qtbot.waitUntil(lambda: detail.customer.isVisible(), timeout=5000)
    assert "Camille Bernard · order 7000001" in detail.customer.text()
    assert "Customer's reason: Size too small" in detail.customer.text()
    assert "— Yes" in detail.answers.text()  # worn: yes
    thumbs = [detail.photos.itemAt(i).widget() for i in range(detail.photos.count())]
    assert len([t for t in thumbs if t is not None]) >= 1
    assert page.label_button.isVisible()
    qtbot.mouseClick(page.label_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert "sent to the printer" in page.banner.text.text()
