"""The composition root: the one place that wires the real adapters to the core.

Calling :func:`bootstrap` opens the database (bringing an embedded one to the newest schema),
registers this station, and returns the services the UI and the CLI use.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from receiving_station.clock import SystemClock, zone_named
from receiving_station.config import Config
from receiving_station.domain.model import Station
from receiving_station.errors import EnvironmentFailure
from receiving_station.hardware import Hardware, camera_opener, serial_opener
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.notifier import MailSettings, Notifier, TeamSettings
from receiving_station.ports import Clock
from receiving_station.services.labels import Labeling, LabelSettings
from receiving_station.services.station import StationServices
from receiving_station.station_app import StationApp
from scanners.wedge import wedge_decoder
from workflows.store import WorkflowStore

log = logging.getLogger("receiving_station")


class SchemaOutOfDate(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The shared database has schema {found}; this station needs {needed}. "
        "An admin runs 'receiving-station db upgrade' once, then every station starts.",
    )


def _database_label(url: str) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite {parsed.database}"
    hosts = parsed.query.get("host", ())  # a primary and its standbys: ?host=A:P&host=B:P
    named = ",".join([hosts] if isinstance(hosts, str) else hosts) or parsed.host or "localhost"
    return f"PostgreSQL {named}/{parsed.database}"


def open_database(config: Config, *, upgrade: bool | None = None) -> Any:
    """The engine for ``config``, migrated when it is the embedded database (or asked to)."""
    from sqlalchemy.exc import DBAPIError

    from data.engine import make_engine
    from data.migrate import current_revision, head_revision
    from data.migrate import upgrade as run_upgrade
    from receiving_station.errors import DatabaseUnavailable

    engine = make_engine(config.database_url)
    try:
        if upgrade if upgrade is not None else config.embedded:
            run_upgrade(engine)
        found, needed = current_revision(engine), head_revision()
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseUnavailable(detail=str(exc.orig).splitlines()[0][:160]) from exc
    if found != needed:
        engine.dispose()
        raise SchemaOutOfDate(found=found or "none", needed=needed)
    return engine


def station_clock(config: Config) -> SystemClock:
    """The real clock in the warehouse's zone (``[station] timezone``, else the machine's)."""
    return SystemClock(zone_named(config.timezone) if config.timezone else None)


def bootstrap(
    config: Config,
    *,
    demo_rmas: int = 0,
    today: date | None = None,
    clock: Clock | None = None,
) -> StationApp:
    """Wire the station. ``demo_rmas`` > 0 fills an empty database with demo data first.
    ``clock``: the time every service and page reads (the real one, in the warehouse's zone,
    unless a test or a replay gives another)."""
    from data.demo import seed_demo
    from data.notify import change_feed_opener
    from data.settings import get_setting
    from data.uow import SqlUnitOfWorkFactory
    from scanners.classifier import ScanClassifier
    from scanners.images import OpenCvPhotos

    engine = open_database(config)
    if clock is None:
        clock = station_clock(config)
    uow_factory = SqlUnitOfWorkFactory(engine)
    with uow_factory(readonly=True) as uow:
        empty = uow.users.count() == 0
    if empty and demo_rmas > 0:
        seed_demo(engine, demo_rmas, today or clock.now().date())
    with uow_factory() as uow:
        station = uow.stations.by_name(config.station_name)
        if station is None:
            station = uow.stations.add(Station(None, config.station_name, config.station_location))
        uow.commit()
    with engine.connect() as conn:
        demo = get_setting(conn, "demo") == "yes"
    with uow_factory(readonly=True) as uow:
        first_start = uow.users.count() == 0
    assert station.id is not None
    classifier = ScanClassifier.from_config(config.scanner)
    workflows = WorkflowStore(config.workflows_dir)
    for error in workflows.reload():
        log.warning("workflow definitions: %s", error)
    from printing.evidence import EvidencePdf
    from printing.renderer import TemplateRenderer
    from printing.shift_report import ShiftReportPdf
    from printing.transports import printer_for

    settings = LabelSettings(
        printer=config.printer.uri,
        template=config.printer.template,
        format=config.printer.resolved_format(),
        language=config.printer.language or config.language or "en",
    )
    services = StationServices(
        uow_factory,
        classifier,
        clock,
        station.id,
        hold_minutes=config.hold_minutes,
        workflows=workflows,
        labeling=Labeling(TemplateRenderer(config.labels_dir), settings),
        printer=printer_for(config.printer.uri),
        transport=Notifier(MailSettings(**config.mail), TeamSettings(**config.teams)),
        import_folder=Path(config.import_folder).expanduser() if config.import_folder else None,
        window_days=config.window_days,
        photo_preparer=OpenCvPhotos(),
        evidence_renderer=EvidencePdf(),
        report_renderer=ShiftReportPdf(),
        language=config.language or "en",
    )
    scanner = config.scanner
    app = StationApp(
        config=config,
        services=services,
        station=station,
        demo=demo,
        database_label=_database_label(config.database_url),
        new_wedge_decoder=lambda: wedge_decoder(scanner),
        close=engine.dispose,
        open_serial_scanner=serial_opener(config),
        open_camera=camera_opener(config.camera, classifier),
        open_change_feed=change_feed_opener(engine),
    )
    app.first_start = first_start
    app.hardware = Hardware(app)
    return app
