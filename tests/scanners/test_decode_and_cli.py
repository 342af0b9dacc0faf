"""Real barcode images decoded by the real decoders, and the classify, decode and
commands-sheet commands as a person runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import cv2
import pytest

from receiving_station.cli import main
from receiving_station.domain.scan import COMMANDS
from scanners.decode import decode_station, decode_zbar, decode_zxing
from tests.scanners.images import F, frame_with, symbol

GS1_DATA = "(01)09521234543213(10)ABC123(17)261231(21)SN-0042"

SYMBOLS = [
    ("Code128", lambda: symbol("RMA-000123", F.Code128), "]C0RMA-000123"),
    ("EAN13", lambda: symbol("4006381333931", F.EAN13), "]E04006381333931"),
    ("QRCode", lambda: symbol("BDG-1001", F.QRCode, scale=8), "]Q1BDG-1001"),
    (
        "GS1-128",
        lambda: symbol(GS1_DATA, F.Code128, gs1=True),
        "]C1010952123454321310ABC123\x1d1726123121SN-0042",
    ),
    (
        "GS1 DataMatrix",
        lambda: symbol(GS1_DATA, F.DataMatrix, scale=8, gs1=True),
        "]d2010952123454321310ABC123\x1d1726123121SN-0042",
    ),
]


@pytest.mark.parametrize(("name", "make", "expected"), SYMBOLS, ids=[s[0] for s in SYMBOLS])
def test_the_station_decoder_reads_each_symbology_with_its_identifier(name, make, expected):
    found = decode_station(frame_with(make(), 1280, 720))
    assert [d.text for d in found] == [expected]
    assert len(found[0].points) >= 4


def test_zbar_reads_linear_codes_and_is_the_fallback():
    frame = frame_with(symbol("4006381333931", F.EAN13), 1920, 1080)
    assert [d.text for d in decode_zbar(frame)] == ["]E04006381333931"]
    assert [d.text for d in decode_zxing(frame)] == ["]E04006381333931"]


def _write(tmp_path: Path, name: str, image) -> Path:
    path = tmp_path / name
    cv2.imwrite(str(path), image)
    return path


def test_decode_prints_one_json_object_per_image(tmp_path: Path, capsys):
    gs1 = _write(tmp_path, "gs1.png", frame_with(SYMBOLS[4][1](), 640, 480))
    blank = _write(tmp_path, "blank.png", frame_with(symbol("x", F.QRCode)[:5, :5], 640, 480))
    assert main(["decode", str(gs1), str(blank)]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    (code,) = first["codes"]
    assert code["symbology_identifier"] == "]d2"
    assert code["kind"] == "product"
    assert code["fields"] == {
        "gtin": "09521234543213",
        "batch": "ABC123",
        "expiry": "2026-12-31",
        "serial": "SN-0042",
    }
    assert second == {"file": str(blank), "codes": []}


def test_decode_exits_non_zero_with_a_clear_message_on_unreadable_files(tmp_path, capsys):
    not_image = tmp_path / "notes.png"
    not_image.write_text("this is not a picture")
    assert main(["decode", str(not_image), str(tmp_path / "missing.jpg")]) == 2
    err = capsys.readouterr().err
    assert "not an image" in err
    assert "no such file" in err


def test_classify_prints_kind_carrier_value_and_fields(capsys):
    assert main(["classify", "420 22153 9101026837331000039521", "(01)09521234543213(10)L7"]) == 0
    usps, gs1 = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (usps["kind"], usps["carrier"], usps["text"]) == (
        "tracking",
        "usps",
        "9101026837331000039521",
    )
    assert gs1["fields"] == {"gtin": "09521234543213", "batch": "L7"}


def test_classify_says_why_a_scan_is_unreadable_and_exits_non_zero(tmp_path, capsys):
    scans = tmp_path / "scans.txt"
    scans.write_bytes(b"RMA-000001\n\xff\xfe\n")
    assert main(["classify", "--file", str(scans)]) == 1
    ok, bad = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert ok["kind"] == "rma"
    assert "not text" in bad["problem"]
    assert main(["classify", "--file", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt cannot be read" in capsys.readouterr().err


def test_the_command_sheet_prints_codes_the_decoders_read_back(tmp_path: Path):
    pdf = tmp_path / "commands.pdf"
    assert main(["commands-sheet", "-o", str(pdf), "--language", "fr"]) == 0
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(tmp_path / "p")], check=True)
    image = cv2.imread(str(tmp_path / "p-1.png"))
    read = sorted(d.data for d in decode_station(image))
    assert read == sorted(f"CMD-{c}" for c in COMMANDS)
