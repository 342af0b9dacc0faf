"""The wedge filter fed key events as a real scanner and a real person send them: Shift
pressed and released around every capital, Caps Lock toggles, AltGr, Ctrl+] for GS,
framing control characters, Tab as the terminator, each with the window system's time stamp.
(QTest's key clicks send no separate Shift press, so they cannot show these.) The real X
server is driven in ``test_real_keyboard.py``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from receiving_station.config import ScannerConfig
from scanners.wedge import wedge_decoder
from ui.scanner_filter import ScannerFilter

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = {"-": Qt.Key.Key_Minus, "]": Qt.Key.Key_BracketRight, "@": Qt.Key.Key_At}


class Keyboard:
    """Key events into the focused field, each stamped as the window system stamps it."""

    def __init__(self, target: QLineEdit, start_ms: int = 1_000_000) -> None:
        self.target, self.t = target, start_ms
        self.queued = False
        """Post the events (they wait in the queue, as a busy window's input does)."""

    def _send(self, kind: QEvent.Type, key: int, mods: object, text: str) -> None:
        event = QKeyEvent(kind, key, mods, text)  # type: ignore[arg-type]
        event.setTimestamp(self.t)
        target = QApplication.focusWidget() or self.target
        if self.queued:
            QCoreApplication.postEvent(target, event)
        else:
            QCoreApplication.sendEvent(target, event)

    def press(self, key: int, mods: object = NONE, text: str = "") -> None:
        self._send(QEvent.Type.KeyPress, key, mods, text)

    def release(self, key: int, mods: object = NONE, text: str = "") -> None:
        self._send(QEvent.Type.KeyRelease, key, mods, text)

    def tick(self, ms: int) -> None:
        self.t += ms

    def type(self, text: str, gap_ms: int, *, caps_lock_mode: bool = False) -> None:
        """``text`` as a keyboard types it: Shift around capitals (or Caps Lock toggles)."""
        caps = False
        for ch in text:
            key = KEYS.get(ch) or (ord(ch.upper()) if ch.isalnum() else ord(ch))
            upper = ch.isalpha() and ch.isupper()
            if caps_lock_mode and upper != caps:
                self.press(Qt.Key.Key_CapsLock)
                self.release(Qt.Key.Key_CapsLock)
                caps = upper
                self.tick(2)
            if upper and not caps_lock_mode:
                self.press(Qt.Key.Key_Shift, SHIFT)
                self.tick(2)
                self.press(key, SHIFT, ch)
                self.release(key, SHIFT, ch)
                self.tick(2)
                self.release(Qt.Key.Key_Shift, NONE)
            else:
                self.press(key, NONE, ch)
                self.release(key, NONE, ch)
            self.tick(gap_ms)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return, NONE, "\r")
        self.release(Qt.Key.Key_Return, NONE, "\r")

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab, NONE, "\t")
        self.release(Qt.Key.Key_Tab, NONE, "\t")

    def chord(self, modifier: int, held: object, key: int, text: str) -> None:
        """``modifier`` held down around ``key``, as a keyboard sends Ctrl+] or AltGr+à."""
        self.press(modifier, held)
        self.tick(2)
        self.press(key, held, text)
        self.release(key, held, text)
        self.tick(2)
        self.release(modifier, NONE)

    def ctrl(self, key: int, text: str) -> None:
        self.chord(Qt.Key.Key_Control, CTRL, key, text)


@pytest.fixture
def field(qtbot: QtBot, qapp: QApplication) -> QLineEdit:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    edit.setFocus()
    return edit


@pytest.fixture
def listen(
    qapp: QApplication, field: QLineEdit
) -> Iterator[Callable[..., tuple[list[str], Keyboard]]]:
    """Install a wedge filter with these ``[scanner]`` settings; the scans it delivers."""
    installed: list[ScannerFilter] = []

    def install(**config: object) -> tuple[list[str], Keyboard]:
        wedge = ScannerFilter(wedge_decoder(ScannerConfig(**config)))  # type: ignore[arg-type]
        installed.append(wedge)
        got: list[str] = []
        wedge.scan_received.connect(got.append)
        qapp.installEventFilter(wedge)
        return got, Keyboard(field)

    yield install
    for wedge in installed:
        qapp.removeEventFilter(wedge)


