"""Photos at inspection, as an inspector takes them: the camera (a real video file as the
capture source) by space bar and by the PHOTO barcode at full resolution, files dropped on
the page, and bad input (an unreadable file, a huge image, a camera that disappears) told
plainly with every answer and photo kept."""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from receiving_station.config import CameraConfig
from receiving_station.hardware import camera_opener
from receiving_station.station_app import StationApp
from tests.gui.test_inspect_page import JEANS, on_step, scan, settle
from tests.gui.test_receive_window import log_in
from tests.scanners.test_camera import write_video
from tests.world import World
from ui.errors import Level
from ui.inspect_page import InspectPage
from ui.main_window import MainWindow


def scene(width: int = 1280, height: int = 720) -> np.ndarray:
    """A damaged carton as a camera sees it: texture, a dent, no barcode."""
    rng = np.random.default_rng(3)
    frame = cv2.GaussianBlur(rng.integers(60, 200, (height, width, 3), dtype=np.uint8), (9, 9), 0)
    cv2.circle(frame, (width // 2, height // 2), height // 4, (20, 40, 90), -1)
    return frame


def photos_of(world: World) -> list[tuple[int, int, bool]]:
    """(width, height, has a thumbnail) of every stored photo."""
    with world.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT width, height, thumbnail IS NOT NULL FROM photos ORDER BY id"
        ).all()
    return [(int(w), int(h), bool(t)) for w, h, t in rows]


@pytest.fixture
def with_camera(
    qtbot: QtBot, qapp, station: tuple[StationApp, World], tmp_path: Path
) -> Iterator[tuple[MainWindow, World]]:
    """The Inspect page of a window whose camera is a video file of 4 seconds."""
    app, world = station
    video = write_video(tmp_path / "camera.avi", [scene()] * 120)
    config = dataclasses.replace(app.config, camera=CameraConfig(device=str(video)))
    wired = dataclasses.replace(
        app, config=config, open_camera=camera_opener(config.camera, app.services.classifier)
    )
    win = MainWindow(wired)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    qtbot.waitExposed(win)
    world.receive("RMA-100001")
    log_in(qtbot, win, "BDG-1002")
    yield win, world
    win.camera.stop()
    qapp.removeEventFilter(win.scanner)
    win.close()
    win.runner.wait(5000)


def on_damage_photos(qtbot: QtBot, page: InspectPage) -> None:
    scan(qtbot, page, "RMA-100001")
    page.damaged.setChecked(True)
    scan(qtbot, page, JEANS)
    assert on_step(page) == "damage_photos"


def photo_count(page: InspectPage) -> int:
    assert page.view is not None
    assert page.view.step is not None
    return len(page.view.progress.answers.get(page.view.step.id, ()))


def test_the_space_bar_and_the_photo_barcode_take_full_resolution_photos(
    qtbot: QtBot, with_camera: tuple[MainWindow, World]
):
    window, world = with_camera
    page = window.inspect_page
    window.camera_button.click()
    qtbot.waitUntil(lambda: window.camera.preview.frame is not None, timeout=5000)
    on_damage_photos(qtbot, page)
    page.steps.setFocus()
    qtbot.keyClick(page.steps, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: photo_count(page) == 1, timeout=5000)
    scan(qtbot, page, "CMD-PHOTO")
    qtbot.waitUntil(lambda: on_step(page) == "cause", timeout=5000)  # two photos: next step
    # the camera's own 1280 x 720, not the 800 px preview, with a thumbnail
    assert photos_of(world) == [(1280, 720, True), (1280, 720, True)]


def test_a_camera_that_disappears_is_told_and_every_answer_is_kept(
    qtbot: QtBot, with_camera: tuple[MainWindow, World]
):
    window, world = with_camera
    page = window.inspect_page
    window.camera_button.click()
    qtbot.waitUntil(lambda: window.camera.preview.frame is not None, timeout=5000)
    on_damage_photos(qtbot, page)
    scan(qtbot, page, "CMD-PHOTO")
    qtbot.waitUntil(lambda: photo_count(page) == 1, timeout=5000)
    source = window.camera.source
    assert source is not None
    capture = source.capture  # type: ignore[attr-defined]
    window.camera.stop()  # unplugged between the press and the capture
    page.camera_capture = lambda: capture
    scan(qtbot, page, "CMD-PHOTO")
    qtbot.waitUntil(lambda: page.banner.level is Level.WARNING, timeout=5000)
    assert "camera" in page.banner.text.text()
    assert "no picture" in page.banner.text.text()
    assert photo_count(page) == 1
    assert on_step(page) == "damage_photos"
    assert len(photos_of(world)) == 1


def _png(path: Path, width: int, height: int) -> Path:
    """A PNG that says it is width x height (a decompression bomb when large)."""
    row = b"\x00" + b"\x00" * (width * 3)
    body = zlib.compress(row * 16)
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
def inspecting(qtbot: QtBot, window: MainWindow, station) -> tuple[InspectPage, World]:  # type: ignore[no-untyped-def]
    _app, world = station
    world.receive("RMA-100001")
    log_in(qtbot, window, "BDG-1002")
    page = window.inspect_page
    on_damage_photos(qtbot, page)
    return page, world


def test_photo_files_dropped_on_the_page_are_stored(
    qtbot: QtBot, inspecting: tuple[InspectPage, World], tmp_path: Path
):
    page, world = inspecting
    paths = []
    for n, size in enumerate([(4000, 3000), (900, 1600)]):
        path = tmp_path / f"dropped-{n}.jpg"
        assert cv2.imwrite(str(path), scene(*size))
        paths.append(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)  # Qt delivers a drop only after its drag entered
    assert enter.isAccepted()
    QApplication.sendEvent(page, event)
    qtbot.waitUntil(lambda: on_step(page) == "cause", timeout=8000)
    assert photos_of(world) == [(1600, 1200, True), (900, 1600, True)]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: (d / "notes.jpg").write_text("not a photo") and d / "notes.jpg", "not a JPEG"),
        (lambda d: _png(d / "huge.png", 9000, 9000), "60 million pixels"),
        (lambda d: d / "gone.jpg", "gone.jpg"),
    ],
)
def test_a_file_that_cannot_be_used_is_named_and_nothing_changes(
    qtbot: QtBot, inspecting: tuple[InspectPage, World], tmp_path: Path, make, says: str
):
    page, world = inspecting
    page.add_photo_file(str(make(tmp_path)))
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert says in page.banner.text.text()
    assert "Nothing was saved" in page.banner.text.text()
    settle(qtbot, page)
    assert on_step(page) == "damage_photos"
    assert photos_of(world) == []


