"""License plates and labels: issued when a unit's decision is made, queued in the same
transaction, printed by the station's printer with retries, reprinted identically.

A printer that is off never loses a decision: the job waits in ``print_jobs`` (pending or
failed, with why) and is retried with back-off; every print and reprint is audited.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from receiving_station.domain.checkdigits import license_plate
from receiving_station.domain.model import (
    AuditEvent,
    Inspection,
    InspectionStatus,
    PrintJob,
    PrintStatus,
    User,
)
from receiving_station.domain.permissions import Action
from receiving_station.errors import (
    LabelNotInDoubt,
    NotFound,
    PrintInterrupted,
    PrintOutcomeUnknown,
    StationError,
)
from receiving_station.ports import LabelRenderer, Printer, UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor

BACKOFF_S = (15, 30, 60, 120, 300)
"""Seconds before the next attempt, by attempts already made (then every 5 minutes)."""
TEST_LPN = license_plate(1)


@dataclass(frozen=True)
class LabelSettings:
    printer: str
    template: str
    format: str
    language: str


@dataclass(frozen=True)
class Labeling:
    """What a decision needs to queue its label."""

    renderer: LabelRenderer
    settings: LabelSettings


def _audit(
    uow: UnitOfWork,
    user_id: int,
    station_id: int,
    now: datetime,
    action: str,
    job: PrintJob,
    after: dict[str, object],
) -> None:
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=user_id,
            station_id=station_id,
            action=action,
            entity="label",
            entity_id=job.lpn,
            before={},
            after={"job": job.id, **after},
        )
    )


def label_values(
    inspection: Inspection,
    *,
    rma: str,
    sku: str,
    description: str,
    station: str,
    inspector: str,
    now: datetime,
) -> dict[str, str]:
    waiting = inspection.status is InspectionStatus.AWAITING_LEAD
    return {
        "lpn": inspection.lpn,
        # A unit waiting for a lead goes to quarantine until the lead decides.
        "disposition": "hold" if waiting else inspection.disposition,
        "zone": inspection.zone if not waiting else "",
        "rma": rma,
        "sku": sku,
        "description": description,
        "grade": inspection.grade,
        "date": now.strftime("%Y-%m-%d %H:%M"),
        "station": station,
        "inspector": inspector,
    }


def queue_label(
    uow: UnitOfWork,
    renderer: LabelRenderer,
    settings: LabelSettings,
    inspection: Inspection,
    values: dict[str, str],
    user_id: int,
    station_id: int,
    now: datetime,
) -> PrintJob:
    """Issue the unit's license plate and queue its label, inside the caller's transaction.
    A label that cannot be rendered is queued as failed with the reason: the decision stays.
    A unit that already has a label (the hold label of a unit that waited for a lead) gets
    its new one recorded as replacing the first (``reprint_of``, audited ``label.relabel``):
    one original label per unit, every later one traceable to it."""
    first: PrintJob | None = None
    if not inspection.lpn:
        inspection.lpn = uow.labels.issue_plate(inspection.id, now)
    else:
        first = next(iter(uow.labels.jobs_for_lpn(inspection.lpn)), None)
    values = {**values, "lpn": inspection.lpn}
    status, error, payload = PrintStatus.PENDING, "", b""
    try:
        payload = renderer.render(settings.template, values, settings.format, settings.language)
    except StationError as exc:
        status, error = PrintStatus.FAILED, str(exc)
    job = uow.labels.add_job(
        PrintJob(
            id=None,
            created_at=now,
            station_id=station_id,
            user_id=user_id,
            lpn=inspection.lpn,
            template=settings.template,
            format=settings.format,
            printer=settings.printer,
            payload=payload,
            inspection_id=inspection.id,
            status=status,
            last_error=error,
            next_attempt_at=now,
            reprint_of=first.id if first else None,
        )
    )
    if first is None:
        _audit(uow, user_id, station_id, now, "label.queued", job, {"status": status.value})
    else:
        after: dict[str, object] = {
            "status": status.value,
            "replaces": first.id,
            "disposition": inspection.disposition,
        }
        _audit(uow, user_id, station_id, now, "label.relabel", job, after)
    return job


_dispatching = threading.Lock()
SEND_DEADLINE_S = 120
"""Longer than any send can take (connect, host status, label, hang-up): a job still
``sending`` after this was cut off by a crash and is in doubt."""


def _find_in_doubt(
    uow_factory: UnitOfWorkFactory, station_id: int, now: datetime, restarted: bool
) -> None:
    """Jobs caught in ``sending`` (all of them after a restart, else those past their
    deadline) are in doubt: they may have printed, so they are never sent again by
    themselves. A person settles them (``confirm_printed`` or ``reprint_in_doubt``)."""
    with uow_factory() as uow:
        for job in uow.labels.sending_jobs(station_id, None if restarted else now):
            job.status, job.attempts = PrintStatus.IN_DOUBT, job.attempts + 1  # it was tried
            job.last_error = str(PrintInterrupted(printer=job.printer))
            if uow.labels.settle(job, PrintStatus.SENDING):
                _audit(
                    uow,
                    job.user_id,
                    station_id,
                    now,
                    "label.in_doubt",
                    job,
                    {"printer": job.printer, "attempt": job.attempts},
                )
        uow.commit()


def dispatch(
    uow_factory: UnitOfWorkFactory,
    printer: Printer,
    station_id: int,
    now: datetime,
    restarted: bool = False,
) -> list[PrintJob]:
    """Send this station's due labels, oldest first; what happened to each is saved.
    The printer is never called inside a transaction (a slow printer never blocks others).

    Each job is committed as ``sending`` before its bytes leave and marked printed, failed
    or in doubt after; ``restarted``: this is the program's first pass, so whatever is still
    ``sending`` was cut off by a crash (in doubt, not sent again)."""
    if not _dispatching.acquire(blocking=False):
        return []
    try:
        _find_in_doubt(uow_factory, station_id, now, restarted)
        with uow_factory(readonly=True) as uow:
            due = [j for j in uow.labels.due_jobs(station_id, now) if j.payload]
        done = []
        for job in due:
            with uow_factory() as uow:
                if not uow.labels.claim(job, now + timedelta(seconds=SEND_DEADLINE_S)):
                    continue  # taken or settled meanwhile
                uow.commit()
            try:
                printer.send(job.payload, job.format, f"{job.lpn}-{job.id}")
            except PrintOutcomeUnknown as exc:
                job.status, job.last_error = PrintStatus.IN_DOUBT, str(exc)
            except StationError as exc:
                job.status, job.last_error = PrintStatus.FAILED, str(exc)
                wait = BACKOFF_S[min(job.attempts, len(BACKOFF_S) - 1)]
                job.next_attempt_at = now + timedelta(seconds=wait)
            else:
                job.status, job.printed_at, job.last_error = PrintStatus.PRINTED, now, ""
            job.attempts += 1
            with uow_factory() as uow:
                uow.labels.mark(job)
                action = {
                    PrintStatus.PRINTED: "label.printed",
                    PrintStatus.IN_DOUBT: "label.in_doubt",
                }.get(job.status, "label.failed")
                _audit(
                    uow,
                    job.user_id,
                    station_id,
                    now,
                    action,
                    job,
                    {"printer": printer.uri, "error": job.last_error, "attempt": job.attempts},
                )
                uow.commit()
            done.append(job)
        return done
    finally:
        _dispatching.release()


def _in_doubt(uow: UnitOfWork, job_id: int) -> PrintJob:
    job = uow.labels.job(job_id)
    if job is None:
        raise NotFound(what=str(job_id))
    if job.status is not PrintStatus.IN_DOUBT:
        raise LabelNotInDoubt(lpn=job.lpn)
    return job


def confirm_printed(
    uow_factory: UnitOfWorkFactory, actor: Actor, job_id: int, now: datetime
) -> PrintJob:
    """A person checked the printer: the label in doubt did print. Audited (who, when)."""
    with uow_factory() as uow:
        load_actor(uow, actor, Action.INSPECT)
        job = _in_doubt(uow, job_id)
        job.status, job.printed_at = PrintStatus.PRINTED, now
        if not uow.labels.settle(job, PrintStatus.IN_DOUBT):
            raise LabelNotInDoubt(lpn=job.lpn)
        _audit(
            uow,
            actor.user_id,
            actor.station_id,
            now,
            "label.confirmed_printed",
            job,
            {"was": PrintStatus.IN_DOUBT.value, "error": job.last_error},
        )
        uow.commit()
        return job


def reprint_in_doubt(
    uow_factory: UnitOfWorkFactory, actor: Actor, job_id: int, now: datetime
) -> PrintJob:
    """A person checked the printer: the label in doubt did not print (or not whole). It is
    queued again at this station as a reprint of it, in the same transaction; audited."""
    with uow_factory() as uow:
        load_actor(uow, actor, Action.INSPECT)
        job = _in_doubt(uow, job_id)
        job.status = PrintStatus.REPRINTED
        if not uow.labels.settle(job, PrintStatus.IN_DOUBT):
            raise LabelNotInDoubt(lpn=job.lpn)
        again = _queue_copy(uow, actor, job, now)
        _audit(
            uow,
            actor.user_id,
            actor.station_id,
            now,
            "label.reprint",
            again,
            {"reprint_of": job.id, "was": PrintStatus.IN_DOUBT.value},
        )
        uow.commit()
        return again


def _queue_copy(uow: UnitOfWork, actor: Actor, of: PrintJob, now: datetime) -> PrintJob:
    """The same bytes queued again at the actor's station, as a reprint of ``of``."""
    return uow.labels.add_job(
        PrintJob(
            id=None,
            created_at=now,
            station_id=actor.station_id,
            user_id=actor.user_id,
            lpn=of.lpn,
            template=of.template,
            format=of.format,
            printer=of.printer,
            payload=of.payload,
            inspection_id=of.inspection_id,
            next_attempt_at=now,
            reprint_of=of.id,
        )
    )


