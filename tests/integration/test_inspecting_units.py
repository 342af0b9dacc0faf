"""ACCEPTANCE 8-20, 22 and 26 at the use-case level, on SQLite and on PostgreSQL: units
verified against the RMA, each walked through the workflow that fits it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import cv2
import numpy as np
import pytest

from receiving_station.domain.model import InspectionStatus, RmaLine, RmaStatus
from receiving_station.errors import (
    BadAnswer,
    BadPhoto,
    InspectionIncomplete,
    NotAProduct,
    NotReceivedYet,
    PermissionDenied,
    StaleRecord,
    UnitsInProgress,
)
from receiving_station.services.inspection_views import InspectionView, ParcelView
from receiving_station.services.station import StationServices
from tests.world import World
from workflows.definition import StepKind


def _jpeg() -> bytes:
    """A real photo: a 800 × 600 JPEG the station decodes."""
    image = np.full((600, 800, 3), 180, np.uint8)
    cv2.rectangle(image, (100, 100), (500, 400), (30, 60, 200), -1)
    return bytes(cv2.imencode(".jpg", image)[1].tobytes())


JPEG = _jpeg()
GOOD_YES = {"tags_attached", "powers_on", "data_wiped", "parts_complete", "same_model"}


def default(step: Any) -> Any:
    """An answer a careful inspector gives a unit in good order."""
    return {
        StepKind.YES_NO: "yes" if step.id in GOOD_YES else "no",
        StepKind.CHOICE: step.options[0].id if step.options else "",
        StepKind.CHECKLIST: [o.id for o in step.options],
        StepKind.GRADE: "A",
        StepKind.SCAN: "SCAN-1",
        StepKind.NUMBER: 1.0,
        StepKind.TEXT: "ok",
    }.get(step.kind)


def walk(
    world: World, view: InspectionView, answers: dict[str, Any] | None = None, user: str = "bruno"
) -> InspectionView:
    """Answer every step as it comes (photos included) up to the summary."""
    answers = answers or {}
    services, actor = world.dock1, world.actor(user)
    for _ in range(60):
        step = view.step
        if step is None:
            return view
        i = view.inspection
        assert i.id is not None
        if step.kind is StepKind.PHOTO:
            view = services.add_photo(actor, i.id, i.version, JPEG)
            continue
        value = answers.get(step.id, default(step))
        view = services.inspection_step(actor, i.id, i.version, "answer", value)
    raise AssertionError("never reached the summary")


def finish(world: World, view: InspectionView, **answers: Any) -> InspectionView:
    view = walk(world, view, answers)
    i = view.inspection
    assert i.id is not None
    return world.dock1.complete_inspection(world.actor("bruno"), i.id, i.version)


def scan_unit(world: World, receipt: int, text: str, **kw: Any) -> InspectionView:
    return world.dock1.scan_unit(world.actor("bruno"), receipt, text, **kw)


def exceptions_of(world: World) -> list[str]:
    with world.uow_factory(readonly=True) as uow:
        return sorted(c.kind.value for c in uow.exceptions.open_cases())


def parcel(world: World, receipt: int) -> ParcelView:
    return world.dock1.parcel(world.actor("bruno"), receipt)


def line(sku: str, qty: int, gtin: str = "", serials: tuple[str, ...] = (), **kw: Any) -> RmaLine:
    return RmaLine(
        1,
        sku,
        f"{sku} item",
        qty,
        gtin=gtin,
        category=kw.get("category", "apparel"),
        unit_value=kw.get("value", Decimal("50.00")),
        reason_code=kw.get("reason", "SIZE_TOO_SMALL"),
        expected_serials=serials,
    )


def test_two_matching_units_each_get_their_own_inspection(world: World):
    world.add_rma("RMA-200001", lines=(line("AP-1", 2, gtin="4006381333931"),))
    receipt = world.receive("RMA-200001")
    first = scan_unit(world, receipt, "4006381333931")
    second = scan_unit(world, receipt, "AP-1")  # the SKU typed from the swing tag
    assert first.inspection.id != second.inspection.id
    assert (first.inspection.line_no, second.inspection.line_no) == (1, 1)
    assert first.workflow.id == second.workflow.id == "standard"
    assert first.step is not None
    assert first.step.id == "tags_attached"  # apparel questions
    (counts,) = parcel(world, receipt).lines
    assert (counts.expected, counts.received, counts.in_progress) == (2, 2, 2)


def test_a_unit_in_good_order_is_restocked_and_the_rma_closes(world: World):
    world.add_rma("RMA-200002", lines=(line("AP-2", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200002")
    done = finish(world, scan_unit(world, receipt, "4006381333931"))
    i = done.inspection
    assert i.status is InspectionStatus.COMPLETED
    assert (i.disposition, i.zone, i.refund, i.rule_id) == (
        "restock",
        "A-RESTOCK",
        "full",
        "as-new",
    )
    assert i.refund_amount == Decimal("50.00")
    assert exceptions_of(world) == []
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-200002").status is RmaStatus.CLOSED  # type: ignore[union-attr]
    (counts,) = parcel(world, receipt).lines
    assert counts.received == counts.accepted + counts.rejected == 1


def test_nine_of_ten_found_opens_a_missing_item_exception_and_refunds_only_nine(world: World):
    world.add_rma(
        "RMA-200003", lines=(line("AP-3", 10, gtin="4006381333931", value=Decimal("10")),)
    )
    receipt = world.receive("RMA-200003")
    for _ in range(9):
        finish(world, scan_unit(world, receipt, "4006381333931"))
    missing = world.dock1.close_parcel(world.actor("bruno"), receipt)
    assert isinstance(missing, InspectionView)
    assert missing.workflow.id == "missing_item"
    assert "1 × AP-3" in missing.inspection.scanned_text
    done = finish(world, missing)
    assert done.inspection.disposition == "quarantine"
    assert exceptions_of(world) == ["missing_item"]
    view = parcel(world, receipt)
    (counts,) = view.lines
    assert (counts.received, counts.accepted, counts.rejected, counts.missing) == (9, 9, 0, 1)
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-200003").status is RmaStatus.RECEIVED  # not complete
        refunds = sum(i.refund_amount for i in uow.inspections.for_receipt(receipt))
    assert refunds == Decimal("90.00")


def test_an_empty_box_closes_with_a_missing_item_exception_and_nothing_restocked(world: World):
    world.add_rma("RMA-200004", lines=(line("AP-4", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200004")
    missing = world.dock1.close_parcel(world.actor("bruno"), receipt)
    assert isinstance(missing, InspectionView)
    assert missing.inspection.scanned_text.startswith("missing: 1 × AP-4")
    done = finish(world, missing)
    assert done.inspection.refund == "none"
    assert done.inspection.disposition != "restock"
    assert exceptions_of(world) == ["missing_item"]


def test_one_unit_more_than_returned_is_an_over_receipt_never_restocked(world: World):
    world.add_rma("RMA-200005", lines=(line("AP-5", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200005")
    finish(world, scan_unit(world, receipt, "4006381333931"))
    extra = scan_unit(world, receipt, "4006381333931")
    assert extra.workflow.id == "extra_item"
    done = finish(world, extra, same_product="yes")
    assert done.inspection.status is InspectionStatus.AWAITING_LEAD
    assert done.inspection.disposition == "quarantine"
    assert exceptions_of(world) == ["extra_item", "over_receipt"]


def test_an_item_not_on_the_rma_starts_the_wrong_item_workflow_and_waits_for_a_lead(world):
    world.add_rma("RMA-200006", lines=(line("AP-6", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200006")
    wrong = scan_unit(world, receipt, "036000291452")
    assert wrong.workflow.id == "wrong_item"
    assert wrong.inspection.line_no is None
    done = finish(world, wrong, what_is_it="Blue mug", ours="not_ours", swap="no")
    assert done.inspection.status is InspectionStatus.AWAITING_LEAD
    assert (done.inspection.disposition, done.inspection.refund) == ("quarantine", "none")
    assert exceptions_of(world) == ["wrong_item"]


def test_a_serial_not_shipped_to_this_customer_opens_a_serial_mismatch(world: World):
    world.add_rma(
        "RMA-200007",
        lines=(
            line("EL-7", 1, gtin="09521234543213", serials=("SN-OK-1",), category="electronics"),
        ),
    )
    receipt = world.receive("RMA-200007")
    gs1 = "]d2010952123454321310LOT9\x1d21SN-OTHER"
    view = scan_unit(world, receipt, gs1)
    assert view.workflow.id == "serial_mismatch"
    assert (view.inspection.serial, view.inspection.batch) == ("SN-OTHER", "LOT9")
    finish(world, view)
    assert exceptions_of(world) == ["serial_mismatch"]


def test_a_serial_scanned_in_the_workflow_that_was_not_sold_is_a_mismatch_too(world: World):
    world.add_rma(
        "RMA-200008",
        lines=(
            line("EL-8", 1, gtin="09521234543213", serials=("SN-OK-1",), category="electronics"),
        ),
    )
    receipt = world.receive("RMA-200008")
    view = scan_unit(world, receipt, "09521234543213")
    assert view.workflow.id == "standard"
    done = finish(world, view, serial="SN-SOMEONE-ELSE")
    assert done.inspection.serial == "SN-SOMEONE-ELSE"
    assert "serial_mismatch" in done.inspection.exception_kinds
    assert exceptions_of(world) == ["serial_mismatch"]


def test_a_gs1_code_matches_its_line_and_records_batch_expiry_and_serial(world: World):
    world.add_rma(
        "RMA-200009",
        lines=(line("EL-9", 1, gtin="09521234543213", serials=("SN-42",), category="electronics"),),
    )
    receipt = world.receive("RMA-200009")
    view = scan_unit(world, receipt, "(01)09521234543213(10)B7(17)271231(21)SN-42")
    i = view.inspection
    assert (view.workflow.id, i.line_no) == ("standard", 1)
    assert (i.gtin, i.batch, i.expiry, i.serial) == ("09521234543213", "B7", "2027-12-31", "SN-42")


def test_a_quantity_other_than_one_is_refused(world: World):
    world.add_rma(
        "RMA-200010", lines=(line("EL-10", 2, serials=("A", "B"), category="electronics"),)
    )
    receipt = world.receive("RMA-200010")
    with pytest.raises(BadAnswer):
        scan_unit(world, receipt, "EL-10", quantity=2)
    assert world.count("inspections") == 0


def test_one_parcel_with_two_rmas_links_each_unit_to_its_own_line(world: World):
    world.add_rma("RMA-200011", lines=(line("AP-11", 1, gtin="4006381333931"),))
    world.add_rma("RMA-200012", order_ref="7000012", lines=(line("HM-12", 1, gtin="036000291452"),))
    receipt = world.receive("RMA-200011", "RMA-200012")
    a = scan_unit(world, receipt, "036000291452")
    b = scan_unit(world, receipt, "4006381333931")
    assert (a.rma_number, b.rma_number) == ("RMA-200012", "RMA-200011")
    view = world.dock1.open_parcel(world.actor("bruno"), "RMA-200012")
    assert view.receipt_id == receipt
    assert view.rma_numbers == ("RMA-200011", "RMA-200012")


def test_the_damaged_workflow_cannot_complete_without_its_photos(world: World):
    world.add_rma("RMA-200013", lines=(line("AP-13", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200013")
    view = scan_unit(world, receipt, "4006381333931", damaged=True)
    assert view.workflow.id == "damaged"
    i = view.inspection
    assert i.id is not None
    view = world.dock1.add_photo(world.actor("bruno"), i.id, i.version, JPEG)
    view = world.dock1.inspection_step(
        world.actor("bruno"), i.id, view.inspection.version, "goto", "grade"
    )
    view = world.dock1.inspection_step(
        world.actor("bruno"), i.id, view.inspection.version, "answer", "D"
    )
    with pytest.raises(InspectionIncomplete) as caught:
        world.dock1.complete_inspection(world.actor("bruno"), i.id, view.inspection.version)
    assert caught.value.params["step"] == "damage_photos"
    assert exceptions_of(world) == []


def test_a_file_that_is_not_an_image_is_refused_and_nothing_saved(world: World):
    world.add_rma("RMA-200014", lines=(line("AP-14", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200014")
    view = scan_unit(world, receipt, "4006381333931", damaged=True)
    i = view.inspection
    assert i.id is not None
    with pytest.raises(BadPhoto):
        world.dock1.add_photo(world.actor("bruno"), i.id, i.version, b"%PDF-1.4")
    assert world.count("photos") == 0


def test_all_checks_pass_restock_a_failed_check_waits_for_a_lead(world: World):
    world.add_rma("RMA-200015", lines=(line("AP-15", 2, gtin="4006381333931"),))
    receipt = world.receive("RMA-200015")
    good = finish(world, scan_unit(world, receipt, "4006381333931"))
    worn = finish(world, scan_unit(world, receipt, "4006381333931"), worn="yes", grade="C")
    assert (good.inspection.disposition, good.inspection.status) == (
        "restock",
        InspectionStatus.COMPLETED,
    )
    assert worn.inspection.disposition == "donate"
    assert worn.inspection.status is InspectionStatus.AWAITING_LEAD
    assert exceptions_of(world) == ["approval"]


def test_an_interrupted_inspection_resumes_at_its_step_with_every_answer(world: World):
    world.add_rma("RMA-200016", lines=(line("AP-16", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200016")
    view = scan_unit(world, receipt, "4006381333931")
    i = view.inspection
    assert i.id is not None
    for answer in ("yes", "no", "no"):
        view = world.dock1.inspection_step(
            world.actor("bruno"), i.id, view.inspection.version, "answer", answer
        )
    # the station is killed here; a new one starts on the same database
    restarted = StationServices(
        world.uow_factory,
        world.dock1.classifier,
        world.clock,
        world.station_ids["DOCK-1"],
        workflows=world.workflows,
    )
    again = restarted.open_parcel(world.actor("bruno"), "RMA-200016")
    (unit,) = again.open_inspections
    resumed = restarted.inspection(world.actor("bruno"), unit.inspection_id)
    assert resumed.step is not None
    assert resumed.step.id == "odour"
    assert dict(resumed.progress.answers) == {"tags_attached": "yes", "worn": "no", "washed": "no"}
    # and without a scan: the unit this inspector left at this station, for them alone
    left = restarted.unfinished_unit(world.actor("bruno"))
    assert left is not None
    assert (left[0].receipt_id, left[1]) == (receipt, i.id)
    assert restarted.unfinished_unit(world.actor("bruno", "DOCK-2")) is None
    assert restarted.unfinished_unit(world.actor("dan")) is None
    finish(world, resumed)
    assert restarted.unfinished_unit(world.actor("bruno")) is None


def test_finished_inspections_keep_the_workflow_version_they_followed(world: World, tmp_path):
    import shutil

    from workflows.store import WorkflowStore

    world.add_rma("RMA-200017", lines=(line("AP-17", 2, gtin="4006381333931"),))
    receipt = world.receive("RMA-200017")
    old = finish(world, scan_unit(world, receipt, "4006381333931"))
    folder = tmp_path / "wf"
    shutil.copytree(world.workflows.folder, folder)
    path = folder / "standard.toml"
    text = path.read_text(encoding="utf-8").replace("version = 1", "version = 2", 1)
    path.write_text(text.replace('id = "stains"', 'id = "stains_or_marks"'), encoding="utf-8")
    new_store = WorkflowStore(folder)
    assert new_store.reload() == []
    services = StationServices(
        world.uow_factory,
        world.dock1.classifier,
        world.clock,
        world.station_ids["DOCK-1"],
        workflows=new_store,
    )
    new = services.scan_unit(world.actor("bruno"), receipt, "4006381333931")
    assert new.workflow.version == 2
    assert old.inspection.id is not None
    kept = services.inspection(world.actor("bruno"), old.inspection.id)
    assert (kept.workflow.version, kept.inspection.workflow_version) == (1, 1)
    assert "stains" in {s.id for s in kept.workflow.steps}


def test_an_override_needs_a_reason_and_above_the_limit_waits_for_a_lead(world: World):
    world.add_rma(
        "RMA-200018", lines=(line("AP-18", 1, gtin="4006381333931", value=Decimal("400")),)
    )
    receipt = world.receive("RMA-200018")
    view = walk(world, scan_unit(world, receipt, "4006381333931"))
    i = view.inspection
    assert i.id is not None
    assert view.proposal is not None
    assert view.proposal.disposition == "restock"
    with pytest.raises(BadAnswer):
        world.dock1.complete_inspection(world.actor("bruno"), i.id, i.version, "liquidate", "")
    done = world.dock1.complete_inspection(
        world.actor("bruno"), i.id, i.version, "liquidate", "end of season, no shelf space"
    )
    assert done.inspection.disposition == "liquidate"
    assert done.inspection.proposed_disposition == "restock"
    assert done.inspection.override_reason == "end of season, no shelf space"
    assert done.inspection.status is InspectionStatus.AWAITING_LEAD
    assert exceptions_of(world) == ["override"]


def test_two_stations_answering_the_same_unit_the_second_is_refused(world: World):
    world.add_rma("RMA-200019", lines=(line("AP-19", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200019")
    view = scan_unit(world, receipt, "4006381333931")
    i = view.inspection
    assert i.id is not None
    world.dock1.inspection_step(world.actor("bruno"), i.id, i.version, "answer", "yes")
    with pytest.raises(StaleRecord):
        world.dock2.inspection_step(world.actor("bruno", "DOCK-2"), i.id, i.version, "answer", "no")
    again = world.dock1.inspection(world.actor("bruno"), i.id)
    assert again.progress.answers == {"tags_attached": "yes"}


def test_receivers_cannot_inspect_the_core_refuses(world: World):
    world.add_rma("RMA-200020", lines=(line("AP-20", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200020")
    with pytest.raises(PermissionDenied):
        world.dock1.scan_unit(world.actor("alice"), receipt, "4006381333931")


def test_a_parcel_not_yet_received_cannot_be_inspected(world: World):
    world.add_rma("RMA-200021")
    with pytest.raises(NotReceivedYet):
        world.dock1.open_parcel(world.actor("bruno"), "RMA-200021")


def test_a_scan_that_fits_no_unit_changes_nothing(world: World):
    world.add_rma("RMA-200022", lines=(line("AP-22", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200022")
    for text in ("BDG-1001", "RMA-200022", "1Z999AA10123456784", "NO-SUCH-SKU"):
        with pytest.raises(NotAProduct):
            scan_unit(world, receipt, text)
    assert world.count("inspections") == 0


def test_closing_a_box_with_units_still_open_says_which(world: World):
    world.add_rma("RMA-200023", lines=(line("AP-23", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200023")
    view = scan_unit(world, receipt, "4006381333931")
    with pytest.raises(UnitsInProgress) as caught:
        world.dock1.close_parcel(world.actor("bruno"), receipt)
    assert view.inspection.reference in str(caught.value)


def test_every_answer_is_in_the_audit_trail(world: World):
    world.add_rma("RMA-200024", lines=(line("AP-24", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-200024")
    done = finish(world, scan_unit(world, receipt, "4006381333931"))
    with world.uow_factory(readonly=True) as uow:
        events = uow.audit.for_entity("inspection", done.inspection.reference)
    actions = [e.action for e in events]
    assert actions[0] == "inspection.start"
    assert actions.count("inspection.answer") >= 6
    assert "inspection.photo" in actions
    assert actions[-1] == "inspection.complete"


def test_an_unidentified_parcel_is_inspected_unit_by_unit_for_the_lead(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "SHIPPER-LABEL-77")
    view = world.dock1.open_parcel(world.actor("bruno"), "SHIPPER-LABEL-77")
    assert (view.rma_numbers, view.label, view.receipt_id) == (
        (),
        "SHIPPER-LABEL-77",
        case.receipt_id,
    )
    unit = scan_unit(world, view.receipt_id, "4006381333931")
    assert unit.workflow.id == "unidentified_parcel"
    done = finish(world, unit, document="no", contents="Two pairs of jeans")
    assert (done.inspection.disposition, done.inspection.refund) == ("quarantine", "none")
    assert exceptions_of(world) == ["unidentified_parcel"]  # the one opened at the dock
    closed = world.dock1.close_parcel(world.actor("bruno"), view.receipt_id)
    assert isinstance(closed, ParcelView)
