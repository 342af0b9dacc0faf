"""Inspection round trips: the station's "answer one step" against the bare UPDATE it needs.

An inspector answers a step every few seconds and every answer is saved before the next
screen shows, so the save must feel instant. Times, on SQLite and on PostgreSQL, the
station's full path (permission check, the workflow version from the database, the engine,
the version-checked save, the audit event, the view for the next screen) against the
baseline: one version-checked UPDATE of the progress JSON, committed. Also starting a unit
(scan to first step) and completing it. Prints medians and ratios, then one JSON line.
Usage: python bench/inspection.py [--units N] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402

from data.engine import make_engine  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from receiving_station.domain.model import RmaLine  # noqa: E402
from tests.world import World  # noqa: E402

GTIN = "4006381333931"
ANSWERS = ["yes", "no", "no", "no", "no", "B"]  # the apparel questions, then the grade


def _photo() -> bytes:
    """A 1280 x 720 camera-like JPEG (texture and edges, about 200 kB)."""
    import cv2
    import numpy as np

    rng = np.random.default_rng(5)
    image = cv2.GaussianBlur(rng.integers(0, 255, (720, 1280, 3), dtype=np.uint8), (7, 7), 0)
    cv2.rectangle(image, (200, 150), (900, 600), (40, 80, 200), 8)
    return bytes(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 88])[1].tobytes())


JPEG = _photo()


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - t0) * 1000


def measure(label: str, engine: Engine, units: int) -> dict[str, float]:
    upgrade(engine)
    world = World(engine)
    line = RmaLine(
        1, "AP-1", "Jeans", units, gtin=GTIN, category="apparel", unit_value=Decimal("50")
    )
    world.add_rma("RMA-900001", lines=(line,))
    receipt = world.receive("RMA-900001")
    services, bruno = world.dock1, world.actor("bruno")
    start, answer, photo, complete, raw = [], [], [], [], []
    for _ in range(units):
        view, ms = timed(lambda: services.scan_unit(bruno, receipt, GTIN))
        start.append(ms)
        for value in ANSWERS:
            i = view.inspection
            view, ms = timed(
                lambda i=i, value=value: services.inspection_step(
                    bruno, i.id, i.version, "answer", value
                )
            )
            answer.append(ms)
        i = view.inspection
        view, ms = timed(lambda i=i: services.add_photo(bruno, i.id, i.version, JPEG))
        photo.append(ms)
        while view.step is not None:
            i = view.inspection
            view = services.inspection_step(bruno, i.id, i.version, "skip")
        i = view.inspection
        _, ms = timed(lambda i=i: services.complete_inspection(bruno, i.id, i.version))
        complete.append(ms)
        # the baseline: the one statement an answer needs, committed
        progress = json.dumps(view.inspection.progress)
        with engine.connect() as conn:
            version = conn.execute(
                text("SELECT version FROM inspections WHERE id = :id"), {"id": i.id}
            ).scalar_one()
        for _ in ANSWERS:

            def bare(version: int = version, progress: str = progress, row: int = i.id) -> None:
                with engine.begin() as conn:
                    conn.execute(
                        text(
                            "UPDATE inspections SET progress = :p, version = :v + 1 "
                            "WHERE id = :id AND version = :v"
                        ),
                        {"p": progress, "v": version, "id": row},
                    )

            _, ms = timed(bare)
            raw.append(ms)
            version += 1
    med = {
        k: statistics.median(v)
        for k, v in {
            "start_ms": start,
            "answer_ms": answer,
            "photo_ms": photo,
            "complete_ms": complete,
            "baseline_update_ms": raw,
        }.items()
    }
    med["answer_ratio"] = med["answer_ms"] / med["baseline_update_ms"]
    print(
        f"{label}: answer a step {med['answer_ms']:.2f} ms median "
        f"(bare UPDATE {med['baseline_update_ms']:.2f} ms, {med['answer_ratio']:.1f}x); "
        f"scan to first step {med['start_ms']:.2f} ms; add a 720p photo {med['photo_ms']:.2f} ms; "
        f"complete {med['complete_ms']:.2f} ms",
        flush=True,
    )
    return {k: round(v, 3) for k, v in med.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    figures: dict[str, Any] = {"bench": "inspection", "units": args.units}
    if "sqlite" in args.backends:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/bench.sqlite3")
            figures["sqlite"] = measure("SQLite", engine, args.units)
            engine.dispose()
    if "postgresql" in args.backends:
        import psycopg

        from tests import postgres

        with postgres.postgres_server() as server:
            name = "rs_bench_inspection"
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name}")  # type: ignore[arg-type]
                admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            engine = make_engine(postgres.sqlalchemy_url(server, name))
            figures["postgresql"] = measure("PostgreSQL", engine, args.units)
            engine.dispose()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
