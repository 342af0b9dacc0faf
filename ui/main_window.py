"""The station window: log-in and Receive pages, and a status bar that is always true."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_station.ports import CameraFrame, ScanSource
from receiving_station.services.station import LoggedIn
from receiving_station.station_app import StationApp
from ui.admin_page import AdminPage
from ui.camera_panel import CameraPanel
from ui.errors import Feedback, Level, describe
from ui.inspect_page import InspectPage
from ui.login_page import LoginPage
from ui.receive_page import ReceivePage
from ui.scanner_filter import ScannerFilter
from ui.session import StationSession, Who
from ui.setup_page import SetupPage
from ui.sounds import Sounds
from ui.worker import CommandRunner

HEALTH_CHECK_MS = 15_000
IDLE_CHECK_MS = 5_000
PRINT_RETRY_MS = 10_000


class _ActivityFilter(QObject):
    """Notes when someone last touched the station: a key, a click, a scan."""

    _KINDS = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._KINDS:
            self.last = time.monotonic()
        return False


class _ImportBridge(QObject):
    """Carries an import's progress from the worker thread to the status bar."""

    progress = Signal(str, int, int)


class _SerialBridge(QObject):
    """Carries the serial scanner thread's callbacks into the GUI thread."""

    scan = Signal(object)
    error = Signal(object)


