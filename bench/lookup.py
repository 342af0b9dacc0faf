"""Scan-to-screen lookup: the station's path against the raw indexed SQL, same run, same rows.

With N demo RMAs (default 1,000,000) on SQLite and on PostgreSQL, times ``lookup(text)`` (the
classifier, a unit of work, the repositories and the display-ready view) for a mix of RMA,
tracking and order numbers, and the bare DB-API queries that fetch the same rows. Prints the
medians, p99s and ratios, then one JSON line.  Usage: python bench/lookup.py [--rmas N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, select, text  # noqa: E402

from data.demo import seed_demo  # noqa: E402
from data.engine import make_engine  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from data.repositories import rmas  # noqa: E402
from data.uow import SqlUnitOfWorkFactory  # noqa: E402
from receiving_station.clock import SystemClock  # noqa: E402
from receiving_station.services.station import StationServices  # noqa: E402
from scanners.classifier import ScanClassifier  # noqa: E402

RAW = {
    "rma": "SELECT * FROM rmas WHERE number = {p}",
    "tracking": "SELECT rmas.* FROM rmas JOIN rma_tracking ON rma_tracking.rma_id = rmas.id "
    "WHERE rma_tracking.tracking_number = {p}",
    "order": "SELECT * FROM rmas WHERE order_ref = {p}",
    "lines": "SELECT * FROM rma_lines WHERE rma_id = {p} ORDER BY line_no",
    "track_of": "SELECT tracking_number FROM rma_tracking WHERE rma_id = {p}",
}


def prepare(engine: Engine, count: int) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(rmas)).scalar_one()
    if have != count:
        if have:
            raise SystemExit(f"the bench database holds {have} RMAs, not {count}; remove it")
        started = time.perf_counter()
        seed_demo(engine, count, date.today())
        print(f"  seeded {count:,} RMAs in {time.perf_counter() - started:.0f} s", flush=True)


def samples(engine: Engine, n: int) -> list[tuple[str, str]]:
    rng = random.Random(11)
    with engine.connect() as conn:
        top = conn.execute(select(func.max(rmas.c.id))).scalar_one()
        out = []
        for rid in rng.sample(range(1, top + 1), n):
            kind = rng.choices(["rma", "tracking", "order"], [50, 30, 20])[0]
            if kind == "tracking":
                value = conn.execute(
                    text("SELECT tracking_number FROM rma_tracking WHERE rma_id = :i"), {"i": rid}
                ).scalar()
                if value is None:
                    kind = "rma"
            if kind == "rma":
                value = conn.execute(
                    text("SELECT number FROM rmas WHERE id = :i"), {"i": rid}
                ).scalar()
            if kind == "order":
                value = conn.execute(
                    text("SELECT order_ref FROM rmas WHERE id = :i"), {"i": rid}
                ).scalar()
            out.append((kind, str(value)))
    return out


def raw_lookup(dbapi: Any, param: str) -> Callable[[str, str], Any]:
    sql = {k: v.format(p=param) for k, v in RAW.items()}

    def run(kind: str, value: str) -> Any:
        cur = dbapi.cursor()
        cur.execute(sql[kind], (value.lstrip("#"),))
        rows = cur.fetchall()
        rma = rows[0]
        cur.execute(sql["lines"], (rma[0],))
        lines = cur.fetchall()
        cur.execute(sql["track_of"], (rma[0],))
        tracks = cur.fetchall()
        dbapi.commit()
        return rma, lines, tracks

    return run


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(name: str, engine: Engine, dbapi: Any, param: str, n: int) -> dict[str, float]:
    services = StationServices(SqlUnitOfWorkFactory(engine), ScanClassifier(), SystemClock(), 0)
    picks = samples(engine, n)
    raw = raw_lookup(dbapi, param)
    for kind, value in picks[:200]:  # warm caches and statement caches on both sides
        services.lookup(value)
        raw(kind, value)
    ours, base = [], []
    for kind, value in picks:
        t0 = time.perf_counter()
        view = services.lookup(value)
        t1 = time.perf_counter()
        raw(kind, value)
        t2 = time.perf_counter()
        assert view.lines, value
        ours.append((t1 - t0) * 1000)
        base.append((t2 - t1) * 1000)
    result = {
        "station_median_ms": statistics.median(ours),
        "station_p99_ms": pct(ours, 0.99),
        "raw_median_ms": statistics.median(base),
        "raw_p99_ms": pct(base, 0.99),
    }
    result["ratio_median"] = result["station_median_ms"] / result["raw_median_ms"]
    result["ratio_p99"] = result["station_p99_ms"] / result["raw_p99_ms"]
    print(
        f"{name:>10}: station median {result['station_median_ms']:.3f} ms, "
        f"p99 {result['station_p99_ms']:.3f} ms | raw SQL median {result['raw_median_ms']:.3f} ms, "
        f"p99 {result['raw_p99_ms']:.3f} ms | ratio median {result['ratio_median']:.2f}x, "
        f"p99 {result['ratio_p99']:.2f}x",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rmas", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=3000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    cache = ROOT / ".bench"
    cache.mkdir(exist_ok=True)
    figures: dict[str, Any] = {"bench": "lookup", "rmas": args.rmas, "samples": args.samples}
    if "sqlite" in args.backends:
        import sqlite3

        path = cache / f"lookup-{args.rmas}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        print(f"SQLite {path}", flush=True)
        prepare(engine, args.rmas)
        dbapi = sqlite3.connect(path)
        figures["sqlite"] = measure("SQLite", engine, dbapi, "?", args.samples)
        dbapi.close()
        engine.dispose()
    if "postgresql" in args.backends:
        import psycopg

        from tests import postgres

        with postgres.postgres_server() as server:
            name = f"rs_bench_{args.rmas}"
            with psycopg.connect(server, autocommit=True) as admin:
                if not admin.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
                ).fetchone():
                    admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            url = postgres.sqlalchemy_url(server, name)
            engine = make_engine(url)
            print(f"PostgreSQL {url}", flush=True)
            prepare(engine, args.rmas)
            dbapi = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
            figures["postgresql"] = measure("PostgreSQL", engine, dbapi, "%s", args.samples)
            dbapi.close()
            engine.dispose()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
