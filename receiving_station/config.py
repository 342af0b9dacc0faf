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

from receiving_station.clock import zone_named
from receiving_station.config_secrets import check_database_url, secrets_present
from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import Role
from receiving_station.errors import ConfigError, FileNotRead, FileTooLarge
from receiving_station.files import loads_toml, read_limited, size_words

APP_DIR_NAME = "receiving-station"

DEFAULT_WORKFLOWS = Path(__file__).resolve().parent.parent / "resources" / "workflows"
DEFAULT_LABELS = Path(__file__).resolve().parent.parent / "resources" / "labels"
DEFAULT_RMA_PATTERN = r"RMA-?(?P<number>\d{6,10})"
DEFAULT_RMA_FORMAT = "RMA-{number}"
DEFAULT_ORDER_PATTERN = r"#?(?P<number>\d{4,12})"
SERIAL_TERMINATORS = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "etx": b"\x03"}


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
    gs_substitute: str = ""
    """What the scanner types for the GS1 separator (GS, 0x1D) when it cannot send it."""
    rma_pattern: str = DEFAULT_RMA_PATTERN
    rma_format: str = DEFAULT_RMA_FORMAT
    order_pattern: str = DEFAULT_ORDER_PATTERN


@dataclass(frozen=True)
class SerialConfig:
    """A serial (RS-232 or USB virtual COM) scanner; no port, no serial scanner."""

    port: str = ""
    baud: int = 9600
    terminator: str = "cr"


_PRINTER_URI = re.compile(
    r"^(folder:.+|tcp://[A-Za-z0-9._-]+(:(?P<port>\d{1,5}))?|cups:[^\s/]+|cups-raw:[^\s/]+)$"
)
PRINTER_URI_FORMS = (
    "folder:PATH, tcp://HOST:PORT (a port from 1 to 65535), cups:QUEUE or cups-raw:QUEUE"
)


def printer_uri_ok(value: Any) -> bool:
    """A printer address the transports can use: a known kind, a host, a port that is one."""
    found = _PRINTER_URI.match(value) if isinstance(value, str) else None
    return found is not None and (found["port"] is None or 1 <= int(found["port"]) <= 65535)


def check_printer_uri(uri: str, key: str, source: str) -> str:
    """``uri`` if it is a printer address, else :class:`ConfigError` naming ``key``."""
    if not printer_uri_ok(uri):
        raise ConfigError(key=key, expected=PRINTER_URI_FORMS, found=uri, source=source)
    return uri


@dataclass(frozen=True)
class PrinterConfig:
    uri: str = ""
    """folder:PATH, tcp://HOST:9100 (ZPL), cups:QUEUE (PDF), cups-raw:QUEUE (ZPL);
    empty: a "labels" folder in the data folder."""
    template: str = "disposition-4x6"
    format: str = ""
    """pdf or zpl; empty: what the transport takes (folder: pdf)."""
    language: str = ""
    """The labels' language; empty: the station's."""

    def resolved_format(self) -> str:
        if self.format:
            return self.format
        return "zpl" if self.uri.startswith(("tcp://", "cups-raw:")) else "pdf"


@dataclass(frozen=True)
class CameraConfig:
    device: str = ""
    """A camera index ("0"), a device path or a video file; empty: no camera."""
    width: int = 1280
    height: int = 720
    confirm_frames: int = 2
    """A code counts only once read the same on this many consecutive frames."""
    repeat_seconds: float = 3.0
    """The same code is not reported again within this many seconds."""


