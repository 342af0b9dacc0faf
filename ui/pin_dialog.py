"""The badge and PIN asked of a lead at the moment they approve or decide: a badge is only
a printed code that anyone can copy or type; the PIN is what the lead knows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PinDialog(QDialog):
    """Window-modal, opened with ``open()`` (never ``exec``): the GUI thread stays free.
    ``entered`` is called with the badge and the PIN on OK; nothing is called on Cancel.

    With a ``badge`` already scanned only the PIN is asked; without, the badge too (scanned
    into the field by :meth:`badge_scanned`, or typed)."""

    def __init__(
        self,
        badge: str,
        entered: Callable[[str, str], None],
        parent: QWidget,
        question: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Lead approval"))
        layout = QVBoxLayout(self)
        if not question:
            question = self.tr("Badge {badge}: type your PIN to approve.").format(badge=badge)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.badge = QLineEdit(badge)
        self.badge.setPlaceholderText(self.tr("Scan or type your badge"))
        self.badge.setAccessibleName(self.tr("Badge"))
        self.badge.setVisible(not badge)
        layout.addWidget(self.badge)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setAccessibleName(self.tr("PIN"))
        layout.addWidget(self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(buttons)
        for button in buttons.buttons():  # Enter moves from the badge to the PIN, then OK:
            if isinstance(button, QPushButton):  # never OK with the PIN still empty
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.badge.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.accept)
        self._entered = entered
        self.accepted.connect(self._on_self_accepted)
        (self.badge if not badge else self.pin).setFocus()

    @classmethod
    def switch_user(
        cls, badge: str, question: str, entered: Callable[[str, str], None], parent: QWidget
    ) -> PinDialog:
        """A lead's or an admin's badge scanned while someone else is logged in: their PIN
        completes the change of user; Cancel keeps whoever is logged in."""
        dialog = cls(badge, entered, parent, question)
        dialog.setWindowTitle(dialog.switch_title())
        dialog.open()  # never a blocking exec: the window stays live
        return dialog

    def switch_title(self) -> str:
        return self.tr("Change of user")

    def badge_scanned(self, badge: str) -> None:
        """A badge scanned while the dialog is open: it is the one asked for."""
        self.badge.setText(badge)
        self.pin.setFocus()

    def _on_self_accepted(self) -> None:
        badge, pin = self.badge.text().strip(), self.pin.text()
        self.pin.clear()
        self._entered(badge, pin)
