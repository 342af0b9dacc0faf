"""This station's Settings page (admins): its name and place, scanners, camera, printer and
sounds, each with a test that says plainly what works and what does not.

Tests try what the form shows, before it is saved, and change nothing. Saving goes to the
core (admins only), which checks every value, checks that a new printer address answers,
writes the configuration file and applies it at once; a refused value changes nothing and
the form keeps what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from receiving_station.config import Config
from receiving_station.domain.scan import ScanKind
from receiving_station.station_app import StationApp
from ui.banner import Banner
from ui.device_boxes import CameraBox, PrinterBox, TestResult, combo, form_in, left, select
from ui.errors import Feedback, Level
from ui.session import StationSession

BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


class SettingsPage(QWidget):
    saved = Signal(object)
    """The new :class:`Config`, applied: the window restarts its devices."""

    def __init__(self, session: StationSession, app: StationApp, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.session, self.app = session, app
        self.waiting_for_scan = False
        self.camera = CameraBox(session, app)
        self.printer = PrinterBox(session, app)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        for boxes in (
            (self._station_box(), self.printer),
            (self._scanner_box(), self.camera),
        ):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save and apply"))
        self.save_button.setObjectName("primary")
        self.undo_button = QPushButton(self.tr("Undo my changes"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.refresh)
        self.refresh()

    # -- the form -------------------------------------------------------------------------

    def _station_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This station"))
        form = form_in(box)
        self.station_name = QLineEdit()
        self.station_name.setMaxLength(40)
        self.location = QLineEdit()
        self.location.setMaxLength(120)
        self.location.setPlaceholderText(self.tr("Dock 2, zone B"))
        self.language = combo(
            [(self.tr("The system's"), ""), ("English", "en"), ("Français", "fr")]
        )
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.theme = combo(
            [(self.tr("Standard"), "standard"), (self.tr("High contrast"), "high-contrast")]
        )
        self.text_size = combo([(self.tr("Normal"), "normal"), (self.tr("Large"), "large")])
        self.sounds = QCheckBox(self.tr("Sounds on scans and errors"))
        self.sound_test = QPushButton(self.tr("Test sound"))
        self.sound_result = TestResult()
        form.addRow(self.tr("Name"), self.station_name)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock when left alone for"), self.idle_lock)
        form.addRow(self.tr("Colours"), self.theme)
        form.addRow(self.tr("Text size"), self.text_size)
        sound_row = QHBoxLayout()
        sound_row.addWidget(self.sounds, 1)
        sound_row.addWidget(self.sound_test)
        form.addRow(sound_row)
        form.addRow(self.sound_result)
        self.sound_test.clicked.connect(self.test_sound)
        return box

    def _scanner_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scanners"))
        form = form_in(box)
        self.max_gap = QSpinBox()
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(self.tr(" ms"))
        self.max_gap.setToolTip(
            self.tr("Longest pause between two characters of one scan; people type slower.")
        )
        self.terminator = combo(
            [(self.tr("Enter"), "enter"), (self.tr("Tab"), "tab"), (self.tr("None"), "none")]
        )
        self.prefix, self.suffix = QLineEdit(), QLineEdit()
        for field in (self.prefix, self.suffix):
            field.setMaxLength(8)
        self.serial_port = QComboBox()
        self.serial_port.setEditable(True)
        self.serial_port.setToolTip(self.tr("Empty: no serial scanner"))
        self.baud = combo([(str(b), b) for b in BAUDS])
        self.scan_test = QPushButton(self.tr("Test the hand scanner"))
        self.scan_result = TestResult()
        self.serial_test = QPushButton(self.tr("Test the serial port"))
        self.serial_result = TestResult()
        for widget in (self.scan_result, self.serial_result, self.sound_result):
            widget.setWordWrap(True)
        form.addRow(self.tr("Pause between characters at most"), self.max_gap)
        form.addRow(self.tr("Scan ends with"), self.terminator)
        form.addRow(self.tr("Prefix"), self.prefix)
        form.addRow(self.tr("Suffix"), self.suffix)
        form.addRow(left(self.scan_test))
        form.addRow(self.scan_result)
        form.addRow(self.tr("Serial port"), self.serial_port)
        form.addRow(self.tr("Speed (baud)"), self.baud)
        form.addRow(left(self.serial_test))
        form.addRow(self.serial_result)
        self.scan_test.clicked.connect(self.test_scanner)
        self.serial_test.clicked.connect(self.test_serial)
        return box

    def refresh(self) -> None:
        """Show the settings in force (undoing what was typed)."""
        config, hardware = self.app.config, self.app.hardware
        self.station_name.setText(self.app.station.name)
        fixed = "RS_STATION" in config.overridden
        self.station_name.setReadOnly(fixed)
        self.station_name.setToolTip(
            self.tr("Set by RS_STATION in the environment") if fixed else ""
        )
        self.location.setText(self.app.station.location)
        select(self.language, config.language)
        self.idle_lock.setValue(config.idle_lock_minutes)
        self.sounds.setChecked(config.sounds)
        select(self.theme, config.theme)
        select(self.text_size, config.text_size)
        self.max_gap.setValue(config.scanner.max_gap_ms)
        select(self.terminator, config.scanner.terminator)
        self.prefix.setText(config.scanner.prefix)
        self.suffix.setText(config.scanner.suffix)
        self.serial_port.clear()
        self.serial_port.addItems(["", *(hardware.serial_ports() if hardware else [])])
        self.serial_port.setEditText(config.serial.port)
        select(self.baud, config.serial.baud)
        self.camera.fill(config)
        self.printer.fill(config)

    def changes(self) -> dict[str, dict[str, Any]]:
        """The form as configuration sections."""
        return {
            "station": {
                "name": self.station_name.text().strip().upper(),
                "location": self.location.text().strip(),
            },
            "ui": {
                "language": self.language.currentData(),
                "idle_lock_minutes": self.idle_lock.value(),
                "sounds": self.sounds.isChecked(),
                "theme": self.theme.currentData(),
                "text_size": self.text_size.currentData(),
            },
            "scanner": {
                "max_gap_ms": self.max_gap.value(),
                "terminator": self.terminator.currentData(),
                "prefix": self.prefix.text(),
                "suffix": self.suffix.text(),
            },
            "serial": {
                "port": self.serial_port.currentText().strip(),
                "baud": self.baud.currentData(),
            },
            "camera": self.camera.changes(),
            "printer": self.printer.changes(),
        }

    # -- tests ----------------------------------------------------------------------------

    def test_sound(self) -> None:
        sounds = self.session.sounds
        was = sounds.enabled
        sounds.enabled = True
        sounds.play_for(Level.SUCCESS)
        played = sounds.enabled  # turned off when the sound device failed
        sounds.enabled = was and played
        if played:
            self.sound_result.show_result(True, self.tr("A sound was played. Did you hear it?"))
        else:
            self.sound_result.show_result(False, self.tr("This computer cannot play sounds."))

    def test_scanner(self) -> None:
        self.waiting_for_scan = True
        self.scan_result.show_result(True, self.tr("Scan any barcode now…"))

    def scanned(self, raw: str | bytes) -> None:
        """A scan while this page is open: the scanner test's answer (nothing else happens)."""
        scan = self.session.services.classify(raw)
        text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        if not self.waiting_for_scan:
            self.scan_result.show_result(True, self.tr("Read «{text}».").format(text=text))
            return
        self.waiting_for_scan = False
        if scan.readable:
            kinds = {
                ScanKind.RMA: self.tr("an RMA"),
                ScanKind.ORDER: self.tr("an order number"),
                ScanKind.TRACKING: self.tr("a tracking number"),
                ScanKind.LICENSE_PLATE: self.tr("a license plate"),
                ScanKind.PRODUCT: self.tr("a product code"),
                ScanKind.BADGE: self.tr("a badge"),
                ScanKind.COMMAND: self.tr("a command"),
                ScanKind.UNKNOWN: self.tr("nothing the station knows"),
            }
            self.scan_result.show_result(
                True,
                self.tr("The scanner works: read «{text}», {kind}.").format(
                    text=scan.text, kind=kinds[scan.kind]
                ),
            )
        else:
            self.scan_result.show_result(
                False,
                self.tr("Read «{text}», but it cannot be used: {why}").format(
                    text=text, why=scan.problem
                ),
            )

    def test_serial(self) -> None:
        hardware, port, baud = self.app.hardware, self.serial_port.currentText().strip(), 0
        baud = int(self.baud.currentData())
        if hardware is None:
            return
        self.serial_result.run(
            self.session,
            lambda: hardware.test_serial(port, baud),
            lambda _v: self.tr("{port} opens at {baud} baud. Scan with it to see it read.").format(
                port=port, baud=baud
            ),
        )

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        who, hardware = self.session.who, self.app.hardware
        if who is None or hardware is None:
            return
        changes = self.changes()

        def done(config: Config) -> None:
            self.banner.show_feedback(
                Feedback(
                    self.tr(
                        "Settings saved and applied. A new language shows from the next start."
                    ),
                    Level.SUCCESS,
                )
            )
            self.session.acknowledge(Level.SUCCESS)
            self.saved.emit(config)
            self.refresh()

        self.session.run(
            lambda: hardware.save(who.actor, changes),
            done,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def hideEvent(self, event: Any) -> None:
        self.camera.view.stop()
        self.waiting_for_scan = False
        super().hideEvent(event)
