"""Barcode decoding from images: zxing-cpp first, ZBar (pyzbar) as the second opinion.

Measured in ``bench/decode.py`` on synthetic frames (rotation, perspective, blur, noise, low
contrast, small codes): zxing-cpp reads more and faster, and alone reads DataMatrix; ZBar
still reads some damaged linear codes zxing-cpp gives up on. The station's decoder asks
zxing-cpp (limited to the formats a dock sees, without the inverted-image pass), and asks
ZBar's linear decoders, on a copy no wider than 960 pixels (ZBar loses noisy full-HD frames
and is much faster on the smaller copy), only when zxing-cpp saw a symbol it could not
decode: that keeps the station's median time at zxing-cpp's while ZBar still rescues the
damaged linear codes it reads better.

Every result carries the symbology identifier (``]C1``, ``]E0``, ``]d2``...) so the
classifier knows a GS1 code from a plain one, exactly as with a hand scanner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

GS = "\x1d"
ZBAR_MAX_WIDTH = 960

Points = tuple[tuple[int, int], ...]

# ZBar's type names -> (symbology identifier, our name). ZBar gives no modifier, so GS1-128
# is told from Code 128 by the FNC1 it reports as a leading GS.
_ZBAR = {
    "CODE128": ("]C0", "Code128"),
    "EAN13": ("]E0", "EAN13"),
    "EAN8": ("]E4", "EAN8"),
    "UPCA": ("]E0", "UPCA"),
    "UPCE": ("]E0", "UPCE"),
    "QRCODE": ("]Q1", "QRCode"),
    "CODE39": ("]A0", "Code39"),
    "I25": ("]I0", "ITF"),
    "DATABAR": ("]e0", "DataBar"),
    "DATABAR_EXP": ("]e0", "DataBarExpanded"),
    "CODE93": ("]G0", "Code93"),
    "CODABAR": ("]F0", "Codabar"),
    "PDF417": ("]L2", "PDF417"),
}


@dataclass(frozen=True)
class Decoded:
    text: str
    """The content as a hand scanner would send it: symbology identifier, then the data
    with GS separators for GS1."""
    symbology: str
    points: Points
    decoder: str

    @property
    def data(self) -> str:
        return self.text[3:] if self.text.startswith("]") else self.text


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
    return cv2.cvtColor(image, code)


# What a returns dock sees: carrier, product, GS1 and our own labels. Leaving out the rest
# (MaxiCode, Codabar, DX film edge...) makes zxing-cpp faster.
DOCK_FORMATS = (
    "Code128,Code39,Code93,EAN13,EAN8,UPCA,UPCE,ITF,DataBar,DataBarExpanded,"
    "QRCode,DataMatrix,PDF417,Aztec"
)


def _zxing(gray: np.ndarray, options: dict[str, Any]) -> tuple[list[Decoded], bool]:
    """zxing-cpp's valid reads, and whether it saw a symbol it could not decode."""
    found, saw_symbol = [], False
    for r in zxingcpp.read_barcodes(gray, text_mode=zxingcpp.TextMode.Plain, **options):
        if not r.valid:
            saw_symbol = True
            continue
        p = r.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        points = tuple((int(q.x), int(q.y)) for q in corners)
        name = str(r.format).replace("BarcodeFormat.", "").replace(" ", "")
        found.append(Decoded(r.symbology_identifier + r.text, name, points, "zxing-cpp"))
    return found, saw_symbol


def decode_zxing(image: np.ndarray) -> list[Decoded]:
    """zxing-cpp alone, with its defaults."""
    return _zxing(to_gray(image), {})[0]


# As the station's second opinion ZBar only looks for linear codes: zxing-cpp reads every QR
# code ZBar reads (bench/decode.py), and skipping ZBar's QR finder halves its time.
ZBAR_LINEAR = [
    pyzbar.ZBarSymbol.CODE128,
    pyzbar.ZBarSymbol.EAN13,
    pyzbar.ZBarSymbol.EAN8,
    pyzbar.ZBarSymbol.UPCA,
    pyzbar.ZBarSymbol.UPCE,
    pyzbar.ZBarSymbol.I25,
    pyzbar.ZBarSymbol.CODE39,
    pyzbar.ZBarSymbol.CODE93,
    pyzbar.ZBarSymbol.DATABAR,
    pyzbar.ZBarSymbol.DATABAR_EXP,
]


def decode_zbar(image: np.ndarray, *, linear_only: bool = False) -> list[Decoded]:
    gray = to_gray(image)
    scale = 1.0
    if gray.shape[1] > ZBAR_MAX_WIDTH:
        scale = gray.shape[1] / ZBAR_MAX_WIDTH
        size = (ZBAR_MAX_WIDTH, round(gray.shape[0] / scale))
        gray = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    found = []
    for r in pyzbar.decode(gray, symbols=ZBAR_LINEAR if linear_only else None):
        try:
            data = r.data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        ident, name = _ZBAR.get(r.type, ("", r.type.title()))
        if ident == "]C0" and data.startswith(GS):
            ident, name, data = "]C1", "GS1-128", data[1:]
        points = tuple((round(q.x * scale), round(q.y * scale)) for q in r.polygon)
        found.append(Decoded(ident + data, name, points, "zbar"))
    return found


def decode_station(image: np.ndarray) -> list[Decoded]:
    """zxing-cpp tuned for the dock (its formats only, no inverted-image pass: white-on-black
    labels are not used at the dock); ZBar's linear decoders only when zxing-cpp saw a symbol
    it could not decode, which is where ZBar rescues reads (bench/decode.py)."""
    gray = to_gray(image)
    found, saw_symbol = _zxing(
        gray,
        {
            "formats": zxingcpp.barcode_formats_from_str(DOCK_FORMATS),
            "try_invert": False,
            "return_errors": True,
        },
    )
    if found or not saw_symbol:
        return found
    return decode_zbar(gray, linear_only=True)


DECODERS: dict[str, Callable[[np.ndarray], list[Decoded]]] = {
    "zxing-cpp": decode_zxing,
    "zbar": decode_zbar,
    "station": decode_station,
}


class UnreadableImage(ValueError):
    pass


def read_image(path: Path) -> Any:
    """An image file as a BGR array; :class:`UnreadableImage` says why not."""
    if not path.is_file():
        raise UnreadableImage(f"{path}: no such file")
    if path.stat().st_size > 64 * 1024 * 1024:
        raise UnreadableImage(f"{path}: larger than 64 MB, not a photo of a label")
    data = np.fromfile(path, dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise UnreadableImage(f"{path}: not an image OpenCV can read (PNG, JPEG, BMP, TIFF...)")
    return image
