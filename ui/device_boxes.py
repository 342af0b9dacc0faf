"""The camera and label-printer parts of the Settings page, each with its test. A test
tries what the form shows, before it is saved, and says plainly what works."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from receiving_station.config import Config
from receiving_station.station_app import CameraCheck, StationApp
from ui.camera_panel import CameraPanel
from ui.session import StationSession

PRINTER_KINDS = ("folder:", "tcp://", "cups:", "cups-raw:")
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))


def form_in(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    for words, data in items:
        box.addItem(words, data)
    return box


def select(box: QComboBox, data: Any) -> None:
    index = box.findData(data)
    if index < 0 and box.isEditable():
        box.setEditText(str(data))
    else:
        box.setCurrentIndex(max(0, index))


class TestResult(QLabel):
    """One test's outcome: a mark and words, never colour alone."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def show_result(self, ok: bool, text: str) -> None:
        self.setText(("✔ " if ok else "⚠ ") + text)
        self.setProperty("alarm", not ok)
        self.setProperty("good", ok)
        self.style().unpolish(self)
        self.style().polish(self)

    def run(self, session: StationSession, work: Any, ok_words: Callable[[Any], str]) -> None:
        """Run ``work`` off the GUI thread and show how it went."""
        self.show_result(True, self.tr("Testing…"))
        session.run(
            work,
            lambda value: self.show_result(True, ok_words(value)),
            lambda feedback, _e: self.show_result(False, feedback.text),
        )


class CameraBox(QGroupBox):
    def __init__(self, session: StationSession, app: StationApp) -> None:
        super().__init__()
        self.setTitle(self.tr("Camera"))
        self.session, self.app = session, app
        row = QHBoxLayout(self)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        row.addWidget(fields, 1)
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.addItems(["", "0", "1", "2"])
        self.device.setToolTip(
            self.tr("A camera number, a device path or a video file; empty: no camera")
        )
        self.resolution = combo([(f"{w} × {h}", f"{w}x{h}") for w, h in RESOLUTIONS])
        self.test = QPushButton(self.tr("Test the camera"))
        self.result = TestResult()
        self.view = CameraPanel(None)
        self.view.status.setText(self.tr("Test the camera to see its live view here."))
        self.view.setMinimumHeight(200)
        self.view.scan_received.connect(self._on_view_scan_received)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(left(self.test))
        form.addRow(self.result)
        row.addWidget(self.view, 1)
        self.test.clicked.connect(self.run_test)
        self.device.currentTextChanged.connect(self.view.stop)
        self.resolution.currentIndexChanged.connect(self.view.stop)

    def fill(self, config: Config) -> None:
        self.device.setEditText(config.camera.device)
        size = f"{config.camera.width}x{config.camera.height}"
        if self.resolution.findData(size) < 0:  # a size set in the file: offered as it is
            self.resolution.addItem(size.replace("x", " × "), size)
        select(self.resolution, size)

    def values(self) -> tuple[str, int, int]:
        width, height = str(self.resolution.currentData()).split("x")
        return self.device.currentText().strip(), int(width), int(height)

    def changes(self) -> dict[str, Any]:
        device, width, height = self.values()
        return {"device": device, "width": width, "height": height}

    def run_test(self) -> None:
        hardware = self.app.hardware
        device, width, height = self.values()
        if hardware is None:
            return
        self.view.stop()

        def shown(check: CameraCheck) -> str:
            self.view.set_opener(hardware.camera_opener(device, width, height))
            self.view.start()
            return self.tr(
                "The camera works: {width} × {height} at {fps} frames a second. "
                "Hold a barcode in front of it."
            ).format(width=check.width, height=check.height, fps=round(check.fps))

        self.result.run(self.session, lambda: hardware.test_camera(device, width, height), shown)

    def _on_view_scan_received(self, raw: str | bytes) -> None:
        text = self.session.services.classify(raw).text
        self.result.show_result(True, self.tr("The camera read «{text}».").format(text=text))


class PrinterBox(QGroupBox):
    def __init__(self, session: StationSession, app: StationApp) -> None:
        super().__init__()
        self.setTitle(self.tr("Label printer"))
        self.session, self.app = session, app
        form = form_in(self)
        self.kind = combo(
            [
                (self.tr("A folder (PDF files)"), "folder:"),
                (self.tr("A Zebra on the network (ZPL, port 9100)"), "tcp://"),
                (self.tr("A system print queue (PDF)"), "cups:"),
                (self.tr("A system print queue, raw (ZPL)"), "cups-raw:"),
            ]
        )
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("folder, host:9100 or queue name"))
        self.template = QComboBox()
        self.format = combo([(self.tr("What the printer takes"), ""), ("PDF", "pdf")])
        self.format.addItem("ZPL", "zpl")
        self.language = combo(
            [(self.tr("The station's"), ""), ("English", "en"), ("Français", "fr")]
        )
        self.test = QPushButton(self.tr("Print a test label"))
        self.result = TestResult()
        form.addRow(self.tr("Printer"), self.kind)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Label"), self.template)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Label language"), self.language)
        form.addRow(left(self.test))
        form.addRow(self.result)
        self.test.clicked.connect(self.run_test)

    def fill(self, config: Config) -> None:
        hardware = self.app.hardware
        uri = config.printer.uri
        kind = next((k for k in PRINTER_KINDS if uri.startswith(k)), "folder:")
        select(self.kind, kind)
        self.address.setText(uri.removeprefix(kind))
        self.template.clear()
        for template in hardware.templates() if hardware else [config.printer.template]:
            self.template.addItem(template, template)
        select(self.template, config.printer.template)
        select(self.format, config.printer.format)
        select(self.language, config.printer.language)

    def uri(self) -> str:
        return str(self.kind.currentData()) + self.address.text().strip()

    def changes(self) -> dict[str, Any]:
        return {
            "uri": self.uri(),
            "template": self.template.currentData() or "",
            "format": self.format.currentData(),
            "language": self.language.currentData(),
        }

    def run_test(self) -> None:
        hardware, uri = self.app.hardware, self.uri()
        if hardware is None:
            return
        template = str(self.template.currentData() or "")
        fmt, language = str(self.format.currentData()), str(self.language.currentData())
        self.result.run(
            self.session,
            lambda: hardware.test_print(uri, template, fmt, language),
            lambda _v: self.tr("A test label went to {printer}. Scan it to check it reads.").format(
                printer=uri
            ),
        )
