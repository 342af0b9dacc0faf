"""Inspections and the workflow versions they followed (SQLAlchemy Core).

An inspection is saved after every answer, so its save is version-checked: two stations
can never both write the same unit's answers; the second is told (``StaleRecord``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, insert, select, update
from sqlalchemy.exc import IntegrityError

from data.repositories import _Repo
from data.savepoint import savepoint
from data.tables import InspectionRow, PhotoRow, WorkflowDefinitionRow
from receiving_station.domain.model import Inspection, InspectionStatus
from receiving_station.errors import CorruptPhoto, StaleRecord
from receiving_station.ports import Photo, PreparedPhoto

inspections = cast(Table, InspectionRow.__table__)
definitions = cast(Table, WorkflowDefinitionRow.__table__)
photos = cast(Table, PhotoRow.__table__)
_PHOTO_META = [
    c for c in photos.c if c.name not in ("content", "thumbnail", "taken_by", "station_id")
]

_COLUMNS = [f.name for f in fields(Inspection) if f.name not in ("id", "status")]


def _inspection(row: Row[Any]) -> Inspection:
    values = {name: getattr(row, name) for name in _COLUMNS}
    values["flags"] = list(values["flags"] or [])
    values["exception_kinds"] = list(values["exception_kinds"] or [])
    values["progress"] = dict(values["progress"] or {})
    return Inspection(id=row.id, status=InspectionStatus(row.status), **values)


def _values(inspection: Inspection) -> dict[str, Any]:
    values = {name: getattr(inspection, name) for name in _COLUMNS}
    values["status"] = inspection.status.value
    values["scanned_text"] = inspection.scanned_text[:256]
    return values


class SqlInspections(_Repo):
    def get(self, inspection_id: int) -> Inspection | None:
        row = self.conn.execute(
            select(inspections).where(inspections.c.id == inspection_id)
        ).first()
        return _inspection(row) if row else None

    def add(self, inspection: Inspection) -> Inspection:
        inspection.id = self.conn.execute(
            insert(inspections).values(**_values(inspection))
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return inspection

    def save(self, inspection: Inspection) -> None:
        values = _values(inspection)
        values["version"] = inspection.version + 1
        result = self.conn.execute(
            update(inspections)
            .where(inspections.c.id == inspection.id, inspections.c.version == inspection.version)
            .values(**values)
        )
        if result.rowcount != 1:
            raise StaleRecord(what=inspection.reference)
        inspection.version += 1

    def by_lpn(self, lpn: str) -> Inspection | None:
        row = self.conn.execute(select(inspections).where(inspections.c.lpn == lpn)).first()
        return _inspection(row) if row else None

    def for_receipt(self, receipt_id: int) -> Sequence[Inspection]:
        rows = self.conn.execute(
            select(inspections)
            .where(inspections.c.receipt_id == receipt_id)
            .order_by(inspections.c.id)
        ).all()
        return [_inspection(r) for r in rows]

    def unfinished(self, inspector_id: int, station_id: int) -> Inspection | None:
        row = self.conn.execute(
            select(inspections)
            .where(
                inspections.c.inspector_id == inspector_id,
                inspections.c.station_id == station_id,
                inspections.c.status == InspectionStatus.IN_PROGRESS.value,
            )
            .order_by(inspections.c.id.desc())
            .limit(1)
        ).first()
        return _inspection(row) if row is not None else None


class SqlWorkflowDefinitions(_Repo):
    def get(self, workflow_id: str, version: int) -> tuple[str, dict[str, Any]] | None:
        row = self.conn.execute(
            select(definitions.c.digest, definitions.c.content).where(
                definitions.c.workflow_id == workflow_id, definitions.c.version == version
            )
        ).first()
        return (row[0], dict(row[1])) if row else None

    def add(
        self, workflow_id: str, version: int, digest: str, content: dict[str, Any], now: datetime
    ) -> None:
        try:
            with savepoint(self.conn):
                self.conn.execute(
                    insert(definitions).values(
                        workflow_id=workflow_id,
                        version=version,
                        digest=digest,
                        content=content,
                        stored_at=now,
                    )
                )
        except IntegrityError:
            pass  # another station stored this version at the same moment: theirs is kept


def _photo(row: Row[Any]) -> Photo:
    return Photo(
        id=row.id,
        inspection_id=row.inspection_id,
        step_id=row.step_id,
        taken_at=row.taken_at,
        sha256=row.sha256,
        mime=row.mime,
        width=row.width,
        height=row.height,
        receipt_id=row.receipt_id,
    )


class SqlPhotos(_Repo):
    def add(
        self,
        owner: tuple[str, int],
        step_id: str,
        taken_at: datetime,
        taken_by: int,
        station_id: int,
        photo: PreparedPhoto,
    ) -> Photo:
        kind, owner_id = owner
        digest = hashlib.sha256(photo.content).hexdigest()
        inspection_id = owner_id if kind == "inspection" else None
        receipt_id = owner_id if kind == "receipt" else None
        photo_id = self.conn.execute(
            insert(photos).values(
                inspection_id=inspection_id,
                receipt_id=receipt_id,
                step_id=step_id,
                taken_at=taken_at,
                taken_by=taken_by,
                station_id=station_id,
                sha256=digest,
                mime="image/jpeg",
                width=photo.width,
                height=photo.height,
                content=photo.content,
                thumbnail=photo.thumbnail,
                thumbnail_sha256=hashlib.sha256(photo.thumbnail).hexdigest(),
            )
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return Photo(
            photo_id,
            inspection_id,
            step_id,
            taken_at,
            digest,
            "image/jpeg",
            photo.width,
            photo.height,
            receipt_id,
        )

    def content(self, photo_id: int) -> tuple[Photo, bytes] | None:
        row = self.conn.execute(select(photos).where(photos.c.id == photo_id)).first()
        if row is None:
            return None
        data = bytes(row.content)
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise CorruptPhoto(ref=f"#{photo_id}")
        return _photo(row), data

    def thumbnail(self, photo_id: int) -> bytes | None:
        row = self.conn.execute(
            select(photos.c.thumbnail, photos.c.thumbnail_sha256).where(photos.c.id == photo_id)
        ).first()
        if row is None:
            return None
        if row.thumbnail is None:  # stored before thumbnails were kept
            found = self.content(photo_id)
            return found[1] if found else None
        data = bytes(row.thumbnail)
        if hashlib.sha256(data).hexdigest() != row.thumbnail_sha256:
            raise CorruptPhoto(ref=f"#{photo_id}")
        return data

    def for_receipt(self, receipt_id: int) -> Sequence[Photo]:
        rows = self.conn.execute(
            select(*_PHOTO_META).where(photos.c.receipt_id == receipt_id).order_by(photos.c.id)
        ).all()
        return [_photo(r) for r in rows]

    def for_inspection(self, inspection_id: int) -> Sequence[Photo]:
        rows = self.conn.execute(
            select(*_PHOTO_META)
            .where(photos.c.inspection_id == inspection_id)
            .order_by(photos.c.id)
        ).all()
        return [_photo(r) for r in rows]
