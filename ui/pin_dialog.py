"""The PIN asked of a lead at the moment they approve with their badge: a badge is only a
printed code that anyone can copy or type; the PIN is what the lead knows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PinDialog(QDialog):
    """Window-modal, opened with ``open()`` (never ``exec``): the GUI thread stays free.
    ``entered`` is called with the PIN on OK; nothing is called on Cancel."""

    def __init__(self, badge: str, entered: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Lead approval"))
        layout = QVBoxLayout(self)
        self.question = QLabel(
            self.tr("Badge {badge}: type your PIN to approve.").format(badge=badge)
        )
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        layout.addWidget(self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._entered = entered
        self.accepted.connect(self._on_self_accepted)

    def _on_self_accepted(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        self._entered(pin)
