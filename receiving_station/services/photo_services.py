"""Photos and evidence at the station: a photo made ready and stored as a step's answer,
read back checked against its checksum, and evidence packs. A mixin of
:class:`~receiving_station.services.station.StationServices`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import NotFound
from receiving_station.ports import (
    EvidenceRenderer,
    PhotoPreparer,
    PreparedPhoto,
    UnitOfWorkFactory,
)
from receiving_station.services import evidence, photos
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.inspection import Inspector
from receiving_station.services.inspection_views import InspectionView


class PhotoServices:
    uow_factory: UnitOfWorkFactory
    photo_preparer: PhotoPreparer | None
    evidence_renderer: EvidenceRenderer | None
    language: str

    if TYPE_CHECKING:  # provided by StationServices, which these methods are part of

        def _now(self) -> datetime: ...
        def _inspector(self) -> Inspector: ...
        def readable(self, raw: str | bytes) -> ClassifiedScan: ...

    def prepare_photo(self, data: bytes) -> PreparedPhoto:
        """Bytes from the camera or a file made ready to store (``BadPhoto`` if they cannot
        be): what a parcel's photos are held as until the parcel is received."""
        if self.photo_preparer is None:
            raise NotFound(what="photo preparer")
        return self.photo_preparer.prepare(data)

    def add_photo(
        self, actor: Actor, inspection_id: int, seen_version: int, data: bytes
    ) -> InspectionView:
        """A photo (a camera capture or a file's bytes) for the photo step on screen."""
        if self.photo_preparer is None:
            raise NotFound(what="photo preparer")
        return photos.add_photo(
            self.uow_factory,
            actor,
            inspection_id,
            seen_version,
            self._now(),
            self._inspector(),
            self.photo_preparer,
            data,
        )

    def remove_photo(
        self, actor: Actor, inspection_id: int, seen_version: int, step_id: str, ref: str
    ) -> InspectionView:
        return photos.remove_photo(
            self.uow_factory,
            actor,
            inspection_id,
            seen_version,
            self._now(),
            self._inspector(),
            step_id,
            ref,
        )

    def evidence_pack(
        self, actor: Actor, key: str, language: str = ""
    ) -> tuple[bytes, dict[str, Any]]:
        """The evidence pack (PDF) of an RMA, order, tracking number or license plate, and
        a short summary; the command line acts as :meth:`command_line`."""
        if self.evidence_renderer is None:
            raise NotFound(what="evidence renderer")
        found = evidence.gather(self.uow_factory, actor, self.readable(key), self._now())
        pdf = self.evidence_renderer.render(found, language or self.language)
        return pdf, evidence.describe(found)

    def photo_thumbnail(self, actor: Actor, photo_ref: str) -> bytes:
        """A stored photo's thumbnail, checked against its SHA-256."""
        with self.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.READ_CUSTOMER_DATA)
            found = uow.photos.thumbnail(int(photo_ref.removeprefix("photo:")))
        if found is None:
            raise NotFound(what=photo_ref)
        return found

    def photo(self, actor: Actor, photo_ref: str) -> bytes:
        """The bytes of a stored photo (``photo:ID``), checked against their SHA-256."""
        with self.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.READ_CUSTOMER_DATA)
            found = uow.photos.content(int(photo_ref.removeprefix("photo:")))
        if found is None:
            raise NotFound(what=photo_ref)
        return found[1]
