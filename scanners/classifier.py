"""The scan classifier: raw scanner text in, a classified scan out, or a clear refusal.

It never guesses: a pattern with a check digit (UPS 1Z, USPS IMpb) is trusted as a tracking
number only when the check digit holds; anything else that is clean text is passed on as
UNKNOWN and looked up exactly where it could be.
"""

from __future__ import annotations

import re
import unicodedata

from receiving_station.domain.checkdigits import mod10_check_ok, ups_check_ok
from receiving_station.domain.scan import ClassifiedScan, ScanKind
from receiving_station.errors import BadScan
from receiving_station.i18n import QT_TRANSLATE_NOOP

MAX_LENGTH = 128
GS = "\x1d"

EMPTY = QT_TRANSLATE_NOOP("errors", "it is empty")
NOT_TEXT = QT_TRANSLATE_NOOP("errors", "the scanner sent bytes that are not text")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "it is far longer than any label we read")
CONTROL = QT_TRANSLATE_NOOP("errors", "it holds control characters a label never has")

_RMA = re.compile(r"^RMA-?(\d{6,10})$")
_BADGE = re.compile(r"^BDG-[A-Z0-9]{3,16}$")
_COMMAND = re.compile(r"^CMD-(DONE|NEXT|BACK|PHOTO|REPRINT|CANCEL)$")
_UPS = re.compile(r"^1Z[0-9A-Z]{16}$")
_USPS = re.compile(r"^(9[1-5]\d{18,20})$")
_ORDER = re.compile(r"^#?(\d{4,12})$")


class ScanClassifier:
    def __init__(self, prefix: str = "", suffix: str = "") -> None:
        self.prefix = prefix
        self.suffix = suffix

    def clean(self, raw: str | bytes) -> str:
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise BadScan(reason=NOT_TEXT) from None
        text = raw
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        text = text.rstrip("\r\n\t")
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        text = text.strip()
        if not text:
            raise BadScan(reason=EMPTY)
        if len(text) > MAX_LENGTH:
            raise BadScan(reason=TOO_LONG)
        if any(unicodedata.category(ch) in ("Cc", "Cs") and ch != GS for ch in text):
            raise BadScan(reason=CONTROL)
        return text

    def classify(self, raw: str | bytes) -> ClassifiedScan:
        text = self.clean(raw)
        upper = text.upper().replace(" ", "")
        if m := _RMA.match(upper):
            return ClassifiedScan(ScanKind.RMA, f"RMA-{m.group(1)}", raw=text)
        if _BADGE.match(upper):
            return ClassifiedScan(ScanKind.BADGE, upper, raw=text)
        if _COMMAND.match(upper):
            return ClassifiedScan(ScanKind.COMMAND, upper[4:], raw=text)
        if _UPS.match(upper) and ups_check_ok(upper):
            return ClassifiedScan(ScanKind.TRACKING, upper, raw=text, carrier="ups")
        if _USPS.match(upper) and mod10_check_ok(upper):
            return ClassifiedScan(ScanKind.TRACKING, upper, raw=text, carrier="usps")
        if m := _ORDER.match(upper):
            return ClassifiedScan(ScanKind.ORDER, m.group(1), raw=text)
        return ClassifiedScan(ScanKind.UNKNOWN, upper, raw=text)
