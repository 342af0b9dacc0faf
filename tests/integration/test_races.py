"""Stations racing each other on one parcel, one unit, one case (ACCEPTANCE 30-32).

Each contender is its own station (its own ``StationServices``, each call its own
connection and transaction); they are released together by a barrier, round after round.
PostgreSQL runs READ COMMITTED, where a check followed by a write passes twice unless a
lock or a constraint says otherwise; SQLite serialises writers (BEGIN IMMEDIATE), so there
the same rounds prove nothing deadlocks or is refused that should not be.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from receiving_station.domain.model import RmaStatus
from receiving_station.errors import InvalidEntry, UnitsInProgress
from receiving_station.services.inspection_views import InspectionView
from receiving_station.services.leads import AlreadyDecided
from receiving_station.services.station import StationServices
from tests.integration.test_inspecting_units import line, walk
from tests.world import LEAD_PIN, World

ROUNDS = 20
GTIN = "4006381333931"


def together(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls on their own threads, released at once; their results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a contender never finished"
    return results


def stations(world: World) -> tuple[StationServices, StationServices]:
    """Two stations of their own, as two PCs at the dock would be."""
    return world.services("DOCK-1"), world.services("DOCK-2")


def messages(world: World, event: str, about: str) -> int:
    with world.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT COUNT(*) FROM outbox WHERE event = :e AND idempotency_key LIKE :k"),
                {"e": event, "k": f"%{about}%"},
            ).scalar_one()
        )


def refunds_for(world: World, rma: str) -> int:
    with world.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT COUNT(*) FROM outbox WHERE event = 'refund_recommended'"
                    " AND subject LIKE :s"
                ),
                {"s": f"%{rma}"},
            ).scalar_one()
        )


def complete(world: World, view: InspectionView, **answers: Any) -> InspectionView:
    view = walk(world, view, answers)
    i = view.inspection
    assert i.id is not None
    return world.dock1.complete_inspection(world.actor("bruno"), i.id, i.version)


def assert_every_round(round_: Callable[[int], str]) -> None:
    """``ROUNDS`` rounds; each says what went wrong, or nothing."""
    failures = [f for f in map(round_, range(ROUNDS)) if f]
    assert not failures, f"{len(failures)} of {ROUNDS} rounds failed: " + "; ".join(failures[:4])


# -- units ----------------------------------------------------------------------------------


def test_two_inspectors_scanning_the_one_unit_of_a_line_at_once_make_one_unit_and_one_refund(
    world: World,
):
    one, two = stations(world)
    bruno1, bruno2 = world.actor("bruno", "DOCK-1"), world.actor("bruno", "DOCK-2")

    def round_(n: int) -> str:
        number = f"RMA-71{n:04d}"
        world.add_rma(number, lines=(line("AP-71", 1, gtin=GTIN, value=Decimal("59.00")),))
        receipt = world.receive(number)
        views = together(
            lambda: one.scan_unit(bruno1, receipt, GTIN),
            lambda: two.scan_unit(bruno2, receipt, GTIN),
        )
        if not all(isinstance(v, InspectionView) for v in views):
            return f"{number}: {views}"
        conditions = sorted(v.inspection.condition for v in views)
        for v in views:
            complete(world, v, same_product="yes")
        (counts,) = world.dock1.parcel(bruno1, receipt).lines
        refunds = refunds_for(world, number)
        if conditions != ["extra_item", "standard"] or counts.accepted != 1 or refunds != 1:
            return f"{number}: {conditions}, accepted {counts.accepted}, refunds {refunds}"
        return ""

    assert_every_round(round_)


def test_two_inspectors_finishing_the_last_two_units_at_once_close_the_rma_once(world: World):
    one, two = stations(world)
    bruno1, bruno2 = world.actor("bruno", "DOCK-1"), world.actor("bruno", "DOCK-2")

    def round_(n: int) -> str:
        number = f"RMA-72{n:04d}"
        world.add_rma(number, lines=(line("AP-72", 2, gtin=GTIN),))
        receipt = world.receive(number)
        a = walk(world, world.dock1.scan_unit(bruno1, receipt, GTIN)).inspection
        b = walk(world, world.dock1.scan_unit(bruno1, receipt, GTIN)).inspection
        assert a.id is not None
        assert b.id is not None
        results = together(
            lambda: one.complete_inspection(bruno1, a.id, a.version),  # type: ignore[arg-type]
            lambda: two.complete_inspection(bruno2, b.id, b.version),  # type: ignore[arg-type]
        )
        with world.uow_factory(readonly=True) as uow:
            status = uow.rmas.by_number(number).status  # type: ignore[union-attr]
        completed = messages(world, "return_completed", number)
        if status is not RmaStatus.CLOSED or completed != 1:
            return f"{number}: {status.value}, return_completed × {completed}, {results}"
        return ""

    assert_every_round(round_)


def test_two_inspectors_closing_the_same_short_box_at_once_record_one_missing_unit(
    world: World,
):
    one, two = stations(world)
    bruno1, bruno2 = world.actor("bruno", "DOCK-1"), world.actor("bruno", "DOCK-2")

    def round_(n: int) -> str:
        number = f"RMA-73{n:04d}"
        world.add_rma(number, lines=(line("AP-73", 2, gtin=GTIN),))
        receipt = world.receive(number)
        complete(world, world.dock1.scan_unit(bruno1, receipt, GTIN))
        results = together(
            lambda: one.close_parcel(bruno1, receipt),
            lambda: two.close_parcel(bruno2, receipt),
        )
        with world.uow_factory(readonly=True) as uow:
            units = uow.inspections.for_receipt(receipt)
        missing = sum(1 for u in units if u.condition == "missing_item")
        # The other inspector is told the missing unit is being inspected; nothing else.
        errors = [r for r in results if isinstance(r, Exception)]
        if missing != 1 or any(not isinstance(e, UnitsInProgress) for e in errors):
            return f"{number}: {missing} missing-item units, {errors}"
        return ""

    assert_every_round(round_)


def test_two_inspectors_starting_the_first_units_of_a_new_workflow_version_both_start(
    world: World,
):
    """Each stores the workflow version it follows; the first time, both try at once."""
    one, two = stations(world)
    bruno1, bruno2 = world.actor("bruno", "DOCK-1"), world.actor("bruno", "DOCK-2")

    def round_(n: int) -> str:
        first, second = f"RMA-74{n:03d}1", f"RMA-74{n:03d}2"
        world.add_rma(first, lines=(line("AP-74", 1, gtin=GTIN),))
        world.add_rma(second, lines=(line("AP-74", 1, gtin=GTIN),))
        receipts = world.receive(first), world.receive(second)
        with world.engine.begin() as conn:  # as on a database that never saw this version
            conn.execute(text("DELETE FROM workflow_definitions"))
        results = together(
            lambda: one.scan_unit(bruno1, receipts[0], GTIN),
            lambda: two.scan_unit(bruno2, receipts[1], GTIN),
        )
        refused = [r for r in results if not isinstance(r, InspectionView)]
        if refused:
            return f"{first}: {type(refused[0]).__name__}: {refused[0]}"[:160]
        return ""

    assert_every_round(round_)


# -- leads ----------------------------------------------------------------------------------


def suspected_swap(world: World, number: str) -> tuple[int, int, int]:
    """A wrong item, maybe a swap: one unit, two exceptions. (unit, case, case)."""
    world.add_rma(number, lines=(line("AP-75", 1, gtin=GTIN),))
    receipt = world.receive(number)
    view = world.dock1.scan_unit(world.actor("bruno"), receipt, "036000291452")
    done = complete(world, view, what_is_it="Blue mug", ours="not_ours", swap="yes")
    unit = done.inspection
    with world.uow_factory(readonly=True) as uow:
        cases = [c for c in uow.exceptions.open_cases() if c.inspection_id == unit.id]
    assert sorted(c.kind.value for c in cases) == ["suspected_fraud", "wrong_item"], cases
    ids = [c.id for c in cases]
    assert unit.id is not None
    assert ids[0] is not None
    assert ids[1] is not None
    return unit.id, ids[0], ids[1]


def version_of(world: World, case_id: int) -> int:
    with world.uow_factory(readonly=True) as uow:
        return uow.exceptions.get(case_id).version  # type: ignore[union-attr]


def label_jobs(world: World, unit_id: int, *, relabels: bool = False) -> int:
    """The unit's original label jobs, or (``relabels``) the ones that replace a first."""
    with world.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT COUNT(*) FROM print_jobs WHERE inspection_id = :i"
                    f" AND reprint_of IS {'NOT ' if relabels else ''}NULL"
                ),
                {"i": unit_id},
            ).scalar_one()
        )


