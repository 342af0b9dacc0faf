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

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.scan import PARCEL_KINDS, ScanKind
from receiving_station.errors import BadAnswer, InspectionIncomplete, PinNeeded, StationError
from receiving_station.services.inspection_views import InspectionView, ParcelView
from receiving_station.services.station import LoggedIn
from ui.banner import Banner
from ui.errors import Feedback, Level, describe
from ui.inspect_actions import EvidenceActions, LabelActions, PhotoActions
from ui.labels import disposition_label
from ui.parcel_panel import ParcelPanel
from ui.pin_dialog import PinDialog
from ui.session import StationSession, Who
from ui.step_panel import StepPanel
from ui.step_summary import language
from workflows.definition import StepKind, text


class InspectPage(PhotoActions, LabelActions, EvidenceActions, QWidget):
    user_switched = Signal(object)
    label_queued = Signal()
    """A label waits in the print queue: the window sends it to the printer."""

    def __init__(
        self,
        session: StationSession,
        workflows_dir: Path,
        camera_capture: Callable[[], Callable[[], bytes] | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectPage")
        self.session = session
        self.pin_dialog: PinDialog | None = None
        self.camera_capture = camera_capture
        """What takes a photo now (the camera running), or None."""
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
        self.evidence_button = QPushButton(self.tr("Evidence pack…"))
        self.evidence_button.setAccessibleName(
            self.tr("Save the evidence pack of this parcel as a PDF")
        )
        self.evidence_button.setEnabled(False)
        row.addWidget(self.search, 1)
        row.addWidget(self.go_button)
        row.addWidget(self.evidence_button)
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.parcel_panel = ParcelPanel()
        self.parcel_panel.unit_opened.connect(self.open_unit)
        # what the rest of the page (and its tests) reach directly
        self.parcel_title = self.parcel_panel.title
        self.lines = self.parcel_panel.lines
        self.units = self.parcel_panel.units
        self.damaged = self.parcel_panel.damaged
        self.close_button = self.parcel_panel.close_button
        self.steps = StepPanel(workflows_dir)
        split.addWidget(self.parcel_panel)
        split.addWidget(self.steps)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        layout.addWidget(split, 1)

        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.go_button.clicked.connect(self._on_search_return_pressed)
        self.evidence_button.clicked.connect(self._on_evidence_button_clicked)
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
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.steps, self._on_space)
        space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setAcceptDrops(True)  # photo files dropped on the page
        self._refresh()

    def _on_space(self) -> None:
        """The space bar takes the photo on a photo step; elsewhere it presses the button."""
        step = self.view.step if self.view else None
        if step is not None and step.kind is StepKind.PHOTO:
            self.photo_from_camera()
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton):
            focused.animateClick()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        step = self.view.step if self.view else None
        if step is None or step.kind is not StepKind.PHOTO:
            self.feedback(
                Feedback(self.tr("Drop photos on a photo step of the inspection."), Level.INFO)
            )
            return
        event.acceptProposedAction()
        self.add_photo_files(paths)

    # -- rendering ------------------------------------------------------------------------

    def _refresh(self) -> None:
        self.parcel_panel.show_parcel(self.parcel)
        self.evidence_button.setEnabled(bool(self.parcel and self.parcel.rma_numbers))

    def show_parcel(self, parcel: ParcelView) -> None:
        self.parcel = parcel
        self._refresh()
        if parcel.workflow_errors:
            self.feedback(describe(parcel.workflow_errors[0]))

    def show_inspection(self, view: InspectionView) -> None:
        self.view = view
        self.steps.scale = tuple(self.session.services.grades())
        self.steps.camera_ready = self.camera_capture() is not None
        self._load_thumbnails(view)
        self.steps.show_view(view)

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
        services = self.session.services
        who = self.session.who
        if who is None:
            return
        if self._busy:
            self._queued.append(raw)
            return
        scan = self.session.services.classify(raw)
        if not scan.readable:
            self._run(lambda: services.readable(raw), lambda _r: None)
            return
        if scan.kind is ScanKind.BADGE:
            self._run(lambda: services.login_badge(raw), self._on_logged_in)
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
            self._run(lambda: services.open_parcel(who.actor, raw), self._on_parcel_opened)
            return
        receipt, damaged = self.parcel.receipt_id, self.damaged.isChecked()
        self._run(
            lambda: services.scan_unit(who.actor, receipt, raw, damaged=damaged),
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
        if isinstance(error, PinNeeded):  # a lead's badge: their PIN completes the switch
            badge, services = str(error.params["badge"]), self.session.services

            def entered(_badge: str, pin: str) -> None:
                self._run(lambda: services.login_badge_pin(badge, pin), self._on_logged_in)

            self.banner.show_feedback(feedback)
            self.pin_dialog = PinDialog.switch_user(badge, feedback.text, entered, self)
            return
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

    def resume_unfinished(self, on_found: Callable[[], None]) -> None:
        """Put back the unit this inspector left half done at this station (the station was
        killed, the power went, they logged out mid-unit), every answer kept. ``on_found``
        runs first, so the window can bring this page forward. Quiet when there is none."""
        services, who = self.session.services, self.session.who
        if who is None or self.parcel is not None:
            return

        def found(left: tuple[ParcelView, int] | None) -> None:
            if left is None or self.parcel is not None or self.session.who != who:
                return
            parcel, inspection_id = left
            on_found()
            self.view = None
            self.steps.thumbnails.clear()
            self.show_parcel(parcel)
            self.open_unit(inspection_id)
            unit = next((u for u in parcel.units if u.inspection_id == inspection_id), None)
            self.feedback(
                Feedback(
                    self.tr("Back to {unit} where you left it: every answer is kept.").format(
                        unit=unit.reference if unit else ""
                    ),
                    Level.INFO,
                )
            )

        self.session.run(lambda: services.unfinished_unit(who.actor), found, lambda _f, _e: None)

    def open_unit(self, inspection_id: int) -> None:
        services = self.session.services
        who = self.session.who
        if who is None:
            return
        self._run(
            lambda: services.inspection(who.actor, inspection_id),
            self.show_inspection,
        )

    def _on_unit_started(self, view: InspectionView) -> None:
        self.damaged.setChecked(False)
        self.banner.clear()
        self.show_inspection(view)
        self._reload_parcel()

    def _reload_parcel(self) -> None:
        services = self.session.services
        who, parcel = self.session.who, self.parcel
        if who is None or parcel is None:
            return
        receipt = parcel.receipt_id
        self._run(lambda: services.parcel(who.actor, receipt), self.show_parcel)

    def _with_unit(
        self, call: Callable[[Any, int, int], Any], on_done: Callable[[Any], None]
    ) -> None:
        """One core call about the unit on screen, against the version the inspector saw."""
        who, view = self.session.who, self.view
        if who is None or view is None or view.inspection.finished or self._busy:
            return
        i = view.inspection
        assert i.id is not None
        inspection_id, version = i.id, i.version
        self._run(lambda: call(who.actor, inspection_id, version), on_done)

    def _step(self, move: str, value: Any = None) -> None:
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.inspection_step(actor, i, v, move, value),
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
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.complete_inspection(actor, i, v, disposition, reason),
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

    def close_box(self) -> None:
        services = self.session.services
        who, parcel = self.session.who, self.parcel
        if who is None or parcel is None:
            return
        receipt = parcel.receipt_id
        self._run(lambda: services.close_parcel(who.actor, receipt), self._on_closed)

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
