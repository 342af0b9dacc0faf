"""What a scan is once classified: the core never guesses from raw text itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ScanKind(StrEnum):
    RMA = "rma"
    ORDER = "order"
    TRACKING = "tracking"
    BADGE = "badge"
    COMMAND = "command"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ClassifiedScan:
    kind: ScanKind
    text: str
    """The normalised value (upper case, prefix stripped): what is looked up."""
    raw: str = ""
    """What the scanner sent, after decoding; kept for the record."""
    carrier: str = ""
