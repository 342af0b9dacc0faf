"""What a floor lead does from any station: the exception queue and decisions. A mixin of
:class:`~receiving_station.services.station.StationServices`; every call is checked in the
core (leads and admins)."""

from __future__ import annotations

from datetime import datetime

from receiving_station.domain.model import ExceptionCase
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.ports import UnitOfWorkFactory
from receiving_station.services import leads
from receiving_station.services.context import Actor
from receiving_station.services.labels import Labeling
from receiving_station.services.leads import QueueFilter, QueueRow
from workflows.store import WorkflowStore


class LeadServices:
    uow_factory: UnitOfWorkFactory
    workflows: WorkflowStore | None
    labeling: Labeling | None

    def _now(self) -> datetime:
        raise NotImplementedError

    def readable(self, raw: str | bytes) -> ClassifiedScan:
        raise NotImplementedError

    def return_policy(self) -> object:
        raise NotImplementedError

    def exception_queue(self, actor: Actor, wanted: QueueFilter | None = None) -> list[QueueRow]:
        """Every exception still waiting for a lead (or as filtered), oldest first."""
        sla = getattr(self.return_policy(), "sla_hours", 24)
        return leads.queue(self.uow_factory, actor, wanted or QueueFilter(), self._now(), sla)

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
    ) -> ExceptionCase:
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
        )
