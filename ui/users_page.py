"""The Users page (admins): the people of the dock, their roles, badges and PINs, and who
is locked out of log-in (a lock can be lifted here; leads do it on their Dashboard).

Each change is one core call; the core checks the admin and refuses a duplicate badge, a
weak PIN or an empty name with a message, and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.model import User
from receiving_station.domain.scan import ScanKind
from ui.banner import Banner
from ui.errors import Feedback, Level
from ui.lockouts_panel import LockoutsPanel
from ui.session import StationSession

ROLES = ("receiver", "inspector", "lead", "admin")


class UsersPage(QWidget):
    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.session = session
        self.users: list[User] = []
        self.editing: User | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.lockouts = LockoutsPanel(session, self.banner)
        layout.addWidget(self.lockouts)
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("User name"),
                self.tr("Role"),
                self.tr("Badge"),
                self.tr("State"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        row.addWidget(self.table, 3)

        form_box = QWidget()
        form_box.setObjectName("userForm")
        form = QFormLayout(form_box)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.username = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for code, words in zip(
            ROLES,
            (self.tr("receiver"), self.tr("inspector"), self.tr("lead"), self.tr("admin")),
            strict=True,
        ):
            self.role.addItem(words, code)
        self.badge = QLineEdit()
        self.badge.setPlaceholderText("BDG-…")
        self.language = QComboBox()
        self.language.addItem(self.tr("Station's language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("4 to 8 digits"))
        form.addRow(self.title)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Badge"), self.badge)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New user"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.active_button = QPushButton()
        self.pin_button = QPushButton(self.tr("Set PIN"))
        self.badge_button = QPushButton(self.tr("Print badge"))
        self.badge_button.setAccessibleName(self.tr("Print this user's badge label"))
        for b in (
            self.new_button,
            self.save_button,
            self.active_button,
            self.pin_button,
            self.badge_button,
        ):
            buttons.addWidget(b)
        form.addRow(buttons)
        row.addWidget(form_box, 2)
        self.new_button.clicked.connect(self.new_user)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.pin_button.clicked.connect(self._on_pin_button_clicked)
        self.badge_button.clicked.connect(self._on_badge_button_clicked)
        self.new_user()

    # -- rendering ------------------------------------------------------------------------

    def refresh(self) -> None:
        services = self.session.services
        who = self.session.who
        if who is None:
            return
        self.lockouts.refresh()
        self.session.run(
            lambda: services.list_users(who.actor),
            self._show_users,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def _show_users(self, users: list[User]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            state = self.tr("active") if u.active else self.tr("deactivated")
            role = self.role.itemText(ROLES.index(u.role.value))
            for c, value in enumerate([u.display_name, u.username, role, u.badge_code, state]):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                self.table.setItem(r, c, item)
        if self.editing is not None:
            self.editing = next((u for u in users if u.id == self.editing.id), None)
            self._fill(self.editing)

    def new_user(self) -> None:
        self.table.clearSelection()
        self._fill(None)

    def _fill(self, user: User | None) -> None:
        self.editing = user
        self.title.setText(user.display_name if user else self.tr("New user"))
        self.username.setText(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.name.setText(user.display_name if user else "")
        self.role.setCurrentIndex(ROLES.index(user.role.value) if user else 0)
        self.badge.setText(user.badge_code if user else "")
        self.language.setCurrentIndex(max(0, self.language.findData(user.language if user else "")))
        self.pin.clear()
        self.active_button.setVisible(user is not None)
        self.pin_button.setVisible(user is not None)
        self.badge_button.setVisible(user is not None)
        if user is not None:
            self.active_button.setText(
                self.tr("Deactivate") if user.active else self.tr("Reactivate")
            )

    def _on_table_item_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._fill(self.users[rows[0].row()])

    def badge_scanned(self, raw: str | bytes) -> None:
        """A new badge card scanned on this page goes into the badge field."""
        scan = self.session.services.classify(raw)
        if scan.kind is ScanKind.BADGE:
            self.badge.setText(scan.text)
        else:
            self.banner.show_feedback(
                Feedback(self.tr("Scan a badge card (BDG-…) to give it to this user."), Level.INFO)
            )

    # -- changes --------------------------------------------------------------------------

    def _run(self, fn: Any, done_words: str) -> None:
        def done(user: User) -> None:
            self.editing = user
            self.banner.show_feedback(
                Feedback(done_words.format(name=user.display_name), Level.SUCCESS)
            )
            self.session.acknowledge(Level.SUCCESS)
            self.refresh()

        self.session.run(fn, done, lambda feedback, _e: self.banner.show_feedback(feedback))

    def save(self) -> None:
        who, services = self.session.who, self.session.services
        if who is None:
            return
        name, role = self.name.text(), str(self.role.currentData())
        badge, language = self.badge.text(), str(self.language.currentData())
        user = self.editing
        if user is None:
            username, pin = self.username.text(), self.pin.text()
            self._run(
                lambda: services.create_user(who.actor, username, name, role, badge, pin, language),
                self.tr("{name} created."),
            )
            return
        assert user.id is not None
        user_id, version = user.id, user.version
        self._run(
            lambda: services.update_user(
                who.actor, user_id, version, name=name, role=role, badge=badge, language=language
            ),
            self.tr("{name} saved."),
        )

    def _on_active_button_clicked(self) -> None:
        services = self.session.services
        who, user = self.session.who, self.editing
        if who is None or user is None or user.id is None:
            return
        user_id, version, active = user.id, user.version, not user.active
        words = self.tr("{name} reactivated.") if active else self.tr("{name} deactivated.")
        self._run(
            lambda: services.set_user_active(who.actor, user_id, version, active),
            words,
        )

    def _on_pin_button_clicked(self) -> None:
        services = self.session.services
        who, user = self.session.who, self.editing
        if who is None or user is None or user.id is None:
            return
        user_id, version, pin = user.id, user.version, self.pin.text()
        self._run(
            lambda: services.set_user_pin(who.actor, user_id, version, pin),
            self.tr("New PIN saved for {name}."),
        )

    def _on_badge_button_clicked(self) -> None:
        services = self.session.services
        who, user = self.session.who, self.editing
        if who is None or user is None or user.id is None:
            return
        user_id = user.id
        self._run(
            lambda: services.print_badge(who.actor, user_id),
            self.tr("Badge of {name} sent to the printer."),
        )
