"""Barcode images for tests and benchmarks, made by zxing-cpp's writer (real symbols the
real decoders must read back)."""

from __future__ import annotations

import cv2
import numpy as np
import zxingcpp

F = zxingcpp.BarcodeFormat


def symbol(content: str, fmt: zxingcpp.BarcodeFormat, *, scale: int = 3, gs1: bool = False):
    kwargs = {"gs1": True} if gs1 else {}
    code = zxingcpp.create_barcode(content, fmt, **kwargs)
    return np.array(code.to_image(scale=scale, add_quiet_zones=True))


def frame_with(sym: np.ndarray, width: int = 1280, height: int = 720) -> np.ndarray:
    """A grey BGR frame of the given size with the symbol in the middle."""
    frame = np.full((height, width, 3), 200, dtype=np.uint8)
    h, w = sym.shape[:2]
    if w > width * 0.9 or h > height * 0.9:
        k = min(width * 0.9 / w, height * 0.9 / h)
        sym = cv2.resize(sym, (int(w * k), int(h * k)), interpolation=cv2.INTER_NEAREST)
        h, w = sym.shape[:2]
    y, x = (height - h) // 2, (width - w) // 2
    frame[y : y + h, x : x + w] = cv2.cvtColor(sym, cv2.COLOR_GRAY2BGR)
    return frame
