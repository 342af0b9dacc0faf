"""Ports: what the use cases need from the outside world, as protocols.

The data layer implements the repositories and the unit of work for SQLAlchemy; the tests
have in-memory fakes. Nothing here opens anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Protocol, Self

from receiving_station.domain.login import LoginCounter
from receiving_station.domain.model import (
    AuditEvent,
    Claim,
    ExceptionCase,
    Inspection,
    OutboxMessage,
    PrintJob,
    PrintStatus,
    Receipt,
    ReceiptInfo,
    Rma,
    Station,
    User,
)
from receiving_station.domain.policy import ReturnPolicy
from receiving_station.domain.scan import ClassifiedScan


class Clock(Protocol):
    def now(self) -> datetime:
        """The station's local time, timezone-aware."""
        ...


class ScanClassifier(Protocol):
    def classify(self, raw: str | bytes) -> ClassifiedScan:
        """Turn raw scanner output into a classified scan; ``BadScan`` for unreadable input."""
        ...


class KeystrokeDecoder(Protocol):
    """Tells a keyboard-wedge scanner's burst from typing (see ``scanners.wedge``).

    ``key`` and ``timeout`` return decisions: ``Hold`` (keep the key), ``Scanned`` (a scan's
    text) or ``Typed`` (replay these payloads to the focused widget).
    """

    @property
    def pending(self) -> bool: ...
    @property
    def max_gap_ms(self) -> float:
        """Longest pause between two keystrokes of one burst."""
        ...

    def frames(self, char: str) -> bool:
        """Whether the control character ``char`` is one the scanner sends around a label."""
        ...

    def key(self, char: str, payload: Any, t_ms: float) -> list[Any]: ...
    def other_key(self) -> list[Any]: ...
    def timeout(self, t_ms: float) -> list[Any]: ...


class UserRepository(Protocol):
    def get(self, user_id: int) -> User | None: ...
    def by_badge(self, badge_code: str) -> User | None: ...
    def by_username(self, username: str) -> User | None: ...
    def add(self, user: User) -> User: ...
    def count(self) -> int: ...
    def all(self) -> Sequence[User]: ...
    def save(self, user: User) -> None:
        """Persist if its version is still current; raises ``StaleRecord``."""
        ...

    def lock_all(self) -> None:
        """Hold off other stations' changes to users until this transaction ends, so a
        name, badge or "no user yet" checked now is still true at commit (SQLite: its
        single writer already does)."""
        ...


class StationRepository(Protocol):
    def get(self, station_id: int) -> Station | None: ...
    def by_name(self, name: str) -> Station | None: ...
    def add(self, station: Station) -> Station: ...
    def save(self, station: Station) -> None: ...
    def all(self) -> Sequence[Station]: ...
    def lock_all(self) -> None:
        """Hold off other stations' changes to stations until this transaction ends."""
        ...


class RmaRepository(Protocol):
    def get(self, rma_id: int) -> Rma | None: ...
    def by_number(self, number: str) -> Rma | None: ...
    def by_order(self, order_ref: str) -> Sequence[Rma]: ...
    def by_tracking(self, tracking_number: str) -> Rma | None: ...
    def add(self, rma: Rma) -> Rma: ...
    def replace(self, rma: Rma) -> None:
        """Replace an RMA's details, lines and tracking numbers (an import's update),
        version-checked; raises ``StaleRecord``."""
        ...

    def lock(self, rma_id: int) -> None:
        """Hold the RMA against other stations' changes until this transaction ends."""
        ...

    def save_status(self, rma: Rma) -> None:
        """Persist ``rma.status`` if nobody changed the RMA since it was read.

        Raises ``StaleRecord`` otherwise; on success ``rma.version`` is the new version.
        """
        ...


class ReceiptRepository(Protocol):
    def add(self, receipt: Receipt) -> Receipt:
        """Insert the receipt and its RMA links; raises ``DuplicateReceipt`` when an RMA
        already has a receipt (the database enforces it, whatever the stations race)."""
        ...

    def info_for_rma(self, rma_id: int) -> ReceiptInfo | None: ...
    def link(self, receipt_id: int, rma_id: int) -> None:
        """Add an RMA to a received parcel (an unidentified one, identified by a lead)."""
        ...

    def get(self, receipt_id: int) -> Receipt | None: ...
    def lock(self, receipt_id: int) -> None:
        """Hold the parcel until this transaction ends: every use case that adds, decides
        or counts the parcel's units takes it first, so two stations working on one parcel
        take turns (SQLite: its single writer already does)."""
        ...

    def unidentified(self, scanned_text: str) -> int | None:
        """The newest parcel received without an RMA under this label text, if any."""
        ...


