"""The print queue: this station's labels not printed yet, with why, and the labels in doubt
(the station stopped, or the printer went silent, while one was being sent: it may have
printed). Nothing in doubt is sent again by itself: a person looks at the printer and either
marks the label printed or reprints it; both are audited."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from receiving_station import errors
from receiving_station.domain.model import UNIT, PrintJob, PrintStatus, reference
from ui.errors import Feedback, format_param
from ui.session import StationSession
from ui.tables import fill, pick_list

# The errors a job's ``last_error`` can hold (English, as saved), read back into words.
_SAVED = (
    errors.PrintInterrupted,
    errors.PrintOutcomeUnknown,
    errors.PrintCutShort,
    errors.PrinterNotReady,
    errors.PrinterUnavailable,
    errors.LabelDoesNotFit,
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)(?:![rsa])?\}", template)
    body = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(body + r"\Z", re.DOTALL)


_PATTERNS = [(kind, _pattern(kind.template)) for kind in _SAVED]


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def reason_words(saved: str) -> str:
    """A job's saved reason in the station's language (as saved when it is not known)."""
    for kind, pattern in _PATTERNS:
        found = pattern.match(saved)
        if found is None:
            continue
        params: dict[str, Any] = dict(found.groupdict())
        if "condition" in params:  # a Zebra's words, one by one ("paper out, paused")
            params["condition"] = ", ".join(_tr(p) for p in params["condition"].split(", "))
        for key in ("sent", "total", "seconds"):
            if key in params and params[key].isdigit():
                params[key] = int(params[key])
        words = {k: v if k == "condition" else format_param(v) for k, v in params.items()}
        try:
            return _tr(kind.template).format(**words)
        except (KeyError, IndexError, ValueError):
            return saved
    return saved


class PrintQueueDialog(QDialog):
    settled = Signal()
    """A label in doubt was marked printed or queued again: the window prints and shows."""

    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.jobs: list[PrintJob] = []
        self.setObjectName("printQueue")
        self.setWindowTitle(self.tr("Print queue"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Labels of this station not printed yet. A label in doubt may have printed: "
                "look at the printer, then say what you found. It is never printed again "
                "by itself."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = pick_list(
            [
                self.tr("License plate"),
                self.tr("Unit"),
                self.tr("Queued at"),
                self.tr("State"),
                self.tr("Tries"),
                self.tr("Why"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        layout.addWidget(self.table, 1)
        self.why = QLabel()  # the selected label's reason, whole
        self.why.setObjectName("queueWhy")
        self.why.setWordWrap(True)
        layout.addWidget(self.why)
        self.feedback = QLabel()
        self.feedback.setObjectName("queueFeedback")
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        self.printed_button = QPushButton(self.tr("It printed: mark it printed"))
        self.printed_button.clicked.connect(self._on_printed_button_clicked)
        self.reprint_button = QPushButton(self.tr("It did not print: reprint it"))
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.printed_button, self.reprint_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1100, 480)
        self._on_table_item_selection_changed()

    def state_words(self, job: PrintJob) -> str:
        return {
            PrintStatus.PENDING: self.tr("waiting"),
            PrintStatus.SENDING: self.tr("being sent"),
            PrintStatus.FAILED: self.tr("failed, tried again later"),
            PrintStatus.IN_DOUBT: self.tr("⚠ in doubt: check the printer"),
        }.get(job.status, job.status.value)

    def show_jobs(self, jobs: list[PrintJob]) -> None:
        self.jobs = list(jobs)
        fill(
            self.table,
            [
                [
                    j.lpn,
                    reference(UNIT, j.inspection_id) if j.inspection_id else "",
                    format_param(j.created_at),
                    self.state_words(j),
                    str(j.attempts),
                    reason_words(j.last_error),
                ]
                for j in self.jobs
            ],
        )
        doubtful = [n for n, j in enumerate(self.jobs) if j.status is PrintStatus.IN_DOUBT]
        if doubtful:
            self.table.selectRow(doubtful[0])
        self._on_table_item_selection_changed()

    def refresh(self) -> None:
        self.session.run(self.session.services.print_queue, self.show_jobs, self._failed)

    def selected(self) -> PrintJob | None:
        rows = self.table.selectionModel().selectedRows()
        return self.jobs[rows[0].row()] if rows and rows[0].row() < len(self.jobs) else None

    def _on_table_item_selection_changed(self) -> None:
        job = self.selected()
        self.why.setText(reason_words(job.last_error) if job is not None else "")
        doubt = job is not None and job.status is PrintStatus.IN_DOUBT
        self.printed_button.setEnabled(doubt)
        self.reprint_button.setEnabled(doubt)

    def _settle(self, reprint: bool) -> None:
        job, who = self.selected(), self.session.who
        if job is None or job.id is None:
            return
        if who is None:
            self.feedback.setText(self.tr("Log in first: who settled the label is recorded."))
            return
        services, actor, job_id, lpn = self.session.services, who.actor, job.id, job.lpn
        if reprint:
            work = lambda: services.reprint_in_doubt(actor, job_id)  # noqa: E731
            said = self.tr("{lpn}: queued again as a reprint.").format(lpn=lpn)
        else:
            work = lambda: services.confirm_printed(actor, job_id)  # noqa: E731
            said = self.tr("{lpn}: marked printed.").format(lpn=lpn)

        def done(_job: Any) -> None:
            self.feedback.setText(said)
            self.settled.emit()
            self.refresh()

        self.session.run(work, done, self._failed)

    def _on_printed_button_clicked(self) -> None:
        self._settle(reprint=False)

    def _on_reprint_button_clicked(self) -> None:
        self._settle(reprint=True)

    def _failed(self, feedback: Feedback, _error: BaseException) -> None:
        self.feedback.setText(feedback.text)
