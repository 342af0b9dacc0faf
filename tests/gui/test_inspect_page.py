"""The Inspect page driven as an inspector drives it: scanner bursts, command barcodes,
big buttons. A damaged, a wrong-item and a missing-item case, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from receiving_station.station_app import StationApp
from tests.gui.test_receive_window import log_in, scanner_types
from tests.world import World
from ui.errors import Level
from ui.inspect_page import InspectPage
from ui.main_window import MainWindow

JEANS = "4006381333931"
NOT_ON_THE_RMA = "036000291452"


@pytest.fixture
def photo(tmp_path: Path) -> str:
    image = QImage(1920, 1080, QImage.Format.Format_RGB888)
    image.fill(QColor("#7a8c9e"))
    path = tmp_path / "unit.jpg"
    assert image.save(str(path), "JPEG")
    return str(path)


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]) -> InspectPage:
    _app, world = station
    world.receive("RMA-100001")
    log_in(qtbot, window, "BDG-1002")  # Bruno, inspector
    assert window.pages.currentWidget() is window.inspect_page
    return window.inspect_page


def settle(qtbot: QtBot, page: InspectPage) -> None:
    qtbot.waitUntil(lambda: not page.busy and not page.session.runner.busy, timeout=5000)


def scan(qtbot: QtBot, page: InspectPage, text: str) -> None:
    page.search.setFocus()
    scanner_types(qtbot, text)
    settle(qtbot, page)


def click(qtbot: QtBot, page: InspectPage, words: str) -> None:
    """Click the visible button of the step panel whose text starts with ``words`` (a button
    added to a shown panel is shown by Qt on the next turn of the event loop: wait for it)."""

    def find() -> QPushButton | None:
        for button in page.steps.findChildren(QPushButton):
            label = button.text() or button.accessibleName()
            if button.isVisible() and button.isEnabled() and label.startswith(words):
                return button
        return None

    try:
        qtbot.waitUntil(lambda: find() is not None, timeout=3000)
    except qtbot.TimeoutError:
        raise AssertionError(f"no button '{words}' on {page.steps.question.text()!r}") from None
    button = find()
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)


def on_step(page: InspectPage) -> str:
    assert page.view is not None
    return page.view.step.id if page.view.step else "(summary)"


def open_exceptions(world: World) -> list[str]:
    with world.uow_factory(readonly=True) as uow:
        return sorted(c.kind.value for c in uow.exceptions.open_cases())


def test_a_damaged_item_end_to_end(qtbot: QtBot, page: InspectPage, photo: str, station):
    _app, world = station
    scan(qtbot, page, "RMA-100001")
    assert page.parcel is not None
    assert page.parcel_title.text() == "RMA-100001"
    assert page.lines.rowCount() == 2
    page.damaged.setChecked(True)
    scan(qtbot, page, JEANS)
    assert page.view is not None
    assert page.view.workflow.id == "damaged"
    assert on_step(page) == "damage_photos"
    assert "Photograph the damage" in page.steps.question.text()
    assert page.steps.reference.pixmap() is not None  # the reference image beside it
    page.add_photo_file(photo)
    settle(qtbot, page)
    assert (
        "1 photo(s) taken" in page.steps.findChild(type(page.steps.question), "photoCount").text()
    )
    scan(qtbot, page, "CMD-NEXT")  # one photo is not enough
    assert on_step(page) == "damage_photos"
    page.add_photo_file(photo)
    settle(qtbot, page)
    assert on_step(page) == "cause"
    click(qtbot, page, "Transport")
    assert on_step(page) == "repairable"  # apparel
    click(qtbot, page, "No")
    click(qtbot, page, "D")  # the grade card "D · Fair"
    assert on_step(page) == "note"
    scan(qtbot, page, "CMD-SKIP")
    assert on_step(page) == "(summary)"
    assert "Proposed:" in page.steps.findChild(type(page.steps.question), "proposal").text()
    scan(qtbot, page, "CMD-DONE")
    assert page.view is None
    assert "A lead approves it" in page.banner.text.text()
    assert page.banner.level is Level.WARNING
    assert open_exceptions(world) == ["damaged"]
    assert "Awaiting a lead" in page.units.item(0, 3).text()


def test_a_wrong_item_end_to_end(qtbot: QtBot, page: InspectPage, photo: str, station):
    _app, world = station
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, NOT_ON_THE_RMA)
    assert page.view is not None
    assert page.view.workflow.id == "wrong_item"
    for _ in range(2):
        page.add_photo_file(photo)
        settle(qtbot, page)
    assert on_step(page) == "what_is_it"
    page.steps.findChild(QPlainTextEdit, "answerText").setPlainText("A blue ceramic mug")
    click(qtbot, page, "Next")
    click(qtbot, page, "No, not one of ours")
    click(qtbot, page, "No")  # not a swap
    click(qtbot, page, "C")
    scan(qtbot, page, "CMD-SKIP")
    assert on_step(page) == "(summary)"
    answers = [
        b.text() for b in page.steps.findChildren(type(page.steps.question), "summaryAnswer")
    ]
    assert "A blue ceramic mug" in answers
    click(qtbot, page, "Accept the decision")
    assert open_exceptions(world) == ["wrong_item"]
    with world.uow_factory(readonly=True) as uow:
        (unit,) = uow.inspections.for_receipt(page.parcel.receipt_id)  # type: ignore[union-attr]
    assert (unit.disposition, unit.refund, unit.line_no) == ("quarantine", "none", None)


def test_an_empty_box_end_to_end(qtbot: QtBot, page: InspectPage, photo: str, station):
    _app, world = station
    scan(qtbot, page, "RMA-100001")
    qtbot.keyClick(page, Qt.Key.Key_F9)  # "the box is empty: close it"
    settle(qtbot, page)
    assert page.view is not None
    assert page.view.workflow.id == "missing_item"
    assert "Units are missing" in page.banner.text.text()
    page.add_photo_file(photo)
    settle(qtbot, page)
    assert on_step(page) == "searched"
    click(qtbot, page, "Next")  # a checklist may be answered with nothing ticked...
    assert on_step(page) == "seal"
    click(qtbot, page, "◀ Back")
    for box in page.steps.findChildren(QCheckBox, "checkItem"):
        box.setChecked(True)  # ...but a careful inspector looked everywhere
    click(qtbot, page, "Next")
    click(qtbot, page, "Original, intact")
    entry = page.steps.findChild(QLineEdit, "answerEntry")
    entry.setFocus()
    qtbot.keyClicks(entry, "0.4")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert on_step(page) == "note"
    scan(qtbot, page, "CMD-SKIP")
    scan(qtbot, page, "CMD-DONE")
    assert open_exceptions(world) == ["missing_item"]
    assert page.lines.item(0, 3).text() == "0 (1 missing)"
    with world.uow_factory(readonly=True) as uow:
        (record,) = uow.inspections.for_receipt(page.parcel.receipt_id)  # type: ignore[union-attr]
    assert record.disposition != "restock"
    assert record.progress["answers"]["weight"] == pytest.approx(0.4)


def test_an_unfinished_unit_resumes_where_it_was_after_a_restart(
    qtbot: QtBot, qapp, page: InspectPage, window: MainWindow, station
):
    app, _world = station
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, JEANS)
    click(qtbot, page, "Yes")  # tags attached
    click(qtbot, page, "No")  # not worn
    assert on_step(page) == "washed"
    window.close()  # the station goes down mid-inspection
    qapp.removeEventFilter(window.scanner)
    again = MainWindow(app)
    qtbot.addWidget(again)
    qapp.installEventFilter(again.scanner)
    again.show()
    log_in(qtbot, again, "BDG-1002")
    fresh = again.inspect_page
    fresh.handle_scan("RMA-100001")
    qtbot.waitUntil(lambda: fresh.view is not None, timeout=5000)
    settle(qtbot, fresh)
    assert on_step(fresh) == "washed"
    assert fresh.view is not None
    assert dict(fresh.view.progress.answers) == {"tags_attached": "yes", "worn": "no"}
    qapp.removeEventFilter(again.scanner)
    qapp.installEventFilter(window.scanner)


def test_a_unit_left_half_done_is_put_back_in_front_of_its_inspector_at_log_in(
    qtbot: QtBot, qapp, page: InspectPage, window: MainWindow, station
):
    app, _world = station
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, JEANS)
    click(qtbot, page, "Yes")  # tags attached
    assert on_step(page) == "worn"
    window.close()  # the station is killed mid-inspection
    qapp.removeEventFilter(window.scanner)
    again = MainWindow(app)
    qtbot.addWidget(again)
    qapp.installEventFilter(again.scanner)
    again.show()
    fresh = again.inspect_page
    log_in(qtbot, again, "BDG-1004")  # Dan, at the same station: not his unit
    settle(qtbot, fresh)
    assert fresh.parcel is None
    again.logout()
    log_in(qtbot, again, "BDG-1002")  # Bruno again: no scan needed
    qtbot.waitUntil(lambda: fresh.view is not None, timeout=5000)
    settle(qtbot, fresh)
    assert again.pages.currentWidget() is fresh
    assert on_step(fresh) == "worn"
    assert fresh.view is not None
    assert dict(fresh.view.progress.answers) == {"tags_attached": "yes"}
    assert "where you left it" in fresh.banner.text.text()
    qapp.removeEventFilter(again.scanner)
    qapp.installEventFilter(window.scanner)


def test_a_scan_that_fits_no_unit_gets_a_clear_message(qtbot: QtBot, page: InspectPage, station):
    _app, world = station
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, "NO-SUCH-SKU")
    assert page.view is None
    assert "NO-SUCH-SKU is not a product code" in page.banner.text.text()
    assert page.banner.level is Level.ERROR
    assert page.parcel is not None  # the parcel stays open
    assert world.count("inspections") == 0


def test_a_receiver_does_not_see_the_inspect_page(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1001")
    assert window.pages.currentWidget() is window.receive_page
    assert not window.inspect_tab.isVisible()


def test_a_decided_unit_shows_its_label_prints_it_and_reprints_it(
    qtbot: QtBot, page: InspectPage, window: MainWindow, photo: str, station
):
    app, _world = station
    scan(qtbot, page, "RMA-100001")
    scan(qtbot, page, JEANS)
    for answer in ("Yes", "No", "No", "No", "No", "B"):
        click(qtbot, page, answer)
    page.add_photo_file(photo)
    settle(qtbot, page)
    scan(qtbot, page, "CMD-SKIP")
    scan(qtbot, page, "CMD-SKIP")
    scan(qtbot, page, "CMD-DONE")
    lpn = page.last_lpn
    assert lpn.startswith("LP")
    qtbot.waitUntil(lambda: lpn in page.steps.header.text(), timeout=5000)
    assert page.steps.findChild(type(page.steps.question), "labelPreview").pixmap() is not None
    folder = Path(app.config.printer.uri.removeprefix("folder:"))
    qtbot.waitUntil(lambda: len(list(folder.glob(f"{lpn}-*.pdf"))) == 1, timeout=5000)
    qtbot.waitUntil(lambda: "ready" in window.printer_label.text(), timeout=5000)
    scan(qtbot, page, "CMD-REPRINT")
    qtbot.waitUntil(lambda: len(list(folder.glob(f"{lpn}-*.pdf"))) == 2, timeout=5000)
    first, second = sorted(folder.glob(f"{lpn}-*.pdf"))
    assert first.read_bytes() == second.read_bytes()
    assert f"Label {lpn} printed again" in page.banner.text.text()