class ExceptionRepository(Protocol):
    def get(self, exception_id: int) -> ExceptionCase | None: ...
    def add(self, case: ExceptionCase) -> ExceptionCase: ...
    def save(self, case: ExceptionCase) -> None:
        """Persist the case if its version is still current; raises ``StaleRecord``."""
        ...

    def open_cases(self) -> Sequence[ExceptionCase]: ...
    def resolved_since(self, since: datetime) -> Sequence[ExceptionCase]: ...
    def signature(self) -> tuple[int, ...]:
        """Changes whenever a case is added or saved (count, newest id, sum of versions)."""
        ...

    def open_for_receipt(self, receipt_id: int) -> Sequence[ExceptionCase]: ...
    def for_inspection(self, inspection_id: int) -> Sequence[ExceptionCase]:
        """Every case the unit opened, decided or not, oldest first."""
        ...

    def lock(self, exception_id: int) -> ExceptionCase | None:
        """The case as it is now, held against other stations until this transaction ends."""
        ...


class InspectionRepository(Protocol):
    def get(self, inspection_id: int) -> Inspection | None: ...
    def add(self, inspection: Inspection) -> Inspection: ...
    def save(self, inspection: Inspection) -> None:
        """Persist if its version is still current (bumping it); raises ``StaleRecord``."""
        ...

    def for_receipt(self, receipt_id: int) -> Sequence[Inspection]: ...
    def unfinished(self, inspector_id: int, station_id: int) -> Inspection | None:
        """The newest unit this inspector left half inspected at this station."""
        ...

    def by_lpn(self, lpn: str) -> Inspection | None:
        """The unit a license plate was issued to."""
        ...


@dataclass(frozen=True)
class Photo:
    id: int
    inspection_id: int | None
    step_id: str
    taken_at: datetime
    sha256: str
    mime: str
    width: int
    height: int
    receipt_id: int | None = None


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo ready to store: a JPEG (long side at most 1600 px) and its thumbnail."""

    content: bytes
    width: int
    height: int
    thumbnail: bytes


class EvidenceRenderer(Protocol):
    def render(self, evidence: Any, language: str) -> bytes:
        """An evidence pack (``services.evidence.Evidence``) as a PDF."""
        ...


class ShiftReportRenderer(Protocol):
    def render(self, figures: Any, language: str) -> bytes:
        """The shift's figures (``services.shift.ShiftFigures``) as a PDF."""
        ...


class PhotoPreparer(Protocol):
    def prepare(self, data: bytes) -> PreparedPhoto:
        """Any JPEG or PNG (or what the camera gives) made ready to store; ``BadPhoto``
        with the reason when it cannot be read, is too large or has too many pixels."""
        ...


class PhotoRepository(Protocol):
    def add(
        self,
        owner: tuple[str, int],
        step_id: str,
        taken_at: datetime,
        taken_by: int,
        station_id: int,
        photo: PreparedPhoto,
    ) -> Photo:
        """Store ``photo`` for ``("inspection", id)`` or, taken at receipt, ``("receipt", id)``."""
        ...

    def content(self, photo_id: int) -> tuple[Photo, bytes] | None:
        """The photo and its bytes; raises ``CorruptPhoto`` when they fail their SHA-256."""
        ...

    def thumbnail(self, photo_id: int) -> bytes | None:
        """The thumbnail (the photo itself for one stored without), checked the same way."""
        ...

    def for_inspection(self, inspection_id: int) -> Sequence[Photo]: ...
    def for_receipt(self, receipt_id: int) -> Sequence[Photo]:
        """The photos of the parcel taken at receipt."""
        ...


class LabelRepository(Protocol):
    def issue_plate(self, inspection_id: int | None, now: datetime) -> str:
        """A new license plate number from the database's own sequence."""
        ...

    def add_job(self, job: PrintJob) -> PrintJob: ...
    def job(self, job_id: int) -> PrintJob | None: ...
    def due_jobs(self, station_id: int, now: datetime) -> Sequence[PrintJob]:
        """Jobs of this station still to print whose next attempt is due, oldest first."""
        ...

    def open_jobs(self, station_id: int) -> Sequence[PrintJob]:
        """Jobs of this station not printed yet (pending, failed, sending or in doubt),
        oldest first."""
        ...

    def jobs_for_lpn(self, lpn: str) -> Sequence[PrintJob]: ...
    def claim(self, job: PrintJob, doubt_at: datetime) -> bool:
        """Mark a due job ``sending`` (in doubt from ``doubt_at``); False if it was taken."""
        ...

    def sending_jobs(self, station_id: int, now: datetime | None) -> Sequence[PrintJob]:
        """Jobs caught in ``sending`` (all, or those in doubt by ``now``), oldest first."""
        ...

    def settle(self, job: PrintJob, expected: PrintStatus) -> bool:
        """Save the job's status, attempts, error and print time if its status is still
        ``expected``; whether it was."""
        ...

    def mark(self, job: PrintJob) -> None:
        """Save the job's status, attempts, error and times."""
        ...


