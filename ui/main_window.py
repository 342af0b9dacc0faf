"""The station window: log-in and Receive pages, and a status bar that is always true."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_station.errors import PinNeeded
from receiving_station.ports import ScanSource
from receiving_station.services.station import LoggedIn
from receiving_station.station_app import StationApp
from ui.admin_page import AdminPage
from ui.banner import Banner
from ui.camera_panel import CameraPanel
from ui.dashboard_page import DashboardPage
from ui.errors import Feedback, Level, describe, show_times_in
from ui.exceptions_page import ExceptionsPage
from ui.importer import Importer
from ui.inspect_page import InspectPage
from ui.languages import effective_language, translator_for
from ui.login_page import LoginPage
from ui.nav_bar import ADMINS, INSPECTORS, LEADS, NavBar
from ui.print_queue import PrintQueueDialog
from ui.receive_page import ReceivePage
from ui.scanner_filter import ScannerFilter
from ui.search_page import SearchPage
from ui.session import StationSession, Who
from ui.setup_page import SetupPage
from ui.sounds import Sounds
from ui.status_line import StatusLine
from ui.theme import apply_style
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


class MainWindow(QMainWindow):
    def __init__(
        self, app: StationApp, parent: QWidget | None = None, ui_language: str = ""
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.ui_language = ui_language
        """The language the window was built in; empty: not managed (one language)."""
        self.switch_language: Callable[[str, LoggedIn], None] | None = None
        """Set by the shell: rebuild the window in another language, then log in there."""
        self.setWindowTitle(
            self.tr("Receiving Station — {station}").format(station=app.station.name)
        )
        zone = app.services.clock.now().tzinfo
        if zone is not None:
            show_times_in(zone)
        self.runner = CommandRunner(self)
        self.sounds = Sounds(app.config.sounds, self)
        self.session = StationSession(app.services, self.runner, self.sounds)
        self.scanner = ScannerFilter(app.new_wedge_decoder(), self)
        self.scanner.scan_received.connect(self._on_scanner_scan_received)

        self.pages = QStackedWidget()
        self.login_page = LoginPage(app.demo)
        self.receive_page = ReceivePage(self.session, self._camera_capture)
        self.inspect_page = InspectPage(
            self.session, app.config.workflows_dir, self._camera_capture
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
        self.exceptions_page = ExceptionsPage(self.session, app.open_change_feed)
        self.pages.addWidget(self.exceptions_page)
        self.dashboard_page = DashboardPage(self.session)
        self.pages.addWidget(self.dashboard_page)
        self.search_page = SearchPage(self.session)
        self.search_page.label_queued.connect(self.print_labels)
        self.exceptions_page.label_queued.connect(self.print_labels)
        self.exceptions_page.history_requested.connect(self._on_exceptions_page_history_requested)
        self.pages.addWidget(self.search_page)
        self.setup_page = SetupPage(self.session, app)
        self.setup_page.admin_created.connect(self._on_setup_page_admin_created)
        self.setup_page.demo_filled.connect(self._on_setup_page_demo_filled)
        self.pages.addWidget(self.setup_page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.nav = NavBar(self)
        self.nav.chosen.connect(self.show_page)
        self.receive_tab = self.nav.add(self.receive_page, self.tr("Receive"), Qt.Key.Key_F5)
        self.inspect_tab = self.nav.add(
            self.inspect_page, self.tr("Inspect"), Qt.Key.Key_F6, INSPECTORS
        )
        self.exceptions_tab = self.nav.add(
            self.exceptions_page, self.tr("Exceptions"), Qt.Key.Key_F10, LEADS
        )
        self.dashboard_tab = self.nav.add(
            self.dashboard_page, self.tr("Dashboard"), Qt.Key.Key_F11, LEADS
        )
        self.search_tab = self.nav.add(self.search_page, self.tr("Search"), Qt.Key.Key_F12, LEADS)
        self.admin_tab = self.nav.add(self.admin_page, self.tr("Admin"), Qt.Key.Key_F7, ADMINS)
        column.addWidget(self.nav)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.login_page.pin_login_requested.connect(self._on_login_page_pin_login_requested)
        self.login_page.badge_pin_login_requested.connect(
            self._on_login_page_badge_pin_login_requested
        )

        bar = self.statusBar()
        self.status = StatusLine(bar, app.database_label)
        self.user_label, self.station_label = self.status.user, self.status.station
        self.database_label, self.serial_label = self.status.database, self.status.serial
        self.printer_label = self.status.printer
        self.status.queue_button.clicked.connect(self.show_print_queue)
        self.print_queue: PrintQueueDialog | None = None
        self.status.show_station(app.station)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.logout)
        self.importer = Importer(self.session, self)
        self.importer.said.connect(self._say)
        self.import_label, self.import_button = self.importer.label, self.importer.button
        bar.addWidget(self.import_label)
        self.import_progress = self.importer.bar
        bar.addWidget(self.import_progress)
        self.nav.add_action(self.import_button)
        self.camera_button = QPushButton(self.tr("Camera") + "\nF8")
        self.camera_button.setAccessibleName(self.tr("Camera"))
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._on_camera_button_toggled)
        self.nav.add_action(self.camera_button)  # the status bar keeps room for its words
        self.nav.add_action(self.logout_button)

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

        # the serial port's thread reaches the GUI thread through these channels
        self.serial_scans = self.runner.inbox.channel(self._on_scanner_scan_received)
        self.serial_errors = self.runner.inbox.channel(self._on_serial_error)
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
            self.status.show_serial(None)
            return
        source = opener(self.serial_scans, self.serial_errors)
        try:
            source.start()
        except Exception as exc:
            self._on_serial_error(exc)
            return
        self.serial = source
        self.status.show_serial(self.app.config.serial.port)

    def _on_serial_error(self, error: BaseException) -> None:
        if self.serial is not None:
            self.serial.stop()
            self.serial = None
        self.status.show_serial(self.app.config.serial.port, describe(error).text)

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

        progress = self.importer.reporter()
        # the watched folder's reports are the station's documents: in its language
        reports_in = translator_for(services.language)

        def work() -> list[Any]:
            services.print_labels()
            services.send_messages()  # the outbox rides along: same rhythm, same worker
            services.import_waiting_files(progress, reports_in)  # and the watched folder
            return services.print_queue()

        self.session.run(work, self._on_print_queue_read, lambda _f, _e: None)

    def _on_print_queue_read(self, jobs: list[Any]) -> None:
        self.status.show_print_queue(jobs)
        if self.print_queue is not None and self.print_queue.isVisible():
            self.print_queue.show_jobs(jobs)

    def show_print_queue(self) -> None:
        """The print queue, where a person settles the labels in doubt."""
        if self.print_queue is None:
            self.print_queue = PrintQueueDialog(self.session, self)
            self.print_queue.settled.connect(self.print_labels)
        self.print_queue.refresh()
        self.print_queue.open()

    def _say(self, feedback: Feedback) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, (ReceivePage, InspectPage)):
            page.feedback(feedback)
            return
        banner = getattr(page, "banner", None)  # the lead's pages have their own
        (banner if isinstance(banner, Banner) else self.login_page.banner).show_feedback(feedback)

    def check_database(self) -> None:
        self.session.run(self.app.services.ping, lambda _r: None, lambda _f, _e: None)

    # -- status bar -----------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        """Receive or Inspect; inspecting needs the inspector's role (the core checks it too)."""
        who = self.session.who
        if who is None:
            return
        if not self.nav.allows(page, who.user.role.value):
            return  # the core refuses it too; the page is not even offered
        self.pages.setCurrentWidget(page)
        self.nav.mark(page)
        if isinstance(page, (ExceptionsPage, DashboardPage, SearchPage)):
            page.refresh()
            return
        if page is self.admin_page:
            self.admin_page.refresh()
            return
        field = self.inspect_page.search if page is self.inspect_page else self.receive_page.search
        field.setFocus()

    def _on_exceptions_page_history_requested(self, key: str) -> None:
        self.show_page(self.search_page)
        self.search_page.scanned(key)

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
        apply_style(self, config.theme, config.text_size)
        self.status.show_station(app.station)
        self.setWindowTitle(
            self.tr("Receiving Station — {station}").format(station=app.station.name)
        )
        self.print_labels()

    def _camera_capture(self) -> Callable[[], bytes] | None:
        source = self.camera.source if self.camera.running else None
        return getattr(source, "capture", None)

    def _on_inspect_page_user_switched(self, who: Who) -> None:
        self.session.set_user(who)
        self.inspect_page.resume_unfinished(lambda: None)

    def _on_session_user_changed(self, who: Who | None) -> None:
        self.status.show_user(who.user if who else None)
        if who is None:
            self.logout_button.setVisible(False)
            self.import_button.setVisible(False)
            self.nav.setVisible(False)
            first = self.app.first_start
            self.pages.setCurrentWidget(self.setup_page if first else self.login_page)
            if not first:
                self.login_page.focus_first()
            return
        self.logout_button.setVisible(True)
        self.import_button.setVisible(who.user.role.value in ("lead", "admin"))
        self.nav.setVisible(True)
        inspector = who.user.role.value != "receiver"
        self.nav.show_for(who.user.role.value)
        self.show_page(self.inspect_page if inspector else self.receive_page)

    def _on_session_database_state_changed(self, ok: bool) -> None:
        self.status.show_database(ok, self.app.config.embedded)

    # -- input ----------------------------------------------------------------------------

    def _on_scanner_scan_received(self, text: str | bytes) -> None:
        services = self.app.services
        if self.pages.currentWidget() is self.setup_page:
            self.setup_page.badge_scanned(text)
        elif self.session.who is None:
            self.session.run(
                lambda: services.login_badge(text),
                self._on_logged_in,
                self._on_login_failed,
            )
        elif self.pages.currentWidget() is self.inspect_page:
            self.inspect_page.handle_scan(text)
        elif self.pages.currentWidget() is self.admin_page:
            self.admin_page.handle_scan(text)
        elif self.pages.currentWidget() is self.exceptions_page:
            self.exceptions_page.scanned(text)
        elif self.pages.currentWidget() is self.search_page:
            self.search_page.scanned(text)
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
        services = self.app.services
        self.session.run(
            lambda: services.login_pin(username, pin),
            self._on_logged_in,
            self._on_login_failed,
        )

    def _on_logged_in(self, result: Any) -> None:
        assert isinstance(result, LoggedIn)
        wanted = effective_language(result.user.language or self.app.config.language)
        if self.switch_language and self.ui_language and wanted != self.ui_language:
            self.switch_language(wanted, result)  # the user's language follows their badge
            return
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
        if self.nav.allows(self.inspect_page, result.user.role.value):
            self.inspect_page.resume_unfinished(lambda: self.show_page(self.inspect_page))

    def _on_login_failed(self, feedback: Feedback, error: BaseException) -> None:
        self.login_page.banner.show_feedback(feedback)
        self.login_page.pin.clear()
        if isinstance(error, PinNeeded):
            self.login_page.ask_pin_for(str(error.params["badge"]))

    def _on_login_page_badge_pin_login_requested(self, badge: str, pin: str) -> None:
        services = self.app.services
        self.session.run(
            lambda: services.login_badge_pin(badge, pin),
            self._on_logged_in,
            self._on_login_failed,
        )

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
        self.runner.stop()
        super().closeEvent(event)
