"""The camera as a scanner: capture and decoding off the GUI thread, a live preview.

Two threads: one captures frames as fast as the camera gives them and hands a preview
(at most 800 pixels wide, the codes found outlined) to the UI; the other decodes the most
recent frame whenever it is free, so a slow decode never stalls the preview. A code counts
only when it is read the same on consecutive frames and passes its check digit or pattern
(both decoders occasionally misread an EAN/UPC), and the same code is not reported twice
within the repeat window.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import cv2

from receiving_station.errors import DeviceUnavailable
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import CameraFrame, ErrorSink, FrameSink, ScanSink
from scanners.decode import Decoded, decode_station
from scanners.images import prepare_frame

DEVICE = QT_TRANSLATE_NOOP("errors", "camera")
PREVIEW_WIDTH = 800


@dataclass
class Confirmer:
    """Which reads to report: seen on ``frames`` consecutive decoded frames, accepted by
    ``accept`` (check digit or pattern), not reported in the last ``repeat_seconds``."""

    frames: int = 2
    repeat_seconds: float = 3.0
    accept: Callable[[Decoded], bool] = lambda _d: True
    _streak: dict[str, int] = field(default_factory=dict)
    _reported: dict[str, float] = field(default_factory=dict)

    def feed(self, codes: list[Decoded], now: float) -> list[Decoded]:
        seen = {c.text: c for c in codes if self.accept(c)}
        self._streak = {t: self._streak.get(t, 0) + 1 for t in seen}
        out = []
        for text, code in seen.items():
            if self._streak[text] < self.frames:
                continue
            if now - self._reported.get(text, -1e9) < self.repeat_seconds:
                continue
            self._reported[text] = now
            out.append(code)
        return out


def open_capture(device: str, width: int, height: int) -> Any:
    source: int | str = int(device) if device.isdigit() else device
    capture = cv2.VideoCapture(source)
    if not capture.isOpened():
        capture.release()
        raise DeviceUnavailable(device=DEVICE, detail=f"{device}: it does not open")
    if isinstance(source, int):
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
    return capture


class CameraScanner:
    def __init__(
        self,
        device: str,
        on_frame: FrameSink,
        on_scan: ScanSink,
        on_error: ErrorSink,
        *,
        width: int = 1280,
        height: int = 720,
        confirmer: Confirmer | None = None,
        decoder: Callable[[Any], list[Decoded]] = decode_station,
        realtime: bool = True,
    ) -> None:
        self.device = device
        self.on_frame = on_frame
        self.on_scan = on_scan
        self.on_error = on_error
        self.width, self.height = width, height
        self.confirmer = confirmer or Confirmer()
        self.decoder = decoder
        self.realtime = realtime
        """A video file plays at its own frame rate (``True``) or as fast as it decodes."""
        self._capture: Any = None
        self._stop = threading.Event()
        self._latest: Any = None
        self._latest_seq = 0
        self._cond = threading.Condition()
        self._outlines: tuple[tuple[tuple[int, int], ...], ...] = ()
        self._threads: list[threading.Thread] = []
        self.frames_shown = 0
        self.frames_decoded = 0

    def start(self) -> None:
        self._capture = open_capture(self.device, self.width, self.height)
        self._stop.clear()
        self._threads = [
            threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
            threading.Thread(target=self._decode_loop, name="camera-decode", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        for t in self._threads:
            t.join(timeout=3)
        self._threads = []
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def capture(self) -> bytes:
        """The newest full-resolution frame as a JPEG (long side at most 1600 px), for a
        photo; ``DeviceUnavailable`` when the camera stopped or gave no picture yet."""
        with self._cond:
            frame = self._latest
        if frame is None or not self.running:
            raise DeviceUnavailable(device=DEVICE, detail=f"{self.device}: no picture")
        return prepare_frame(frame).content

    def _capture_loop(self) -> None:
        fps = self._capture.get(cv2.CAP_PROP_FPS) or 30.0
        period = 1.0 / fps if self.realtime and fps > 0 else 0.0
        started, count, last = time.monotonic(), 0, time.monotonic()
        while not self._stop.is_set():
            ok, frame = self._capture.read()
            if not ok or frame is None:
                if not self._stop.is_set():
                    self.on_error(
                        DeviceUnavailable(device=DEVICE, detail=f"{self.device}: no picture")
                    )
                self._stop.set()
                with self._cond:
                    self._cond.notify_all()
                return
            with self._cond:
                self._latest = frame
                self._latest_seq += 1
                self._cond.notify_all()
            count += 1
            now = time.monotonic()
            self._preview(frame, count / max(now - started, 1e-6))
            if period:
                time.sleep(max(0.0, period - (time.monotonic() - last)))
            last = time.monotonic()

    def _preview(self, frame: Any, fps: float) -> None:
        h, w = frame.shape[:2]
        scale = min(1.0, PREVIEW_WIDTH / w)
        small = cv2.resize(frame, (round(w * scale), round(h * scale))) if scale < 1 else frame
        rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
        outlines = tuple(
            tuple((round(x * scale), round(y * scale)) for x, y in poly) for poly in self._outlines
        )
        self.frames_shown += 1
        self.on_frame(CameraFrame(rgb.shape[1], rgb.shape[0], rgb.tobytes(), outlines, fps))

    def _decode_loop(self) -> None:
        seen_seq = 0
        while not self._stop.is_set():
            with self._cond:
                while self._latest_seq == seen_seq and not self._stop.is_set():
                    self._cond.wait(0.5)
                if self._stop.is_set() and self._latest_seq == seen_seq:
                    return
                frame, seen_seq = self._latest, self._latest_seq
            codes = self.decoder(frame)
            self.frames_decoded += 1
            self._outlines = tuple(c.points for c in codes)
            for code in self.confirmer.feed(codes, time.monotonic()):
                self.on_scan(code.text)