class Printer(Protocol):
    """Where labels go. ``send`` raises ``PrinterUnavailable`` (or another environment
    failure) with what went wrong; ``PrintOutcomeUnknown`` when the label may have printed."""

    uri: str

    def send(self, payload: bytes, fmt: str, title: str) -> None: ...


class LabelRenderer(Protocol):
    def render(self, template: str, values: Mapping[str, str], fmt: str, language: str) -> bytes:
        """The label as PDF, ZPL or PNG bytes; ``LabelDoesNotFit`` or ``NotFound``."""
        ...


class Outbox(Protocol):
    def add(self, message: OutboxMessage) -> None:
        """Queue a message; one already queued under the same idempotency key is kept."""
        ...

    def claim_next(self, lease: timedelta, holder: str) -> OutboxMessage | None:
        """The oldest message due that no station holds, taken for ``lease`` under the token
        ``holder``; None if none. Every outbox time (due, held until, sent at) is the
        database's clock, never a station's: station clocks drift."""
        ...

    def mark(self, message: OutboxMessage, holder: str, retry_after: timedelta) -> bool:
        """Record how the send went (sent now, or failed and due again ``retry_after`` from
        now) and let the message go, if ``holder`` still holds it; False (nothing written)
        when its lease ran out and another station took it."""
        ...

    def waiting(self) -> Sequence[OutboxMessage]:
        """Messages not sent yet, oldest first."""
        ...


class MessageTransport(Protocol):
    """Sends one message (e-mail or webhook, by audience); raises ``NotDelivered``."""

    longest_send_s: float
    """The longest one ``send`` takes, all included: it gives up (``NotDelivered``) after
    that, however slowly the other side answers. A station holds a message longer."""

    def send(self, message: OutboxMessage) -> None: ...


class WorkflowDefinitions(Protocol):
    """Every workflow version an inspection followed, stored as it was."""

    def get(self, workflow_id: str, version: int) -> tuple[str, dict[str, Any]] | None:
        """(digest, content) of that version, or None."""
        ...

    def add(
        self, workflow_id: str, version: int, digest: str, content: dict[str, Any], now: datetime
    ) -> None:
        """Store a version; one another station stored meanwhile is kept as it is."""
        ...


class ClaimRepository(Protocol):
    def acquire(self, claim: Claim, now: datetime) -> Claim:
        """Take ``claim.resource`` for the claimant unless someone else holds it unexpired.

        Returns the holder after the call: ``claim`` itself when acquired (or renewed),
        the other holder otherwise. Exactly one of two racing stations gets it.
        """
        ...

    def release(self, resource: str, station_id: int) -> None: ...
    def release_station(self, station_id: int, keep: str = "") -> None: ...
    def holder(self, resource: str, now: datetime) -> Claim | None: ...


class PolicyRepository(Protocol):
    def latest(self) -> ReturnPolicy | None:
        """The newest saved policy; None before an admin saved one."""
        ...

    def add(self, policy: ReturnPolicy, user_id: int) -> None:
        """Store ``policy`` under its version; a version taken meanwhile raises
        ``StaleRecord``."""
        ...

    def history(self, limit: int) -> Sequence[ReturnPolicy]: ...


@dataclass(frozen=True)
class UnitRecord:
    """One unit as the shift's figures and exports see it."""

    reference: str
    lpn: str
    status: str
    grade: str
    flags: tuple[str, ...]
    disposition: str
    refund_amount: Any
    started_at: datetime | None
    completed_at: datetime | None
    received_at: datetime
    inspector: str
    station: str
    rma: str
    sku: str
    reason: str
    exceptions: tuple[str, ...]


class ReportRepository(Protocol):
    def parcels_received(self, start: datetime, end: datetime) -> int: ...
    def units(self, start: datetime, end: datetime) -> Sequence[UnitRecord]: ...
    def exceptions_opened(
        self, start: datetime, end: datetime
    ) -> Sequence[tuple[str, datetime]]: ...
    def open_parcels(self, before: datetime) -> int: ...


@dataclass(frozen=True)
class Hit:
    """One thing a search found: an RMA, a unit, or an exception (an unidentified parcel)."""

    kind: str
    """rma, unit or exception."""
    key: str
    """What opens its history: the RMA number, the unit's IN- or the case's EX- reference."""
    rma: str
    order: str
    customer: str
    sku: str
    lpn: str
    status: str
    at: datetime | None
    matched: str
    """What the text matched: rma, order, tracking, lpn, unit, sku, customer, exception,
    parcel (what was scanned on an unidentified parcel)."""


