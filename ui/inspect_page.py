"""The Inspect page: open a received parcel, then take each unit out of the box, scan it and
follow its workflow one step per screen; close the box when it is empty.

Scanner first: a parcel label opens the parcel, an item's code starts its inspection, a
scan while a scan step is on screen answers it, and the NEXT, BACK, SKIP, DONE, PHOTO and
CANCEL barcodes drive the steps. Every answer is one core call, saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.scan import PARCEL_KINDS, ScanKind
from receiving_station.errors import BadAnswer, BadPhoto, InspectionIncomplete, StationError
from receiving_station.ports import CameraFrame
from receiving_station.services.inspection_views import InspectionView, ParcelView
from receiving_station.services.photos import NOT_AN_IMAGE
from receiving_station.services.station import LoggedIn
from ui.banner import Banner
from ui.errors import Feedback, Level, describe
from ui.labels import condition_label, disposition_label, status_label
from ui.session import StationSession, Who
from ui.step_panel import StepPanel, language
from workflows.definition import StepKind, text

PHOTO_LONG_SIDE = 1600


def jpeg_of(image: QImage) -> tuple[bytes, int, int] | None:
    """The image as JPEG bytes, its long side at most 1600 px: what the core stores."""
    if image.isNull():
        return None
    if max(image.width(), image.height()) > PHOTO_LONG_SIDE:
        image = image.scaled(
            PHOTO_LONG_SIDE,
            PHOTO_LONG_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 88)  # type: ignore[call-overload]  # PySide6 takes str here
    return bytes(data.data()), image.width(), image.height()


class InspectPage(QWidget):
    user_switched = Signal(object)
    label_queued = Signal()
    """A label waits in the print queue: the window sends it to the printer."""

    def __init__(
        self,
        session: StationSession,
        workflows_dir: Path,
        camera_frame: Callable[[], CameraFrame | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectPage")
        self.session = session
        self.camera_frame = camera_frame
        self.parcel: ParcelView | None = None
        self.view: InspectionView | None = None
        self._busy = False
        self._queued: list[str | bytes] = []
        self.last_lpn = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("scanField")
        self.search.setPlaceholderText(
            self.tr("Scan the parcel's label, then each item taken out of the box")
        )
        self.search.setAccessibleName(self.tr("Parcel label or item code"))
        self.go_button = QPushButton(self.tr("Find"))
        row.addWidget(self.search, 1)
        row.addWidget(self.go_button)
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.parcel_title = QLabel(self.tr("No parcel open"))
        self.parcel_title.setObjectName("rmaNumber")
        self.parcel_title.setWordWrap(True)
        self.lines = self._table(
            [self.tr("SKU"), self.tr("Item"), self.tr("Expected"), self.tr("Found")]
        )
        self.units = self._table(
            [self.tr("Unit"), self.tr("SKU"), self.tr("Workflow"), self.tr("Status")]
        )
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.units.cellDoubleClicked.connect(self._on_units_cell_double_clicked)
        self.damaged = QCheckBox(self.tr("Next item arrived damaged"))
        self.damaged.setObjectName("damagedToggle")
        self.close_button = QPushButton(self.tr("Box is empty: close it (F9)"))
        left_layout.addWidget(self.parcel_title)
        left_layout.addWidget(self._caption(self.tr("Lines of the return")))
        left_layout.addWidget(self.lines, 2)
        left_layout.addWidget(self._caption(self.tr("Units taken out of the box")))
        left_layout.addWidget(self.units, 3)
        left_layout.addWidget(self.damaged)
        left_layout.addWidget(self.close_button)
        self.steps = StepPanel(workflows_dir)
        split.addWidget(left)
        split.addWidget(self.steps)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        layout.addWidget(split, 1)

        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.go_button.clicked.connect(self._on_search_return_pressed)
        self.close_button.clicked.connect(self.close_box)
        self.steps.answered.connect(self._on_steps_answered)
        self.steps.moved.connect(self._on_steps_moved)
        self.steps.go_to_step.connect(lambda step_id: self._step("goto", step_id))
        self.steps.completed.connect(self._on_steps_completed)
        self.steps.photo_from_file.connect(self._on_steps_photo_from_file)
        self.steps.photo_from_camera.connect(self.photo_from_camera)
        self.steps.photo_removed.connect(self._on_steps_photo_removed)
        self.steps.reprint_requested.connect(self.reprint)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.close_box)
        self._refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _caption(self, words: str) -> QLabel:
        label = QLabel(words)
        label.setObjectName("caption")
        return label

    # -- rendering ------------------------------------------------------------------------

    def _refresh(self) -> None:
        parcel = self.parcel
        self.close_button.setEnabled(parcel is not None)
        self.damaged.setEnabled(parcel is not None)
        if parcel is None:
            self.parcel_title.setText(self.tr("No parcel open"))
            self.lines.setRowCount(0)
            self.units.setRowCount(0)
            return
        self.parcel_title.setText(
            " + ".join(parcel.rma_numbers)
            or self.tr("Unidentified parcel {label}").format(label=parcel.label)
        )
        self.lines.setRowCount(len(parcel.lines))
        box_closed = any(u.condition == "missing_item" for u in parcel.units)
        for r, line in enumerate(parcel.lines):
            found = (
                self.tr("{found} ({missing} missing)").format(
                    found=line.received, missing=line.missing
                )
                if line.missing and box_closed
                else str(line.received)
            )
            for c, value in enumerate([line.sku, line.description, str(line.expected), found]):
                self.lines.setItem(r, c, QTableWidgetItem(value))
        self.units.setRowCount(len(parcel.units))
        for r, unit in enumerate(parcel.units):
            status = status_label(unit.status, unit.lead_approval)
            if unit.disposition:
                status += " · " + disposition_label(unit.disposition)
            values = [unit.reference, unit.sku or "—", condition_label(unit.condition), status]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, unit.inspection_id)
                self.units.setItem(r, c, item)

    def show_parcel(self, parcel: ParcelView) -> None:
        self.parcel = parcel
        self._refresh()
        if parcel.workflow_errors:
            self.feedback(describe(parcel.workflow_errors[0]))

    def show_inspection(self, view: InspectionView) -> None:
        self.view = view
        self.steps.scale = tuple(self.session.services.grades())
        self.steps.camera_ready = self.camera_frame() is not None
        self._load_thumbnails(view)
        self.steps.show_view(view)

    def _load_thumbnails(self, view: InspectionView) -> None:
        step = view.step
        if step is None or step.kind is not StepKind.PHOTO:
            return
        refs = view.progress.answers.get(step.id, ())
        missing = [r for r in refs if r not in self.steps.thumbnails]  # type: ignore[union-attr]
        if not missing:
            return

        def load() -> dict[str, bytes]:
            return {ref: self.session.services.photo(ref) for ref in missing}

        def loaded(found: dict[str, bytes]) -> None:
            self.steps.thumbnails.update(found)
            if self.view is view:
                self.steps.show_view(view)

        self.session.run(load, loaded, lambda feedback, _e: self.feedback(feedback))

    def feedback(self, feedback: Feedback) -> None:
        self.banner.show_feedback(feedback)
        self.session.acknowledge(feedback.level)

    def clear(self) -> None:
        self.parcel = None
        self.view = None
        self.steps.thumbnails.clear()
        self.damaged.setChecked(False)
        self.search.clear()
        self.steps.show_view(None)
        self._refresh()

    # -- scans ----------------------------------------------------------------------------

    def _on_search_return_pressed(self) -> None:
        if self.search.text().strip():
            self.handle_scan(self.search.text())
            self.search.clear()

    def handle_scan(self, raw: str | bytes) -> None:
        who = self.session.who
        if who is None:
            return
        if self._busy:
            self._queued.append(raw)
            return
        scan = self.session.services.classify(raw)
        if not scan.readable:
            self._run(lambda: self.session.services.readable(raw), lambda _r: None)
            return
        if scan.kind is ScanKind.BADGE:
            self._run(lambda: self.session.services.login_badge(raw), self._on_logged_in)
            return
        if scan.kind is ScanKind.COMMAND:
            self.command(scan.text)
            return
        step = self.view.step if self.view is not None else None
        if step is not None and step.kind is StepKind.SCAN:
            self._step("answer", scan.raw)
            return
        parcel_label = scan.kind in PARCEL_KINDS and scan.kind is not ScanKind.UNKNOWN
        is_product = scan.reading(ScanKind.PRODUCT) is not None
        if self.parcel is None or (parcel_label and not is_product):
            self._run(
                lambda: self.session.services.open_parcel(who.actor, raw), self._on_parcel_opened
            )
            return
        receipt, damaged = self.parcel.receipt_id, self.damaged.isChecked()
        self._run(
            lambda: self.session.services.scan_unit(who.actor, receipt, raw, damaged=damaged),
            self._on_unit_started,
        )

    def command(self, command: str) -> None:
        if command in ("NEXT", "DONE"):
            self.steps.next_or_accept()
        elif command == "BACK":
            self._step("back")
        elif command == "SKIP":
            self._step("skip")
        elif command == "PHOTO":
            self.photo_from_camera()
        elif command == "REPRINT":
            self.reprint()
        elif command == "CANCEL":
            self.clear()
            self.banner.clear()
        else:
            self.feedback(
                Feedback(
                    self.tr("The {command} command does nothing on the Inspect page.").format(
                        command=command
                    ),
                    Level.INFO,
                )
            )

    # -- core calls -----------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """One core call at a time: an answer is saved against the version on screen, so a
        second tap before the first is saved would be refused as stale. Taps while busy are
        dropped; scans wait their turn."""
        self._busy = True

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)
            self._next_scan()

        def failed(feedback: Feedback, error: BaseException) -> None:
            self._busy = False
            self._on_failed(feedback, error)
            self._next_scan()

        self.session.run(fn, done, failed)

    def _next_scan(self) -> None:
        if self._queued and not self._busy:
            self.handle_scan(self._queued.pop(0))

    @property
    def busy(self) -> bool:
        return self._busy

    def _on_failed(self, feedback: Feedback, error: BaseException) -> None:
        if isinstance(error, (BadAnswer, InspectionIncomplete)) and self.view is not None:
            feedback = Feedback(self._in_words(error, feedback), feedback.level)
            if isinstance(error, InspectionIncomplete):
                self._step("goto", str(error.params["step"]))
        self.banner.show_feedback(feedback)

    def _in_words(self, error: StationError, feedback: Feedback) -> str:
        """Name the step by its question, not by its id."""
        assert self.view is not None
        step_id = str(error.params.get("step", ""))
        try:
            question = text(self.view.workflow.step(step_id).question, language())
        except KeyError:
            return feedback.text
        return feedback.text.replace(step_id, f"« {question} »", 1)

    def _on_logged_in(self, result: LoggedIn) -> None:
        self.clear()
        self.user_switched.emit(Who(result.user, result.actor))

    def _on_parcel_opened(self, parcel: ParcelView) -> None:
        self.view = None
        self.steps.thumbnails.clear()
        self.show_parcel(parcel)
        resume = parcel.open_inspections
        if resume:
            self.banner.clear()
            self.open_unit(resume[0].inspection_id)
        else:
            self.steps.show_view(None)
            self.feedback(
                Feedback(
                    self.tr("Parcel {rma} open: scan the first item.").format(
                        rma=" + ".join(parcel.rma_numbers)
                    ),
                    Level.SUCCESS,
                )
            )

    def open_unit(self, inspection_id: int) -> None:
        who = self.session.who
        if who is None:
            return
        self._run(
            lambda: self.session.services.inspection(who.actor, inspection_id),
            self.show_inspection,
        )

    def _on_units_cell_double_clicked(self, row: int, _column: int) -> None:
        item = self.units.item(row, 0)
        if item is not None:
            self.open_unit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_unit_started(self, view: InspectionView) -> None:
        self.damaged.setChecked(False)
        self.banner.clear()
        self.show_inspection(view)
        self._reload_parcel()

    def _reload_parcel(self) -> None:
        who, parcel = self.session.who, self.parcel
        if who is None or parcel is None:
            return
        receipt = parcel.receipt_id
        self._run(lambda: self.session.services.parcel(who.actor, receipt), self.show_parcel)

    def _step(self, move: str, value: Any = None) -> None:
        who, view = self.session.who, self.view
        if who is None or view is None or view.inspection.finished or self._busy:
            return
        i = view.inspection
        assert i.id is not None
        inspection_id, version = i.id, i.version
        self._run(
            lambda: self.session.services.inspection_step(
                who.actor, inspection_id, version, move, value
            ),
            self._on_stepped,
        )

    def _on_stepped(self, view: InspectionView) -> None:
        self.banner.clear()
        self.show_inspection(view)

    def _on_steps_answered(self, value: Any) -> None:
        self._step("answer", value)

    def _on_steps_moved(self, move: str) -> None:
        self._step(move)

    def _on_steps_completed(self, disposition: str, reason: str) -> None:
        who, view = self.session.who, self.view
        if who is None or view is None or view.inspection.finished or self._busy:
            return
        i = view.inspection
        assert i.id is not None
        inspection_id, version = i.id, i.version
        self._run(
            lambda: self.session.services.complete_inspection(
                who.actor, inspection_id, version, disposition, reason
            ),
            self._on_completed,
        )

    def _on_completed(self, view: InspectionView) -> None:
        i = view.inspection
        self.view = None
        self.steps.show_view(None)
        if i.lpn:
            self.last_lpn = i.lpn
            self.label_queued.emit()
            self._show_label(i)
        decision = self.tr("{ref}: {disposition} → {zone}.").format(
            ref=i.reference, disposition=disposition_label(i.disposition).upper(), zone=i.zone
        )
        if i.lead_approval:
            self.feedback(Feedback(decision + " " + self.tr("A lead approves it."), Level.WARNING))
        else:
            self.feedback(Feedback(decision + " " + self.tr("Next item."), Level.SUCCESS))
        self._reload_parcel()

    def _show_label(self, inspection: Any) -> None:
        who = self.session.who
        if who is None or inspection.id is None:
            return
        inspection_id, lpn = inspection.id, inspection.lpn
        self.session.run(
            lambda: self.session.services.label_preview(who.actor, inspection_id),
            lambda png: self.steps.show_label(png, lpn),
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def reprint(self, lpn: str = "") -> None:
        who, lpn = self.session.who, lpn or self.last_lpn
        if who is None:
            return
        if not lpn:
            self.feedback(
                Feedback(self.tr("No label printed here yet: nothing to reprint."), Level.INFO)
            )
            return
        self._run(lambda: self.session.services.reprint(who.actor, lpn), self._on_reprinted)

    def _on_reprinted(self, job: Any) -> None:
        self.label_queued.emit()
        self.feedback(
            Feedback(self.tr("Label {lpn} printed again.").format(lpn=job.lpn), Level.SUCCESS)
        )

    def close_box(self) -> None:
        who, parcel = self.session.who, self.parcel
        if who is None or parcel is None:
            return
        receipt = parcel.receipt_id
        self._run(lambda: self.session.services.close_parcel(who.actor, receipt), self._on_closed)

    def _on_closed(self, result: InspectionView | ParcelView) -> None:
        if isinstance(result, InspectionView):
            self.feedback(
                Feedback(self.tr("Units are missing: record what the box holds."), Level.WARNING)
            )
            self.show_inspection(result)
            self._reload_parcel()
            return
        self.show_parcel(result)
        self.feedback(
            Feedback(self.tr("Parcel closed: every unit is accounted for."), Level.SUCCESS)
        )

    # -- photos ---------------------------------------------------------------------------

    def add_photo_image(self, image: QImage) -> None:
        who, view = self.session.who, self.view
        prepared = jpeg_of(image)
        if who is None or view is None:
            return
        if prepared is None:
            self.feedback(describe(BadPhoto(reason=NOT_AN_IMAGE)))
            return
        data, width, height = prepared
        i = view.inspection
        assert i.id is not None
        inspection_id, version = i.id, i.version
        self._run(
            lambda: self.session.services.add_photo(
                who.actor, inspection_id, version, data, "image/jpeg", width, height
            ),
            self._on_stepped,
        )

    def add_photo_file(self, path: str) -> None:
        self.add_photo_image(QImage(path))

    def _on_steps_photo_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a photo"), "", self.tr("Images (*.jpg *.jpeg *.png)")
        )
        if path:
            self.add_photo_file(path)

    def photo_from_camera(self) -> None:
        frame = self.camera_frame()
        if frame is None:
            self.feedback(
                Feedback(
                    self.tr("No camera picture: start the camera (F8) or add a photo from a file."),
                    Level.WARNING,
                )
            )
            return
        image = QImage(
            frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888
        ).copy()
        self.add_photo_image(image)

    def _on_steps_photo_removed(self, step_id: str, ref: str) -> None:
        who, view = self.session.who, self.view
        if who is None or view is None:
            return
        i = view.inspection
        assert i.id is not None
        inspection_id, version = i.id, i.version
        self._run(
            lambda: self.session.services.remove_photo(
                who.actor, inspection_id, version, step_id, ref
            ),
            self._on_stepped,
        )
