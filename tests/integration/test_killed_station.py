"""A station killed with SIGKILL at random moments, mid-inspection and mid-print, then
started again until its parcels are done: what the dock was told still holds.

The station is a real process (``tests/integration/killed_station.py``) on the real
database, printing ZPL to a real TCP printer on loopback. Half the kills come at a random
moment, half the instant the printer has a label's bytes (before the station can record
it printed). Then: the database is intact; every answer the inspector saw saved is there;
no unit was decided twice; every decided unit has exactly one label job (printed, pending,
or in doubt for a person to settle); no label reached the printer twice; audit and outbox
agree with the units.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from receiving_station.domain.model import RmaLine
from tests.world import World

ROOT = Path(__file__).resolve().parents[2]
BUDGET_S = 22.0
"""Killing and restarting, per database; then one run to the end."""
PARCELS = 25
KILLS = 12
START = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


class LoopbackPrinter:
    """A raw 9100 printer: every connection's bytes, read to the end."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.server.getsockname()[1])
        self.jobs: list[bytes] = []
        self.job_arrived = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                with self._lock:
                    self.jobs.append(b"".join(chunks))
                self.job_arrived.set()

    def received(self) -> list[bytes]:
        with self._lock:
            return list(self.jobs)

    def close(self) -> None:
        self.server.close()


def _parcels(world: World) -> None:
    for n in range(PARCELS):
        number = f"RMA-70000{n}"
        world.add_rma(
            number,
            lines=(
                RmaLine(
                    1,
                    "AP-001-M",
                    "Slim jeans, Navy, M",
                    1,
                    gtin="4006381333931",
                    category="apparel",
                    unit_value=Decimal("59.00"),
                ),
                RmaLine(
                    2,
                    "AP-002",
                    "Linen shirt, White, L",
                    2,
                    gtin="5901234123457",
                    category="apparel",
                    unit_value=Decimal("45.00"),
                ),
            ),
        )
        world.receive(number)


def _start(db_url: str, acks: Path, port: int, cycle: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.killed_station",
            db_url,
            str(acks),
            str(port),
            (START + timedelta(minutes=cycle)).isoformat(),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line


def test_a_station_killed_at_random_moments_keeps_what_it_said_and_prints_each_label_once(
    world: World, db_url: str, tmp_path: Path
) -> None:
    _parcels(world)
    printer = LoopbackPrinter()
    acks = tmp_path / "acks.jsonl"
    rng = random.Random(int(os.environ.get("RS_KILL_SEED", "15")))
    kills = Counter[str]()
    cycle = 0
    deadline = time.monotonic() + BUDGET_S
    try:
        while time.monotonic() < deadline and sum(kills.values()) < KILLS:
            cycle += 1
            proc = _start(db_url, acks, printer.port, cycle)
            _wait_ready(proc)
            if rng.random() < 0.5:
                moment = "at random"
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=rng.uniform(0.02, 0.4))
            else:
                moment = "as the printer got a label"
                printer.job_arrived.clear()
                end = time.monotonic() + 3
                while not printer.job_arrived.is_set() and proc.poll() is None:
                    if time.monotonic() > end:
                        break
                    printer.job_arrived.wait(0.005)
            if proc.poll() is not None:
                _, err = proc.communicate()
                assert proc.returncode == 0, err
                break
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            kills[moment] += 1
        final = _start(db_url, acks, printer.port, cycle + 1)
        _wait_ready(final)
        out, err = final.communicate(timeout=90)
        assert final.returncode == 0, err
        assert "finished" in out
    finally:
        printer.close()
    assert sum(kills.values()) >= 5, f"only {dict(kills)} kills in {BUDGET_S} s"
    print(f"{db_url.split(':')[0]}: {sum(kills.values())} kills ({dict(kills)})")
    _check_invariants(world, acks, printer.received())


def _check_invariants(world: World, acks: Path, printed: list[bytes]) -> None:
    told = [json.loads(line) for line in acks.read_text().splitlines() if line]
    with world.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        units = {
            row.id: row
            for row in conn.execute(
                text("SELECT id, status, progress, disposition, rma_id, line_no FROM inspections")
            )
        }
        jobs = conn.execute(
            text("SELECT id, inspection_id, status, payload, reprint_of FROM print_jobs")
        ).all()
        completes = Counter(
            r[0]
            for r in conn.execute(
                text("SELECT entity_id FROM audit_events WHERE action = 'inspection.complete'")
            )
        )
        inspected = Counter(
            r[0]
            for r in conn.execute(
                text("SELECT idempotency_key FROM outbox WHERE event = 'item_inspected'")
            )
        )
        lines = conn.execute(
            text(
                "SELECT l.rma_id, l.line_no, l.quantity, "
                "(SELECT COUNT(*) FROM inspections i WHERE i.rma_id = l.rma_id "
                "AND i.line_no = l.line_no AND i.condition = 'standard') FROM rma_lines l"
            )
        ).all()

    def progress(unit_id: int) -> dict[str, object]:
        raw = units[unit_id].progress
        return dict(json.loads(raw) if isinstance(raw, str) else raw)

    # every answer the inspector saw saved is still there
    for a in told:
        if "answer" in a:
            answers = progress(a["inspection"])["answers"]
            assert answers.get(a["step"]) == a["answer"], a  # type: ignore[union-attr]
        if "photo" in a:
            assert progress(a["inspection"])["answers"].get(a["step"]), a  # type: ignore[union-attr]
        if "decided" in a:
            assert units[a["inspection"]].disposition == a["decided"], a
    # every unit found, none twice; each decided once, with one label job and one message
    assert all(found == quantity for _r, _l, quantity, found in lines), lines
    assert all(u.status == "completed" for u in units.values()), [u.status for u in units.values()]
    by_unit = Counter(j.inspection_id for j in jobs if j.reprint_of is None)
    for unit_id in units:
        assert by_unit[unit_id] == 1, f"unit {unit_id}: {by_unit[unit_id]} label jobs"
    assert all(n == 1 for n in completes.values()), completes
    assert len(completes) == len(units), completes
    assert len(inspected) == len(units)
    assert all(n == 1 for n in inspected.values()), inspected
    # no label reached the printer twice; one the printer has is never waiting to go again
    payloads = {bytes(j.payload): j for j in jobs}
    whole = Counter(p for p in printed if p in payloads)
    twice = sorted(payloads[p].id for p, n in whole.items() if n > 1)
    assert not twice, f"label jobs {twice} reached the printer twice"
    for payload in whole:
        assert payloads[payload].status in ("printed", "in_doubt"), payloads[payload].status
    waiting = [j for j in jobs if j.status not in ("printed", "in_doubt")]
    assert not [j for j in waiting if bytes(j.payload) in whole]
