"""Return windows are counted by calendar day in the warehouse's own zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tests.world import TODAY, World


def test_the_last_day_of_the_window_lasts_until_midnight_at_the_warehouse(world: World):
    rma = world.add_rma("RMA-100041", days_old=30, window_days=30)
    assert rma.expires_on == TODAY
    paris = ZoneInfo("Europe/Paris")
    # 23:30 in Paris on the last day: 22:30 UTC, still inside the window
    world.clock.at = datetime(TODAY.year, TODAY.month, TODAY.day, 22, 30, tzinfo=UTC).astimezone(
        paris
    )
    view = world.dock1.lookup(world.actor("bruno"), "RMA-100041")
    assert view.days_left == 0
    assert view.breach is None
    # an hour later it is the next day in Paris, though still the same day in UTC
    world.clock.advance(hours=1)
    assert world.clock.now().astimezone(UTC).date() == TODAY
    view = world.dock1.lookup(world.actor("bruno"), "RMA-100041")
    assert view.days_left == -1
    assert view.breach == "window_passed"


def test_a_warehouse_ahead_of_utc_opens_its_new_day_first(world: World):
    world.add_rma("RMA-100042", days_old=30, window_days=30)
    auckland = ZoneInfo("Pacific/Auckland")
    # 10:30 UTC on the last day is 23:30 in Auckland (UTC+13): the window's last half hour
    world.clock.at = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 30, tzinfo=UTC).astimezone(
        auckland
    )
    assert world.dock1.lookup(world.actor("bruno"), "RMA-100042").days_left == 0
    world.clock.advance(minutes=45)
    assert world.dock1.lookup(world.actor("bruno"), "RMA-100042").breach == "window_passed"
