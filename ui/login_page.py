"""Log-in: scan a badge (the usual way), or type a user name and PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.banner import Banner


class LoginPage(QWidget):
    pin_login_requested = Signal(str, str)
    badge_pin_login_requested = Signal(str, str)
    """A badge scanned by a role that also types a PIN (badge, PIN)."""

    def __init__(self, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        outer.addStretch(1)
        self.title = QLabel(self.tr("Scan your badge to start"))
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        hint = QLabel(self.tr("No badge? Log in with your user name and PIN."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(hint)
        self.banner = Banner()
        outer.addWidget(self.banner)

        form_box = QWidget()
        form_box.setMaximumWidth(520)
        form = QFormLayout(form_box)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("PIN"), self.pin)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primary")
        form.addRow(self.login_button)
        outer.addWidget(form_box, 0, Qt.AlignmentFlag.AlignHCenter)
        self.demo_hint = QLabel(
            self.tr(
                "Demo data: badges BDG-1001 (receiver), BDG-1002 (inspector), BDG-1003 (lead, "
                "PIN 3333), BDG-1004 (admin, PIN 4444); or user alice, PIN 1111."
            )
        )
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(demo)
        outer.addWidget(self.demo_hint)
        outer.addStretch(2)
        self.pending_badge = ""
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.pin.returnPressed.connect(self._on_login_button_clicked)

    def ask_pin_for(self, badge: str) -> None:
        """The badge was read; its role logs in with a PIN too: ask for it."""
        self.pending_badge = badge
        self.username.setText(badge)
        self.username.setReadOnly(True)
        self.pin.clear()
        self.pin.setFocus()

    def _on_login_button_clicked(self) -> None:
        if self.pending_badge and self.pin.text():
            self.badge_pin_login_requested.emit(self.pending_badge, self.pin.text())
            self.pin.clear()
            return
        if self.username.text().strip() and self.pin.text():
            self.pin_login_requested.emit(self.username.text(), self.pin.text())

    def reset(self) -> None:
        self.pending_badge = ""
        self.username.setReadOnly(False)
        self.pin.clear()
        self.username.clear()

    def focus_first(self) -> None:
        """User name first; the PIN only while a badge waits for its PIN."""
        (self.pin if self.pending_badge else self.username).setFocus()
