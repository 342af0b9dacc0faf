"""Serial scanners (RS-232, or USB in virtual COM mode): one scan per terminated line.

The port is read on its own thread; each complete line goes to the sink as bytes (the
classifier decodes them, so bytes that are not UTF-8 get a clear message, not a crash).
A line that never ends is dropped after 4 KiB; a port that disappears is reported once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import serial

from receiving_station.errors import DeviceUnavailable
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import ErrorSink, ScanSink

DEVICE = QT_TRANSLATE_NOOP("errors", "serial scanner")
MAX_LINE = 4096


class SerialScanner:
    def __init__(
        self,
        port: str,
        baud: int,
        terminator: bytes,
        on_scan: ScanSink,
        on_error: ErrorSink,
        *,
        opener: Callable[..., Any] = serial.serial_for_url,
    ) -> None:
        self.port_name = port
        self.baud = baud
        self.terminator = terminator
        self.on_scan = on_scan
        self.on_error = on_error
        self._opener = opener
        self._port: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        try:
            self._port = self._opener(self.port_name, baudrate=self.baud, timeout=0.1)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceUnavailable(device=DEVICE, detail=f"{self.port_name}: {exc}") from None
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._port is not None:
            self._port.close()
            self._port = None

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            try:
                chunk = self._port.read(max(1, self._port.in_waiting))
            except (serial.SerialException, OSError, TypeError) as exc:
                if not self._stop.is_set():
                    self.on_error(
                        DeviceUnavailable(device=DEVICE, detail=f"{self.port_name}: {exc}")
                    )
                return
            if not chunk:
                continue
            buffer += chunk
            *lines, buffer = buffer.split(self.terminator)
            for line in lines:
                line = line.strip(b"\r\n")
                if line:
                    self.on_scan(line)
            if len(buffer) > MAX_LINE:
                buffer = b""
