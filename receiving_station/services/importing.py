"""Importing RMAs: idempotent, RMA by RMA, never half.

Each RMA of a file is applied in its own transaction: created, updated (while it has not
been received), left as it is when nothing changed, or refused with the reason. A file
imported twice changes nothing; a bad row costs its RMA, never the rest of the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from receiving_station.domain.model import AuditEvent, Rma, RmaLine, RmaStatus
from receiving_station.domain.permissions import Action
from receiving_station.domain.policy import ReturnPolicy
from receiving_station.errors import StaleRecord, StationError
from receiving_station.intake.model import IncomingRma, Parsed, Problem
from receiving_station.intake.read import read_file
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.policy import policy_in_force


@dataclass
class ImportReport:
    format: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def to_rma(incoming: IncomingRma, window_days: int) -> Rma:
    return Rma(
        id=None,
        number=incoming.number,
        order_ref=incoming.order_ref,
        channel=incoming.channel,
        customer_name=incoming.customer_name,
        customer_email=incoming.customer_email,
        customer_language=incoming.customer_language,
        created_on=incoming.created_on,
        expires_on=incoming.expires_on or incoming.created_on + timedelta(days=window_days),
        status=incoming.status,
        lines=[
            RmaLine(
                line.line_no,
                line.sku,
                line.description,
                line.quantity,
                gtin=line.gtin,
                category=line.category,
                unit_value=line.unit_value,
                reason_code=line.reason_code,
                reason_note=line.reason_note,
                expected_serials=line.serials,
            )
            for line in incoming.lines
        ],
        tracking_numbers=list(incoming.tracking),
    )


def _same(a: Rma, b: Rma) -> bool:
    def content(r: Rma) -> tuple[object, ...]:
        return (
            r.order_ref,
            r.channel,
            r.customer_name,
            r.customer_email,
            r.customer_language,
            r.created_on,
            r.expires_on,
            r.status,
            tuple(
                (
                    ln.line_no,
                    ln.sku,
                    ln.description,
                    ln.quantity,
                    ln.gtin,
                    ln.category,
                    ln.unit_value,
                    ln.reason_code,
                    ln.reason_note,
                    tuple(ln.expected_serials),
                )
                for ln in sorted(r.lines, key=lambda ln: ln.line_no)
            ),
            tuple(sorted(r.tracking_numbers)),
        )

    return content(a) == content(b)


def _apply(uow: UnitOfWork, rma: Rma, now: datetime, actor: Actor) -> str:
    """'created', 'updated' or 'unchanged'; raises ValueError with the reason otherwise."""
    existing = uow.rmas.by_number(rma.number)
    for number in rma.tracking_numbers:
        owner = uow.rmas.by_tracking(number)
        if owner is not None and owner.number != rma.number:
            raise ValueError(f"tracking number {number} already belongs to {owner.number}")
    if existing is None:
        uow.rmas.add(rma)
        action, before = "created", None
    else:
        if _same(existing, rma):
            return "unchanged"
        assert existing.id is not None
        received = uow.receipts.info_for_rma(existing.id) is not None
        if received or existing.status not in (
            RmaStatus.OPEN,
            RmaStatus.CANCELLED,
            RmaStatus.DECLINED,
        ):
            raise ValueError(f"{rma.number} has already been received: the changes are not applied")
        rma.id, rma.version = existing.id, existing.version
        uow.rmas.replace(rma)
        action, before = "updated", {"status": existing.status.value}
    uow.audit.add(
        AuditEvent(
            at=now,
            user_id=actor.user_id,
            station_id=actor.station_id,
            action=f"rma.import.{action}",
            entity="rma",
            entity_id=rma.number,
            before=before,
            after={"channel": rma.channel, "lines": len(rma.lines)},
        )
    )
    return action


def _import_one(
    uow_factory: UnitOfWorkFactory,
    incoming: IncomingRma,
    window_days: int,
    now: datetime,
    actor: Actor,
) -> str:
    """One RMA in its own transaction. Another station importing the same RMA at the same
    moment (one folder, two stations) makes ours stale: it is read again once, and then
    found created or unchanged, not refused."""
    for attempt in (1, 2):
        try:
            with uow_factory() as uow:
                # the window of the policy in force, by the RMA's channel and categories
                policy = policy_in_force(uow, ReturnPolicy(window_days=window_days))
                window = policy.window_for(incoming.channel, (x.category for x in incoming.lines))
                action = _apply(uow, to_rma(incoming, window), now, actor)
                uow.commit()
                return action
        except StaleRecord:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def import_rmas(
    uow_factory: UnitOfWorkFactory,
    parsed: Parsed,
    now: datetime,
    window_days: int = 30,
    progress: Callable[[int, int], None] | None = None,
    *,
    actor: Actor,
) -> ImportReport:
    """Import what was read; audited in ``actor``'s name (a lead, an admin, or the system
    identity of the command line and the watched folder)."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.IMPORT_RMAS)
    report = ImportReport(parsed.format, problems=list(parsed.problems))
    refused = {p.number for p in parsed.problems if p.number}
    seen: dict[str, IncomingRma] = {}
    total = len(parsed.rmas)
    for done, incoming in enumerate(parsed.rmas, 1):
        if progress is not None:
            progress(done, total)
        number = incoming.number
        if number in refused:
            continue  # a bad row of this RMA: none of it is imported
        earlier = seen.get(number)
        if earlier is not None:
            if earlier.fingerprint() != incoming.fingerprint():
                report.problems.append(
                    Problem(
                        incoming.where, f"{number} appears twice with different content", number
                    )
                )
            continue
        seen[number] = incoming
        try:
            action = _import_one(uow_factory, incoming, window_days, now, actor)
        except (ValueError, StationError) as exc:
            report.problems.append(Problem(incoming.where, str(exc), number))
            continue
        getattr(report, action).append(number)
    return report


def import_file(
    uow_factory: UnitOfWorkFactory,
    path: Path,
    now: datetime,
    window_days: int = 30,
    fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    actor: Actor,
) -> ImportReport:
    return import_rmas(uow_factory, read_file(path, fmt), now, window_days, progress, actor=actor)


def import_folder(
    uow_factory: UnitOfWorkFactory,
    folder: Path,
    now: datetime,
    window_days: int = 30,
    progress: Callable[[str, int, int], None] | None = None,
    *,
    actor: Actor,
) -> list[tuple[str, ImportReport]]:
    """Import every file waiting in the watched folder, then move it to ``done/`` (all
    imported) or ``problems/`` with a ``.problems.txt`` report beside it: a file is read
    once, and nothing in it is lost."""
    done: list[tuple[str, ImportReport]] = []
    if not folder.is_dir():
        return done
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        name = path.name

        def step(done_rmas: int, total: int, name: str = name) -> None:
            if progress is not None:
                progress(name, done_rmas, total)

        report = import_file(uow_factory, path, now, window_days, progress=step, actor=actor)
        target = folder / ("done" if report.ok else "problems")
        target.mkdir(exist_ok=True)
        stamp = now.strftime("%Y%m%d-%H%M%S")
        moved = target / f"{stamp}-{name}"
        path.replace(moved)
        if not report.ok:
            lines = [
                f"{p.where}{f' ({p.number})' if p.number else ''}: {p.reason}"
                for p in report.problems
            ]
            moved.with_name(moved.name + ".problems.txt").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
        done.append((name, report))
    return done
