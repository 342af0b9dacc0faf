"""Running blocking core calls off the GUI thread.

``CommandRunner.submit(fn, on_done, on_error)`` runs ``fn`` on one of the runner's worker
threads (plain Python threads); the result or the exception comes back through a
:class:`~ui.threads.Channel` and the callbacks run on the GUI thread. The worker holds only
``fn`` and a ticket number, never the callbacks, and ``fn`` may hold no Qt object (checked
at submit): nothing Qt is created, touched or released on a worker thread.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.threads import Channel, GuiInbox, check_holds_no_qt

Job = tuple[int, Callable[[], Any]]


class _Workers:
    """The threads and their queue: plain Python, so a thread holds nothing of Qt."""

    def __init__(self, threads: int, finished: Channel) -> None:
        self.jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self.finished = finished
        self.stopped = False
        self.unfinished = 0
        self.idle = threading.Condition()
        self.threads = [
            threading.Thread(target=self.work, name=f"station-worker-{n}", daemon=True)
            for n in range(threads)
        ]
        for thread in self.threads:
            thread.start()

    def put(self, job: Job) -> None:
        with self.idle:
            self.unfinished += 1
        self.jobs.put(job)

    def work(self) -> None:
        """A worker thread: run jobs, post what came of them."""
        while (job := self.jobs.get()) is not None:
            ticket, fn = job
            del job
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            del fn  # the job's captures are released here: plain values, no Qt
            self.finished(ticket, result, error)
            del result, error
            with self.idle:
                self.unfinished -= 1
                self.idle.notify_all()

    def wait(self, seconds: float) -> bool:
        with self.idle:
            return self.idle.wait_for(lambda: self.unfinished == 0, seconds)

    def stop(self) -> None:
        self.stopped = True
        for _thread in self.threads:
            self.jobs.put(None)


class CommandRunner(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.inbox = GuiInbox(self)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]]
        self._waiting = {}
        self._tickets = itertools.count(1)
        self._threads = threads
        self._workers = _Workers(threads, self.inbox.channel(self._on_job_finished))

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn`` off the GUI thread; then ``on_done(result)`` or ``on_error(exc)`` on it."""
        check_holds_no_qt(fn)
        ticket = next(self._tickets)
        self._waiting[ticket] = (on_done, on_error)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        if self._workers.stopped:  # a window closed, then shown again
            self._workers = _Workers(self._threads, self._workers.finished)
        self._workers.put((ticket, fn))

    def _on_job_finished(self, ticket: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._waiting.pop(ticket, None)
        if callbacks is None:
            return
        if not self._waiting:
            self.busy_changed.emit(False)
        on_done, on_error = callbacks
        if error is not None:
            on_error(error)
        else:
            on_done(result)

    @property
    def busy(self) -> bool:
        """Whether a core call has not reported back yet."""
        return bool(self._waiting)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every submitted job has run (its result may still be on its way to
        the GUI thread); ``False`` if that took longer than ``msecs``."""
        return self._workers.wait(msecs / 1000)

    def stop(self) -> None:
        """The worker threads end once the jobs already submitted have run; results that
        arrive after this are dropped. A job submitted later starts new threads."""
        self._waiting.clear()
        self._workers.stop()
