"""Values from other threads into the GUI thread, with no Qt on the other side.

A PySide6 wrapper created, touched or freed on a thread other than the GUI's can crash the
whole station, at random and long after the fact (a refcount underflow, a segmentation fault
in the garbage collector). So a worker thread, a camera, a serial port or a database
listener never holds a Qt object, not even a signal to emit: it holds a :class:`Channel`, a
plain Python callable that puts its arguments on a queue and writes one byte to a pipe. The
GUI thread's socket notifier wakes on that byte and hands the values to the channel's
handler, on the GUI thread, in the order they were posted.

Threading contract: :meth:`Channel.__call__` may be called from any thread, any number of
times, also after its inbox is gone (the values are then dropped). Everything else here is
for the GUI thread only.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier
from shiboken6 import Shiboken


class Mailbox:
    """A queue and a wake-up pipe: pure Python, safe on any thread."""

    def __init__(self) -> None:
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._read_fd, False)
        os.set_blocking(self._write_fd, False)
        self._queue: queue.SimpleQueue[tuple[int, tuple[Any, ...] | None]] = queue.SimpleQueue()
        self._latest: dict[int, tuple[Any, ...]] = {}
        self._lock = threading.Lock()
        self.closed = False

    @property
    def fileno(self) -> int:
        return self._read_fd

    def _wake(self) -> None:
        with contextlib.suppress(BlockingIOError):  # full: the GUI thread is due to wake
            os.write(self._write_fd, b"!")

    def post(self, key: int, args: tuple[Any, ...]) -> None:
        with self._lock:
            if self.closed:
                return
            self._queue.put((key, args))
            self._wake()

    def post_latest(self, key: int, args: tuple[Any, ...]) -> None:
        """Only the newest value counts (a preview frame): one waiting replaces the last."""
        with self._lock:
            if self.closed:
                return
            fresh = key not in self._latest
            self._latest[key] = args
            if fresh:
                self._queue.put((key, None))  # the value is read from _latest on delivery
                self._wake()

    def drain(self) -> list[tuple[int, tuple[Any, ...]]]:
        try:
            while os.read(self._read_fd, 4096):
                pass
        except BlockingIOError:
            pass
        out: list[tuple[int, tuple[Any, ...]]] = []
        while True:
            try:
                key, args = self._queue.get_nowait()
            except queue.Empty:
                return out
            if args is None:
                with self._lock:
                    args = self._latest.pop(key, ())
            out.append((key, args))

    def close(self) -> None:
        with self._lock:
            if self.closed:
                return
            self.closed = True
            os.close(self._write_fd)
            os.close(self._read_fd)

    def __del__(self) -> None:
        self.close()


class Channel:
    """A callable for another thread: its calls reach a handler on the GUI thread."""

    __slots__ = ("_key", "_latest", "_mailbox")

    def __init__(self, mailbox: Mailbox, key: int, latest: bool) -> None:
        self._mailbox, self._key, self._latest = mailbox, key, latest

    def __call__(self, *args: Any) -> None:
        if self._latest:
            self._mailbox.post_latest(self._key, args)
        else:
            self._mailbox.post(self._key, args)


class GuiInbox(QObject):
    """Where channels deliver: create on the GUI thread, owned by the widget it serves."""

    _keys = itertools.count(1)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mailbox = Mailbox()
        self._handlers: dict[int, Callable[..., None]] = {}
        self._notifier = QSocketNotifier(self.mailbox.fileno, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def channel(self, handler: Callable[..., None], *, latest: bool = False) -> Channel:
        """A callable for another thread; ``latest``: only the newest value is delivered."""
        key = next(self._keys)
        self._handlers[key] = handler
        return Channel(self.mailbox, key, latest)

    def close_channel(self, channel: Channel) -> None:
        """Values still on their way through ``channel`` are dropped."""
        self._handlers.pop(channel._key, None)

    def deliver(self) -> None:
        """Hand every waiting value to its handler now (the notifier does this by itself)."""
        for key, args in self.mailbox.drain():
            handler = self._handlers.get(key)
            if handler is not None:
                handler(*args)

    def _on_notifier_activated(self) -> None:
        self.deliver()


def every(seconds: float, fn: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """``fn(done, total)`` at most once every ``seconds``, and always for the last one: a
    progress report from a worker that would otherwise post one wake-up per row."""
    last = [-1e9]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= seconds:
            last[0] = now
            fn(done, total)

    return report


def _holds_qt(value: Any, depth: int = 0) -> str:
    """What Qt object ``value`` (a job, or something it captured) holds; '' for none."""
    if isinstance(value, Shiboken.Object):
        return type(value).__name__
    if depth > 2:
        return ""
    parts: list[Any] = []
    bound = getattr(value, "__self__", None)
    if bound is not None:
        parts.append(bound)
    func = getattr(value, "func", None)  # functools.partial
    if func is not None and callable(func):
        parts += [func, *getattr(value, "args", ()), *getattr(value, "keywords", {}).values()]
    for cell in getattr(value, "__closure__", None) or ():
        try:
            parts.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    parts += list(getattr(value, "__defaults__", None) or ())
    for part in parts:
        if part is value:
            continue
        if isinstance(part, Shiboken.Object):
            return type(part).__name__
        if callable(part) and (found := _holds_qt(part, depth + 1)):
            return found
    return ""


def check_holds_no_qt(fn: Callable[..., Any]) -> None:
    """A job for a worker thread must not hold a Qt object: the thread would release it.
    ``TypeError`` (a bug to fix, found the first time the job runs) otherwise."""
    found = _holds_qt(fn)
    if found:
        name = getattr(fn, "__qualname__", repr(fn))
        raise TypeError(f"the job {name} holds a Qt object ({found}): pass it plain values")
