"""GS1 barcodes: GTINs, and element strings with batch, expiry and serial.

Parsing of element strings (AIs, fixed and variable lengths, FNC1/GS separators, dates, the
bracketed human-readable form) is left to biip, which tracks the GS1 General
Specifications; this module only maps its result to the fields the station records and
checks what biip leaves to the caller (GTIN and SSCC check digits).
"""

from __future__ import annotations

from biip import ParseError
from biip.gs1_messages import GS1Message

from receiving_station.domain.checkdigits import gtin14, gtin_ok, mod10_check_ok
from receiving_station.i18n import QT_TRANSLATE_NOOP

GS = "\x1d"

# Symbology identifiers (ISO/IEC 15424) whose data is a GS1 element string.
GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
EAN_UPC_SYMBOLOGIES = frozenset({"]E0", "]E1", "]E2", "]E3", "]E4", "]X0"})

BAD_GS1 = QT_TRANSLATE_NOOP("errors", "it looks like GS1 data but does not parse")
BAD_GTIN = QT_TRANSLATE_NOOP("errors", "the product code's check digit is wrong")
BAD_SSCC = QT_TRANSLATE_NOOP("errors", "the shipping container code's check digit is wrong")

_FIELDS = {
    "00": "sscc",
    "01": "gtin",
    "02": "content_gtin",
    "10": "batch",
    "11": "production_date",
    "15": "best_before",
    "17": "expiry",
    "21": "serial",
}


class Gs1Error(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_element_string(data: str, *, hri: bool = False) -> dict[str, str]:
    """The fields of a GS1 element string (``hri``: the bracketed ``(01)...(10)...`` form).

    Raises :class:`Gs1Error` with a translatable reason."""
    try:
        message = GS1Message.parse_hri(data) if hri else GS1Message.parse(data.lstrip(GS))
    except ParseError:
        raise Gs1Error(BAD_GS1) from None
    fields: dict[str, str] = {}
    for element in message.element_strings:
        name = _FIELDS.get(element.ai.ai, f"ai_{element.ai.ai}")
        value = element.date.isoformat() if element.date is not None else element.value
        fields[name] = value
    for key in ("gtin", "content_gtin"):
        if key in fields:
            if not gtin_ok(fields[key]):
                raise Gs1Error(BAD_GTIN)
            fields[key] = gtin14(fields[key])
    if "sscc" in fields and not mod10_check_ok(fields["sscc"]):
        raise Gs1Error(BAD_SSCC)
    if not fields:
        raise Gs1Error(BAD_GS1)
    return fields


def looks_like_element_string(digits: str) -> bool:
    """An unbracketed, separator-free element string starting with AI 00, 01 or 02 (what a
    scanner without symbology identifiers sends for a GS1-128 or GS1 DataMatrix)."""
    return len(digits) >= 18 and digits[:2] in ("00", "01", "02") and digits[2:16].isdigit()
