"""Photos: capture-to-stored time, and the camera preview's frame rate while decoding runs.

Capture to stored: the camera (a 1280 x 720 video file played in real time, decoding
running) gives its newest full-resolution frame, the station makes it ready (JPEG, long
side 1600, thumbnail) and stores it as the photo step's answer, audited, in one
transaction: the inspector's press of the space bar to the photo on screen. Baseline, in
the same run: one bare INSERT of the same JPEG bytes, committed. Preview: frames shown per
second over 5 s, at 1280 x 720 and 1920 x 1080, with the decoder running on its own thread.
Prints medians and ratios, then one JSON line.
Usage: python bench/photos.py [--photos N] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402

from data.engine import make_engine  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from receiving_station.domain.model import RmaLine  # noqa: E402
from scanners.camera import CameraScanner, Confirmer  # noqa: E402
from tests.world import World  # noqa: E402

GTIN = "4006381333931"


def scene(width: int, height: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(n)
    frame = cv2.GaussianBlur(rng.integers(40, 220, (height, width, 3), dtype=np.uint8), (7, 7), 0)
    cv2.putText(frame, f"DENT {n}", (80, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 4, (0, 0, 200), 9)
    return frame


def video(path: Path, width: int, height: int, seconds: int = 8) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (width, height))
    for n in range(30 * seconds):
        writer.write(scene(width, height, n % 20))
    writer.release()
    return path


def preview_fps(source: Path) -> tuple[float, float]:
    """(frames shown, frames decoded) per second over 5 s, decoding on its own thread."""
    camera = CameraScanner(
        str(source), lambda _f: None, lambda _s: None, lambda _e: None, confirmer=Confirmer()
    )
    camera.start()
    time.sleep(0.5)
    shown, decoded, start = camera.frames_shown, camera.frames_decoded, time.monotonic()
    time.sleep(5.0)
    elapsed = time.monotonic() - start
    figures = (camera.frames_shown - shown) / elapsed, (camera.frames_decoded - decoded) / elapsed
    camera.stop()
    return figures


def capture_to_stored(label: str, engine: Engine, camera: CameraScanner, n: int) -> dict[str, Any]:
    upgrade(engine)
    world = World(engine)
    services, bruno = world.dock1, world.actor("bruno")
    world.add_rma("RMA-900001", lines=(RmaLine(1, "AP-1", "Jacket", n, gtin=GTIN),))
    receipt = world.receive("RMA-900001")
    stored, raw = [], []
    for _ in range(n):
        view = services.scan_unit(bruno, receipt, GTIN, damaged=True)  # starts on its photos
        i = view.inspection
        assert i.id is not None
        start = time.perf_counter()
        services.add_photo(bruno, i.id, i.version, camera.capture())
        stored.append((time.perf_counter() - start) * 1000)
        data = camera.capture()
        start = time.perf_counter()
        with engine.begin() as conn:  # the baseline: the bytes, inserted as they are
            conn.execute(
                text(
                    "INSERT INTO photos (inspection_id, step_id, taken_at, taken_by, station_id,"
                    " sha256, mime, width, height, content) VALUES (:i, 'x', :t, :u, :s, :h,"
                    " 'image/jpeg', 1280, 720, :c)"
                ),
                {
                    "i": i.id,
                    "t": world.clock.now(),
                    "u": bruno.user_id,
                    "s": bruno.station_id,
                    "h": "0" * 64,
                    "c": data,
                },
            )
        raw.append((time.perf_counter() - start) * 1000)
    med = {
        "capture_to_stored_ms": statistics.median(stored),
        "bare_insert_ms": statistics.median(raw),
    }
    med["ratio"] = med["capture_to_stored_ms"] / med["bare_insert_ms"]
    print(
        f"{label}: capture to stored {med['capture_to_stored_ms']:.2f} ms median "
        f"(bare INSERT of the bytes {med['bare_insert_ms']:.2f} ms, {med['ratio']:.1f}x)",
        flush=True,
    )
    return {k: round(v, 3) for k, v in med.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=30)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    figures: dict[str, Any] = {"bench": "photos", "photos": args.photos}
    with tempfile.TemporaryDirectory() as tmp:
        hd = video(Path(tmp) / "720p.avi", 1280, 720)
        full = video(Path(tmp) / "1080p.avi", 1920, 1080)
        for name, source in (("preview_720p", hd), ("preview_1080p", full)):
            shown, decoded = preview_fps(source)
            figures[name] = {"fps": round(shown, 1), "decoded_per_s": round(decoded, 1)}
            print(f"{name}: {shown:.1f} frames/s shown, {decoded:.1f} decoded/s (target 15)")
        camera = CameraScanner(
            str(video(Path(tmp) / "long.avi", 1280, 720, seconds=60)),
            lambda _f: None,
            lambda _s: None,
            lambda _e: None,
        )
        camera.start()
        time.sleep(0.3)
        try:
            if "sqlite" in args.backends:
                engine = make_engine(f"sqlite:///{tmp}/bench.sqlite3")
                figures["sqlite"] = capture_to_stored("SQLite", engine, camera, args.photos)
                engine.dispose()
            if "postgresql" in args.backends:
                import psycopg

                from tests import postgres

                with postgres.postgres_server() as server:
                    name = "rs_bench_photos"
                    with psycopg.connect(server, autocommit=True) as admin:
                        admin.execute(f"DROP DATABASE IF EXISTS {name}")  # type: ignore[arg-type]
                        admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
                    engine = make_engine(postgres.sqlalchemy_url(server, name))
                    figures["postgresql"] = capture_to_stored(
                        "PostgreSQL", engine, camera, args.photos
                    )
                    engine.dispose()
        finally:
            camera.stop()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
