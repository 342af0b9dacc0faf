"""The status bar's words, always true: who is logged in, this station, the database, the
serial scanner and the printer. Trouble is marked with ⚠ and words, never colour alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from receiving_station.domain.model import PrintStatus, Station, User


def _mark(label: QLabel, alarm: bool) -> None:
    label.setProperty("alarm", alarm)
    label.style().unpolish(label)
    label.style().polish(label)


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, database: str) -> None:
        super().__init__(bar)
        self.user = QLabel()
        self.station = QLabel()
        self.database = QLabel()
        self.database.setToolTip(database)
        self.serial = QLabel()
        self.serial.setObjectName("serialState")
        self.printer = QLabel()
        self.printer.setObjectName("printerState")
        for label in (self.user, self.station, self.database, self.serial, self.printer):
            bar.addWidget(label)
        self.queue_button = QPushButton(self.tr("Print queue…"))
        self.queue_button.setObjectName("printQueueButton")
        self.queue_button.setVisible(False)
        bar.addWidget(self.queue_button)

    def show_user(self, user: User | None) -> None:
        if user is None:
            self.user.setText(self.tr("Nobody logged in"))
            return
        role = {
            "receiver": self.tr("receiver"),
            "inspector": self.tr("inspector"),
            "lead": self.tr("lead"),
            "admin": self.tr("admin"),
        }[user.role.value]
        self.user.setText(
            self.tr("User: {name} ({role})").format(name=user.display_name, role=role)
        )

    def show_station(self, station: Station) -> None:
        self.station.setText(self.tr("Station: {name}").format(name=station.name))
        self.station.setToolTip(station.location)

    def show_database(self, ok: bool, embedded: bool) -> None:
        kind = self.tr("embedded") if embedded else self.tr("shared")
        if ok:
            self.database.setText(self.tr("Database: {kind}, connected").format(kind=kind))
        else:
            self.database.setText(self.tr("⚠ Database: {kind}, NOT reachable").format(kind=kind))
        _mark(self.database, not ok)

    def show_serial(self, port: str | None, problem: str = "") -> None:
        """``port`` None: no serial scanner; a problem: what went wrong."""
        self.serial.setVisible(port is not None or bool(problem))
        if problem:
            self.serial.setText("⚠ " + problem)
        elif port is not None:
            self.serial.setText(self.tr("Serial scanner: {port} ready").format(port=port))
        _mark(self.serial, bool(problem))

    def show_print_queue(self, waiting: list[Any]) -> None:
        """The labels not printed yet; those in doubt (they may have printed) come first,
        since only a person can settle them."""
        doubt = [j for j in waiting if j.status is PrintStatus.IN_DOUBT]
        if not waiting:
            self.printer.setText(self.tr("Printer: ready"))
        elif doubt:
            self.printer.setText(
                self.tr("⚠ %n label(s) in doubt: check the printer", "", len(doubt))
            )
            self.printer.setToolTip(
                self.tr("Open the print queue: mark each label printed, or reprint it.")
            )
        else:
            why = waiting[-1].last_error or self.tr("waiting to print")
            self.printer.setText(self.tr("⚠ Printer: %n label(s) waiting", "", len(waiting)))
            self.printer.setToolTip(why)
        self.queue_button.setVisible(bool(waiting))
        _mark(self.printer, bool(waiting))
