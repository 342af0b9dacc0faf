"""The Settings page, as an admin uses it: each device tested for real (a loopback printer, a
pseudo-terminal, a video file as the camera, a keyboard-wedge burst), settings saved to the
station's file and applied at once; a printer that does not answer, or a name another
station has, is refused with a message and nothing is saved."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.domain.model import Station
from receiving_station.errors import PermissionDenied
from tests.gui.test_receive_window import log_in, scanner_types
from tests.scanners.images import F, frame_with, symbol
from tests.scanners.test_camera import write_video
from tests.world import World
from ui.errors import Level
from ui.main_window import MainWindow
from ui.settings_page import SettingsPage


class Listener:
    """A label printer on loopback port: keeps what each connection sent."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b"".join(iter(lambda c=conn: c.recv(65536), b""))
            self.received.append(data)

    def close(self) -> None:
        self.sock.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def printer() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def config_file(sqlite_url: str, tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[database]\nurl = "{sqlite_url}"\n\n[station]\nname = "DOCK-1"\n\n'
        f'[ui]\nsounds = false\n\n[printer]\nuri = "folder:{tmp_path / "labels"}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def admin_window(qtbot: QtBot, qapp, config_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    from data.engine import make_engine

    config = load_config({"RS_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}, config_file)
    engine = make_engine(config.database_url)
    world = World(engine)  # the dock's people: Dan is the admin
    app = bootstrap(config, clock=world.clock)
    win = MainWindow(app)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    qtbot.waitExposed(win)
    log_in(qtbot, win, "BDG-1004")
    qtbot.mouseClick(win.admin_tab, Qt.MouseButton.LeftButton)
    win.admin_page.setCurrentWidget(win.settings_page)
    yield win
    qapp.removeEventFilter(win.scanner)
    win.close()
    win.runner.wait(5000)
    app.close()
    engine.dispose()


def result_of(qtbot: QtBot, label, timeout: int = 8000) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: label.text() and "…" not in label.text(), timeout=timeout)
    return str(label.text())


def test_the_form_shows_the_settings_in_force(admin_window: MainWindow, tmp_path: Path):
    page = admin_window.settings_page
    assert page.station_name.text() == "DOCK-1"
    assert page.printer.kind.currentData() == "folder:"
    assert page.printer.address.text() == str(tmp_path / "labels")
    assert page.idle_lock.value() == 10
    assert page.printer.template.findData("disposition-4x6") >= 0


def test_settings_are_saved_to_the_file_and_applied_at_once(
    qtbot: QtBot, admin_window: MainWindow, config_file: Path, printer: Listener
):
    page: SettingsPage = admin_window.settings_page
    page.location.setText("Dock 2, zone B")
    page.idle_lock.setValue(3)
    page.printer.kind.setCurrentIndex(page.printer.kind.findData("tcp://"))
    page.printer.address.setText(f"127.0.0.1:{printer.port}")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=8000)
    text = config_file.read_text(encoding="utf-8")
    assert f'uri = "tcp://127.0.0.1:{printer.port}"' in text
    assert "idle_lock_minutes = 3" in text
    assert admin_window.idle_limit_s == 180
    services = admin_window.app.services
    assert services.printer is not None
    assert services.printer.uri == f"tcp://127.0.0.1:{printer.port}"
    with services.uow_factory(readonly=True) as uow:
        assert uow.stations.get(services.station_id) == Station(
            services.station_id, "DOCK-1", "Dock 2, zone B"
        )


def test_a_printer_address_that_does_not_answer_is_refused_and_nothing_saved(
    qtbot: QtBot, admin_window: MainWindow, config_file: Path
):
    before = config_file.read_text(encoding="utf-8")
    page = admin_window.settings_page
    page.printer.kind.setCurrentIndex(page.printer.kind.findData("tcp://"))
    page.printer.address.setText(f"127.0.0.1:{closed_port()}")
    page.idle_lock.setValue(4)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is not None, timeout=8000)
    assert page.banner.level is Level.WARNING
    assert "does not answer" in page.banner.text.text()
    assert "Nothing was saved" in page.banner.text.text()
    assert config_file.read_text(encoding="utf-8") == before
    assert admin_window.idle_limit_s == 600
    assert page.idle_lock.value() == 4  # what the admin typed stays on screen


def test_a_name_another_station_has_is_refused_and_nothing_saved(
    qtbot: QtBot, admin_window: MainWindow, config_file: Path
):
    # DOCK-2, the station next door, is already in the shared database
    before = config_file.read_text(encoding="utf-8")
    page = admin_window.settings_page
    page.station_name.setText("dock-2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=8000)
    assert "another station already has this name" in page.banner.text.text()
    assert config_file.read_text(encoding="utf-8") == before
    assert admin_window.app.station.name == "DOCK-1"


def test_a_renamed_station_shows_its_new_name_in_the_status_bar(
    qtbot: QtBot, admin_window: MainWindow, config_file: Path
):
    page = admin_window.settings_page
    page.station_name.setText("dock-9")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=8000)
    assert admin_window.station_label.text() == "Station: DOCK-9"
    assert 'name = "DOCK-9"' in config_file.read_text(encoding="utf-8")
    assert admin_window.app.station.id == admin_window.app.services.station_id  # same station


