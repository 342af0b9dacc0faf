"""What the Inspect page shows: the parcel's lines and units, and one unit's inspection.

Plain values built inside the transaction; nothing lazy reaches the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_station.domain.model import Inspection, InspectionStatus, Rma
from receiving_station.errors import DefinitionError
from workflows.definition import Step, Workflow
from workflows.disposition import Proposal
from workflows.engine import Engine, Progress, Result


@dataclass(frozen=True)
class LineCount:
    """One RMA line against what was found: received = accepted + rejected + in progress."""

    rma_id: int
    rma_number: str
    line_no: int
    sku: str
    description: str
    category: str
    expected: int
    received: int
    accepted: int
    rejected: int
    in_progress: int
    serialized: bool

    @property
    def missing(self) -> int:
        return max(0, self.expected - self.received)


@dataclass(frozen=True)
class UnitRow:
    inspection_id: int
    reference: str
    rma_number: str
    line_no: int | None
    sku: str
    description: str
    condition: str
    status: InspectionStatus
    grade: str
    disposition: str
    zone: str
    serial: str
    lead_approval: bool


@dataclass(frozen=True)
class ParcelView:
    receipt_id: int
    rma_numbers: tuple[str, ...]
    lines: tuple[LineCount, ...]
    units: tuple[UnitRow, ...]
    packaging_damaged: bool
    label: str = ""
    """What was scanned at receipt: the only name an unidentified parcel has."""
    workflow_errors: tuple[DefinitionError, ...] = ()
    """Workflow files with an error (their previous version is in use), to tell the lead."""

    @property
    def open_inspections(self) -> tuple[UnitRow, ...]:
        return tuple(u for u in self.units if u.status is InspectionStatus.IN_PROGRESS)

    @property
    def units_missing(self) -> int:
        return sum(line.missing for line in self.lines)


def on_line(unit: Inspection, rma_id: int | None, line_no: int) -> bool:
    """Whether a unit counts as received on that line (a missing-item record does not)."""
    return unit.rma_id == rma_id and unit.line_no == line_no and unit.condition != "missing_item"


def count_lines(rmas: list[Rma], units: list[Inspection]) -> tuple[LineCount, ...]:
    counted = []
    for rma in rmas:
        for line in rma.lines:
            mine = [
                u
                for u in units
                if u.rma_id == rma.id
                and u.line_no == line.line_no
                and u.condition != "missing_item"
            ]
            accepted = sum(1 for u in mine if u.accepted is True)
            rejected = sum(1 for u in mine if u.accepted is False)
            assert rma.id is not None
            counted.append(
                LineCount(
                    rma_id=rma.id,
                    rma_number=rma.number,
                    line_no=line.line_no,
                    sku=line.sku,
                    description=line.description,
                    category=line.category,
                    expected=line.quantity,
                    received=len(mine),
                    accepted=accepted,
                    rejected=rejected,
                    in_progress=len(mine) - accepted - rejected,
                    serialized=line.serialized,
                )
            )
    return tuple(counted)


def unit_rows(rmas: list[Rma], units: list[Inspection]) -> tuple[UnitRow, ...]:
    by_id = {r.id: r for r in rmas}
    rows = []
    for u in units:
        assert u.id is not None
        rma = by_id.get(u.rma_id)
        line = next((ln for ln in rma.lines if ln.line_no == u.line_no), None) if rma else None
        rows.append(
            UnitRow(
                inspection_id=u.id,
                reference=u.reference,
                rma_number=rma.number if rma else "",
                line_no=u.line_no,
                sku=line.sku if line else "",
                description=line.description if line else u.scanned_text,
                condition=u.condition,
                status=u.status,
                grade=u.grade,
                disposition=u.disposition,
                zone=u.zone,
                serial=u.serial,
                lead_approval=u.lead_approval,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class InspectionView:
    inspection: Inspection
    workflow: Workflow
    progress: Progress
    step: Step | None
    """The step on screen; None at the summary."""
    steps: tuple[Step, ...]
    """The steps this unit goes through, given the answers so far."""
    missing: tuple[tuple[str, str], ...]
    """(step id, reason) for what still blocks completion."""
    result: Result
    proposal: Proposal | None
    """What the rules propose, once nothing blocks completion."""
    sku: str = ""
    description: str = ""
    rma_number: str = ""

    @property
    def position(self) -> tuple[int, int]:
        """(step number, number of steps), 1-based; the summary is one past the end."""
        ids = [s.id for s in self.steps]
        total = len(ids)
        if self.step is None or self.step.id not in ids:
            return total + 1, total
        return ids.index(self.step.id) + 1, total


def inspection_view(
    inspection: Inspection,
    engine: Engine,
    proposal: Proposal | None,
    sku: str = "",
    description: str = "",
    rma_number: str = "",
) -> InspectionView:
    progress = Progress.from_json(inspection.progress)
    return InspectionView(
        inspection=inspection,
        workflow=engine.workflow,
        progress=progress,
        step=engine.current_step(progress),
        steps=tuple(engine.steps(progress.answers)),
        missing=tuple((s.id, why) for s, why in engine.missing(progress)),
        result=engine.result(progress),
        proposal=proposal,
        sku=sku,
        description=description,
        rma_number=rma_number,
    )
