"""Hostile import files: every bad value costs its row's RMA with its own reason, never the
file; sizes and depths have limits; special files are refused. No traceback, ever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from receiving_station.intake.read import MAX_BYTES, read_file, read_text
from tests.intake.test_formats import CSV_HEADER, GOOD_ROW

SECOND = GOOD_ROW.replace("RMA-600001", "RMA-600002").replace(",2001,", ",2002,")


def csv_of(*rows: str) -> str:
    return "\n".join([CSV_HEADER, *rows]) + "\n"


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (",1,10,", ",1,NaN,", "unit_value should be an amount"),
        (",1,10,", ",1,1e400,", "unit_value should be an amount"),
        (",1,10,", ",1,1e308,", "unit_value should be an amount from 0 to 1000000"),
        (",1,10,", ",1,-Infinity,", "unit_value should be an amount"),
        (",1,10,", ",1000000000,10,", "quantity should be at most 10000"),
        (",1,SKU-1,", f",{10**30},SKU-1,", "line_no should be at most 99999"),
        (",1,SKU-1,", f",{'9' * 5000},SKU-1,", "line_no should be a whole number"),
        (",Thing,", ",Th\x00ing,", "description holds a control character (NUL)"),
        (",Thing,", ",Th\x1bing,", "description holds a control character (ESC)"),
        (",Thing,", ",Th\u200bi\u0085ng,", "description holds a control character (NEL)"),
        (",2026-11-20,,", ",2026-11-20,2026-11-01,", "expires_on 2026-11-01 is before"),
        (",2026-11-20,,", ",9999-12-31,,", "created_on should be between 2000"),
        (",Thing,", ",T" + "x" * 5_000_000 + ",", "description is longer than 200 characters"),
    ],
)
def test_a_bad_value_costs_its_rma_and_the_rma_before_it_is_still_read(old, new, says):
    assert old in SECOND
    parsed = read_text(
        csv_of(GOOD_ROW, SECOND.replace(old, new, 1), GOOD_ROW.replace("600001", "600003"))
    )
    (problem,) = parsed.problems
    assert (problem.where, problem.number) == ("line 3", "RMA-600002")
    assert says in problem.reason
    assert len(problem.reason) < 200  # a 5 MB value is not echoed back
    assert [r.number for r in parsed.rmas] == ["RMA-600001", "RMA-600003"]


def test_notes_keep_their_line_breaks_and_tabs():
    row = GOOD_ROW.replace(",UNWANTED,,", ',UNWANTED,"Too big.\n\tSee photo",', 1)
    (rma,) = read_text(csv_of(row)).rmas
    assert rma.lines[0].reason_note == "Too big.\n\tSee photo"


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("2026-11-20", "20/11/2026", "created_on should be a date"),
        ("ann@example.com", "", "customer e-mail is missing"),
        ("ann@example.com", "nope", "customer e-mail is not an e-mail address"),
        ("ann@example.com", "bob@example.com", "customer_email differs from line 2"),
        (",2001,", ",2009,", "order_ref differs from line 2"),
    ],
)
def test_each_problem_in_a_later_line_of_an_rma_gives_its_own_reason(old, new, says):
    second_line = GOOD_ROW.replace(",1,SKU-1", ",2,SKU-2").replace(old, new, 1)
    (problem,) = read_text(csv_of(GOOD_ROW, second_line)).problems
    assert (problem.where, problem.number) == ("line 3", "RMA-600001")
    assert says in problem.reason
    if "differs" not in says:  # a value that cannot be read is not "different details"
        assert "different RMA details" not in problem.reason


def test_three_bad_rows_in_a_big_file_are_each_named_with_their_own_reason():
    rows = [
        GOOD_ROW.replace("RMA-600001", f"RMA-7{n:05d}").replace(",2001,", f",3{n:05d},")
        for n in range(20_000)
    ]
    rows[100] = rows[100].replace("2026-11-20", "2026-13-45")
    rows[5000] = rows[5000].replace("ann@example.com", "")
    rows[19_999] = rows[19_999].replace(",1,10,", ",1,NaN,")
    parsed = read_text(csv_of(*rows))
    assert [(p.where, p.reason.split(" ")[0]) for p in parsed.problems] == [
        ("line 102", "created_on"),
        ("line 5002", "customer"),
        ("line 20001", "unit_value"),
    ]
    assert len(parsed.rmas) == 19_997


def test_a_field_larger_than_the_csv_module_reads_costs_its_rma_only():
    huge = SECOND.replace(",UNWANTED,,", f",UNWANTED,{'n' * 5_000_000},", 1)
    parsed = read_text(csv_of(GOOD_ROW, huge, GOOD_ROW.replace("600001", "600003")))
    (problem,) = parsed.problems
    assert (problem.where, problem.number) == ("line 3", "RMA-600002")
    assert "reason_note is longer than 1000 characters" in problem.reason
    assert [r.number for r in parsed.rmas] == ["RMA-600001", "RMA-600003"]


def test_deeply_nested_json_is_refused_with_its_limit():
    for depth in (200, 100_000):
        doc = '{"data": {"returns": ' + "[" * depth + "]" * depth + "}}"
        (problem,) = read_text(doc, "shopify").problems
        assert problem.where == "file"
        assert "nested more than 64 levels deep" in problem.reason
        (problem,) = read_text(doc).problems  # detecting the format reads it too
        assert "nested more than 64 levels deep" in problem.reason


def test_a_json_number_too_long_to_read_is_refused_not_a_traceback():
    (problem,) = read_text('{"data": {"return": {"name": ' + "1" * 5000 + "}}}", "shopify").problems
    assert problem.where == "file"
    assert "number" in problem.reason


def test_a_special_file_that_never_ends_is_refused_unread():
    (problem,) = read_file(Path("/dev/zero")).problems
    assert problem.where == "file"
    assert "not a regular file" in problem.reason


def test_a_folder_is_refused(tmp_path: Path):
    (problem,) = read_file(tmp_path).problems
    assert "not a regular file" in problem.reason


def test_a_file_over_the_size_limit_is_refused_with_the_limit(tmp_path: Path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:  # sparse: costs no disk
        f.write(CSV_HEADER.encode())
        f.truncate(MAX_BYTES + 1)
    (problem,) = read_file(path).problems
    assert problem.where == "file"
    assert "larger than 64 MB" in problem.reason
    assert MAX_BYTES == 64 * 1024 * 1024


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    (problem,) = read_file(fifo).problems
    assert "not a regular file" in problem.reason


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('"quantity": 2', '"quantity": 1e400', "quantity should be a whole number"),
        ('"quantity": 2', '"quantity": 1000000000', "quantity should be at most 10000"),
        ('"amount": "69.00"', '"amount": "NaN"', "should be an amount"),
        ('"Une taille au-dessus"', '"Une\\u0000taille"', "control character (NUL)"),
        ('"name": "#1022-R1"', '"name": {"a": [1]}', "name should be text"),
    ],
)
def test_a_bad_json_value_costs_its_return_only(old, new, says):
    from tests.intake.test_formats import EXAMPLES

    text = (EXAMPLES / "shopify-returns.json").read_text(encoding="utf-8")
    assert old in text
    parsed = read_text(text.replace(old, new, 1))
    assert len(parsed.problems) == 1, parsed.problems
    assert says in parsed.problems[0].reason
    assert len(parsed.rmas) == 1
