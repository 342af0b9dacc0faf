from __future__ import annotations

import pytest

from receiving_station.domain.checkdigits import ups_check_digit
from receiving_station.domain.scan import ScanKind
from receiving_station.errors import BadScan
from scanners.classifier import ScanClassifier

c = ScanClassifier()


@pytest.mark.parametrize(
    ("raw", "kind", "text"),
    [
        ("RMA-000123", ScanKind.RMA, "RMA-000123"),
        ("rma000123\r\n", ScanKind.RMA, "RMA-000123"),
        ("1ZE3S3E28246281943", ScanKind.TRACKING, "1ZE3S3E28246281943"),
        ("BDG-1001", ScanKind.BADGE, "BDG-1001"),
        ("CMD-DONE", ScanKind.COMMAND, "DONE"),
        ("#1000123", ScanKind.ORDER, "1000123"),
        ("'; DROP TABLE rmas; --", ScanKind.UNKNOWN, "';DROPTABLERMAS;--"),
        ("📦", ScanKind.UNKNOWN, "📦"),
    ],
)
def test_scans_are_classified_by_what_they_are(raw: str, kind: ScanKind, text: str):
    scan = c.classify(raw)
    assert (scan.kind, scan.text) == (kind, text)


def test_a_ups_number_with_a_wrong_check_digit_is_not_taken_for_a_tracking_number():
    good = "1ZE3S3E28246281943"
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert c.classify(good).kind is ScanKind.TRACKING
    assert c.classify(bad).kind is ScanKind.UNKNOWN
    assert ups_check_digit(good[:17]) == good[-1]


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("", "empty"),
        ("   \r", "empty"),
        ("A" * 10_000, "longer"),
        ("RMA\x00001", "control"),
        (b"\xff\xfe", "not text"),
    ],
)
def test_unreadable_scans_are_refused_with_the_reason(raw: str | bytes, why: str):
    with pytest.raises(BadScan) as caught:
        c.classify(raw)
    assert why in str(caught.value)


def test_a_configured_prefix_and_suffix_are_stripped():
    scan = ScanClassifier(prefix="]C1", suffix="#").classify("]C1RMA-000777#\r")
    assert scan.text == "RMA-000777"
