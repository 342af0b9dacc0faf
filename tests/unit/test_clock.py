"""The station's clock counts in the warehouse's zone, whatever the PC is set to."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from receiving_station.clock import SystemClock, zone_named
from receiving_station.config import load_config
from receiving_station.errors import ConfigError
from receiving_station.services.shift import day_bounds


def test_the_clock_tells_the_time_in_the_warehouse_zone():
    now = SystemClock(ZoneInfo("Pacific/Auckland")).now()
    assert now.tzinfo == ZoneInfo("Pacific/Auckland")
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_a_machine_clock_is_still_aware_of_its_zone():
    assert SystemClock().now().utcoffset() is not None


def test_an_unknown_zone_name_is_refused_with_the_name():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        zone_named("Mars/Olympus")


def test_the_configured_zone_is_read_and_a_bad_one_names_the_key(tmp_path: Path):
    good = tmp_path / "good.toml"
    good.write_text('[station]\ntimezone = "Europe/Paris"\n', encoding="utf-8")
    assert load_config({"RS_DATA_DIR": str(tmp_path)}, good).timezone == "Europe/Paris"
    bad = tmp_path / "bad.toml"
    bad.write_text('[station]\ntimezone = "Europe/Atlantis"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config({"RS_DATA_DIR": str(tmp_path)}, bad)
    assert caught.value.params["key"] == "station.timezone"


def test_a_day_is_a_calendar_day_in_the_zone_even_when_the_clocks_change():
    paris = ZoneInfo("Europe/Paris")
    start, end = day_bounds(date(2026, 3, 29), paris)  # summer time begins
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    start, end = day_bounds(date(2026, 10, 25), paris)  # and ends
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)
    assert start.astimezone(UTC) == datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
