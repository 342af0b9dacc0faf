"""The return policy an admin states: return windows, restocking fees, lead approval, SLA.

Every saved policy is a new version (the old ones stay, so a decision can say which one it
applied). A policy with a bad value is refused whole, naming the field: nothing is saved.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from receiving_station.errors import RuleViolation
from receiving_station.i18n import QT_TRANSLATE_NOOP

CHANNELS = ("web", "shopify", "loop", "aftership", "woocommerce")
"""Where RMAs come from (the channel column of a CSV, or the platform): offered first."""
CATEGORIES = ("apparel", "electronics", "home")
"""The product categories offered first; any other name an import uses is accepted too."""
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$", re.ASCII)
GRADES = ("A", "B", "C", "D", "X")

MAX_WINDOW_DAYS = 365
MAX_SLA_HOURS = 720
MAX_VALUE = 1_000_000.0

W_POLICY = QT_TRANSLATE_NOOP("errors", "The return policy")
F_WINDOW = QT_TRANSLATE_NOOP("errors", "Return window")
F_CHANNEL_WINDOW = QT_TRANSLATE_NOOP("errors", "Return window of a channel")
F_CATEGORY_WINDOW = QT_TRANSLATE_NOOP("errors", "Return window of a category")
F_FEE = QT_TRANSLATE_NOOP("errors", "Restocking fee")
F_LEAD_ABOVE = QT_TRANSLATE_NOOP("errors", "Lead approval above")
F_OVERRIDE = QT_TRANSLATE_NOOP("errors", "Override needs a lead above")
F_SLA = QT_TRANSLATE_NOOP("errors", "Exception SLA")
P_DAYS = QT_TRANSLATE_NOOP("errors", "a whole number of days from 1 to 365")
P_PERCENT = QT_TRANSLATE_NOOP("errors", "a percentage from 0 to 100")
P_VALUE = QT_TRANSLATE_NOOP("errors", "an amount from 0 to 1,000,000")
P_HOURS = QT_TRANSLATE_NOOP("errors", "a whole number of hours from 1 to 720")
P_GRADE = QT_TRANSLATE_NOOP("errors", "one of the grades A, B, C, D or X")
P_NAME = QT_TRANSLATE_NOOP(
    "errors", "a name of lower-case letters, digits, '_' or '-' (at most 32)"
)


class InvalidPolicy(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "{field}{which}: it must be {expected}; found {found}. Nothing was saved."
    )


def _whole(value: Any, lo: int, hi: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def _number(value: Any, lo: float, hi: float) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and lo <= value <= hi
    )


@dataclass(frozen=True)
class ReturnPolicy:
    window_days: int = 30
    """The return window of an RMA whose platform sent no expiry date."""
    window_by_channel: tuple[tuple[str, int], ...] = ()
    window_by_category: tuple[tuple[str, int], ...] = ()
    """A category's window wins over the channel's; an RMA with several categories gets the
    longest (the customer is never refused by the line that happened to come first)."""
    fee_percent: tuple[tuple[str, float], ...] = ()
    """Restocking fee kept on a partial refund, by grade."""
    lead_above_value: float = 500.0
    override_limit_value: float = 150.0
    sla_hours: int = 24
    """An exception open longer than this is past its SLA."""
    version: int = 0
    """0: the defaults from the files, before an admin saved a policy."""
    saved_at: datetime | None = None
    saved_by: str = ""

    def window_for(self, channel: str, categories: Iterable[str]) -> int:
        by_category = dict(self.window_by_category)
        windows = [by_category[c] for c in categories if c in by_category]
        if windows:
            return max(windows)
        return dict(self.window_by_channel).get(channel, self.window_days)

    def fee_of(self, grade: str) -> float:
        return dict(self.fee_percent).get(grade, 0.0)

    def check(self) -> None:
        """Raise :class:`InvalidPolicy` naming the first bad value."""

        def fail(field_: str, which: str, expected: str, found: Any) -> InvalidPolicy:
            return InvalidPolicy(field=field_, which=which, expected=expected, found=str(found))

        if not _whole(self.window_days, 1, MAX_WINDOW_DAYS):
            raise fail(F_WINDOW, "", P_DAYS, self.window_days)
        for pairs, name in (
            (self.window_by_channel, F_CHANNEL_WINDOW),
            (self.window_by_category, F_CATEGORY_WINDOW),
        ):
            for key, days in pairs:
                if not isinstance(key, str) or not KEY.match(key):
                    raise fail(name, f" ({key})", P_NAME, key)
                if not _whole(days, 1, MAX_WINDOW_DAYS):
                    raise fail(name, f" ({key})", P_DAYS, days)
        for grade, percent in self.fee_percent:
            if grade not in GRADES:
                raise fail(F_FEE, f" ({grade})", P_GRADE, grade)
            if not _number(percent, 0, 100):
                raise fail(F_FEE, f" ({grade})", P_PERCENT, percent)
        if not _number(self.lead_above_value, 0, MAX_VALUE):
            raise fail(F_LEAD_ABOVE, "", P_VALUE, self.lead_above_value)
        if not _number(self.override_limit_value, 0, MAX_VALUE):
            raise fail(F_OVERRIDE, "", P_VALUE, self.override_limit_value)
        if not _whole(self.sla_hours, 1, MAX_SLA_HOURS):
            raise fail(F_SLA, "", P_HOURS, self.sla_hours)

    def body(self) -> dict[str, Any]:
        """What is stored: the values, without the version's who and when."""
        return {
            "window_days": self.window_days,
            "window_by_channel": dict(self.window_by_channel),
            "window_by_category": dict(self.window_by_category),
            "fee_percent": dict(self.fee_percent),
            "lead_above_value": self.lead_above_value,
            "override_limit_value": self.override_limit_value,
            "sla_hours": self.sla_hours,
        }

    @classmethod
    def from_body(
        cls, body: Mapping[str, Any], version: int, saved_at: datetime | None, saved_by: str
    ) -> ReturnPolicy:
        return cls(
            window_days=body["window_days"],
            window_by_channel=tuple(sorted(body.get("window_by_channel", {}).items())),
            window_by_category=tuple(sorted(body.get("window_by_category", {}).items())),
            fee_percent=tuple(sorted(body.get("fee_percent", {}).items())),
            lead_above_value=float(body["lead_above_value"]),
            override_limit_value=float(body["override_limit_value"]),
            sla_hours=body["sla_hours"],
            version=version,
            saved_at=saved_at,
            saved_by=saved_by,
        )
