"""This station's devices, as the Settings page tests and changes them (composition root).

Each test says plainly what works and what does not, and changes nothing. Saving checks the
admin in the core, checks that a new printer address answers, writes the configuration file
(checked whole first) and re-wires scanners, camera and printer without a restart.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from receiving_station.config import SERIAL_TERMINATORS, CameraConfig, Config, check_printer_uri
from receiving_station.config_file import save_settings
from receiving_station.domain.model import Station, User
from receiving_station.domain.permissions import Action
from receiving_station.domain.scan import ScanKind
from receiving_station.errors import (
    DeviceUnavailable,
    EnvironmentFailure,
    InvalidEntry,
    PrinterUnavailable,
)
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import ErrorSink, FrameSink, ScanSink, ScanSource
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.labels import Labeling, LabelSettings
from receiving_station.services.stations import F_STATION, update_station
from receiving_station.station_app import CameraCheck, CameraOpener

if TYPE_CHECKING:
    from receiving_station.station_app import StationApp

CAMERA = QT_TRANSLATE_NOOP("errors", "camera")
SERIAL = QT_TRANSLATE_NOOP("errors", "serial scanner")
CAMERA_TEST_S = 1.5
F_DATABASE = QT_TRANSLATE_NOOP("errors", "Database")
P_NOT_EMPTY = QT_TRANSLATE_NOOP("errors", "it already has users: demo data goes in an empty one")
P_FROM_ENVIRONMENT = QT_TRANSLATE_NOOP(
    "errors", "it is set by RS_STATION in the environment; change it there"
)


class PrinterNotAnswering(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer} does not answer ({detail}). Nothing was saved: check the "
        "address and that the printer is on, then save again.",
    )


def serial_opener(config: Config) -> Callable[[ScanSink, ErrorSink], ScanSource] | None:
    if not config.serial.port:
        return None
    from scanners.serial_scanner import SerialScanner

    port, baud = config.serial.port, config.serial.baud
    terminator = SERIAL_TERMINATORS[config.serial.terminator]
    return lambda on_scan, on_error: SerialScanner(port, baud, terminator, on_scan, on_error)


def camera_opener(cam: CameraConfig, classifier: Any) -> CameraOpener | None:
    if not cam.device:
        return None
    from scanners.camera import CameraScanner, Confirmer

    def accept(code: Any) -> bool:
        # A camera read counts only if it passes its check digit or one of our patterns.
        scan = classifier.classify(code.text)
        return bool(scan.readable and scan.kind is not ScanKind.UNKNOWN)

    def open_camera(on_frame: FrameSink, on_scan: ScanSink, on_error: ErrorSink) -> ScanSource:
        confirmer = Confirmer(cam.confirm_frames, cam.repeat_seconds, accept)
        return CameraScanner(
            cam.device,
            on_frame,
            on_scan,
            on_error,
            width=cam.width,
            height=cam.height,
            confirmer=confirmer,
        )

    return open_camera


def label_settings(config: Config) -> LabelSettings:
    return LabelSettings(
        printer=config.printer.uri,
        template=config.printer.template,
        format=config.printer.resolved_format(),
        language=config.printer.language or config.language or "en",
    )


def rewire(app: StationApp, config: Config) -> None:
    """Point the station at ``config``'s devices (the UI restarts what was running)."""
    from printing.renderer import TemplateRenderer
    from printing.transports import printer_for
    from scanners.classifier import ScanClassifier
    from scanners.wedge import wedge_decoder

    services = app.services
    classifier = ScanClassifier.from_config(config.scanner)
    services.classifier = classifier
    services.labeling = Labeling(TemplateRenderer(config.labels_dir), label_settings(config))
    services.printer = printer_for(config.printer.uri, config.printer.resolved_format())
    scanner = config.scanner
    app.new_wedge_decoder = lambda: wedge_decoder(scanner)
    app.open_serial_scanner = serial_opener(config)
    app.open_camera = camera_opener(config.camera, classifier)
    app.config = config


