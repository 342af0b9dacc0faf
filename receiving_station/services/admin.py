"""What admins do from the station: the people of the dock and the return policy. Every
call is checked in the core (admins only), whatever the UI offers."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from receiving_station.domain.model import AuditEvent, User
from receiving_station.domain.permissions import Action
from receiving_station.domain.policy import ReturnPolicy
from receiving_station.errors import NotFound
from receiving_station.ports import Printer, UnitOfWorkFactory
from receiving_station.services import labels, policy, users
from receiving_station.services.context import Actor, load_actor
from receiving_station.services.labels import Labeling
from workflows.store import WorkflowStore


class AdminServices:
    uow_factory: UnitOfWorkFactory
    workflows: WorkflowStore | None
    window_days: int
    labeling: Labeling | None
    printer: Printer | None

    if TYPE_CHECKING:  # provided by StationServices, which these methods are part of

        def _now(self) -> datetime: ...

    # -- users (admins) -------------------------------------------------------------------

    def list_users(self, actor: Actor) -> list[User]:
        return users.list_users(self.uow_factory, actor)

    def create_user(
        self,
        actor: Actor,
        username: str,
        name: str,
        role: str,
        badge: str,
        pin: str,
        language: str = "",
    ) -> User:
        return users.create_user(
            self.uow_factory, actor, username, name, role, badge, pin, self._now(), language
        )

    def create_first_admin(
        self, username: str, name: str, badge: str, pin: str, language: str = ""
    ) -> User:
        """The first user of an empty database: an admin, created without one."""
        return users.create_user(
            self.uow_factory, None, username, name, "admin", badge, pin, self._now(), language
        )

    def update_user(
        self,
        actor: Actor,
        user_id: int,
        seen_version: int,
        *,
        name: str,
        role: str,
        badge: str,
        language: str = "",
    ) -> User:
        return users.update_user(
            self.uow_factory,
            actor,
            user_id,
            seen_version,
            self._now(),
            display_name=name,
            role=role,
            badge=badge,
            language=language,
        )

    def set_user_active(self, actor: Actor, user_id: int, seen_version: int, active: bool) -> User:
        return users.set_active(self.uow_factory, actor, user_id, seen_version, self._now(), active)

    def set_user_pin(self, actor: Actor, user_id: int, seen_version: int, pin: str) -> User:
        return users.set_pin(self.uow_factory, actor, user_id, seen_version, self._now(), pin)

    def print_badge(self, actor: Actor, user_id: int) -> User:
        """Print a user's badge label on this station's printer (admins)."""
        if self.labeling is None or self.printer is None:
            raise NotFound(what="printer")
        now = self._now()
        with self.uow_factory(readonly=True) as uow:
            load_actor(uow, actor, Action.MANAGE_USERS)
            user = uow.users.get(user_id)
        if user is None:
            raise NotFound(what=str(user_id))
        # printed outside any transaction: a slow printer never holds the database
        labels.badge_label(self.labeling.renderer, self.labeling.settings, self.printer, user, now)
        with self.uow_factory() as uow:
            uow.audit.add(
                AuditEvent(
                    at=now,
                    user_id=actor.user_id,
                    station_id=actor.station_id,
                    action="user.badge_printed",
                    entity="user",
                    entity_id=user.username,
                    after={"badge": user.badge_code, "printer": self.printer.uri},
                )
            )
            uow.commit()
        return user

    # -- the return policy ----------------------------------------------------------------

    def policy_defaults(self) -> ReturnPolicy:
        rules = self.workflows.library.rules if self.workflows is not None else None
        return policy.defaults_from(rules, self.window_days)

    def return_policy(self) -> ReturnPolicy:
        """The policy in force (version 0: the files' defaults)."""
        return policy.current_policy(self.uow_factory, self.policy_defaults())

    def policy_history(self, actor: Actor) -> list[ReturnPolicy]:
        return policy.policy_history(self.uow_factory, actor)

    def save_policy(self, actor: Actor, new: ReturnPolicy, based_on: int) -> ReturnPolicy:
        return policy.save_policy(
            self.uow_factory, actor, new, based_on, self.policy_defaults(), self._now()
        )
