"""The floor lead's page: every exception from every station, oldest first, filtered, and
read again when anything changes anywhere (at once where the database announces changes,
PostgreSQL's LISTEN/NOTIFY; within 3 seconds by polling otherwise); one selected, its facts
and photo, and the decisions (approve, override, send back, link, resolve), each one core
call. A decision the core says needs the deciding lead's badge and PIN asks for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.model import ExceptionKind
from receiving_station.domain.scan import ScanKind
from receiving_station.errors import DecisionNeedsPin
from receiving_station.ports import ChangeFeed, ChangeFeedOpener
from receiving_station.services.leads import QueueFilter, QueueRow
from ui.banner import Banner
from ui.case_detail import CaseDetail
from ui.errors import Feedback, Level, format_param
from ui.labels import disposition_label, exception_kind_label, resolution_label
from ui.pin_dialog import PinDialog
from ui.session import StationSession
from ui.tables import pick_list
from ui.threads import GuiInbox
from workflows.definition import DISPOSITIONS

REFRESH_MS = 3000
"""How often the page asks whether anything changed at any station (well within 5 s)."""


class ExceptionsPage(QWidget):
    label_queued = Signal()
    """A label was queued: the window prints it."""
    history_requested = Signal(str)
    """The selected case's unit, RMA or own reference: its history is wanted."""

    def __init__(
        self,
        session: StationSession,
        change_feed: ChangeFeedOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsPage")
        self.session = session
        self.open_feed = change_feed
        self.feed: ChangeFeed | None = None
        self.lpn = ""
        """The selected unit's license plate, once its context is read."""
        # the feed's thread says "something changed" through this channel; several
        # announcements before the page reads again are one read
        self.inbox = GuiInbox(self)
        self.announced = self.inbox.channel(self._on_announced_changed, latest=True)
        self.rows: list[QueueRow] = []
        self.selected: QueueRow | None = None
        self.signature: tuple[int, ...] = ()
        self.thumbnails: dict[str, bytes] = {}
        self.pin_dialog: PinDialog | None = None
        """The deciding lead's badge and PIN, asked when a decision needs them."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        filters = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of exception"))
        self.kind.addItem(self.tr("Every kind"), "")
        for kind in ExceptionKind:
            self.kind.addItem(exception_kind_label(kind.value), kind.value)
        self.station = QComboBox()
        self.station.setAccessibleName(self.tr("Station"))
        self.station.addItem(self.tr("Every station"), "")
        self.min_age = QSpinBox()
        self.min_age.setAccessibleName(self.tr("Older than, in hours"))
        self.min_age.setRange(0, 720)
        self.min_age.setSuffix(self.tr(" h or older"))
        self.min_age.setSpecialValueText(self.tr("Any age"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for words, code in (
            (self.tr("Waiting for a lead"), "waiting"),
            (self.tr("Open"), "open"),
            (self.tr("In review"), "in_review"),
            (self.tr("Decided today"), "resolved"),
        ):
            self.status.addItem(words, code)
        for widget in (self.kind, self.station, self.min_age, self.status):
            filters.addWidget(widget)
        filters.addStretch(1)
        outer.addLayout(filters)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        left = QVBoxLayout()
        self.table = pick_list(
            [
                self.tr("Age"),
                self.tr("Kind"),
                self.tr("Station"),
                self.tr("Inspector"),
                self.tr("Unit"),
                self.tr("RMA"),
                self.tr("SKU"),
            ]
        )
        self.empty = QLabel(self.tr("No exception matches these filters."))
        self.empty.setObjectName("emptyState")
        self.empty.setVisible(False)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        row.addLayout(left, 3)
        row.addWidget(self._detail(), 3)
        for combo in (self.kind, self.station, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.min_age.valueChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.poll = QTimer(self)
        self.poll.setInterval(REFRESH_MS)
        self.poll.timeout.connect(self.check_for_changes)

    def _detail(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        facts = QWidget()
        about = QVBoxLayout(facts)
        about.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()  # the facts scroll; the decisions stay in reach
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(facts)
        column.addWidget(scroll, 1)
        form = QFormLayout()
        column.addLayout(form)
        self.title = QLabel(self.tr("Choose an exception"))
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.context = CaseDetail(self.session)
        self.context.failed.connect(self.banner.show_feedback)
        self.context.unit_read.connect(self._on_context_unit_read)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note or reason (a few words)"))
        self.note.setAccessibleName(self.tr("Note or reason"))
        self.disposition = QComboBox()
        self.disposition.setAccessibleName(self.tr("Disposition for an override"))
        for code in DISPOSITIONS:
            self.disposition.addItem(disposition_label(code), code)
        self.rma = QLineEdit()
        self.rma.setPlaceholderText(self.tr("RMA, order or tracking number"))
        self.rma.setAccessibleName(self.tr("RMA to link the parcel to"))
        self.buttons: dict[str, QPushButton] = {}
        for decision, words in (
            ("approve", self.tr("Approve")),
            ("override", self.tr("Override")),
            ("send_back", self.tr("Send back")),
            ("link", self.tr("Link to the RMA")),
            ("resolve", self.tr("Resolve with the note")),
        ):
            button = QPushButton(words)
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            self.buttons[decision] = button
        self.buttons["approve"].setObjectName("primary")
        about.addWidget(self.title)
        about.addWidget(self.facts)
        about.addWidget(self.context)
        about.addStretch(1)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.buttons["approve"])
        form.addRow(self.disposition, self.buttons["override"])
        form.addRow(self.rma)
        form.addRow(self.buttons["link"])
        pair = QHBoxLayout()
        pair.addWidget(self.buttons["send_back"])
        pair.addWidget(self.buttons["resolve"])
        form.addRow(pair)
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.clicked.connect(self._on_history_button_clicked)
        self.label_button = QPushButton(self.tr("Print the label"))
        self.label_button.clicked.connect(self._on_label_button_clicked)
        more = QHBoxLayout()
        more.addWidget(self.history_button)
        more.addWidget(self.label_button)
        form.addRow(more)
        self._show_selected()
        return box

    # -- reading --------------------------------------------------------------------------

    def wanted(self) -> QueueFilter:
        return QueueFilter(
            kind=str(self.kind.currentData() or ""),
            station=str(self.station.currentData() or ""),
            min_age_hours=float(self.min_age.value()),
            status=str(self.status.currentData() or "waiting"),
        )

    def refresh(self) -> None:
        who = self.session.who
        if who is None:
            return
        services, wanted, known = self.session.services, self.wanted(), dict(self.thumbnails)

        def work() -> tuple[list[QueueRow], dict[str, bytes], tuple[int, ...]]:
            signature = services.queue_signature()
            rows = services.exception_queue(who.actor, wanted)
            for r in rows:
                if r.thumbnail and r.thumbnail not in known:
                    known[r.thumbnail] = services.photo_thumbnail(who.actor, r.thumbnail)
            return rows, known, signature

        self.session.run(work, self._show, lambda f, _e: self.banner.show_feedback(f))

    def check_for_changes(self) -> None:
        """Read the queue again when anything changed at any station."""
        if self.session.who is None or not self.isVisible():
            return
        services = self.session.services

        def changed(signature: tuple[int, ...]) -> None:
            if signature != self.signature:
                self.refresh()

        self.session.run(services.queue_signature, changed, lambda _f, _e: None)

    def _show(self, result: tuple[list[QueueRow], dict[str, bytes], tuple[int, ...]]) -> None:
        rows, self.thumbnails, self.signature = result
        keep = self.selected.case.id if self.selected else None
        self.rows = rows
        for name in sorted({r.station for r in rows if r.station}):
            if self.station.findData(name) < 0:
                self.station.addItem(name, name)
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            late = "⚠ " if r.past_sla else ""
            cells = [
                late + self.tr("{h} h").format(h=int(r.age_hours)),
                exception_kind_label(r.case.kind.value),
                r.station,
                r.inspector,
                r.unit,
                r.rma,
                r.sku,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.past_sla:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("Past its SLA"))
                    if c == 0:
                        item.setData(
                            Qt.ItemDataRole.AccessibleTextRole,
                            self.tr("{age}, past its SLA").format(age=text.removeprefix(late)),
                        )
                if c == 1 and r.thumbnail in self.thumbnails:
                    pixmap = QPixmap()
                    pixmap.loadFromData(self.thumbnails[r.thumbnail])
                    item.setIcon(QIcon(pixmap))
                self.table.setItem(n, c, item)
        self.empty.setVisible(not rows)
        self.selected = next((r for r in rows if r.case.id == keep), None)
        self._show_selected()

    def _on_table_item_selection_changed(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        self.selected = self.rows[picked[0].row()] if picked else None
        self._show_selected()

    def _on_history_button_clicked(self) -> None:
        if (r := self.selected) is not None:
            self.history_requested.emit(r.unit or r.rma or r.case.reference)

    def _show_selected(self) -> None:
        r = self.selected
        self.history_button.setEnabled(r is not None)
        for button in self.buttons.values():
            button.setEnabled(r is not None and r.case.resolved_at is None)
        if r is None:
            self.title.setText(self.tr("Choose an exception"))
            self.facts.clear()
            self.context.read(None)
            self.label_button.setVisible(False)
            return
        case = r.case
        self.title.setText(f"{case.reference} · {exception_kind_label(case.kind.value)}")
        lines = [
            self.tr("Opened {when} at {station}").format(
                when=format_param(case.opened_at), station=r.station
            ),
            self.tr("Unit {unit} · RMA {rma} · SKU {sku}").format(
                unit=r.unit or "—", rma=r.rma or "—", sku=r.sku or "—"
            ),
        ]
        if case.note:
            lines.append(case.note)
        if case.resolution:
            lines.append(self.tr("Decided: {what}").format(what=resolution_label(case.resolution)))
        self.facts.setText("\n".join(lines))
        self.label_button.setVisible(False)
        self.context.read(r)
        unidentified = case.kind is ExceptionKind.UNIDENTIFIED_PARCEL
        self.buttons["link"].setVisible(unidentified)
        self.rma.setVisible(unidentified)
        has_unit = case.inspection_id is not None  # approve, override, send back: a unit's
        for decision in ("approve", "override", "send_back"):
            self.buttons[decision].setVisible(has_unit)
        self.disposition.setVisible(has_unit)

    def _on_context_unit_read(self, lpn: str) -> None:
        self.lpn = lpn
        self.label_button.setVisible(bool(lpn))

    def _on_label_button_clicked(self) -> None:
        who, lpn = self.session.who, self.lpn
        if who is None or not lpn:
            return
        services = self.session.services

        def done(job: Any) -> None:
            self.label_queued.emit()
            self.banner.show_feedback(
                Feedback(
                    self.tr("Label {lpn} sent to the printer.").format(lpn=job.lpn), Level.SUCCESS
                )
            )

        self.session.run(
            lambda: services.reprint(who.actor, lpn),
            done,
            lambda f, _e: self.banner.show_feedback(f),
        )

    # -- deciding -------------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        r = self.selected
        if r is None or r.case.id is None:
            return
        note, rma = self.note.text(), self.rma.text()
        disposition = str(self.disposition.currentData())
        self._decide(r.case.id, r.case.version, decision, note, disposition, rma)

    def _decide(
        self,
        case_id: int,
        version: int,
        decision: str,
        note: str,
        disposition: str,
        rma: str,
        badge: str = "",
        pin: str = "",
    ) -> None:
        """One decision; one the core says needs the deciding lead's badge and PIN opens
        the dialog that asks them, and is sent again with them, as it was."""
        who = self.session.who
        if who is None:
            return
        services = self.session.services

        def done(case: Any) -> None:
            self.banner.show_feedback(
                Feedback(
                    self.tr("{ref} decided: {what}").format(
                        ref=case.reference, what=resolution_label(case.resolution)
                    ),
                    Level.SUCCESS,
                )
            )
            self.session.acknowledge(Level.SUCCESS)
            self.label_queued.emit()  # an approval or an override queued the unit's label
            self.note.clear()
            self.rma.clear()
            self.refresh()

        def failed(feedback: Feedback, error: BaseException) -> None:
            self.banner.show_feedback(feedback)  # what the lead typed stays in the fields
            if isinstance(error, DecisionNeedsPin):
                self._ask_pin(error, case_id, version, decision, note, disposition, rma)
                return
            self.refresh()  # another lead may have decided it: show the case as it is now

        self.session.run(
            lambda: services.decide_exception(
                who.actor,
                case_id,
                version,
                decision,
                note=note,
                disposition=disposition,
                rma=rma,
                lead_badge=badge,
                lead_pin=pin,
            ),
            done,
            failed,
        )

    def _ask_pin(
        self,
        error: DecisionNeedsPin,
        case_id: int,
        version: int,
        decision: str,
        note: str,
        disposition: str,
        rma: str,
    ) -> None:
        question = self.tr(
            "{ref}: {why} needs the deciding lead's badge and PIN: scan or type your badge, "
            "then type your PIN."
        ).format(**{k: format_param(v) for k, v in error.params.items()})

        def entered(badge: str, pin: str) -> None:
            self._decide(case_id, version, decision, note, disposition, rma, badge, pin)

        self.pin_dialog = PinDialog("", entered, self, question)
        self.pin_dialog.setWindowTitle(self.tr("Lead decision"))
        self.pin_dialog.open()  # never a blocking exec: the window stays live

    def scanned(self, raw: str | bytes) -> None:
        """A label scanned here is the RMA an unidentified parcel is linked to."""
        text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        scan = self.session.services.classify(text)
        dialog = self.pin_dialog
        if dialog is not None and dialog.isVisible():
            if scan.kind is ScanKind.BADGE:  # the deciding lead's badge, asked for now
                dialog.badge_scanned(scan.text)
            return
        self.rma.setText(scan.text)

    def _on_announced_changed(self) -> None:
        if self.session.who is not None and self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        self.poll.start()  # also while the feed is down: never more than seconds behind
        if self.open_feed is not None and self.feed is None:
            self.feed = self.open_feed(self.announced)
            self.feed.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.poll.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        super().hideEvent(event)
