"""Who may log in by badge alone, and how many wrong PINs lock, as config.toml says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from data.engine import make_engine
from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.errors import LoginLocked, LoginRefused, PinNeeded
from tests.world import FixedClock, World


def _station(db_url: str, tmp_path: Path, login: str, clock: FixedClock | None = None):
    path = tmp_path / "config.toml"
    path.write_text(f'[station]\nname = "DOCK-1"\n[login]\n{login}\n')
    env = {
        "RS_DATA_DIR": str(tmp_path / "data"),
        "RS_DATABASE_URL": db_url,
        "HOME": os.environ["HOME"],
    }
    World(make_engine(db_url)).engine.dispose()  # the demo people: alice, bruno, chloe, dan
    return bootstrap(load_config(env=env, path=path), clock=clock or FixedClock())


def test_a_lead_logs_in_by_badge_alone_where_the_configuration_allows_it(db_url, tmp_path):
    app = _station(db_url, tmp_path, 'badge_only_roles = ["receiver", "lead"]')
    try:
        assert app.services.login_badge("BDG-1003").user.username == "chloe"
        with pytest.raises(PinNeeded):  # the inspector is not in the list any more
            app.services.login_badge("BDG-1002")
    finally:
        app.close()


def test_the_configured_number_of_wrong_pins_locks(db_url, tmp_path):
    clock = FixedClock()
    app = _station(db_url, tmp_path, "wrong_pins_per_user = 3", clock)
    app.services.sleep = lambda seconds: clock.advance(seconds=seconds)
    try:
        for _ in range(2):
            with pytest.raises(LoginRefused):
                app.services.login_badge_pin("BDG-1003", "9999")
        with pytest.raises(LoginLocked):
            app.services.login_badge_pin("BDG-1003", "9999")
    finally:
        app.close()
