"""Search and history (SQLAlchemy Core): find an RMA, a unit or a parcel by any number on
it, and read the events of everything that belongs to it, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from data.inspections import inspections, photos
from data.repositories import (
    _Repo,
    audit,
    exceptions,
    lines,
    receipt_rmas,
    receipts,
    rmas,
    stations,
    tracking,
    users,
)
from receiving_station.domain.model import CASE, UNIT, parse_reference, reference
from receiving_station.ports import Hit, Scope, TimelineEntry


def _case_id(text: str) -> int:
    prefix, number = parse_reference(text) or ("", 0)
    return number if prefix == CASE else 0


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlHistory(_Repo):
    def _rma_hits(self, where: Any, matched: str, limit: int) -> list[Hit]:
        rows = self.conn.execute(
            select(
                rmas.c.number,
                rmas.c.order_ref,
                rmas.c.customer_name,
                rmas.c.status,
                rmas.c.created_on,
            )
            .where(where)
            .order_by(rmas.c.created_on.desc(), rmas.c.id.desc())
            .limit(limit)
        ).all()
        return [
            Hit(
                kind="rma",
                key=r.number,
                rma=r.number,
                order=r.order_ref,
                customer=r.customer_name,
                sku="",
                lpn="",
                status=r.status,
                at=None,
                matched=matched,
            )
            for r in rows
        ]

    def _units(self) -> Select[Any]:
        return (
            select(
                inspections.c.id,
                inspections.c.lpn,
                inspections.c.status,
                inspections.c.disposition,
                inspections.c.completed_at,
                inspections.c.started_at,
                rmas.c.number,
                rmas.c.order_ref,
                rmas.c.customer_name,
                lines.c.sku,
            )
            .select_from(inspections)
            .outerjoin(rmas, rmas.c.id == inspections.c.rma_id)
            .outerjoin(
                lines,
                and_(
                    lines.c.rma_id == inspections.c.rma_id, lines.c.line_no == inspections.c.line_no
                ),
            )
        )

    def _unit_hits(self, where: Any, matched: str, limit: int) -> list[Hit]:
        rows = self.conn.execute(
            self._units().where(where).order_by(inspections.c.id.desc()).limit(limit)
        ).all()
        return [
            Hit(
                kind="unit",
                key=reference(UNIT, r.id),
                rma=r.number or "",
                order=r.order_ref or "",
                customer=r.customer_name or "",
                sku=r.sku or "",
                lpn=r.lpn or "",
                status=r.disposition or r.status,
                at=r.completed_at or r.started_at,
                matched=matched,
            )
            for r in rows
        ]

    def _case_hits(self, where: Any, matched: str, limit: int) -> list[Hit]:
        rows = self.conn.execute(
            select(
                exceptions.c.id,
                exceptions.c.kind,
                exceptions.c.state,
                exceptions.c.opened_at,
                rmas.c.number,
                rmas.c.order_ref,
                rmas.c.customer_name,
            )
            .select_from(exceptions)
            .outerjoin(rmas, rmas.c.id == exceptions.c.rma_id)
            .where(where)
            .order_by(exceptions.c.id.desc())
            .limit(limit)
        ).all()
        return [
            Hit(
                kind="exception",
                key=reference(CASE, r.id),
                rma=r.number or "",
                order=r.order_ref or "",
                customer=r.customer_name or "",
                sku="",
                lpn="",
                status=r.state,
                at=r.opened_at,
                matched=matched,
            )
            for r in rows
        ]

    def find(self, text: str, limit: int) -> Sequence[Hit]:
        forms = sorted({text, text.upper()})
        hits: list[Hit] = []
        if parsed := parse_reference(text):
            prefix, number = parsed
            if prefix == UNIT:
                hits += self._unit_hits(inspections.c.id == number, "unit", limit)
            else:
                hits += self._case_hits(exceptions.c.id == number, "exception", limit)
        hits += self._rma_hits(rmas.c.number.in_(forms), "rma", limit)
        hits += self._rma_hits(rmas.c.order_ref.in_(forms), "order", limit)
        hits += self._rma_hits(
            rmas.c.id.in_(select(tracking.c.rma_id).where(tracking.c.tracking_number.in_(forms))),
            "tracking",
            limit,
        )
        hits += self._unit_hits(inspections.c.lpn.in_(forms), "lpn", limit)
        hits += self._unit_hits(lines.c.sku.in_(forms), "sku", limit)
        if text.isdigit() and len(text) in (8, 12, 13, 14):  # a product's own barcode
            hits += self._unit_hits(inspections.c.gtin.in_(forms), "sku", limit)
            hits += self._unit_hits(lines.c.gtin.in_(forms), "sku", limit)
        hits += self._rma_hits(
            rmas.c.id.in_(select(lines.c.rma_id).where(lines.c.sku.in_(forms))), "sku", limit
        )
        hits += self._case_hits(
            exceptions.c.receipt_id.in_(
                select(receipts.c.id).where(receipts.c.scanned_text.in_(forms))
            ),
            "parcel",
            limit,
        )
        if not hits and len(text) >= 3:
            # Nothing has that number: part of a customer's name or e-mail, then.
            pattern = _like(text)
            hits += self._rma_hits(
                or_(
                    func.lower(rmas.c.customer_name).like(pattern, escape="\\"),
                    func.lower(rmas.c.customer_email).like(pattern, escape="\\"),
                ),
                "customer",
                limit,
            )
        seen: set[tuple[str, str]] = set()
        unique = []
        for hit in hits:
            if (hit.kind, hit.key) not in seen:
                seen.add((hit.kind, hit.key))
                unique.append(hit)
        return unique[:limit]

    def _exception_refs(self, where: Any) -> list[str]:
        ids = self.conn.execute(select(exceptions.c.id).where(where)).scalars().all()
        return [reference(CASE, i) for i in ids]

    def rma_scope(self, number: str) -> Scope | None:
        rma_id = self.conn.execute(select(rmas.c.id).where(rmas.c.number == number)).scalar()
        if rma_id is None:
            return None
        receipt_ids = tuple(
            self.conn.execute(
                select(receipt_rmas.c.receipt_id).where(receipt_rmas.c.rma_id == rma_id)
            )
            .scalars()
            .all()
        )
        units = self.conn.execute(
            select(inspections.c.id, inspections.c.lpn)
            .where(inspections.c.rma_id == rma_id)
            .order_by(inspections.c.id)
        ).all()
        unit_ids = tuple(u.id for u in units)
        cases = self._exception_refs(
            or_(
                exceptions.c.rma_id == rma_id,
                exceptions.c.receipt_id.in_(receipt_ids),
                exceptions.c.inspection_id.in_(unit_ids),
            )
        )
        lpns = tuple(u.lpn for u in units if u.lpn)
        return Scope(
            entities=(
                ("rma", number),
                *(("inspection", reference(UNIT, i)) for i in unit_ids),
                *(("label", lpn) for lpn in lpns),
                *(("exception", ref) for ref in cases),
            ),
            receipt_ids=receipt_ids,
            inspection_ids=unit_ids,
            lpns=lpns,
        )

    def unit_scope(self, inspection_id: int) -> Scope | None:
        unit = self.conn.execute(
            select(inspections.c.receipt_id, inspections.c.lpn, rmas.c.number)
            .outerjoin(rmas, rmas.c.id == inspections.c.rma_id)
            .where(inspections.c.id == inspection_id)
        ).first()
        if unit is None:
            return None
        lpns = (unit.lpn,) if unit.lpn else ()
        cases = self._exception_refs(exceptions.c.inspection_id == inspection_id)
        return Scope(
            entities=(
                ("inspection", reference(UNIT, inspection_id)),
                *(("label", lpn) for lpn in lpns),
                *(("exception", ref) for ref in cases),
            ),
            receipt_ids=(unit.receipt_id,),
            inspection_ids=(inspection_id,),
            lpns=lpns,
        )

    def exception_scope(self, exception_id: int) -> Scope | None:
        case = self.conn.execute(
            select(exceptions.c.receipt_id, exceptions.c.inspection_id).where(
                exceptions.c.id == exception_id
            )
        ).first()
        if case is None:
            return None
        return Scope(
            entities=(("exception", reference(CASE, exception_id)),),
            receipt_ids=(case.receipt_id,) if case.receipt_id else (),
            inspection_ids=(),
            lpns=(),
        )

    def events(self, scope: Scope) -> Sequence[TimelineEntry]:
        entries: list[TimelineEntry] = []
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in scope.entities:
            by_entity.setdefault(entity, []).append(entity_id)
        if by_entity:
            rows = self.conn.execute(
                select(audit, users.c.display_name, stations.c.name.label("station_name"))
                .outerjoin(users, users.c.id == audit.c.user_id)
                .outerjoin(stations, stations.c.id == audit.c.station_id)
                .where(
                    or_(
                        *(
                            and_(audit.c.entity == entity, audit.c.entity_id.in_(ids))
                            for entity, ids in by_entity.items()
                        )
                    )
                )
                .order_by(audit.c.id)
            ).all()
            entries += [
                TimelineEntry(
                    at=r.at,
                    action=r.action,
                    reference=r.entity_id,
                    who=r.display_name or "",
                    station=r.station_name or "",
                    details=dict(r.after or {}),
                )
                for r in rows
            ]
        refs = [n for ref in by_entity.get("exception", []) if (n := _case_id(ref))]
        if refs:
            registered = {e.reference for e in entries if e.action == "register_unidentified"}
            cases = self.conn.execute(
                select(exceptions, users.c.display_name, stations.c.name.label("station_name"))
                .join(users, users.c.id == exceptions.c.opened_by)
                .join(stations, stations.c.id == exceptions.c.station_id)
                .where(exceptions.c.id.in_(refs))
            ).all()
            entries += [
                TimelineEntry(
                    at=r.opened_at,
                    action="exception.opened",
                    reference=reference(CASE, r.id),
                    who=r.display_name,
                    station=r.station_name,
                    details={"kind": r.kind, "note": r.note},
                )
                for r in cases
                if reference(CASE, r.id) not in registered
            ]
        if scope.receipt_ids:
            parcels = self.conn.execute(
                select(receipts, users.c.display_name, stations.c.name.label("station_name"))
                .join(users, users.c.id == receipts.c.user_id)
                .join(stations, stations.c.id == receipts.c.station_id)
                .where(receipts.c.id.in_(scope.receipt_ids))
            ).all()
            entries += [
                TimelineEntry(
                    at=r.received_at,
                    action="parcel.received",
                    reference=r.scanned_text or "",
                    who=r.display_name,
                    station=r.station_name,
                    details={"packaging": r.packaging, "note": r.note},
                )
                for r in parcels
            ]
            shots = self.conn.execute(
                select(photos.c.id, photos.c.taken_at, users.c.display_name, stations.c.name)
                .join(users, users.c.id == photos.c.taken_by)
                .join(stations, stations.c.id == photos.c.station_id)
                .where(photos.c.receipt_id.in_(scope.receipt_ids), photos.c.inspection_id.is_(None))
            ).all()
            entries += [
                TimelineEntry(
                    at=r.taken_at,
                    action="parcel.photo",
                    reference=f"photo:{r.id}",
                    who=r.display_name,
                    station=r.name,
                    details={},
                )
                for r in shots
            ]
        first = {
            "parcel.received": 0,
            "parcel.photo": 1,
        }  # at the same instant, the parcel came first
        return sorted(entries, key=lambda e: (e.at, first.get(e.action, 2)))
