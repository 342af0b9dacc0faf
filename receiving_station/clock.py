"""The station's clock: the warehouse's local time with its zone, so dates and 'days left'
are the dock's, whatever the machine's own zone is set to."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone_named(name: str) -> tzinfo:
    """The IANA zone ``name`` ('Europe/Paris'); ``ValueError`` with the reason if unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"{name!r} is not a time zone name") from None


def machine_zone() -> tzinfo:
    """The machine's zone as a real zone (with its daylight-saving rules) where it can be
    named: ``TZ``, then ``/etc/localtime``; else the current fixed offset."""
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.partition("zoneinfo/")[2])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return zone_named(name)
            except ValueError:
                continue
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


class SystemClock:
    """The real time, in the warehouse's zone (the configured one, else the machine's)."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone or machine_zone()

    def now(self) -> datetime:
        return datetime.now(self.zone)
