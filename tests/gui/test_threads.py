"""Work off the GUI thread comes back to it whole, in order, and never with Qt in the
worker's hands; what goes wrong is written to the station log."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.crash import CrashBoundary, GuiThreadCollector
from ui.threads import GuiInbox, check_holds_no_qt, every
from ui.worker import CommandRunner

ROOT = Path(__file__).resolve().parents[2]


def test_values_posted_from_many_threads_all_arrive_on_the_gui_thread_in_order(qtbot: QtBot):
    inbox = GuiInbox()
    got: dict[int, list[int]] = {n: [] for n in range(4)}
    threads_seen: set[str] = set()

    def handler(sender: int, value: int) -> None:
        threads_seen.add(threading.current_thread().name)
        got[sender].append(value)

    channel = inbox.channel(handler)
    start = threading.Barrier(4)

    def send(sender: int) -> None:
        start.wait()
        for value in range(5000):
            channel(sender, value)

    senders = [threading.Thread(target=send, args=(n,)) for n in range(4)]
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    qtbot.waitUntil(lambda: all(len(v) == 5000 for v in got.values()), timeout=10000)
    assert all(v == list(range(5000)) for v in got.values())
    assert threads_seen == {threading.main_thread().name}


def test_a_latest_channel_hands_over_only_the_newest_value(qtbot: QtBot):
    inbox = GuiInbox()
    got: list[int] = []
    channel = inbox.channel(got.append, latest=True)
    worker = threading.Thread(target=lambda: [channel(n) for n in range(1000)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: got[-1:] == [999], timeout=5000)
    assert len(got) < 1000


def test_values_for_a_closed_channel_or_a_deleted_inbox_are_dropped(qtbot: QtBot):
    inbox = GuiInbox()
    got: list[int] = []
    channel = inbox.channel(got.append)
    inbox.close_channel(channel)
    channel(1)
    inbox.deliver()
    assert got == []
    other = GuiInbox()
    late = other.channel(got.append)
    other.deleteLater()
    qtbot.wait(50)
    del other
    gc.collect()
    late(2)  # from a thread that outlived the window: nothing to crash into
    assert got == []


def test_a_job_holding_a_widget_is_refused_before_it_reaches_a_thread(qtbot: QtBot):
    runner = CommandRunner()
    label = QLabel()
    with pytest.raises(TypeError, match="QLabel"):
        runner.submit(lambda: label.text(), lambda _r: None, lambda _e: None)
    with pytest.raises(TypeError, match="QLabel"):
        runner.submit(label.text, lambda _r: None, lambda _e: None)
    text = label.text()
    runner.submit(lambda: text.upper(), lambda _r: None, lambda _e: None)  # plain values: fine
    assert runner.wait(2000)
    check_holds_no_qt(len)
    runner.stop()


def test_results_and_errors_come_back_on_the_gui_thread_in_submission_order(qtbot: QtBot):
    runner = CommandRunner(threads=1)
    seen: list[tuple[str, object, str]] = []

    def done(result: object) -> None:
        seen.append(("done", result, threading.current_thread().name))

    def failed(error: BaseException) -> None:
        seen.append(("error", str(error), threading.current_thread().name))

    def boom() -> None:
        raise ValueError("no such RMA")

    for n in range(50):
        runner.submit(lambda n=n: n * 2, done, failed)
    runner.submit(boom, done, failed)
    qtbot.waitUntil(lambda: len(seen) == 51, timeout=5000)
    assert [r for kind, r, _t in seen if kind == "done"] == [n * 2 for n in range(50)]
    assert seen[-1][:2] == ("error", "no such RMA")
    assert {t for _k, _r, t in seen} == {threading.main_thread().name}
    assert not runner.busy
    runner.stop()


def test_progress_is_reported_a_few_times_a_second_and_always_at_the_end():
    calls: list[tuple[int, int]] = []
    report = every(0.05, lambda d, t: calls.append((d, t)))
    started = time.monotonic()
    for n in range(1, 200_001):
        report(n, 200_000)
    took = time.monotonic() - started
    assert calls[-1] == (200_000, 200_000)
    assert len(calls) <= took / 0.05 + 2


def test_reference_cycles_are_collected_on_the_gui_thread_only(qtbot: QtBot):
    collected_on: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "stop":
            collected_on.append(threading.current_thread().name)

    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(interval_ms=20)
    gc.callbacks.append(note)
    try:
        assert not gc.isenabled()

        def make_cycles() -> None:  # a worker allocating plenty: it must not collect
            for _ in range(50_000):
                a: list[object] = []
                a.append(a)

        worker = threading.Thread(target=make_cycles, name="busy-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(collected_on), timeout=3000)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
        collector.stop()
        if not was_enabled:
            gc.disable()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    log_path = tmp_path / "station.log"
    boundary = CrashBoundary(log_path)
    shown: list[str] = []

    def dialog(error: BaseException) -> None:
        shown.append(boundary.message(error))
        boundary.on_exception(RuntimeError, RuntimeError("while the dialog is open"), None)

    monkeypatch.setattr(boundary, "show_dialog", dialog)
    monkeypatch.setattr(sys, "excepthook", boundary.on_exception)
    caplog.set_level(logging.ERROR, logger="receiving_station.ui")

    def records() -> list[str]:
        return [r.getMessage() for r in caplog.records if "unhandled" in r.getMessage()]

    def broken_slot() -> None:
        raise KeyError("slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(records()) >= 2, timeout=3000)
    first, second = records()[:2]
    assert "KeyError: 'slot'" in first
    assert "broken_slot" in first
    assert "while the dialog is open" in second
    assert len(shown) == 1  # the second error did not stack a second dialog
    assert str(log_path) in shown[0]
    assert "your work is kept" in shown[0]


def test_a_fatal_crash_leaves_every_thread_stack_in_the_station_log(tmp_path: Path):
    script = (
        "import faulthandler, logging, sys\n"
        "from pathlib import Path\n"
        "from ui.crash import log_to_file\n"
        f"path = log_to_file(Path({str(tmp_path)!r}))\n"
        "from ui.crash import log_qt_messages\n"
        "from PySide6.QtCore import qWarning\n"
        "log_qt_messages()\n"
        "qWarning('a warning from Qt itself')\n"
        "logging.getLogger('receiving_station').error('before the crash')\n"
        "faulthandler._sigsegv()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=60, check=False
    )
    assert run.returncode != 0
    text = (tmp_path / "logs" / "station.log").read_text(encoding="utf-8", errors="replace")
    assert "before the crash" in text
    assert "WARNING receiving_station.qt: a warning from Qt itself" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert "most recent call first" in text


def test_a_runner_stopped_with_its_window_works_again_when_the_window_is_shown(qtbot: QtBot):
    runner = CommandRunner()
    runner.stop()
    got: list[int] = []
    runner.submit(lambda: 42, got.append, lambda _e: None)
    qtbot.waitUntil(lambda: got == [42], timeout=3000)
    runner.stop()
