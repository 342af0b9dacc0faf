"""What the Inspect page does with photos and labels, kept apart from its scan handling.

Mixins of :class:`ui.inspect_page.InspectPage`: they use its session, its view, its step
panel and its one-call-at-a-time runner. Their words are in the page's translation
context ("InspectPage"), named explicitly so the translation tools find them there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    SignalInstance,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from receiving_station.files import PHOTO_FILE_LIMIT, read_limited, write_atomic
from receiving_station.services.inspection_views import InspectionView
from ui.banner import Banner
from ui.errors import Feedback, Level
from ui.session import StationSession
from ui.step_panel import StepPanel
from workflows.definition import StepKind

translate = QCoreApplication.translate


class _Page:
    """What the mixins need from the page."""

    session: StationSession
    view: InspectionView | None
    steps: StepPanel
    banner: Banner
    camera_capture: Callable[[], Callable[[], bytes] | None]
    last_lpn: str
    label_queued: SignalInstance
    feedback: Callable[[Feedback], None]
    _run: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _on_stepped: Callable[[InspectionView], None]
    _with_unit: Callable[[Callable[[Any, int, int], Any], Callable[[Any], None]], None]


class PhotoActions(_Page):
    def _load_thumbnails(self, view: InspectionView) -> None:
        step = view.step
        if step is None or step.kind is not StepKind.PHOTO:
            return
        refs = view.progress.answers.get(step.id, ())
        missing = [r for r in refs if r not in self.steps.thumbnails]  # type: ignore[union-attr]
        if not missing:
            return

        services, who = self.session.services, self.session.who
        if who is None:
            return
        actor = who.actor

        def load() -> dict[str, bytes]:
            return {ref: services.photo_thumbnail(actor, ref) for ref in missing}

        def loaded(found: dict[str, bytes]) -> None:
            self.steps.thumbnails.update(found)
            if self.view is view:
                self.steps.show_view(view)

        self.session.run(load, loaded, lambda feedback, _e: self.feedback(feedback))

    def add_photo_files(self, paths: list[str]) -> None:
        """Files read off the GUI thread; one that cannot be read is named, nothing saved."""
        services = self.session.services

        def add(actor: Any, i: int, v: int) -> InspectionView:
            datas = []
            for path in paths:
                datas.append(read_limited(Path(path), PHOTO_FILE_LIMIT))
            view = None
            for data in datas:
                view = services.add_photo(actor, i, v, data)
                v = view.inspection.version
            assert view is not None
            return view

        if paths:
            self._with_unit(add, self._on_stepped)

    def add_photo_file(self, path: str) -> None:
        self.add_photo_files([path])

    def _on_steps_photo_from_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self if isinstance(self, QWidget) else None,
            translate("InspectPage", "Add photos"),
            "",
            translate("InspectPage", "Images (*.jpg *.jpeg *.png)"),
        )
        self.add_photo_files(paths)

    def photo_from_camera(self) -> None:
        """A full-resolution photo from the camera (button, space bar or PHOTO)."""
        capture = self.camera_capture()
        if capture is None:
            self.feedback(
                Feedback(
                    QCoreApplication.translate(
                        "InspectPage",
                        "No camera picture: start the camera (F8) or add a photo from a file.",
                    ),
                    Level.WARNING,
                )
            )
            return
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.add_photo(actor, i, v, capture()), self._on_stepped
        )

    def _on_steps_photo_removed(self, step_id: str, ref: str) -> None:
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.remove_photo(actor, i, v, step_id, ref),
            self._on_stepped,
        )


class EvidenceActions(_Page):
    parcel: Any

    def _on_evidence_button_clicked(self) -> None:
        if not self.parcel or not self.parcel.rma_numbers:
            return
        number = self.parcel.rma_numbers[0]
        path, _ = QFileDialog.getSaveFileName(
            self if isinstance(self, QWidget) else None,
            translate("InspectPage", "Save the evidence pack"),
            f"evidence-{number}.pdf",
            translate("InspectPage", "PDF (*.pdf)"),
        )
        if path:
            self.save_evidence(number, path)

    def save_evidence(self, key: str, path: str) -> None:
        """The evidence pack of ``key`` (an RMA or a license plate) written to ``path``,
        off the GUI thread."""
        who, services = self.session.who, self.session.services
        if who is None:
            return

        def work() -> None:
            pdf, _summary = services.evidence_pack(who.actor, key)
            write_atomic(Path(path), pdf)  # FileNotWritten names the path and why

        def done(_r: None) -> None:
            words = translate("InspectPage", "Evidence pack of {key} saved to {path}.")
            self.feedback(Feedback(words.format(key=key, path=path), Level.SUCCESS))

        self.session.run(work, done, lambda feedback, _e: self.feedback(feedback))


class LabelActions(_Page):
    def _show_label(self, inspection: Any) -> None:
        services = self.session.services
        who = self.session.who
        if who is None or inspection.id is None:
            return
        inspection_id, lpn = inspection.id, inspection.lpn
        self.session.run(
            lambda: services.label_preview(who.actor, inspection_id),
            lambda png: self.steps.show_label(png, lpn),
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )

    def reprint(self, lpn: str = "") -> None:
        services = self.session.services
        who, lpn = self.session.who, lpn or self.last_lpn
        if who is None:
            return
        if not lpn:
            self.feedback(
                Feedback(
                    QCoreApplication.translate(
                        "InspectPage", "No label printed here yet: nothing to reprint."
                    ),
                    Level.INFO,
                )
            )
            return
        self._run(lambda: services.reprint(who.actor, lpn), self._on_reprinted)

    def _on_reprinted(self, job: Any) -> None:
        self.label_queued.emit()
        self.feedback(
            Feedback(
                translate("InspectPage", "Label {lpn} printed again.").format(lpn=job.lpn),
                Level.SUCCESS,
            )
        )
