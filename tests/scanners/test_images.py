"""Photos made ready to store, from real image files: long side at most 1600 px, a
thumbnail, a small JPEG kept byte for byte; what cannot be read is refused with a reason."""

from __future__ import annotations

import zlib

import cv2
import numpy as np
import pytest

from receiving_station.errors import BadPhoto
from scanners.images import OpenCvPhotos, dimensions, prepare_frame


def photo(width: int, height: int, ext: str = ".jpg") -> bytes:
    x = np.linspace(0, 255, width, dtype=np.float32)
    y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    image = np.dstack(
        [
            np.broadcast_to(x, (height, width)),
            np.broadcast_to(y, (height, width)),
            np.full((height, width), 128, np.float32),
        ]
    ).astype(np.uint8)
    cv2.rectangle(image, (10, 10), (width // 2, height // 2), (0, 0, 255), -1)
    ok, data = cv2.imencode(ext, image)
    assert ok
    return bytes(data.tobytes())


def decoded(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


@pytest.mark.parametrize("ext", [".jpg", ".png"])
def test_a_big_photo_is_stored_with_its_long_side_at_1600_and_a_thumbnail(ext: str):
    prepared = OpenCvPhotos().prepare(photo(4000, 3000, ext))
    assert (prepared.width, prepared.height) == (1600, 1200)
    assert prepared.content.startswith(b"\xff\xd8\xff")
    assert decoded(prepared.content).shape[:2] == (1200, 1600)
    assert decoded(prepared.thumbnail).shape[:2] == (180, 240)


def test_a_portrait_photo_keeps_its_orientation():
    prepared = OpenCvPhotos().prepare(photo(1200, 2400))
    assert (prepared.width, prepared.height) == (800, 1600)


def test_a_small_jpeg_is_kept_byte_for_byte():
    data = photo(1280, 720)
    prepared = OpenCvPhotos().prepare(data)
    assert prepared.content == data
    assert (prepared.width, prepared.height) == (1280, 720)


def test_a_camera_frame_is_stored_the_same_way():
    frame = decoded(photo(1920, 1080))
    prepared = prepare_frame(frame)
    assert (prepared.width, prepared.height) == (1600, 900)
    assert decoded(prepared.thumbnail).shape[:2] == (135, 240)


def test_the_header_gives_the_size_without_decoding():
    assert dimensions(photo(640, 480)) == (640, 480)
    assert dimensions(photo(641, 479, ".png")) == (641, 479)
    assert dimensions(b"GIF89a....") is None


def _png_header_only(width: int, height: int) -> bytes:
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    chunk = b"IHDR" + ihdr
    crc = zlib.crc32(chunk).to_bytes(4, "big")
    return b"\x89PNG\r\n\x1a\n" + len(ihdr).to_bytes(4, "big") + chunk + crc


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a JPEG or PNG"),
        (b"%PDF-1.7 not a photo", "not a JPEG or PNG"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "not a JPEG or PNG"),  # a JPEG header, no image
        (photo(800, 600)[:2000], "not a JPEG or PNG"),  # cut short
        (_png_header_only(30_000, 30_000), "60 million pixels"),  # a decompression bomb
        (b"\xff\xd8\xff" + b"\x00" * (25 * 1024 * 1024), "larger than 25 MB"),
    ],
)
def test_what_cannot_be_read_is_refused_with_the_reason(data: bytes, reason: str):
    with pytest.raises(BadPhoto) as caught:
        OpenCvPhotos().prepare(data)
    assert reason in str(caught.value)
