"""The station in a real X window, typed on as the dock types on it.

Xvfb is a real X server and xdotool types through it as a USB keyboard-wedge scanner does:
Shift pressed and released around every capital, the PC's keyboard layout applied by the
server, X time stamps on every key. The station runs as its own process
(``tests/gui/station_under_x.py``), the window built as ``receiving-station gui`` builds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gui.test_importing import big_csv

ROOT = Path(__file__).resolve().parents[2]
SCANNER_MS = 8  # a scanner types a label at 5-15 ms a key
PERSON_MS = 150  # people type at 100-300 ms a key
IMPORT_ROWS = int(os.environ.get("RS_REAL_IMPORT_ROWS", "20000"))


def _needed(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{', '.join(missing)} required in CI (scripts/setup-system.sh test)")
        pytest.skip(f"not installed here: {', '.join(missing)}")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    _needed("Xvfb", "xdotool", "setxkbmap")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as numbers:
        number = numbers.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


class Station:
    """The station process: commands in, JSON answers out; xdotool on its display."""

    def __init__(self, display: str, data: Path) -> None:
        self.display, self.data = display, data
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
        self.stderr = data / "stderr.txt"
        with self.stderr.open("w") as errors:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.gui.station_under_x", str(data)],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
        first = self._read()
        assert first.get("ready"), first
        self.window = first["window"]
        self.xdotool("windowfocus", "--sync", str(self.window))

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.stderr.read_text(errors="replace")
            raise AssertionError(f"the station exited ({self.proc.poll()}): {err[-3000:]}")
        return dict(json.loads(line))

    def ask(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        answer = self._read()
        assert answer["ok"], answer
        return answer

    def state(self) -> dict[str, Any]:
        return self.ask("state")

    def wait_for(self, what: str, test: Any, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if test(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"never {what}: {state}")
            time.sleep(0.05)

    def xdotool(self, *args: str) -> None:
        subprocess.run(
            ["xdotool", *args],
            env=dict(os.environ, DISPLAY=self.display),
            check=True,
            timeout=60,
        )

    def scan(self, text: str, ms: int = SCANNER_MS) -> None:
        """A keyboard-wedge scanner reads a label: the text, then Enter, at scanner speed."""
        self.xdotool("type", "--delay", str(ms), "--args", "1", text, "key", "Return")

    def keyboard_layout(self, layout: str) -> None:
        subprocess.run(["setxkbmap", "-display", self.display, layout], check=True, timeout=30)

    def log(self) -> str:
        path = self.data / "logs" / "station.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(AssertionError, BrokenPipeError, OSError):
                self.ask("quit")
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def station(display: str, tmp_path: Path) -> Iterator[Station]:
    subprocess.run(["setxkbmap", "-display", display, "us"], check=True, timeout=30)
    running = Station(display, tmp_path)
    try:
        yield running
    finally:
        running.close()
    log = running.log()
    assert "unhandled error" not in log, log
    assert "Fatal Python error" not in log, log


def log_in(station: Station, badge: str, username: str, pin: str = "") -> None:
    """A badge scanned: on the log-in form, or over whoever is logged in, on any page. A
    lead or an admin then types their PIN at a person's speed, into the field it asks."""
    if "username" in station.state()["fields"]:
        station.ask("focus username")
    station.scan(badge)
    if pin:
        station.wait_for("the PIN asked", lambda s: "type your PIN" in s["banner"])
        station.xdotool("type", "--delay", str(PERSON_MS), pin)
        station.xdotool("key", "Return")
    station.wait_for(f"{username} logged in", lambda s: s["user"] == username)


def test_badges_and_rmas_with_capitals_scan_whole_whatever_field_has_the_focus(
    station: Station,
):
    station.ask("focus username")
    station.scan("BDG-1001")
    state = station.wait_for("Alice logged in", lambda s: s["user"] == "alice")
    assert state["fields"].get("username", "") == ""  # nothing leaked into the login form
    station.ask("focus note")
    station.scan("RMA-100001")
    state = station.wait_for("the RMA on screen", lambda s: s["rma"] == "RMA-100001")
    assert state["fields"]["note"] == ""
    assert state["scans"] == 2
    station.ask("focus search")
    station.scan("1ZE3S3E28246281943")  # the UPS label on the same parcel
    state = station.wait_for("the tracking scan read", lambda s: s["scans"] == 3)
    assert state["fields"]["search"] == ""
    assert "Nothing matches" not in state["banner"]


def test_a_person_typing_with_shift_types_into_the_field_and_nothing_is_scanned(
    station: Station,
):
    log_in(station, "BDG-1001", "alice")
    station.ask("focus note")
    station.xdotool("type", "--delay", str(PERSON_MS), "Box Torn On Side")
    state = station.wait_for(
        "the note typed", lambda s: s["fields"]["note"] == "Box Torn On Side", timeout=15
    )
    assert state["scans"] == 1  # the badge only


def test_a_scanner_in_caps_lock_mode_gives_one_scan(station: Station):
    log_in(station, "BDG-1001", "alice")
    station.ask("focus note")
    keys = ["Caps_Lock", "r", "m", "a", "Caps_Lock", "minus", *"100002", "Return"]
    station.xdotool("key", "--delay", str(SCANNER_MS), *keys)
    state = station.wait_for("the RMA on screen", lambda s: s["rma"] == "RMA-100002")
    assert state["fields"]["note"] == ""


def test_a_us_layout_scanner_on_an_azerty_pc_is_told_how_to_set_it(station: Station):
    log_in(station, "BDG-1001", "alice")
    station.keyboard_layout("fr")
    try:
        # The keys a US-layout scanner presses for RMA-100001, read through AZERTY
        station.scan("R?Q)&àààà&")
        state = station.wait_for("the layout message", lambda s: "US keyboard" in s["banner"])
    finally:
        station.keyboard_layout("us")
    assert "RMA-100001" in state["banner"]
    assert state["rma"] == ""
    assert state["fields"]["note"] == ""


def test_a_large_import_runs_while_a_receiver_keeps_scanning(station: Station, tmp_path: Path):
    file = big_csv(tmp_path / "returns.csv", IMPORT_ROWS)
    log_in(station, "BDG-1004", "dan", "4444")  # an admin starts the import
    started = time.monotonic()
    station.ask(f"import {file}")
    station.wait_for("the import under way", lambda s: bool(s["importing"]))
    log_in(station, "BDG-1001", "alice")  # and a receiver takes the station
    rmas = ["RMA-100001", "RMA-100003"]
    scanned = 0
    while station.state()["importing"] or scanned < 4:
        rma = rmas[scanned % 2]
        station.ask("focus note")
        station.scan(rma)
        state = station.wait_for(f"{rma} on screen", lambda s, r=rma: s["rma"] == r, timeout=15)
        assert state["fields"]["note"] == ""
        scanned += 1
    state = station.wait_for(
        "the import's report", lambda s: f"{IMPORT_ROWS} created" in s["imported"], timeout=300
    )
    took = time.monotonic() - started
    print(
        f"\n{IMPORT_ROWS} RMAs imported from the window in {took:.1f} s, {scanned} scans meanwhile"
    )
    assert scanned >= 4
