"""Labels that always print and always scan back: every template rendered, rasterised and
decoded by the station's own decoder; ZPL checked and sent to a real TCP listener."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from printing.render import LabelData, render_pdf, render_png, render_zpl
from printing.template import load_templates, parse_template
from printing.transports import CupsPrinter, FolderPrinter, TcpPrinter, printer_for
from receiving_station.cli import main
from receiving_station.domain.checkdigits import license_plate, license_plate_ok
from receiving_station.errors import DefinitionError, LabelDoesNotFit, PrinterUnavailable
from scanners.decode import decode_station

LABELS = Path(__file__).resolve().parents[2] / "resources" / "labels"
TEMPLATES, ERRORS = load_templates(LABELS)
LPN = license_plate(123_456)
VALUES = {
    "lpn": LPN,
    "disposition": "return_to_vendor",
    "zone": "C-VENDOR",
    "rma": "RMA-000123",
    "sku": "EL-003",
    "description": "Smart watch, black, 44 mm",
    "grade": "C",
    "date": "2026-11-26 10:00",
    "station": "DOCK-1",
    "inspector": "Bruno Lefèvre",
    "label": "1Z999AA10123456784",
    "packaging": "Packaging damaged",
    "note": "Corner crushed",
    "badge": "BDG-1002",
    "name": "Bruno Lefèvre",
    "role": "inspector",
}


def codes_of(template: str) -> set[str]:
    """What a template's barcodes must read: the plate, or the badge on a badge label."""
    return {VALUES[e.field] for e in TEMPLATES[template].elements if e.kind == "code128"}


