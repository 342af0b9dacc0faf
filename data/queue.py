"""What the leads' queue shows of each case (SQLAlchemy Core): its unit, inspector, RMA,
SKU and first photo, for every case at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import and_, func, select

from data.inspections import inspections, photos
from data.repositories import _Repo, exceptions, lines, rmas
from receiving_station.domain.model import UNIT, reference
from receiving_station.ports import CaseGlance


class SqlQueueReads(_Repo):
    def glance(self, exception_ids: Sequence[int]) -> Mapping[int, CaseGlance]:
        if not exception_ids:
            return {}
        rows = self.conn.execute(
            select(
                exceptions.c.id,
                exceptions.c.receipt_id,
                inspections.c.id.label("unit_id"),
                inspections.c.inspector_id,
                rmas.c.number,
                lines.c.sku,
            )
            .select_from(exceptions)
            .outerjoin(inspections, inspections.c.id == exceptions.c.inspection_id)
            .outerjoin(rmas, rmas.c.id == exceptions.c.rma_id)
            .outerjoin(
                lines,
                and_(
                    lines.c.rma_id == exceptions.c.rma_id, lines.c.line_no == inspections.c.line_no
                ),
            )
            .where(exceptions.c.id.in_(exception_ids))
        ).all()
        first_of_unit = dict(
            self.conn.execute(
                select(photos.c.inspection_id, func.min(photos.c.id))
                .where(photos.c.inspection_id.in_({r.unit_id for r in rows if r.unit_id}))
                .group_by(photos.c.inspection_id)
            ).all()
        )
        first_of_parcel = dict(
            self.conn.execute(
                select(photos.c.receipt_id, func.min(photos.c.id))
                .where(photos.c.receipt_id.in_({r.receipt_id for r in rows if r.receipt_id}))
                .group_by(photos.c.receipt_id)
            ).all()
        )
        return {
            r.id: CaseGlance(
                unit=reference(UNIT, r.unit_id) if r.unit_id else "",
                inspector_id=r.inspector_id,
                rma=r.number or "",
                sku=(r.sku or "") if r.unit_id else "",
                photo_id=first_of_unit.get(r.unit_id) or first_of_parcel.get(r.receipt_id),
            )
            for r in rows
        }
