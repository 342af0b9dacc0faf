"""Domain records of the returns dock.

They are plain dataclasses: the data layer maps them to tables, the UI receives them as
snapshots. State changes go through the methods here, which consult the state machines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from receiving_station.domain.states import StateMachine

UNIT = "IN"
CASE = "EX"
_REFERENCE = re.compile(r"^(IN|EX)-0*(\d{1,12})$")


def reference(prefix: str, record_id: int) -> str:
    """A unit's (``IN-000042``) or an exception's (``EX-000007``) reference, as printed."""
    return f"{prefix}-{record_id:06d}"


def parse_reference(text: str) -> tuple[str, int] | None:
    """``("IN", 42)`` for ``IN-000042`` (any case); None for anything else."""
    found = _REFERENCE.match(text.strip().upper())
    return (found.group(1), int(found.group(2))) if found else None


class Role(StrEnum):
    RECEIVER = "receiver"
    INSPECTOR = "inspector"
    LEAD = "lead"
    ADMIN = "admin"
    SYSTEM = "system"
    """The command line's own identity: never logs in at a station, shown in the audit."""


@dataclass
class User:
    id: int | None
    username: str
    display_name: str
    role: Role
    badge_code: str
    pin_hash: str = ""
    language: str = ""
    active: bool = True
    version: int = 1


@dataclass
class Station:
    id: int | None
    name: str
    location: str = ""


class RmaStatus(StrEnum):
    OPEN = "open"
    RECEIVED = "received"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    DECLINED = "declined"


_F = frozenset
RMA_STATES: StateMachine[RmaStatus] = StateMachine(
    "RMA",
    {
        RmaStatus.OPEN: _F({RmaStatus.RECEIVED, RmaStatus.CANCELLED, RmaStatus.DECLINED}),
        # A cancelled or declined RMA can still arrive at the dock: a lead approves it in.
        RmaStatus.CANCELLED: _F({RmaStatus.RECEIVED}),
        RmaStatus.DECLINED: _F({RmaStatus.RECEIVED}),
        RmaStatus.RECEIVED: _F({RmaStatus.CLOSED}),
    },
)


@dataclass
class RmaLine:
    line_no: int
    sku: str
    description: str
    quantity: int
    gtin: str = ""
    category: str = ""
    unit_value: Decimal = Decimal("0")
    reason_code: str = ""
    reason_note: str = ""
    expected_serials: tuple[str, ...] = ()
    id: int | None = None

    @property
    def serialized(self) -> bool:
        return bool(self.expected_serials)


@dataclass
class Rma:
    id: int | None
    number: str
    order_ref: str
    channel: str
    customer_name: str
    customer_email: str
    created_on: date
    expires_on: date
    customer_language: str = "en"
    status: RmaStatus = RmaStatus.OPEN
    lines: list[RmaLine] = field(default_factory=list)
    tracking_numbers: list[str] = field(default_factory=list)
    version: int = 1

    def days_left(self, today: date) -> int:
        """Days left in the return window; negative once it has passed."""
        return (self.expires_on - today).days

    def policy_breach(self, today: date) -> str | None:
        """Why receiving this RMA needs a lead's approval, or ``None`` when it does not."""
        if self.status is RmaStatus.CANCELLED:
            return "cancelled"
        if self.status is RmaStatus.DECLINED:
            return "declined"
        if self.status is RmaStatus.OPEN and self.days_left(today) < 0:
            return "window_passed"
        return None

    def transition(self, target: RmaStatus) -> None:
        RMA_STATES.check(self.status, target, ref=self.number)
        self.status = target

    @property
    def units_expected(self) -> int:
        return sum(line.quantity for line in self.lines)


class PackagingCondition(StrEnum):
    GOOD = "good"
    DAMAGED = "damaged"


@dataclass
class Receipt:
    """One parcel received at the dock. It may hold returns of several RMAs, or of none."""

    id: int | None
    station_id: int
    user_id: int
    received_at: datetime
    packaging: PackagingCondition = PackagingCondition.GOOD
    note: str = ""
    rma_ids: list[int] = field(default_factory=list)
    approved_by: int | None = None
    scanned_text: str = ""


@dataclass(frozen=True)
class ReceiptInfo:
    """Who received a parcel, where and when: what a second scan is told."""

    receipt_id: int
    user_name: str
    station_name: str
    received_at: datetime


class InspectionStatus(StrEnum):
    WAITING = "waiting"
    IN_PROGRESS = "in_progress"
    AWAITING_LEAD = "awaiting_lead"
    COMPLETED = "completed"


INSPECTION_STATES: StateMachine[InspectionStatus] = StateMachine(
    "Inspection",
    {
        InspectionStatus.WAITING: _F({InspectionStatus.IN_PROGRESS}),
        InspectionStatus.IN_PROGRESS: _F(
            {InspectionStatus.AWAITING_LEAD, InspectionStatus.COMPLETED, InspectionStatus.WAITING}
        ),
        InspectionStatus.AWAITING_LEAD: _F(
            {InspectionStatus.COMPLETED, InspectionStatus.IN_PROGRESS}
        ),
    },
)