class Listener:
    """A printer on loopback: accepts connections and keeps what each one sent."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while chunk := conn.recv(65536):
                    data += chunk
                self.received.append(data)

    def close(self) -> None:
        self.sock.close()


def decoded(png: bytes) -> list[str]:
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    return sorted(d.data for d in decode_station(image))


def test_the_shipped_templates_load():
    assert ERRORS == []
    assert set(TEMPLATES) == {
        "disposition-4x6",
        "disposition-100x150",
        "license-plate-2x1",
        "parcel-4x6",
        "badge-2x1",
    }
    assert license_plate_ok(LPN)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_prints_a_pdf_whose_barcodes_scan_back_to_the_plate(template, tmp_path):
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(render_pdf(LabelData(TEMPLATES[template], VALUES, "fr")))
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(tmp_path / "r")], check=True)
    (page,) = tmp_path.glob("r*.png")
    codes = decoded(page.read_bytes())
    assert codes
    assert set(codes) == codes_of(template)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_preview_scans_back_too(template):
    assert set(decoded(render_png(LabelData(TEMPLATES[template], VALUES, "en")))) == codes_of(
        template
    )


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_zpl_is_one_label_in_utf8_with_the_plate_in_its_barcode(template):
    zpl = render_zpl(LabelData(TEMPLATES[template], VALUES, "fr"))
    assert zpl.count("^XA") == 1
    assert zpl.count("^XZ") == 1
    assert zpl.index("^XA") < zpl.index("^CI28") < zpl.index("^XZ")
    (code,) = codes_of(template)
    assert re.search(r"\^BCN,\d+,N,N,N\^FD" + code + r"\^FS", zpl)


def test_zpl_escapes_its_control_characters():
    zpl = render_zpl(LabelData(TEMPLATES["disposition-4x6"], {**VALUES, "sku": "A^B~C_D"}, "en"))
    assert "A_5EB_7EC_5FD" in zpl


def test_a_zpl_label_reaches_a_printer_on_port_9100_whole():
    listener = Listener()
    try:
        zpl = render_zpl(LabelData(TEMPLATES["disposition-4x6"], VALUES, "fr")).encode()
        TcpPrinter("127.0.0.1", listener.port).send(zpl, "zpl", LPN)
        listener.thread.join(timeout=0.5)
        for _ in range(50):
            if listener.received:
                break
            threading.Event().wait(0.02)
        assert listener.received == [zpl]
        assert "Retour fournisseur".upper() in listener.received[0].decode("utf-8")
    finally:
        listener.close()


def test_a_printer_that_does_not_answer_says_so():
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(PrinterUnavailable) as caught:
        TcpPrinter("127.0.0.1", port, timeout=1).send(b"^XA^XZ", "zpl", "x")
    assert f"127.0.0.1:{port}" in str(caught.value)


def test_a_missing_print_queue_is_a_clear_message():
    with pytest.raises(PrinterUnavailable):
        CupsPrinter("no-such-queue-here").send(b"%PDF", "pdf", "x")


def test_a_folder_printer_writes_whole_files(tmp_path):
    printer = printer_for(f"folder:{tmp_path / 'out'}")
    assert isinstance(printer, FolderPrinter)
    printer.send(b"%PDF-1.4 label", "pdf", LPN)
    assert (tmp_path / "out" / f"{LPN}.pdf").read_bytes() == b"%PDF-1.4 label"
    assert not list((tmp_path / "out").glob("*.part"))


def test_an_identifying_value_that_does_not_fit_is_refused_free_text_is_shortened():
    label = LabelData(TEMPLATES["license-plate-2x1"], {**VALUES, "sku": "X" * 80}, "en")
    with pytest.raises(LabelDoesNotFit) as caught:
        render_pdf(label)
    assert "sku" in str(caught.value)
    long_text = {**VALUES, "description": "A very long description " * 10}
    render_pdf(LabelData(TEMPLATES["disposition-4x6"], long_text, "en"))  # shortened, printed


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (('field = "zone"', 'field = "colour"'), ["element 3", "field", "lpn"]),
        (("x = 8", "x = 100"), ["element 5", "w", "inside the 101.6 × 152.4 mm label"]),
        (("x = 8", "x = 200"), ["element 5", "x", "0 to 101.6"]),
        (('kind = "qr"', 'kind = "datamatrix"'), ["kind", "code128"]),
        (("width_mm = 101.6", "width_mm = 1000"), ["width_mm", "20 to 300"]),
    ],
)
def test_a_template_error_names_file_element_and_field(tmp_path, change, says):
    source = (LABELS / "disposition-4x6.toml").read_text(encoding="utf-8")
    old, new = change
    assert old in source
    path = tmp_path / "broken.toml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        parse_template(path)
    for words in ["broken.toml", *says]:
        assert words in str(caught.value), str(caught.value)


@pytest.mark.parametrize("fmt", ["pdf", "zpl", "png"])
def test_the_label_command_writes_each_format(tmp_path, fmt, capsys):
    out = tmp_path / f"label.{fmt}"
    args = ["label", "--lpn", LPN, "--template", "disposition-100x150", "--format", fmt]
    assert main([*args, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith({"pdf": b"%PDF", "zpl": b"^XA", "png": b"\x89PNG"}[fmt])


def test_the_label_command_refuses_a_misread_plate(tmp_path, capsys):
    wrong = LPN[:-1] + str((int(LPN[-1]) + 1) % 10)
    assert main(["label", "--lpn", wrong, "-o", str(tmp_path / "x.pdf")]) == 2
    assert "check digit" in capsys.readouterr().err


def test_print_test_sends_a_label_to_the_printer_given(tmp_path, capsys):
    listener = Listener()
    try:
        assert main(["print-test", "--printer", f"tcp://127.0.0.1:{listener.port}"]) == 0
        for _ in range(50):
            if len(listener.received) == 2:
                break
            threading.Event().wait(0.02)
        # ZPL over TCP is a Zebra: its host status is asked first, on its own connection;
        # this printer never answers it, so the label follows regardless.
        status, label = listener.received
        assert (status, label[:3]) == (b"~HS", b"^XA")
    finally:
        listener.close()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    assert main(["print-test", "--printer", f"tcp://127.0.0.1:{port}"]) == 2
    assert "does not answer" in capsys.readouterr().err


def test_the_demo_sheet_carries_the_demo_rmas_barcodes(tmp_path, sqlite_url):
    pdf = tmp_path / "demo.pdf"
    assert main(["--database", sqlite_url, "demo-sheet", "-o", str(pdf)]) == 0
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "d")], check=True)
    pages = sorted(tmp_path.glob("d*.png"))
    found = set()
    for page in pages:
        found.update(decoded(page.read_bytes()))
    assert {"RMA-000001", "RMA-000002", "RMA-000003", "RMA-000004", "BDG-1001", "BDG-1002"} <= found