class Hardware:
    """What the Settings page asks of the devices."""

    def __init__(self, app: StationApp) -> None:
        self.app = app

    def serial_ports(self) -> list[str]:
        from serial.tools import list_ports

        return sorted(p.device for p in list_ports.comports())

    def test_serial(self, port: str, baud: int) -> None:
        """Open and close the port; ``DeviceUnavailable`` says why it does not open."""
        import serial

        if not port:
            raise DeviceUnavailable(device=SERIAL, detail="no port given")
        try:
            serial.serial_for_url(port, baudrate=baud, timeout=0.1).close()
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceUnavailable(device=SERIAL, detail=f"{port}: {exc}") from None

    def test_camera(self, device: str, width: int, height: int) -> CameraCheck:
        """Read frames for a moment: the size the camera gives and its frame rate."""
        from scanners.camera import open_capture

        if not device:
            raise DeviceUnavailable(device=CAMERA, detail="no camera given")
        capture = open_capture(device, width, height)
        try:
            ok, frame = capture.read()
            if not ok or frame is None:
                raise DeviceUnavailable(device=CAMERA, detail=f"{device}: no picture")
            frames, start = 0, time.monotonic()
            while time.monotonic() - start < CAMERA_TEST_S and frames < 300:
                ok, _ = capture.read()
                if not ok:
                    break
                frames += 1
            elapsed = max(time.monotonic() - start, 1e-6)
            return CameraCheck(int(frame.shape[1]), int(frame.shape[0]), frames / elapsed)
        finally:
            capture.release()

    def camera_opener(self, device: str, width: int, height: int) -> CameraOpener | None:
        """A live view of a camera not yet saved, reading codes as the station would."""
        cam = CameraConfig(device=device, width=width, height=height)
        return camera_opener(cam, self.app.services.classifier)

    def templates(self) -> list[str]:
        """The templates a unit's label can use (a badge label is for people)."""
        names = (p.stem for p in self.app.config.labels_dir.glob("*.toml"))
        return sorted(n for n in names if not n.startswith("badge-"))

    def test_print(self, uri: str, template: str, fmt: str, language: str) -> None:
        """Print a test label at ``uri`` straight away (``PrinterUnavailable`` says why not)."""
        from printing.renderer import TemplateRenderer
        from printing.transports import printer_for
        from receiving_station.services.labels import test_label

        config = self.app.config
        check_printer_uri(uri, "printer.uri", "settings")
        fmt = fmt or ("zpl" if uri.startswith(("tcp://", "cups-raw:")) else "pdf")
        settings = LabelSettings(uri, template, fmt, language or config.language or "en")
        test_label(
            TemplateRenderer(config.labels_dir),
            settings,
            printer_for(uri, fmt),
            self.app.services.clock.now(),
        )

    def probe_printer(self, uri: str) -> None:
        from printing.transports import printer_for

        check_printer_uri(uri, "printer.uri", "settings")
        try:
            printer_for(uri).probe()
        except PrinterUnavailable as exc:
            raise PrinterNotAnswering(**exc.params) from None

    def save(self, actor: Actor, changes: Mapping[str, Mapping[str, Any]]) -> Config:
        """Save this station's settings (admins only) and apply them."""
        services, config = self.app.services, self.app.config
        with services.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.CONFIGURE_STATION)
        station = changes.get("station", {})
        name = str(station.get("name", config.station_name)).strip().upper()
        location = str(station.get("location", config.station_location)).strip()
        if "station" in changes:  # the file holds the name as the station shows it
            changes = {**changes, "station": {**station, "name": name, "location": location}}
        uri = changes.get("printer", {}).get("uri", config.printer.uri)
        if uri != config.printer.uri:
            self.probe_printer(str(uri))
        if config.file is None:
            raise DeviceUnavailable(device="config", detail="no configuration file")
        renamed = (name.strip().upper(), location.strip()) != (
            self.app.station.name,
            self.app.station.location,
        )
        if (
            renamed
            and "RS_STATION" in config.overridden
            and name.strip().upper() != config.station_name
        ):
            raise InvalidEntry(field=F_STATION, problem=P_FROM_ENVIRONMENT)

        def record_station() -> None:
            # after the file is checked, before it is written: a refused name writes nothing
            if renamed:
                self.app.station = update_station(
                    services.uow_factory, actor, name, location, services.clock.now()
                )

        saved = save_settings(
            config.file, changes, env=dict(config.env), before_write=record_station
        )
        rewire(self.app, saved)
        return saved

    def stations(self) -> list[Station]:
        from receiving_station.services.stations import list_stations

        return list_stations(self.app.services.uow_factory)

    # -- first start ----------------------------------------------------------------------

    def first_admin(
        self, station: str, location: str, username: str, name: str, badge: str, pin: str
    ) -> User:
        """Name this station and create the first admin. The station's name and place are
        checked before anyone is created, so a refused entry leaves the database empty."""
        from receiving_station.services.stations import check_station

        check_station(station, location)
        services = self.app.services
        admin = services.create_first_admin(username, name, badge, pin)
        assert admin.id is not None
        self.save(
            Actor(admin.id, services.station_id),
            {"station": {"name": station, "location": location}},
        )
        self.app.first_start = False
        if self.app.remember_database is not None:
            self.app.remember_database()
        return admin

    def fill_demo(self, rmas: int) -> None:
        from data.demo import seed_demo

        services = self.app.services
        with services.uow_factory(readonly=True) as uow:
            if uow.users.count() > 0:
                raise InvalidEntry(field=F_DATABASE, problem=P_NOT_EMPTY)
        seed_demo(services.uow_factory.engine, rmas, services.clock.now().date())  # type: ignore[attr-defined]
        self.app.demo = True
        self.app.first_start = False
        if self.app.remember_database is not None:
            self.app.remember_database()
