"""The station never dies silently.

- Every log line, Qt's own warnings, every unhandled exception (in a slot, on the GUI
  thread or another) and every fatal error (a segmentation fault, an abort: Python's
  ``faulthandler``, with every thread's stack) go to ``station.log``, where an admin looks.
- An exception that reaches the GUI thread's top shows one dialog saying what to do and
  where the log is; more while it is open are logged, not stacked. The work already saved
  is in the database, and the window goes on.
- Python's cyclic garbage collector runs on the GUI thread only (:class:`GuiThreadCollector`):
  left to itself it runs on whichever thread happens to allocate, and a Qt wrapper it frees
  on a worker thread crashes the process.
"""

from __future__ import annotations

import faulthandler
import gc
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QMessageBox

from receiving_station.private_files import create_private, make_private_folder
from ui.errors import describe

log = logging.getLogger("receiving_station.ui")

COLLECT_MS = 250


class _StationLog(RotatingFileHandler):
    """The log file, 0600 from its creation (RMAs and customers' addresses reach it), also
    after it rotates; fatal errors follow it to the new file."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed's TextIOWrapper[...] varies
        create_private(Path(self.baseFilename))
        return super()._open()

    def doRollover(self) -> None:
        super().doRollover()
        if self.stream is not None:
            _fatal_errors_to(self.stream)


def _fatal_errors_to(stream: IO[str]) -> None:
    faulthandler.enable(file=stream, all_threads=True)


def log_to_file(data_dir: Path) -> Path:
    """Log lines and fatal errors to ``DATA_DIR/logs/station.log``; its path."""
    path = data_dir / "logs" / "station.log"
    make_private_folder(data_dir)  # the log and the database beside it are the user's alone
    make_private_folder(path.parent)
    handler = _StationLog(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    assert handler.stream is not None  # opened at once (no delay)
    _fatal_errors_to(handler.stream)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
qt_log = logging.getLogger("receiving_station.qt")


def _on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def log_qt_messages() -> None:
    """Qt's own warnings (a sound device missing, a platform plugin's complaint) go to the
    station log with everything else, not only to a terminal nobody at the dock reads."""
    qInstallMessageHandler(_on_qt_message)


class CrashBoundary:
    """Unhandled exceptions: logged with their traceback; on the GUI thread, one dialog."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.showing = False
        self.shown = 0

    def install(self) -> None:
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception

    def on_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if threading.current_thread() is not threading.main_thread():
            return  # no dialog off the GUI thread; the log has it
        if self.showing:
            return
        self.showing = True
        try:
            self.shown += 1
            self.show_dialog(error)
        finally:
            self.showing = False

    def on_thread_exception(self, args: Any) -> None:
        log.error(
            "unhandled error in thread %s\n%s",
            getattr(args.thread, "name", "?"),
            "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
        )

    def message(self, error: BaseException) -> str:
        words = QCoreApplication.translate("crash", "For the admin, the station log:")
        return f"{describe(error).text}\n\n{words}\n{self.log_path}"

    def show_dialog(self, error: BaseException) -> None:
        QMessageBox.critical(
            None, QCoreApplication.translate("ui", "Receiving Station"), self.message(error)
        )


class GuiThreadCollector(QObject):
    """Automatic garbage collection off; the same thresholds checked on a GUI-thread timer.

    Reference counting still frees most objects at once; only reference cycles wait for
    this, at most ``COLLECT_MS``.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = COLLECT_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        generation = -1
        for n in range(3):
            if counts[n] > self.thresholds[n]:
                generation = n
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
