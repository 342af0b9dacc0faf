"""Importing RMA files from the window: the button (leads and admins), a file chosen, the
import run off the GUI thread with its progress in the status bar, and what it did said
plainly. The watched import folder reports its progress through the same label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from ui.errors import Feedback, Level
from ui.session import StationSession
from ui.threads import every


class Importer(QObject):
    said = Signal(object)
    """The :class:`Feedback` for the page on screen."""

    def __init__(self, session: StationSession, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.label = QLabel()
        self.label.setObjectName("importState")
        self.label.setVisible(False)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setMaximumWidth(200)
        self.bar.setVisible(False)
        self.button = QPushButton(self.tr("Import RMAs…"))
        self.button.clicked.connect(self._on_button_clicked)
        # (file name, RMAs done, RMAs in the file) from the worker thread, at most five times
        # a second; through the runner's own channel, so it never arrives after the result
        self.progress = session.runner.inbox.channel(self._on_progress, latest=True)
        self.progress_shown = 0
        self.last_progress: tuple[int, int] | None = None
        self.problems_box: QMessageBox | None = None
        """The last import's problems, every one of them (the banner has room for one)."""

    def reporter(self, name: str | None = None) -> Callable[..., None]:
        """A progress callback for the worker: ``(done, total)`` for the file ``name``, or
        ``(name, done, total)`` for the watched folder's files."""
        channel = self.progress
        if name is not None:
            return every(0.2, lambda done, total: channel(name, done, total))
        throttled: dict[str, Callable[[int, int], None]] = {}

        def report(file: str, done: int, total: int) -> None:
            if file not in throttled:
                throttled[file] = every(0.2, lambda d, t: channel(file, d, t))
            throttled[file](done, total)

        return report

    def _on_progress(self, name: str, done: int, total: int) -> None:
        self.progress_shown += 1
        self.last_progress = (done, total)
        self.label.setVisible(done < total)
        self.bar.setVisible(done < total)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(
            self.tr("Importing {file}: {done} / {total} RMAs").format(
                file=name, done=done, total=total
            )
        )

    def _on_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import RMAs"), "", self.tr("Return files (*.csv *.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import a file off the GUI thread, its progress in the status bar."""
        who = self.session.who
        if who is None:
            return
        services, progress = self.session.services, self.reporter(path.name)

        def work() -> Any:
            return services.import_file(who.actor, path, progress)

        self.session.run(work, lambda report: self._on_imported(path, report), self._on_failed)

    def _on_imported(self, path: Path, report: Any) -> None:
        self.label.setVisible(False)
        self.bar.setVisible(False)
        text = self.tr(
            "{file}: {created} created, {updated} updated, {unchanged} unchanged."
        ).format(
            file=path.name,
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
        )
        level = Level.SUCCESS
        if report.problems:
            first = report.problems[0]
            text += " " + self.tr("{n} problem(s), first: {where}: {reason}").format(
                n=len(report.problems),
                where=first.place.render(QCoreApplication.translate),
                reason=first.why.render(QCoreApplication.translate),
            )
            level = Level.WARNING
            self._list_problems(path, report)
        self.said.emit(Feedback(text, level))

    def _list_problems(self, path: Path, report: Any) -> None:
        """Every problem of the file, in a box that does not stop the window (it is opened,
        not executed); the text can be selected and copied, e.g. into a mail to the shop."""
        if self.problems_box is not None:
            self.problems_box.close()
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Import RMAs"))
        box.setText(
            self.tr(
                "{file}: {n} problem(s). The RMAs they concern were not imported, the others "
                "were. Correct them in the file and import it again: what was imported is "
                "found unchanged."
            ).format(file=path.name, n=len(report.problems))
        )
        box.setDetailedText(
            "\n".join(p.describe(QCoreApplication.translate) for p in report.problems)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.problems_box = box
        box.open()

    def _on_failed(self, feedback: Feedback, _error: BaseException) -> None:
        self.label.setVisible(False)
        self.bar.setVisible(False)
        self.said.emit(feedback)
