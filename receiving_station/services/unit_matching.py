"""Which workflow a unit taken out of the box follows: matched to its RMA line by GTIN, SKU
or serial, then as expected (standard or damaged), one too many (extra item), a serial the
customer was not sold (serial mismatch), or not on the RMA at all (wrong item)."""

from __future__ import annotations

from receiving_station.domain.checkdigits import gtin14
from receiving_station.domain.model import Inspection, Rma, RmaLine
from receiving_station.domain.scan import ClassifiedScan, ScanKind
from receiving_station.errors import NotAProduct
from receiving_station.services.inspection_views import on_line


def _matches(line: RmaLine, gtin: str, text: str) -> bool:
    if gtin and line.gtin and gtin14(line.gtin) == gtin14(gtin):
        return True
    upper = text.upper()
    return bool(upper) and (line.sku.upper() == upper or text in line.expected_serials)


def identify_unit(
    scan: ClassifiedScan, rmas: list[Rma], units: list[Inspection], damaged: bool
) -> tuple[Rma | None, RmaLine | None, str, dict[str, str]]:
    """(rma, line, condition, what was read) for a unit's scan."""
    product = scan.reading(ScanKind.PRODUCT)
    if not rmas:  # an unidentified parcel: every unit is recorded for the lead to place
        if scan.kind in (ScanKind.BADGE, ScanKind.COMMAND):
            raise NotAProduct(text=scan.raw or scan.text)
        return None, None, "unidentified_parcel", dict(product.fields) if product else {}
    if product is None and scan.kind not in (ScanKind.UNKNOWN, ScanKind.ORDER):
        raise NotAProduct(text=scan.raw or scan.text)
    fields = dict(product.fields) if product else {}
    gtin = fields.get("gtin") or fields.get("content_gtin", "")
    text = scan.raw.strip() if product is None else ""
    candidates = [(r, ln) for r in rmas for ln in r.lines if _matches(ln, gtin, text)]
    if text and any(text in ln.expected_serials for _, ln in candidates):
        fields["serial"] = text
    if not candidates:
        if product is None:  # a typed or scanned text that is no line's SKU or serial
            raise NotAProduct(text=scan.raw or scan.text)
        return (rmas[0] if rmas else None), None, "wrong_item", fields

    def received(rma: Rma, line: RmaLine) -> int:
        return sum(1 for u in units if on_line(u, rma.id, line.line_no))

    open_lines = [(r, ln) for r, ln in candidates if received(r, ln) < ln.quantity]
    rma, line = (open_lines or candidates)[0]
    serial = fields.get("serial", "")
    seen_serials = {u.serial for u in units if u.serial}
    if (
        serial
        and line.expected_serials
        and (serial not in line.expected_serials or serial in seen_serials)
    ):
        return rma, line, "serial_mismatch", fields
    if not open_lines:
        return rma, line, "extra_item", fields
    return rma, line, ("damaged" if damaged else "standard"), fields
