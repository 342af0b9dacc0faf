"""Disposition and refund: what the rules propose for a unit, and whether a lead must approve.

Rules are tried in order and the first whose every given criterion matches wins; the last
rule has no criteria, so every unit gets a proposal. A disposition hint from the workflow's
answers (the inspector answered "does not power on": refurbish) is used when only that
fallback rule matched. The proposal names the rule that produced it, so the inspector sees
why; an override needs a reason, and above the policy's limit waits for a lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from receiving_station.errors import BadAnswer
from receiving_station.i18n import QT_TRANSLATE_NOOP
from workflows.definition import DISPOSITIONS, Rule, Rules
from workflows.engine import Result

NO_REASON = QT_TRANSLATE_NOOP("errors", "an override needs a reason of a few words")
NOT_A_DISPOSITION = QT_TRANSLATE_NOOP("errors", "choose one of the dispositions shown")
HINT_RULE = "hint"


@dataclass(frozen=True)
class Unit:
    """What the rules look at."""

    grade: str
    category: str
    reason: str
    value: Decimal
    result: Result


@dataclass(frozen=True)
class Proposal:
    disposition: str
    zone: str
    refund: str
    refund_amount: Decimal
    fee_percent: float
    rule: str
    """The id of the rule that produced it (``hint``: the workflow's answer did)."""
    rules_version: int
    lead_approval: bool
    why_lead: tuple[str, ...] = ()
    """failed_checks, exception, rule, value_above_limit, override."""


def _matches(rule: Rule, unit: Unit) -> bool:
    value = float(unit.value)
    return (
        (not rule.grades or unit.grade in rule.grades)
        and (not rule.categories or unit.category in rule.categories)
        and (not rule.reasons or unit.reason in rule.reasons)
        and (not rule.flags or any(f in unit.result.flags for f in rule.flags))
        and (not rule.exceptions or any(e in unit.result.exceptions for e in rule.exceptions))
        and (rule.min_value is None or value >= rule.min_value)
        and (rule.max_value is None or value <= rule.max_value)
    )


def _is_fallback(rule: Rule) -> bool:
    return not (
        rule.grades
        or rule.categories
        or rule.reasons
        or rule.flags
        or rule.exceptions
        or rule.min_value is not None
        or rule.max_value is not None
    )


def refund_for(rules: Rules, refund: str, grade: str, value: Decimal) -> tuple[Decimal, float]:
    if refund == "none":
        return Decimal("0.00"), 100.0
    if refund == "full":
        return value.quantize(Decimal("0.01")), 0.0
    fee = dict(rules.refund.fee_percent).get(grade, 0.0)
    amount = value * (Decimal(100) - Decimal(str(fee))) / Decimal(100)
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), fee


def propose(rules: Rules, unit: Unit) -> Proposal:
    rule = next(r for r in (*rules.rules,) if _matches(r, unit))
    disposition, zone, rule_id = rule.disposition, rule.zone, rule.id
    if _is_fallback(rule) and unit.result.hints:
        disposition, zone, rule_id = unit.result.hints[0], "", HINT_RULE
    amount, fee = refund_for(rules, rule.refund, unit.grade, unit.value)
    why = []
    if unit.result.flags:
        why.append("failed_checks")
    if unit.result.exceptions:
        why.append("exception")
    if rule.lead_approval:
        why.append("rule")
    if float(unit.value) > rules.refund.lead_above_value:
        why.append("value_above_limit")
    return Proposal(
        disposition=disposition,
        zone=zone or rules.zone_of(disposition),
        refund=rule.refund,
        refund_amount=amount,
        fee_percent=fee,
        rule=rule_id,
        rules_version=rules.version,
        lead_approval=bool(why),
        why_lead=tuple(why),
    )


def override(
    rules: Rules, proposal: Proposal, disposition: str, reason: str, value: Decimal
) -> Proposal:
    """The inspector's own disposition instead of the proposal. Needs a reason; on a unit
    worth more than the policy's override limit it waits for a lead."""
    if disposition not in DISPOSITIONS:
        raise BadAnswer(step="disposition", problem=NOT_A_DISPOSITION)
    if len(reason.strip()) < 3:
        raise BadAnswer(step="disposition", problem=NO_REASON)
    above = float(value) > rules.refund.override_limit_value
    why = proposal.why_lead + (("override",) if above else ())
    return Proposal(
        disposition=disposition,
        zone=rules.zone_of(disposition),
        refund=proposal.refund,
        refund_amount=proposal.refund_amount,
        fee_percent=proposal.fee_percent,
        rule=proposal.rule,
        rules_version=proposal.rules_version,
        lead_approval=proposal.lead_approval or above,
        why_lead=why,
    )