@dataclass(frozen=True)
class Scope:
    """What a history is made of: the records whose events belong to it."""

    entities: tuple[tuple[str, str], ...]
    """(entity, entity id) pairs of the audit trail: rma, inspection, label, exception."""
    receipt_ids: tuple[int, ...]
    inspection_ids: tuple[int, ...]
    lpns: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    action: str
    reference: str
    """The record it happened to: an RMA number, IN-, EX- reference or license plate."""
    who: str
    station: str
    details: Mapping[str, Any]


@dataclass(frozen=True)
class CaseGlance:
    """What the leads' queue shows of a case's unit and RMA."""

    unit: str
    """The unit's IN- reference; empty for a parcel without one."""
    inspector_id: int | None
    rma: str
    sku: str
    photo_id: int | None
    """The unit's first photo, else the parcel's."""


class QueueReads(Protocol):
    def glance(self, exception_ids: Sequence[int]) -> Mapping[int, CaseGlance]:
        """Every case's unit, inspector, RMA, SKU and first photo, in a few queries whatever
        the number of cases."""
        ...


class HistoryRepository(Protocol):
    def find(self, text: str, limit: int) -> Sequence[Hit]:
        """Exact matches on numbers and codes; a customer's name or e-mail by part."""
        ...

    def rma_scope(self, number: str) -> Scope | None: ...
    def unit_scope(self, inspection_id: int) -> Scope | None: ...
    def exception_scope(self, exception_id: int) -> Scope | None: ...
    def events(self, scope: Scope) -> Sequence[TimelineEntry]:
        """The scope's audited events, its parcels' receipts and photos, oldest first."""
        ...


class AuditLog(Protocol):
    def add(self, event: AuditEvent) -> None: ...
    def for_entity(self, entity: str, entity_id: str) -> Sequence[AuditEvent]: ...


class RmaImports(Protocol):
    """Many RMAs in one transaction, for imports: reads and writes a chunk at a time."""

    def existing(self, numbers: Sequence[str]) -> dict[str, Rma]:
        """The RMAs among ``numbers`` that exist, by number, with lines and tracking."""
        ...

    def received(self, rma_ids: Sequence[int]) -> set[int]:
        """Which of these RMAs a parcel has already been received for."""
        ...

    def tracking_owners(self, numbers: Sequence[str]) -> dict[str, str]:
        """Tracking number -> the number of the RMA that holds it, for those held."""
        ...

    def add_all(self, new: Sequence[Rma]) -> None:
        """Insert them all; ``StaleRecord`` if a number or tracking number is taken."""
        ...

    def record(self, events: Sequence[AuditEvent]) -> None: ...


class LoginCounters(Protocol):
    def hold(self, key: str) -> LoginCounter:
        """The counter, created at zero if new, held until the transaction ends."""
        ...

    def save(self, counter: LoginCounter) -> None: ...
    def clear(self, key: str) -> None: ...
    def locked(self, now: datetime) -> Sequence[LoginCounter]: ...


class UnitOfWork(Protocol):
    """One transaction. ``with uow:`` begins it; leaving without ``commit()`` rolls back."""

    users: UserRepository
    stations: StationRepository
    rmas: RmaRepository
    receipts: ReceiptRepository
    exceptions: ExceptionRepository
    inspections: InspectionRepository
    workflow_definitions: WorkflowDefinitions
    photos: PhotoRepository
    labels: LabelRepository
    outbox: Outbox
    claims: ClaimRepository
    policies: PolicyRepository
    reports: ReportRepository
    history: HistoryRepository
    queue: QueueReads
    audit: AuditLog
    rma_imports: RmaImports
    logins: LoginCounters

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, readonly: bool = False) -> UnitOfWork: ...


class ScanSource(Protocol):
    """A scanner that is not a keyboard (serial port, camera): it runs on its own thread and
    calls back with each scan; ``start`` raises ``DeviceUnavailable`` when it cannot open."""

    def start(self) -> None: ...
    def stop(self) -> None: ...


ScanSink = Callable[[str | bytes], None]
ErrorSink = Callable[[BaseException], None]


class ChangeFeed(Protocol):
    """Says at once, on its own thread, that an exception was opened or changed at any
    station (PostgreSQL LISTEN/NOTIFY). A database that cannot has none: leads' pages poll.
    A lost connection is retried; ``changed`` is also called when it is back, since
    something may have changed meanwhile."""

    def start(self) -> None: ...
    def stop(self) -> None: ...


ChangeFeedOpener = Callable[[Callable[[], None]], ChangeFeed]


@dataclass(frozen=True)
class CameraFrame:
    """One preview frame, ready to draw: RGB888 rows, the codes found outlined."""

    width: int
    height: int
    rgb: bytes
    outlines: tuple[tuple[tuple[int, int], ...], ...] = ()
    fps: float = 0.0


FrameSink = Callable[[CameraFrame], None]
