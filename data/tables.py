"""The shared database's tables, as SQLAlchemy 2 typed mappings.

Alembic migrations under ``data/migrations`` create them; a test proves the two agree.
Records a station may race another one on carry a ``version`` column checked on save.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BigInteger primary keys that are still SQLite's rowid aliases.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (which keeps no zone) too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime reached the database; use the station clock")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Stamp = UtcDateTime()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    badge_code: Mapped[str] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class StationRow(Base):
    __tablename__ = "stations"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    location: Mapped[str] = mapped_column(String(120), default="")


class RmaRow(Base):
    __tablename__ = "rmas"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    order_ref: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    customer_name: Mapped[str] = mapped_column(String(200))
    customer_email: Mapped[str] = mapped_column(String(254))
    customer_language: Mapped[str] = mapped_column(String(8), default="en")
    created_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    version: Mapped[int] = mapped_column(Integer, default=1)


class RmaLineRow(Base):
    __tablename__ = "rma_lines"
    __table_args__ = (UniqueConstraint("rma_id", "line_no"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64), index=True)
    gtin: Mapped[str] = mapped_column(String(14), default="", index=True)
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    unit_value: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    reason_code: Mapped[str] = mapped_column(String(32), default="")
    reason_note: Mapped[str] = mapped_column(Text, default="")
    expected_serials: Mapped[list[str]] = mapped_column(JSON, default=list)


class RmaTrackingRow(Base):
    __tablename__ = "rma_tracking"
    tracking_number: Mapped[str] = mapped_column(String(40), primary_key=True)
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(16), default="")


class ReceiptRow(Base):
    __tablename__ = "receipts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(Stamp)
    packaging: Mapped[str] = mapped_column(String(16), default="good")
    note: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    scanned_text: Mapped[str] = mapped_column(String(256), default="", index=True)


class ReceiptRmaRow(Base):
    """Which RMAs a parcel held. ``rma_id`` is unique: an RMA is received once, by construction."""

    __tablename__ = "receipt_rmas"
    receipt_id: Mapped[int] = mapped_column(
        ForeignKey("receipts.id", ondelete="CASCADE"), primary_key=True
    )
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id"), primary_key=True, unique=True)


class InspectionRow(Base):
    __tablename__ = "inspections"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    rma_id: Mapped[int | None] = mapped_column(ForeignKey("rmas.id"), nullable=True, index=True)
    line_no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    version: Mapped[int] = mapped_column(Integer, default=1)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), nullable=True)
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    condition: Mapped[str] = mapped_column(String(24), default="standard")
    category: Mapped[str] = mapped_column(String(32), default="")
    scanned_text: Mapped[str] = mapped_column(String(256), default="")
    gtin: Mapped[str] = mapped_column(String(14), default="", index=True)
    serial: Mapped[str] = mapped_column(String(64), default="")
    batch: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[str] = mapped_column(String(10), default="")
    unit_value: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    reason_code: Mapped[str] = mapped_column(String(32), default="")
    workflow_id: Mapped[str] = mapped_column(String(48), default="")
    workflow_version: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    grade: Mapped[str] = mapped_column(String(3), default="")
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    exception_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    proposed_disposition: Mapped[str] = mapped_column(String(24), default="")
    rule_id: Mapped[str] = mapped_column(String(48), default="")
    rules_version: Mapped[int] = mapped_column(Integer, default=0)
    policy_version: Mapped[int] = mapped_column(Integer, default=0)
    disposition: Mapped[str] = mapped_column(String(24), default="")
    zone: Mapped[str] = mapped_column(String(24), default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    refund: Mapped[str] = mapped_column(String(8), default="")
    refund_amount: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    lead_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    lpn: Mapped[str] = mapped_column(String(16), default="", index=True)


class LicensePlateRow(Base):
    """License plate numbers are this table's ids, which the database hands out: unique
    across every station by construction, never reused (AUTOINCREMENT on SQLite)."""

    __tablename__ = "license_plates"
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    lpn: Mapped[str | None] = mapped_column(String(16), unique=True, nullable=True)
    """Written right after the insert, from the id the database gave."""
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), nullable=True)
    issued_at: Mapped[datetime] = mapped_column(Stamp)


class PrintJobRow(Base):
    """Every label sent (or still to send) to a printer, with the exact bytes: a failed
    print waits here and a reprint is identical."""

    __tablename__ = "print_jobs"
    __table_args__ = (Index("ix_print_jobs_station_id_status", "station_id", "status"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), nullable=True)
    lpn: Mapped[str] = mapped_column(String(16), index=True)
    template: Mapped[str] = mapped_column(String(48))
    format: Mapped[str] = mapped_column(String(8))
    printer: Mapped[str] = mapped_column(String(300))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime] = mapped_column(Stamp)
    printed_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    reprint_of: Mapped[int | None] = mapped_column(BigId, nullable=True)


class PhotoRow(Base):
    """A photo taken as evidence, in the shared database so every station can show it."""

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id"), index=True, nullable=True
    )
    receipt_id: Mapped[int | None] = mapped_column(
        ForeignKey("receipts.id"), index=True, nullable=True
    )
    """Set for a photo of the parcel taken at receipt (no inspection yet)."""
    step_id: Mapped[str] = mapped_column(String(48))
    taken_at: Mapped[datetime] = mapped_column(Stamp)
    taken_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    mime: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    thumbnail_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class OutboxRow(Base):
    """Messages about what happened at the dock, written in the same transaction as the
    change they announce and sent afterwards, with retries; one row per message."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    event: Mapped[str] = mapped_column(String(32))
    audience: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(254), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime] = mapped_column(Stamp)
    claimed_until: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    """Until when the station sending it holds it, by the database's clock."""
    claimed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The holder's token for this claim: only it may record how the send went."""
    sent_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)


class ReturnPolicyRow(Base):
    """Every version of the return policy an admin saved; the newest applies. Never updated:
    a decision names the version it applied."""

    __tablename__ = "return_policies"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(Stamp)
    saved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class WorkflowDefinitionRow(Base):
    """Every workflow version an inspection followed, as it was: a later edit of the file
    never changes what a finished (or half-done) inspection was asked."""

    __tablename__ = "workflow_definitions"
    __table_args__ = (UniqueConstraint("workflow_id", "version"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    workflow_id: Mapped[str] = mapped_column(String(48))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    stored_at: Mapped[datetime] = mapped_column(Stamp)


class ExceptionRow(Base):
    __tablename__ = "exceptions"
    __table_args__ = (Index("ix_exceptions_state_opened_at", "state", "opened_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="open")
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(Stamp)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    receipt_id: Mapped[int | None] = mapped_column(
        ForeignKey("receipts.id"), nullable=True, index=True
    )
    rma_id: Mapped[int | None] = mapped_column(ForeignKey("rmas.id"), nullable=True)
    disposition: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    inspection_id: Mapped[int | None] = mapped_column(BigId, nullable=True, index=True)
    """The unit's inspection that opened it, if one did."""


class ClaimRow(Base):
    __tablename__ = "claims"
    resource: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    claimed_at: Mapped[datetime] = mapped_column(Stamp)
    expires_at: Mapped[datetime] = mapped_column(Stamp)


class AuditRow(Base):
    """Append-only: the migration adds triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(Stamp)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class LoginCounterRow(Base):
    """Failed log-ins in a row for one user (``user:ID``) or station (``station:ID``), and
    until when it is locked out; the row is held while a log-in is judged."""

    __tablename__ = "login_counters"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    next_try_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    """After a failure, the earliest moment the next try is judged."""


class SettingRow(Base):
    """Small facts about this database (demo data present, ...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
