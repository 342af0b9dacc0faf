"""What a lead reads before deciding on an exception: the customer and why they sent it back,
every answer the inspector gave, and every photo (a click shows it full size)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from receiving_station.services.context import Actor
from receiving_station.services.inspection_views import InspectionView
from receiving_station.services.leads import QueueRow
from receiving_station.views import RmaView
from ui.labels import reason_label
from ui.session import StationSession
from ui.step_summary import answer_text, language
from workflows.definition import StepKind, text

MAX_PHOTOS = 8
"""Thumbnails shown; the evidence pack has them all."""


@dataclass(frozen=True)
class CaseFacts:
    view: InspectionView | None
    rma: RmaView | None
    thumbnails: tuple[tuple[str, bytes], ...]


def gather(services: Any, actor: Actor, row: QueueRow) -> CaseFacts:
    """Off the GUI thread: the unit's inspection, its RMA and its photos' thumbnails."""
    case = row.case
    view = services.inspection(actor, case.inspection_id) if case.inspection_id else None
    rma = services.lookup(actor, row.rma) if row.rma else None
    refs: list[str] = []
    if view is not None:
        for step in view.steps:
            if step.kind is StepKind.PHOTO:
                refs += [str(r) for r in view.progress.answers.get(step.id, ()) or ()]
    if not refs and row.thumbnail:
        refs = [row.thumbnail]
    thumbnails = tuple((ref, services.photo_thumbnail(actor, ref)) for ref in refs[:MAX_PHOTOS])
    return CaseFacts(view, rma, thumbnails)


class CaseDetail(QWidget):
    unit_read = Signal(str)
    """The selected case's unit is read: its license plate ("" when it has none)."""
    failed = Signal(object)
    """A :class:`~ui.errors.Feedback` for the page's banner."""

    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.asked = 0
        """Counts reads: the answer for a case no longer selected is dropped."""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.customer = QLabel()
        self.customer.setWordWrap(True)
        self.answers = QLabel()
        self.answers.setObjectName("caption")
        self.answers.setWordWrap(True)
        self.answers.setAccessibleName(self.tr("The inspector's answers"))
        self.photos = QHBoxLayout()
        self.photos.setSpacing(6)
        column.addWidget(self.customer)
        column.addWidget(self.answers)
        column.addLayout(self.photos)
        self.show_facts(None, "")

    def read(self, row: QueueRow | None) -> None:
        """Show ``row``'s context once read off the GUI thread; None clears."""
        self.asked += 1
        who = self.session.who
        if row is None or who is None:
            self.show_facts(None, "")
            return
        asked, services = self.asked, self.session.services

        def show(facts: CaseFacts) -> None:
            if asked == self.asked:
                self.show_facts(facts, row.sku)
                self.unit_read.emit(facts.view.inspection.lpn if facts.view is not None else "")

        self.session.run(
            lambda: gather(services, who.actor, row), show, lambda f, _e: self.failed.emit(f)
        )

    def show_photo(self, ref: str) -> None:
        """The photo full size, in a window of its own."""

        def shown(data: bytes) -> None:
            dialog = QDialog(self)
            dialog.setWindowTitle(ref)
            layout = QVBoxLayout(dialog)
            label = QLabel()
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            label.setPixmap(pixmap)
            layout.addWidget(label)
            dialog.open()

        services, who = self.session.services, self.session.who
        if who is None:
            return
        actor = who.actor
        self.session.run(
            lambda: services.photo(actor, ref), shown, lambda f, _e: self.failed.emit(f)
        )

    def show_facts(self, facts: CaseFacts | None, sku: str) -> None:
        while (item := self.photos.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        if facts is None:
            self.customer.clear()
            self.answers.clear()
            self.customer.setVisible(False)
            self.answers.setVisible(False)
            return
        lines = []
        if (rma := facts.rma) is not None:
            lines.append(
                self.tr("{customer} · order {order} · {channel}").format(
                    customer=rma.customer_name, order=rma.order_ref, channel=rma.channel
                )
            )
            reasons = [line for line in rma.lines if line.sku == sku] or list(rma.lines[:1])
            for line in reasons:
                why = reason_label(line.reason_code)
                if line.reason_note:
                    why = f"{why} ({line.reason_note})"
                lines.append(self.tr("Customer's reason: {reason}").format(reason=why))
        self.customer.setText("\n".join(lines))
        self.customer.setVisible(bool(lines))
        answered = []
        if (view := facts.view) is not None:
            lang = language()
            for step in view.steps:
                if step.kind is StepKind.PHOTO:
                    continue
                value = view.progress.answers.get(step.id)
                if value is not None:
                    answered.append(f"{text(step.question, lang)} — {answer_text(step, value)}")
        self.answers.setText("\n".join(answered))
        self.answers.setVisible(bool(answered))
        for n, (ref, data) in enumerate(facts.thumbnails, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            button = QPushButton()
            button.setObjectName("photoThumb")
            button.setIcon(QIcon(pixmap))
            button.setIconSize(QSize(96, 72))
            button.setAccessibleName(self.tr("Photo {n}: show it full size").format(n=n))
            button.clicked.connect(lambda _c=False, r=ref: self.show_photo(r))
            self.photos.addWidget(button)
        self.photos.addStretch(1)