@dataclass
class Inspection:
    """The inspection of one physical unit (or, for a missing item, of the parcel's box):
    what was scanned, the workflow followed and its answers, the grade and the decision."""

    id: int | None
    receipt_id: int
    rma_id: int | None
    line_no: int | None
    status: InspectionStatus = InspectionStatus.WAITING
    version: int = 1
    station_id: int | None = None
    inspector_id: int | None = None
    condition: str = "standard"
    category: str = ""
    scanned_text: str = ""
    gtin: str = ""
    serial: str = ""
    batch: str = ""
    expiry: str = ""
    unit_value: Decimal = Decimal("0")
    reason_code: str = ""
    workflow_id: str = ""
    workflow_version: int = 0
    progress: dict[str, Any] = field(default_factory=dict)
    """The engine's saved state: answers, path, current step."""
    grade: str = ""
    flags: list[str] = field(default_factory=list)
    exception_kinds: list[str] = field(default_factory=list)
    proposed_disposition: str = ""
    rule_id: str = ""
    rules_version: int = 0
    policy_version: int = 0
    """The return policy version the decision applied (0: the defaults from the files)."""
    disposition: str = ""
    zone: str = ""
    override_reason: str = ""
    refund: str = ""
    refund_amount: Decimal = Decimal("0")
    lead_approval: bool = False
    started_at: datetime | None = None
    completed_at: datetime | None = None
    lpn: str = ""

    @property
    def reference(self) -> str:
        return reference(UNIT, self.id) if self.id is not None else "IN-new"

    @property
    def finished(self) -> bool:
        return self.status in (InspectionStatus.COMPLETED, InspectionStatus.AWAITING_LEAD)

    @property
    def accepted(self) -> bool | None:
        """Whether the return of this unit was accepted (a refund is due); None until done."""
        if not self.finished:
            return None
        return self.refund in ("full", "partial")

    def transition(self, target: InspectionStatus) -> None:
        INSPECTION_STATES.check(self.status, target, ref=self.reference)
        self.status = target


class ExceptionKind(StrEnum):
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    MISSING_ITEM = "missing_item"
    EXTRA_ITEM = "extra_item"
    UNIDENTIFIED_PARCEL = "unidentified_parcel"
    SERIAL_MISMATCH = "serial_mismatch"
    OVER_RECEIPT = "over_receipt"
    POLICY_BREACH = "policy_breach"
    SUSPECTED_FRAUD = "suspected_fraud"
    OVERRIDE = "override"
    APPROVAL = "approval"
    """A disposition waiting for a lead: a failed check, a valuable unit, a rule that says so."""


class ExceptionState(StrEnum):
    OPEN = "open"
    IN_REVIEW = "in_review"
    RESOLVED = "resolved"


EXCEPTION_STATES: StateMachine[ExceptionState] = StateMachine(
    "Exception",
    {
        ExceptionState.OPEN: _F({ExceptionState.IN_REVIEW}),
        # A lead may put a case back in the queue without deciding it.
        ExceptionState.IN_REVIEW: _F({ExceptionState.RESOLVED, ExceptionState.OPEN}),
    },
)


@dataclass
class ExceptionCase:
    """Something at the dock that needs a lead's decision."""

    id: int | None
    kind: ExceptionKind
    opened_by: int
    opened_at: datetime
    station_id: int
    receipt_id: int | None = None
    rma_id: int | None = None
    state: ExceptionState = ExceptionState.OPEN
    disposition: str = ""
    note: str = ""
    resolution: str = ""
    lead_id: int | None = None
    resolved_at: datetime | None = None
    version: int = 1
    inspection_id: int | None = None

    @property
    def reference(self) -> str:
        return reference(CASE, self.id) if self.id is not None else "EX-new"

    def transition(self, target: ExceptionState) -> None:
        EXCEPTION_STATES.check(self.state, target, ref=self.reference)
        self.state = target


@dataclass(frozen=True)
class AuditEvent:
    """One action, append-only: who, where, when, what it was before and after."""

    at: datetime
    user_id: int | None
    station_id: int | None
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@dataclass(frozen=True)
class Claim:
    """A station's hold on a record (an RMA being received, a unit being inspected)."""

    resource: str
    user_id: int
    station_id: int
    claimed_at: datetime
    expires_at: datetime
    user_name: str = ""
    station_name: str = ""


class PrintStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    """Committed before the bytes leave; ``next_attempt_at`` is when it turns in doubt."""
    PRINTED = "printed"
    FAILED = "failed"
    """Tried and failed; retried later (``next_attempt_at``)."""
    IN_DOUBT = "in_doubt"
    """The bytes may have reached the printer but the outcome was never recorded (a crash,
    a printer that took the label and never hung up): never sent again by itself, a person
    marks it printed or reprints it."""
    REPRINTED = "reprinted"
    """Was in doubt; settled by a reprint (the new job's ``reprint_of``)."""


@dataclass
class PrintJob:
    """A label for a printer: the exact bytes, so a retry or a reprint is identical."""

    id: int | None
    created_at: datetime
    station_id: int
    user_id: int
    lpn: str
    template: str
    format: str
    printer: str
    payload: bytes
    inspection_id: int | None = None
    status: PrintStatus = PrintStatus.PENDING
    attempts: int = 0
    last_error: str = ""
    next_attempt_at: datetime | None = None
    printed_at: datetime | None = None
    reprint_of: int | None = None


class MessageStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    """Tried and failed; retried later (``next_attempt_at``)."""


@dataclass
class OutboxMessage:
    """A message about a change at the dock, to a customer or a team (finance, service)."""

    id: int | None
    created_at: datetime
    event: str
    audience: str
    """customer, finance or service."""
    idempotency_key: str
    recipient: str = ""
    language: str = "en"
    subject: str = ""
    body: str = ""
    payload: dict[str, Any] = field(default_factory=dict)
    status: MessageStatus = MessageStatus.PENDING
    attempts: int = 0
    last_error: str = ""
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
