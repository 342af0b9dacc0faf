"""SQLAlchemy Core implementations of the core's repository ports.

They work on the unit of work's connection and hand back plain domain objects, so nothing
lazy or bound to a session ever reaches the UI thread. Saves that can race another station
check the row's ``version`` and raise ``StaleRecord`` instead of overwriting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from data.savepoint import savepoint
from data.tables import (
    AuditRow,
    ClaimRow,
    ExceptionRow,
    ReceiptRmaRow,
    ReceiptRow,
    RmaLineRow,
    RmaRow,
    RmaTrackingRow,
    StationRow,
    UserRow,
)
from receiving_station.domain.model import (
    AuditEvent,
    Claim,
    ExceptionCase,
    ExceptionKind,
    ExceptionState,
    PackagingCondition,
    Receipt,
    ReceiptInfo,
    Rma,
    RmaLine,
    RmaStatus,
    Role,
    Station,
    User,
)
from receiving_station.errors import DuplicateReceipt, StaleRecord

users = cast(Table, UserRow.__table__)
stations = cast(Table, StationRow.__table__)
rmas = cast(Table, RmaRow.__table__)
lines = cast(Table, RmaLineRow.__table__)
tracking = cast(Table, RmaTrackingRow.__table__)
receipts = cast(Table, ReceiptRow.__table__)
receipt_rmas = cast(Table, ReceiptRmaRow.__table__)
exceptions = cast(Table, ExceptionRow.__table__)
claims = cast(Table, ClaimRow.__table__)
audit = cast(Table, AuditRow.__table__)


class _Repo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _lock_table(self, table: Table) -> None:
        """Take ``table`` so that no other transaction changes it (reads go on) until ours
        ends. Only PostgreSQL needs it: SQLite's writers already take turns."""
        if self.conn.dialect.name == "postgresql":
            self.conn.exec_driver_sql(f"LOCK TABLE {table.name} IN SHARE ROW EXCLUSIVE MODE")

    def _lock_row(self, table: Table, row_id: int) -> Row[Any] | None:
        """The row as committed now, held until our transaction ends (``FOR NO KEY
        UPDATE``: other stations' inserts that merely point at it are not held up).
        SQLite renders no lock clause: its writers already take turns."""
        return self.conn.execute(
            select(table).where(table.c.id == row_id).with_for_update(key_share=True)
        ).first()


def _user(row: Row[Any]) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        badge_code=row.badge_code,
        pin_hash=row.pin_hash,
        language=row.language,
        active=row.active,
        version=row.version,
    )


class SqlStations(_Repo):
    def _one(self, where: Any) -> Station | None:
        row = self.conn.execute(select(stations).where(where)).first()
        return Station(id=row.id, name=row.name, location=row.location) if row else None

    def get(self, station_id: int) -> Station | None:
        return self._one(stations.c.id == station_id)

    def by_name(self, name: str) -> Station | None:
        return self._one(stations.c.name == name)

    def add(self, station: Station) -> Station:
        result = self.conn.execute(
            insert(stations).values(name=station.name, location=station.location)
        )
        station.id = result.inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return station

    def save(self, station: Station) -> None:
        self.conn.execute(
            update(stations)
            .where(stations.c.id == station.id)
            .values(name=station.name, location=station.location)
        )

    def all(self) -> Sequence[Station]:
        rows = self.conn.execute(select(stations).order_by(stations.c.name))
        return [Station(id=r.id, name=r.name, location=r.location) for r in rows]

    def lock_all(self) -> None:
        self._lock_table(stations)


def rma_of(row: Row[Any], tracking_numbers: list[str], rma_lines: list[RmaLine]) -> Rma:
    """An ``rmas`` row as the domain's RMA (one import or one look-up: the same mapping)."""
    return Rma(
        id=row.id,
        number=row.number,
        order_ref=row.order_ref,
        channel=row.channel,
        customer_name=row.customer_name,
        customer_email=row.customer_email,
        customer_language=row.customer_language,
        created_on=row.created_on,
        expires_on=row.expires_on,
        status=RmaStatus(row.status),
        version=row.version,
        tracking_numbers=tracking_numbers,
        lines=rma_lines,
    )


def line_of(r: Row[Any]) -> RmaLine:
    return RmaLine(
        id=r.id,
        line_no=r.line_no,
        sku=r.sku,
        gtin=r.gtin,
        description=r.description,
        category=r.category,
        quantity=r.quantity,
        unit_value=Decimal(r.unit_value),
        reason_code=r.reason_code,
        reason_note=r.reason_note,
        expected_serials=tuple(r.expected_serials or ()),
    )


