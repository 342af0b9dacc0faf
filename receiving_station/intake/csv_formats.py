"""The two CSV formats: the station's own (one row per RMA line) and the export of
WooCommerce's "Returns and Warranty Requests" extension (one row per requested item)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping
from datetime import date

from receiving_station.domain.model import RmaStatus
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.intake.model import (
    MAX_LINE_NO,
    IncomingLine,
    IncomingRma,
    Parsed,
    Problem,
    RowError,
    Words,
    at_line,
    date_of,
    email_of,
    expiry_of,
    int_of,
    language_of,
    money_of,
    reason_code,
    shown,
    text_of,
)

GENERIC_COLUMNS = (
    "rma_number",
    "order_ref",
    "channel",
    "customer_name",
    "customer_email",
    "customer_language",
    "created_on",
    "expires_on",
    "status",
    "tracking_numbers",
    "line_no",
    "sku",
    "gtin",
    "description",
    "category",
    "quantity",
    "unit_value",
    "reason_code",
    "reason_note",
    "serials",
)
GENERIC_REQUIRED = ("rma_number", "order_ref", "customer_email", "created_on", "sku", "quantity")

WOO_COLUMNS = (
    "Request ID",
    "Order ID",
    "Type",
    "Status",
    "Date",
    "Customer",
    "Email",
    "Product",
    "SKU",
    "Quantity",
    "Price",
    "Reason",
    "Return Tracking",
)
WOO_REQUIRED = ("Request ID", "Order ID", "Email", "Date", "SKU", "Quantity")
_WOO_STATUS = {
    "new": RmaStatus.OPEN,
    "pending": RmaStatus.OPEN,
    "processing": RmaStatus.OPEN,
    "approved": RmaStatus.OPEN,
    "rejected": RmaStatus.DECLINED,
    "cancelled": RmaStatus.CANCELLED,
    "completed": RmaStatus.OPEN,
}
_STATUS = {
    "": RmaStatus.OPEN,
    "open": RmaStatus.OPEN,
    "cancelled": RmaStatus.CANCELLED,
    "declined": RmaStatus.DECLINED,
}


def header_of(text: str) -> list[str]:
    first = next(csv.reader(io.StringIO(text)), [])
    return [h.strip() for h in first]


def _rows(text: str) -> Iterator[tuple[int, Mapping[str, str]]]:
    # A field is never longer than its file: a field over the csv module's default limit
    # (128 KB) is read whole, then refused by its column's own limit with its RMA named,
    # instead of breaking off the rest of the file.
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(len(text))
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        yield reader.line_num, {k.strip(): (v or "") for k, v in row.items() if k is not None}


def _grouped(
    text: str,
    required: tuple[str, ...],
    key: str,
    build: Callable[[list[tuple[int, Mapping[str, str]]]], IncomingRma],
    name: str,
    prefix: str = "",
) -> Parsed:
    parsed = Parsed(name)
    missing = [c for c in required if c not in header_of(text)]
    if missing:
        why = Words(
            QT_TRANSLATE_NOOP("import", "missing columns: {columns}"),
            {"columns": ", ".join(missing)},
        )
        parsed.problems.append(Problem(at_line(1), why))
        return parsed
    groups: dict[str, list[tuple[int, Mapping[str, str]]]] = {}
    for line_num, row in _rows(text):
        if not any(v.strip() for v in row.values()):
            continue
        groups.setdefault(row.get(key, "").strip(), []).append((line_num, row))
    for number, rows in groups.items():
        first_line = rows[0][0]
        if not number:
            for line_num, _ in rows:
                why = Words(QT_TRANSLATE_NOOP("import", "{field} is missing"), {"field": key})
                parsed.problems.append(Problem(at_line(line_num), why))
            continue
        try:
            parsed.rmas.append(build(rows))
        except RowError as exc:
            line = exc.line or first_line
            parsed.problems.append(Problem(at_line(line), exc.words, prefix + number))
    return parsed


def _at(
    line_num: int,
    build: Callable[[Mapping[str, str], int], IncomingLine],
    row: Mapping[str, str],
    i: int,
) -> IncomingLine:
    """Build one line, naming its line in the file when it cannot be read."""
    try:
        return build(row, i)
    except RowError as exc:
        exc.line = line_num
        raise


def _generic_line(row: Mapping[str, str], i: int) -> IncomingLine:
    return IncomingLine(
        line_no=int_of(row.get("line_no"), "line_no", default=i, high=MAX_LINE_NO),
        sku=text_of(row.get("sku"), "sku", limit=64),
        description=text_of(row.get("description"), "description", required=False) or row["sku"],
        quantity=int_of(row.get("quantity"), "quantity"),
        gtin=text_of(row.get("gtin"), "gtin", required=False, limit=14),
        category=text_of(row.get("category"), "category", required=False, limit=32),
        unit_value=money_of(row.get("unit_value"), "unit_value"),
        reason_code=reason_code(row.get("reason_code", "")),
        reason_note=text_of(
            row.get("reason_note"), "reason_note", required=False, limit=1000, multiline=True
        ),
        serials=tuple(s for s in row.get("serials", "").replace(";", " ").split() if s),
    )


def _woo_line(row: Mapping[str, str], i: int) -> IncomingLine:
    return IncomingLine(
        line_no=i,
        sku=text_of(row.get("SKU"), "SKU", limit=64),
        description=text_of(row.get("Product"), "Product", required=False) or row["SKU"],
        quantity=int_of(row.get("Quantity"), "Quantity"),
        unit_value=money_of(row.get("Price"), "Price"),
        reason_code=reason_code(row.get("Reason", "")),
        reason_note=text_of(
            row.get("Reason"), "Reason", required=False, limit=1000, multiline=True
        ),
    )


_SAME_FOR_THE_RMA = ("rma_number", "order_ref", "customer_email", "created_on", "status")
"""Columns every row of one RMA repeats: they must agree."""


def _status_of(row: Mapping[str, str]) -> RmaStatus:
    status = row.get("status", "").strip().lower()
    if status not in _STATUS:
        raise RowError(
            QT_TRANSLATE_NOOP(
                "import", "{field} should be open, cancelled or declined, not {value}"
            ),
            field="status",
            value=shown(status),
        )
    return _STATUS[status]


def _rma_values(row: Mapping[str, str]) -> tuple[object, ...]:
    """The RMA's own values in one row, each read and checked with its own reason."""
    return (
        text_of(row["rma_number"], "rma_number", limit=32),
        text_of(row["order_ref"], "order_ref", limit=64),
        email_of(row.get("customer_email")),
        date_of(row.get("created_on"), "created_on"),
        _status_of(row),
    )


