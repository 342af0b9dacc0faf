"""Photos made ready to store (OpenCV): whatever a camera or a file gives, a JPEG with its
long side at most 1600 px, and a thumbnail. What cannot be read is refused with a reason.

A JPEG already small enough is kept byte for byte (no second loss of quality); anything
else is decoded, shrunk with area averaging and encoded once.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from receiving_station.errors import BadPhoto
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import PreparedPhoto

LONG_SIDE = 1600
THUMB_SIDE = 240
QUALITY = 88
MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 60_000_000

UNREADABLE = QT_TRANSLATE_NOOP("errors", "it is not a JPEG or PNG image the station can read")
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "it is larger than 25 MB")
TOO_MANY_PIXELS = QT_TRANSLATE_NOOP("errors", "it has more than 60 million pixels")
_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def dimensions(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG or JPEG header, without decoding; None if it is neither."""
    if data.startswith(_PNG) and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if not data.startswith(_JPEG):
        return None
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in _SOF:
            height = int.from_bytes(data[i + 5 : i + 7], "big")
            width = int.from_bytes(data[i + 7 : i + 9], "big")
            return width, height
        i += 2 + length
    return None


def _shrunk(image: Any, side: int) -> Any:
    h, w = image.shape[:2]
    scale = side / max(h, w)
    if scale >= 1:
        return image
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def encode_jpeg(image: Any, quality: int = QUALITY) -> bytes:
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise BadPhoto(reason=UNREADABLE)
    return bytes(buffer.tobytes())


def prepare_frame(frame: Any) -> PreparedPhoto:
    """A camera frame (BGR) as a stored photo."""
    image = _shrunk(frame, LONG_SIDE)
    h, w = image.shape[:2]
    return PreparedPhoto(encode_jpeg(image), w, h, encode_jpeg(_shrunk(image, THUMB_SIDE), 80))


class OpenCvPhotos:
    """The station's :class:`~receiving_station.ports.PhotoPreparer`."""

    def prepare(self, data: bytes) -> PreparedPhoto:
        if len(data) > MAX_BYTES:
            raise BadPhoto(reason=TOO_LARGE)
        size = dimensions(data)  # read from the header: a decompression bomb is never decoded
        if size is None or 0 in size:
            raise BadPhoto(reason=UNREADABLE)
        if size[0] * size[1] > MAX_PIXELS:
            raise BadPhoto(reason=TOO_MANY_PIXELS)
        raw = np.frombuffer(data, np.uint8)
        jpeg, long_side = data.startswith(_JPEG), max(size)
        if jpeg and long_side <= LONG_SIDE:
            # kept as it is; the thumbnail from a reduced decode (libjpeg scales while it
            # decodes: a quarter of the work)
            small = cv2.imdecode(raw, _reduced(long_side, THUMB_SIDE))
            if small is None:
                raise BadPhoto(reason=UNREADABLE)
            return PreparedPhoto(
                data, size[0], size[1], encode_jpeg(_shrunk(small, THUMB_SIDE), 80)
            )
        flag = _reduced(long_side, LONG_SIDE) if jpeg else cv2.IMREAD_COLOR
        image = cv2.imdecode(raw, flag)
        if image is None:
            raise BadPhoto(reason=UNREADABLE)
        image = _shrunk(image, LONG_SIDE)
        h, w = image.shape[:2]
        return PreparedPhoto(encode_jpeg(image), w, h, encode_jpeg(_shrunk(image, THUMB_SIDE), 80))


def _reduced(long_side: int, wanted: int) -> int:
    """The largest JPEG decode reduction that still gives at least ``wanted`` pixels."""
    for factor, flag in (
        (8, cv2.IMREAD_REDUCED_COLOR_8),
        (4, cv2.IMREAD_REDUCED_COLOR_4),
        (2, cv2.IMREAD_REDUCED_COLOR_2),
    ):
        if long_side // factor >= wanted:
            return int(flag)
    return int(cv2.IMREAD_COLOR)
