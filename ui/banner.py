"""A non-modal message strip: a word and a symbol as well as a colour, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.errors import Feedback, Level


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(self.tr("Message"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.symbol = QLabel()
        self.symbol.setObjectName("bannerSymbol")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.symbol)
        layout.addWidget(self.text, 1)
        self.level: Level | None = None
        self.hide()

    def _words(self, level: Level) -> tuple[str, str]:
        return {
            Level.SUCCESS: ("✔", self.tr("Done")),
            Level.INFO: ("ℹ", self.tr("Note")),
            Level.WARNING: ("⚠", self.tr("Attention")),
            Level.ERROR: ("✖", self.tr("Problem")),
        }[level]

    def show_feedback(self, feedback: Feedback) -> None:
        symbol, word = self._words(feedback.level)
        self.level = feedback.level
        self.setProperty("level", feedback.level.value)
        self.symbol.setText(f"{symbol} {word}:")
        self.text.setText(feedback.text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def clear(self) -> None:
        self.level = None
        self.text.clear()
        self.hide()