def parse_generic(text: str) -> Parsed:
    def build(rows: list[tuple[int, Mapping[str, str]]]) -> IncomingRma:
        first_line, first = rows[0]
        lines = []
        tracking: list[str] = []
        values: tuple[object, ...] = ()
        for i, (line_num, row) in enumerate(rows, 1):
            try:
                mine = _rma_values(row)
            except RowError as exc:
                exc.line = line_num
                raise
            if not values:
                values = mine
            elif mine != values:
                pairs = zip(_SAME_FOR_THE_RMA, mine, values, strict=True)
                column = next(c for c, a, b in pairs if a != b)
                err = RowError(
                    QT_TRANSLATE_NOOP(
                        "import",
                        "{field} differs from line {line}: "
                        "the same RMA number with different RMA details",
                    ),
                    field=column,
                    line=first_line,
                )
                err.line = line_num
                raise err
            lines.append(_at(line_num, _generic_line, row, i))
            for t in row.get("tracking_numbers", "").replace(";", " ").split():
                if t not in tracking:
                    tracking.append(t)
        number, order_ref, email, created, status = values
        assert isinstance(created, date)
        assert isinstance(status, RmaStatus)
        return IncomingRma(
            number=str(number),
            order_ref=str(order_ref),
            channel=text_of(first.get("channel"), "channel", required=False, limit=32) or "csv",
            customer_name=text_of(first.get("customer_name"), "customer_name", required=False),
            customer_email=str(email),
            customer_language=language_of(first.get("customer_language")),
            created_on=created,
            expires_on=expiry_of(first.get("expires_on"), created),
            status=status,
            lines=tuple(lines),
            tracking=tuple(tracking),
            where=at_line(first_line),
        )

    return _grouped(text, GENERIC_REQUIRED, "rma_number", build, "csv")


def parse_woocommerce(text: str) -> Parsed:
    def build(rows: list[tuple[int, Mapping[str, str]]]) -> IncomingRma:
        first_line, first = rows[0]
        lines = []
        tracking: list[str] = []
        for i, (line_num, row) in enumerate(rows, 1):
            lines.append(_at(line_num, _woo_line, row, i))
            code = row.get("Return Tracking", "").strip()
            if code and code not in tracking:
                tracking.append(code)
        status = first.get("Status", "").strip().lower()
        if status not in _WOO_STATUS:
            raise RowError(
                QT_TRANSLATE_NOOP("import", "{field} {value} is not a request status"),
                field="Status",
                value=shown(status),
            )
        created: date = date_of(first.get("Date"), "Date")
        order = text_of(first.get("Order ID"), "Order ID", limit=64)
        return IncomingRma(
            number=f"WC-{text_of(first['Request ID'], 'Request ID', limit=28)}",
            order_ref=order,
            channel="woocommerce",
            customer_name=text_of(first.get("Customer"), "Customer", required=False),
            customer_email=email_of(first.get("Email")),
            created_on=created,
            status=_WOO_STATUS[status],
            lines=tuple(lines),
            tracking=tuple(tracking),
            where=at_line(first_line),
        )

    return _grouped(text, WOO_REQUIRED, "Request ID", build, "woocommerce", prefix="WC-")
