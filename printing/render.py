"""One label model, three renderers: PDF (vector), ZPL II (Zebra) and a PNG preview.

Barcodes are drawn from their module patterns as rectangles (Code 128 from python-barcode's
encoder, QR from segno's matrix): sharp at any printer resolution and fast. Text that is too
long for its box is set smaller, down to half its size; free text (a description, a note)
is then shortened with an ellipsis, while a value that identifies the unit (license plate,
RMA, SKU, zone, disposition) is never cut: the label is refused with a message saying which.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import code128_modules, draw_code128
from printing.template import Element, ElementKind, Template
from printing.words import TITLES, disposition_word, role_word
from receiving_station.errors import LabelDoesNotFit
from workflows.definition import text

MM = 72 / 25.4
"""Points per millimetre."""
DOTS_PER_MM = 8
"""203 dpi thermal printers."""
FREE_TEXT = frozenset({"description", "note", "label", "title", "inspector", "station"})
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@dataclass(frozen=True)
class LabelData:
    template: Template
    values: Mapping[str, str]
    language: str = "en"

    def text_of(self, element: Element) -> str:
        value = self.values.get(element.field, "")
        if element.field == "title":
            kind = next(
                (k for k in ("parcel", "badge") if self.template.id.startswith(k)), "disposition"
            )
            words = TITLES.get(self.language, TITLES["en"])
            value = value or words.get(kind, self.template.title)
        elif element.field == "disposition":
            value = disposition_word(value, self.language)
        elif element.field == "role":
            value = role_word(value, self.language)
        if not value:
            return ""
        shown = text(element.prefix, self.language) + value
        return shown.upper() if element.upper else shown


@cache
def fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (every accent, the arrow), else Helvetica."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def fit(
    words: str, element: Element, width_of: Callable[[str, float], float], box_width: float
) -> tuple[str, float]:
    """(text, size) that fits ``box_width``: smaller first, then shortened if free text."""
    size = element.size
    while width_of(words, size) > box_width and size > element.size / 2:
        size -= 0.5
    if width_of(words, size) <= box_width:
        return words, size
    if element.field not in FREE_TEXT:
        raise LabelDoesNotFit(field=element.field, value=words)
    while words and width_of(words + "…", size) > box_width:
        words = words[:-1]
    return words + "…", size


# -- PDF ----------------------------------------------------------------------------------


def render_pdf(label: LabelData) -> bytes:
    t = label.template
    regular, bold = fonts()
    out = io.BytesIO()
    c = Canvas(out, pagesize=(t.width * MM, t.height * MM), pageCompression=0)
    c.setTitle(f"{t.id} {label.values.get('lpn', '')}")
    for e in t.elements:
        x, w, h = e.x * MM, e.width * MM, e.height * MM
        y = (t.height - e.y - e.height) * MM  # PDF's origin is the bottom-left corner
        if e.kind is ElementKind.BOX:
            c.rect(x, y, w, h, stroke=0, fill=1)
            continue
        value = label.text_of(e)
        if not value:
            continue
        if e.kind is ElementKind.CODE128:
            draw_code128(c, value, x, y, w, h)
        elif e.kind is ElementKind.QR:
            _draw_qr(c, value, x, y, w)
        else:
            font = bold if e.bold else regular

            def pdf_width(s: str, z: float, f: str = font) -> float:
                return float(pdfmetrics.stringWidth(s, f, z))

            words, size = fit(value, e, pdf_width, w)
            c.setFont(font, size)
            baseline = y + (h - size * 0.72) / 2
            if e.align == "center":
                c.drawCentredString(x + w / 2, baseline, words)
            elif e.align == "right":
                c.drawRightString(x + w, baseline, words)
            else:
                c.drawString(x, baseline, words)
    c.showPage()
    c.save()
    return out.getvalue()


_QR_BYTES_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213)
"""Byte-mode capacity of QR versions 1-10 at error correction M."""


def qr_modules(data: str) -> int:
    """Modules per side of the QR the printer will draw for ``data`` (no encoding needed)."""
    size = len(data.encode("utf-8"))
    version = next((v for v, cap in enumerate(_QR_BYTES_M, 1) if size <= cap), 10)
    return 17 + 4 * version


def qr_matrix(data: str) -> list[list[bool]]:
    return [[bool(v) for v in row] for row in segno.make_qr(data, error="m").matrix]


def _draw_qr(c: Canvas, data: str, x: float, y: float, size: float) -> None:
    matrix = qr_matrix(data)
    n = len(matrix)
    module = size / n
    c.saveState()
    c.setFillGray(0)
    for r, row in enumerate(matrix):
        start = None
        for col, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                top = y + size - (r + 1) * module
                c.rect(x + start * module, top, (col - start) * module, module, stroke=0, fill=1)
                start = None
    c.restoreState()


# -- ZPL ----------------------------------------------------------------------------------


def _zpl_field(value: str) -> str:
    """Field data with ^, ~ and the escape character itself written as hex (^FH_)."""
    return "".join(f"_{ord(ch):02X}" if ch in "^~_" else ch for ch in value)


def render_zpl(label: LabelData) -> str:
    """ZPL II for a 203 dpi printer, UTF-8 text (^CI28), one ^XA...^XZ."""
    t = label.template

    def dots(mm: float) -> int:
        return round(mm * DOTS_PER_MM)

    parts = ["^XA", "^CI28", f"^PW{dots(t.width)}", f"^LL{dots(t.height)}", "^LH0,0"]
    for e in t.elements:
        x, y, w, h = dots(e.x), dots(e.y), dots(e.width), dots(e.height)
        if e.kind is ElementKind.BOX:
            parts.append(f"^FO{x},{y}^GB{w},{h},{min(w, h)}^FS")
            continue
        value = label.text_of(e)
        if not value:
            continue
        if e.kind is ElementKind.CODE128:
            modules = len(code128_modules(value))
            module = max(1, w // modules)
            left = x + (w - module * modules) // 2
            parts.append(f"^FO{left},{y}^BY{module},3,{h}^BCN,{h},N,N,N^FD{_zpl_field(value)}^FS")
        elif e.kind is ElementKind.QR:
            magnification = max(1, min(10, w // qr_modules(value)))
            parts.append(f"^FO{x},{y}^BQN,2,{magnification}^FH_^FDMA,{_zpl_field(value)}^FS")
        else:
            height = round(e.size * 203 / 72)

            def width_of(s: str, z: float) -> float:
                return len(s) * z * 203 / 72 * 0.6

            words, size = fit(value, e, width_of, w)
            height = round(size * 203 / 72)
            align = {"left": "L", "center": "C", "right": "R"}[e.align]
            parts.append(
                f"^FO{x},{y + max(0, (h - height) // 2)}^A0N,{height},{height}"
                f"^FB{w},1,0,{align},0^FH_^FD{_zpl_field(words)}^FS"
            )
    parts.append("^XZ")
    return "\n".join(parts) + "\n"


# -- PNG preview --------------------------------------------------------------------------


def render_png(label: LabelData, dpi: int = 203) -> bytes:
    """What the label will look like, for the screen before it prints."""
    from PIL import Image, ImageDraw, ImageFont

    t = label.template
    per_mm = dpi / 25.4

    def px(mm: float) -> int:
        return round(mm * per_mm)

    image = Image.new("L", (px(t.width), px(t.height)), 255)
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(bold: bool, size_pt: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        key = (bold, size_pt)
        if key not in fonts:
            pixels = max(6, round(size_pt * dpi / 72))
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            found = next((d / name for d in FONT_DIRS if (d / name).is_file()), None)
            fonts[key] = (
                ImageFont.truetype(str(found), pixels) if found else ImageFont.load_default(pixels)
            )
        return fonts[key]

    for e in t.elements:
        x, y, w, h = px(e.x), px(e.y), px(e.width), px(e.height)
        if e.kind is ElementKind.BOX:
            draw.rectangle([x, y, x + w - 1, y + h - 1], fill=0)
            continue
        value = label.text_of(e)
        if not value:
            continue
        if e.kind is ElementKind.CODE128:
            modules = code128_modules(value)
            module = w / len(modules)
            for i, m in enumerate(modules):
                if m == "1":
                    draw.rectangle(
                        [x + round(i * module), y, x + round((i + 1) * module) - 1, y + h], fill=0
                    )
        elif e.kind is ElementKind.QR:
            matrix = qr_matrix(value)
            module = w / len(matrix)
            for r, row in enumerate(matrix):
                for col, dark in enumerate(row):
                    if dark:
                        left, top = x + round(col * module), y + round(r * module)
                        draw.rectangle(
                            [
                                left,
                                top,
                                x + round((col + 1) * module) - 1,
                                y + round((r + 1) * module) - 1,
                            ],
                            fill=0,
                        )
        else:

            def png_width(s: str, z: float, b: bool = e.bold) -> float:
                return float(font(b, z).getlength(s))

            words, size = fit(value, e, png_width, w)
            f = font(e.bold, size)
            width = f.getlength(words)
            start = float(x)
            if e.align == "center":
                start = x + (w - width) / 2
            elif e.align == "right":
                start = x + w - width
            draw.text((start, y + h / 2), words, font=f, fill=0, anchor="lm")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
