"""The camera as a scanner: a live preview with the codes found outlined.

Frames and scans arrive from the camera's own threads through queued signals; the panel
only draws. No camera configured, or one that does not open or disappears: a plain message
here, and every other way of scanning keeps working.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from receiving_station.ports import CameraFrame, ErrorSink, FrameSink, ScanSink, ScanSource
from ui.errors import describe
from ui.threads import GuiInbox

CameraOpener = Callable[[FrameSink, ScanSink, ErrorSink], ScanSource]


class PreviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Camera preview"))
        self.frame: CameraFrame | None = None
        self._image: QImage | None = None

    def show_frame(self, frame: CameraFrame) -> None:
        self.frame = frame
        self._image = QImage(
            frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888
        ).copy()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()  # ended here, never left to the garbage collector

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if self._image is None or self.frame is None:
            return
        scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x0 = (self.width() - scaled.width()) / 2
        y0 = (self.height() - scaled.height()) / 2
        k = scaled.width() / self.frame.width
        painter.drawImage(
            int(x0), int(y0), self._image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio)
        )
        pen = QPen(Qt.GlobalColor.green, 4)
        painter.setPen(pen)
        for outline in self.frame.outlines:
            painter.drawPolygon(QPolygonF([QPointF(x0 + x * k, y0 + y * k) for x, y in outline]))


class CameraPanel(QWidget):
    scan_received = Signal(object)

    def __init__(self, opener: CameraOpener | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.opener = opener
        self.source: ScanSource | None = None
        # the camera's threads reach the GUI thread through these; a frame not yet shown is
        # replaced by the next one, so a busy window never falls behind the camera
        self.inbox = GuiInbox(self)
        self.frames = self.inbox.channel(self._on_frame, latest=True)
        self.scans = self.inbox.channel(self.scan_received.emit)
        self.errors = self.inbox.channel(self._on_error)
        layout = QVBoxLayout(self)
        self.preview = PreviewView()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("cameraStatus")
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._on_toggle_clicked)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.toggle)
        self.set_opener(opener)

    def set_opener(self, opener: CameraOpener | None) -> None:
        """Another camera (the settings changed): stops the one running."""
        self.stop()
        self.opener = opener
        self.toggle.setEnabled(opener is not None)
        if opener is None:
            self.status.setText(
                self.tr(
                    "No camera is configured for this station ([camera] device in the "
                    "configuration). Hand scanners work as usual."
                )
            )
        else:
            self.status.clear()

    @property
    def running(self) -> bool:
        return self.source is not None

    def start(self) -> None:
        if self.opener is None or self.source is not None:
            return
        source = self.opener(self.frames, self.scans, self.errors)
        try:
            source.start()
        except Exception as exc:
            self._on_error(exc)
            return
        self.source = source
        self.toggle.setText(self.tr("Stop camera"))
        self.status.setText(self.tr("Hold the barcode in front of the camera."))

    def stop(self) -> None:
        if self.source is not None:
            self.source.stop()
            self.source = None
        self._stopped()

    def _stopped(self) -> None:
        self.toggle.setText(self.tr("Start camera"))

    def _on_toggle_clicked(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def _on_frame(self, frame: CameraFrame) -> None:
        if self.source is None:
            return
        self.preview.show_frame(frame)
        if frame.outlines:
            self.status.setText(self.tr("Code found: hold still."))

    def _on_error(self, error: BaseException) -> None:
        self.stop()
        self.status.setText("⚠ " + describe(error).text)
