"""The JSON formats: Shopify returns as the Admin GraphQL API returns them, Loop Returns'
return webhook, and AfterShip Returns' webhook. Every problem names its JSON path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from receiving_station.domain.model import RmaStatus
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.intake.model import (
    IncomingLine,
    IncomingRma,
    Parsed,
    Problem,
    RowError,
    Words,
    at_path,
    date_of,
    email_of,
    int_of,
    language_of,
    money_of,
    reason_code,
    text_of,
)


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _edges(node: Any) -> list[Any]:
    """A GraphQL connection's nodes (``edges[].node``, or ``nodes``)."""
    if not isinstance(node, dict):
        return []
    if isinstance(node.get("nodes"), list):
        return list(node["nodes"])
    return [e.get("node") for e in node.get("edges") or [] if isinstance(e, dict)]


def _each(
    parsed: Parsed, items: list[tuple[str, Any]], build: Callable[[Any], IncomingRma]
) -> None:
    for path, item in items:
        number = str(_get(item, "name") or _get(item, "rma_number") or _get(item, "id") or "")
        try:
            rma = build(item)
        except RowError as exc:
            parsed.problems.append(Problem(at_path(path), exc.words, number))
            continue
        parsed.rmas.append(IncomingRma(**{**rma.__dict__, "where": at_path(path)}))


# -- Shopify ------------------------------------------------------------------------------

_SHOPIFY_STATUS = {
    "REQUESTED": RmaStatus.OPEN,
    "OPEN": RmaStatus.OPEN,
    "CLOSED": RmaStatus.OPEN,
    "CANCELED": RmaStatus.CANCELLED,
    "DECLINED": RmaStatus.DECLINED,
}


def _shopify_returns(doc: Any) -> Iterator[tuple[str, Any]]:
    data = _get(doc, "data") or {}
    if isinstance(_get(data, "return"), dict):
        yield "$.data.return", data["return"]
    for i, node in enumerate(_edges(_get(data, "returns"))):
        yield f"$.data.returns.edges[{i}].node", node
    for i, node in enumerate(_edges(_get(data, "order", "returns"))):
        yield f"$.data.order.returns.edges[{i}].node", node


def _shopify_return(ret: Any) -> IncomingRma:
    order = _get(ret, "order") or {}
    customer = _get(order, "customer") or {}
    status = str(_get(ret, "status") or "OPEN").upper()
    if status not in _SHOPIFY_STATUS:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} {value} is not a Shopify return status"),
            field="status",
            value=repr(status),
        )
    lines = []
    for i, item in enumerate(_edges(_get(ret, "returnLineItems")), 1):
        line_item = _get(item, "fulfillmentLineItem", "lineItem") or _get(item, "lineItem") or {}
        try:
            lines.append(
                IncomingLine(
                    line_no=i,
                    sku=text_of(_get(line_item, "sku"), "sku", limit=64),
                    description=text_of(_get(line_item, "name"), "name", required=False)
                    or str(_get(line_item, "sku")),
                    quantity=int_of(_get(item, "quantity"), "quantity"),
                    gtin=text_of(
                        _get(line_item, "variant", "barcode"), "barcode", required=False, limit=14
                    ),
                    unit_value=money_of(
                        _get(line_item, "originalUnitPriceSet", "shopMoney"), "price"
                    ),
                    reason_code=reason_code(str(_get(item, "returnReason") or "")),
                    reason_note=text_of(
                        _get(item, "customerNote") or _get(item, "returnReasonNote"),
                        "note",
                        required=False,
                        limit=1000,
                    ),
                )
            )
        except RowError as exc:
            raise exc.within(f"returnLineItems.edges[{i - 1}].node") from None
    if not lines:
        raise RowError(QT_TRANSLATE_NOOP("import", "{field} is empty"), field="returnLineItems")
    tracking = []
    for rfo in _edges(_get(ret, "reverseFulfillmentOrders")):
        for delivery in _edges(_get(rfo, "reverseDeliveries")):
            number = _get(delivery, "deliverable", "tracking", "number")
            if number and number not in tracking:
                tracking.append(str(number))
    name = text_of(_get(ret, "name"), "name", limit=32)
    return IncomingRma(
        number=name,
        order_ref=text_of(_get(order, "name"), "order.name", limit=64),
        channel="shopify",
        customer_name=text_of(
            _get(customer, "displayName"), "customer.displayName", required=False
        ),
        customer_email=email_of(_get(customer, "email"), "order.customer.email"),
        customer_language=language_of(_get(customer, "locale")),
        created_on=date_of(_get(ret, "createdAt") or _get(order, "createdAt"), "createdAt"),
        status=_SHOPIFY_STATUS[status],
        lines=tuple(lines),
        tracking=tuple(tracking),
    )


def parse_shopify(doc: Any) -> Parsed:
    parsed = Parsed("shopify")
    items = list(_shopify_returns(doc))
    if not items:
        why = Words(
            QT_TRANSLATE_NOOP("import", "no return ({paths})"),
            {"paths": "data.return or data.returns"},
        )
        parsed.problems.append(Problem(at_path("$.data"), why))
    _each(parsed, items, _shopify_return)
    return parsed


# -- Loop Returns -------------------------------------------------------------------------

_LOOP_STATE = {
    "open": RmaStatus.OPEN,
    "closed": RmaStatus.OPEN,
    "needs review": RmaStatus.OPEN,
    "review": RmaStatus.OPEN,
    "cancelled": RmaStatus.CANCELLED,
    "expired": RmaStatus.CANCELLED,
}


