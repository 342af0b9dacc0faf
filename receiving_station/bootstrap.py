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
from receiving_station.config_secrets import redacted_url
from receiving_station.errors import (
    AuditTrailUnprotected,
    ConfigError,
    DatabaseDamaged,
    DatabaseDamagedAtStart,
    DatabaseMissingAtStart,
    EnvironmentFailure,
    StationError,
)
from receiving_station.hardware import Hardware, camera_opener, serial_opener
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.known_database import KnownDatabase
from receiving_station.notifier import MailSettings, Notifier, TeamSettings
from receiving_station.ports import Clock
from receiving_station.services.labels import Labeling, LabelSettings
from receiving_station.services.station import StationServices
from receiving_station.services.stations import register_station
from receiving_station.station_app import StationApp
from scanners.wedge import wedge_decoder
from workflows.store import WorkflowStore

log = logging.getLogger("receiving_station")


class SchemaChangeRefused(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} does not let {user} change its schema: stations log in with "
        "a role that owns nothing. An admin runs 'receiving-station db upgrade --owner-url "
        "URL' once, with the URL of the role that owns the tables (or sets "
        "RS_DATABASE_OWNER_URL).",
    )


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


def _sqlite_file(url: str) -> Path | None:
    """The embedded database's file, or None (PostgreSQL, or SQLite in memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def _refuse_a_lost_file(config: Config, file: Path, new_database: bool) -> KnownDatabase | None:
    """What is known of ``file``; refuses to start on nothing where there was data."""
    from receiving_station import known_database

    known = known_database.known(config.data_dir, file)
    if known is not None and new_database:
        log.warning("starting afresh on purpose: %s no longer expected to hold data", file)
        known_database.forget(config.data_dir, file)
        return None
    if known is not None and (not file.exists() or file.stat().st_size == 0):
        raise DatabaseMissingAtStart(where=str(file), when=known.held_data_on)
    return known


def _make_private(config: Config, file: Path | None) -> None:
    """The data folder 0700, the database and configuration files 0600 (an older install's
    looser modes tightened; :mod:`receiving_station.private_files`)."""
    from receiving_station import private_files

    private_files.make_private_folder(config.data_dir)
    if file is not None:
        private_files.tighten_database_file(file)
    if config.file is not None:
        private_files.tighten_config_file(config.file)


def open_database(
    config: Config, *, upgrade: bool | None = None, new_database: bool = False
) -> Any:
    """The engine for ``config``, migrated when it is the embedded database (or asked to).

    The embedded file is checked first (``PRAGMA quick_check``), and refused when it is
    missing or empty where this station knew data (:mod:`receiving_station.known_database`)
    unless ``new_database``: starting afresh on purpose."""
    from sqlalchemy.exc import DBAPIError

    from data.dberrors import database_failure, where
    from data.dbfile import check_integrity, holds_data
    from data.engine import make_engine
    from data.migrate import current_revision, head_revision
    from data.migrate import upgrade as run_upgrade
    from data.roles import missing_audit_protection, owns_tables

    file = _sqlite_file(config.database_url)
    _make_private(config, file)
    known = _refuse_a_lost_file(config, file, new_database) if file is not None else None
    engine = make_engine(config.database_url)
    try:
        check_integrity(engine)
        if upgrade if upgrade is not None else config.embedded:
            run_upgrade(engine)
        found, needed = current_revision(engine), head_revision()
        if known is not None and found == needed and not holds_data(engine):
            raise DatabaseMissingAtStart(where=str(file), when=known.held_data_on)
        missing = missing_audit_protection(engine) if found == needed else []
        if missing:
            raise AuditTrailUnprotected(where=where(engine.url), missing=", ".join(missing))
    except DBAPIError as exc:
        engine.dispose()
        if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
            raise SchemaChangeRefused(
                where=where(engine.url), user=engine.url.username or "?"
            ) from exc
        failure = database_failure(exc, engine.url)
        if type(failure) is DatabaseDamaged:  # said at start: the station never opened it
            failure = DatabaseDamagedAtStart(**failure.params)
        raise failure from exc
    except StationError:
        engine.dispose()
        raise
    if found != needed:
        engine.dispose()
        raise SchemaOutOfDate(found=found or "none", needed=needed)
    if owns_tables(engine):
        log.warning(
            "the station logs in to %s as %s, which owns the tables: it could rewrite the "
            "audit trail. Give the stations a role of their own (README: the two roles).",
            where(engine.url),
            engine.url.username,
        )
    return engine


def upgrade_as_owner(config: Config, owner_url: str) -> str | None:
    """Bring the shared database to the newest schema through ``owner_url`` (the role that
    owns the tables), then grant the role of the station's own URL what a station needs
    (:func:`data.roles.grant_station_role`). The role granted, or None when the station's
    URL logs in as the owner itself (or names no user)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    from data.dberrors import database_failure
    from data.engine import make_engine
    from data.migrate import upgrade as run_upgrade

    owner, station = make_url(owner_url), make_url(config.database_url)
    for url in (owner, station):
        if url.get_backend_name() != "postgresql":
            raise ConfigError(
                key="--owner-url",
                expected="used with a shared PostgreSQL database, both URLs postgresql://",
                found=redacted_url(str(url.render_as_string(hide_password=False))),
                source="the command line",
            )
    role = station.username if station.username != owner.username else None
    engine = make_engine(owner_url)
    try:
        run_upgrade(engine, station_role=role)
    except DBAPIError as exc:
        raise database_failure(exc, engine.url) from exc
    finally:
        engine.dispose()
    return role


