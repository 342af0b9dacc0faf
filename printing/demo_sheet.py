"""A sheet of the demo's barcodes, to try the station with a real scanner: badges, the
showcase RMAs, their carriers' tracking numbers and the items in them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import draw_code128

Row = tuple[str, str]
"""(what it is, the barcode's content)."""


def write_demo_sheet(path: Path, title: str, sections: Sequence[tuple[str, Sequence[Row]]]) -> None:
    height = A4[1]
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    y = height - 18 * mm

    def new_page() -> float:
        c.showPage()
        return float(height - 18 * mm)

    c.setFont("Helvetica-Bold", 16)
    c.drawString(15 * mm, y, title)
    y -= 10 * mm
    for heading, rows in sections:
        if y < 40 * mm:
            y = new_page()
        c.setFont("Helvetica-Bold", 12)
        c.drawString(15 * mm, y, heading)
        y -= 4 * mm
        for caption, data in rows:
            if y < 28 * mm:
                y = new_page()
            y -= 20 * mm
            draw_code128(c, data, 15 * mm, y, 75 * mm, 16 * mm)
            c.setFont("Helvetica", 10)
            c.drawString(100 * mm, y + 10 * mm, caption)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(100 * mm, y + 4 * mm, data)
            y -= 4 * mm
        y -= 6 * mm
    c.showPage()
    c.save()
