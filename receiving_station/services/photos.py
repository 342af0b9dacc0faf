"""Photos taken during an inspection: stored in the shared database with their SHA-256, and
recorded as the photo step's answer. Whatever the camera or a file gives becomes a JPEG
(long side at most 1600 px) and a thumbnail, made by the station's photo preparer before
a byte is saved; what cannot be read is refused with the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from receiving_station.errors import BadPhoto
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import PhotoPreparer, UnitOfWorkFactory
from receiving_station.services.context import Actor
from receiving_station.services.inspection import (
    Inspector,
    audit_inspection,
    build_view,
    open_for_change,
    workflow_of,
)
from receiving_station.services.inspection_views import InspectionView
from workflows.definition import StepKind
from workflows.engine import Engine, Progress

NOT_AN_IMAGE = QT_TRANSLATE_NOOP("errors", "it is not a JPEG or PNG image")
NO_PHOTO_STEP = QT_TRANSLATE_NOOP("errors", "the step on screen takes no photo")
STEP_FULL = QT_TRANSLATE_NOOP("errors", "this step already has all the photos it takes")


def add_photo(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    inspection_id: int,
    seen_version: int,
    now: datetime,
    inspector: Inspector,
    preparer: PhotoPreparer,
    data: bytes,
) -> InspectionView:
    """Store a photo (from the camera or a file) as the photo step's next answer."""
    prepared = preparer.prepare(data)  # before the transaction: no lock while decoding
    with uow_factory() as uow:
        inspection = open_for_change(uow, actor, inspection_id, seen_version)
        engine = Engine(workflow_of(uow, inspection), inspection.category, inspector.library.scale)
        progress = Progress.from_json(inspection.progress)
        step = engine.current_step(progress)
        if step is None or step.kind is not StepKind.PHOTO:
            raise BadPhoto(reason=NO_PHOTO_STEP)
        refs = tuple(progress.answers.get(step.id, ()))  # type: ignore[arg-type]
        if len(refs) >= step.max_photos:
            raise BadPhoto(reason=STEP_FULL)
        assert inspection.id is not None
        photo = uow.photos.add(
            ("inspection", inspection.id), step.id, now, actor.user_id, actor.station_id, prepared
        )
        inspection.progress = engine.answer(progress, (*refs, f"photo:{photo.id}")).to_json()
        uow.inspections.save(inspection)
        after = {"step": step.id, "photo": photo.id, "sha256": photo.sha256}
        audit_inspection(uow, actor, now, "inspection.photo", inspection, {}, after)
        uow.commit()
        return build_view(uow, inspection, inspector)


def remove_photo(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    inspection_id: int,
    seen_version: int,
    now: datetime,
    inspector: Inspector,
    step_id: str,
    ref: str,
) -> InspectionView:
    """Take a photo back before the inspection completes (a retake): the step shows again
    and asks for what is now missing."""
    with uow_factory() as uow:
        inspection = open_for_change(uow, actor, inspection_id, seen_version)
        engine = Engine(workflow_of(uow, inspection), inspection.category, inspector.library.scale)
        progress = engine.go_to(Progress.from_json(inspection.progress), step_id)
        refs = tuple(r for r in progress.answers.get(step_id, ()) if r != ref)  # type: ignore[union-attr]
        answers = {**progress.answers, step_id: refs}
        inspection.progress = replace(progress, answers=answers).to_json()
        uow.inspections.save(inspection)
        audit_inspection(
            uow, actor, now, "inspection.photo_removed", inspection, {"photo": ref}, {}
        )
        uow.commit()
        return build_view(uow, inspection, inspector)
