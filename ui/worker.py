"""Running blocking core calls off the GUI thread.

``CommandRunner.submit(fn, on_done, on_error)`` runs ``fn`` on a thread pool; the result or
the exception is posted back to the GUI thread through a queued signal, where the callbacks
run. Workers never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(object, object)  # (result, error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


class CommandRunner(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._in_flight: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        relay = _Relay(self)  # lives on the GUI thread: its signal is delivered there
        self._in_flight.add(relay)
        if len(self._in_flight) == 1:
            self.busy_changed.emit(True)

        @Slot(object, object)
        def finish(result: Any, error: BaseException | None) -> None:
            self._in_flight.discard(relay)
            relay.deleteLater()
            if not self._in_flight:
                self.busy_changed.emit(False)
            if error is not None:
                on_error(error)
            else:
                on_done(result)

        relay.finished.connect(finish)
        self.pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        """Whether a core call has not reported back yet."""
        return bool(self._in_flight)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
