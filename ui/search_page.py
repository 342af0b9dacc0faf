"""Search and history (F9, leads): scan or type any number on a parcel, a unit or its paperwork,
or part of the customer's name; pick what was found and read everything that happened to it,
oldest first; print its label again from there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receiving_station.ports import Hit
from receiving_station.services.history import History
from ui.banner import Banner
from ui.errors import Feedback, Level, format_param
from ui.labels import disposition_label
from ui.session import StationSession
from ui.tables import fill, pick_list


def _details(details: Mapping[str, Any]) -> str:
    shown = ", ".join(
        f"{key}: {value}" for key, value in details.items() if value not in ("", None, [], {})
    )
    return shown if len(shown) <= 90 else shown[:89] + "…"


class SearchPage(QWidget):
    label_queued = Signal()
    """A label was queued again: the window prints it."""

    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self.session = session
        self.hits: list[Hit] = []
        self.history: History | None = None
        self.asked = 0
        """Counts questions: an answer to one no longer on screen is dropped."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        ask = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("scanField")
        self.search.setPlaceholderText(
            self.tr("Scan or type an RMA, order, tracking number, license plate, SKU or customer")
        )
        self.search.setAccessibleName(self.tr("What to find"))
        self.search.returnPressed.connect(self.find_now)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("primary")
        self.find_button.clicked.connect(self.find_now)
        ask.addWidget(self.search, 1)
        ask.addWidget(self.find_button)
        outer.addLayout(ask)
        self.found = pick_list(
            [
                self.tr("Found"),
                self.tr("Reference"),
                self.tr("RMA"),
                self.tr("SKU"),
                self.tr("Customer"),
                self.tr("Status"),
                self.tr("Matched on"),
            ]
        )
        self.found.setAccessibleName(self.tr("What the search found"))
        self.found.itemSelectionChanged.connect(self._on_found_item_selection_changed)
        outer.addWidget(self.found, 2)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        outer.addWidget(self.empty)
        heading = QHBoxLayout()
        self.title = QLabel(self.tr("Choose what was found to read its history"))
        self.title.setObjectName("caption")
        heading.addWidget(self.title, 1)
        self.lpn = QComboBox()
        self.lpn.setAccessibleName(self.tr("License plate to print again"))
        self.reprint_button = QPushButton(self.tr("Print the label again"))
        self.reprint_button.clicked.connect(self.reprint)
        heading.addWidget(self.lpn)
        heading.addWidget(self.reprint_button)
        outer.addLayout(heading)
        self.timeline = pick_list(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Record"),
                self.tr("Who"),
                self.tr("Station"),
                self.tr("Details"),
            ]
        )
        self.timeline.setAccessibleName(self.tr("History, oldest first"))
        outer.addWidget(self.timeline, 3)
        self._show_history(None)

    # -- words ----------------------------------------------------------------------------

    def kind_words(self, kind: str) -> str:
        return {
            "rma": self.tr("RMA"),
            "unit": self.tr("Unit"),
            "exception": self.tr("Exception"),
        }.get(kind, kind)

    def matched_words(self, matched: str) -> str:
        return {
            "rma": self.tr("RMA number"),
            "order": self.tr("order number"),
            "tracking": self.tr("tracking number"),
            "lpn": self.tr("license plate"),
            "unit": self.tr("unit reference"),
            "sku": self.tr("SKU or product barcode"),
            "customer": self.tr("customer"),
            "exception": self.tr("exception reference"),
            "parcel": self.tr("what was scanned on the parcel"),
        }.get(matched, matched)

    def status_words(self, status: str) -> str:
        """RMA, unit and exception states, and a decided unit's disposition."""
        words = {
            "open": self.tr("open"),
            "received": self.tr("received"),
            "closed": self.tr("closed"),
            "cancelled": self.tr("cancelled"),
            "declined": self.tr("declined"),
            "waiting": self.tr("waiting"),
            "in_progress": self.tr("in progress"),
            "awaiting_lead": self.tr("awaiting a lead"),
            "completed": self.tr("decided"),
            "in_review": self.tr("in review"),
            "resolved": self.tr("resolved"),
        }
        return words.get(status) or disposition_label(status)

    def action_words(self, action: str) -> str:
        return {
            "receive": self.tr("Parcel received"),
            "parcel.received": self.tr("Parcel received"),
            "parcel.photo": self.tr("Photo of the parcel"),
            "register_unidentified": self.tr("Registered as unidentified"),
            "rma.import.created": self.tr("RMA imported"),
            "rma.import.updated": self.tr("RMA updated by an import"),
            "close": self.tr("RMA closed"),
            "inspection.start": self.tr("Inspection started"),
            "inspection.answer": self.tr("Answer recorded"),
            "inspection.skip": self.tr("Step skipped"),
            "inspection.photo": self.tr("Photo taken"),
            "inspection.photo_removed": self.tr("Photo removed"),
            "inspection.complete": self.tr("Inspection completed"),
            "label.queued": self.tr("Label queued"),
            "label.printed": self.tr("Label printed"),
            "label.failed": self.tr("Label not printed"),
            "label.reprint": self.tr("Label printed again"),
            "label.relabel": self.tr("New label for the lead's decision"),
            "label.in_doubt": self.tr("Label in doubt: may have printed"),
            "label.confirmed_printed": self.tr("Label marked printed after a check"),
            "exception_open": self.tr("Exception opened"),
            "exception.opened": self.tr("Exception opened"),
            "exception_in_review": self.tr("Exception in review"),
            "exception_resolved": self.tr("Exception resolved"),
            "exception.approve": self.tr("Approved by a lead"),
            "exception.override": self.tr("Disposition overridden"),
            "exception.send_back": self.tr("Sent back for re-inspection"),
            "exception.link": self.tr("Linked to its RMA"),
            "exception.resolve": self.tr("Resolved with a note"),
        }.get(action, action)

    # -- finding --------------------------------------------------------------------------

    def find_now(self) -> None:
        who = self.session.who
        if who is None:
            return
        text, services = self.search.text(), self.session.services
        self.asked += 1
        asked = self.asked
        self.session.run(
            lambda: services.search(who.actor, text),
            lambda hits: self._show_hits(text, hits) if asked == self.asked else None,
            lambda f, _e: self.banner.show_feedback(f),  # what was typed stays in the field
        )

    def _show_hits(self, text: str, hits: list[Hit]) -> None:
        self.hits = hits
        self.banner.clear()
        fill(
            self.found,
            [
                [
                    self.kind_words(h.kind),
                    h.lpn or h.key if h.kind == "unit" else h.key,
                    h.rma,
                    h.sku,
                    h.customer,
                    self.status_words(h.status),
                    self.matched_words(h.matched),
                ]
                for h in hits
            ],
        )
        self.empty.setText(
            self.tr(
                "Nothing matches “{text}”. Check the number, or search by the customer."
            ).format(text=text.strip())
        )
        self.empty.setVisible(not hits)
        self._show_history(None)
        if hits:
            self.found.selectRow(0)

    def _on_found_item_selection_changed(self) -> None:
        rows = self.found.selectionModel().selectedRows()
        who = self.session.who
        if not rows or who is None:
            return
        hit = self.hits[rows[0].row()]
        services = self.session.services
        self.asked += 1
        asked = self.asked
        self.session.run(
            lambda: services.history(who.actor, hit.kind, hit.key),
            lambda history: self._show_history(history) if asked == self.asked else None,
            lambda f, _e: self.banner.show_feedback(f),
        )

    def _show_history(self, history: History | None) -> None:
        self.history = history
        if history is None:
            self.title.setText(self.tr("Choose what was found to read its history"))
            fill(self.timeline, [])
        else:
            self.title.setText(self.tr("History of {key}, oldest first").format(key=history.key))
            fill(
                self.timeline,
                [
                    [
                        format_param(e.at),
                        self.action_words(e.action),
                        e.reference,
                        e.who,
                        e.station,
                        _details(e.details),
                    ]
                    for e in history.entries
                ],
            )
        self.lpn.clear()
        for lpn in history.lpns if history else ():
            self.lpn.addItem(lpn, lpn)
        self.lpn.setVisible(self.lpn.count() > 1)
        self.reprint_button.setEnabled(self.lpn.count() > 0)

    # -- actions --------------------------------------------------------------------------

    def reprint(self) -> None:
        who, lpn = self.session.who, self.lpn.currentData()
        if who is None or not lpn:
            return
        services, shown = self.session.services, self.history

        def done(job: Any) -> None:
            self.label_queued.emit()
            self.banner.show_feedback(
                Feedback(self.tr("Label {lpn} printed again.").format(lpn=job.lpn), Level.SUCCESS)
            )
            self.session.acknowledge(Level.SUCCESS)
            if shown is not None and shown is self.history:  # the reprint is in it now
                self.asked += 1
                asked = self.asked
                self.session.run(
                    lambda: services.history(who.actor, shown.kind, shown.key),
                    lambda history: self._show_history(history) if asked == self.asked else None,
                    lambda f, _e: self.banner.show_feedback(f),
                )

        self.session.run(
            lambda: services.reprint(who.actor, lpn),
            done,
            lambda f, _e: self.banner.show_feedback(f),
        )

    def scanned(self, raw: str | bytes) -> None:
        """Whatever is scanned here is searched at once."""
        self.search.setText(raw if isinstance(raw, str) else raw.decode("utf-8", "replace"))
        self.find_now()

    def refresh(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
