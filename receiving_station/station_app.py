"""What the composition root hands to the UI: the services and this station's facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from receiving_station.config import Config
from receiving_station.domain.model import Station, User
from receiving_station.ports import (
    ChangeFeedOpener,
    ErrorSink,
    FrameSink,
    KeystrokeDecoder,
    ScanSink,
    ScanSource,
)
from receiving_station.services.context import Actor
from receiving_station.services.station import StationServices

CameraOpener = Callable[[FrameSink, ScanSink, ErrorSink], ScanSource]


@dataclass(frozen=True)
class CameraCheck:
    width: int
    height: int
    fps: float


class StationHardware(Protocol):
    """What the Settings page asks of this station's devices; each test raises an
    ``EnvironmentFailure`` saying what does not work."""

    def serial_ports(self) -> list[str]: ...
    def test_serial(self, port: str, baud: int) -> None: ...
    def test_camera(self, device: str, width: int, height: int) -> CameraCheck: ...
    def camera_opener(self, device: str, width: int, height: int) -> CameraOpener | None: ...
    def templates(self) -> list[str]: ...
    def test_print(self, uri: str, template: str, fmt: str, language: str) -> None: ...
    def save(self, actor: Actor, changes: Mapping[str, Mapping[str, Any]]) -> Config: ...
    def stations(self) -> list[Station]: ...
    def first_admin(
        self, station: str, location: str, username: str, name: str, badge: str, pin: str
    ) -> User:
        """First start: name this station and create the first admin (nothing else exists)."""
        ...

    def fill_demo(self, rmas: int) -> None:
        """First start: demo people, stations and returns instead (an empty database only)."""
        ...


@dataclass
class StationApp:
    config: Config
    services: StationServices
    station: Station
    demo: bool
    database_label: str
    new_wedge_decoder: Callable[[], KeystrokeDecoder]
    close: Callable[[], None]
    open_serial_scanner: Callable[[ScanSink, ErrorSink], ScanSource] | None = None
    """None: no serial scanner configured."""
    open_camera: CameraOpener | None = None
    """None: no camera configured."""
    open_change_feed: ChangeFeedOpener | None = None
    """None: the database cannot announce changes (SQLite); leads' pages poll."""
    hardware: StationHardware | None = None
    first_start: bool = False
    """An empty database: the window opens on the guided set-up, not the log-in."""
    remember_database: Callable[[], None] | None = None
    """Note, outside the embedded database file, that it now holds data (a set-up just
    filled it), so a start that finds it gone says so instead of starting empty."""