def test_the_test_print_sends_a_label_to_the_printer_in_the_form(
    qtbot: QtBot, admin_window: MainWindow, printer: Listener
):
    page = admin_window.settings_page
    page.printer.kind.setCurrentIndex(page.printer.kind.findData("tcp://"))
    page.printer.address.setText(f"127.0.0.1:{printer.port}")
    qtbot.mouseClick(page.printer.test, Qt.MouseButton.LeftButton)
    assert result_of(qtbot, page.printer.result).startswith("✔ A test label went to")
    qtbot.waitUntil(lambda: len(printer.received) == 2, timeout=5000)
    # ZPL over TCP is a Zebra: its host status is asked first, on its own connection; this
    # printer never answers it, so the label follows regardless
    status, label = printer.received
    assert (status, label[:3]) == (b"~HS", b"^XA")
    page.printer.address.setText(f"127.0.0.1:{closed_port()}")
    qtbot.mouseClick(page.printer.test, Qt.MouseButton.LeftButton)
    assert result_of(qtbot, page.printer.result).startswith("⚠ The printer")


def test_the_hand_scanner_test_names_what_it_read_and_does_nothing_else(
    qtbot: QtBot, admin_window: MainWindow
):
    page = admin_window.settings_page
    qtbot.mouseClick(page.scan_test, Qt.MouseButton.LeftButton)
    page.prefix.setFocus()
    scanner_types(qtbot, "1ZE3S3E28246281943")
    qtbot.waitUntil(lambda: "tracking number" in page.scan_result.text(), timeout=5000)
    assert page.scan_result.text().startswith("✔ The scanner works")
    assert page.prefix.text() == ""  # the burst did not land in the focused field
    assert admin_window.pages.currentWidget() is admin_window.admin_page


def test_the_serial_port_test_says_whether_the_port_opens(qtbot: QtBot, admin_window: MainWindow):
    page = admin_window.settings_page
    master, slave = os.openpty()
    try:
        page.serial_port.setEditText(os.ttyname(slave))
        qtbot.mouseClick(page.serial_test, Qt.MouseButton.LeftButton)
        assert "opens at 9600 baud" in result_of(qtbot, page.serial_result)
    finally:
        os.close(master)
        os.close(slave)
    page.serial_port.setEditText("/dev/ttyNOSUCHPORT")
    qtbot.mouseClick(page.serial_test, Qt.MouseButton.LeftButton)
    text = result_of(qtbot, page.serial_result)
    assert text.startswith("⚠")
    assert "/dev/ttyNOSUCHPORT" in text


def test_the_camera_test_gives_its_size_and_a_live_view_that_reads_codes(
    qtbot: QtBot, admin_window: MainWindow, tmp_path: Path
):
    rma = frame_with(symbol("RMA-100001", F.QRCode, scale=10))
    video = write_video(tmp_path / "cam.avi", [rma] * 40 + [np.full_like(rma, 200)] * 200)
    page = admin_window.settings_page
    page.camera.device.setEditText(str(video))
    qtbot.mouseClick(page.camera.test, Qt.MouseButton.LeftButton)
    text = result_of(qtbot, page.camera.result)
    height, width = rma.shape[:2]
    assert f"{width} × {height}" in text
    qtbot.waitUntil(lambda: "RMA-100001" in page.camera.result.text(), timeout=8000)
    page.camera.device.setEditText(str(tmp_path / "no-such-camera.avi"))
    assert not page.camera.view.running
    qtbot.mouseClick(page.camera.test, Qt.MouseButton.LeftButton)
    assert result_of(qtbot, page.camera.result).startswith("⚠")


@pytest.mark.parametrize(
    ("badge", "pin"), [("BDG-1001", ""), ("BDG-1002", ""), ("BDG-1003", "3333")]
)
def test_other_roles_cannot_save_settings_the_core_refuses(
    admin_window: MainWindow, config_file: Path, badge: str, pin: str
):
    before = config_file.read_text(encoding="utf-8")
    app = admin_window.app
    assert app.hardware is not None
    services = app.services
    # a receiver, an inspector (badge alone), a lead (badge and PIN)
    actor = (services.login_badge_pin(badge, pin) if pin else services.login_badge(badge)).actor
    with pytest.raises(PermissionDenied):
        app.hardware.save(actor, {"ui": {"idle_lock_minutes": 0}})
    assert config_file.read_text(encoding="utf-8") == before
