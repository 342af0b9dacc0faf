"""Importing RMA files from the window: the button (leads and admins), a file chosen, the
import run off the GUI thread with its progress in the status bar, and what it did said
plainly. The watched import folder reports its progress through the same label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from ui.errors import Feedback, Level
from ui.session import StationSession


class Importer(QObject):
    progress = Signal(str, int, int)
    """File name, RMAs done, RMAs in the file: emitted from the worker thread."""
    said = Signal(object)
    """The :class:`Feedback` for the page on screen."""

    def __init__(self, session: StationSession, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.label = QLabel()
        self.label.setObjectName("importState")
        self.label.setVisible(False)
        self.button = QPushButton(self.tr("Import RMAs…"))
        self.button.clicked.connect(self._on_button_clicked)
        self.progress.connect(self._on_progress)

    def _on_progress(self, name: str, done: int, total: int) -> None:
        self.label.setVisible(done < total)
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
        services, progress = self.session.services, self.progress

        def work() -> Any:
            return services.import_file(
                who.actor, path, lambda d, t: progress.emit(path.name, d, t)
            )

        self.session.run(work, lambda report: self._on_imported(path, report), self._on_failed)

    def _on_imported(self, path: Path, report: Any) -> None:
        self.label.setVisible(False)
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
                n=len(report.problems), where=first.where, reason=first.reason
            )
            level = Level.WARNING
        self.said.emit(Feedback(text, level))

    def _on_failed(self, feedback: Feedback, _error: BaseException) -> None:
        self.label.setVisible(False)
        self.said.emit(feedback)
