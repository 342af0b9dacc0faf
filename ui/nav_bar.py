"""The row of pages at the top of the window: one big tab per page, its name over its
function key, shown only to the roles that may open it; then the window's own actions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

EVERYONE = frozenset({"receiver", "inspector", "lead", "admin"})
INSPECTORS = frozenset({"inspector", "lead", "admin"})
LEADS = frozenset({"lead", "admin"})
ADMINS = frozenset({"admin"})


class NavBar(QWidget):
    chosen = Signal(QWidget)
    """A tab was clicked or its key pressed: the page to show."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.setObjectName("nav")
        self._window = window
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(24, 10, 24, 0)
        self.row.addStretch(1)
        self.tabs: dict[QWidget, tuple[QPushButton, frozenset[str]]] = {}

    def add(
        self, page: QWidget, words: str, key: Qt.Key, roles: Iterable[str] = EVERYONE
    ) -> QPushButton:
        sequence = QKeySequence(key)
        keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        tab = QPushButton(f"{words}\n{keys}")
        tab.setObjectName("navTab")
        tab.setCheckable(True)
        tab.setAccessibleName(words)
        tab.setToolTip(f"{words} ({keys})")
        tab.clicked.connect(lambda: self.chosen.emit(page))
        QShortcut(sequence, self._window, lambda: self.chosen.emit(page))
        self.row.insertWidget(len(self.tabs), tab)
        self.tabs[page] = (tab, frozenset(roles))
        return tab

    def add_action(self, button: QPushButton) -> None:
        button.setObjectName(button.objectName() or "navAction")
        self.row.addWidget(button)

    def allows(self, page: QWidget, role: str) -> bool:
        return page not in self.tabs or role in self.tabs[page][1]

    def show_for(self, role: str) -> None:
        for tab, roles in self.tabs.values():
            tab.setVisible(role in roles)

    def mark(self, page: QWidget) -> None:
        for shown, (tab, _roles) in self.tabs.items():
            tab.setChecked(shown is page)
