"""Display-ready snapshots the use cases hand to the UI: plain values, nothing lazy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from receiving_station.domain.model import ReceiptInfo, Rma, RmaLine, RmaStatus


@dataclass(frozen=True)
class LineView:
    line_no: int
    sku: str
    description: str
    category: str
    quantity: int
    reason_code: str
    reason_note: str
    serialized: bool
    gtin: str = ""
    expected_serials: tuple[str, ...] = ()

    @classmethod
    def of(cls, line: RmaLine) -> LineView:
        return cls(
            line_no=line.line_no,
            sku=line.sku,
            description=line.description,
            category=line.category,
            quantity=line.quantity,
            reason_code=line.reason_code,
            reason_note=line.reason_note,
            serialized=line.serialized,
            gtin=line.gtin,
            expected_serials=line.expected_serials,
        )


@dataclass(frozen=True)
class RmaView:
    id: int
    number: str
    order_ref: str
    channel: str
    customer_name: str
    customer_email: str
    status: RmaStatus
    created_on: date
    expires_on: date
    days_left: int
    lines: tuple[LineView, ...]
    tracking_numbers: tuple[str, ...]
    units_expected: int
    receipt: ReceiptInfo | None
    breach: str | None
    """Why a lead must approve receiving it: 'window_passed', 'cancelled', 'declined'."""
    version: int

    @classmethod
    def of(cls, rma: Rma, today: date, receipt: ReceiptInfo | None) -> RmaView:
        assert rma.id is not None
        return cls(
            id=rma.id,
            number=rma.number,
            order_ref=rma.order_ref,
            channel=rma.channel,
            customer_name=rma.customer_name,
            customer_email=rma.customer_email,
            status=rma.status,
            created_on=rma.created_on,
            expires_on=rma.expires_on,
            days_left=rma.days_left(today),
            lines=tuple(LineView.of(line) for line in rma.lines),
            tracking_numbers=tuple(rma.tracking_numbers),
            units_expected=rma.units_expected,
            receipt=receipt,
            breach=None if receipt else rma.policy_breach(today),
            version=rma.version,
        )
