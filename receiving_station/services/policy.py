"""The return policy in force, and an admin's change to it: a new version, audited.

Before an admin saves one, the policy is the defaults from the files (the restocking fees
and limits of ``rules.toml``, the configured return window): version 0.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from receiving_station.domain.model import AuditEvent
from receiving_station.domain.permissions import Action
from receiving_station.domain.policy import W_POLICY, ReturnPolicy
from receiving_station.errors import StaleRecord
from receiving_station.ports import UnitOfWork, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor
from workflows.definition import RefundPolicy, Rules


def rules_in_force(uow: UnitOfWork, rules: Rules) -> tuple[Rules, int]:
    """The disposition rules with the fees and limits of the policy in force, and its
    version; the files' own values before an admin saved a policy (version 0)."""
    policy = uow.policies.latest()
    if policy is None:
        return rules, 0
    terms = RefundPolicy(
        fee_percent=policy.fee_percent,
        lead_above_value=policy.lead_above_value,
        override_limit_value=policy.override_limit_value,
    )
    return replace(rules, refund=terms), policy.version


def defaults_from(rules: Rules | None, window_days: int) -> ReturnPolicy:
    """The policy before an admin saved one: the files' fees and limits, the configured
    return window."""
    if rules is None:
        return ReturnPolicy(window_days=window_days)
    return ReturnPolicy(
        window_days=window_days,
        fee_percent=rules.refund.fee_percent,
        lead_above_value=rules.refund.lead_above_value,
        override_limit_value=rules.refund.override_limit_value,
    )


def policy_in_force(uow: UnitOfWork, defaults: ReturnPolicy) -> ReturnPolicy:
    return uow.policies.latest() or defaults


def current_policy(uow_factory: UnitOfWorkFactory, defaults: ReturnPolicy) -> ReturnPolicy:
    """What applies now; anyone logged in may read it."""
    with uow_factory(readonly=True) as uow:
        return policy_in_force(uow, defaults)


def policy_history(
    uow_factory: UnitOfWorkFactory, actor: Actor, limit: int = 20
) -> list[ReturnPolicy]:
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.EDIT_POLICY)
        return list(uow.policies.history(limit))


def save_policy(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    policy: ReturnPolicy,
    based_on: int,
    defaults: ReturnPolicy,
    now: datetime,
) -> ReturnPolicy:
    """Save ``policy`` as the next version. ``based_on`` is the version the admin edited:
    if another admin saved meanwhile, nothing is saved and they are told."""
    policy.check()
    with uow_factory() as uow:
        user, _station = load_actor(uow, actor, Action.EDIT_POLICY)
        before = policy_in_force(uow, defaults)
        if before.version != based_on:
            raise StaleRecord(what=W_POLICY)
        saved = replace(
            policy, version=before.version + 1, saved_at=now, saved_by=user.display_name
        )
        assert user.id is not None
        uow.policies.add(saved, user.id)
        uow.audit.add(
            AuditEvent(
                at=now,
                user_id=user.id,
                station_id=actor.station_id,
                action="policy.change",
                entity="return_policy",
                entity_id=str(saved.version),
                before={"version": before.version, **before.body()},
                after={"version": saved.version, **saved.body()},
            )
        )
        uow.commit()
        return saved
