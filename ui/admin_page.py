"""The admin's pages, one tab each: the people, the return policy, this station's settings."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from receiving_station.station_app import StationApp
from ui.policy_page import PolicyPage
from ui.session import StationSession
from ui.settings_page import SettingsPage
from ui.users_page import UsersPage


class AdminPage(QTabWidget):
    def __init__(
        self, session: StationSession, app: StationApp, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.users_page = UsersPage(session)
        self.policy_page = PolicyPage(session)
        self.settings_page = SettingsPage(session, app)
        self.addTab(self.users_page, self.tr("Users"))
        self.addTab(self.policy_page, self.tr("Return policy"))
        self.addTab(self.settings_page, self.tr("This station"))
        self.currentChanged.connect(self._on_current_changed)

    def refresh(self) -> None:
        self._on_current_changed(self.currentIndex())

    def _on_current_changed(self, _index: int) -> None:
        page = self.currentWidget()
        if page is self.users_page:
            self.users_page.refresh()
        elif page is self.policy_page:
            self.policy_page.refresh()
        else:
            self.settings_page.refresh()

    def handle_scan(self, raw: str | bytes) -> None:
        """A badge card for the Users tab; anything for the scanner test on Settings."""
        page = self.currentWidget()
        if page is self.settings_page:
            self.settings_page.scanned(raw)
        else:
            self.users_page.badge_scanned(raw)
