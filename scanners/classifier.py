"""The scan classifier: any text in, a classified scan out. It never raises and never guesses.

Order of evidence, strongest first:
1. A symbology identifier (``]C1``, ``]E0``, ``]d2``, ``]Q3``...) says what the code is.
2. Our own formats are distinct by their letters: RMA numbers, badges, command barcodes,
   license plates (with a Damm check digit).
3. Carrier tracking numbers count only when their check digit holds (or, for carriers
   without one, with their distinctive prefix); GTINs only with a valid check digit.
4. A text that passes several formats (a 12-digit number can be a UPC-A and a FedEx
   Express number) carries every reading; lookups try each by exact match.
5. Anything else is UNKNOWN with what was read, or unreadable with the reason why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from receiving_station.config import (
    DEFAULT_ORDER_PATTERN,
    DEFAULT_RMA_FORMAT,
    DEFAULT_RMA_PATTERN,
    ScannerConfig,
)
from receiving_station.domain.checkdigits import LICENSE_PLATE, gtin14, gtin_ok, license_plate_ok
from receiving_station.domain.scan import COMMANDS, WRONG_LAYOUT, ClassifiedScan, ScanKind
from receiving_station.i18n import QT_TRANSLATE_NOOP
from scanners import carriers
from scanners.gs1 import (
    BAD_GTIN,
    EAN_UPC_SYMBOLOGIES,
    GS,
    GS1_SYMBOLOGIES,
    Gs1Error,
    looks_like_element_string,
    parse_element_string,
)
from scanners.keyboard_layout import typed_through_azerty, us_reading

MAX_LENGTH = 128

EMPTY = QT_TRANSLATE_NOOP("errors", "it is empty")
NOT_TEXT = QT_TRANSLATE_NOOP("errors", "the scanner sent bytes that are not text")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "it is far longer than any label we read")
CONTROL = QT_TRANSLATE_NOOP("errors", "it holds control characters a label never has")
BAD_PLATE = QT_TRANSLATE_NOOP(
    "errors", "the license plate's check digit is wrong (a misread or a typing error)"
)

_SYMBOLOGY = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_BADGE = re.compile(r"^BDG-[A-Z0-9]{3,16}$")
_COMMAND = re.compile(r"^CMD-(" + "|".join(COMMANDS) + r")$")
_HRI = re.compile(r"^\(\d{2,4}\)")
_SPACES = re.compile(r"[\s\u00a0]+")
_VISIBLE = {"\r": "⏎", "\n": "⏎", "\t": "⇥", GS: "<GS>"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_NOT_GS = re.compile("[\x00-\x1c\x1e\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str, limit: int = 64) -> str:
    """``text`` as it can be shown: control characters named, at most ``limit`` + 1 long."""
    if len(text) <= limit and not _CONTROL.search(text):
        return text
    shown = ""
    for ch in text:
        shown += _VISIBLE.get(ch) or (
            f"<{ord(ch):02X}>" if unicodedata.category(ch)[0] == "C" else ch
        )
        if len(shown) > limit:
            return shown[:limit] + "…"
    return shown


class ScanClassifier:
    def __init__(
        self,
        prefix: str = "",
        suffix: str = "",
        *,
        rma_pattern: str = DEFAULT_RMA_PATTERN,
        rma_format: str = DEFAULT_RMA_FORMAT,
        order_pattern: str = DEFAULT_ORDER_PATTERN,
        gs_substitute: str = "",
    ) -> None:
        self.prefix = prefix
        self.suffix = suffix
        self.rma = re.compile(f"^(?:{rma_pattern})$", re.ASCII)
        self.rma_format = rma_format
        self.order = re.compile(f"^(?:{order_pattern})$", re.ASCII)
        self.gs_substitute = gs_substitute

    @classmethod
    def from_config(cls, config: ScannerConfig) -> ScanClassifier:
        return cls(
            config.prefix,
            config.suffix,
            rma_pattern=config.rma_pattern,
            rma_format=config.rma_format,
            order_pattern=config.order_pattern,
            gs_substitute=config.gs_substitute,
        )

    # -- cleaning -------------------------------------------------------------------------

    def _clean(self, raw: str | bytes) -> tuple[str, str]:
        """The text to classify and, if it cannot be read, the reason."""
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                return raw.decode("utf-8", "replace"), NOT_TEXT
        else:
            text = raw
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        text = text.rstrip("\r\n\t")
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        if self.gs_substitute:
            text = text.replace(self.gs_substitute, GS)
        text = text.strip(" \u00a0")
        if not text:
            return text, EMPTY
        if len(text) > MAX_LENGTH:
            return text, TOO_LONG
        if _CONTROL_NOT_GS.search(text):
            return text, CONTROL
        return text, ""

    # -- classifying ----------------------------------------------------------------------

    def classify(self, raw: str | bytes) -> ClassifiedScan:
        text, problem = self._clean(raw)
        shown = visible(text)
        if problem:
            return ClassifiedScan(ScanKind.UNKNOWN, shown, raw=shown, problem=problem)
        if typed_through_azerty(text):
            meant = us_reading(text)
            return ClassifiedScan(
                ScanKind.UNKNOWN, shown, raw=shown, problem=WRONG_LAYOUT, fields={"meant": meant}
            )
        symbology = ""
        if _SYMBOLOGY.match(text):
            symbology, text = text[:3], text[3:]
            if not text:
                return ClassifiedScan(ScanKind.UNKNOWN, shown, raw=shown, problem=EMPTY)
        scan = self._classify(text, symbology, shown)
        return replace(scan, symbology=symbology) if symbology else scan

    def _classify(self, text: str, symbology: str, shown: str) -> ClassifiedScan:
        if symbology in GS1_SYMBOLOGIES or GS in text or _HRI.match(text):
            return self._gs1(text, shown, hri=bool(_HRI.match(text)))
        compact = _SPACES.sub("", text).upper()
        if symbology in EAN_UPC_SYMBOLOGIES:
            if gtin_ok(compact):
                return self._product(compact, shown)
            return ClassifiedScan(ScanKind.UNKNOWN, compact, raw=shown, problem=BAD_GTIN)

        if m := self.rma.match(compact):
            number = m.groupdict().get("number") or m.group(0)
            return ClassifiedScan(ScanKind.RMA, self.rma_format.format(number=number), raw=shown)
        if _BADGE.match(compact):
            return ClassifiedScan(ScanKind.BADGE, compact, raw=shown)
        if m := _COMMAND.match(compact):
            return ClassifiedScan(ScanKind.COMMAND, m.group(1), raw=shown)
        if LICENSE_PLATE.match(compact):
            if license_plate_ok(compact):
                return ClassifiedScan(ScanKind.LICENSE_PLATE, compact, raw=shown)
            return ClassifiedScan(ScanKind.UNKNOWN, compact, raw=shown, problem=BAD_PLATE)

        if not compact.isascii():  # every number we read is ASCII: no look-alike digits
            return ClassifiedScan(ScanKind.UNKNOWN, compact, raw=shown)
        readings = [
            ClassifiedScan(ScanKind.TRACKING, t.number, raw=shown, carrier=t.carrier)
            for t in carriers.recognise(compact)
        ]
        if compact.isdigit() and gtin_ok(compact):
            readings.append(self._product(compact, shown))
        elif not readings and looks_like_element_string(compact):
            gs1 = self._gs1(_SPACES.sub("", text), shown, hri=False)
            if gs1.readable:
                readings.append(gs1)
        if m := self.order.match(compact):
            number = m.groupdict().get("number") or m.group(0)
            readings.append(ClassifiedScan(ScanKind.ORDER, number, raw=shown))
        if not readings:
            return ClassifiedScan(ScanKind.UNKNOWN, compact, raw=shown)
        first, *others = readings
        return replace(first, alternatives=tuple(others)) if others else first

    def _product(self, digits: str, shown: str) -> ClassifiedScan:
        gtin = gtin14(digits)
        return ClassifiedScan(ScanKind.PRODUCT, gtin, raw=shown, fields={"gtin": gtin})

    def _gs1(self, data: str, shown: str, *, hri: bool) -> ClassifiedScan:
        try:
            fields = parse_element_string(data, hri=hri)
        except Gs1Error as exc:
            return ClassifiedScan(ScanKind.UNKNOWN, shown, raw=shown, problem=exc.reason)
        if "gtin" in fields or "content_gtin" in fields:
            gtin = fields.get("gtin") or fields["content_gtin"]
            return ClassifiedScan(ScanKind.PRODUCT, gtin, raw=shown, fields=fields)
        if "sscc" in fields:
            return ClassifiedScan(
                ScanKind.TRACKING, fields["sscc"], raw=shown, carrier="sscc", fields=fields
            )
        return ClassifiedScan(ScanKind.UNKNOWN, shown, raw=shown, fields=fields)