class MainWindow(QMainWindow):
    def __init__(self, app: StationApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(
            self.tr("Receiving Station — {station}").format(station=app.station.name)
        )
        self.runner = CommandRunner(self)
        self.sounds = Sounds(app.config.sounds, self)
        self.session = StationSession(app.services, self.runner, self.sounds)
        self.scanner = ScannerFilter(app.new_wedge_decoder(), self)
        self.scanner.scan_received.connect(self._on_scanner_scan_received)

        self.pages = QStackedWidget()
        self.login_page = LoginPage(app.demo)
        self.receive_page = ReceivePage(self.session)
        self.inspect_page = InspectPage(
            self.session, app.config.workflows_dir, self._camera_picture
        )
        self.inspect_page.user_switched.connect(self._on_inspect_page_user_switched)
        self.inspect_page.label_queued.connect(self.print_labels)
        self.pages.addWidget(self.login_page)
        self.pages.addWidget(self.receive_page)
        self.pages.addWidget(self.inspect_page)
        self.admin_page = AdminPage(self.session, app)
        self.users_page = self.admin_page.users_page
        self.settings_page = self.admin_page.settings_page
        self.settings_page.saved.connect(self._on_settings_page_saved)
        self.pages.addWidget(self.admin_page)
        self.setup_page = SetupPage(self.session, app)
        self.setup_page.admin_created.connect(self._on_setup_page_admin_created)
        self.setup_page.demo_filled.connect(self._on_setup_page_demo_filled)
        self.pages.addWidget(self.setup_page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.nav = QWidget()
        self.nav.setObjectName("nav")
        nav_row = QHBoxLayout(self.nav)
        self.nav_row = nav_row
        nav_row.setContentsMargins(24, 10, 24, 0)
        self.receive_tab = QPushButton(self.tr("Receive (F5)"))
        self.inspect_tab = QPushButton(self.tr("Inspect (F6)"))
        self.admin_tab = QPushButton(self.tr("Admin (F7)"))
        for tab in (self.receive_tab, self.inspect_tab, self.admin_tab):
            tab.setCheckable(True)
            tab.setObjectName("navTab")
            nav_row.addWidget(tab)
        nav_row.addStretch(1)
        self.receive_tab.clicked.connect(lambda: self.show_page(self.receive_page))
        self.inspect_tab.clicked.connect(lambda: self.show_page(self.inspect_page))
        self.admin_tab.clicked.connect(lambda: self.show_page(self.admin_page))
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, lambda: self.show_page(self.admin_page))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, lambda: self.show_page(self.receive_page))
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, lambda: self.show_page(self.inspect_page))
        column.addWidget(self.nav)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.login_page.pin_login_requested.connect(self._on_login_page_pin_login_requested)

        bar = self.statusBar()
        self.user_label = QLabel()
        self.station_label = QLabel()
        self._show_station()
        self.database_label = QLabel()
        self.database_label.setToolTip(app.database_label)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.logout)
        for widget in (self.user_label, self.station_label, self.database_label):
            bar.addWidget(widget)
        self.serial_label = QLabel()
        self.serial_label.setObjectName("serialState")
        bar.addWidget(self.serial_label)
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printerState")
        bar.addWidget(self.printer_label)
        self.import_label = QLabel()
        self.import_label.setObjectName("importState")
        self.import_label.setVisible(False)
        bar.addWidget(self.import_label)
        self.import_button = QPushButton(self.tr("Import RMAs…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.nav_row.addWidget(self.import_button)
        self.import_bridge = _ImportBridge(self)
        self.import_bridge.progress.connect(self._on_import_progress)
        self.camera_button = QPushButton(self.tr("Camera (F8)"))
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._on_camera_button_toggled)
        self.nav_row.addWidget(self.camera_button)  # the status bar keeps room for its words
        self.nav_row.addWidget(self.logout_button)

        self.camera = CameraPanel(app.open_camera)
        self.camera.scan_received.connect(self._on_scanner_scan_received)
        self.camera_dock = QDockWidget(self.tr("Camera scanner"), self)
        self.camera_dock.setObjectName("cameraDock")
        self.camera_dock.setWidget(self.camera)
        self.camera_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.camera_dock)
        self.camera_dock.hide()
        self.camera_dock.visibilityChanged.connect(self.camera_button.setChecked)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.camera_button.toggle)

        self.serial_bridge = _SerialBridge(self)
        self.serial_bridge.scan.connect(self._on_scanner_scan_received)
        self.serial_bridge.error.connect(self._on_serial_error)
        self.serial: ScanSource | None = None
        self.start_serial_scanner()
        self.session.user_changed.connect(self._on_session_user_changed)
        self.session.database_state_changed.connect(self._on_session_database_state_changed)
        self._on_session_user_changed(None)
        self._on_session_database_state_changed(True)

        self.health = QTimer(self)
        self.health.setInterval(HEALTH_CHECK_MS)
        self.health.timeout.connect(self.check_database)
        self.health.start()
        self.activity = _ActivityFilter(self)
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self.activity)
        self.idle_limit_s = app.config.idle_lock_minutes * 60
        self.locked: Who | None = None
        self.locked_page: QWidget | None = None
        self.idle = QTimer(self)
        self.idle.setInterval(IDLE_CHECK_MS)
        self.idle.timeout.connect(self.check_idle)
        self.idle.start()
        self.printing = QTimer(self)
        self.printing.setInterval(PRINT_RETRY_MS)
        self.printing.timeout.connect(self.print_labels)
        self.printing.start()
        self.print_labels()

    def start_serial_scanner(self) -> None:
        opener = self.app.open_serial_scanner
        if opener is None:
            self.serial_label.setVisible(False)
            return
        source = opener(self.serial_bridge.scan.emit, self.serial_bridge.error.emit)
        try:
            source.start()
        except Exception as exc:
            self._on_serial_error(exc)
            return
        self.serial = source
        self.serial_label.setVisible(True)
        self.serial_label.setProperty("alarm", False)
        self.serial_label.setText(
            self.tr("Serial scanner: {port} ready").format(port=self.app.config.serial.port)
        )

    def _on_serial_error(self, error: BaseException) -> None:
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
        self.serial_label.setVisible(True)
        self.serial_label.setProperty("alarm", True)
        self.serial_label.setText("⚠ " + describe(error).text)

    def _on_camera_button_toggled(self, on: bool) -> None:
        self.camera_dock.setVisible(on)
        if on:
            self.camera.start()
        else:
            self.camera.stop()

    def check_idle(self) -> None:
        """Lock a station left alone too long; its work stays where it was."""
        if self.idle_limit_s <= 0 or self.session.who is None:
            return
        if time.monotonic() - self.activity.last >= self.idle_limit_s:
            self.lock()

    def lock(self) -> None:
        self.locked, self.locked_page = self.session.who, self.pages.currentWidget()
        self.session.set_user(None)
        self.login_page.banner.show_feedback(
            Feedback(
                self.tr(
                    "Locked after %n minute(s) without use. Scan your badge to go on; "
                    "your work is kept.",
                    "",
                    max(1, round(self.idle_limit_s / 60)),
                ),
                Level.INFO,
            )
        )

    def print_labels(self) -> None:
        """Send due labels to the printer (off the GUI thread), then show the queue."""
        services = self.app.services

        progress = self.import_bridge.progress.emit

        def work() -> list[Any]:
            services.print_labels()
            services.send_messages()  # the outbox rides along: same rhythm, same worker
            services.import_waiting_files(progress)  # and the watched import folder
            return services.print_queue()

        self.session.run(work, self._on_print_queue, lambda _f, _e: None)

    def _on_import_progress(self, name: str, done: int, total: int) -> None:
        self.import_label.setVisible(done < total)
        self.import_label.setText(
            self.tr("Importing {file}: {done} / {total} RMAs").format(
                file=name, done=done, total=total
            )
        )

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import RMAs"),
            "",
            self.tr("Return files (*.csv *.json)"),
        )
        if path:
            self.import_rmas(Path(path))

    def import_rmas(self, path: Path) -> None:
        """Import a file off the GUI thread, its progress in the status bar."""
        who = self.session.who
        if who is None:
            return
        services, bridge = self.app.services, self.import_bridge

        def work() -> Any:
            return services.import_file(
                who.actor, path, lambda d, t: bridge.progress.emit(path.name, d, t)
            )

        self.session.run(
            work, lambda report: self._on_imported(path, report), self._on_import_failed
        )

    def _on_imported(self, path: Path, report: Any) -> None:
        self.import_label.setVisible(False)
        text = self.tr(
            "{file}: {created} created, {updated} updated, {unchanged} unchanged."
        ).format(
            file=path.name,
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
        )
        level = Level.SUCCESS
        if report.problems:
            first = report.problems[0]
            text += " " + self.tr("{n} problem(s), first: {where}: {reason}").format(
                n=len(report.problems), where=first.where, reason=first.reason
            )
            level = Level.WARNING
        self._say(Feedback(text, level))

    def _on_import_failed(self, feedback: Feedback, _error: BaseException) -> None:
        self.import_label.setVisible(False)
        self._say(feedback)

    def _say(self, feedback: Feedback) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, (ReceivePage, InspectPage)):
            page.feedback(feedback)
        else:
            self.login_page.banner.show_feedback(feedback)

    def _on_print_queue(self, waiting: list[Any]) -> None:
        if not waiting:
            self.printer_label.setText(self.tr("Printer: ready"))
            self.printer_label.setProperty("alarm", False)
        else:
            why = waiting[-1].last_error or self.tr("waiting to print")
            self.printer_label.setText(self.tr("⚠ Printer: %n label(s) waiting", "", len(waiting)))
            self.printer_label.setToolTip(why)
            self.printer_label.setProperty("alarm", True)
        self.printer_label.style().unpolish(self.printer_label)
        self.printer_label.style().polish(self.printer_label)

    def check_database(self) -> None:
        self.session.run(self.app.services.ping, lambda _r: None, lambda _f, _e: None)

    # -- status bar -----------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        """Receive or Inspect; inspecting needs the inspector's role (the core checks it too)."""
        who = self.session.who
        if who is None:
            return
        if page is self.admin_page and who.user.role.value != "admin":
            return  # the core refuses it too; the page is not even offered
        self.pages.setCurrentWidget(page)
        self.receive_tab.setChecked(page is self.receive_page)
        self.inspect_tab.setChecked(page is self.inspect_page)
        self.admin_tab.setChecked(page is self.admin_page)
        if page is self.admin_page:
            self.admin_page.refresh()
            return
        field = self.inspect_page.search if page is self.inspect_page else self.receive_page.search
        field.setFocus()

    def _on_settings_page_saved(self, config: Any) -> None:
        """Settings saved: restart the scanners, camera and printer with them, at once."""
        app = self.app
        self.scanner.decoder = app.new_wedge_decoder()
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
        self.start_serial_scanner()
        running = self.camera.running
        self.camera.set_opener(app.open_camera)
        if running:
            self.camera.start()
        self.sounds.enabled = config.sounds
        self.idle_limit_s = config.idle_lock_minutes * 60
        self._show_station()
        self.setWindowTitle(
            self.tr("Receiving Station — {station}").format(station=app.station.name)
        )
        self.print_labels()

    def _show_station(self) -> None:
        station = self.app.station
        self.station_label.setText(self.tr("Station: {name}").format(name=station.name))
        self.station_label.setToolTip(station.location)

    def _camera_picture(self) -> CameraFrame | None:
        return self.camera.preview.frame if self.camera.running else None

    def _on_inspect_page_user_switched(self, who: Who) -> None:
        self.session.set_user(who)

    def _on_session_user_changed(self, who: Who | None) -> None:
        if who is None:
            self.user_label.setText(self.tr("Nobody logged in"))
            self.logout_button.setVisible(False)
            self.import_button.setVisible(False)
            self.nav.setVisible(False)
            first = self.app.first_start
            self.pages.setCurrentWidget(self.setup_page if first else self.login_page)
            return
        role = {
            "receiver": self.tr("receiver"),
            "inspector": self.tr("inspector"),
            "lead": self.tr("lead"),
            "admin": self.tr("admin"),
        }[who.user.role.value]
        self.user_label.setText(
            self.tr("User: {name} ({role})").format(name=who.user.display_name, role=role)
        )
        self.logout_button.setVisible(True)
        self.import_button.setVisible(who.user.role.value in ("lead", "admin"))
        self.nav.setVisible(True)
        inspector = who.user.role.value != "receiver"
        self.inspect_tab.setVisible(inspector)
        self.admin_tab.setVisible(who.user.role.value == "admin")
        self.show_page(self.inspect_page if inspector else self.receive_page)

    def _on_session_database_state_changed(self, ok: bool) -> None:
        kind = self.tr("embedded") if self.app.config.embedded else self.tr("shared")
        if ok:
            self.database_label.setText(self.tr("Database: {kind}, connected").format(kind=kind))
        else:
            self.database_label.setText(
                self.tr("⚠ Database: {kind}, NOT reachable").format(kind=kind)
            )
        self.database_label.setProperty("alarm", not ok)
        self.database_label.style().unpolish(self.database_label)
        self.database_label.style().polish(self.database_label)

    # -- input ----------------------------------------------------------------------------

    def _on_scanner_scan_received(self, text: str | bytes) -> None:
        if self.pages.currentWidget() is self.setup_page:
            self.setup_page.badge_scanned(text)
        elif self.session.who is None:
            self.session.run(
                lambda: self.app.services.login_badge(text),
                self._on_logged_in,
                self._on_login_failed,
            )
        elif self.pages.currentWidget() is self.inspect_page:
            self.inspect_page.handle_scan(text)
        elif self.pages.currentWidget() is self.admin_page:
            self.admin_page.handle_scan(text)
        else:
            self.receive_page.handle_scan(text)

    def _on_setup_page_admin_created(self, username: str, pin: str) -> None:
        self._on_settings_page_saved(self.app.config)  # the station's new name and place
        self._on_login_page_pin_login_requested(username, pin)

    def _on_setup_page_demo_filled(self) -> None:
        self.login_page.demo_hint.setVisible(True)
        self.pages.setCurrentWidget(self.login_page)
        self.login_page.banner.show_feedback(
            Feedback(self.tr("Demo data is in. Scan a demo badge to start."), Level.SUCCESS)
        )

    def _on_login_page_pin_login_requested(self, username: str, pin: str) -> None:
        self.session.run(
            lambda: self.app.services.login_pin(username, pin),
            self._on_logged_in,
            self._on_login_failed,
        )

    def _on_logged_in(self, result: Any) -> None:
        assert isinstance(result, LoggedIn)
        self.login_page.reset()
        self.login_page.banner.clear()
        locked, page = self.locked, self.locked_page
        self.locked = self.locked_page = None
        self.activity.last = time.monotonic()
        if locked is not None and locked.user.id == result.user.id and page is not None:
            # the same person back at the station: everything as they left it
            self.session.set_user(Who(result.user, result.actor))
            if isinstance(page, (ReceivePage, InspectPage)):
                self.show_page(page)
            return
        self.receive_page.clear()
        self.receive_page.banner.clear()
        self.inspect_page.clear()
        self.inspect_page.banner.clear()
        self.session.set_user(Who(result.user, result.actor))
        page = self.pages.currentWidget()
        if isinstance(page, (ReceivePage, InspectPage)):
            page.feedback(
                Feedback(
                    self.tr("Hello {name}. Scan the first parcel.").format(
                        name=result.user.display_name
                    ),
                    Level.SUCCESS,
                )
            )

    def _on_login_failed(self, feedback: Feedback, _error: BaseException) -> None:
        self.login_page.banner.show_feedback(feedback)
        self.login_page.pin.clear()

    def logout(self) -> None:
        self.locked = self.locked_page = None
        self.inspect_page.clear()
        self.inspect_page.banner.clear()
        self.receive_page.clear()
        self.receive_page.banner.clear()
        self.session.set_user(None)

    def closeEvent(self, event: Any) -> None:
        self.health.stop()
        self.idle.stop()
        application = QApplication.instance()
        if application is not None:
            application.removeEventFilter(self.activity)
        self.printing.stop()
        self.camera.stop()
        if self.serial is not None:
            self.serial.stop()
        self.runner.wait(5000)
        super().closeEvent(event)
