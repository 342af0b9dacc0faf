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
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from receiving_station.config import Config
from receiving_station.domain.scan import ScanKind
from receiving_station.station_app import CameraCheck, StationApp
from ui.banner import Banner
from ui.camera_panel import CameraPanel
from ui.errors import Feedback, Level
from ui.session import StationSession

PRINTER_KINDS = ("folder:", "tcp://", "cups:", "cups-raw:")
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    for words, data in items:
        box.addItem(words, data)
    return box


def _select(box: QComboBox, data: Any) -> None:
    index = box.findData(data)
    if index < 0 and box.isEditable():
        box.setEditText(str(data))
    else:
        box.setCurrentIndex(max(0, index))


class TestResult(QLabel):
    """One test's outcome: a mark and words, never colour alone."""

    def show_result(self, ok: bool, text: str) -> None:
        self.setText(("✔ " if ok else "⚠ ") + text)
        self.setProperty("alarm", not ok)
        self.setProperty("good", ok)
        self.style().unpolish(self)
        self.style().polish(self)


class SettingsPage(QWidget):
    saved = Signal(object)
    """The new :class:`Config`, applied: the window restarts its devices."""

    def __init__(self, session: StationSession, app: StationApp, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.session, self.app = session, app
        self.waiting_for_scan = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        for boxes in (
            (self._station_box(), self._printer_box()),
            (self._scanner_box(), self._camera_box()),
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
        form = _form(box)
        self.station_name = QLineEdit()
        self.station_name.setMaxLength(40)
        self.location = QLineEdit()
        self.location.setMaxLength(120)
        self.location.setPlaceholderText(self.tr("Dock 2, zone B"))
        self.language = _combo(
            [(self.tr("The system's"), ""), ("English", "en"), ("Français", "fr")]
        )
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.sounds = QCheckBox(self.tr("Sounds on scans and errors"))
        self.sound_test = QPushButton(self.tr("Test sound"))
        self.sound_result = TestResult()
        form.addRow(self.tr("Name"), self.station_name)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock when left alone for"), self.idle_lock)
        sound_row = QHBoxLayout()
        sound_row.addWidget(self.sounds, 1)
        sound_row.addWidget(self.sound_test)
        form.addRow(sound_row)
        form.addRow(self.sound_result)
        self.sound_test.clicked.connect(self.test_sound)
        return box

    def _scanner_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scanners"))
        form = _form(box)
        self.max_gap = QSpinBox()
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(self.tr(" ms"))
        self.max_gap.setToolTip(
            self.tr("Longest pause between two characters of one scan; people type slower.")
        )
        self.terminator = _combo(
            [(self.tr("Enter"), "enter"), (self.tr("Tab"), "tab"), (self.tr("None"), "none")]
        )
        self.prefix, self.suffix = QLineEdit(), QLineEdit()
        for field in (self.prefix, self.suffix):
            field.setMaxLength(8)
        self.serial_port = QComboBox()
        self.serial_port.setEditable(True)
        self.serial_port.setToolTip(self.tr("Empty: no serial scanner"))
        self.baud = _combo([(str(b), b) for b in BAUDS])
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
        form.addRow(_left(self.scan_test))
        form.addRow(self.scan_result)
        form.addRow(self.tr("Serial port"), self.serial_port)
        form.addRow(self.tr("Speed (baud)"), self.baud)
        form.addRow(_left(self.serial_test))
        form.addRow(self.serial_result)
        self.scan_test.clicked.connect(self.test_scanner)
        self.serial_test.clicked.connect(self.test_serial)
        return box

    def _camera_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Camera"))
        row = QHBoxLayout(box)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        row.addWidget(fields, 1)
        self.camera_device = QComboBox()
        self.camera_device.setEditable(True)
        self.camera_device.addItems(["", "0", "1", "2"])
        self.camera_device.setToolTip(
            self.tr("A camera number, a device path or a video file; empty: no camera")
        )
        self.resolution = _combo([(f"{w} × {h}", f"{w}x{h}") for w, h in RESOLUTIONS])
        self.camera_test = QPushButton(self.tr("Test the camera"))
        self.camera_result = TestResult()
        self.camera_result.setWordWrap(True)
        self.camera_view = CameraPanel(None)
        self.camera_view.status.setText(self.tr("Test the camera to see its live view here."))
        self.camera_view.setMinimumHeight(200)
        self.camera_view.scan_received.connect(self._on_camera_view_scan_received)
        form.addRow(self.tr("Device"), self.camera_device)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(_left(self.camera_test))
        form.addRow(self.camera_result)
        row.addWidget(self.camera_view, 1)
        self.camera_test.clicked.connect(self.test_camera)
        self.camera_device.currentTextChanged.connect(self._on_camera_form_changed)
        self.resolution.currentIndexChanged.connect(self._on_camera_form_changed)
        return box

    def _printer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Label printer"))
        form = _form(box)
        self.printer_kind = _combo(
            [
                (self.tr("A folder (PDF files)"), "folder:"),
                (self.tr("A Zebra on the network (ZPL, port 9100)"), "tcp://"),
                (self.tr("A system print queue (PDF)"), "cups:"),
                (self.tr("A system print queue, raw (ZPL)"), "cups-raw:"),
            ]
        )
        self.printer_address = QLineEdit()
        self.printer_address.setPlaceholderText(self.tr("folder, host:9100 or queue name"))
        self.template = QComboBox()
        self.label_format = _combo([(self.tr("What the printer takes"), ""), ("PDF", "pdf")])
        self.label_format.addItem("ZPL", "zpl")
        self.label_language = _combo(
            [(self.tr("The station's"), ""), ("English", "en"), ("Français", "fr")]
        )
        self.print_test = QPushButton(self.tr("Print a test label"))
        self.print_result = TestResult()
        self.print_result.setWordWrap(True)
        form.addRow(self.tr("Printer"), self.printer_kind)
        form.addRow(self.tr("Address"), self.printer_address)
        form.addRow(self.tr("Label"), self.template)
        form.addRow(self.tr("Format"), self.label_format)
        form.addRow(self.tr("Label language"), self.label_language)
        form.addRow(_left(self.print_test))
        form.addRow(self.print_result)
        self.print_test.clicked.connect(self.test_print)
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
        _select(self.language, config.language)
        self.idle_lock.setValue(config.idle_lock_minutes)
        self.sounds.setChecked(config.sounds)
        self.max_gap.setValue(config.scanner.max_gap_ms)
        _select(self.terminator, config.scanner.terminator)
        self.prefix.setText(config.scanner.prefix)
        self.suffix.setText(config.scanner.suffix)
        self.serial_port.clear()
        self.serial_port.addItems(["", *(hardware.serial_ports() if hardware else [])])
        self.serial_port.setEditText(config.serial.port)
        _select(self.baud, config.serial.baud)
        self.camera_device.setEditText(config.camera.device)
        size = f"{config.camera.width}x{config.camera.height}"
        if self.resolution.findData(size) < 0:  # a size set in the file: offered as it is
            self.resolution.addItem(size.replace("x", " × "), size)
        _select(self.resolution, size)
        uri = config.printer.uri
        kind = next((k for k in PRINTER_KINDS if uri.startswith(k)), "folder:")
        _select(self.printer_kind, kind)
        self.printer_address.setText(uri.removeprefix(kind))
        self.template.clear()
        for template in hardware.templates() if hardware else [config.printer.template]:
            self.template.addItem(template, template)
        _select(self.template, config.printer.template)
        _select(self.label_format, config.printer.format)
        _select(self.label_language, config.printer.language)

    def printer_uri(self) -> str:
        return str(self.printer_kind.currentData()) + self.printer_address.text().strip()

    def camera_form(self) -> tuple[str, int, int]:
        width, height = str(self.resolution.currentData()).split("x")
        return self.camera_device.currentText().strip(), int(width), int(height)

    def changes(self) -> dict[str, dict[str, Any]]:
        """The form as configuration sections."""
        device, width, height = self.camera_form()
        return {
            "station": {
                "name": self.station_name.text().strip().upper(),
                "location": self.location.text().strip(),
            },
            "ui": {
                "language": self.language.currentData(),
                "idle_lock_minutes": self.idle_lock.value(),
                "sounds": self.sounds.isChecked(),
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
            "camera": {"device": device, "width": width, "height": height},
            "printer": {
                "uri": self.printer_uri(),
                "template": self.template.currentData() or "",
                "format": self.label_format.currentData(),
                "language": self.label_language.currentData(),
            },
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

    def _test(self, work: Any, result: TestResult, ok_words: Any) -> None:
        result.show_result(True, self.tr("Testing…"))
        self.session.run(
            work,
            lambda value: result.show_result(True, ok_words(value)),
            lambda feedback, _e: result.show_result(False, feedback.text),
        )

    def test_serial(self) -> None:
        hardware, port, baud = self.app.hardware, self.serial_port.currentText().strip(), 0
        baud = int(self.baud.currentData())
        if hardware is None:
            return
        self._test(
            lambda: hardware.test_serial(port, baud),
            self.serial_result,
            lambda _v: self.tr("{port} opens at {baud} baud. Scan with it to see it read.").format(
                port=port, baud=baud
            ),
        )

    def test_camera(self) -> None:
        hardware = self.app.hardware
        device, width, height = self.camera_form()
        if hardware is None:
            return
        self.camera_view.stop()

        def shown(check: CameraCheck) -> str:
            self.camera_view.set_opener(hardware.camera_opener(device, width, height))
            self.camera_view.start()
            return self.tr(
                "The camera works: {width} × {height} at {fps} frames a second. "
                "Hold a barcode in front of it."
            ).format(width=check.width, height=check.height, fps=round(check.fps))

        self._test(lambda: hardware.test_camera(device, width, height), self.camera_result, shown)

    def _on_camera_form_changed(self) -> None:
        self.camera_view.stop()

    def _on_camera_view_scan_received(self, raw: str | bytes) -> None:
        text = self.session.services.classify(raw).text
        self.camera_result.show_result(True, self.tr("The camera read «{text}».").format(text=text))

    def test_print(self) -> None:
        hardware, uri = self.app.hardware, self.printer_uri()
        if hardware is None:
            return
        template = str(self.template.currentData() or "")
        fmt, language = str(self.label_format.currentData()), str(self.label_language.currentData())
        self._test(
            lambda: hardware.test_print(uri, template, fmt, language),
            self.print_result,
            lambda _v: self.tr("A test label went to {printer}. Scan it to check it reads.").format(
                printer=uri
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
        self.camera_view.stop()
        self.waiting_for_scan = False
        super().hideEvent(event)
