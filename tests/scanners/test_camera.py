"""The camera path on a real video file as the capture source: frames decoded off the GUI
thread, a code reported once when it repeats, misreads refused, no camera a clear error."""

from __future__ import annotations

import dataclasses
import queue
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from receiving_station.bootstrap import bootstrap
from receiving_station.config import CameraConfig, load_config
from receiving_station.errors import DeviceUnavailable
from receiving_station.ports import CameraFrame
from scanners.camera import CameraScanner, Confirmer
from scanners.decode import Decoded
from tests.scanners.images import F, frame_with, symbol


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> Path:
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened()
    for f in frames:
        writer.write(f)
    writer.release()
    return path


@pytest.fixture
def video(tmp_path: Path) -> Path:
    ean = frame_with(symbol("4006381333931", F.EAN13, scale=4))
    rma = frame_with(symbol("RMA-000123", F.QRCode, scale=10))
    blank = np.full_like(ean, 200)
    return write_video(tmp_path / "dock.avi", [ean] * 12 + [blank] * 4 + [rma] * 12 + [blank] * 4)


def _run(scanner: CameraScanner, got: queue.Queue[object], seconds: float = 8) -> None:
    scanner.start()
    deadline = time.monotonic() + seconds
    while scanner.running and time.monotonic() < deadline:
        time.sleep(0.05)
    scanner.stop()


def test_codes_in_a_video_are_reported_once_each_with_outlined_preview_frames(video: Path):
    got: queue.Queue[object] = queue.Queue()
    frames: list[CameraFrame] = []
    scanner = CameraScanner(
        str(video),
        frames.append,
        got.put,
        lambda e: got.put(("error", e)),
        confirmer=Confirmer(frames=2, repeat_seconds=60),
        realtime=True,
    )
    _run(scanner, got)
    items = list(got.queue)
    scans = [i for i in items if isinstance(i, str)]
    assert scans == ["]E04006381333931", "]Q1RMA-000123"]
    # the end of the file is the camera going away: reported once, as a device error
    errors = [i for i in items if isinstance(i, tuple)]
    assert len(errors) == 1
    assert isinstance(errors[0][1], DeviceUnavailable)
    assert len(frames) >= 20
    assert any(f.outlines for f in frames)
    assert all(f.width <= 800 for f in frames)


def test_a_read_that_fails_its_check_is_never_reported():
    confirmer = Confirmer(frames=1, repeat_seconds=0, accept=lambda d: d.data != "4006381333932")
    bad = Decoded("]E04006381333932", "EAN13", (), "zbar")
    good = Decoded("]E04006381333931", "EAN13", (), "zbar")
    assert confirmer.feed([bad], 0.0) == []
    assert confirmer.feed([good], 0.1) == [good]


def test_a_code_must_repeat_on_consecutive_frames_and_is_not_repeated_in_the_window():
    confirmer = Confirmer(frames=2, repeat_seconds=3)
    code = Decoded("]C0RMA-000123", "Code128", (), "zxing-cpp")
    assert confirmer.feed([code], 0.0) == []
    assert confirmer.feed([], 0.1) == []  # lost for a frame: the streak starts again
    assert confirmer.feed([code], 0.2) == []
    assert confirmer.feed([code], 0.3) == [code]
    assert confirmer.feed([code], 1.0) == []  # still in view: not reported again
    assert confirmer.feed([code], 3.4) == [code]  # the window has passed


def test_the_station_wiring_refuses_misreads_and_reads_through_the_classifier(
    video: Path, sqlite_url: str, tmp_path: Path
):
    config = load_config(env={"RS_DATA_DIR": str(tmp_path)}, path=tmp_path / "none.toml")
    config = dataclasses.replace(
        config, database_url=sqlite_url, camera=CameraConfig(device=str(video))
    )
    app = bootstrap(config)
    try:
        assert app.open_camera is not None
        got: queue.Queue[object] = queue.Queue()
        source = app.open_camera(lambda _f: None, got.put, lambda _e: None)
        source.start()
        time.sleep(3)
        source.stop()
    finally:
        app.close()
    scans = [i for i in got.queue if isinstance(i, str)]
    assert "]E04006381333931" in scans


def test_no_camera_is_a_clear_message_not_a_crash():
    scanner = CameraScanner("9", lambda _f: None, lambda _s: None, lambda _e: None)
    with pytest.raises(DeviceUnavailable) as caught:
        scanner.start()
    assert "camera" in str(caught.value)
