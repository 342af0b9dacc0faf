"""The station's files are its user's alone: the data folder 0700, the database file (and
its -wal and -shm) and the configuration file (and its backup) 0600, created so from the
start, and an older install's looser modes tightened at start."""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from receiving_station.bootstrap import bootstrap
from receiving_station.config import Config, load_config
from receiving_station.config_file import save_settings
from tests.world import FixedClock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual: files 0644, folders 0755
    yield
    os.umask(old)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loose_umask: None) -> Config:
    data = tmp_path / "data"
    env = {"RS_DATA_DIR": str(data), "RS_STATION": "DOCK-1", "HOME": str(tmp_path)}
    found = load_config(env=env, path=tmp_path / "config" / "config.toml")
    return dataclasses.replace(found, sounds=False)


@pytest.fixture
def no_chmod(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every chmod: a new file must be made with its mode, not loosened first."""
    changed: list[str] = []
    real = os.chmod

    def chmod(path: object, mode: int, *args: object, **kwargs: object) -> None:
        changed.append(str(path))
        real(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "chmod", chmod)
    return changed


def test_a_new_station_makes_its_folder_and_database_private_from_the_start(
    config: Config, no_chmod: list[str]
):
    app = bootstrap(config, clock=FixedClock())
    try:
        database = config.data_dir / "station.sqlite3"
        assert _mode(config.data_dir) == 0o700
        assert _mode(database) == 0o600
        for suffix in ("-wal", "-shm"):
            side = database.with_name(database.name + suffix)
            assert side.exists(), suffix  # the station is open: WAL in use
            assert _mode(side) == 0o600, suffix
    finally:
        app.close()
    assert no_chmod == []


def test_the_record_of_known_databases_is_private(config: Config, no_chmod: list[str]):
    from datetime import UTC, datetime

    from receiving_station.known_database import remember

    remember(
        config.data_dir,
        config.data_dir / "station.sqlite3",
        "db-1",
        datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
    )
    assert _mode(config.data_dir) == 0o700
    assert _mode(config.data_dir / "known-databases.json") == 0o600
    assert no_chmod == []


def test_the_station_log_and_its_folder_are_private_from_the_start(
    config: Config, no_chmod: list[str]
):
    import logging

    from ui.crash import log_to_file

    path = log_to_file(config.data_dir)
    try:
        assert _mode(path.parent) == 0o700
        assert _mode(path) == 0o600  # customers' RMAs and e-mail addresses reach the log
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", "") == str(path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert no_chmod == []


def test_the_configuration_file_and_its_backup_are_written_private(
    config: Config, no_chmod: list[str]
):
    path = config.file
    save_settings(path, {"station": {"location": "Door 1"}}, env={"HOME": "/nonexistent"})
    assert _mode(path) == 0o600
    save_settings(path, {"station": {"location": "Door 2"}}, env={"HOME": "/nonexistent"})
    assert _mode(path) == 0o600
    assert _mode(path.with_name("config.toml.bak")) == 0o600
    assert "Door 1" in path.with_name("config.toml.bak").read_text(encoding="utf-8")
    assert no_chmod == []


def test_an_older_install_s_loose_modes_are_tightened_at_start(config: Config):
    config.data_dir.mkdir(mode=0o755)
    app = bootstrap(config, clock=FixedClock())
    app.close()
    database = config.data_dir / "station.sqlite3"
    config.file.parent.mkdir(parents=True)
    config.file.write_text('[station]\nname = "DOCK-1"\n', encoding="utf-8")
    backup = config.file.with_name("config.toml.bak")
    backup.write_text("", encoding="utf-8")
    for path, mode in [
        (config.data_dir, 0o755),
        (database, 0o644),
        (config.file, 0o644),
        (backup, 0o664),
    ]:
        os.chmod(path, mode)

    app = bootstrap(config, clock=FixedClock())
    app.close()
    assert _mode(config.data_dir) == 0o700
    assert _mode(database) == 0o600
    assert _mode(config.file) == 0o600
    assert _mode(backup) == 0o600