def rma_header(rma: Rma) -> dict[str, Any]:
    """The ``rmas`` row of an RMA, without its version (added on insert, bumped on update)."""
    return {
        "number": rma.number,
        "order_ref": rma.order_ref,
        "channel": rma.channel,
        "customer_name": rma.customer_name,
        "customer_email": rma.customer_email,
        "customer_language": rma.customer_language,
        "created_on": rma.created_on,
        "expires_on": rma.expires_on,
        "status": rma.status.value,
    }


def line_row(rma_id: int, ln: RmaLine) -> dict[str, Any]:
    return {
        "rma_id": rma_id,
        "line_no": ln.line_no,
        "sku": ln.sku,
        "gtin": ln.gtin,
        "description": ln.description,
        "category": ln.category,
        "quantity": ln.quantity,
        "unit_value": ln.unit_value,
        "reason_code": ln.reason_code,
        "reason_note": ln.reason_note,
        "expected_serials": list(ln.expected_serials),
    }


def tracking_rows(rma_id: int, numbers: Sequence[str]) -> list[dict[str, Any]]:
    return [{"tracking_number": t, "rma_id": rma_id} for t in numbers]


class SqlRmas(_Repo):
    def _load(self, row: Row[Any] | None) -> Rma | None:
        if row is None:
            return None
        line_rows = self.conn.execute(
            select(lines).where(lines.c.rma_id == row.id).order_by(lines.c.line_no)
        ).all()
        numbers = (
            self.conn.execute(select(tracking.c.tracking_number).where(tracking.c.rma_id == row.id))
            .scalars()
            .all()
        )
        return rma_of(row, list(numbers), [line_of(r) for r in line_rows])

    def get(self, rma_id: int) -> Rma | None:
        return self._load(self.conn.execute(select(rmas).where(rmas.c.id == rma_id)).first())

    def by_number(self, number: str) -> Rma | None:
        return self._load(self.conn.execute(select(rmas).where(rmas.c.number == number)).first())

    def by_order(self, order_ref: str) -> Sequence[Rma]:
        rows = self.conn.execute(select(rmas).where(rmas.c.order_ref == order_ref)).all()
        return [rma for rma in map(self._load, rows) if rma is not None]

    def by_tracking(self, tracking_number: str) -> Rma | None:
        stmt = (
            select(rmas)
            .join(tracking, tracking.c.rma_id == rmas.c.id)
            .where(tracking.c.tracking_number == tracking_number)
        )
        return self._load(self.conn.execute(stmt).first())

    def add(self, rma: Rma) -> Rma:
        """Insert the RMA; one whose number (or a tracking number) another station has just
        used raises ``StaleRecord``."""
        try:
            with savepoint(self.conn):
                rma.id = self.conn.execute(
                    insert(rmas).values(**rma_header(rma), version=rma.version)
                ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
                self._children(rma)
        except IntegrityError:
            rma.id = None
            raise StaleRecord(what=rma.number) from None
        return rma

    def lock(self, rma_id: int) -> None:
        self._lock_row(rmas, rma_id)

    def _children(self, rma: Rma) -> None:
        assert rma.id is not None
        if rma.lines:
            self.conn.execute(insert(lines), [line_row(rma.id, ln) for ln in rma.lines])
        if rma.tracking_numbers:
            self.conn.execute(insert(tracking), tracking_rows(rma.id, rma.tracking_numbers))

    def replace(self, rma: Rma) -> None:
        result = self.conn.execute(
            update(rmas)
            .where(rmas.c.id == rma.id, rmas.c.version == rma.version)
            .values(**rma_header(rma), version=rma.version + 1)
        )
        if result.rowcount != 1:
            raise StaleRecord(what=rma.number)
        rma.version += 1
        self.conn.execute(delete(lines).where(lines.c.rma_id == rma.id))
        self.conn.execute(delete(tracking).where(tracking.c.rma_id == rma.id))
        self._children(rma)

    def save_status(self, rma: Rma) -> None:
        result = self.conn.execute(
            update(rmas)
            .where(rmas.c.id == rma.id, rmas.c.version == rma.version)
            .values(status=rma.status.value, version=rma.version + 1)
        )
        if result.rowcount != 1:
            raise StaleRecord(what=rma.number)
        rma.version += 1


class SqlReceipts(_Repo):
    def add(self, receipt: Receipt) -> Receipt:
        receipt.id = self.conn.execute(
            insert(receipts).values(
                station_id=receipt.station_id,
                user_id=receipt.user_id,
                received_at=receipt.received_at,
                packaging=receipt.packaging.value,
                note=receipt.note,
                approved_by=receipt.approved_by,
                scanned_text=receipt.scanned_text[:256],
            )
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        for rma_id in receipt.rma_ids:
            try:
                with savepoint(self.conn):
                    self.conn.execute(
                        insert(receipt_rmas).values(receipt_id=receipt.id, rma_id=rma_id)
                    )
            except IntegrityError:
                raise DuplicateReceipt(rma_id=rma_id) from None
        return receipt

    def link(self, receipt_id: int, rma_id: int) -> None:
        try:
            with savepoint(self.conn):
                self.conn.execute(insert(receipt_rmas).values(receipt_id=receipt_id, rma_id=rma_id))
        except IntegrityError:
            raise DuplicateReceipt(rma_id=rma_id) from None

    def get(self, receipt_id: int) -> Receipt | None:
        row = self.conn.execute(select(receipts).where(receipts.c.id == receipt_id)).first()
        if row is None:
            return None
        rma_ids = self.conn.execute(
            select(receipt_rmas.c.rma_id)
            .where(receipt_rmas.c.receipt_id == receipt_id)
            .order_by(receipt_rmas.c.rma_id)
        ).scalars()
        return Receipt(
            id=row.id,
            station_id=row.station_id,
            user_id=row.user_id,
            received_at=row.received_at,
            packaging=PackagingCondition(row.packaging),
            note=row.note,
            rma_ids=list(rma_ids),
            approved_by=row.approved_by,
            scanned_text=row.scanned_text,
        )

    def lock(self, receipt_id: int) -> None:
        self._lock_row(receipts, receipt_id)

    def unidentified(self, scanned_text: str) -> int | None:
        linked = select(receipt_rmas.c.receipt_id).where(receipt_rmas.c.receipt_id == receipts.c.id)
        return self.conn.execute(
            select(receipts.c.id)
            .where(receipts.c.scanned_text == scanned_text[:256], ~linked.exists())
            .order_by(receipts.c.id.desc())
            .limit(1)
        ).scalar()

    def info_for_rma(self, rma_id: int) -> ReceiptInfo | None:
        stmt = (
            select(receipts.c.id, users.c.display_name, stations.c.name, receipts.c.received_at)
            .select_from(receipt_rmas)
            .join(receipts, receipts.c.id == receipt_rmas.c.receipt_id)
            .join(users, users.c.id == receipts.c.user_id)
            .join(stations, stations.c.id == receipts.c.station_id)
            .where(receipt_rmas.c.rma_id == rma_id)
        )
        row = self.conn.execute(stmt).first()
        if row is None:
            return None
        return ReceiptInfo(
            receipt_id=row[0], user_name=row[1], station_name=row[2], received_at=row[3]
        )


def _case(row: Row[Any]) -> ExceptionCase:
    return ExceptionCase(
        id=row.id,
        kind=ExceptionKind(row.kind),
        state=ExceptionState(row.state),
        opened_by=row.opened_by,
        opened_at=row.opened_at,
        station_id=row.station_id,
        receipt_id=row.receipt_id,
        rma_id=row.rma_id,
        disposition=row.disposition,
        note=row.note,
        resolution=row.resolution,
        lead_id=row.lead_id,
        resolved_at=row.resolved_at,
        version=row.version,
        inspection_id=row.inspection_id,
    )


class SqlExceptions(_Repo):
    def get(self, exception_id: int) -> ExceptionCase | None:
        row = self.conn.execute(select(exceptions).where(exceptions.c.id == exception_id)).first()
        return _case(row) if row else None

    def add(self, case: ExceptionCase) -> ExceptionCase:
        case.id = self.conn.execute(
            insert(exceptions).values(
                kind=case.kind.value,
                state=case.state.value,
                opened_by=case.opened_by,
                opened_at=case.opened_at,
                station_id=case.station_id,
                receipt_id=case.receipt_id,
                rma_id=case.rma_id,
                disposition=case.disposition,
                note=case.note,
                version=case.version,
                inspection_id=case.inspection_id,
            )
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return case

    def save(self, case: ExceptionCase) -> None:
        result = self.conn.execute(
            update(exceptions)
            .where(exceptions.c.id == case.id, exceptions.c.version == case.version)
            .values(
                state=case.state.value,
                disposition=case.disposition,
                note=case.note,
                resolution=case.resolution,
                lead_id=case.lead_id,
                resolved_at=case.resolved_at,
                rma_id=case.rma_id,
                version=case.version + 1,
            )
        )
        if result.rowcount != 1:
            raise StaleRecord(what=case.reference)
        case.version += 1

    def lock(self, exception_id: int) -> ExceptionCase | None:
        row = self._lock_row(exceptions, exception_id)
        return _case(row) if row else None

    def for_inspection(self, inspection_id: int) -> Sequence[ExceptionCase]:
        rows = self.conn.execute(
            select(exceptions)
            .where(exceptions.c.inspection_id == inspection_id)
            .order_by(exceptions.c.id)
        ).all()
        return [_case(r) for r in rows]

    def open_for_receipt(self, receipt_id: int) -> Sequence[ExceptionCase]:
        rows = self.conn.execute(
            select(exceptions)
            .where(
                exceptions.c.receipt_id == receipt_id,
                exceptions.c.state != ExceptionState.RESOLVED.value,
            )
            .order_by(exceptions.c.id)
        ).all()
        return [_case(r) for r in rows]

    def resolved_since(self, since: datetime) -> Sequence[ExceptionCase]:
        rows = self.conn.execute(
            select(exceptions)
            .where(
                exceptions.c.state == ExceptionState.RESOLVED.value,
                exceptions.c.resolved_at >= since,
            )
            .order_by(exceptions.c.opened_at, exceptions.c.id)
        ).all()
        return [_case(r) for r in rows]

    def signature(self) -> tuple[int, ...]:
        row = self.conn.execute(
            select(
                func.count(exceptions.c.id),
                func.coalesce(func.max(exceptions.c.id), 0),
                func.coalesce(func.sum(exceptions.c.version), 0),
            )
        ).one()
        return (int(row[0]), int(row[1]), int(row[2]))

    def open_cases(self) -> Sequence[ExceptionCase]:
        rows = self.conn.execute(
            select(exceptions)
            .where(exceptions.c.state != ExceptionState.RESOLVED.value)
            .order_by(exceptions.c.opened_at, exceptions.c.id)
        ).all()
        return [_case(r) for r in rows]


class SqlClaims(_Repo):
    def _holder_row(self, resource: str) -> Row[Any] | None:
        stmt = (
            select(claims, users.c.display_name, stations.c.name.label("station_name"))
            .join(users, users.c.id == claims.c.user_id)
            .join(stations, stations.c.id == claims.c.station_id)
            .where(claims.c.resource == resource)
        )
        return self.conn.execute(stmt).first()

    @staticmethod
    def _claim(row: Row[Any]) -> Claim:
        return Claim(
            resource=row.resource,
            user_id=row.user_id,
            station_id=row.station_id,
            claimed_at=row.claimed_at,
            expires_at=row.expires_at,
            user_name=row.display_name,
            station_name=row.station_name,
        )

    def holder(self, resource: str, now: datetime) -> Claim | None:
        row = self._holder_row(resource)
        if row is None or row.expires_at <= now:
            return None
        return self._claim(row)

    def acquire(self, claim: Claim, now: datetime) -> Claim:
        values = {
            "resource": claim.resource,
            "user_id": claim.user_id,
            "station_id": claim.station_id,
            "claimed_at": claim.claimed_at,
            "expires_at": claim.expires_at,
        }
        for _attempt in range(3):
            try:
                with savepoint(self.conn):
                    self.conn.execute(insert(claims).values(values))
                return claim
            except IntegrityError:
                pass
            row = self._holder_row(claim.resource)
            if row is None:
                continue  # released between our insert and our read: try again
            if row.expires_at > now and row.station_id != claim.station_id:
                return self._claim(row)
            # Ours already, or abandoned: take it over unless someone beats us to it.
            taken = self.conn.execute(
                update(claims)
                .where(
                    claims.c.resource == claim.resource,
                    claims.c.station_id == row.station_id,
                    claims.c.claimed_at == row.claimed_at,
                )
                .values(values)
            )
            if taken.rowcount == 1:
                return claim
        row = self._holder_row(claim.resource)
        return self._claim(row) if row else claim

    def release(self, resource: str, station_id: int) -> None:
        self.conn.execute(
            delete(claims).where(claims.c.resource == resource, claims.c.station_id == station_id)
        )

    def release_station(self, station_id: int, keep: str = "") -> None:
        self.conn.execute(
            delete(claims).where(and_(claims.c.station_id == station_id, claims.c.resource != keep))
        )


def audit_row(e: AuditEvent) -> dict[str, Any]:
    return {
        "at": e.at,
        "user_id": e.user_id,
        "station_id": e.station_id,
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "before": e.before,
        "after": e.after,
    }


class SqlAudit(_Repo):
    def add(self, event: AuditEvent) -> None:
        self.conn.execute(insert(audit).values(**audit_row(event)))

    def for_entity(self, entity: str, entity_id: str) -> Sequence[AuditEvent]:
        rows = self.conn.execute(
            select(audit)
            .where(audit.c.entity == entity, audit.c.entity_id == entity_id)
            .order_by(audit.c.id)
        ).all()
        return [
            AuditEvent(
                at=r.at,
                user_id=r.user_id,
                station_id=r.station_id,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                before=r.before,
                after=r.after,
            )
            for r in rows
        ]
