"""Evidence packs, as a lead files a carrier claim: the PDF names the return, the parcel,
each unit's answers, grade, disposition, who, where and when, and carries the photos. From
the station and from the command line; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from receiving_station.cli import main
from receiving_station.errors import PermissionDenied, UnknownScan
from receiving_station.services.evidence import gather
from tests.integration.test_inspecting_units import finish, line, scan_unit
from tests.world import World


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_images(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pack-img.pdf"
    path.write_bytes(pdf)
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return len(listed.splitlines()) - 2  # two header lines


def damaged_and_decided(world: World) -> str:
    """A damaged unit photographed twice and decided (and a second unit with its one photo);
    the damaged unit's license plate."""
    world.add_rma("RMA-800001", lines=(line("AP-80", 2, gtin="4006381333931"),))
    receipt = world.receive("RMA-800001")
    view = scan_unit(world, receipt, "4006381333931", damaged=True)
    done = finish(world, view, damage_photos=None)
    finish(world, scan_unit(world, receipt, "4006381333931"))
    assert done.inspection.lpn
    return done.inspection.lpn


def test_the_pack_of_an_rma_has_every_unit_its_answers_and_photos(world: World, tmp_path):
    damaged_and_decided(world)
    pdf, summary = world.dock1.evidence_pack(world.actor("chloe"), "RMA-800001", "en")
    assert pdf.startswith(b"%PDF")
    assert summary == {"key": "RMA-800001", "rma": "RMA-800001", "units": 2, "photos": 3}
    words = pdf_text(pdf, tmp_path)
    for expected in (
        "Evidence pack · RMA-800001",
        "Generated",
        "Chloé",  # who made the pack
        "Camille Bernard",  # the customer
        "Alice",  # who received the parcel, at DOCK-1
        "DOCK-1",
        "Bruno Lefèvre",  # who inspected
        "Photograph the damage",  # a question
        "Grade",
        "SHA-256",
    ):
        assert expected in words, expected
    assert pdf_images(pdf, tmp_path) == 3  # two of the damage, one of the other unit


def test_the_pack_of_a_license_plate_is_that_unit_only_and_speaks_french(world: World, tmp_path):
    lpn = damaged_and_decided(world)
    pdf, summary = world.dock1.evidence_pack(world.actor("chloe"), lpn, "fr")
    assert summary["units"] == 1
    words = pdf_text(pdf, tmp_path)
    assert f"Dossier de preuves · {lpn}" in words
    assert "Réponses" in words
    assert pdf_images(pdf, tmp_path) == 2


def test_a_receiver_cannot_make_a_pack_and_an_unknown_key_is_named(world: World):
    damaged_and_decided(world)
    with pytest.raises(PermissionDenied):
        world.dock1.evidence_pack(world.actor("alice"), "RMA-800001")
    with pytest.raises(UnknownScan):
        world.dock1.evidence_pack(world.actor("chloe"), "RMA-899999")


def test_the_evidence_command_writes_the_pdf(world: World, tmp_path: Path, capsys):
    damaged_and_decided(world)
    url = str(world.engine.url.render_as_string(hide_password=False))
    out = tmp_path / "claim.pdf"
    assert main(["--database", url, "evidence", "RMA-800001", "-o", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["units"] == 2
    assert out.read_bytes().startswith(b"%PDF")
    missing = tmp_path / "none.pdf"
    assert main(["--database", url, "evidence", "RMA-899999", "-o", str(missing)]) == 2
    assert "RMA-899999" in capsys.readouterr().err
    assert not missing.exists()


def test_a_parcel_received_but_not_yet_inspected_gets_a_pack_too(world: World, tmp_path):
    world.add_rma("RMA-800002", lines=(line("AP-81", 1, gtin="4006381333931"),))
    world.receive("RMA-800002")
    found = gather(
        world.uow_factory,
        world.actor("chloe"),
        world.dock1.readable("RMA-800002"),
        world.clock.now(),
    )
    assert (found.units, found.received_by) == ((), "Alice Martin")
    pdf, _ = world.dock1.evidence_pack(world.actor("chloe"), "RMA-800002")
    assert "No unit inspected yet." in pdf_text(pdf, tmp_path)


def test_a_unit_still_being_inspected_is_in_the_pack_with_what_it_has(world: World, tmp_path):
    world.add_rma("RMA-800003", lines=(line("AP-82", 1, gtin="4006381333931"),))
    receipt = world.receive("RMA-800003")
    scan_unit(world, receipt, "4006381333931")  # no answer yet
    pdf, summary = world.dock1.evidence_pack(world.actor("chloe"), "RMA-800003")
    assert summary["units"] == 1
    assert "in progress" in pdf_text(pdf, tmp_path)
