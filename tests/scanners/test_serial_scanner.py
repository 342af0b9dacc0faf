"""A serial scanner through a real pseudo-terminal pair: the test writes to the master end
exactly as a scanner would, the station reads the slave end with pyserial."""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator

import pytest

from receiving_station.errors import DeviceUnavailable
from scanners.classifier import ScanClassifier
from scanners.serial_scanner import SerialScanner


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    name = os.ttyname(slave)
    yield master, name
    os.close(master)
    os.close(slave)


def _collect(port: str, terminator: bytes) -> tuple[SerialScanner, queue.Queue[object]]:
    got: queue.Queue[object] = queue.Queue()
    scanner = SerialScanner(port, 9600, terminator, got.put, got.put)
    scanner.start()
    return scanner, got


def _take(got: queue.Queue[object], n: int) -> list[object]:
    return [got.get(timeout=3) for _ in range(n)]


def test_each_terminated_line_is_one_scan(pty_pair: tuple[int, str]):
    master, port = pty_pair
    scanner, got = _collect(port, b"\r")
    try:
        os.write(master, b"RMA-000123\r1Z999AA1012")
        time.sleep(0.05)  # a label split across two reads of the port
        os.write(master, b"3456784\r")
        assert _take(got, 2) == [b"RMA-000123", b"1Z999AA10123456784"]
    finally:
        scanner.stop()


def test_gs1_separators_and_symbology_identifiers_arrive_intact(pty_pair: tuple[int, str]):
    master, port = pty_pair
    scanner, got = _collect(port, b"\r\n")
    try:
        os.write(master, b"]C1011234567890123110ABC123\x1d17261231\r\n")
        (raw,) = _take(got, 1)
    finally:
        scanner.stop()
    assert isinstance(raw, bytes)
    scan = ScanClassifier().classify(raw)
    assert scan.symbology == "]C1"
    assert (scan.fields["batch"], scan.fields["expiry"]) == ("ABC123", "2026-12-31")


def test_bytes_that_are_not_text_reach_the_classifier_and_get_a_reason(pty_pair):
    master, port = pty_pair
    scanner, got = _collect(port, b"\r")
    try:
        os.write(master, b"\xff\xfeRMA\r")
        (raw,) = _take(got, 1)
    finally:
        scanner.stop()
    scan = ScanClassifier().classify(raw)  # type: ignore[arg-type]
    assert "not text" in scan.problem


def test_a_port_that_does_not_exist_is_a_clear_device_error():
    scanner = SerialScanner("/dev/does-not-exist", 9600, b"\r", lambda _s: None, lambda _e: None)
    with pytest.raises(DeviceUnavailable) as caught:
        scanner.start()
    assert "/dev/does-not-exist" in str(caught.value)


def test_a_scanner_unplugged_while_reading_is_reported_once():
    master, slave = os.openpty()
    port = os.ttyname(slave)
    got: queue.Queue[object] = queue.Queue()
    scanner = SerialScanner(port, 9600, b"\r", got.put, got.put)
    scanner.start()
    try:
        os.write(master, b"RMA-000001\r")
        assert got.get(timeout=3) == b"RMA-000001"
        os.close(master)  # the cable is pulled
        os.close(slave)
        error = got.get(timeout=3)
        assert isinstance(error, DeviceUnavailable)
        assert "serial scanner" in str(error)
    finally:
        scanner.stop()
