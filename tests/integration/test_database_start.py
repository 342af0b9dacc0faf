"""A station that knew data never starts on a new empty database, nor on a damaged one."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from data.engine import make_engine
from data.migrate import upgrade
from receiving_station import cli
from receiving_station.bootstrap import bootstrap
from receiving_station.config import Config, load_config
from receiving_station.errors import DatabaseDamaged, DatabaseMissingAtStart
from tests.world import FixedClock, World


@pytest.fixture
def config(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    env = {"RS_DATA_DIR": str(tmp_path / "data"), "RS_STATION": "DOCK-1"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)  # the CLI reads the same configuration
    monkeypatch.setenv("RS_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("RS_DATABASE_URL", sqlite_url)
    found = load_config(env=dict(os.environ), path=tmp_path / "none.toml")
    return dataclasses.replace(found, database_url=sqlite_url, sounds=False)


def _file(config: Config) -> Path:
    return Path(config.database_url.removeprefix("sqlite:///"))


def _station_with_data(config: Config) -> None:
    """A station that has run on this database with people and an RMA in it."""
    engine = make_engine(config.database_url)
    world = World(engine)
    world.add_rma("RMA-100001")
    engine.dispose()
    app = bootstrap(config, clock=FixedClock())
    assert not app.first_start
    app.close()


def test_a_missing_file_that_held_data_is_said_at_start_and_not_made_again(config: Config):
    _station_with_data(config)
    path = _file(config)
    path.unlink()

    with pytest.raises(DatabaseMissingAtStart) as caught:
        bootstrap(config, clock=FixedClock())

    words = str(caught.value)
    assert f"The database file {path} is missing" in words
    assert "it held this station's data on 2026-11-26" in words
    assert "receiving-station --new-database" in words
    assert not path.exists()


def test_an_empty_file_where_data_was_known_is_refused_too(config: Config):
    _station_with_data(config)
    path = _file(config)
    path.unlink()
    engine = make_engine(config.database_url)  # e.g. made empty by an older version
    upgrade(engine)
    engine.dispose()

    with pytest.raises(DatabaseMissingAtStart):
        bootstrap(config, clock=FixedClock())


def test_lookup_says_the_file_is_missing_instead_of_nothing_matches(
    config: Config, capsys: pytest.CaptureFixture[str]
):
    _station_with_data(config)
    _file(config).unlink()

    assert cli.main(["lookup", "RMA-100001"]) == 2

    err = capsys.readouterr().err
    assert "is missing; it held this station's data on" in err
    assert "Nothing matches" not in err
    assert "Traceback" not in err


def test_starting_afresh_on_purpose_opens_first_start_set_up(config: Config):
    _station_with_data(config)
    _file(config).unlink()

    app = bootstrap(config, clock=FixedClock(), new_database=True)
    assert app.first_start
    app.close()
    app = bootstrap(config, clock=FixedClock())  # and it is not refused again next time
    assert app.first_start
    app.close()


def test_a_new_station_still_starts_on_an_empty_database(config: Config):
    _file(config).unlink()
    app = bootstrap(config, clock=FixedClock())
    assert app.first_start
    app.close()


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(12 * 1024))


def test_a_damaged_file_is_refused_at_start_with_its_own_words(
    config: Config, capsys: pytest.CaptureFixture[str]
):
    from data.demo import seed_demo
    from tests.world import TODAY

    engine = make_engine(config.database_url)
    seed_demo(engine, 300, TODAY)
    engine.dispose()
    _damage(_file(config))

    with pytest.raises(DatabaseDamaged) as caught:
        bootstrap(config, clock=FixedClock())
    words = str(caught.value)
    assert f"The database {_file(config)} is damaged" in words
    assert "The station does not open it" in words
    assert "***" not in words

    assert cli.main(["lookup", "RMA-100001"]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err
    assert "restore the file from the last backup" in err
    assert "network" not in err
    assert "Traceback" not in err


def test_a_file_that_is_not_a_database_is_refused_at_start(config: Config, tmp_path: Path):
    path = _file(config)
    shutil.copy(Path(__file__), path)  # some other file moved onto its path

    with pytest.raises(DatabaseDamaged) as caught:
        bootstrap(config, clock=FixedClock())
    assert "file is not a database" in str(caught.value)


def test_a_database_filled_by_the_set_up_is_known_even_without_a_clean_close(config: Config):
    _file(config).unlink()
    app = bootstrap(config, clock=FixedClock())
    assert app.first_start
    assert app.hardware is not None
    app.hardware.first_admin("DOCK-1", "Door 1", "maria", "Maria Costa", "BDG-7001", "2580")
    app.services.uow_factory.engine.dispose()  # a power cut: no close, nothing noted there
    _file(config).unlink()

    with pytest.raises(DatabaseMissingAtStart):
        bootstrap(config, clock=FixedClock())
