"""A dock's fleet on one PostgreSQL: N station processes running a shift's mix at once.

Each station is its own process with its own connections, as at a real dock. It scans a
parcel's label, receives it, opens it at the bench, takes each unit out (one in seven is a
wrong item, which opens an exception), answers every step, adds a photo, completes the unit
(disposition label queued, messages written to the outbox), prints its labels and
dispatches the outbox, which every station shares. One station in five is also a lead's
desk: after each parcel it reads the exception queue and approves the oldest case, racing
the other leads for it. One scan in twenty is another station's parcel (refused: held or
already received). Between two actions a station waits 50 to 150 ms: a dock's pace,
about ten times faster than people work.

Every operation is timed; the baseline, measured in the same run by the same processes
under the same load, is the bare round trip of one empty transaction (``SELECT 1``).
After the run the database is checked against what each station was told: lost records
(an acknowledged receipt, unit or decision that is not there) and doubled ones (more units
on a line than expected, two label jobs for one unit, two decisions for one case, a message
delivered twice).

Prints a table per N (p50/p99 per operation, errors, lost, doubled), then one JSON line.
Usage: python bench/stations.py [--stations 5,20,50] [--seconds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GTINS = ("4006381333931", "5901234123457")
WRONG_GTIN = "0036000291452"
PARCELS_PER_STATION = 80
GOOD_ANSWERS_YES = {"tags_attached", "powers_on", "parts_complete", "data_wiped", "same_product"}
OPS = (
    "scan",
    "receive",
    "open",
    "unit",
    "answer",
    "photo",
    "complete",
    "print",
    "dispatch",
    "queue",
    "decide",
    "bare",
)


# -- the parent: a cluster, a database per N, the stations, the checks --------------------


def _prepare(url: str, stations: int) -> None:
    from sqlalchemy import text

    from data.demo import seed_people
    from data.engine import make_engine
    from data.migrate import upgrade
    from data.uow import SqlUnitOfWorkFactory
    from receiving_station.domain.model import Rma, RmaLine, RmaStatus
    from tests.world import fast_hash

    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        seed_people(conn, hash_fn=fast_hash)
        for k in range(stations):
            conn.execute(
                text("INSERT INTO stations (name, location) VALUES (:n, 'bench')"),
                {"n": f"BENCH-{k:02d}"},
            )
    uows = SqlUnitOfWorkFactory(engine)
    created = date.today() - timedelta(days=3)
    with uows() as uow:
        for k in range(stations):
            for n in range(PARCELS_PER_STATION):
                quantity = 1 + (n % 2)
                uow.rmas.add(
                    Rma(
                        id=None,
                        number=f"RMA-{k:02d}{n:04d}",
                        order_ref=f"80{k:02d}{n:04d}",
                        channel="web",
                        customer_name="Camille Bernard",
                        customer_email=f"c{k}.{n}@example.com",
                        created_on=created,
                        expires_on=created + timedelta(days=30),
                        status=RmaStatus.OPEN,
                        tracking_numbers=[],
                        lines=[
                            RmaLine(
                                1,
                                f"AP-{n % 7}",
                                "Slim jeans, Navy, M",
                                quantity,
                                gtin=GTINS[n % 2],
                                category="apparel",
                                unit_value=Decimal("59.00"),
                                reason_code="SIZE_TOO_SMALL",
                            )
                        ],
                    )
                )
        uow.commit()
    engine.dispose()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _check(url: str, work: Path) -> dict[str, Any]:
    """Lost and doubled records: the database against what the stations were told."""
    from sqlalchemy import text

    from data.engine import make_engine

    acks: list[dict[str, Any]] = []
    deliveries: Counter[str] = Counter()
    for path in work.glob("acks-*.jsonl"):
        acks += [json.loads(line) for line in path.read_text().splitlines() if line]
    for path in work.glob("sent-*.log"):
        deliveries.update(line for line in path.read_text().splitlines() if line)
    engine = make_engine(url)
    lost: list[str] = []
    doubled: list[str] = []
    with engine.connect() as conn:
        receipts = {
            int(r): int(rc)
            for r, rc in conn.execute(text("SELECT rma_id, receipt_id FROM receipt_rmas"))
        }
        units = {
            int(i): (s, d)
            for i, s, d in conn.execute(text("SELECT id, status, disposition FROM inspections"))
        }
        cases = {int(i): s for i, s in conn.execute(text("SELECT id, state FROM exceptions")).all()}
        for a in acks:
            if a["ack"] == "receipt" and receipts.get(a["rma_id"]) != a["receipt"]:
                lost.append(f"receipt of RMA id {a['rma_id']}")
            if a["ack"] == "unit" and (a["id"] not in units or not units[a["id"]][1]):
                lost.append(f"decided unit {a['id']}")
            if a["ack"] == "decision" and cases.get(a["case"]) != "resolved":
                lost.append(f"decision on case {a['case']}")
        for rma_id, line_no, found, expected in conn.execute(
            text(
                "SELECT i.rma_id, i.line_no, COUNT(*), MAX(l.quantity) FROM inspections i "
                "JOIN rma_lines l ON l.rma_id = i.rma_id AND l.line_no = i.line_no "
                "WHERE i.condition IN ('standard', 'damaged') "
                "GROUP BY i.rma_id, i.line_no HAVING COUNT(*) > MAX(l.quantity)"
            )
        ):
            doubled.append(f"line {rma_id}/{line_no}: {found} units of {expected}")
        for inspection_id, jobs in conn.execute(
            text(
                "SELECT inspection_id, COUNT(*) FROM print_jobs WHERE reprint_of IS NULL "
                "AND inspection_id IS NOT NULL GROUP BY inspection_id HAVING COUNT(*) > 1"
            )
        ):
            doubled.append(f"unit {inspection_id}: {jobs} label jobs")
        for entity, decided in conn.execute(
            text(
                "SELECT entity_id, COUNT(*) FROM audit_events WHERE entity = 'exception' "
                "AND action IN ('exception.approve', 'exception.override') "
                "GROUP BY entity_id HAVING COUNT(*) > 1"
            )
        ):
            doubled.append(f"case {entity}: decided {decided} times")
        figures = {
            "receipts": len(receipts),
            "units": len(units),
            "cases": len(cases),
            "messages": int(conn.execute(text("SELECT COUNT(*) FROM outbox")).scalar_one()),
            "label_jobs": int(conn.execute(text("SELECT COUNT(*) FROM print_jobs")).scalar_one()),
        }
    engine.dispose()
    doubled += [f"message {key} delivered {n} times" for key, n in deliveries.items() if n > 1]
    figures["delivered"] = sum(deliveries.values())
    return {"lost": lost, "doubled": doubled, **figures}


def _cpu_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    fields = [float(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def run_fleet(server: str, stations: int, seconds: float, pace: str) -> dict[str, Any]:
    from tests import postgres

    name = f"rs_bench_stations_{stations}_{pace}"
    postgres.admin(
        server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"
    )
    url = postgres.sqlalchemy_url(server, name)
    _prepare(url, stations)
    with tempfile.TemporaryDirectory(prefix="rs-fleet-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", str(k), url, tmp, str(seconds), pace],
                env=env,
            )
            for k in range(stations)
        ]
        deadline = time.monotonic() + 60 + 3 * stations
        while len(list(work.glob("ready-*"))) < stations:
            if time.monotonic() > deadline or any(p.poll() not in (None, 0) for p in procs):
                for p in procs:
                    p.kill()
                raise RuntimeError("the stations did not all start")
            time.sleep(0.1)
        busy0, total0 = _cpu_busy()
        (work / "go").write_text("")
        for p in procs:
            p.wait()
        busy1, total1 = _cpu_busy()
        samples: dict[str, list[float]] = defaultdict(list)
        cpu: dict[str, list[float]] = defaultdict(list)
        errors: Counter[str] = Counter()
        refused: Counter[str] = Counter()
        parcels = 0
        for path in work.glob("times-*.json"):
            report = json.loads(path.read_text())
            for op, values in report["times"].items():
                samples[op] += values
            for op, values in report["cpu"].items():
                cpu[op] += values
            errors.update(report["errors"])
            refused.update(report["refused"])
            parcels += report["parcels"]
        checked = _check(url, work)
    postgres.admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    bare = statistics.median(samples["bare"]) if samples["bare"] else 0.0
    table: dict[str, Any] = {}
    for op in OPS:
        values = samples.get(op, [])
        if not values:
            continue
        p50 = statistics.median(values)
        table[op] = {
            "n": len(values),
            "p50_ms": round(p50, 2),
            "p99_ms": round(_percentile(values, 0.99), 2),
            "ratio_to_bare": round(p50 / bare, 1) if bare else None,
            "station_cpu_ms": round(statistics.median(cpu[op]), 2) if cpu.get(op) else None,
        }
    return {
        "stations": stations,
        "pace": pace,
        "machine_cpu_busy": round((busy1 - busy0) / max(1.0, total1 - total0), 3),
        "seconds": seconds,
        "parcels": parcels,
        "ops": table,
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(5)),
        "refused": dict(refused),
        "lost": len(checked["lost"]),
        "doubled": len(checked["doubled"]),
        "examples": (checked["lost"] + checked["doubled"])[:5],
        "records": {k: v for k, v in checked.items() if k not in ("lost", "doubled")},
    }


def _print(result: dict[str, Any]) -> None:
    n = result["stations"]
    print(
        f"\n{n} stations at {result['pace']} pace, {result['seconds']:.0f} s: "
        f"{result['parcels']} parcels, "
        f"{result['records']['units']} units, {result['records']['cases']} exceptions, "
        f"{result['records']['delivered']} messages delivered; "
        f"the machine's CPU {result['machine_cpu_busy']:.0%} busy",
        flush=True,
    )
    print(
        f"  {'operation':<10}{'count':>7}{'p50 ms':>10}{'p99 ms':>10}{'x bare':>8}"
        f"{'station CPU ms':>16}"
    )
    for op, row in result["ops"].items():
        print(
            f"  {op:<10}{row['n']:>7}{row['p50_ms']:>10.1f}{row['p99_ms']:>10.1f}"
            f"{row['ratio_to_bare'] or 0:>8.1f}{row['station_cpu_ms'] or 0:>16.1f}"
        )
    print(
        f"  errors {result['errors']} {result['error_kinds'] or ''} · refused as expected "
        f"{result['refused']} · lost {result['lost']} · doubled {result['doubled']} "
        f"{result['examples'] or ''}",
        flush=True,
    )


# -- one station ------------------------------------------------------------------------


class _Recorder:
    """The outbox's transport at a bench station: every delivery, by idempotency key."""

    longest_send_s = 5.0

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def send(self, message: Any) -> None:
        os.write(self._fd, f"{message.idempotency_key}\n".encode())


