"""Writing the station's configuration back: a bad value names its key and leaves the file
exactly as it was; a good one keeps the rest of the file and a backup of the old one."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_station.config import load_config
from receiving_station.config_file import save_settings
from receiving_station.errors import ConfigError

ENV = {"HOME": "/nonexistent"}
ORIGINAL = """# the dock's first station
[station]
name = "DOCK-1"

[mail]
host = "smtp.example.com"
"""


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def test_a_change_is_written_and_the_rest_of_the_file_kept(config_file: Path):
    config = save_settings(
        config_file, {"printer": {"uri": "tcp://zebra-2:9100"}, "ui": {"idle_lock_minutes": 5}}, ENV
    )
    assert config.printer.uri == "tcp://zebra-2:9100"
    assert config.idle_lock_minutes == 5
    again = load_config(ENV, config_file)
    assert (again.station_name, again.mail["host"]) == ("DOCK-1", "smtp.example.com")
    assert again.printer.uri == "tcp://zebra-2:9100"
    assert config_file.with_name("config.toml.bak").read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"printer": {"uri": "lpt1"}}, "printer.uri"),
        ({"ui": {"idle_lock_minutes": -3}}, "ui.idle_lock_minutes"),
        ({"serial": {"baud": 12345}}, "serial.baud"),
        ({"station": {"name": "DOCK/1"}}, "station.name"),
        ({"scanner": {"colour": "red"}}, "scanner.colour"),
    ],
)
def test_a_bad_value_names_its_key_and_leaves_the_file_as_it_was(
    config_file: Path, changes, key: str
):
    with pytest.raises(ConfigError) as caught:
        save_settings(config_file, changes, ENV)
    assert caught.value.params["key"] == key
    assert caught.value.params["source"] == str(config_file)
    assert config_file.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in config_file.parent.iterdir()) == ["config.toml"]


def test_a_refusal_just_before_writing_leaves_the_file_as_it_was(config_file: Path):
    def refuse() -> None:
        raise RuntimeError("the database said no")

    with pytest.raises(RuntimeError):
        save_settings(config_file, {"ui": {"sounds": False}}, ENV, before_write=refuse)
    assert config_file.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in config_file.parent.iterdir()) == ["config.toml"]


def test_a_station_without_a_file_gets_one(tmp_path: Path):
    path = tmp_path / "conf" / "config.toml"
    config = save_settings(path, {"station": {"location": "Dock 2"}}, ENV)
    assert config.station_location == "Dock 2"
    assert path.exists()