def _remember_database(config: Config, engine: Any, clock: Clock) -> None:
    """Note, outside the file, that the embedded database holds data now."""
    from data.dbfile import database_id, holds_data
    from receiving_station import known_database

    file = _sqlite_file(config.database_url)
    if file is None or not holds_data(engine):
        return
    # database_id() writes, so a file deleted or replaced meanwhile is refused, not noted.
    known_database.remember(config.data_dir, file, database_id(engine), clock.now())


def station_clock(config: Config) -> SystemClock:
    """The real clock in the warehouse's zone (``[station] timezone``, else the machine's)."""
    return SystemClock(zone_named(config.timezone) if config.timezone else None)


def bootstrap(
    config: Config,
    *,
    demo_rmas: int = 0,
    today: date | None = None,
    clock: Clock | None = None,
    new_database: bool = False,
) -> StationApp:
    """Wire the station. ``demo_rmas`` > 0 fills an empty database with demo data first.
    ``clock``: the time every service and page reads (the real one, in the warehouse's zone,
    unless a test or a replay gives another). ``new_database``: start afresh on purpose
    where the embedded database file that held data is missing."""
    from data.demo import seed_demo
    from data.notify import change_feed_opener
    from data.settings import get_setting
    from data.uow import SqlUnitOfWorkFactory
    from printing.renderer import configured_renderer
    from scanners.classifier import ScanClassifier
    from scanners.images import OpenCvPhotos

    renderer = configured_renderer(config.labels_dir, config.printer.template, config.source)
    engine = open_database(config, new_database=new_database)
    if clock is None:
        clock = station_clock(config)
    uow_factory = SqlUnitOfWorkFactory(engine)
    with uow_factory(readonly=True) as uow:
        empty = uow.users.count() == 0
    if empty and demo_rmas > 0:
        seed_demo(engine, demo_rmas, today or clock.now().date())
    station = register_station(uow_factory, config.station_name, config.station_location)
    with engine.connect() as conn:
        demo = get_setting(conn, "demo") == "yes"
    with uow_factory(readonly=True) as uow:
        first_start = uow.users.count() == 0
    _remember_database(config, engine, clock)
    assert station.id is not None
    station_time: Clock = clock
    classifier = ScanClassifier.from_config(config.scanner)
    workflows = WorkflowStore(config.workflows_dir)
    for error in workflows.reload():
        log.warning("workflow definitions: %s", error)
    from printing.evidence import EvidencePdf
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
        login_policy=config.login,
        workflows=workflows,
        labeling=Labeling(renderer, settings),
        printer=printer_for(config.printer.uri, config.printer.resolved_format()),
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
        close=lambda: _close(config, engine, station_time),
        open_serial_scanner=serial_opener(config),
        open_camera=camera_opener(config.camera, classifier),
        open_change_feed=change_feed_opener(engine),
    )
    app.first_start = first_start
    app.remember_database = lambda: _remember_database(config, engine, station_time)
    app.hardware = Hardware(app)
    return app


def _close(config: Config, engine: Any, clock: Clock) -> None:
    try:
        _remember_database(config, engine, clock)
    except StationError as exc:
        log.warning("the database was not noted as holding data: %s", exc)
    finally:
        engine.dispose()
