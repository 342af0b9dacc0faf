"""The unit of work: one connection, one transaction, the repositories bound to it."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from data.dberrors import database_error, database_failure
from data.history import SqlHistory
from data.inspections import SqlInspections, SqlPhotos, SqlWorkflowDefinitions
from data.labels import SqlLabels
from data.logins import SqlLoginCounters
from data.outbox import SqlOutbox
from data.policies import SqlPolicies
from data.queue import SqlQueueReads
from data.reports import SqlReports
from data.repositories import (
    SqlAudit,
    SqlClaims,
    SqlExceptions,
    SqlReceipts,
    SqlRmas,
    SqlStations,
)
from data.rma_imports import SqlRmaImports
from data.users import SqlUsers
from receiving_station.errors import DatabaseUnavailable
from receiving_station.ports import (
    AuditLog,
    ClaimRepository,
    ExceptionRepository,
    HistoryRepository,
    InspectionRepository,
    LabelRepository,
    LoginCounters,
    Outbox,
    PhotoRepository,
    PolicyRepository,
    QueueReads,
    ReceiptRepository,
    ReportRepository,
    RmaImports,
    RmaRepository,
    StationRepository,
    UserRepository,
    WorkflowDefinitions,
)

log = logging.getLogger(__name__)


def _unavailable(exc: DBAPIError, url: URL) -> DatabaseUnavailable:
    """What the database did, in its own words (disk full, damaged, locked, ...)."""
    return database_failure(exc, url)


def _is_environmental(exc: BaseException, url: URL) -> bool:
    return isinstance(exc, DBAPIError) and database_error(exc, url) is not None


class SqlUnitOfWork:
    """``with SqlUnitOfWork(engine) as uow: ...; uow.commit()``. Leaving without commit rolls
    back. A lost, full, damaged, read-only or locked database surfaces as one of the
    :class:`DatabaseUnavailable` errors, saying which."""

    users: UserRepository
    stations: StationRepository
    rmas: RmaRepository
    receipts: ReceiptRepository
    exceptions: ExceptionRepository
    inspections: InspectionRepository
    workflow_definitions: WorkflowDefinitions
    photos: PhotoRepository
    labels: LabelRepository
    outbox: Outbox
    claims: ClaimRepository
    policies: PolicyRepository
    reports: ReportRepository
    history: HistoryRepository
    queue: QueueReads
    audit: AuditLog
    rma_imports: RmaImports
    logins: LoginCounters

    def __init__(self, engine: Engine, *, readonly: bool = False) -> None:
        self._engine = engine.execution_options(rs_readonly=True) if readonly else engine
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        try:
            conn = self._engine.connect()
        except DBAPIError as exc:
            raise _unavailable(exc, self._engine.url) from exc
        try:
            conn.begin()
        except BaseException as exc:  # the connection goes back, whatever refused the BEGIN
            conn.close()
            if isinstance(exc, DBAPIError):
                raise _unavailable(exc, self._engine.url) from exc
            raise
        self._conn = conn
        self.users = SqlUsers(conn)
        self.stations = SqlStations(conn)
        self.rmas = SqlRmas(conn)
        self.receipts = SqlReceipts(conn)
        self.exceptions = SqlExceptions(conn)
        self.inspections = SqlInspections(conn)
        self.workflow_definitions = SqlWorkflowDefinitions(conn)
        self.photos = SqlPhotos(conn)
        self.labels = SqlLabels(conn)
        self.outbox = SqlOutbox(conn)
        self.claims = SqlClaims(conn)
        self.policies = SqlPolicies(conn)
        self.reports = SqlReports(conn)
        self.history = SqlHistory(conn)
        self.queue = SqlQueueReads(conn)
        self.audit = SqlAudit(conn)
        self.rma_imports = SqlRmaImports(conn)
        self.logins = SqlLoginCounters(conn)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if conn.in_transaction():
                conn.rollback()
        except DBAPIError:
            log.warning("rollback failed; the connection is discarded", exc_info=True)
            conn.invalidate()
        finally:
            conn.close()
        if isinstance(exc, DBAPIError) and _is_environmental(exc, self._engine.url):
            raise _unavailable(exc, self._engine.url) from exc

    def commit(self) -> None:
        assert self._conn is not None, "commit outside 'with'"
        try:
            self._conn.commit()
        except DBAPIError as exc:
            if _is_environmental(exc, self._engine.url):
                raise _unavailable(exc, self._engine.url) from exc
            raise

    def rollback(self) -> None:
        if self._conn is not None and self._conn.in_transaction():
            self._conn.rollback()


class SqlUnitOfWorkFactory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self, *, readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, readonly=readonly)
