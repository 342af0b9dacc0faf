"""Importing RMAs: idempotent, whole RMAs, never half.

Each RMA of a file is created, updated (while it has not been received), left as it is
when nothing changed, or refused with the reason. RMAs go in chunks: a chunk's existing
RMAs are read in a few statements, each RMA is decided in memory (a refused one is left
out), and the rest is written many rows a statement, in one transaction. A chunk whose
write fails (another station importing the same RMAs at that moment) is rolled back and
done again RMA by RMA, each in its own transaction. A file imported twice changes
nothing; a bad row costs its RMA, never the rest of the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from receiving_station.domain.model import AuditEvent, Rma, RmaLine, RmaStatus
from receiving_station.domain.permissions import Action
from receiving_station.domain.policy import ReturnPolicy
from receiving_station.errors import EnvironmentFailure, StaleRecord, StationError
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.intake.model import (
    IN_FILE,
    IncomingRma,
    Parsed,
    Problem,
    RowError,
    Translate,
    Words,
    english,
)
from receiving_station.intake.read import read_file
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.policy import policy_in_force

log = logging.getLogger(__name__)


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


CHUNK = 500
"""RMAs a transaction: big enough for few statements, small enough to hold locks briefly."""


def _event(
    rma: Rma, action: str, before: dict[str, object] | None, now: datetime, actor: Actor
) -> AuditEvent:
    return AuditEvent(
        at=now,
        user_id=actor.user_id,
        station_id=actor.station_id,
        action=f"rma.import.{action}",
        entity="rma",
        entity_id=rma.number,
        before=before,
        after={"channel": rma.channel, "lines": len(rma.lines)},
    )


def _decide(
    rma: Rma, existing: Rma | None, received: bool, owners: dict[str, str]
) -> tuple[str, dict[str, object] | None]:
    """('created' | 'updated' | 'unchanged', the audit's before); raises ValueError with
    the reason the RMA is refused."""
    for number in rma.tracking_numbers:
        owner = owners.get(number)
        if owner is not None and owner != rma.number:
            raise RowError(
                QT_TRANSLATE_NOOP(
                    "import", "tracking number {tracking} already belongs to {owner}"
                ),
                tracking=number,
                owner=owner,
            )
    if existing is None:
        return "created", None
    if _same(existing, rma):
        return "unchanged", None
    if received or existing.status not in (
        RmaStatus.OPEN,
        RmaStatus.CANCELLED,
        RmaStatus.DECLINED,
    ):
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{rma} has already been received: the changes are not applied"
            ),
            rma=rma.number,
        )
    rma.id, rma.version = existing.id, existing.version
    return "updated", {"status": existing.status.value}


def _apply(uow: UnitOfWork, rma: Rma, now: datetime, actor: Actor) -> str:
    """One RMA: 'created', 'updated' or 'unchanged'; raises ValueError with the reason."""
    existing = uow.rmas.by_number(rma.number)
    owners = uow.rma_imports.tracking_owners(rma.tracking_numbers)
    received = existing is not None and bool(uow.rma_imports.received([existing.id or 0]))
    action, before = _decide(rma, existing, received, owners)
    if action == "unchanged":
        return action
    if action == "created":
        uow.rmas.add(rma)
    else:
        uow.rmas.replace(rma)
    uow.audit.add(_event(rma, action, before, now, actor))
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


Outcome = str | ValueError | StationError
"""What became of one RMA: its action, or why it was refused."""


def _why(refusal: ValueError | StationError) -> Words:
    if isinstance(refusal, RowError):
        return refusal.words
    if isinstance(refusal, StationError):
        return Words(type(refusal).template, refusal.params, "errors")
    return Words("{detail}", {"detail": str(refusal)})


def _import_chunk(
    uow_factory: UnitOfWorkFactory,
    chunk: list[IncomingRma],
    window_days: int,
    now: datetime,
    actor: Actor,
) -> list[Outcome]:
    """A chunk in one transaction, or ``StaleRecord`` (rolled back: nothing written)."""
    outcomes: list[Outcome] = []
    with uow_factory() as uow:
        policy = policy_in_force(uow, ReturnPolicy(window_days=window_days))
        rmas = [
            to_rma(x, policy.window_for(x.channel, (ln.category for ln in x.lines))) for x in chunk
        ]
        existing = uow.rma_imports.existing([r.number for r in rmas])
        received = uow.rma_imports.received([r.id for r in existing.values() if r.id])
        owners = uow.rma_imports.tracking_owners([t for r in rmas for t in r.tracking_numbers])
        new: list[Rma] = []
        changed: list[Rma] = []
        events: list[AuditEvent] = []
        for rma in rmas:
            before_rma = existing.get(rma.number)
            try:
                action, before = _decide(
                    rma, before_rma, bool(before_rma and before_rma.id in received), owners
                )
            except ValueError as exc:
                outcomes.append(exc)
                continue
            outcomes.append(action)
            if action == "unchanged":
                continue
            if before_rma is not None:  # what it gives up, later RMAs of the chunk may take
                for t in before_rma.tracking_numbers:
                    if owners.get(t) == rma.number:
                        del owners[t]
            owners.update((t, rma.number) for t in rma.tracking_numbers)
            (new if action == "created" else changed).append(rma)
            events.append(_event(rma, action, before, now, actor))
        uow.rma_imports.add_all(new)
        for rma in changed:
            uow.rmas.replace(rma)
        uow.rma_imports.record(events)
        uow.commit()
    return outcomes


def _outcomes(
    uow_factory: UnitOfWorkFactory,
    chunk: list[IncomingRma],
    window_days: int,
    now: datetime,
    actor: Actor,
) -> list[Outcome]:
    try:
        return _import_chunk(uow_factory, chunk, window_days, now, actor)
    except StaleRecord:
        pass  # rolled back whole: each RMA again on its own
    outcomes: list[Outcome] = []
    for incoming in chunk:
        try:
            outcomes.append(_import_one(uow_factory, incoming, window_days, now, actor))
        except (ValueError, StationError) as exc:
            outcomes.append(exc)
    return outcomes


def import_rmas(
    uow_factory: UnitOfWorkFactory,
    parsed: Parsed,
    now: datetime,
    window_days: int = 30,
    progress: Callable[[int, int], None] | None = None,
    *,
    actor: Actor,
) -> ImportReport:
    """Import what was read, audited in ``actor``'s name (a lead, an admin, or the system
    identity of the command line and the watched folder). ``progress(done, total)`` is
    called after each chunk."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.IMPORT_RMAS)
    report = ImportReport(parsed.format, problems=list(parsed.problems))
    refused = {p.number for p in parsed.problems if p.number}
    seen: dict[str, IncomingRma] = {}
    total = len(parsed.rmas)
    chunk: list[IncomingRma] = []

    def flush(done: int) -> None:
        for incoming, outcome in zip(
            chunk, _outcomes(uow_factory, chunk, window_days, now, actor), strict=True
        ):
            if isinstance(outcome, str):
                getattr(report, outcome).append(incoming.number)
            else:
                report.problems.append(Problem(incoming.where, _why(outcome), incoming.number))
        chunk.clear()
        if progress is not None:
            progress(done, total)

    for done, incoming in enumerate(parsed.rmas, 1):
        number = incoming.number
        if number in refused:
            continue  # a bad row of this RMA: none of it is imported
        earlier = seen.get(number)
        if earlier is not None:
            if earlier.fingerprint() != incoming.fingerprint():
                why = Words(
                    QT_TRANSLATE_NOOP("import", "{rma} appears twice with different content"),
                    {"rma": number},
                )
                report.problems.append(Problem(incoming.where, why, number))
            continue
        seen[number] = incoming
        chunk.append(incoming)
        if len(chunk) == CHUNK:
            flush(done)
    flush(total)
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