def test_two_leads_deciding_two_exceptions_of_one_unit_at_once_decide_it_once(world: World):
    one, two = stations(world)
    chloe, dan = world.actor("chloe", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        unit_id, fraud, wrong = suspected_swap(world, f"RMA-75{n:04d}")
        labels_before = label_jobs(world, unit_id)
        relabels_before = label_jobs(world, unit_id, relabels=True)
        seen = version_of(world, fraud), version_of(world, wrong)
        results = together(
            lambda: one.decide_exception(chloe, fraud, seen[0], "approve", **LEAD_PIN["chloe"]),
            lambda: two.decide_exception(
                dan,
                wrong,
                seen[1],
                "override",
                disposition="destroy",
                note="swapped, bin it",
                **LEAD_PIN["dan"],
            ),
        )
        refused = [r for r in results if isinstance(r, Exception)]
        told = len(refused) == 1 and isinstance(refused[0], AlreadyDecided)
        originals = label_jobs(world, unit_id) - labels_before
        extra_labels = label_jobs(world, unit_id, relabels=True) - relabels_before
        if not told or originals != 0 or extra_labels != 1:
            return f"round {n}: {results}, {originals}+{extra_labels} new label jobs"[:200]
        return ""

    assert_every_round(round_)


def test_two_leads_deciding_one_case_at_once_the_loser_is_told_who_decided_what(world: World):
    one, two = stations(world)
    chloe, dan = world.actor("chloe", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        number = f"RMA-76{n:04d}"
        world.add_rma(number, lines=(line("AP-76", 1, gtin=GTIN, value=Decimal("899.00")),))
        receipt = world.receive(number)
        unit = complete(world, world.dock1.scan_unit(world.actor("bruno"), receipt, GTIN))
        with world.uow_factory(readonly=True) as uow:
            (case,) = [
                c for c in uow.exceptions.open_cases() if c.inspection_id == unit.inspection.id
            ]
        assert case.id is not None
        ref, seen = case.id, case.version
        results = together(
            lambda: one.decide_exception(chloe, ref, seen, "approve", **LEAD_PIN["chloe"]),
            lambda: two.decide_exception(
                dan,
                ref,
                seen,
                "override",
                disposition="refurbish",
                note="scratches",
                **LEAD_PIN["dan"],
            ),
        )
        refused = [r for r in results if isinstance(r, Exception)]
        winner = "Chloé Dubois" if isinstance(results[1], Exception) else "Dan Okafor"
        clear = len(refused) == 1 and isinstance(refused[0], AlreadyDecided)
        refunds = refunds_for(world, number)
        if not clear or winner not in str(refused[0]) or refunds != 1:
            return f"{number}: {results}, refunds {refunds}"[:200]
        return ""

    assert_every_round(round_)


def test_two_leads_resolving_one_case_at_once_the_loser_is_told_who_resolved_it(world: World):
    one, two = stations(world)
    chloe, dan = world.actor("chloe", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        case = world.dock1.register_unidentified(world.actor("alice"), f"NO-LABEL-77{n:03d}")
        assert case.id is not None
        ref = case.id
        seen = world.dock1.start_review(chloe, ref, case.version).version
        results = together(
            lambda: one.resolve_exception(chloe, ref, "returned to carrier", seen),
            lambda: two.resolve_exception(dan, ref, "sent to lost and found", seen),
        )
        refused = [r for r in results if isinstance(r, Exception)]
        if len(refused) != 1 or not isinstance(refused[0], AlreadyDecided):
            return f"{case.reference}: {results}"[:200]
        return ""

    assert_every_round(round_)


def test_two_leads_linking_two_parcels_to_one_rma_at_once_link_one(world: World):
    one, two = stations(world)
    chloe, dan = world.actor("chloe", "DOCK-1"), world.actor("dan", "DOCK-2")

    def round_(n: int) -> str:
        number = f"RMA-78{n:04d}"
        world.add_rma(number)
        a = world.dock1.register_unidentified(world.actor("alice"), f"NO-LABEL-78{n:03d}A")
        b = world.dock1.register_unidentified(world.actor("alice"), f"NO-LABEL-78{n:03d}B")
        assert a.id is not None
        assert b.id is not None
        results = together(
            lambda: one.decide_exception(chloe, a.id, a.version, "link", rma=number),  # type: ignore[arg-type]
            lambda: two.decide_exception(dan, b.id, b.version, "link", rma=number),  # type: ignore[arg-type]
        )
        refused = [r for r in results if isinstance(r, Exception)]
        told = len(refused) == 1 and isinstance(refused[0], InvalidEntry)
        if not told or "already has a parcel received" not in str(refused[0]):
            return f"{number}: {results}"[:200]
        return ""

    assert_every_round(round_)