@pytest.mark.parametrize("badge", ["BDG-1001", "RMA-000001", "1ZE3S3E28246281943"])
def test_shift_around_each_capital_keeps_the_scan_whole(listen, field, qtbot, badge):
    got, keys = listen()
    keys.type(badge, 6)
    keys.enter()
    assert got == [badge]
    assert field.text() == ""


def test_a_scanner_in_caps_lock_mode_gives_one_scan(listen, field, qtbot):
    got, keys = listen()
    keys.type("RMA-000001", 5, caps_lock_mode=True)
    keys.enter()
    assert got == ["RMA-000001"]
    assert field.text() == ""


def test_a_scan_ending_in_tab_is_one_scan(listen, field, qtbot):
    got, keys = listen(terminator="tab")
    keys.type("RMA-000001", 8)
    keys.tab()
    assert got == ["RMA-000001"]
    assert field.text() == ""


def test_stx_and_etx_framing_set_as_prefix_and_suffix_belong_to_the_scan(listen, field, qtbot):
    got, keys = listen(prefix="\x02", suffix="\x03")
    keys.ctrl(Qt.Key.Key_B, "\x02")
    keys.tick(5)
    keys.type("RMA-000001", 5)
    keys.ctrl(Qt.Key.Key_C, "\x03")
    keys.tick(5)
    keys.enter()
    assert got == ["\x02RMA-000001\x03"]  # the classifier strips them (its own tests)
    assert field.text() == ""


def test_the_gs_separator_sent_as_ctrl_bracket_stays_inside_the_scan(listen, field, qtbot):
    got, keys = listen()
    keys.type("0109501101530003", 5)
    keys.ctrl(KEYS["]"], "\x1d")
    keys.tick(5)
    keys.type("10AB12", 5)
    keys.enter()
    assert got == ["0109501101530003\x1d10AB12"]


def test_altgr_symbols_inside_a_burst_are_part_of_the_scan(listen, field, qtbot):
    got, keys = listen()
    keys.type("RMA", 5)
    keys.chord(Qt.Key.Key_AltGr, NONE, KEYS["@"], "@")  # X reports AltGr's symbols bare
    keys.tick(5)
    keys.type("000001", 5)
    keys.enter()
    assert got == ["RMA@000001"]


def test_a_person_typing_with_shift_at_human_speed_types_into_the_field(listen, field, qtbot):
    got, keys = listen()
    keys.type("Hello Dock", 150)
    qtbot.waitUntil(lambda: field.text() == "Hello Dock", timeout=2000)
    keys.enter()
    qtbot.wait(60)
    assert got == []
    assert field.text() == "Hello Dock"


def test_a_shortcut_while_keys_are_held_gives_them_back_as_typing(listen, field, qtbot):
    got, keys = listen()
    keys.type("ab", 5)
    keys.ctrl(Qt.Key.Key_S, "\x13")  # a person's Ctrl+S, not a framing character
    assert field.text() == "ab"
    assert got == []


def test_a_burst_read_late_by_a_busy_window_is_still_one_scan(listen, field, qtbot):
    """The events carry the keyboard's own time: a GUI thread that stalled and now reads
    the whole burst at once, or one key long after the last, sees the keyboard's gaps."""
    got, keys = listen()
    keys.type("RMA-0000", 6)
    time.sleep(0.08)  # the GUI thread is busy; meanwhile the scanner types on
    keys.queued = True
    keys.type("01", 6)
    keys.enter()
    qtbot.waitUntil(lambda: bool(got), timeout=2000)  # the overdue hold timer is due too
    assert got == ["RMA-000001"]
    assert field.text() == ""
