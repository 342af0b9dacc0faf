"""The Receive page: scan a parcel, see its RMA at once, receive it or set it aside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.model import ExceptionCase, PackagingCondition, Receipt
from receiving_station.domain.scan import ScanKind
from receiving_station.ports import PreparedPhoto
from receiving_station.services.receiving import ScanOutcome
from receiving_station.services.station import CommandScanned, LoggedIn, ProductScanned
from receiving_station.services.units import UnitMatch, UnitVerdict, identify_unit
from receiving_station.views import RmaView
from ui.banner import Banner
from ui.errors import Feedback, Level, describe
from ui.labels import reason_label
from ui.parcel_photos import ParcelPhotos
from ui.pin_dialog import PinDialog
from ui.session import StationSession, Who


class ReceivePage(QWidget):
    def __init__(
        self,
        session: StationSession,
        camera_capture: Callable[[], Callable[[], bytes] | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pin_dialog: PinDialog | None = None
        self.setObjectName("receivePage")
        self.session = session
        self.outcome: ScanOutcome | None = None
        self.unknown_text = ""
        self.unit: UnitMatch | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("scanField")
        self.search.setPlaceholderText(
            self.tr("Scan the parcel, or type an RMA, tracking or order number")
        )
        self.search.setAccessibleName(self.tr("RMA, tracking or order number"))
        self.find_button = QPushButton(self.tr("Find"))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.find_button)
        layout.addLayout(search_row)
        self.banner = Banner()
        layout.addWidget(self.banner)

        self.stack = QStackedWidget()
        self.empty = QLabel(
            self.tr(
                "Scan the RMA label, the carrier's tracking label or the order slip.\n"
                "The return appears here at once."
            )
        )
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.card = self._build_card()
        self.stack.addWidget(self.card)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.damaged = QCheckBox(self.tr("Packaging damaged"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on the parcel (optional)"))
        self.note.setAccessibleName(self.tr("Note on the parcel"))
        self.register_button = QPushButton(self.tr("Register unidentified parcel"))
        self.receive_button = QPushButton(self.tr("Receive parcel (F2)"))
        self.receive_button.setObjectName("primary")
        actions.addWidget(self.damaged)
        actions.addWidget(self.note, 1)
        actions.addWidget(self.register_button)
        actions.addWidget(self.receive_button)
        layout.addLayout(actions)
        self.parcel_photos = ParcelPhotos(session, camera_capture)
        self.parcel_photos.said.connect(self.feedback)
        self.parcel_photos.setVisible(False)
        self.damaged.toggled.connect(self.parcel_photos.setVisible)
        layout.addWidget(self.parcel_photos)

        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.find_button.clicked.connect(self._on_search_return_pressed)
        self.receive_button.clicked.connect(self._on_receive_button_clicked)
        self.register_button.clicked.connect(self._on_register_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self._on_receive_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)
        self._refresh_actions()

    # -- building -------------------------------------------------------------------------

    def _build_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("rmaCard")
        grid = QGridLayout(card)
        grid.setHorizontalSpacing(24)
        self.rma_number = QLabel()
        self.rma_number.setObjectName("rmaNumber")
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        self.window_label = QLabel()
        self.window_label.setObjectName("windowLabel")
        self.customer = QLabel()
        self.order = QLabel()
        self.tracking = QLabel()
        self.approval = QLabel(
            self.tr("⚠ Lead approval needed: a lead scans their badge and types their PIN now.")
        )
        self.approval.setObjectName("approval")
        grid.addWidget(self.rma_number, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.window_label, 0, 2, 1, 2)
        for col, (caption, value) in enumerate(
            [
                (self.tr("Customer"), self.customer),
                (self.tr("Order"), self.order),
                (self.tr("Tracking"), self.tracking),
            ]
        ):
            label = QLabel(caption)
            label.setObjectName("caption")
            grid.addWidget(label, 1, col)
            grid.addWidget(value, 2, col)
        grid.addWidget(self.approval, 3, 0, 1, 4)
        self.lines = QTableWidget(0, 5)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Item"),
                self.tr("Qty"),
                self.tr("Reason"),
                self.tr("Customer's note"),
            ]
        )
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        grid.addWidget(self.lines, 4, 0, 1, 4)
        grid.setRowStretch(4, 1)
        return card

    def status_label(self, view: RmaView) -> str:
        if view.receipt is not None:
            return self.tr("Received")
        return {
            "open": self.tr("Expected"),
            "received": self.tr("Received"),
            "closed": self.tr("Closed"),
            "cancelled": self.tr("Cancelled"),
            "declined": self.tr("Declined"),
        }[view.status.value]

    def window_text(self, view: RmaView) -> str:
        until = QLocale().toString(
            QDate(view.expires_on.year, view.expires_on.month, view.expires_on.day),
            QLocale.FormatType.ShortFormat,
        )
        if view.days_left >= 0:
            return self.tr(
                "Return window: %n day(s) left, until {date}", "", view.days_left
            ).format(date=until)
        return self.tr("⚠ Return window passed %n day(s) ago ({date})", "", -view.days_left).format(
            date=until
        )

    # -- rendering ------------------------------------------------------------------------

    def show_rma(self, outcome: ScanOutcome) -> None:
        view = outcome.rma
        self.outcome = outcome
        self.unknown_text = ""
        self.unit = None
        self.rma_number.setText(view.number)
        self.status.setText(self.status_label(view))
        self.window_label.setText(self.window_text(view))
        self.window_label.setProperty("late", view.days_left < 0)
        self.customer.setText(f"{view.customer_name}\n{view.customer_email}")
        self.order.setText(f"{view.order_ref} · {view.channel}")
        self.tracking.setText("\n".join(view.tracking_numbers) or "—")
        self.approval.setVisible(outcome.needs_approval)
        self.lines.setRowCount(len(view.lines))
        for row, line in enumerate(view.lines):
            serial = self.tr(" (serialized)") if line.serialized else ""
            for col, value in enumerate(
                [
                    line.sku,
                    line.description + serial,
                    QLocale().toString(line.quantity),
                    reason_label(line.reason_code),
                    line.reason_note,
                ]
            ):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.lines.setItem(row, col, item)
        self.stack.setCurrentWidget(self.card)
        if outcome.notice is not None:
            self.feedback(describe(outcome.notice))
        else:
            self.banner.clear()
            self.session.acknowledge(Level.SUCCESS)
        self._refresh_actions()

    def show_unit(self, match: UnitMatch) -> None:
        """A product's own barcode: which line of the RMA on screen it is, if any."""
        self.unit = match
        details = [self.tr("GTIN {gtin}").format(gtin=match.gtin)]
        if match.serial:
            details.append(self.tr("serial {serial}").format(serial=match.serial))
        if match.batch:
            details.append(self.tr("batch {batch}").format(batch=match.batch))
        if match.expiry:
            details.append(self.tr("expiry {date}").format(date=match.expiry))
        read = ", ".join(details)
        rma = self.outcome.rma.number if self.outcome else ""
        line = match.line
        if self.outcome is not None:
            for row, row_line in enumerate(self.outcome.rma.lines):
                self._mark_row(row, row_line.sku, line is not None and row_line == line)
        if match.verdict is UnitVerdict.MATCHED and line is not None:
            text = self.tr("Line {n}: {sku} {item} ({read}).").format(
                n=line.line_no, sku=line.sku, item=line.description, read=read
            )
            level = Level.SUCCESS
        elif match.verdict is UnitVerdict.SERIAL_MISMATCH and line is not None:
            text = self.tr(
                "Serial {serial} was not sold on {rma} (line {n}, {sku}). "
                "Set the unit aside for inspection."
            ).format(serial=match.serial, rma=rma, n=line.line_no, sku=line.sku)
            level = Level.WARNING
        elif match.verdict is UnitVerdict.NOT_ON_RMA:
            text = self.tr(
                "This product is not on {rma} ({read}): a wrong or extra item. "
                "Set it aside for inspection."
            ).format(rma=rma, read=read)
            level = Level.WARNING
        else:
            text = self.tr(
                "Product code read ({read}). Scan the parcel's RMA, tracking or order label first."
            ).format(read=read)
            level = Level.INFO
        self.feedback(Feedback(text, level))

    def _mark_row(self, row: int, sku: str, marked: bool) -> None:
        """The line the scanned unit belongs to: a tick and bold text, not colour alone."""
        for col in range(self.lines.columnCount()):
            cell = self.lines.item(row, col)
            if cell is None:
                continue
            if col == 0:
                cell.setText(("✔ " + sku) if marked else sku)
            font = cell.font()
            font.setBold(marked)
            cell.setFont(font)

    def feedback(self, feedback: Feedback) -> None:
        self.banner.show_feedback(feedback)
        self.session.acknowledge(feedback.level)

    def _refresh_actions(self) -> None:
        outcome = self.outcome
        self.receive_button.setEnabled(bool(outcome and outcome.can_receive))
        self.register_button.setVisible(bool(self.unknown_text))

    def clear(self) -> None:
        services = self.session.services
        self.outcome = None
        self.unknown_text = ""
        self.unit = None
        self.damaged.setChecked(False)
        self.parcel_photos.clear()
        self.note.clear()
        self.search.clear()
        self.stack.setCurrentWidget(self.empty)
        self._refresh_actions()
        who = self.session.who
        if who is not None:
            self.session.run(
                lambda: services.release(who.actor),
                lambda _r: None,
                lambda _f, _e: None,
            )

    # -- commands -------------------------------------------------------------------------

    def _on_search_return_pressed(self) -> None:
        text = self.search.text()
        if text.strip():
            self.handle_scan(text)

    def handle_scan(self, text: str | bytes) -> None:
        """A scan (or typed text) arrived: one command to the core, one result rendered."""
        services = self.session.services
        who = self.session.who
        if who is None:
            return
        if self.outcome is not None and self.outcome.needs_approval:
            scan = self.session.services.classify(text)
            if scan.kind is ScanKind.BADGE:
                badge = scan.text
                self.pin_dialog = PinDialog(
                    badge, lambda _badge, pin: self._receive(badge, pin), self
                )
                self.pin_dialog.open()  # the lead's PIN, typed now; never a blocking exec
                return
        self.session.run(
            lambda: services.handle_scan(who.actor, text),
            self._on_scan_done,
            self._on_scan_failed,
        )

    def _on_scan_done(self, result: Any) -> None:
        if isinstance(result, LoggedIn):
            self.session.set_user(Who(result.user, result.actor))
            self.clear()
            self.feedback(
                Feedback(
                    self.tr("Hello {name}.").format(name=result.user.display_name), Level.SUCCESS
                )
            )
        elif isinstance(result, CommandScanned):
            if result.command == "PHOTO" and self.damaged.isChecked():
                self.parcel_photos.take_photo()
            elif result.command == "DONE":
                self._on_receive_button_clicked()
            elif result.command == "CANCEL":
                self.clear()
                self.banner.clear()
            else:
                self.feedback(
                    Feedback(
                        self.tr("The {command} command does nothing on the Receive page.").format(
                            command=result.command
                        ),
                        Level.INFO,
                    )
                )
        elif isinstance(result, ProductScanned):
            self.search.clear()
            self.show_unit(identify_unit(self.outcome.rma if self.outcome else None, result.scan))
        elif isinstance(result, ScanOutcome):
            self.search.clear()
            self.show_rma(result)

    def _on_scan_failed(self, feedback: Feedback, error: BaseException) -> None:
        from receiving_station.errors import PinNeeded, UnknownScan

        if isinstance(error, PinNeeded):  # a lead's badge: their PIN completes the switch
            self.banner.show_feedback(feedback)
            self._switch_with_pin(str(error.params["badge"]), feedback)
            return
        self.outcome = None
        self.unknown_text = str(error.params["text"]) if isinstance(error, UnknownScan) else ""
        self.stack.setCurrentWidget(self.empty)
        self.banner.show_feedback(feedback)
        self._refresh_actions()

    def _switch_with_pin(self, badge: str, feedback: Feedback) -> None:
        services = self.session.services

        def entered(_badge: str, pin: str) -> None:
            self.session.run(
                lambda: services.login_badge_pin(badge, pin),
                self._on_scan_done,
                lambda failed, _e: self.feedback_only(failed),
            )

        self.pin_dialog = PinDialog.switch_user(badge, feedback.text, entered, self)

    def _on_receive_button_clicked(self) -> None:
        if self.outcome is None or not self.outcome.can_receive:
            return
        if self.outcome.needs_approval:
            self.feedback(Feedback(self.approval.text(), Level.WARNING))
            return
        self._receive(lead_badge=None)

    def _receive(self, lead_badge: str | None, lead_pin: str = "") -> None:
        services = self.session.services
        who, outcome = self.session.who, self.outcome
        if who is None or outcome is None:
            return
        packaging, note, photos = self._parcel_condition()
        self.session.run(
            lambda: services.receive(
                who.actor,
                [outcome.rma.id],
                packaging=packaging,
                note=note,
                lead_badge=lead_badge,
                photos=photos,
                lead_pin=lead_pin,
            ),
            lambda receipt: self._on_received(outcome.rma, receipt),
            lambda feedback, _e: self.feedback_only(feedback),
        )

    def _parcel_condition(self) -> tuple[PackagingCondition, str, list[PreparedPhoto]]:
        """The packaging, the note and (damaged packaging) the parcel's photos."""
        damaged = self.damaged.isChecked()
        packaging = PackagingCondition.DAMAGED if damaged else PackagingCondition.GOOD
        photos = list(self.parcel_photos.photos) if damaged else []
        return packaging, self.note.text(), photos

    def feedback_only(self, feedback: Feedback) -> None:
        self.banner.show_feedback(feedback)

    def _on_received(self, view: RmaView, receipt: Receipt) -> None:
        self.clear()
        self.feedback(
            Feedback(
                self.tr(
                    "Parcel for {rma} received ({units} unit(s) expected). Next parcel."
                ).format(rma=view.number, units=view.units_expected),
                Level.SUCCESS,
            )
        )

    def _on_register_button_clicked(self) -> None:
        services = self.session.services
        who, text = self.session.who, self.unknown_text
        if who is None or not text:
            return
        packaging, note, photos = self._parcel_condition()
        self.session.run(
            lambda: services.register_unidentified(
                who.actor, text, note=note, packaging=packaging, photos=photos
            ),
            self._on_registered,
            lambda feedback, _e: self.feedback_only(feedback),
        )

    def _on_registered(self, case: ExceptionCase) -> None:
        self.clear()
        self.feedback(
            Feedback(
                self.tr(
                    "Unidentified parcel set aside in quarantine as {ref}. A lead will link it."
                ).format(ref=case.reference),
                Level.SUCCESS,
            )
        )
