"""Barcodes drawn as vector rectangles: sharp at any printer resolution, and fast.

python-barcode's encoder gives the Code 128 module pattern; reportlab draws one rectangle
per run of dark modules (no intermediate raster image).
"""

from __future__ import annotations

import barcode
from reportlab.pdfgen.canvas import Canvas


def code128_modules(data: str) -> str:
    """The module pattern ('1' dark, '0' light) of a Code 128 symbol, quiet zones excluded."""
    pattern: str = barcode.get("code128", data).build()[0]
    return pattern


def draw_code128(
    canvas: Canvas, data: str, x: float, y: float, width: float, height: float
) -> None:
    """Draw ``data`` as Code 128 filling ``width`` (quiet zones are the caller's margin)."""
    modules = code128_modules(data)
    module = width / len(modules)
    canvas.saveState()
    canvas.setFillGray(0)
    start = None
    for i, m in enumerate(modules + "0"):
        if m == "1" and start is None:
            start = i
        elif m == "0" and start is not None:
            canvas.rect(x + start * module, y, (i - start) * module, height, stroke=0, fill=1)
            start = None
    canvas.restoreState()
