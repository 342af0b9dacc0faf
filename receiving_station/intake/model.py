"""What an import file holds, once read: RMAs with their lines, and the problems found."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from receiving_station.domain.model import RmaStatus
from receiving_station.i18n import QT_TRANSLATE_NOOP

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


Translate = Callable[[str, str], str]
"""``(context, template)`` to the template in a language (``QCoreApplication.translate``)."""


def english(context: str, template: str) -> str:
    del context
    return template


@dataclass(frozen=True)
class Words:
    """Words of an import's report: an English template, marked for translation (context
    ``import``, or ``errors`` for a typed error's), and its named parameters. A parameter
    is data (a column name, a value from the file, a number) or :class:`Words` itself."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    context: str = "import"

    def render(self, translate: Translate = english) -> str:
        params = {
            k: v.render(translate) if isinstance(v, Words) else _plain(v)
            for k, v in self.params.items()
        }
        try:
            return translate(self.context, self.template).format(**params)
        except (KeyError, IndexError, ValueError):  # a translation that drops a placeholder
            return self.template.format(**params)

    def __str__(self) -> str:
        return self.render()


def _plain(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def at_line(number: int) -> Words:
    return Words(QT_TRANSLATE_NOOP("import", "line {line}"), {"line": number})


def at_path(path: str) -> Words:
    """A JSON path ('$.data.returns.edges[2].node'): the file's own words."""
    return Words("{path}", {"path": path})


IN_FILE = Words(QT_TRANSLATE_NOOP("import", "file"))
"""Where a problem of the whole file is."""


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
    where: Words = Words("")
    """Where in the file it came from (first line, or JSON path)."""

    def fingerprint(self) -> str:
        """The content, to tell an update from the same record imported again."""
        data = asdict(self)
        data.pop("where")
        return json.dumps(data, sort_keys=True, default=str)


@dataclass(frozen=True)
class Problem:
    place: Words
    """'line 7', '$.data.returns.edges[2].node', or 'file'."""
    why: Words
    number: str = ""
    """The RMA it concerns, when known: that RMA is not imported at all."""

    @property
    def where(self) -> str:
        return self.place.render()

    @property
    def reason(self) -> str:
        """In English, for the logs and the tests."""
        return self.why.render()

    def describe(self, translate: Translate = english) -> str:
        """'line 7 (RMA-600002): the reason', in the language of ``translate``."""
        if self.number:
            template = QT_TRANSLATE_NOOP("import", "{where} ({rma}): {reason}")
        else:
            template = QT_TRANSLATE_NOOP("import", "{where}: {reason}")
        params = {"where": self.place, "rma": self.number, "reason": self.why}
        return Words(template, params).render(translate)


@dataclass
class Parsed:
    format: str
    rmas: list[IncomingRma] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class RowError(ValueError):
    """A value that cannot be read (or an RMA refused); the parser reports it with where it
    was. ``str()`` is the English reason; ``words`` its template and parameters."""

    def __init__(self, template: str, **params: Any) -> None:
        self.words = Words(template, params)
        self.line: int | None = None
        """The line of the file, when a CSV row's value is the one refused."""
        super().__init__(self.words.render())

    def within(self, path: str) -> RowError:
        """The same reason, prefixed by where in the record it is ('line_items[0]')."""
        return RowError("{path}: {reason}", path=path, reason=self.words)


MAX_QUANTITY = 10_000
"""Units of one line: more is a typo or a bulk order, not a return."""
MAX_LINE_NO = 99_999
MAX_AMOUNT = Decimal("1000000")
"""The largest unit value read (the column holds 12 digits, 2 after the point)."""
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)
"""Dates outside are typos (or would overflow the return window's arithmetic)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0: "NUL", 9: "TAB", 10: "LF", 13: "CR", 27: "ESC", 0x7F: "DEL", 0x85: "NEL"}


def _control_name(char: str) -> str:
    return _CONTROL_NAMES.get(ord(char), f"U+{ord(char):04X}")


def _quoted(text: str, cut: bool = False) -> Words:
    inner = repr(text)[1:-1]  # control characters escaped, as Python shows them
    if cut:
        return Words(QT_TRANSLATE_NOOP("import", "'{text}'…"), {"text": inner})
    return Words(QT_TRANSLATE_NOOP("import", "'{text}'"), {"text": inner})


def shown(value: Any, limit: int = 40) -> Words | str:
    """A value quoted for a message (in the reader's quotes), cut short: a 5 MB field is
    not echoed back."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        return _quoted(text[:limit], cut=True)
    return _quoted(value) if isinstance(value, str) else text


def _tr(source: str) -> str:
    return QT_TRANSLATE_NOOP("import", source)


def text_of(
    value: Any,
    name: str | Words,
    *,
    required: bool = True,
    limit: int = 200,
    multiline: bool = False,
) -> str:
    """Text of at most ``limit`` characters, without control characters (``multiline``:
    line breaks and tabs are kept, as in a note)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(QT_TRANSLATE_NOOP("import", "{field} is missing"), field=name)
        return ""
    if isinstance(value, (dict, list)):
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be text, not {kind}"),
            field=name,
            kind=type(value).__name__,
        )
    words = value if isinstance(value, str) else str(value)
    if len(words) > 4 * limit or len(words := words.strip()) > limit:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} is longer than {limit} characters"),
            field=name,
            limit=limit,
        )
    bad = (_CONTROL_MULTILINE if multiline else _CONTROL).search(words)
    if bad:
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{field} holds a control character ({char}) at character {at}"
            ),
            field=name,
            char=_control_name(bad.group()),
            at=bad.start() + 1,
        )
    return words


def int_of(
    value: Any,
    name: str,
    *,
    default: int | None = None,
    low: int = 1,
    high: int = MAX_QUANTITY,
) -> int:
    if value in (None, "") and default is not None:
        return default
    if isinstance(value, bool):
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be a whole number, not {value}"),
            field=name,
            value=repr(value),
        )
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be a whole number, not {value}"),
            field=name,
            value=shown(value),
        ) from None
    if number < low:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be at least {low}, not {value}"),
            field=name,
            low=low,
            value=number,
        )
    if number > high:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be at most {high}, not {value}"),
            field=name,
            high=high,
            value=shown(str(number), 20),
        )
    return number


def money_of(value: Any, name: str) -> Decimal:
    if value in (None, ""):
        return Decimal("0")
    if isinstance(value, dict):
        value = value.get("amount", value.get("value", ""))
    if isinstance(value, (bool, dict, list)):
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be an amount, not {value}"),
            field=name,
            value=shown(value),
        )
    words = str(value).strip().replace(",", ".")
    try:
        amount = Decimal(words) if len(words) <= 40 else None
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be an amount, not {value}"),
            field=name,
            value=shown(value),
        )
    if not 0 <= amount <= MAX_AMOUNT:
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{field} should be an amount from 0 to {high}, not {value}"
            ),
            field=name,
            high=MAX_AMOUNT,
            value=shown(value),
        )
    return amount.quantize(Decimal("0.01"))


def date_of(value: Any, name: str | Words) -> date:
    words = text_of(value, name, limit=40)
    try:
        if len(words) == 10:
            day = date.fromisoformat(words)
        else:
            day = datetime.fromisoformat(words.replace("Z", "+00:00")).date()
    except ValueError:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} should be a date such as 2026-11-26, not {value}"),
            field=name,
            value=shown(words),
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{field} should be between {first} and {last}, not {value}"
            ),
            field=name,
            first=FIRST_DAY,
            last=LAST_DAY,
            value=day,
        )
    return day


def expiry_of(value: Any, created: date, name: str = "expires_on") -> date | None:
    """The expiry date given (None: none given), never before the creation date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    expires = date_of(value, name)
    if expires < created:
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{field} {value} is before the RMA was created ({created})"
            ),
            field=name,
            value=expires,
            created=created,
        )
    return expires


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


CUSTOMER_EMAIL = Words(QT_TRANSLATE_NOOP("import", "customer e-mail"))
"""The e-mail's name where the file has none of its own."""


def email_of(value: Any, name: str | Words = CUSTOMER_EMAIL) -> str:
    words = text_of(value, name, limit=254)
    if not _EMAIL.match(words):
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} is not an e-mail address: {value}"),
            field=name,
            value=shown(words),
        )
    return words


def language_of(value: Any) -> str:
    words = str(value or "").strip().lower()[:2]
    return words if words in ("en", "fr") else "en"