def reprint(uow_factory: UnitOfWorkFactory, actor: Actor, lpn: str, now: datetime) -> PrintJob:
    """The unit's label again, byte for byte as first printed, queued at this station."""
    with uow_factory() as uow:
        load_actor(uow, actor, Action.INSPECT)
        first = next((j for j in uow.labels.jobs_for_lpn(lpn) if j.payload), None)
        if first is None:
            raise NotFound(what=lpn)
        job = _queue_copy(uow, actor, first, now)
        _audit(
            uow,
            actor.user_id,
            actor.station_id,
            now,
            "label.reprint",
            job,
            {"reprint_of": first.id},
        )
        uow.commit()
        return job


def open_jobs(uow_factory: UnitOfWorkFactory, station_id: int) -> list[PrintJob]:
    with uow_factory(readonly=True) as uow:
        return list(uow.labels.open_jobs(station_id))


def test_label(
    renderer: LabelRenderer, settings: LabelSettings, printer: Printer, now: datetime
) -> None:
    """Print a test label straight away (the settings' "print test label")."""
    values = {
        "lpn": TEST_LPN,
        "disposition": "restock",
        "zone": "TEST",
        "rma": "RMA-000000",
        "sku": "TEST-LABEL",
        "description": "Test label",
        "grade": "A",
        "date": now.strftime("%Y-%m-%d %H:%M"),
        "station": "",
        "inspector": "",
    }
    payload = renderer.render(settings.template, values, settings.format, settings.language)
    printer.send(payload, settings.format, f"test-{now:%Y%m%d-%H%M%S}")


BADGE_TEMPLATE = "badge-2x1"


def badge_label(
    renderer: LabelRenderer, settings: LabelSettings, printer: Printer, user: User, now: datetime
) -> None:
    """Print a user's badge (their badge code as Code 128, name and role) straight away;
    ``PrinterUnavailable`` says why not. A badge can be printed again at any time."""
    values = {"badge": user.badge_code, "name": user.display_name, "role": user.role.value}
    payload = renderer.render(BADGE_TEMPLATE, values, settings.format, settings.language)
    printer.send(payload, settings.format, f"badge-{user.username}-{now:%Y%m%d-%H%M%S}")