def test_the_evidence_pack_of_the_open_parcel_is_saved_as_a_pdf(
    qtbot: QtBot, inspecting: tuple[InspectPage, World], tmp_path: Path
):
    page, _world = inspecting
    assert page.evidence_button.isEnabled()
    target = tmp_path / "claim.pdf"
    page.save_evidence("RMA-100001", str(target))
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=8000)
    assert "Evidence pack of RMA-100001 saved" in page.banner.text.text()
    assert target.read_bytes().startswith(b"%PDF")
    page.save_evidence("RMA-100001", str(tmp_path / "no-such-folder" / "claim.pdf"))
    qtbot.waitUntil(lambda: "cannot be written" in page.banner.text.text(), timeout=8000)


def test_a_damaged_parcel_is_photographed_before_it_is_received(
    qtbot: QtBot, window: MainWindow, station, tmp_path: Path
):
    _app, world = station
    log_in(qtbot, window, "BDG-1001")  # Alice, receiver
    page = window.receive_page
    page.handle_scan("RMA-100001")
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=5000)
    page.damaged.setChecked(True)
    assert page.parcel_photos.isVisible()
    assert "Photograph the parcel before opening it" in page.parcel_photos.count.text()
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert "photograph the parcel before it is opened" in page.banner.text.text()
    assert world.count("receipts") == 0
    path = tmp_path / "carton.jpg"
    assert cv2.imwrite(str(path), scene(2000, 1500))
    page.parcel_photos.add_file(str(path))
    qtbot.waitUntil(lambda: len(page.parcel_photos.photos) == 1, timeout=5000)
    assert page.parcel_photos.count.text() == "1 photo(s) of the parcel"
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.SUCCESS, timeout=5000)
    assert world.count("receipts") == 1
    with world.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT receipt_id, width, height FROM photos").one()
    assert (row[1], row[2]) == (1600, 1200)
    assert row[0] is not None
    assert page.parcel_photos.photos == []  # the next parcel starts clean
