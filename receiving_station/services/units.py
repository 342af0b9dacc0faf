"""Which line of the RMA a scanned product is: GTIN matched to the line, serial and batch
read from the code. Pure: it works on the RMA already on screen, no database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from receiving_station.domain.checkdigits import gtin14
from receiving_station.domain.scan import ClassifiedScan
from receiving_station.views import LineView, RmaView


class UnitVerdict(StrEnum):
    MATCHED = "matched"
    """The product is on the RMA (and its serial, if any, was expected)."""
    SERIAL_MISMATCH = "serial_mismatch"
    """Right product, but a serial number the customer was not sold."""
    NOT_ON_RMA = "not_on_rma"
    """The product is not on this RMA: a wrong item, or an extra one."""
    NO_PARCEL = "no_parcel"
    """No RMA on screen: the parcel's label must be scanned first."""


@dataclass(frozen=True)
class UnitMatch:
    verdict: UnitVerdict
    gtin: str
    line: LineView | None = None
    serial: str = ""
    batch: str = ""
    expiry: str = ""


def identify_unit(view: RmaView | None, scan: ClassifiedScan) -> UnitMatch:
    gtin = scan.fields.get("gtin") or scan.fields.get("content_gtin") or scan.text
    serial = scan.fields.get("serial", "")
    batch = scan.fields.get("batch", "")
    expiry = scan.fields.get("expiry", "")

    def result(verdict: UnitVerdict, line: LineView | None = None) -> UnitMatch:
        return UnitMatch(verdict, gtin, line, serial, batch, expiry)

    if view is None:
        return result(UnitVerdict.NO_PARCEL)
    line = next((ln for ln in view.lines if ln.gtin and gtin14(ln.gtin) == gtin14(gtin)), None)
    if line is None:
        return result(UnitVerdict.NOT_ON_RMA)
    if serial and line.expected_serials and serial not in line.expected_serials:
        return result(UnitVerdict.SERIAL_MISMATCH, line)
    return result(UnitVerdict.MATCHED, line)
