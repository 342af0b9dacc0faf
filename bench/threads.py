"""Results from worker threads to the GUI thread: the station's inbox against Qt's own way.

The station's worker threads hold no Qt object: a result, a progress report or a camera
frame goes through a ``ui.threads.Channel`` (a Python queue and one byte on a pipe that the
GUI thread's socket notifier wakes on). The baseline is what Qt offers for the same job and
what the station used before: a signal emitted from the worker, queued to the GUI thread.
Both deliver the same values from one worker thread while the GUI thread runs its event
loop. Prints the median per-value latency (posted to handled) and the throughput for each,
the ratio of ours to Qt's, then one JSON line.
Usage: QT_QPA_PLATFORM=offscreen python bench/threads.py [--values N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal, Slot  # noqa: E402

from ui.threads import GuiInbox  # noqa: E402


class _Relay(QObject):
    value = Signal(float)


class _Receiver(QObject):
    """The GUI-thread end for the Qt baseline (a real slot, as Qt advises)."""

    def __init__(self, on_value: Callable[[float], None]) -> None:
        super().__init__()
        self.on_value = on_value

    @Slot(float)
    def take(self, sent: float) -> None:
        self.on_value(sent)


LATENCIES: list[float] = []
"""Microseconds from posted to handled, for the run under way."""


def _taken(sent: float) -> None:
    LATENCIES.append((time.perf_counter() - sent) * 1e6)


def _run(send: Callable[[float], None], values: int, app: QCoreApplication) -> tuple[float, float]:
    """Median latency (µs) and values per second for ``values`` posts from one worker."""
    LATENCIES.clear()
    latencies = LATENCIES

    def worker() -> None:
        for _ in range(values):
            send(time.perf_counter())

    started = time.perf_counter()
    thread = threading.Thread(target=worker)
    thread.start()
    while len(latencies) < values:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    took = time.perf_counter() - started
    thread.join()
    return statistics.median(latencies), values / took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])

    inbox = GuiInbox()
    channel = inbox.channel(_taken)
    relay = _Relay()
    receiver = _Receiver(_taken)
    relay.value.connect(receiver.take)

    ours: list[tuple[float, float]] = []
    qt: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        ours.append(_run(channel, args.values, app))
        qt.append(_run(relay.value.emit, args.values, app))
    ours_latency = statistics.median(r[0] for r in ours)
    ours_rate = statistics.median(r[1] for r in ours)
    qt_latency = statistics.median(r[0] for r in qt)
    qt_rate = statistics.median(r[1] for r in qt)
    print(f"{args.values:,} values from a worker thread, {args.rounds} rounds, medians")
    print(f"  station inbox  : {ours_latency:8.1f} µs a value, {ours_rate:10,.0f} values/s")
    print(f"  Qt queued signal: {qt_latency:8.1f} µs a value, {qt_rate:10,.0f} values/s")
    print(
        f"  ratio (ours / Qt): latency {ours_latency / qt_latency:.2f}x, "
        f"throughput {ours_rate / qt_rate:.2f}x"
    )
    print(
        json.dumps(
            {
                "bench": "threads",
                "values": args.values,
                "rounds": args.rounds,
                "inbox_latency_us": round(ours_latency, 1),
                "inbox_per_s": round(ours_rate),
                "qt_signal_latency_us": round(qt_latency, 1),
                "qt_signal_per_s": round(qt_rate),
                "latency_ratio": round(ours_latency / qt_latency, 3),
                "throughput_ratio": round(ours_rate / qt_rate, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
