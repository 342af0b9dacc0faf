"""Photos of a damaged parcel, taken at receipt before it is opened: from the camera (or
the PHOTO barcode) or from files, each made ready off the GUI thread and shown as a
thumbnail; they are stored with the receipt when the parcel is received."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from receiving_station.files import PHOTO_FILE_LIMIT, read_limited
from receiving_station.ports import PreparedPhoto
from ui.errors import Feedback, Level
from ui.session import StationSession

THUMB = 72


class ParcelPhotos(QWidget):
    said = Signal(object)
    """A :class:`Feedback` for the page's banner."""

    def __init__(
        self,
        session: StationSession,
        camera_capture: Callable[[], Callable[[], bytes] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("parcelPhotos")
        self.session, self.camera_capture = session, camera_capture
        self.photos: list[PreparedPhoto] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.count = QLabel()
        self.camera_button = QPushButton(self.tr("Photo of the parcel (camera)"))
        self.file_button = QPushButton(self.tr("Photo from a file…"))
        self.undo_button = QPushButton(self.tr("Remove the last photo"))
        self.strip = QHBoxLayout()
        row.addWidget(self.count)
        row.addLayout(self.strip)
        row.addStretch(1)
        for button in (self.camera_button, self.file_button, self.undo_button):
            row.addWidget(button)
        self.camera_button.clicked.connect(self.take_photo)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.undo_button.clicked.connect(self.remove_last)
        self._show()

    def _show(self) -> None:
        n = len(self.photos)
        self.count.setText(
            self.tr("⚠ Photograph the parcel before opening it.")
            if n == 0
            else self.tr("%n photo(s) of the parcel", "", n)
        )
        self.undo_button.setEnabled(n > 0)
        while self.strip.count():
            item = self.strip.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        for photo in self.photos:
            pixmap = QPixmap()
            pixmap.loadFromData(photo.thumbnail)
            label = QLabel()
            label.setPixmap(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            self.strip.addWidget(label)

    def clear(self) -> None:
        self.photos = []
        self._show()

    def remove_last(self) -> None:
        if self.photos:
            self.photos.pop()
            self._show()

    def _add(self, read: Callable[[], bytes]) -> None:
        services = self.session.services

        def done(photo: PreparedPhoto) -> None:
            self.photos.append(photo)
            self._show()

        self.session.run(
            lambda: services.prepare_photo(read()),
            done,
            lambda feedback, _e: self.said.emit(feedback),
        )

    def take_photo(self) -> None:
        capture = self.camera_capture()
        if capture is None:
            self.said.emit(
                Feedback(
                    self.tr("No camera picture: start the camera (F8) or add a photo from a file."),
                    Level.WARNING,
                )
            )
            return
        self._add(capture)

    def add_file(self, path: str) -> None:
        def read() -> bytes:
            return read_limited(Path(path), PHOTO_FILE_LIMIT)

        self._add(read)

    def _on_file_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo of the parcel"), "", self.tr("Images (*.jpg *.jpeg *.png)")
        )
        if path:
            self.add_file(path)
