"""Application-wide capture of a USB keyboard-wedge scanner, whatever has the focus.

Printable keys are held for a few tens of milliseconds: if more follow at scanner speed and
end with the terminator, they are one scan and never reach the focused widget; otherwise they
are replayed to it unchanged, so a person can still type in any field.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from receiving_station.domain.keystrokes import Hold, Scanned, Typed
from receiving_station.ports import KeystrokeDecoder

GS = "\x1d"
_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


class ScannerFilter(QObject):
    scan_received = Signal(str)

    def __init__(self, decoder: KeystrokeDecoder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoder = decoder
        self.enabled = True
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @staticmethod
    def _now_ms() -> float:
        return time.monotonic() * 1000.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if event.isAutoRepeat():
            return False
        key = Qt.Key(event.key())
        mods = (
            event.modifiers()
            & ~Qt.KeyboardModifier.ShiftModifier
            & ~Qt.KeyboardModifier.KeypadModifier
        )
        char = _TERMINATOR_KEYS.get(key) or event.text()
        if char == GS:
            # Scanners send the GS1 separator as Ctrl+]: part of the scan, not a shortcut.
            mods = Qt.KeyboardModifier.NoModifier
        printable = bool(char) and (char in "\r\t" or char.isprintable() or char == GS)
        if mods != Qt.KeyboardModifier.NoModifier or not printable:
            self._apply(self.decoder.other_key())
            return False
        payload = (watched, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
        return self._apply(self.decoder.key(char, payload, self._now_ms()))

    def _apply(self, decisions: list[Any]) -> bool:
        swallowed = False
        for decision in decisions:
            if isinstance(decision, Hold):
                self._timer.start(max(1, int(decision.deadline_ms - self._now_ms()) + 1))
                swallowed = True
            elif isinstance(decision, Scanned):
                self._timer.stop()
                self.scan_received.emit(decision.text)
                swallowed = True
            elif isinstance(decision, Typed):
                self._replay(decision.payloads)
                swallowed = True
        return swallowed

    def _replay(self, payloads: list[tuple[QWidget, QKeyEvent]]) -> None:
        self._replaying = True
        try:
            for widget, event in payloads:
                target = QApplication.focusWidget() or widget
                QCoreApplication.sendEvent(target, event)
                release = QKeyEvent(
                    QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text()
                )
                QCoreApplication.sendEvent(target, release)
        finally:
            self._replaying = False

    def _on_timer_timeout(self) -> None:
        decisions = self.decoder.timeout(self._now_ms())
        if not decisions and self.decoder.pending:
            self._timer.start(5)
            return
        self._apply(decisions)
