from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.station_app import StationApp
from tests.world import World
from ui.main_window import MainWindow


@pytest.fixture
def station(sqlite_url: str, tmp_path: Path) -> Iterator[tuple[StationApp, World]]:
    config = load_config(
        env={"RS_DATA_DIR": str(tmp_path), "RS_STATION": "DOCK-1"}, path=tmp_path / "none.toml"
    )
    config = dataclasses.replace(config, database_url=sqlite_url, sounds=False)
    from data.engine import make_engine

    engine = make_engine(sqlite_url)
    world = World(engine)
    world.add_rma("RMA-100001", tracking=("1ZE3S3E28246281943",))
    world.add_rma("RMA-100002", order_ref="7000002", days_old=45)
    app = bootstrap(config, clock=world.clock)
    app.services.sleep = lambda seconds: world.clock.advance(seconds=seconds)  # as time passes
    yield app, world
    app.close()
    engine.dispose()


@pytest.fixture
def window(qtbot: QtBot, qapp, station: tuple[StationApp, World]) -> Iterator[MainWindow]:
    app, _world = station
    win = MainWindow(app)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    qtbot.waitExposed(win)
    yield win
    qapp.removeEventFilter(win.scanner)
    win.runner.wait(5000)
