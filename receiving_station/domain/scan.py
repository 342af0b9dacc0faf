"""What a scan is once classified: the core never guesses from raw text itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class ScanKind(StrEnum):
    RMA = "rma"
    ORDER = "order"
    TRACKING = "tracking"
    LICENSE_PLATE = "license_plate"
    PRODUCT = "product"
    BADGE = "badge"
    COMMAND = "command"
    UNKNOWN = "unknown"


PARCEL_KINDS = frozenset({ScanKind.RMA, ScanKind.ORDER, ScanKind.TRACKING, ScanKind.UNKNOWN})
"""Kinds that name a parcel (or might: an unknown text is looked up exactly)."""

WRONG_LAYOUT = "the scanner's keyboard layout is not the PC's"
"""The ``problem`` of a scan typed by a US-layout scanner through an AZERTY PC; its
``fields['meant']`` is what the label says."""

COMMANDS = ("DONE", "NEXT", "BACK", "SKIP", "PHOTO", "REPRINT", "CANCEL")


@dataclass(frozen=True)
class ClassifiedScan:
    kind: ScanKind
    text: str
    """The normalised value (upper case, spaces and prefixes removed): what is looked up."""
    raw: str = ""
    """What was read, after decoding, with control characters made visible; for the record."""
    carrier: str = ""
    symbology: str = ""
    """The symbology identifier the scanner sent (``]C1``, ``]E0``, ``]d2``...), if any."""
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Parsed content: gtin, batch, expiry, best_before, production_date, serial, sscc..."""
    alternatives: tuple[ClassifiedScan, ...] = ()
    """Other readings the text also passes (a 12-digit number can be a UPC and a FedEx
    number): lookups try each, exact matches only, so the station never guesses."""
    problem: str = ""
    """Why the text could not be read (kind UNKNOWN only): a translatable reason."""

    def readings(self) -> tuple[ClassifiedScan, ...]:
        """This reading first, then the alternatives."""
        return (self, *self.alternatives)

    def reading(self, kind: ScanKind) -> ClassifiedScan | None:
        return next((r for r in self.readings() if r.kind is kind), None)

    @property
    def readable(self) -> bool:
        return not self.problem
