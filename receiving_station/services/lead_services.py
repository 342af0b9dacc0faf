"""What a floor lead does from any station: the exception queue and decisions. A mixin of
:class:`~receiving_station.services.station.StationServices`; every call is checked in the
core (leads and admins)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_station.domain.login import LoginPolicy
from receiving_station.domain.model import ExceptionCase
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.errors import NotFound, RuleViolation
from receiving_station.ports import Hit, ShiftReportRenderer, UnitOfWorkFactory
from receiving_station.services import history, leads, shift
from receiving_station.services.context import Actor
from receiving_station.services.history import History
from receiving_station.services.labels import Labeling
from receiving_station.services.leads import QueueFilter, QueueRow
from receiving_station.services.shift import ShiftFigures
from workflows.store import WorkflowStore


class LeadServices:
    uow_factory: UnitOfWorkFactory
    workflows: WorkflowStore | None
    labeling: Labeling | None
    report_renderer: ShiftReportRenderer | None
    language: str
    login_policy: LoginPolicy
    sleep: Callable[[float], None]

    if TYPE_CHECKING:  # provided by StationServices, which these methods are part of

        def _now(self) -> datetime: ...
        def readable(self, raw: str | bytes) -> ClassifiedScan: ...
        def return_policy(self) -> object: ...

    def exception_queue(self, actor: Actor, wanted: QueueFilter | None = None) -> list[QueueRow]:
        """Every exception still waiting for a lead (or as filtered), oldest first."""
        sla = getattr(self.return_policy(), "sla_hours", 24)
        return leads.queue(self.uow_factory, actor, wanted or QueueFilter(), self._now(), sla)

    def shift_figures(self, actor: Actor, day: date) -> ShiftFigures:
        """The day's figures (leads and admins, and the command line)."""
        sla = getattr(self.return_policy(), "sla_hours", 24)
        return shift.figures(self.uow_factory, actor, day, self._now(), sla)

    def shift_report(self, actor: Actor, day: date, language: str = "") -> bytes:
        """The shift report (PDF): the dashboard's figures and charts."""
        if self.report_renderer is None:
            raise NotFound(what="report renderer")
        return self.report_renderer.render(
            self.shift_figures(actor, day), language or self.language
        )

    def export_units(
        self,
        actor: Actor,
        day: date,
        path: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> int:
        """The day's units as CSV; cancellable, never a half file."""
        start, end = shift.day_bounds(day, self._now().tzinfo or UTC)
        return shift.export_units(self.uow_factory, actor, start, end, path, progress, cancelled)

    def search(self, actor: Actor, text: str) -> list[Hit]:
        """What a typed or scanned text finds; a scan is tried in each of its readings."""
        texts = [text]
        with contextlib.suppress(RuleViolation):  # not a barcode we know: the text as typed
            texts += [r.text for r in self.readable(text.strip()).readings()]
        return history.search(self.uow_factory, actor, texts)

    def history(self, actor: Actor, kind: str, key: str) -> History:
        return history.history(self.uow_factory, actor, kind, key)

    def queue_signature(self) -> tuple[int, ...]:
        return leads.queue_signature(self.uow_factory)

    def decide_exception(
        self,
        actor: Actor,
        exception_id: int,
        seen_version: int,
        decision: str,
        *,
        note: str = "",
        disposition: str = "",
        rma: str = "",
        lead_badge: str = "",
        lead_pin: str = "",
    ) -> ExceptionCase:
        """A lead's decision; an override or an approval outside the policy needs the
        deciding lead's badge (scanned or typed) and PIN (``DecisionNeedsPin`` without)."""
        badge = self.readable(lead_badge).text if lead_badge.strip() else ""
        rules = self.workflows.library.rules if self.workflows is not None else None
        return leads.decide(
            self.uow_factory,
            actor,
            exception_id,
            seen_version,
            decision,
            self._now(),
            rules,
            note=note,
            disposition=disposition,
            rma_scan=self.readable(rma) if rma.strip() else None,
            label=self.labeling,
            lead_badge=badge,
            lead_pin=lead_pin,
            login_policy=self.login_policy,
            sleep=self.sleep,
        )
