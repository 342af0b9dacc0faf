"""Hostile files through the import command and the watched folder, and the bulk import's
guarantees (whole RMAs, reruns unchanged, few statements), on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import event

from receiving_station.cli import _Progress, main
from receiving_station.intake.read import read_text
from receiving_station.services.importing import import_folder, import_rmas
from receiving_station.services.system import system_actor
from tests.intake.test_formats import CSV_HEADER, EXAMPLES, GOOD_ROW
from tests.world import World

SECOND = GOOD_ROW.replace("RMA-600001", "RMA-600002").replace(",2001,", ",2002,")


def url_of(world: World) -> str:
    return str(world.engine.url.render_as_string(hide_password=False))


def rows_of(n: int, start: int = 0) -> list[str]:
    return [
        GOOD_ROW.replace("RMA-600001", f"RMA-7{i:05d}").replace(",2001,", f",3{i:05d},")
        for i in range(start, start + n)
    ]


@pytest.mark.parametrize(
    "bad",
    [",1,NaN,", ",1,1e400,", ",1,1e308,", ",1000000000,10,"],
)
def test_the_command_imports_the_good_rma_and_names_the_bad_one(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
):
    path = tmp_path / "returns.csv"
    path.write_text(
        "\n".join([CSV_HEADER, GOOD_ROW, SECOND.replace(",1,10,", bad)]) + "\n", encoding="utf-8"
    )
    assert main(["--database", url_of(world), "import", str(path)]) == 1
    captured = capsys.readouterr()
    (problem,) = [ln for ln in captured.err.splitlines() if ln.startswith("✖")]
    assert problem.startswith("✖ returns.csv, line 3 (RMA-600002): ")
    assert "1 created" in captured.out
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-600001") is not None
        assert uow.rmas.by_number("RMA-600002") is None


def test_the_first_problem_has_a_line_of_its_own_after_the_progress(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    rows = rows_of(600)
    rows[3] = rows[3].replace("ann@example.com", "nope")
    path = tmp_path / "big.csv"
    path.write_text("\n".join([CSV_HEADER, *rows]) + "\n", encoding="utf-8")
    assert main(["--database", url_of(world), "import", str(path)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    problem = "✖ big.csv, line 5 (RMA-700003): customer e-mail is not an e-mail address"
    first = next(i for i, ln in enumerate(lines) if ln.startswith("✖"))
    assert lines[first].startswith(problem)
    assert lines[first - 1] == "599 / 599 RMAs"  # plain lines off a terminal
    assert "\r" not in err


def test_on_a_terminal_the_progress_is_a_bar_whose_line_ends_before_the_problems():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = _Progress(screen)
    for done in range(0, 1001, 250):
        progress(done, 1000)
    progress.close()
    drawn = screen.getvalue()
    assert drawn.count("\r") == 5
    assert drawn.endswith("█" * 30 + " 1,000 / 1,000 RMAs\n")


def test_a_file_that_cannot_be_read_gets_a_message_not_a_traceback(
    world: World, capsys: pytest.CaptureFixture[str]
):
    assert main(["--database", url_of(world), "import", "/dev/zero"]) == 1
    assert "✖ zero, file: not a regular file" in capsys.readouterr().err


def test_a_bad_file_in_the_watched_folder_is_filed_and_the_next_one_imported(
    world: World, tmp_path: Path
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a-bad.csv").write_text(
        "\n".join([CSV_HEADER, GOOD_ROW, SECOND.replace(",1,10,", ",1,NaN,")]) + "\n",
        encoding="utf-8",
    )
    (inbox / "b-nested.json").write_text('{"data": {"return": ' + "[" * 5000 + "}}")
    (inbox / "c-good.json").write_bytes((EXAMPLES / "shopify-returns.json").read_bytes())
    watched = system_actor(
        world.uow_factory, world.station_ids["DOCK-1"], "watched folder", world.clock.now()
    )
    reports = import_folder(world.uow_factory, inbox, world.clock.now(), actor=watched)
    assert [(name, r.ok) for name, r in reports] == [
        ("a-bad.csv", False),
        ("b-nested.json", False),
        ("c-good.json", True),
    ]
    assert not [p for p in inbox.iterdir() if p.is_file()]
    assert [p.name.split("-", 2)[2] for p in sorted((inbox / "done").iterdir())] == ["c-good.json"]
    filed = sorted(p.name.split("-", 2)[2] for p in (inbox / "problems").iterdir())
    assert filed == [
        "a-bad.csv",
        "a-bad.csv.problems.txt",
        "b-nested.json",
        "b-nested.json.problems.txt",
    ]
    (report,) = (inbox / "problems").glob("*bad.csv.problems.txt")
    assert "line 3 (RMA-600002): unit_value should be an amount" in report.read_text()
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-600001") is not None  # the good RMA of the bad file
        assert uow.rmas.by_number("#1021-R1") is not None


def test_a_big_import_is_whole_rmas_in_few_statements_and_a_rerun_is_unchanged(world: World):
    lead = world.actor("chloe")
    rows = rows_of(3000)
    for i in range(0, 3000, 2):  # every other RMA has a second line
        rows.append(rows[i].replace(",1,SKU-1,", ",2,SKU-2,"))
    text = "\n".join([CSV_HEADER, *rows]) + "\n"
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(world.engine, "before_cursor_execute", count)
    try:
        report = import_rmas(world.uow_factory, read_text(text), world.clock.now(), actor=lead)
    finally:
        event.remove(world.engine, "before_cursor_execute", count)
    assert report.ok, report.problems[:3]
    assert len(report.created) == 3000
    assert len(statements) < 150, len(statements)  # row by row took ~30,000
    assert world.count("rmas") == 3000
    assert world.count("rma_lines") == 4500
    assert world.count("audit_events") >= 3000
    again = import_rmas(world.uow_factory, read_text(text), world.clock.now(), actor=lead)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 3000)
    changed = text.replace("RMA-701234,301234,web,Ann", "RMA-701234,301234,web,Anne")
    third = import_rmas(world.uow_factory, read_text(changed), world.clock.now(), actor=lead)
    assert (third.created, third.updated, len(third.unchanged)) == ([], ["RMA-701234"], 2999)


def test_two_new_rmas_of_one_chunk_claiming_one_tracking_number_cost_the_second_only(
    world: World,
):
    rows = rows_of(10)
    rows[2] = rows[2].replace(",open,,", ",open,1Z999AA10123456784,")
    rows[7] = rows[7].replace(",open,,", ",open,1Z999AA10123456784,")
    report = import_rmas(
        world.uow_factory,
        read_text("\n".join([CSV_HEADER, *rows]) + "\n"),
        world.clock.now(),
        actor=world.actor("chloe"),
    )
    (problem,) = report.problems
    assert (problem.where, problem.number) == ("line 9", "RMA-700007")
    assert "tracking number 1Z999AA10123456784 already belongs to RMA-700002" in problem.reason
    assert len(report.created) == 9
    assert world.count("rmas") == 9
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-700007") is None
