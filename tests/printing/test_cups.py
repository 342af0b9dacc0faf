"""The real print path: a CUPS queue with cups-pdf receives the PDF label and writes a file,
which is rasterised and decoded back to the license plate. CUPS and cups-pdf are installed
by ``scripts/setup-system.sh test``; the scheduler is started here if it is not running."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import pytest

from printing.render import LabelData, render_pdf
from printing.transports import CupsPrinter
from receiving_station.domain.checkdigits import license_plate
from scanners.decode import decode_station
from tests.printing.test_labels import TEMPLATES, VALUES

QUEUE = "RS-TEST-PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def _scheduler_running() -> bool:
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return "is running" in done.stdout and "not" not in done.stdout


@pytest.fixture(scope="module")
def cups_pdf_queue() -> Iterator[Path]:
    for tool in ("cupsd", "lpadmin", "lp", "lpstat"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            pytest.fail(f"{tool} is missing: run scripts/setup-system.sh test (as root)")
    started = None
    if not _scheduler_running():
        started = subprocess.Popen(["/usr/sbin/cupsd", "-f"])
        for _ in range(50):
            if _scheduler_running():
                break
            time.sleep(0.1)
    subprocess.run(
        ["/usr/sbin/lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P", str(PPD)],
        capture_output=True,
        check=True,
    )
    yield Path(os.path.expanduser("~")) / "PDF"
    subprocess.run(["/usr/sbin/lpadmin", "-x", QUEUE], capture_output=True, check=False)
    if started is not None:
        started.terminate()
        started.wait(timeout=10)


def test_a_pdf_label_printed_through_cups_comes_out_and_scans_back(cups_pdf_queue: Path, tmp_path):
    lpn = license_plate(777_001 + os.getpid() % 1000)
    pdf = render_pdf(LabelData(TEMPLATES["disposition-4x6"], {**VALUES, "lpn": lpn}, "en"))
    CupsPrinter(QUEUE).send(pdf, "pdf", lpn)
    deadline = time.monotonic() + 30
    found: list[Path] = []
    while time.monotonic() < deadline and not found:
        found = sorted(cups_pdf_queue.glob(f"{lpn}*.pdf"))
        time.sleep(0.2)
    assert found, f"cups-pdf wrote nothing to {cups_pdf_queue}"
    out = found[-1]
    # cups-pdf writes the file as it goes: read it once the job is done and it stopped growing
    sizes = [-1]
    while time.monotonic() < deadline:
        busy = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
        sizes.append(out.stat().st_size)
        if not busy.strip() and sizes[-1] == sizes[-2] > 0:
            break
        time.sleep(0.2)
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(out), str(tmp_path / "c")], check=True)
    (page,) = tmp_path.glob("c*.png")
    assert {d.data for d in decode_station(cv2.imread(str(page)))} == {lpn}
    out.unlink()