def _loop_return(ret: Any) -> IncomingRma:
    state = str(_get(ret, "state") or "open").lower()
    if state not in _LOOP_STATE:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} {value} is not a Loop return state"),
            field="state",
            value=repr(state),
        )
    detail = _get(ret, "customer_detail") or {}
    name = " ".join(str(p) for p in (_get(detail, "first_name"), _get(detail, "last_name")) if p)
    lines = []
    for i, item in enumerate(_get(ret, "line_items") or [], 1):
        try:
            lines.append(
                IncomingLine(
                    line_no=i,
                    sku=text_of(_get(item, "sku"), "sku", limit=64),
                    description=text_of(_get(item, "title"), "title", required=False)
                    or str(_get(item, "sku")),
                    quantity=int_of(_get(item, "quantity"), "quantity", default=1),
                    gtin=text_of(_get(item, "barcode"), "barcode", required=False, limit=14),
                    unit_value=money_of(_get(item, "price"), "price"),
                    reason_code=reason_code(
                        str(_get(item, "return_reason") or _get(item, "parent_return_reason") or "")
                    ),
                    reason_note=text_of(
                        _get(item, "return_reason"), "return_reason", required=False, limit=1000
                    ),
                )
            )
        except RowError as exc:
            raise exc.within(f"line_items[{i - 1}]") from None
    if not lines:
        raise RowError(QT_TRANSLATE_NOOP("import", "{field} is empty"), field="line_items")
    labels = _get(ret, "labels") or ([_get(ret, "label")] if _get(ret, "label") else [])
    tracking = [str(_get(lb, "tracking_number")) for lb in labels if _get(lb, "tracking_number")]
    return IncomingRma(
        number=f"LOOP-{text_of(_get(ret, 'id'), 'id', limit=26)}",
        order_ref=text_of(_get(ret, "order_name"), "order_name", limit=64),
        channel="loop",
        customer_name=name,
        customer_email=email_of(_get(ret, "customer"), "customer"),
        created_on=date_of(_get(ret, "created_at"), "created_at"),
        status=_LOOP_STATE[state],
        lines=tuple(lines),
        tracking=tuple(tracking),
    )


def parse_loop(doc: Any) -> Parsed:
    parsed = Parsed("loop")
    items = [("$", doc)] if isinstance(doc, dict) else [(f"$[{i}]", d) for i, d in enumerate(doc)]
    _each(parsed, items, _loop_return)
    return parsed


# -- AfterShip Returns --------------------------------------------------------------------

_AFTERSHIP_EVENT = {
    "return.submitted": RmaStatus.OPEN,
    "return.approved": RmaStatus.OPEN,
    "return.resolved": RmaStatus.OPEN,
    "return.received": RmaStatus.OPEN,
    "return.rejected": RmaStatus.DECLINED,
    "return.expired": RmaStatus.CANCELLED,
}


def _aftership_return(payload: Any) -> IncomingRma:
    event, ret = payload
    if event not in _AFTERSHIP_EVENT:
        raise RowError(
            QT_TRANSLATE_NOOP("import", "{field} {value} is not an AfterShip return event"),
            field="event",
            value=repr(event),
        )
    order = _get(ret, "order") or {}
    customer = _get(order, "customer") or _get(ret, "customer") or {}
    name = " ".join(
        str(p) for p in (_get(customer, "first_name"), _get(customer, "last_name")) if p
    )
    lines = []
    for i, item in enumerate(_get(ret, "return_items") or _get(ret, "items") or [], 1):
        try:
            lines.append(
                IncomingLine(
                    line_no=i,
                    sku=text_of(_get(item, "sku"), "sku", limit=64),
                    description=text_of(_get(item, "title"), "title", required=False)
                    or str(_get(item, "sku")),
                    quantity=int_of(
                        _get(item, "return_quantity") or _get(item, "quantity"), "return_quantity"
                    ),
                    unit_value=money_of(_get(item, "unit_price"), "unit_price"),
                    reason_code=reason_code(str(_get(item, "reason") or "")),
                    reason_note=text_of(
                        _get(item, "subreason") or _get(item, "reason_comment"),
                        "subreason",
                        required=False,
                        limit=1000,
                    ),
                )
            )
        except RowError as exc:
            raise exc.within(f"return_items[{i - 1}]") from None
    if not lines:
        raise RowError(QT_TRANSLATE_NOOP("import", "{field} is empty"), field="return_items")
    tracking = [
        str(_get(s, "tracking_number"))
        for s in _get(ret, "shipments") or []
        if _get(s, "tracking_number")
    ]
    return IncomingRma(
        number=text_of(_get(ret, "rma_number"), "rma_number", limit=32),
        order_ref=text_of(
            _get(order, "order_number") or _get(order, "order_name"), "order.order_number", limit=64
        ),
        channel="aftership",
        customer_name=name,
        customer_email=email_of(_get(customer, "email"), "order.customer.email"),
        customer_language=language_of(_get(customer, "locale")),
        created_on=date_of(_get(ret, "created_at"), "created_at"),
        status=_AFTERSHIP_EVENT[event],
        lines=tuple(lines),
        tracking=tuple(tracking),
    )


def parse_aftership(doc: Any) -> Parsed:
    parsed = Parsed("aftership")
    docs = doc if isinstance(doc, list) else [doc]
    items = []
    for i, d in enumerate(docs):
        path = f"$[{i}].data.return" if isinstance(doc, list) else "$.data.return"
        items.append((path, (str(_get(d, "event") or ""), _get(d, "data", "return") or {})))
    for path, item in items:
        try:
            rma = _aftership_return(item)
        except RowError as exc:
            number = str(_get(item[1], "rma_number") or "")
            parsed.problems.append(Problem(at_path(path), exc.words, number))
            continue
        parsed.rmas.append(IncomingRma(**{**rma.__dict__, "where": at_path(path)}))
    return parsed
