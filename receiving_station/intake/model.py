"""What an import file holds, once read: RMAs with their lines, and the problems found."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from receiving_station.domain.model import RmaStatus

REASONS = (
    "COLOR",
    "DEFECTIVE",
    "NOT_AS_DESCRIBED",
    "OTHER",
    "SIZE_TOO_LARGE",
    "SIZE_TOO_SMALL",
    "STYLE",
    "UNKNOWN",
    "UNWANTED",
    "WRONG_ITEM",
)
"""Return reasons, as Shopify's ReturnReason enum names them."""

_REASON_WORDS = (
    (("too small", "small", "tight", "trop petit"), "SIZE_TOO_SMALL"),
    (("too large", "too big", "large", "big", "loose", "trop grand"), "SIZE_TOO_LARGE"),
    (("defect", "broken", "damaged", "faulty", "not working", "défectueux"), "DEFECTIVE"),
    (("wrong item", "wrong product", "incorrect item", "mauvais article"), "WRONG_ITEM"),
    (("not as described", "different from", "description"), "NOT_AS_DESCRIBED"),
    (("colour", "color", "couleur"), "COLOR"),
    (("style", "look", "fit"), "STYLE"),
    (("changed my mind", "no longer", "unwanted", "don't want", "not needed"), "UNWANTED"),
)


def reason_code(text: str) -> str:
    """A platform's reason (a code, or words) as one of :data:`REASONS`."""
    upper = text.strip().upper().replace(" ", "_")
    if upper in REASONS:
        return upper
    lower = text.lower()
    for words, code in _REASON_WORDS:
        if any(w in lower for w in words):
            return code
    return "OTHER" if text.strip() else "UNKNOWN"


@dataclass(frozen=True)
class IncomingLine:
    line_no: int
    sku: str
    description: str
    quantity: int
    gtin: str = ""
    category: str = ""
    unit_value: Decimal = Decimal("0")
    reason_code: str = "UNKNOWN"
    reason_note: str = ""
    serials: tuple[str, ...] = ()


@dataclass(frozen=True)
class IncomingRma:
    number: str
    order_ref: str
    channel: str
    customer_name: str
    customer_email: str
    created_on: date
    lines: tuple[IncomingLine, ...]
    customer_language: str = "en"
    expires_on: date | None = None
    """None: the station's return window from ``created_on``."""
    status: RmaStatus = RmaStatus.OPEN
    tracking: tuple[str, ...] = ()
    where: str = ""
    """Where in the file it came from (first line, or JSON path)."""

    def fingerprint(self) -> str:
        """The content, to tell an update from the same record imported again."""
        data = asdict(self)
        data.pop("where")
        return json.dumps(data, sort_keys=True, default=str)


@dataclass(frozen=True)
class Problem:
    where: str
    """'line 7', '$.data.returns.edges[2].node', or 'file'."""
    reason: str
    number: str = ""
    """The RMA it concerns, when known: that RMA is not imported at all."""


@dataclass
class Parsed:
    format: str
    rmas: list[IncomingRma] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class RowError(ValueError):
    """A value that cannot be read; the parser reports it with where it was."""


def text_of(value: Any, name: str, *, required: bool = True, limit: int = 200) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"{name} is missing")
        return ""
    if isinstance(value, (dict, list)):
        raise RowError(f"{name} should be text, not {type(value).__name__}")
    words = str(value).strip()
    if len(words) > limit:
        raise RowError(f"{name} is longer than {limit} characters")
    return words


def int_of(value: Any, name: str, *, default: int | None = None, low: int = 1) -> int:
    if value in (None, "") and default is not None:
        return default
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise RowError(f"{name} should be a whole number, not {value!r}") from None
    if number < low:
        raise RowError(f"{name} should be at least {low}, not {number}")
    return number


def money_of(value: Any, name: str) -> Decimal:
    if value in (None, ""):
        return Decimal("0")
    if isinstance(value, dict):
        value = value.get("amount", value.get("value", ""))
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise RowError(f"{name} should be an amount, not {value!r}") from None
    if amount < 0 or not amount.is_finite():
        raise RowError(f"{name} should be an amount of at least 0, not {value!r}")
    return amount.quantize(Decimal("0.01"))


def date_of(value: Any, name: str) -> date:
    words = text_of(value, name)
    try:
        if len(words) == 10:
            return date.fromisoformat(words)
        return datetime.fromisoformat(words.replace("Z", "+00:00")).date()
    except ValueError:
        raise RowError(f"{name} should be a date such as 2026-11-26, not {words!r}") from None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_of(value: Any, name: str = "customer e-mail") -> str:
    words = text_of(value, name, limit=254)
    if not _EMAIL.match(words):
        raise RowError(f"{name} is not an e-mail address: {words!r}")
    return words


def language_of(value: Any) -> str:
    words = str(value or "").strip().lower()[:2]
    return words if words in ("en", "fr") else "en"
