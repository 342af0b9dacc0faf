"""What the shift's figures are made of (SQLAlchemy Core): the period's parcels, units and
exceptions as plain rows, read in one read-only transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select

from data.inspections import inspections
from data.repositories import (
    _Repo,
    exceptions,
    lines,
    receipt_rmas,
    receipts,
    rmas,
    stations,
    users,
)
from receiving_station.domain.model import UNIT, reference
from receiving_station.ports import UnitRecord


class SqlReports(_Repo):
    def parcels_received(self, start: datetime, end: datetime) -> int:
        rows = self.conn.execute(
            select(receipts.c.id).where(
                receipts.c.received_at >= start, receipts.c.received_at < end
            )
        ).all()
        return len(rows)

    def units(self, start: datetime, end: datetime) -> Sequence[UnitRecord]:
        """Units decided in the period, and units still open that started before its end."""
        open_states = ("in_progress", "awaiting_lead", "waiting")
        stmt = (
            select(
                inspections.c.id,
                inspections.c.lpn,
                inspections.c.status,
                inspections.c.grade,
                inspections.c.flags,
                inspections.c.disposition,
                inspections.c.refund_amount,
                inspections.c.started_at,
                inspections.c.completed_at,
                inspections.c.exception_kinds,
                receipts.c.received_at,
                users.c.display_name,
                stations.c.name,
                rmas.c.number,
                lines.c.sku,
                lines.c.reason_code,
            )
            .select_from(inspections)
            .join(receipts, receipts.c.id == inspections.c.receipt_id)
            .outerjoin(users, users.c.id == inspections.c.inspector_id)
            .outerjoin(stations, stations.c.id == inspections.c.station_id)
            .outerjoin(rmas, rmas.c.id == inspections.c.rma_id)
            .outerjoin(
                lines,
                and_(
                    lines.c.rma_id == inspections.c.rma_id, lines.c.line_no == inspections.c.line_no
                ),
            )
            .where(
                or_(
                    and_(inspections.c.completed_at >= start, inspections.c.completed_at < end),
                    and_(inspections.c.status.in_(open_states), receipts.c.received_at < end),
                )
            )
            .order_by(inspections.c.id)
        )
        return [
            UnitRecord(
                reference=reference(UNIT, r.id),
                lpn=r.lpn or "",
                status=r.status,
                grade=r.grade or "",
                flags=tuple(r.flags or ()),
                disposition=r.disposition or "",
                refund_amount=r.refund_amount,
                started_at=r.started_at,
                completed_at=r.completed_at,
                received_at=r.received_at,
                inspector=r.display_name or "",
                station=r.name or "",
                rma=r.number or "",
                sku=r.sku or "",
                reason=r.reason_code or "",
                exceptions=tuple(r.exception_kinds or ()),
            )
            for r in self.conn.execute(stmt)
        ]

    def exceptions_opened(self, start: datetime, end: datetime) -> Sequence[tuple[str, datetime]]:
        rows = self.conn.execute(
            select(exceptions.c.kind, exceptions.c.opened_at).where(
                exceptions.c.opened_at >= start, exceptions.c.opened_at < end
            )
        ).all()
        return [(r.kind, r.opened_at) for r in rows]

    def open_parcels(self, before: datetime) -> int:
        """Parcels received before ``before`` not finished yet: a unit still in progress or
        waiting for a lead, or a return not fully inspected."""
        unfinished = (
            select(inspections.c.id)
            .where(
                inspections.c.receipt_id == receipts.c.id,
                inspections.c.status.in_(("in_progress", "awaiting_lead", "waiting")),
            )
            .exists()
        )
        rows = self.conn.execute(
            select(receipts.c.id)
            .outerjoin(receipt_rmas, receipt_rmas.c.receipt_id == receipts.c.id)
            .outerjoin(rmas, rmas.c.id == receipt_rmas.c.rma_id)
            .where(receipts.c.received_at < before, or_(unfinished, rmas.c.status == "received"))
            .distinct()
        ).all()
        return len(rows)
