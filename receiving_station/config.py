"""Configuration: a TOML file in the user config folder, then environment variables.

Read once by the entry point, validated whole: a bad value names its key, the expected form
and where it came from. Environment variables win over the file:
``RS_DATABASE_URL``, ``RS_STATION``, ``RS_LANGUAGE``, ``RS_CONFIG`` (the file), ``RS_DATA_DIR``.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from receiving_station.errors import ConfigError

APP_DIR_NAME = "receiving-station"


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def default_data_dir(env: Mapping[str, str]) -> Path:
    if env.get("RS_DATA_DIR"):
        return Path(env["RS_DATA_DIR"])
    if sys.platform == "win32":
        return Path(env.get("LOCALAPPDATA", str(_home(env)))) / "ReceivingStation"
    if sys.platform == "darwin":
        return _home(env) / "Library" / "Application Support" / "Receiving Station"
    return Path(env.get("XDG_DATA_HOME") or _home(env) / ".local" / "share") / APP_DIR_NAME


def default_config_path(env: Mapping[str, str]) -> Path:
    if env.get("RS_CONFIG"):
        return Path(env["RS_CONFIG"])
    if sys.platform == "win32":
        return Path(env.get("APPDATA", str(_home(env)))) / "ReceivingStation" / "config.toml"
    if sys.platform == "darwin":
        return _home(env) / "Library" / "Preferences" / "Receiving Station" / "config.toml"
    base = Path(env.get("XDG_CONFIG_HOME") or _home(env) / ".config")
    return base / APP_DIR_NAME / "config.toml"


@dataclass(frozen=True)
class ScannerConfig:
    max_gap_ms: int = 35
    """Longest pause between two keystrokes of one scanner burst; people type slower."""
    min_length: int = 4
    terminator: str = "enter"
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Config:
    database_url: str
    station_name: str
    data_dir: Path
    station_location: str = ""
    language: str = ""
    sounds: bool = True
    hold_minutes: int = 15
    scanner: ScannerConfig = field(default_factory=ScannerConfig)
    source: str = "defaults"

    @property
    def embedded(self) -> bool:
        return self.database_url.startswith("sqlite")


_URL = re.compile(r"^(sqlite(\+pysqlite)?:///.+|postgresql(\+psycopg)?://.+)$")
_STATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$")
_LANG = re.compile(r"^(|en|fr)$")


class _Reader:
    """Pulls typed values out of the parsed TOML, remembering which keys it consumed."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self.data = data
        self.source = source
        self.seen: set[str] = set()

    def get(self, key: str, expected: str, check: Callable[[Any], bool], default: Any) -> Any:
        section, _, name = key.rpartition(".")
        node: Any = self.data.get(section, {}) if section else self.data
        if not isinstance(node, Mapping):
            raise ConfigError(key=section, expected="a table", found=node, source=self.source)
        self.seen.add(key)
        if name not in node:
            return default
        value = node[name]
        if not check(value):
            raise ConfigError(key=key, expected=expected, found=value, source=self.source)
        return value

    def reject_unknown(self) -> None:
        for section, node in self.data.items():
            items = node.items() if isinstance(node, Mapping) else [(None, node)]
            for name, _ in items:
                key = f"{section}.{name}" if name else section
                if key not in self.seen:
                    known = ", ".join(sorted(self.seen))
                    raise ConfigError(
                        key=key,
                        expected=f"one of the known keys ({known})",
                        found=key,
                        source=self.source,
                    )


def _int_between(lo: int, hi: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def _matches(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and bool(pattern.match(v))


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> Config:
    """Read and validate the configuration; raises :class:`ConfigError` with the key at fault."""
    env = os.environ if env is None else env
    path = path or default_config_path(env)
    data: dict[str, Any] = {}
    source = str(path)
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(
                key="(file)", expected="valid TOML", found=str(exc), source=source
            ) from None
    r = _Reader(data, source)
    data_dir = default_data_dir(env)
    default_url = f"sqlite:///{data_dir / 'station.sqlite3'}"
    url = r.get("database.url", "an sqlite:/// or postgresql:// URL", _matches(_URL), default_url)
    station = r.get(
        "station.name",
        "1 to 40 letters, digits, spaces, '.', '_' or '-'",
        _matches(_STATION),
        socket.gethostname()[:40] or "STATION",
    )
    location = r.get("station.location", "text", lambda v: isinstance(v, str), "")
    language = r.get("ui.language", "'en', 'fr' or '' (the system's)", _matches(_LANG), "")
    sounds = r.get("ui.sounds", "true or false", lambda v: isinstance(v, bool), True)
    hold = r.get(
        "receiving.hold_minutes",
        "a whole number of minutes from 1 to 240",
        _int_between(1, 240),
        15,
    )
    scanner = ScannerConfig(
        max_gap_ms=r.get(
            "scanner.max_gap_ms",
            "a whole number of milliseconds from 5 to 500",
            _int_between(5, 500),
            35,
        ),
        min_length=r.get(
            "scanner.min_length", "a whole number from 2 to 64", _int_between(2, 64), 4
        ),
        terminator=r.get(
            "scanner.terminator",
            "'enter', 'tab' or 'none'",
            lambda v: v in ("enter", "tab", "none"),
            "enter",
        ),
        prefix=r.get(
            "scanner.prefix",
            "text of at most 8 characters",
            lambda v: isinstance(v, str) and len(v) <= 8,
            "",
        ),
        suffix=r.get(
            "scanner.suffix",
            "text of at most 8 characters",
            lambda v: isinstance(v, str) and len(v) <= 8,
            "",
        ),
    )
    r.reject_unknown()

    env_checks = {
        "RS_DATABASE_URL": ("an sqlite:/// or postgresql:// URL", _URL),
        "RS_STATION": ("1 to 40 letters, digits, spaces, '.', '_' or '-'", _STATION),
        "RS_LANGUAGE": ("'en', 'fr' or ''", _LANG),
    }
    for key, (expected, pattern) in env_checks.items():
        if key in env and not pattern.match(env[key]):
            raise ConfigError(key=key, expected=expected, found=env[key], source="the environment")
    return Config(
        database_url=env.get("RS_DATABASE_URL", url),
        station_name=env.get("RS_STATION", station).upper(),
        station_location=location,
        data_dir=data_dir,
        language=env.get("RS_LANGUAGE", language),
        sounds=sounds,
        hold_minutes=hold,
        scanner=scanner,
        source=source if path.exists() else "defaults",
    )
