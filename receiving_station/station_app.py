"""What the composition root hands to the UI: the services and this station's facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from receiving_station.config import Config
from receiving_station.domain.model import Station
from receiving_station.ports import (
    ErrorSink,
    FrameSink,
    KeystrokeDecoder,
    ScanSink,
    ScanSource,
)
from receiving_station.services.station import StationServices


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
    open_camera: Callable[[FrameSink, ScanSink, ErrorSink], ScanSource] | None = None
    """None: no camera configured."""