@dataclass(frozen=True)
class Config:
    database_url: str
    station_name: str
    data_dir: Path
    station_location: str = ""
    timezone: str = ""
    """The warehouse's IANA time zone ('Europe/Paris'): return windows and 'today' are
    counted in it. Empty: the machine's own zone."""
    language: str = ""
    sounds: bool = True
    idle_lock_minutes: int = 10
    """A station left alone this long locks (the work is kept); 0: never."""
    theme: str = "standard"
    """standard or high-contrast."""
    text_size: str = "normal"
    """normal or large (every text a quarter bigger, for reading at arm's length)."""
    hold_minutes: int = 15
    login: LoginPolicy = field(default_factory=LoginPolicy)
    """[login]: the lock-outs after wrong PINs, and which roles may log in by badge alone."""
    workflows_dir: Path = field(default_factory=lambda: DEFAULT_WORKFLOWS)
    """The folder of workflow, grading and rules files."""
    scanner: ScannerConfig = field(default_factory=ScannerConfig)
    serial: SerialConfig = field(default_factory=SerialConfig)
    camera: CameraConfig = field(default_factory=CameraConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    mail: dict[str, Any] = field(default_factory=dict)
    """[mail]: host, port, security (none, starttls, tls), username, password, sender."""
    teams: dict[str, str] = field(default_factory=dict)
    import_folder: str = ""
    """A folder the station watches for RMA files to import; empty: none."""
    window_days: int = 30
    """The return window of imported RMAs that carry no expiry date."""
    """[teams]: finance_email, finance_webhook, service_email, service_webhook,
    webhook_secret, survey_url."""
    labels_dir: Path = field(default_factory=lambda: DEFAULT_LABELS)
    source: str = "defaults"
    file: Path | None = None
    """The configuration file read (or that would be read): the Settings page writes it."""
    overridden: tuple[str, ...] = ()
    """Settings the environment overrides (RS_STATION, ...): the file's value does not apply."""
    env: tuple[tuple[str, str], ...] = ()
    """The environment variables it was read with (RS_*, HOME, XDG_*): read again the same."""

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


_BADGE_ROLES = ("receiver", "inspector", "lead", "admin")


def _login(r: _Reader) -> LoginPolicy:
    defaults = LoginPolicy()
    badge_only = r.get(
        "login.badge_only_roles",
        "a list of roles among receiver, inspector, lead and admin",
        lambda v: isinstance(v, list) and all(x in _BADGE_ROLES for x in v),
        sorted(defaults.badge_only_roles),
    )
    return LoginPolicy(
        user_limit=r.get(
            "login.wrong_pins_per_user",
            "a whole number from 3 to 20",
            _int_between(3, 20),
            defaults.user_limit,
        ),
        station_limit=r.get(
            "login.failures_per_station",
            "a whole number from 3 to 50",
            _int_between(3, 50),
            defaults.station_limit,
        ),
        lock_minutes=r.get(
            "login.lock_minutes",
            "a whole number of minutes from 0 (until a lead lifts it) to 1440",
            _int_between(0, 1440),
            defaults.lock_minutes,
        ),
        badge_only_roles=frozenset(Role(x) for x in badge_only),
    )


def _matches(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and bool(pattern.match(v))


def _scan_pattern(value: Any) -> bool:
    """A regular expression with a ``number`` group that never matches empty text."""
    if not isinstance(value, str) or not 0 < len(value) <= 200:
        return False
    try:
        compiled = re.compile(f"^(?:{value})$")
    except re.error:
        return False
    return "number" in compiled.groupindex and not compiled.match("")


def _rma_format(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        return bool(value.format(number="1")) and "{number}" in value
    except (KeyError, IndexError, ValueError):
        return False


def _zone_name(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 64:
        return False
    if not value:
        return True
    try:
        zone_named(value)
    except ValueError:
        return False
    return True


def _short_text(limit: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and len(v) <= limit


def _web_url(value: Any) -> bool:
    return isinstance(value, str) and (value == "" or bool(re.match(r"^https?://\S+$", value)))


MAX_CONFIG_BYTES = 1_000_000


def read_config_file(path: Path) -> dict[str, Any]:
    """The TOML of a configuration file; :class:`ConfigError` naming the file and why not."""
    source = str(path)
    try:
        return loads_toml(read_limited(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except FileTooLarge:
        expected = f"a file of at most {size_words(MAX_CONFIG_BYTES)}"
        raise ConfigError(
            key="(file)", expected=expected, found="a larger file", source=source
        ) from None
    except FileNotRead as exc:
        found = exc.params["reason"]
        raise ConfigError(
            key="(file)", expected="a readable file", found=found, source=source
        ) from None
    except UnicodeDecodeError:
        found = "bytes that are not UTF-8"
        raise ConfigError(key="(file)", expected="UTF-8 text", found=found, source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            key="(file)", expected="valid TOML", found=str(exc), source=source
        ) from None


def _secret(r: _Reader, key: str) -> str:
    """A password or key: text of at most 200 characters, never shown when refused."""
    value = r.get(key, "text", lambda v: True, "")
    if not isinstance(value, str) or len(value) > 200:
        raise ConfigError(
            key=key, expected="text of at most 200 characters", found="***", source=r.source
        )
    return value


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> Config:
    """Read and validate the configuration; raises :class:`ConfigError` with the key at fault."""
    env = os.environ if env is None else env
    path = path or default_config_path(env)
    data: dict[str, Any] = {}
    source = str(path)
    if path.exists():
        data = read_config_file(path)
    r = _Reader(data, source)
    data_dir = default_data_dir(env)
    default_url = f"sqlite:///{data_dir / 'station.sqlite3'}"
    url = r.get(  # checked whole below, so that no password is shown
        "database.url",
        "an sqlite:/// or postgresql:// URL",
        lambda v: isinstance(v, str),
        default_url,
    )
    check_database_url(url, "database.url", source)
    station = r.get(
        "station.name",
        "1 to 40 letters, digits, spaces, '.', '_' or '-'",
        _matches(_STATION),
        socket.gethostname()[:40] or "STATION",
    )
    location = r.get("station.location", "text", lambda v: isinstance(v, str), "")
    timezone = r.get(
        "station.timezone",
        "a time zone name such as 'Europe/Paris', or '' (the machine's)",
        _zone_name,
        "",
    )
    language = r.get("ui.language", "'en', 'fr' or '' (the system's)", _matches(_LANG), "")
    sounds = r.get("ui.sounds", "true or false", lambda v: isinstance(v, bool), True)
    theme = r.get(
        "ui.theme",
        "'standard' or 'high-contrast'",
        lambda v: v in ("standard", "high-contrast"),
        "standard",
    )
    text_size = r.get(
        "ui.text_size", "'normal' or 'large'", lambda v: v in ("normal", "large"), "normal"
    )
    idle_lock = r.get(
        "ui.idle_lock_minutes", "a whole number of minutes from 0 to 240", _int_between(0, 240), 10
    )
    hold = r.get(
        "receiving.hold_minutes",
        "a whole number of minutes from 1 to 240",
        _int_between(1, 240),
        15,
    )
    login = _login(r)
    workflows_dir = r.get(
        "inspection.workflows",
        "the path of a folder of workflow files",
        lambda v: isinstance(v, str) and bool(v.strip()),
        str(DEFAULT_WORKFLOWS),
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
        prefix=r.get("scanner.prefix", "text of at most 8 characters", _short_text(8), ""),
        suffix=r.get("scanner.suffix", "text of at most 8 characters", _short_text(8), ""),
        gs_substitute=r.get(
            "scanner.gs_substitute",
            "text of 1 to 4 characters, or '' (the scanner sends GS itself)",
            lambda v: isinstance(v, str) and len(v) <= 4 and v.strip() == v,
            "",
        ),
        rma_pattern=r.get(
            "scanner.rma_pattern",
            "a regular expression with a (?P<number>...) group",
            _scan_pattern,
            DEFAULT_RMA_PATTERN,
        ),
        rma_format=r.get(
            "scanner.rma_format",
            "text holding {number}, at most 40 characters",
            _rma_format,
            DEFAULT_RMA_FORMAT,
        ),
        order_pattern=r.get(
            "scanner.order_pattern",
            "a regular expression with a (?P<number>...) group",
            _scan_pattern,
            DEFAULT_ORDER_PATTERN,
        ),
    )
    serial = SerialConfig(
        port=r.get(
            "serial.port", "a device path such as /dev/ttyACM0 or COM3", _short_text(200), ""
        ),
        baud=r.get(
            "serial.baud",
            "one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200",
            lambda v: v in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200),
            9600,
        ),
        terminator=r.get(
            "serial.terminator",
            "one of " + ", ".join(f"'{t}'" for t in SERIAL_TERMINATORS),
            lambda v: v in SERIAL_TERMINATORS,
            "cr",
        ),
    )
    camera = CameraConfig(
        device=str(
            r.get(
                "camera.device",
                "a camera number (0 to 16), a device path or a video file",
                lambda v: _int_between(0, 16)(v) or _short_text(300)(v),
                "",
            )
        ),
        width=r.get(
            "camera.width", "a width from 320 to 3840 pixels", _int_between(320, 3840), 1280
        ),
        height=r.get(
            "camera.height", "a height from 240 to 2160 pixels", _int_between(240, 2160), 720
        ),
        confirm_frames=r.get(
            "camera.confirm_frames", "a whole number from 1 to 10", _int_between(1, 10), 2
        ),
        repeat_seconds=float(
            r.get(
                "camera.repeat_seconds",
                "a number of seconds from 0 to 60",
                lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 60,
                3.0,
            )
        ),
    )
    printer = PrinterConfig(
        uri=r.get(
            "printer.uri",
            PRINTER_URI_FORMS,
            printer_uri_ok,
            f"folder:{data_dir / 'labels'}",
        ),
        template=r.get(
            "printer.template",
            "the id of a label template",
            lambda v: isinstance(v, str) and bool(re.match(r"^[a-z0-9][a-z0-9_-]{0,47}$", v)),
            "disposition-4x6",
        ),
        format=r.get("printer.format", "'pdf', 'zpl' or ''", lambda v: v in ("", "pdf", "zpl"), ""),
        language=r.get("printer.language", "'en', 'fr' or ''", _matches(_LANG), ""),
    )
    mail = {
        "host": r.get("mail.host", "a host name", _short_text(253), ""),
        "port": r.get("mail.port", "a port from 1 to 65535", _int_between(1, 65535), 587),
        "security": r.get(
            "mail.security",
            "'none', 'starttls' or 'tls'",
            lambda v: v in ("none", "starttls", "tls"),
            "starttls",
        ),
        "username": r.get("mail.username", "text", _short_text(200), ""),
        "password": env.get("RS_MAIL_PASSWORD", _secret(r, "mail.password")),
        "sender": r.get(
            "mail.sender",
            "an e-mail address",
            lambda v: isinstance(v, str) and "@" in v,
            "returns@localhost",
        ),
    }
    teams = {
        "finance_email": r.get("teams.finance_email", "an e-mail address", _short_text(254), ""),
        "finance_webhook": r.get("teams.finance_webhook", "an http(s):// URL", _web_url, ""),
        "service_email": r.get("teams.service_email", "an e-mail address", _short_text(254), ""),
        "service_webhook": r.get("teams.service_webhook", "an http(s):// URL", _web_url, ""),
        "webhook_secret": env.get("RS_WEBHOOK_SECRET", _secret(r, "teams.webhook_secret")),
        "survey_url": r.get("teams.survey_url", "an http(s):// URL", _web_url, ""),
    }
    secrets_present(mail, teams, source)
    import_folder = r.get("import.folder", "the path of a folder", _short_text(300), "")
    window_days = r.get(
        "import.window_days", "a number of days from 1 to 365", _int_between(1, 365), 30
    )
    labels_dir = r.get(
        "printer.templates",
        "the path of a folder of label templates",
        lambda v: isinstance(v, str) and bool(v.strip()),
        str(DEFAULT_LABELS),
    )
    r.reject_unknown()

    env_checks = {
        "RS_DATABASE_URL": ("an sqlite:/// or postgresql:// URL", _URL),
        "RS_STATION": ("1 to 40 letters, digits, spaces, '.', '_' or '-'", _STATION),
        "RS_LANGUAGE": ("'en', 'fr' or ''", _LANG),
    }
    if "RS_DATABASE_URL" in env:
        check_database_url(env["RS_DATABASE_URL"], "RS_DATABASE_URL", "the environment")
    for key, (expected, pattern) in env_checks.items():
        if key in env and not pattern.match(env[key]):
            raise ConfigError(key=key, expected=expected, found=env[key], source="the environment")
    return Config(
        database_url=env.get("RS_DATABASE_URL", url),
        station_name=env.get("RS_STATION", station).upper(),
        station_location=location,
        timezone=timezone,
        data_dir=data_dir,
        language=env.get("RS_LANGUAGE", language),
        sounds=sounds,
        idle_lock_minutes=idle_lock,
        theme=theme,
        text_size=text_size,
        hold_minutes=hold,
        login=login,
        workflows_dir=Path(workflows_dir).expanduser(),
        scanner=scanner,
        serial=serial,
        camera=camera,
        printer=printer,
        mail=mail,
        teams=teams,
        import_folder=import_folder,
        window_days=window_days,
        labels_dir=Path(labels_dir).expanduser(),
        source=source if path.exists() else "defaults",
        file=path,
        overridden=tuple(k for k in env_checks if k in env),
        env=tuple(
            (k, v)
            for k, v in sorted(env.items())
            if k.startswith(("RS_", "XDG_")) or k in ("HOME", "APPDATA", "LOCALAPPDATA")
        ),
    )
