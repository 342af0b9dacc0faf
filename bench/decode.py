"""Camera decoding: zxing-cpp alone, ZBar (pyzbar) alone and the station's decoder, same frames.

Generates a seeded set of synthetic frames at 640x480 and 1280x720: Code 128, EAN-13,
GS1-128, QR and GS1 DataMatrix symbols, each clean and under one distortion (rotation,
perspective, blur, noise, low contrast, small code). A frame counts as read when the
decoder returns the symbol's exact content. Prints the success rate and the median ms per
frame of each decoder, per resolution and per distortion, the station's figures as ratios
to the best single library, then one JSON line.
Target: the station reads at least as many frames as the best library, in at most 1.2
times the fastest library's median time.
Usage: python bench/decode.py [--per-cell N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scanners.decode import DECODERS, Decoded  # noqa: E402

F = zxingcpp.BarcodeFormat
GS1 = "(01)09521234543213(10)B{n:04d}(17)271231(21)S{n:06d}"
SYMBOLOGIES: dict[str, Callable[[int], tuple[str, zxingcpp.BarcodeFormat, bool, str]]] = {
    # name -> (content to encode, format, gs1, what a correct read's data must be)
    "code128": lambda n: (f"RMA-{n:06d}", F.Code128, False, f"RMA-{n:06d}"),
    "ean13": lambda n: (_ean(n), F.EAN13, False, _ean(n)),
    "gs1-128": lambda n: (GS1.format(n=n), F.Code128, True, _gs1_raw(n)),
    "qr": lambda n: (f"RMA-{n:06d}", F.QRCode, False, f"RMA-{n:06d}"),
    "gs1-datamatrix": lambda n: (GS1.format(n=n), F.DataMatrix, True, _gs1_raw(n)),
}
DISTORTIONS = ["clean", "rotation", "perspective", "blur", "noise", "low-contrast", "small"]
SIZES = [(640, 480), (1280, 720)]


def _ean(n: int) -> str:
    body = f"400638{n:06d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _gs1_raw(n: int) -> str:
    return f"0109521234543213{'10'}B{n:04d}\x1d17271231{'21'}S{n:06d}"


def _symbol(content: str, fmt: zxingcpp.BarcodeFormat, gs1: bool) -> np.ndarray:
    code = zxingcpp.create_barcode(content, fmt, **({"gs1": True} if gs1 else {}))
    return np.array(code.to_image(scale=1, add_quiet_zones=True))


LINEAR = {F.Code128, F.EAN13}


def make_frame(
    rng: np.random.Generator, sym: np.ndarray, size: tuple[int, int], how: str, linear: bool
):
    width, height = size
    if linear:
        sym = np.repeat(sym[:1], max(1, sym.shape[1] // 5), axis=0)  # bars as tall as a label
    # Pixels per module: a label held at working distance, or far away ("small").
    module_px = (1.5 if how == "small" else 3.0) if linear else (2.5 if how == "small" else 6.0)
    k = min(module_px, 0.9 * width / sym.shape[1], 0.8 * height / sym.shape[0])
    sym = cv2.resize(sym, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    sym = sym[: int(height * 0.8)]
    bench_grey = float(rng.integers(150, 210))  # the bench or the parcel behind the label
    frame = (bench_grey + rng.normal(0, 4, (height, width))).clip(0, 255).astype(np.uint8)
    h, w = sym.shape
    y = int(rng.integers(0, height - h + 1))
    x = int(rng.integers(0, width - w + 1))
    frame[y : y + h, x : x + w] = sym
    if how == "rotation":
        m = cv2.getRotationMatrix2D((x + w / 2, y + h / 2), float(rng.uniform(-35, 35)), 1.0)
        frame = cv2.warpAffine(frame, m, (width, height), borderValue=180)
    elif how == "perspective":
        src = np.float32([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])
        jitter = rng.uniform(-0.12, 0.12, (4, 2)) * np.float32([w, h])
        m = cv2.getPerspectiveTransform(src, (src + jitter).astype(np.float32))
        frame = cv2.warpPerspective(frame, m, (width, height), borderValue=180)
    elif how == "blur":
        frame = cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(1.0, 2.0)))
    elif how == "noise":
        noise = rng.normal(0, 28, frame.shape)
        frame = (frame.astype(np.float64) + noise).clip(0, 255).astype(np.uint8)
    elif how == "low-contrast":
        frame = (90 + frame.astype(np.float64) * (70 / 255)).astype(np.uint8)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def correct(found: list[Decoded], expected: str) -> bool:
    return any(d.data == expected or d.data.lstrip("\x1d") == expected for d in found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-cell", type=int, default=4, help="frames per symbology/distortion")
    parser.add_argument("--repeat", type=int, default=3, help="timings per frame (median kept)")
    args = parser.parse_args()
    rng = np.random.default_rng(20261126)
    frames = []
    n = 0
    for size in SIZES:
        for how in DISTORTIONS:
            for name, spec in SYMBOLOGIES.items():
                for _ in range(args.per_cell):
                    n += 1
                    content, fmt, gs1, expected = spec(n)
                    sym = _symbol(content, fmt, gs1)
                    frame = make_frame(rng, sym, size, how, fmt in LINEAR)
                    frames.append((size, how, name, frame, expected))
    print(f"{len(frames)} synthetic frames", flush=True)

    results: dict[str, list[tuple[tuple[int, int], str, str, bool, float]]] = {}
    for decoder_name, decode in DECODERS.items():
        decode(frames[0][3])  # warm up
        rows = []
        for size, how, name, frame, expected in frames:
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                found = decode(frame)
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((size, how, name, correct(found, expected), statistics.median(times)))
        results[decoder_name] = rows

    figures: dict[str, object] = {"bench": "decode", "frames": len(frames)}
    header = f"{'':22}" + "".join(f"{d:>22}" for d in DECODERS)
    for size in SIZES:
        label = f"{size[0]}x{size[1]}"
        print(f"\n{label}: read % / median ms per frame\n{header}")
        for group in [*DISTORTIONS, *SYMBOLOGIES, "all"]:
            cells = []
            for d, rows in results.items():
                sel = [r for r in rows if r[0] == size and group in ("all", r[1], r[2])]
                rate = 100 * sum(r[3] for r in sel) / len(sel)
                med = statistics.median(r[4] for r in sel)
                cells.append(f"{rate:7.1f}% {med:8.2f} ms  ")
                if group == "all":
                    figures[f"{d}_{label}_read_pct"] = round(rate, 1)
                    figures[f"{d}_{label}_median_ms"] = round(med, 2)
            print(f"{group:22}" + "".join(f"{c:>22}" for c in cells))

    print()
    verdicts = []
    for size in SIZES:
        label = f"{size[0]}x{size[1]}"
        rates = {d: figures[f"{d}_{label}_read_pct"] for d in ("zxing-cpp", "zbar")}
        meds = {d: figures[f"{d}_{label}_median_ms"] for d in ("zxing-cpp", "zbar")}
        st_rate = figures[f"station_{label}_read_pct"]
        st_med = figures[f"station_{label}_median_ms"]
        best_rate = max(rates.values())  # type: ignore[type-var]
        fastest = min(meds.values())  # type: ignore[type-var]
        ratio = float(st_med) / float(fastest)  # type: ignore[arg-type]
        figures[f"station_{label}_time_ratio_to_fastest"] = round(ratio, 2)
        ok = float(st_rate) >= float(best_rate) and ratio <= 1.2  # type: ignore[arg-type]
        verdicts.append(ok)
        print(
            f"{label}: station reads {st_rate}% (best library {best_rate}%), median "
            f"{st_med} ms = {ratio:.2f}x the fastest library ({fastest} ms): "
            + ("target met" if ok else "TARGET MISSED")
        )
    figures["target_met"] = all(verdicts)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
