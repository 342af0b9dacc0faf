"""The shift's figures, for the lead's dashboard and the shift report: parcels received and
units inspected, units per hour per inspector, time from dock to decision (median and 90th
percentile), what is past the SLA, exceptions by kind, and the SKUs that come back most,
by return reason and by condition (the feedback that fixes product pages and size guides).
And the period's units as CSV, with progress, for whoever wants them in a spreadsheet."""

from __future__ import annotations

import csv
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from receiving_station.domain.permissions import Action
from receiving_station.errors import StationError
from receiving_station.files import write_atomic
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import UnitOfWorkFactory, UnitRecord
from receiving_station.services.context import Actor, load_actor

DECIDED = ("completed", "awaiting_lead")
TOP = 8


class ExportCancelled(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The export was cancelled after {done} of {total} units; no file was left."
    )


@dataclass(frozen=True)
class InspectorFigures:
    name: str
    units: int
    per_hour: float


@dataclass(frozen=True)
class ShiftFigures:
    day: date
    start: datetime
    end: datetime
    parcels_received: int
    units_inspected: int
    inspectors: tuple[InspectorFigures, ...]
    dock_to_decision_median_h: float | None
    dock_to_decision_p90_h: float | None
    parcels_past_sla: int
    units_past_sla: int
    exceptions_by_kind: tuple[tuple[str, int], ...]
    exception_rate: float
    """Exceptions opened per unit inspected."""
    top_reasons: tuple[tuple[str, str, int], ...]
    """(SKU, return reason, units)."""
    top_conditions: tuple[tuple[str, str, int], ...]
    """(SKU, grade or failed check, units)."""
    sla_hours: int


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The calendar day in the warehouse's zone (the station clock's), as an interval of
    aware datetimes: 23 or 25 hours long on the days the clocks change."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def figures(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    day: date,
    now: datetime,
    sla_hours: int,
) -> ShiftFigures:
    """Leads and admins (and the command line). ``day`` is in ``now``'s zone (the station
    clock's)."""
    assert now.tzinfo is not None
    start, end = day_bounds(day, now.tzinfo)
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.REVIEW_EXCEPTION)
        parcels = uow.reports.parcels_received(start, end)
        units = list(uow.reports.units(start, end))
        opened = list(uow.reports.exceptions_opened(start, end))
        sla_edge = now - timedelta(hours=sla_hours)  # what is late now, whatever the day
        parcels_late = uow.reports.open_parcels(sla_edge)
    decided = [u for u in units if u.status in DECIDED and u.completed_at is not None]
    by_inspector: dict[str, list[UnitRecord]] = defaultdict(list)
    for u in decided:
        by_inspector[u.inspector or "?"].append(u)
    inspectors = []
    for name, done in sorted(by_inspector.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ends = [u.completed_at for u in done if u.completed_at is not None]
        starts = [u.started_at or u.completed_at for u in done if u.completed_at is not None]
        first, last = min(s for s in starts if s is not None), max(ends)
        hours = max((last - first).total_seconds() / 3600, 0.25)  # a short burst counts 15 min
        inspectors.append(InspectorFigures(name, len(done), round(len(done) / hours, 1)))
    waits = [
        (u.completed_at - u.received_at).total_seconds() / 3600
        for u in decided
        if u.completed_at is not None
    ]
    open_units = [u for u in units if u.status not in ("completed",)]
    units_late = sum(1 for u in open_units if u.received_at < sla_edge)
    kinds = Counter(kind for kind, _at in opened)
    reasons = Counter((u.sku, u.reason) for u in decided if u.sku and u.reason)
    conditions: Counter[tuple[str, str]] = Counter()
    for u in decided:
        if not u.sku:
            continue
        for what in u.flags or ((f"grade {u.grade}",) if u.grade else ()):
            conditions[(u.sku, what)] += 1
    return ShiftFigures(
        day=day,
        start=start,
        end=end,
        parcels_received=parcels,
        units_inspected=len(decided),
        inspectors=tuple(inspectors),
        dock_to_decision_median_h=round(statistics.median(waits), 2) if waits else None,
        dock_to_decision_p90_h=round(_percentile(waits, 0.9), 2) if waits else None,
        parcels_past_sla=parcels_late,
        units_past_sla=units_late,
        exceptions_by_kind=tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        exception_rate=round(sum(kinds.values()) / len(decided), 3) if decided else 0.0,
        top_reasons=tuple((s, r, n) for (s, r), n in reasons.most_common(TOP)),
        top_conditions=tuple((s, c, n) for (s, c), n in conditions.most_common(TOP)),
        sla_hours=sla_hours,
    )


COLUMNS = (
    "unit",
    "license_plate",
    "rma",
    "sku",
    "return_reason",
    "status",
    "grade",
    "failed_checks",
    "disposition",
    "refund",
    "exceptions",
    "inspector",
    "station",
    "received_at",
    "decided_at",
)


def export_units(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    start: datetime,
    end: datetime,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the period's units to ``path`` (CSV, UTF-8); the number written. Cancelled:
    ``ExportCancelled`` and no file left behind (a half file is never mistaken for one)."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.REVIEW_EXCEPTION)
        units = list(uow.reports.units(start, end))
    total = len(units)

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            for n, u in enumerate(units, 1):
                if cancelled():
                    raise ExportCancelled(done=n - 1, total=total)
                writer.writerow(
                    [
                        u.reference,
                        u.lpn,
                        u.rma,
                        u.sku,
                        u.reason,
                        u.status,
                        u.grade,
                        " ".join(u.flags),
                        u.disposition,
                        u.refund_amount,
                        " ".join(u.exceptions),
                        u.inspector,
                        u.station,
                        u.received_at.isoformat(),
                        u.completed_at.isoformat() if u.completed_at else "",
                    ]
                )
                if progress is not None and (n % 50 == 0 or n == total):
                    progress(n, total)

    write_atomic(path, write)
    return total
