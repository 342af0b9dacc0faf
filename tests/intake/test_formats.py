"""Each store platform's file read into RMAs, and every bad row named with where it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from receiving_station.domain.model import RmaStatus
from receiving_station.intake.model import reason_code
from receiving_station.intake.read import read_file, read_text

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "import-examples"


def test_the_generic_csv_maps_one_row_per_line_into_rmas():
    parsed = read_file(EXAMPLES / "rmas.csv")
    assert (parsed.format, parsed.problems) == ("csv", [])
    first, second, third = parsed.rmas
    assert (first.number, first.order_ref, first.customer_language) == (
        "RMA-500001",
        "1005001",
        "fr",
    )
    assert [(ln.sku, ln.quantity, ln.reason_code) for ln in first.lines] == [
        ("AP-101-M", 1, "SIZE_TOO_SMALL"),
        ("AP-102-L", 2, "COLOR"),
    ]
    assert first.tracking == ("1Z999AA10123456784",)
    assert second.expires_on is not None
    assert second.lines[0].serials == ("SN-77001",)
    assert second.lines[0].unit_value == Decimal("249.00")
    assert third.status is RmaStatus.CANCELLED


def test_shopify_returns_map_line_items_reasons_tracking_and_decline():
    parsed = read_file(EXAMPLES / "shopify-returns.json")
    assert (parsed.format, parsed.problems) == ("shopify", [])
    opened, declined = parsed.rmas
    assert (opened.number, opened.order_ref, opened.channel) == ("#1021-R1", "#1021", "shopify")
    assert (opened.customer_email, opened.customer_language) == ("chloe.lambert@example.com", "fr")
    (line,) = opened.lines
    assert (line.sku, line.gtin, line.reason_code, line.unit_value) == (
        "AP-701-L",
        "4006381333931",
        "SIZE_TOO_LARGE",
        Decimal("69.00"),
    )
    assert line.reason_note == "Une taille au-dessus"
    assert opened.tracking == ("RR473124829GB",)
    assert declined.status is RmaStatus.DECLINED
    assert declined.lines[0].quantity == 2


def test_a_loop_return_webhook_maps_to_an_rma():
    parsed = read_file(EXAMPLES / "loop-return-webhook.json")
    assert (parsed.format, parsed.problems) == ("loop", [])
    (rma,) = parsed.rmas
    assert (rma.number, rma.order_ref, rma.customer_name) == ("LOOP-8837201", "#3307", "Maya Roux")
    assert [ln.reason_code for ln in rma.lines] == ["SIZE_TOO_LARGE", "UNWANTED"]
    assert rma.tracking == ("1Z999AA10123456711",)


def test_an_aftership_return_webhook_maps_to_an_rma():
    parsed = read_file(EXAMPLES / "aftership-return-webhook.json")
    assert (parsed.format, parsed.problems) == ("aftership", [])
    (rma,) = parsed.rmas
    assert (rma.number, rma.order_ref, rma.customer_language) == ("AS-7741", "5512", "fr")
    assert (rma.lines[0].reason_code, rma.lines[0].reason_note) == (
        "DEFECTIVE",
        "Left earbud silent",
    )


def test_a_woocommerce_warranty_export_groups_items_by_request():
    parsed = read_file(EXAMPLES / "woocommerce-warranty-requests.csv")
    assert (parsed.format, parsed.problems) == ("woocommerce", [])
    first, _second, rejected = parsed.rmas
    assert (first.number, len(first.lines), first.tracking) == (
        "WC-812",
        2,
        ("1Z999AA10123456702",),
    )
    assert [ln.reason_code for ln in first.lines] == ["SIZE_TOO_SMALL", "UNWANTED"]
    assert rejected.status is RmaStatus.DECLINED


CSV_HEADER = (EXAMPLES / "rmas.csv").read_text(encoding="utf-8").splitlines()[0]
GOOD_ROW = (
    "RMA-600001,2001,web,Ann,ann@example.com,en,2026-11-20,,open,,1,SKU-1,,Thing,,1,10,UNWANTED,,"
)


@pytest.mark.parametrize(
    ("rows", "where", "says"),
    [
        ([GOOD_ROW.replace(",1,10,", ",many,10,")], "line 2", "quantity should be a whole number"),
        (
            [GOOD_ROW.replace("ann@example.com", "ann-at-example")],
            "line 2",
            "not an e-mail address",
        ),
        ([GOOD_ROW.replace("2026-11-20", "20/11/2026")], "line 2", "should be a date"),
        ([GOOD_ROW.replace(",open,", ",lost,")], "line 2", "status should be"),
        (
            [
                GOOD_ROW,
                GOOD_ROW.replace("ann@example.com", "bob@example.com").replace(
                    ",1,SKU-1", ",2,SKU-2"
                ),
            ],
            "line 3",
            "same RMA number with different RMA details",
        ),
    ],
)
def test_a_bad_csv_row_is_reported_with_its_line_and_its_rma_left_out(rows, where, says):
    parsed = read_text("\n".join([CSV_HEADER, *rows]) + "\n")
    (problem,) = parsed.problems
    assert (problem.where, problem.number) == (where, "RMA-600001")
    assert says in problem.reason
    assert parsed.rmas == []


def test_missing_columns_are_named():
    parsed = read_text("rma_number,sku\nRMA-1,X\n", "csv")
    (problem,) = parsed.problems
    assert "order_ref" in problem.reason
    assert "customer_email" in problem.reason


def test_a_file_that_is_not_utf8_says_how_to_fix_it(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        (CSV_HEADER + "\n" + GOOD_ROW.replace("Ann", "Anne-Hél\xe8ne")).encode("latin-1")
    )
    (problem,) = read_file(path).problems
    assert "not UTF-8" in problem.reason


def test_an_unknown_format_lists_the_ones_read(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("id,total\n1,20\n", encoding="utf-8")
    parsed = read_file(path)
    assert parsed.rmas == []
    assert "shopify" in parsed.problems[0].reason


def test_broken_json_gives_its_line_and_column():
    (problem,) = read_text('{"data": {"returns": [}', "shopify").problems
    assert "line 1" in problem.reason


def test_a_bad_shopify_line_item_is_named_by_its_json_path():
    doc = (
        (EXAMPLES / "shopify-returns.json")
        .read_text(encoding="utf-8")
        .replace('"quantity": 2', '"quantity": 0')
    )
    parsed = read_text(doc)
    (problem,) = parsed.problems
    assert problem.where == "$.data.returns.edges[1].node"
    assert "returnLineItems.edges[0].node" in problem.reason
    assert [r.number for r in parsed.rmas] == ["#1021-R1"]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("Too small", "SIZE_TOO_SMALL"),
        ("SIZE_TOO_LARGE", "SIZE_TOO_LARGE"),
        ("Broken on arrival", "DEFECTIVE"),
        ("", "UNKNOWN"),
        ("meh", "OTHER"),
    ],
)
def test_reasons_in_words_become_reason_codes(words, code):
    assert reason_code(words) == code


@pytest.mark.parametrize(
    ("example", "old", "new", "where", "says"),
    [
        ("loop-return-webhook.json", '"state": "open"', '"state": "lost"', "$", "state"),
        ("loop-return-webhook.json", '"maya.roux@example.com"', '"maya"', "$", "e-mail"),
        (
            "aftership-return-webhook.json",
            '"return_quantity": 1',
            '"return_quantity": "one"',
            "$.data.return",
            "return_items[0]",
        ),
        (
            "aftership-return-webhook.json",
            '"event": "return.approved"',
            '"event": "order.paid"',
            "$.data.return",
            "event",
        ),
    ],
)
def test_a_bad_webhook_is_named_by_its_json_path(example, old, new, where, says):
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    assert old in text
    parsed = read_text(text.replace(old, new, 1))
    (problem,) = parsed.problems
    assert problem.where == where
    assert says in problem.reason
    assert parsed.rmas == []


def test_a_bad_woocommerce_row_names_its_line():
    text = (EXAMPLES / "woocommerce-warranty-requests.csv").read_text(encoding="utf-8")
    parsed = read_text(text.replace("Desk lamp,HM-501,1,", "Desk lamp,HM-501,zero,", 1))
    (problem,) = parsed.problems
    assert (problem.where, problem.number) == ("line 4", "WC-813")
    assert [r.number for r in parsed.rmas] == ["WC-812", "WC-814"]
