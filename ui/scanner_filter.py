"""Application-wide capture of a USB keyboard-wedge scanner, whatever has the focus.

Printable keys are held for a few tens of milliseconds: if more follow at scanner speed and
end with the terminator, they are one scan and never reach the focused widget; otherwise they
are replayed to it unchanged, so a person can still type in any field.

A scanner is a keyboard: it presses Shift (or toggles Caps Lock) for a capital, AltGr for
some symbols on a European layout, and Ctrl+] for the GS1 separator, exactly as a person
would. Those modifier keys pass straight through and are not keystrokes of the burst: they
neither end it nor start one. Keystrokes are timed by the X server's own time stamps where
the platform gives them, so a GUI thread busy for a moment (a large import) does not stretch
the gaps of a burst it reads late.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from receiving_station.domain.keystrokes import Hold, Scanned, Typed
from receiving_station.ports import KeystrokeDecoder

GS = "\x1d"
_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
    }
)
"""Keys that only change what the next key types: never a keystroke of a burst."""
_TEXT_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.KeypadModifier
    | Qt.KeyboardModifier.GroupSwitchModifier
)
_ALTGR_AS_CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class ScannerFilter(QObject):
    scan_received = Signal(str)

    def __init__(self, decoder: KeystrokeDecoder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoder = decoder
        self.enabled = True
        self._replaying = False
        self._catching_up = False
        self._last_event_ms = 0.0
        self._last_seen_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @staticmethod
    def _now_ms() -> float:
        return time.monotonic() * 1000.0

    def _stamp(self, event: QKeyEvent) -> float:
        """The keystroke's time: the window system's stamp when it gives one (what the
        keyboard did), else the moment it reached us (synthetic events carry none)."""
        seen = self._now_ms()
        stamp = float(event.timestamp())
        self._last_seen_ms = seen
        self._last_event_ms = stamp if stamp > 0 else seen
        return self._last_event_ms

    def _char(self, event: QKeyEvent) -> str | None:
        """What the key types into a scan, or ``None`` for a key that is no part of one."""
        key = Qt.Key(event.key())
        if key in _TERMINATOR_KEYS:
            return _TERMINATOR_KEYS[key]
        text = event.text()
        if text in ("\r", "\n"):
            return "\r"  # Linefeed, or Ctrl+M / Ctrl+J from a scanner set to send them
        mods = event.modifiers() & ~_TEXT_MODIFIERS
        if text == GS or (len(text) == 1 and not text.isprintable() and self.decoder.frames(text)):
            return text  # Ctrl+] for GS, or a control character the scanner frames with
        if not text or not text.isprintable():
            return None
        if mods == Qt.KeyboardModifier.NoModifier or mods == _ALTGR_AS_CTRL_ALT:
            return text  # AltGr reads as Ctrl+Alt on some systems: a symbol, not a shortcut
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if event.isAutoRepeat():
            return False
        if Qt.Key(event.key()) in MODIFIER_KEYS:
            return False  # Shift, Caps Lock, AltGr, Ctrl: they pass, and the burst goes on
        char = self._char(event)
        if char is None:
            self._apply(self.decoder.other_key())
            return False
        payload = (watched, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
        return self._apply(self.decoder.key(char, payload, self._stamp(event)))

    def _apply(self, decisions: list[Any]) -> bool:
        swallowed = False
        for decision in decisions:
            if isinstance(decision, Hold):
                self._timer.start(int(self.decoder.max_gap_ms) + 1)
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
        if self._catching_up:  # fired while catching up: decide once that is done
            self._timer.start(5)
            return
        # Keys the window system already has but we have not been handed yet (the GUI
        # thread was busy) belong to this burst: read them before deciding it is over.
        self._catching_up = True
        try:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers)
        finally:
            self._catching_up = False
        if not self.decoder.pending:
            return
        now = self._last_event_ms + (self._now_ms() - self._last_seen_ms)
        decisions = self.decoder.timeout(now)
        if not decisions and self.decoder.pending:
            self._timer.start(5)
            return
        self._apply(decisions)