def _answer(step: Any) -> Any:
    from workflows.definition import StepKind

    if step.kind is StepKind.YES_NO:  # a unit in good order, as most returns are
        return "yes" if step.id in GOOD_ANSWERS_YES else "no"
    if step.kind is StepKind.CHOICE:
        return step.options[0].id
    if step.kind is StepKind.CHECKLIST:
        return tuple(o.id for o in step.options)
    if step.kind is StepKind.GRADE:
        return "B"
    if step.kind is StepKind.NUMBER:
        return step.minimum if step.minimum is not None else 1
    if step.kind is StepKind.SCAN:
        return "SN0001"
    return "checked at the bench"


def _photo() -> bytes:
    import cv2
    import numpy as np

    rng = np.random.default_rng(5)
    image = cv2.GaussianBlur(rng.integers(0, 255, (480, 640, 3), dtype=np.uint8), (7, 7), 0)
    return bytes(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes())


PACES = {"bench": (0.05, 0.15), "dock": (0.5, 1.5)}
"""Seconds between two actions of a station: ``bench``, ten times a dock's pace, to load
the database; ``dock``, still about twice as fast as people work."""


def worker(index: int, url: str, work: str, seconds: float, pace: str) -> None:
    from sqlalchemy import text

    from data.engine import make_engine
    from data.uow import SqlUnitOfWorkFactory
    from printing.renderer import TemplateRenderer
    from printing.transports import FolderPrinter
    from receiving_station.clock import SystemClock
    from receiving_station.errors import StationError
    from receiving_station.services.context import Actor
    from receiving_station.services.labels import Labeling, LabelSettings
    from receiving_station.services.station import StationServices
    from scanners.classifier import ScanClassifier
    from scanners.images import OpenCvPhotos
    from workflows.store import WorkflowStore

    folder = Path(work)
    rng = random.Random(index)
    engine = make_engine(url)
    uows = SqlUnitOfWorkFactory(engine)
    with engine.connect() as conn:
        station_id = int(
            conn.execute(
                text("SELECT id FROM stations WHERE name = :n"), {"n": f"BENCH-{index:02d}"}
            ).scalar_one()
        )
        users = {u: int(i) for u, i in conn.execute(text("SELECT username, id FROM users"))}
        rma_ids = {n: int(i) for n, i in conn.execute(text("SELECT number, id FROM rmas"))}
        fleet = int(
            conn.execute(
                text("SELECT COUNT(*) FROM stations WHERE name LIKE 'BENCH-%'")
            ).scalar_one()
        )
    workflows = WorkflowStore(ROOT / "resources" / "workflows")
    workflows.reload()
    services = StationServices(
        uows,
        ScanClassifier(),
        SystemClock(UTC),
        station_id,
        workflows=workflows,
        labeling=Labeling(
            TemplateRenderer(ROOT / "resources" / "labels"),
            LabelSettings(
                printer="folder:labels", template="disposition-4x6", format="zpl", language="en"
            ),
        ),
        printer=FolderPrinter(folder / f"labels-{index:02d}"),
        transport=_Recorder(folder / f"sent-{index:02d}.log"),
        photo_preparer=OpenCvPhotos(),
    )
    receiver = Actor(users["alice"], station_id)
    inspector = Actor(users["bruno"], station_id)
    lead = Actor(users["chloe"], station_id)
    is_lead_desk = index % 5 == 0
    photo = _photo()
    times: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    acks = open(folder / f"acks-{index:02d}.jsonl", "a")  # noqa: SIM115 (closed at the end)

    def op(name: str, fn: Any, *args: Any, expected: tuple[type, ...] = (), **kwargs: Any) -> Any:
        time.sleep(rng.uniform(*PACES[pace]))
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            result = fn(*args, **kwargs)
        except expected as exc:
            refused[type(exc).__name__] += 1
            return None
        except StationError as exc:
            errors[f"{name}: {type(exc).__name__}"] += 1
            return None
        except Exception as exc:  # every failure is counted, the run goes on
            errors[f"{name}: {type(exc).__name__}: {str(exc)[:80]}"] += 1
            return None
        times[name].append((time.perf_counter() - t0) * 1000)
        cpu[name].append((time.process_time() - c0) * 1000)
        return result

    def bare() -> None:
        with engine.begin() as conn:
            conn.execute(text("SELECT 1"))

    def inspect(receipt: int, code: str) -> None:
        view = op("unit", services.scan_unit, inspector, receipt, code)
        while view is not None and view.step is not None:
            i, step = view.inspection, view.step
            if step.kind.value == "photo":
                view = op("photo", services.add_photo, inspector, i.id, i.version, photo)
            elif not step.required:
                view = op("answer", services.inspection_step, inspector, i.id, i.version, "skip")
            else:
                view = op(
                    "answer",
                    services.inspection_step,
                    inspector,
                    i.id,
                    i.version,
                    "answer",
                    _answer(step),
                )
        if view is None:
            return
        i = view.inspection
        done = op("complete", services.complete_inspection, inspector, i.id, i.version)
        if done is not None:
            acks.write(json.dumps({"ack": "unit", "id": i.id}) + "\n")

    def decide() -> None:
        rows = op("queue", services.exception_queue, lead) or []
        if not rows:
            return
        case = rows[0].case
        from receiving_station.errors import StaleRecord
        from receiving_station.services.leads import AlreadyDecided

        decided = op(
            "decide",
            services.decide_exception,
            lead,
            case.id,
            case.version,
            "approve",
            lead_badge="BDG-1003",  # the demo lead's badge and PIN: some approvals need them
            lead_pin="3333",
            expected=(AlreadyDecided, StaleRecord),
        )
        if decided is not None:
            acks.write(json.dumps({"ack": "decision", "case": case.id}) + "\n")

    (folder / f"ready-{index:02d}").write_text("")
    while not (folder / "go").exists():
        time.sleep(0.01)
    end = time.monotonic() + seconds
    parcels = 0
    from receiving_station.errors import AlreadyReceived, HeldByOther

    for n in range(PARCELS_PER_STATION):
        if time.monotonic() > end:
            break
        op("bare", bare)
        if rng.random() < 0.05:  # another station's parcel: refused, nothing changes
            k = rng.choice([s for s in range(fleet) if s != index] or [index])
            other = f"RMA-{k:02d}{rng.randrange(max(1, n)):04d}"
            op(
                "scan",
                services.handle_scan,
                receiver,
                other,
                expected=(HeldByOther, AlreadyReceived),
            )
        number = f"RMA-{index:02d}{n:04d}"
        outcome = op(
            "scan", services.handle_scan, receiver, number, expected=(HeldByOther, AlreadyReceived)
        )
        if outcome is None:
            continue
        receipt = op(
            "receive", services.receive, receiver, [rma_ids[number]], expected=(HeldByOther,)
        )
        if receipt is None:
            continue
        acks.write(
            json.dumps({"ack": "receipt", "rma_id": rma_ids[number], "receipt": receipt.id}) + "\n"
        )
        parcel = op("open", services.open_parcel, inspector, number)
        if parcel is None:
            continue
        for line in parcel.lines:
            for _ in range(line.expected):
                wrong = rng.random() < 1 / 7
                inspect(receipt.id, WRONG_GTIN if wrong else GTINS[n % 2])
        op("print", services.print_labels)
        op("dispatch", services.send_messages)
        if is_lead_desk:
            decide()
        parcels += 1
        acks.flush()
    acks.close()
    (folder / f"times-{index:02d}.json").write_text(
        json.dumps(
            {
                "times": times,
                "cpu": cpu,
                "errors": errors,
                "refused": refused,
                "parcels": parcels,
            }
        )
    )
    engine.dispose()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", default="5,20,50")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--pace", default="bench,dock", help="bench, dock, or both")
    args = parser.parse_args()
    counts = [int(n) for n in args.stations.split(",")]
    from tests import postgres

    results = []
    with postgres.throwaway_cluster(max_connections=3 * max(counts) + 20) as server:
        for pace in args.pace.split(","):
            for n in counts:
                result = run_fleet(server, n, args.seconds, pace)
                _print(result)
                results.append(result)
    figures = {
        "bench": "stations",
        "cores": os.cpu_count(),
        "runs": [
            {
                "stations": r["stations"],
                "pace": r["pace"],
                "machine_cpu_busy": r["machine_cpu_busy"],
                "parcels": r["parcels"],
                "errors": r["errors"],
                "lost": r["lost"],
                "doubled": r["doubled"],
                **{
                    f"{op}_{k}": v[k]
                    for op, v in r["ops"].items()
                    for k in ("p50_ms", "p99_ms", "ratio_to_bare", "station_cpu_ms")
                },
            }
            for r in results
        ],
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
