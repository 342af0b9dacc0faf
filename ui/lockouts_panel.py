"""The users and stations locked out of log-in now, and a lead or an admin lifting a lock
(one core call, checked and audited there)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.services.lockouts import Lockout
from ui.banner import Banner
from ui.errors import Feedback, Level, format_param
from ui.session import StationSession


class LockoutsPanel(QWidget):
    def __init__(self, session: StationSession, banner: Banner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockoutsPanel")
        self.session, self.banner = session, banner
        self.locks: list[Lockout] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Locked out of log-in"))
        self.title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Users and stations locked out of log-in"))
        self.table.setHorizontalHeaderLabels([self.tr("Who"), self.tr("Kind"), self.tr("Until")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setMaximumHeight(140)
        self.none = QLabel(self.tr("Nobody is locked out."))
        self.unlock_button = QPushButton(self.tr("Lift the lock"))
        self.unlock_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        column.addWidget(self.table)
        column.addWidget(self.none)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)

    def refresh(self) -> None:
        who, services = self.session.who, self.session.services
        if who is None:
            return
        self.session.run(
            lambda: services.lockouts(who.actor),
            self._show,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def _show(self, locks: list[Lockout]) -> None:
        self.locks = locks
        self.table.setRowCount(len(locks))
        for r, lock in enumerate(locks):
            kind = self.tr("user") if lock.kind == "user" else self.tr("station")
            for c, text in enumerate((lock.display, kind, format_param(lock.until))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setVisible(bool(locks))
        self.none.setVisible(not locks)
        self.unlock_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_table_item_selection_changed(self) -> None:
        self.unlock_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_unlock_button_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        who, services = self.session.who, self.session.services
        if who is None or not rows:
            return
        lock = self.locks[rows[0].row()]
        user = lock.name if lock.kind == "user" else ""
        place = lock.name if lock.kind == "station" else ""

        def done(_none: object) -> None:
            self.banner.show_feedback(
                Feedback(
                    self.tr("The lock on {who} is lifted.").format(who=lock.display),
                    Level.SUCCESS,
                )
            )
            self.session.acknowledge(Level.SUCCESS)
            self.refresh()

        self.session.run(
            lambda: services.unlock(who.actor, username=user, station=place),
            done,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )
