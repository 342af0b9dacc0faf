"""RMA imports: a 100,000-line CSV into an empty database, on SQLite and on PostgreSQL.

Times the station's path (read the file, check every value, decide each RMA, write in
chunks: ``import_file``), the same file imported again (every RMA found unchanged), and,
as the baseline measured in the same run on the same kind of fresh database, a plain
DB-API ``executemany`` of the very rows the import writes (RMAs, lines, audit events),
with no reading, checking or deciding. Each figure is the median of ``--rounds`` rounds,
each on a fresh database. ``--row-by-row N`` also times the former path (one transaction
and a dozen statements per RMA) on the first N lines, once, for comparison.
Prints the medians and ratios, then one JSON line.
Usage: python bench/imports.py [--lines 100000] [--rounds 3] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine  # noqa: E402

from data.engine import make_engine  # noqa: E402
from data.migrate import upgrade  # noqa: E402
from data.uow import SqlUnitOfWorkFactory  # noqa: E402
from receiving_station.intake.read import read_file  # noqa: E402
from receiving_station.services import importing  # noqa: E402
from receiving_station.services.context import Actor  # noqa: E402
from receiving_station.services.stations import register_station  # noqa: E402
from receiving_station.services.system import system_actor  # noqa: E402

HEADER = (
    "rma_number,order_ref,channel,customer_name,customer_email,customer_language,created_on,"
    "expires_on,status,tracking_numbers,line_no,sku,gtin,description,category,quantity,"
    "unit_value,reason_code,reason_note,serials"
)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def write_csv(path: Path, lines: int) -> None:
    """``lines`` lines: RMAs of one, two or three lines, with a tracking number each."""
    rows, n, rma = [HEADER], 0, 0
    while n < lines:
        rma += 1
        for line_no in range(1, 2 + rma % 3):
            if n == lines:
                break
            n += 1
            rows.append(
                f"RMA-{rma:07d},{3_000_000 + rma},web,Ann Martin,ann{rma}@example.com,en,"
                f"2026-11-20,,open,1Z{rma:016d},{line_no},SKU-{line_no},,Thing {line_no},"
                f"apparel,{line_no},19.90,UNWANTED,too small,"
            )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def plain_executemany(engine: Engine, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """The same rows, straight through the driver: the floor any import stands on."""
    dbapi = engine.raw_connection()
    try:
        cur = dbapi.cursor()
        p = "?" if engine.dialect.name == "sqlite" else "%s"
        if engine.dialect.name == "sqlite":
            cur.execute("BEGIN IMMEDIATE")  # the engine leaves transactions to its user
        cur.executemany(
            "INSERT INTO rmas (id, number, order_ref, channel, customer_name, customer_email, "
            "customer_language, created_on, expires_on, status, version) "
            f"VALUES ({', '.join([p] * 11)})",
            rows["rmas"],
        )
        cur.executemany(
            "INSERT INTO rma_lines (rma_id, line_no, sku, gtin, description, category, "
            f"quantity, unit_value, reason_code, reason_note, expected_serials) "
            f"VALUES ({', '.join([p] * 11)})",
            rows["lines"],
        )
        cur.executemany(
            f"INSERT INTO rma_tracking (tracking_number, rma_id, carrier) VALUES ({p}, {p}, '')",
            rows["tracking"],
        )
        cur.executemany(
            "INSERT INTO audit_events (at, action, entity, entity_id, after) "
            f"VALUES ({p}, 'rma.import.created', 'rma', {p}, {p})",
            rows["audit"],
        )
        dbapi.commit()
    finally:
        dbapi.close()


def rows_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    parsed = read_file(path)
    out: dict[str, list[tuple[Any, ...]]] = {"rmas": [], "lines": [], "tracking": [], "audit": []}
    for i, x in enumerate(parsed.rmas, 1):
        rma = importing.to_rma(x, 30)
        r = rma
        out["rmas"].append(
            (
                *(i, r.number, r.order_ref, r.channel, r.customer_name, r.customer_email),
                *("en", r.created_on, r.expires_on, r.status.value, 1),
            )
        )
        out["lines"] += [
            (
                *(i, ln.line_no, ln.sku, ln.gtin, ln.description, ln.category, ln.quantity),
                *(str(ln.unit_value), ln.reason_code, ln.reason_note, "[]"),
            )
            for ln in r.lines
        ]
        out["tracking"] += [(t, i) for t in rma.tracking_numbers]
        out["audit"].append((NOW, rma.number, json.dumps({"channel": "csv", "lines": 1})))
    return out


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _importer(uow: SqlUnitOfWorkFactory, path: Path) -> Callable[[], Any]:
    actor = _actor(uow)
    return lambda: importing.import_file(uow, path, NOW, actor=actor)


def _actor(uow: SqlUnitOfWorkFactory) -> Actor:
    """The command line's identity, as ``receiving-station import`` runs it."""
    station = register_station(uow, "BENCH-1", "bench")
    assert station.id is not None
    return system_actor(uow, station.id, "command line: import", NOW)


def measure(
    name: str, fresh: Callable[[], Any], path: Path, rounds: int, row_by_row: int
) -> dict[str, Any]:
    ours, again, base = [], [], []
    rows = rows_of(path)
    for _ in range(rounds):
        with fresh() as engine:
            run = _importer(SqlUnitOfWorkFactory(engine), path)
            took, report = timed(run)
            assert report.ok, report.problems[:3]
            assert report.created
            ours.append(took)
            took, report = timed(run)
            assert report.ok
            assert (report.created, report.updated) == ([], [])
            again.append(took)
        with fresh() as engine:
            base.append(timed(lambda: plain_executemany(engine, rows))[0])
    result: dict[str, Any] = {
        "import_median_s": statistics.median(ours),
        "reimport_unchanged_median_s": statistics.median(again),
        "executemany_median_s": statistics.median(base),
        "rounds": rounds,
    }
    result["ratio_to_executemany"] = result["import_median_s"] / result["executemany_median_s"]
    line = (
        f"{name:>10}: import {result['import_median_s']:.1f} s, again (unchanged) "
        f"{result['reimport_unchanged_median_s']:.1f} s | plain executemany "
        f"{result['executemany_median_s']:.1f} s | ratio {result['ratio_to_executemany']:.1f}x"
    )
    if row_by_row:
        small = path.with_name("first.csv")
        small.write_text(
            "\n".join(path.read_text(encoding="utf-8").splitlines()[: row_by_row + 1]) + "\n"
        )
        parsed = read_file(small)
        with fresh() as engine:
            uow = SqlUnitOfWorkFactory(engine)
            actor = _actor(uow)
            took, _ = timed(
                lambda: [importing._import_one(uow, x, 30, NOW, actor) for x in parsed.rmas]
            )
        with fresh() as engine:
            run = _importer(SqlUnitOfWorkFactory(engine), small)
            chunked, _ = timed(run)
        result["row_by_row"] = {"lines": row_by_row, "s": took, "chunked_s": chunked}
        line += f" | row by row {row_by_row:,} lines {took:.1f} s vs {chunked:.1f} s chunked"
    print(line, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--row-by-row", type=int, default=10_000, metavar="N")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    figures: dict[str, Any] = {"bench": "imports", "lines": args.lines}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "returns.csv"
        write_csv(path, args.lines)
        if "sqlite" in args.backends:
            counter = iter(range(10**6))

            @contextmanager
            def sqlite_db() -> Iterator[Engine]:
                engine = make_engine(f"sqlite:///{tmp}/bench-{next(counter)}.sqlite3")
                upgrade(engine)
                try:
                    yield engine
                finally:
                    engine.dispose()

            figures["sqlite"] = measure("SQLite", sqlite_db, path, args.rounds, args.row_by_row)
        if "postgresql" in args.backends:
            from tests import postgres

            with postgres.postgres_server() as server:
                counter = iter(range(10**6))

                @contextmanager
                def pg_db() -> Iterator[Engine]:
                    name = f"rs_bench_import_{next(counter)}"
                    postgres.admin(
                        server, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"
                    )
                    engine = make_engine(postgres.sqlalchemy_url(server, name))
                    upgrade(engine)
                    try:
                        yield engine
                    finally:
                        engine.dispose()
                        postgres.admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

                figures["postgresql"] = measure(
                    "PostgreSQL", pg_db, path, args.rounds, args.row_by_row
                )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
