"""Every kind of barcode a dock sees, scanned through the Receive page: by the keyboard-wedge
scanner, the serial scanner (a real pseudo-terminal) and the camera (a real video file)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from receiving_station.config import CameraConfig, SerialConfig
from receiving_station.domain.checkdigits import license_plate
from receiving_station.hardware import camera_opener, serial_opener
from receiving_station.station_app import StationApp
from scanners.classifier import ScanClassifier
from tests.gui.test_receive_window import log_in, scanner_types
from tests.scanners.images import F, frame_with, symbol
from tests.scanners.test_camera import write_video
from tests.world import World
from ui.errors import Level
from ui.main_window import MainWindow

USPS_BARE = "9101026837331000039521"
USPS_WITH_ROUTING = "42022153" + USPS_BARE


def scan(qtbot: QtBot, window: MainWindow, text: str) -> None:
    page = window.receive_page
    before = page.banner.text.text(), page.outcome
    scanner_types(qtbot, text)
    qtbot.waitUntil(lambda: (page.banner.text.text(), page.outcome) != before, timeout=5000)
    window.runner.wait(5000)


@pytest.fixture
def at_dock(qtbot: QtBot, window: MainWindow, station: tuple[StationApp, World]) -> MainWindow:
    _app, world = station
    world.add_rma("RMA-100003", order_ref="7000003", tracking=(USPS_BARE,))
    log_in(qtbot, window)
    return window


@pytest.mark.parametrize(
    ("text", "rma"),
    [
        ("RMA-100001", "RMA-100001"),
        ("7000002", "RMA-100002"),  # the order slip
        ("1ZE3S3E28246281943", "RMA-100001"),  # UPS
        (USPS_WITH_ROUTING, "RMA-100003"),  # USPS IMpb with 420 + ZIP: the bare number's parcel
        (USPS_BARE, "RMA-100003"),
    ],
)
def test_rma_order_and_tracking_labels_open_the_return(
    qtbot: QtBot, at_dock: MainWindow, text: str, rma: str
):
    scan(qtbot, at_dock, text)
    assert at_dock.receive_page.rma_number.text() == rma


def test_a_product_code_names_its_line_on_the_rma_on_screen(qtbot: QtBot, at_dock: MainWindow):
    page = at_dock.receive_page
    scan(qtbot, at_dock, "RMA-100001")
    scan(qtbot, at_dock, "4006381333931")  # the jeans' EAN-13
    assert page.unit is not None
    assert page.unit.line is not None
    assert page.unit.line.line_no == 1
    assert page.lines.item(0, 0).text() == "✔ AP-001-M"
    assert page.lines.item(1, 0).text() == "EL-003"
    assert "Line 1" in page.banner.text.text()
    assert page.banner.level is Level.SUCCESS
    assert page.rma_number.text() == "RMA-100001"  # the parcel stays on screen


def test_a_gs1_code_with_an_unexpected_serial_is_flagged(qtbot: QtBot, at_dock: MainWindow):
    page = at_dock.receive_page
    scan(qtbot, at_dock, "RMA-100001")
    # GS1 DataMatrix as a wedge scanner sends it: identifier, then GS as Ctrl+]
    target = QApplication.focusWidget()
    assert target is not None
    for ch in "]d2010952123454321310LOT7\x1d21SN0000000001":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_BracketRight if ch == "\x1d" else Qt.Key(ord(ch.upper()))
            mods = Qt.KeyboardModifier.ControlModifier if ch == "\x1d" else Qt.KeyboardModifier(0)
            QCoreApplication.sendEvent(target, QKeyEvent(kind, key, mods, ch))
    before = page.banner.text.text()
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.banner.text.text() != before, timeout=5000)
    assert page.unit is not None
    assert (page.unit.serial, page.unit.batch) == ("SN0000000001", "LOT7")
    assert "SN0000000001" in page.banner.text.text()
    assert page.banner.level is Level.WARNING


def test_a_product_not_on_the_rma_is_a_wrong_or_extra_item(qtbot: QtBot, at_dock: MainWindow):
    page = at_dock.receive_page
    scan(qtbot, at_dock, "RMA-100001")
    scan(qtbot, at_dock, "036000291452")
    assert "not on RMA-100001" in page.banner.text.text()
    assert page.banner.level is Level.WARNING


def test_a_product_code_with_no_parcel_on_screen_asks_for_the_label(
    qtbot: QtBot, at_dock: MainWindow
):
    scan(qtbot, at_dock, "4006381333931")
    assert "Scan the parcel's RMA" in at_dock.receive_page.banner.text.text()


def test_a_license_plate_not_issued_here_is_named(qtbot: QtBot, at_dock: MainWindow):
    plate = license_plate(42)
    scan(qtbot, at_dock, plate)
    assert f"License plate {plate} is not known" in at_dock.receive_page.banner.text.text()


def test_a_misread_license_plate_is_caught_by_its_check_digit(qtbot: QtBot, at_dock: MainWindow):
    plate = license_plate(42)
    wrong = plate[:-1] + str((int(plate[-1]) + 1) % 10)
    scan(qtbot, at_dock, wrong)
    assert "check digit is wrong" in at_dock.receive_page.banner.text.text()


def test_a_badge_switches_user(qtbot: QtBot, at_dock: MainWindow):
    scan(qtbot, at_dock, "BDG-1002")
    qtbot.waitUntil(lambda: "Bruno" in at_dock.user_label.text(), timeout=5000)


def test_command_barcodes_act(qtbot: QtBot, at_dock: MainWindow, station):
    page = at_dock.receive_page
    scan(qtbot, at_dock, "RMA-100001")
    scan(qtbot, at_dock, "CMD-PHOTO")
    assert "PHOTO command does nothing" in page.banner.text.text()
    scan(qtbot, at_dock, "CMD-DONE")
    qtbot.waitUntil(lambda: "received" in page.banner.text.text(), timeout=5000)
    assert station[1].count("receipts") == 1
    scan(qtbot, at_dock, "RMA-100003")
    scanner_types(qtbot, "CMD-CANCEL")
    qtbot.waitUntil(lambda: page.outcome is None, timeout=5000)


def test_a_serial_scanner_feeds_the_same_path(qtbot: QtBot, qapp, station, tmp_path: Path):
    app, _world = station
    master, slave = os.openpty()
    try:
        config = dataclasses.replace(app.config, serial=SerialConfig(port=os.ttyname(slave)))
        wired = dataclasses.replace(app, config=config, open_serial_scanner=serial_opener(config))
        win = MainWindow(wired)
        qtbot.addWidget(win)
        assert "ready" in win.serial_label.text()
        log_in_by_serial = b"BDG-1001\r"
        os.write(master, log_in_by_serial)
        qtbot.waitUntil(lambda: win.session.who is not None, timeout=5000)
        os.write(master, b"RMA-100002\r")
        qtbot.waitUntil(lambda: win.receive_page.outcome is not None, timeout=5000)
        assert win.receive_page.rma_number.text() == "RMA-100002"
        win.close()
        win.runner.wait(5000)
    finally:
        os.close(master)
        os.close(slave)


def test_the_camera_feeds_the_same_path_with_a_live_preview(
    qtbot: QtBot, qapp, station, tmp_path: Path
):
    app, _world = station
    rma = frame_with(symbol("RMA-100001", F.QRCode, scale=10))
    video = write_video(tmp_path / "cam.avi", [rma] * 30 + [np.full_like(rma, 200)] * 60)
    config = dataclasses.replace(app.config, camera=CameraConfig(device=str(video)))
    classifier = ScanClassifier.from_config(config.scanner)
    wired = dataclasses.replace(app, open_camera=camera_opener(config.camera, classifier))
    win = MainWindow(wired)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    log_in(qtbot, win)
    win.camera_button.click()
    assert win.camera_dock.isVisible()
    qtbot.waitUntil(lambda: win.receive_page.outcome is not None, timeout=8000)
    assert win.receive_page.rma_number.text() == "RMA-100001"
    assert win.camera.preview.frame is not None
    win.camera_button.click()
    assert not win.camera.running
    qapp.removeEventFilter(win.scanner)
    win.close()
    win.runner.wait(5000)


def test_no_camera_configured_says_so_and_scanning_goes_on(qtbot: QtBot, at_dock: MainWindow):
    at_dock.camera_button.click()
    assert "No camera is configured" in at_dock.camera.status.text()
    scan(qtbot, at_dock, "RMA-100001")
    assert at_dock.receive_page.rma_number.text() == "RMA-100001"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.binary(max_size=60),
        st.sampled_from(["'; DROP TABLE rmas; --", "🧾📦", "\x00\x1b[2J", "]C1\x1d", "A" * 5000]),
    )
)
def test_any_scan_at_all_gets_a_clear_answer_never_a_crash(
    qtbot: QtBot, at_dock: MainWindow, text: str | bytes
):
    page = at_dock.receive_page
    page.banner.clear()
    page.handle_scan(text)
    at_dock.runner.wait(5000)
    qtbot.wait(1)
    assert "Unexpected problem" not in page.banner.text.text()
