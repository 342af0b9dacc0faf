"""Photos as evidence in the shared database: what one station stores, another reads after
a restart through its own connection; a damaged photo or thumbnail is caught by its
checksum. On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pytest
from sqlalchemy import text

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station.domain.model import PackagingCondition
from receiving_station.errors import CorruptPhoto
from receiving_station.services.context import Actor
from receiving_station.services.receiving import PackagingPhotosNeeded
from receiving_station.services.station import StationServices
from scanners.classifier import ScanClassifier
from tests.integration.test_inspecting_units import line, scan_unit
from tests.world import World


def photo(width: int, height: int) -> bytes:
    image = np.full((height, width, 3), 90, np.uint8)
    cv2.putText(image, "DENT", (50, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 4, (0, 0, 255), 8)
    return bytes(cv2.imencode(".jpg", image)[1].tobytes())


def stored_photo(world: World, data: bytes) -> str:
    world.add_rma("RMA-700001", lines=(line("AP-70", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-700001")
    view = scan_unit(world, receipt, "4006381333931", damaged=True)
    i = view.inspection
    assert i.id is not None
    view = world.dock1.add_photo(world.actor("bruno"), i.id, i.version, data)
    assert view.step is not None
    (ref,) = view.progress.answers[view.step.id]
    return str(ref)


def test_a_photo_is_read_back_by_another_station_after_a_restart(world: World):
    ref = stored_photo(world, photo(3000, 2000))
    world.engine.dispose()  # the station closes
    url = world.engine.url.render_as_string(hide_password=False)
    other = make_engine(url)  # another station, its own connection
    try:
        services = StationServices(
            SqlUnitOfWorkFactory(other), ScanClassifier(), world.clock, world.station_ids["DOCK-2"]
        )
        chloe = Actor(world.user_ids["chloe"], world.station_ids["DOCK-2"])
        content = services.photo(chloe, ref)
        thumbnail = services.photo_thumbnail(chloe, ref)
    finally:
        other.dispose()
    image = cv2.imdecode(np.frombuffer(content, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape[:2] == (1067, 1600)  # long side 1600
    thumb = cv2.imdecode(np.frombuffer(thumbnail, np.uint8), cv2.IMREAD_COLOR)
    assert thumb.shape[:2] == (160, 240)
    with world.engine.connect() as conn:
        digest = conn.execute(text("SELECT sha256 FROM photos")).scalar_one()
    assert hashlib.sha256(content).hexdigest() == digest


@pytest.mark.parametrize("column", ["content", "thumbnail"])
def test_a_photo_damaged_in_storage_is_caught_by_its_checksum(world: World, column: str):
    ref = stored_photo(world, photo(800, 600))
    with world.engine.begin() as conn:
        data = conn.execute(text(f"SELECT {column} FROM photos")).scalar_one()
        damaged = bytes(data[:-10]) + b"\x00" * 10
        conn.execute(text(f"UPDATE photos SET {column} = :d"), {"d": damaged})
    read = world.dock2.photo if column == "content" else world.dock2.photo_thumbnail
    with pytest.raises(CorruptPhoto) as caught:
        read(world.actor("chloe", "DOCK-2"), ref)
    assert "does not match its checksum" in str(caught.value)


def test_damaged_packaging_is_received_only_with_photos_of_the_parcel(world: World):
    world.add_rma("RMA-700002")
    with world.uow_factory(readonly=True) as uow:
        rma = uow.rmas.by_number("RMA-700002")
    assert rma is not None
    assert rma.id is not None
    alice = world.actor("alice")
    with pytest.raises(PackagingPhotosNeeded) as caught:
        world.dock1.receive(alice, [rma.id], packaging=PackagingCondition.DAMAGED)
    assert "photograph the parcel before it is opened" in str(caught.value)
    assert world.count("receipts") == 0
    snaps = [world.dock1.prepare_photo(photo(1600, 1200)) for _ in range(2)]
    receipt = world.dock1.receive(
        alice, [rma.id], packaging=PackagingCondition.DAMAGED, photos=snaps
    )
    with world.uow_factory(readonly=True) as uow:
        assert receipt.id is not None
        stored = uow.photos.for_receipt(receipt.id)
    assert [(p.step_id, p.inspection_id) for p in stored] == [("packaging", None)] * 2
    _pdf, summary = world.dock1.evidence_pack(world.actor("chloe"), "RMA-700002")
    assert summary["photos"] == 2  # the parcel as it arrived, in the claim


def test_an_unidentified_damaged_parcel_needs_its_photos_too(world: World):
    with pytest.raises(PackagingPhotosNeeded):
        world.dock1.register_unidentified(
            world.actor("alice"), "NO-LABEL-1", packaging=PackagingCondition.DAMAGED
        )
    snap = world.dock1.prepare_photo(photo(800, 600))
    case = world.dock1.register_unidentified(
        world.actor("alice"), "NO-LABEL-1", packaging=PackagingCondition.DAMAGED, photos=[snap]
    )
    assert case.receipt_id is not None
    with world.uow_factory(readonly=True) as uow:
        assert len(uow.photos.for_receipt(case.receipt_id)) == 1
