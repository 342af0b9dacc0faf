"""Secrets in the configuration: never shown in a message, and never missing where they are
needed (a webhook signed with an empty key, a mail log-in without its password)."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_station import cli
from receiving_station.config import load_config
from receiving_station.config_secrets import redacted_url
from receiving_station.errors import ConfigError

PASSWORD = "Sup3r-s3cret"


def _refused(tmp_path: Path, toml: str = "", **env: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(env={"HOME": str(tmp_path), **env}, path=path)
    return str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        f"postgres://station:{PASSWORD}@db.local/returns",  # not a scheme the station takes
        f"postgresql+psycopg://station:{PASSWORD}@db.local:abc/returns",  # port not a number
        f"postgresql+psycopg://station:{PASSWORD}@db.local:70000/returns",
        f"postgresql+psycopg://station:{PASSWORD}@/returns?host=db1:5432&host=db2:five",
        f"postgresql+psycopg://station@/returns?host=db1&port=x&password={PASSWORD}",
    ],
)
def test_a_bad_database_url_in_the_environment_is_named_without_its_password(
    tmp_path: Path, url: str
):
    words = _refused(tmp_path, RS_DATABASE_URL=url)
    assert "RS_DATABASE_URL" in words
    assert PASSWORD not in words
    assert "***" in words


def test_a_bad_database_url_in_the_file_is_named_without_its_password(tmp_path: Path):
    url = f"postgresql+psycopg://station:{PASSWORD}@db.local:port/returns"
    words = _refused(tmp_path, f'[database]\nurl = "{url}"\n')
    assert "database.url" in words
    assert "port is a number" in words
    assert PASSWORD not in words


def test_a_good_url_with_a_password_is_kept_whole_for_the_station(tmp_path: Path):
    url = f"postgresql+psycopg://station:{PASSWORD}@db.local:5432/returns"
    config = load_config(env={"RS_DATABASE_URL": url}, path=tmp_path / "none.toml")
    assert config.database_url == url
    assert PASSWORD not in redacted_url(url)


def test_a_port_that_is_not_a_number_on_the_command_line_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("RS_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("RS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RS_DATABASE_URL", f"postgresql+psycopg://station:{PASSWORD}@db:abc/r")
    assert cli.main(["lookup", "RMA-100001"]) == 2
    err = capsys.readouterr().err
    assert "RS_DATABASE_URL must be a postgresql:// URL whose port is a number" in err
    assert PASSWORD not in err
    assert "Traceback" not in err

    assert cli.main(["gui"]) == 2  # said before any window, log or engine
    err = capsys.readouterr().err
    assert "RS_DATABASE_URL must be" in err
    assert PASSWORD not in err
    log = tmp_path / "data" / "logs" / "station.log"
    assert not log.exists() or "Traceback" not in log.read_text(encoding="utf-8")

    monkeypatch.delenv("RS_DATABASE_URL")
    url = f"postgresql+psycopg://station:{PASSWORD}@db:abc/r"
    assert cli.main(["--database", url, "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "--database must be" in err
    assert PASSWORD not in err


def test_a_webhook_without_a_secret_is_a_configuration_error(tmp_path: Path):
    toml = '[teams]\nfinance_webhook = "https://erp.example/hooks/returns"\n'
    words = _refused(tmp_path, toml)
    assert "teams.webhook_secret" in words
    path = tmp_path / "config.toml"
    config = load_config(env={"RS_WEBHOOK_SECRET": "k3y"}, path=path)
    assert config.teams["webhook_secret"] == "k3y"
    words = _refused(tmp_path, toml + 'webhook_secret = ""\n')
    assert "teams.webhook_secret" in words


def test_a_mail_user_without_a_password_is_a_configuration_error(tmp_path: Path):
    toml = '[mail]\nhost = "smtp.example"\nusername = "returns"\n'
    words = _refused(tmp_path, toml)
    assert "mail.password" in words
    config = load_config(env={"RS_MAIL_PASSWORD": PASSWORD}, path=tmp_path / "config.toml")
    assert config.mail["password"] == PASSWORD


def test_a_password_that_is_refused_is_not_shown(tmp_path: Path):
    long = PASSWORD * 30  # over the 200 characters a password may have
    words = _refused(tmp_path, f'[mail]\nusername = "returns"\npassword = "{long}"\n')
    assert "mail.password" in words
    assert PASSWORD not in words
    words = _refused(tmp_path, f'[teams]\nwebhook_secret = "{long}"\n')
    assert "teams.webhook_secret" in words
    assert PASSWORD not in words
