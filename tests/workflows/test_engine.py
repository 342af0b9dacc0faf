"""The step engine on the shipped workflows, without Qt or a database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from receiving_station.errors import BadAnswer, InspectionIncomplete
from workflows.definition import Library, StepKind
from workflows.disposition import Unit, override, propose
from workflows.engine import Engine, Progress
from workflows.store import check_folder

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "workflows"


@pytest.fixture(scope="module")
def library() -> Library:
    lib, errors = check_folder(FOLDER)
    assert errors == []
    return lib


def engine(library: Library, workflow: str, category: str) -> Engine:
    return Engine(library.workflows[workflow], category, library.scale)


def walk(e: Engine, answers: dict[str, object]) -> Progress:
    """Answer each step as it comes; a step not in ``answers`` is skipped."""
    p = e.start()
    for _ in range(50):
        step = e.current_step(p)
        if step is None:
            return p
        p = e.answer(p, answers[step.id]) if step.id in answers else e.skip(p)
    raise AssertionError("the workflow never ended")


def test_every_condition_has_its_workflow(library: Library):
    conditions = {w.condition for w in library.workflows.values()}
    assert conditions == {
        "standard",
        "damaged",
        "wrong_item",
        "missing_item",
        "extra_item",
        "serial_mismatch",
        "unidentified_parcel",
    }


@pytest.mark.parametrize(
    ("category", "first_steps"),
    [
        ("apparel", ["tags_attached", "worn", "washed", "odour", "stains", "grade"]),
        ("electronics", ["powers_on", "serial", "accessories", "screen", "data_wiped", "grade"]),
        ("home", ["parts_complete", "assembled", "packaging", "grade"]),
        ("toys", ["grade"]),
    ],
)
def test_the_standard_workflow_asks_what_fits_the_category(library, category, first_steps):
    steps = [s.id for s in engine(library, "standard", category).steps({})]
    assert steps[: len(first_steps)] == first_steps
    assert steps[-3:] == ["photos", "weight", "note"]


APPAREL_AS_NEW = {
    "tags_attached": "yes",
    "worn": "no",
    "washed": "no",
    "odour": "no",
    "stains": "no",
    "grade": "A",
    "photos": ("p1",),
}


def test_a_clean_apparel_unit_walks_to_the_summary_and_restocks(library: Library):
    e = engine(library, "standard", "apparel")
    p = walk(e, APPAREL_AS_NEW)
    assert p.current is None
    e.check_complete(p)
    result = e.result(p)
    assert (result.flags, result.exceptions, result.grade) == ((), (), "A")
    proposal = propose(
        library.rules, Unit("A", "apparel", "SIZE_TOO_SMALL", Decimal("59.00"), result)
    )
    assert (proposal.disposition, proposal.zone, proposal.refund) == (
        "restock",
        "A-RESTOCK",
        "full",
    )
    assert proposal.refund_amount == Decimal("59.00")
    assert proposal.rule == "as-new"
    assert not proposal.lead_approval


def test_a_worn_garment_is_flagged_donated_partly_refunded_and_waits_for_a_lead(library):
    e = engine(library, "standard", "apparel")
    p = walk(e, {**APPAREL_AS_NEW, "worn": "yes", "grade": "C"})
    result = e.result(p)
    assert result.flags == ("worn",)
    proposal = propose(library.rules, Unit("C", "apparel", "STYLE", Decimal("80.00"), result))
    assert (proposal.disposition, proposal.rule, proposal.refund) == (
        "donate",
        "hygiene",
        "partial",
    )
    assert proposal.refund_amount == Decimal("72.00")  # 10 % restocking fee for grade C
    assert proposal.lead_approval  # a failed check waits for a lead (ACCEPTANCE 19)
    assert "failed_checks" in proposal.why_lead


def test_the_damaged_workflow_cannot_complete_without_its_photos(library: Library):
    e = engine(library, "damaged", "electronics")
    p = e.start()
    assert e.current_step(p).id == "damage_photos"  # type: ignore[union-attr]
    p = e.answer(p, ("front",))  # one photo of the two required: the step stays
    assert p.current == "damage_photos"
    with pytest.raises(BadAnswer):
        e.next(p)
    with pytest.raises(BadAnswer):
        e.skip(p)
    p = e.go_to(p, "damage_photos")
    with pytest.raises(InspectionIncomplete) as caught:
        e.check_complete(p)
    assert caught.value.params["step"] == "damage_photos"
    p = e.answer(p, ("front", "close-up"))
    assert p.current == "cause"


def test_conditions_show_a_step_only_after_the_answer_they_name(library: Library):
    e = engine(library, "damaged", "electronics")
    p = e.answer(e.start(), ("a", "b"))
    p = e.answer(p, "water")
    assert p.current == "water_inside"
    p = e.back(p)
    p = e.answer(p, "transport")  # changing the cause drops the water question
    assert p.current == "powers_on"
    assert "water_inside" not in [s.id for s in e.steps(p.answers)]


def test_damage_opens_its_exception_and_a_swollen_battery_is_recycled(library: Library):
    e = engine(library, "damaged", "electronics")
    p = walk(
        e, {"damage_photos": ("a", "b"), "cause": "water", "water_inside": "yes", "grade": "X"}
    )
    e.check_complete(p)
    result = e.result(p)
    assert result.exceptions == ("damaged",)
    assert set(result.flags) == {"liquid_damage", "battery_swollen"}
    proposal = propose(library.rules, Unit("X", "electronics", "DEFECTIVE", Decimal("249"), result))
    assert (proposal.disposition, proposal.rule) == ("recycle", "hazard")


def test_a_required_checklist_left_unanswered_blocks_completion_and_names_the_step(library):
    e = engine(library, "missing_item", "")
    p = e.answer(e.start(), ("box",))
    assert p.current == "searched"
    p = e.go_to(p, "weight")
    p = e.answer(p, 1.2)
    with pytest.raises(InspectionIncomplete) as caught:
        e.check_complete(p)
    assert caught.value.params["step"] == "searched"


def test_an_unticked_accessory_is_a_missing_accessory(library: Library):
    e = engine(library, "standard", "electronics")
    p = e.go_to(e.start(), "accessories")
    p = e.answer(p, ["cable", "manual"])
    assert e.result(p).flags == ("accessories_missing",)


def test_a_wrong_item_that_looks_like_a_swap_is_suspected_fraud(library: Library):
    e = engine(library, "wrong_item", "")
    p = walk(
        e,
        {
            "photos": ("a", "b"),
            "what_is_it": "Old phone",
            "ours": "ours",
            "swap": "yes",
            "grade": "D",
        },
    )
    e.check_complete(p)
    result = e.result(p)
    assert result.exceptions == ("wrong_item", "suspected_fraud")
    proposal = propose(library.rules, Unit("D", "electronics", "", Decimal("0"), result))
    assert (proposal.disposition, proposal.refund, proposal.rule) == (
        "quarantine",
        "none",
        "suspected-fraud",
    )


@pytest.mark.parametrize(
    ("workflow", "answers", "exceptions"),
    [
        (
            "extra_item",
            {"photos": ("a",), "same_product": "yes", "grade": "B"},
            ("extra_item", "over_receipt"),
        ),
        (
            "serial_mismatch",
            {
                "serial_photo": ("a",),
                "serial": "SN999",
                "same_model": "yes",
                "label": "intact",
                "grade": "B",
            },
            ("serial_mismatch",),
        ),
        (
            "unidentified_parcel",
            {
                "photos": ("a", "b"),
                "document": "yes",
                "document_ref": "#1001",
                "contents": "Shoes",
                "grade": "B",
            },
            ("unidentified_parcel",),
        ),
        (
            "missing_item",
            {
                "box_photos": ("a",),
                "searched": ("packing", "flaps", "bench"),
                "seal": "intact",
                "weight": 0.4,
            },
            ("missing_item",),
        ),
    ],
)
def test_each_exception_workflow_walks_to_its_exception(library, workflow, answers, exceptions):
    e = engine(library, workflow, "")
    p = walk(e, answers)
    e.check_complete(p)
    assert e.result(p).exceptions == exceptions
    proposal = propose(library.rules, Unit(e.result(p).grade, "", "", Decimal("10"), e.result(p)))
    assert proposal.disposition == "quarantine"
    assert proposal.refund == "none"


@pytest.mark.parametrize(
    ("kind", "bad"),
    [
        ("yes_no", "maybe"),
        ("choice", "purple"),
        ("checklist", ["charger", "unicorn"]),
        ("grade", "Z"),
        ("number", "heavy"),
        ("number", 1e9),
        ("scan", "   "),
        ("text", "x" * 5000),
    ],
)
def test_an_answer_of_the_wrong_kind_is_refused_and_nothing_changes(library, kind, bad):
    e = engine(library, "standard", "electronics")
    step = next(s for s in e.steps({"cause": "x"}) if s.kind == StepKind(kind))
    p = e.go_to(e.start(), step.id)
    with pytest.raises(BadAnswer):
        e.answer(p, bad)
    assert step.id not in p.answers


def test_back_returns_to_the_previous_step_with_its_answer_kept(library: Library):
    e = engine(library, "standard", "apparel")
    p = e.answer(e.start(), "yes")
    p = e.answer(p, "no")
    assert p.current == "washed"
    p = e.back(p)
    assert p.current == "worn"
    assert p.answers["worn"] == "no"
    p = e.next(p)
    assert p.current == "washed"


def test_progress_survives_a_round_trip_through_json(library: Library):
    e = engine(library, "standard", "electronics")
    p = e.answer(e.start(), "yes")
    p = e.answer(p, "SN-1")
    p = e.answer(p, ["charger"])
    again = Progress.from_json(p.to_json())
    assert again == p
    assert e.current_step(again).id == "screen"  # type: ignore[union-attr]


def test_an_override_needs_a_reason_and_above_the_limit_waits_for_a_lead(library: Library):
    e = engine(library, "standard", "apparel")
    result = e.result(walk(e, APPAREL_AS_NEW))
    cheap = propose(library.rules, Unit("A", "apparel", "", Decimal("40"), result))
    with pytest.raises(BadAnswer):
        override(library.rules, cheap, "donate", "  ", Decimal("40"))
    mine = override(library.rules, cheap, "donate", "charity drive this week", Decimal("40"))
    assert (mine.disposition, mine.zone, mine.lead_approval) == ("donate", "E-DONATE", False)
    dear = propose(library.rules, Unit("A", "apparel", "", Decimal("400"), result))
    theirs = override(library.rules, dear, "liquidate", "season is over", Decimal("400"))
    assert theirs.lead_approval
    assert "override" in theirs.why_lead


def test_a_unit_worth_more_than_the_policy_limit_always_waits_for_a_lead(library: Library):
    e = engine(library, "standard", "apparel")
    result = e.result(walk(e, APPAREL_AS_NEW))
    proposal = propose(library.rules, Unit("A", "apparel", "", Decimal("900"), result))
    assert proposal.disposition == "restock"
    assert proposal.why_lead == ("value_above_limit",)
