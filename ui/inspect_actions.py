"""What the Inspect page does with photos and labels, kept apart from its scan handling.

Mixins of :class:`ui.inspect_page.InspectPage`: they use its session, its view, its step
panel and its one-call-at-a-time runner. Their words are in the page's translation
context ("InspectPage"), named explicitly so the translation tools find them there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from receiving_station.errors import BadPhoto
from receiving_station.ports import CameraFrame
from receiving_station.services.inspection_views import InspectionView
from receiving_station.services.photos import NOT_AN_IMAGE
from ui.banner import Banner
from ui.errors import Feedback, Level, describe
from ui.session import StationSession
from ui.step_panel import StepPanel
from workflows.definition import StepKind

translate = QCoreApplication.translate

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


class _Page:
    """What the mixins need from the page."""

    session: StationSession
    view: InspectionView | None
    steps: StepPanel
    banner: Banner
    camera_frame: Callable[[], CameraFrame | None]
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

        def load() -> dict[str, bytes]:
            return {ref: self.session.services.photo(ref) for ref in missing}

        def loaded(found: dict[str, bytes]) -> None:
            self.steps.thumbnails.update(found)
            if self.view is view:
                self.steps.show_view(view)

        self.session.run(load, loaded, lambda feedback, _e: self.feedback(feedback))

    def add_photo_image(self, image: QImage) -> None:
        prepared = jpeg_of(image)
        if prepared is None:
            self.feedback(describe(BadPhoto(reason=NOT_AN_IMAGE)))
            return
        data, width, height = prepared
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.add_photo(actor, i, v, data, "image/jpeg", width, height),
            self._on_stepped,
        )

    def add_photo_file(self, path: str) -> None:
        self.add_photo_image(QImage(path))

    def _on_steps_photo_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self if isinstance(self, QWidget) else None,
            translate("InspectPage", "Add a photo"),
            "",
            translate("InspectPage", "Images (*.jpg *.jpeg *.png)"),
        )
        if path:
            self.add_photo_file(path)

    def photo_from_camera(self) -> None:
        frame = self.camera_frame()
        if frame is None:
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
        image = QImage(
            frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888
        ).copy()
        self.add_photo_image(image)

    def _on_steps_photo_removed(self, step_id: str, ref: str) -> None:
        services = self.session.services
        self._with_unit(
            lambda actor, i, v: services.remove_photo(actor, i, v, step_id, ref),
            self._on_stepped,
        )


class LabelActions(_Page):
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
                Feedback(
                    QCoreApplication.translate(
                        "InspectPage", "No label printed here yet: nothing to reprint."
                    ),
                    Level.INFO,
                )
            )
            return
        self._run(lambda: self.session.services.reprint(who.actor, lpn), self._on_reprinted)

    def _on_reprinted(self, job: Any) -> None:
        self.label_queued.emit()
        self.feedback(
            Feedback(
                translate("InspectPage", "Label {lpn} printed again.").format(lpn=job.lpn),
                Level.SUCCESS,
            )
        )
