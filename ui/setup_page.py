"""First start on an empty database: name this station and create the first admin, or fill
the database with demo data to try the station. Shown instead of the log-in page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.model import User
from receiving_station.domain.scan import ScanKind
from receiving_station.station_app import StationApp
from ui.banner import Banner
from ui.errors import Feedback, Level
from ui.session import StationSession

DEMO_RMAS = 200


class SetupPage(QWidget):
    admin_created = Signal(str, str)
    """The first admin's user name and PIN: the window logs them in."""
    demo_filled = Signal()

    def __init__(self, session: StationSession, app: StationApp, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.session, self.app = session, app
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        title = QLabel(self.tr("Welcome. Let's put this station into service."))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "The database is empty. Name this station and create the first admin, who then "
                "adds the dock's people, prints their badges and sets the return policy."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.banner = Banner()
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        real = QGroupBox(self.tr("Start for real"))
        form = QFormLayout(real)
        self.station_name = QLineEdit(app.station.name)
        self.station_name.setMaxLength(40)
        self.location = QLineEdit(app.station.location)
        self.location.setPlaceholderText(self.tr("Dock 2, zone B"))
        self.name = QLineEdit()
        self.username = QLineEdit()
        self.badge = QLineEdit()
        self.badge.setPlaceholderText(self.tr("BDG-… (scan a new badge card, or type)"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("4 to 8 digits"))
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(QLabel(self.tr("The first admin")))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Badge"), self.badge)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.create_button = QPushButton(self.tr("Create the admin and start"))
        self.create_button.setObjectName("primary")
        form.addRow(self.create_button)
        row.addWidget(real, 3)

        demo = QGroupBox(self.tr("Just trying it?"))
        column = QVBoxLayout(demo)
        words = QLabel(
            self.tr(
                "Fill the database with demo people and {n} returns. Log in with the demo "
                "badges (BDG-1001 to BDG-1004). Never on the warehouse's shared database."
            ).format(n=DEMO_RMAS)
        )
        words.setWordWrap(True)
        column.addWidget(words)
        self.demo_button = QPushButton(self.tr("Fill with demo data"))
        column.addWidget(self.demo_button)
        column.addStretch(1)
        row.addWidget(demo, 2)
        self.create_button.clicked.connect(self.create_admin)
        self.demo_button.clicked.connect(self.fill_demo)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def badge_scanned(self, raw: str | bytes) -> None:
        """A new badge card scanned here becomes the first admin's badge."""
        scan = self.session.services.classify(raw)
        if scan.kind is ScanKind.BADGE:
            self.badge.setText(scan.text)
        else:
            self.banner.show_feedback(
                Feedback(self.tr("Scan a badge card (BDG-…) to give it to the admin."), Level.INFO)
            )

    def create_admin(self) -> None:
        hardware = self.app.hardware
        if hardware is None:
            return
        if self.pin.text() != self.pin_again.text():
            self.banner.show_feedback(
                Feedback(self.tr("The two PINs differ. Nothing was saved."), Level.ERROR)
            )
            return
        station, location = self.station_name.text(), self.location.text()
        username, name = self.username.text().strip(), self.name.text()
        badge, pin = self.badge.text(), self.pin.text()

        def done(_admin: User) -> None:
            self.session.acknowledge(Level.SUCCESS)
            self.admin_created.emit(username, pin)

        self.session.run(
            lambda: hardware.first_admin(station, location, username, name, badge, pin),
            done,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def fill_demo(self) -> None:
        hardware = self.app.hardware
        if hardware is None:
            return
        self.demo_button.setEnabled(False)
        self.banner.show_feedback(Feedback(self.tr("Filling in demo data…"), Level.INFO))

        def failed(feedback: Feedback, _e: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.banner.show_feedback(feedback)

        self.session.run(
            lambda: hardware.fill_demo(DEMO_RMAS), lambda _r: self.demo_filled.emit(), failed
        )
