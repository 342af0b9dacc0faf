"""The command-barcode sheet for the inspectors' bench: one A4 or Letter page, one Code 128
per command, with the command's name in large letters so it reads from a standing position."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import draw_code128
from receiving_station.domain.scan import COMMANDS


def write_command_sheet(
    path: Path,
    describe: Callable[[str], tuple[str, str]],
    *,
    title: str,
    letter: bool = False,
) -> None:
    """``describe(command)`` gives the (name, one-line explanation) shown under each code."""
    page = LETTER if letter else A4
    height = page[1]
    c = Canvas(str(path), pagesize=page)
    c.setTitle(title)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(18 * mm, height - 20 * mm, title)
    rows = len(COMMANDS)
    top, bottom = height - 30 * mm, 14 * mm
    step = (top - bottom) / rows
    for i, command in enumerate(COMMANDS):
        y = top - (i + 1) * step
        name, explanation = describe(command)
        draw_code128(c, f"CMD-{command}", 18 * mm, y + 6 * mm, 80 * mm, step - 12 * mm)
        c.setFont("Helvetica-Bold", 22)
        c.drawString(108 * mm, y + step / 2, name)
        c.setFont("Helvetica", 10)
        c.drawString(108 * mm, y + step / 2 - 6 * mm, explanation)
        c.drawString(18 * mm, y + 2 * mm, f"CMD-{command}")
    c.showPage()
    c.save()