def _file_report(report: ImportReport, translate: Translate) -> str:
    return "\n".join(p.describe(translate) for p in report.problems) + "\n"


def import_folder(
    uow_factory: UnitOfWorkFactory,
    folder: Path,
    now: datetime,
    window_days: int = 30,
    progress: Callable[[str, int, int], None] | None = None,
    translate: Translate = english,
    *,
    actor: Actor,
) -> list[tuple[str, ImportReport]]:
    """Import every file waiting in the watched folder, then move it to ``done/`` (all
    imported) or ``problems/`` with a ``.problems.txt`` report beside it: a file is read
    once, and nothing in it is lost. One file that cannot be imported is filed under
    ``problems/`` and the folder goes on with the next; only a database that cannot be
    reached stops the round (the file stays, for the next round). The reports are written
    in the language of ``translate``."""
    done: list[tuple[str, ImportReport]] = []
    if not folder.is_dir():
        return done
    with uow_factory(readonly=True) as uow:  # refused once, not filed file by file
        load_actor(uow, actor, Action.IMPORT_RMAS)
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        name = path.name

        def step(done_rmas: int, total: int, name: str = name) -> None:
            if progress is not None:
                progress(name, done_rmas, total)

        try:
            report = import_file(uow_factory, path, now, window_days, progress=step, actor=actor)
        except EnvironmentFailure:
            raise
        except Exception as exc:  # a bug must not block the folder: said, logged, filed
            log.exception("importing %s failed", path)
            report = ImportReport(
                "",
                problems=[
                    Problem(
                        IN_FILE,
                        Words(
                            QT_TRANSLATE_NOOP(
                                "import",
                                "the station could not import it ({detail}); its log has the "
                                "details",
                            ),
                            {"detail": f"{type(exc).__name__}: {str(exc)[:200]}"},
                        ),
                    )
                ],
            )
        target = folder / ("done" if report.ok else "problems")
        target.mkdir(exist_ok=True)
        stamp = now.strftime("%Y%m%d-%H%M%S")
        moved = target / f"{stamp}-{name}"
        path.replace(moved)
        if not report.ok:
            moved.with_name(moved.name + ".problems.txt").write_text(
                _file_report(report, translate), encoding="utf-8"
            )
        done.append((name, report))
    return done
