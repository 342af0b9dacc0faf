"""The floor lead's reads: the exception queue and search, against the bare SQL, same run.

With N demo RMAs (default 100,000) and E open exceptions (default 300) on SQLite and on
PostgreSQL, times:
- the queue as a lead sees it (cases, names, ages, units, thumbnails) against the one
  SELECT of the open cases it starts from;
- a search by RMA number (classifier, every exact match tried, the hits) against the
  indexed SELECT of that RMA;
- a search by part of a customer's name against the bare LIKE over the RMAs, newest
  first (a part of a name is searched only when no number matched: every exact match is
  tried first).
Prints medians and ratios, then one JSON line.
Usage: python bench/leads.py [--rmas N] [--exceptions E]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402

from data.demo import seed_rmas  # noqa: E402
from data.engine import make_engine  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from tests.world import World  # noqa: E402


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def bare(engine: Engine, sql: str, **params: Any) -> Callable[[], Any]:
    def run() -> Any:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).all()

    return run


def measure(label: str, engine: Engine, rma_count: int, cases: int) -> dict[str, float]:
    upgrade(engine)
    world = World(engine)
    seed_rmas(engine, rma_count, date.today())
    alice, chloe = world.actor("alice"), world.actor("chloe")
    for n in range(cases):
        world.dock1.register_unidentified(alice, f"NO-LABEL-{n:05d}", note="no paperwork")
    services = world.dock1
    rng = random.Random(3)
    with engine.connect() as conn:
        numbers = [r[0] for r in conn.execute(text("SELECT number FROM rmas")).all()]
        names = [r[0] for r in conn.execute(text("SELECT customer_name FROM rmas LIMIT 5000"))]
    picks = rng.sample(numbers, 300)
    surnames = [rng.choice(names).split()[-1].lower() for _ in range(30)]

    queue = [timed(lambda: services.exception_queue(chloe)) for _ in range(30)]
    queue_raw = [
        timed(
            bare(
                engine,
                "SELECT * FROM exceptions WHERE state <> 'resolved' ORDER BY opened_at, id",
            )
        )
        for _ in range(30)
    ]
    found, found_raw = [], []
    for number in picks:
        found.append(timed(lambda n=number: services.search(chloe, n)))
        found_raw.append(timed(bare(engine, "SELECT * FROM rmas WHERE number = :n", n=number)))
    customer, customer_raw = [], []
    for part in surnames:
        customer.append(timed(lambda p=part: services.search(chloe, p)))
        customer_raw.append(
            timed(
                bare(
                    engine,
                    "SELECT * FROM rmas WHERE lower(customer_name) LIKE :p "
                    "OR lower(customer_email) LIKE :p ORDER BY created_on DESC, id DESC LIMIT 200",
                    p=f"%{part}%",
                )
            )
        )
    med = {
        "queue_ms": statistics.median(queue),
        "queue_raw_ms": statistics.median(queue_raw),
        "search_rma_ms": statistics.median(found),
        "search_rma_raw_ms": statistics.median(found_raw),
        "search_customer_ms": statistics.median(customer),
        "search_customer_raw_ms": statistics.median(customer_raw),
    }
    med["queue_ratio"] = med["queue_ms"] / med["queue_raw_ms"]
    med["search_rma_ratio"] = med["search_rma_ms"] / med["search_rma_raw_ms"]
    med["search_customer_ratio"] = med["search_customer_ms"] / med["search_customer_raw_ms"]
    print(
        f"{label}: queue of {cases} open exceptions {med['queue_ms']:.1f} ms median "
        f"(bare SELECT {med['queue_raw_ms']:.2f} ms, {med['queue_ratio']:.1f}x); "
        f"search by RMA number {med['search_rma_ms']:.2f} ms "
        f"(indexed SELECT {med['search_rma_raw_ms']:.2f} ms, {med['search_rma_ratio']:.1f}x); "
        f"by customer {med['search_customer_ms']:.1f} ms "
        f"(bare LIKE {med['search_customer_raw_ms']:.1f} ms, "
        f"{med['search_customer_ratio']:.1f}x) over {rma_count:,} RMAs",
        flush=True,
    )
    return {k: round(v, 3) for k, v in med.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rmas", type=int, default=100_000)
    parser.add_argument("--exceptions", type=int, default=300)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    figures: dict[str, Any] = {"bench": "leads", "rmas": args.rmas, "exceptions": args.exceptions}
    if "sqlite" in args.backends:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/bench.sqlite3")
            figures["sqlite"] = measure("SQLite", engine, args.rmas, args.exceptions)
            engine.dispose()
    if "postgresql" in args.backends:
        import psycopg

        from tests import postgres

        with postgres.postgres_server() as server:
            name = "rs_bench_leads"
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name}")  # type: ignore[arg-type]
                admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            engine = make_engine(postgres.sqlalchemy_url(server, name))
            figures["postgresql"] = measure("PostgreSQL", engine, args.rmas, args.exceptions)
            engine.dispose()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
