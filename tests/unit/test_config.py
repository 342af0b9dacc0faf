from __future__ import annotations

from pathlib import Path

import pytest

from receiving_station.config import load_config
from receiving_station.domain.model import Role
from receiving_station.errors import ConfigError


def test_defaults_put_an_embedded_database_in_the_user_data_folder(tmp_path: Path):
    config = load_config(env={"HOME": str(tmp_path)}, path=tmp_path / "missing.toml")
    assert config.embedded
    assert str(tmp_path / ".local" / "share" / "receiving-station") in config.database_url


def test_the_environment_wins_over_the_file(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[database]\nurl = "sqlite:////tmp/a.db"\n[station]\nname = "dock-3"\n')
    env = {"RS_DATABASE_URL": "postgresql+psycopg://rs@db.local/returns", "HOME": str(tmp_path)}
    config = load_config(env=env, path=path)
    assert config.database_url == "postgresql+psycopg://rs@db.local/returns"
    assert config.station_name == "DOCK-3"
    assert not config.embedded


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[scanner]\nmax_gap_ms = 'fast'\n", "scanner.max_gap_ms"),
        ("[scanner]\nterminator = 'space'\n", "scanner.terminator"),
        ("[database]\nurl = 'mysql://x'\n", "database.url"),
        ("[station]\nnmae = 'x'\n", "station.nmae"),
        ("[ui]\nlanguage = 'de'\n", "ui.language"),
        ("this is not toml", "(file)"),
        ("[scanner]\nrma_pattern = 'RMA-(\\d+'\n", "scanner.rma_pattern"),
        ("[scanner]\nrma_pattern = 'RMA-\\d+'\n", "scanner.rma_pattern"),  # no number group
        ("[scanner]\norder_pattern = '(?P<number>\\d*)'\n", "scanner.order_pattern"),
        ("[scanner]\nrma_format = 'RMA-{num}'\n", "scanner.rma_format"),
        ("[serial]\nbaud = 9601\n", "serial.baud"),
        ("[serial]\nterminator = 'semicolon'\n", "serial.terminator"),
        ("[camera]\nconfirm_frames = 0\n", "camera.confirm_frames"),
        ("[camera]\ndevice = 99\n", "camera.device"),
    ],
)
def test_a_bad_value_names_its_key_and_the_expected_form(tmp_path: Path, toml: str, key: str):
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as caught:
        load_config(env={"HOME": str(tmp_path)}, path=path)
    assert key in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_bad_environment_value_is_named(tmp_path: Path):
    with pytest.raises(ConfigError, match="RS_STATION"):
        load_config(env={"RS_STATION": "dock/1"}, path=tmp_path / "none.toml")


def test_scanner_serial_and_camera_settings_are_read(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[scanner]\n"
        "rma_pattern = 'R(?P<number>\\d{8})'\n"
        "rma_format = 'RET{number}'\n"
        "gs_substitute = '~'\n"
        "[serial]\nport = '/dev/ttyACM0'\nbaud = 115200\nterminator = 'crlf'\n"
        "[camera]\ndevice = 0\nwidth = 1920\nheight = 1080\nrepeat_seconds = 2.5\n"
    )
    config = load_config(env={"HOME": str(tmp_path)}, path=path)
    assert config.scanner.rma_format == "RET{number}"
    assert config.scanner.gs_substitute == "~"
    assert (config.serial.port, config.serial.baud, config.serial.terminator) == (
        "/dev/ttyACM0",
        115200,
        "crlf",
    )
    assert (config.camera.device, config.camera.width, config.camera.repeat_seconds) == (
        "0",
        1920,
        2.5,
    )


def test_the_login_section_sets_lock_outs_and_who_may_log_in_by_badge_alone(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[login]\nwrong_pins_per_user = 3\nfailures_per_station = 6\nlock_minutes = 0\n"
        'badge_only_roles = ["receiver"]\n'
    )
    policy = load_config(env={"HOME": str(tmp_path)}, path=path).login
    assert (policy.user_limit, policy.station_limit, policy.lock_minutes) == (3, 6, 0)
    assert policy.badge_only_roles == {Role.RECEIVER}  # inspectors now type their PIN too


def test_without_a_login_section_leads_and_admins_type_their_pin(tmp_path: Path):
    policy = load_config(env={"HOME": str(tmp_path)}, path=tmp_path / "missing.toml").login
    assert policy.badge_only_roles == {Role.RECEIVER, Role.INSPECTOR}
    assert (policy.user_limit, policy.station_limit, policy.lock_minutes) == (5, 10, 15)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[login]\nbadge_only_roles = ["receiver", "boss"]\n', "login.badge_only_roles"),
        ('[login]\nbadge_only_roles = "receiver"\n', "login.badge_only_roles"),
        ('[login]\nbadge_only_roles = ["system"]\n', "login.badge_only_roles"),
        ("[login]\nwrong_pins_per_user = 0\n", "login.wrong_pins_per_user"),
        ("[login]\nwrong_pins_per_user = 1000\n", "login.wrong_pins_per_user"),
        ("[login]\nfailures_per_station = true\n", "login.failures_per_station"),
        ("[login]\nlock_minutes = -5\n", "login.lock_minutes"),
    ],
)
def test_a_bad_login_setting_is_named(tmp_path: Path, toml: str, key: str):
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as caught:
        load_config(env={"HOME": str(tmp_path)}, path=path)
    assert caught.value.params["key"] == key
