"""Draw the workflows' reference images: simple line drawings without words, so they read
the same in every language. python scripts/make_reference_images.py resources/workflows/images
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

INK = (40, 40, 40)
MARK = (30, 30, 200)
FONT = cv2.FONT_HERSHEY_SIMPLEX


def canvas() -> np.ndarray:
    return np.full((300, 400, 3), 250, np.uint8)


def tags() -> np.ndarray:
    img = canvas()
    shirt = np.array(
        [
            [120, 60],
            [170, 40],
            [230, 40],
            [280, 60],
            [330, 110],
            [300, 140],
            [270, 115],
            [270, 260],
            [130, 260],
            [130, 115],
            [100, 140],
            [70, 110],
        ]
    )
    cv2.polylines(img, [shirt], True, INK, 3)
    cv2.line(img, (260, 70), (300, 40), MARK, 2)  # the plastic loop
    cv2.rectangle(img, (295, 20), (345, 80), MARK, 3)
    cv2.putText(img, "TAG", (300, 57), FONT, 0.6, MARK, 2)
    return img


def serial() -> np.ndarray:
    img = canvas()
    cv2.rectangle(img, (60, 40), (340, 250), INK, 3)  # the back of a device
    cv2.rectangle(img, (110, 170), (290, 230), MARK, 3)
    for x in range(120, 280, 6):
        cv2.line(img, (x, 180), (x, 205), INK, 1 + (x // 6) % 2)
    cv2.putText(img, "S/N 0123456789", (120, 224), FONT, 0.5, INK, 1)
    return img


def damage() -> np.ndarray:
    img = canvas()
    cv2.rectangle(img, (20, 60), (180, 220), INK, 2)  # whole unit
    cv2.putText(img, "1", (90, 260), FONT, 0.9, INK, 2)
    cv2.circle(img, (120, 120), 18, MARK, 2)
    cv2.rectangle(img, (220, 60), (380, 220), INK, 2)  # close-up with a coin
    cv2.line(img, (250, 100), (330, 180), MARK, 3)
    cv2.circle(img, (345, 90), 18, INK, 2)
    cv2.putText(img, "2", (290, 260), FONT, 0.9, INK, 2)
    return img


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in {"tags": tags, "serial": serial, "damage": damage}.items():
        cv2.imwrite(str(out / f"{name}.png"), draw())


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/workflows/images"))
