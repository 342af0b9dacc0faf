"""Scan classification throughput on one core: the station's classifier against the floor.

The floor (baseline) is the least any classifier must do per scan: strip, upper-case and
one compiled regular expression. The mix is a dock's: RMA labels, carrier labels of every
carrier, order slips, product codes (EAN/UPC and GS1 with batch, expiry and serial),
badges, commands, license plates and junk. Prints scans per second for the mix and per
kind, the ratio to the floor, then one JSON line. Target: at least 100,000 per second.
Usage: python bench/classify.py [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scanners.classifier import ScanClassifier  # noqa: E402

MIX = {
    "rma": ["RMA-000123", "rma004567", "RMA-1000045"],
    "tracking": [
        "1Z999AA10123456784",
        "9400111201080805483016",
        "420221539101026837331000039521",
        "986578788855",
        "041441760228964",
        "TBA502887274000",
        "RR473124829GB",
        "3318810025",
        "C11031500001879",
        "GM2951173225174494",
    ],
    "order": ["#1001", "7000002"],
    "product": ["4006381333931", "036000291452", "]E04006381333931"],
    "gs1": [
        "]C1011234567890123110ABC123\x1d17261231",
        "]d20109521234543213172612311012345\x1d21SER-9",
    ],
    "badge": ["BDG-1001"],
    "command": ["CMD-DONE", "CMD-NEXT"],
    "license_plate": ["LP0000000013"],
    "junk": ["hello", "'; DROP TABLE rmas; --", "📦"],
}
# How often each kind turns up at a returns dock, per 100 scans.
WEIGHTS = {
    "rma": 30,
    "tracking": 30,
    "order": 5,
    "product": 15,
    "gs1": 5,
    "badge": 3,
    "command": 8,
    "license_plate": 3,
    "junk": 1,
}


def rate(fn: Callable[[str], object], texts: list[str], seconds: float) -> float:
    """Median scans per second over 5 rounds."""
    rounds = []
    for _ in range(5):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds / 5:
            for t in texts:
                fn(t)
            n += len(texts)
        rounds.append(n / (time.perf_counter() - t0))
    return statistics.median(rounds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement")
    args = parser.parse_args()
    classifier = ScanClassifier()
    floor_re = re.compile(r"^RMA-?(\d{6,10})$")

    def floor(text: str) -> object:
        return floor_re.match(text.strip().upper())

    mix = [t for kind, texts in MIX.items() for t in texts * WEIGHTS[kind]]
    figures: dict[str, object] = {"bench": "classify"}
    base = rate(floor, mix, args.seconds)
    station = rate(classifier.classify, mix, args.seconds)
    figures["floor_per_s"] = round(base)
    figures["station_per_s"] = round(station)
    figures["ratio_to_floor"] = round(base / station, 2)
    print(f"dock mix ({len(mix)} scans): {station:,.0f} scans/s on one core")
    print(f"floor (strip, upper, one regex): {base:,.0f} scans/s; station is {base / station:.1f}x")
    for kind, texts in MIX.items():
        r = rate(classifier.classify, texts, args.seconds / 4)
        figures[f"{kind}_per_s"] = round(r)
        print(f"  {kind:14} {r:>12,.0f} scans/s")
    figures["target_met"] = station >= 100_000
    print("target (100,000/s): " + ("met" if figures["target_met"] else "MISSED"))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
