"""ACCEPTANCE 34 and idempotent imports, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from receiving_station.cli import main
from receiving_station.domain.model import RmaStatus
from receiving_station.intake.read import read_file, read_text
from receiving_station.services.importing import import_rmas
from tests.intake.test_formats import CSV_HEADER, EXAMPLES, GOOD_ROW
from tests.world import World


def run(world: World, parsed):  # type: ignore[no-untyped-def]
    return import_rmas(world.uow_factory, parsed, world.clock.now(), actor=world.actor("chloe"))


def test_every_example_file_imports_and_a_second_import_changes_nothing(world: World):
    for path in sorted(EXAMPLES.iterdir()):
        report = run(world, read_file(path))
        assert report.ok, (path.name, report.problems)
        assert report.created
    rmas_before = world.count("rmas")
    lines_before = world.count("rma_lines")
    for path in sorted(EXAMPLES.iterdir()):
        report = run(world, read_file(path))
        assert (report.created, report.updated) == ([], [])
        assert report.unchanged
    assert (world.count("rmas"), world.count("rma_lines")) == (rmas_before, lines_before)
    view = world.dock1.lookup(
        world.actor("bruno"), "RR473124829GB"
    )  # the Shopify return's tracking number
    assert view.number == "#1021-R1"
    assert view.lines[0].reason_code == "SIZE_TOO_LARGE"


def test_an_update_to_an_rma_not_yet_received_is_applied(world: World):
    run(world, read_file(EXAMPLES / "rmas.csv"))
    changed = (
        (EXAMPLES / "rmas.csv")
        .read_text(encoding="utf-8")
        .replace(",apparel,2,19.90,", ",apparel,3,19.90,")
    )
    report = run(world, read_text(changed))
    assert report.updated == ["RMA-500001"]
    view = world.dock1.lookup(world.actor("bruno"), "RMA-500001")
    assert [ln.quantity for ln in view.lines] == [1, 3]


def test_an_update_to_an_rma_already_received_is_refused_and_changes_nothing(world: World):
    run(world, read_file(EXAMPLES / "rmas.csv"))
    world.receive("RMA-500001")
    changed = (
        (EXAMPLES / "rmas.csv")
        .read_text(encoding="utf-8")
        .replace(",apparel,2,19.90,", ",apparel,3,19.90,")
    )
    report = run(world, read_text(changed))
    (problem,) = report.problems
    assert problem.number == "RMA-500001"
    assert "already been received" in problem.reason
    assert [ln.quantity for ln in world.dock1.lookup(world.actor("bruno"), "RMA-500001").lines] == [
        1,
        2,
    ]


def test_a_bad_row_costs_its_rma_only_never_half_an_rma(world: World):
    bad = GOOD_ROW.replace("RMA-600001", "RMA-600002").replace(",1,10,", ",lots,10,")
    second_line = GOOD_ROW.replace("RMA-600001", "RMA-600002").replace(",1,SKU-1", ",2,SKU-2")
    text = "\n".join([CSV_HEADER, GOOD_ROW, second_line, bad]) + "\n"
    report = run(world, read_text(text))
    assert report.created == ["RMA-600001"]
    (problem,) = report.problems
    assert (problem.where, problem.number) == ("line 4", "RMA-600002")
    with world.uow_factory(readonly=True) as uow:
        assert uow.rmas.by_number("RMA-600002") is None  # not even its good line


def test_a_tracking_number_that_belongs_to_another_rma_is_refused(world: World):
    world.add_rma("RMA-100001", tracking=("1Z999AA10123456784",))
    report = run(world, read_file(EXAMPLES / "rmas.csv"))
    assert report.created == ["RMA-500002", "RMA-500003"]
    (problem,) = report.problems
    assert "already belongs to RMA-100001" in problem.reason


def test_the_import_command_reports_and_exits_non_zero_on_problems(
    world: World, tmp_path: Path, capsys
):
    url = str(world.engine.url.render_as_string(hide_password=False))
    assert main(["--database", url, "import", str(EXAMPLES / "shopify-returns.json")]) == 0
    assert "2 created" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV_HEADER + "\n" + GOOD_ROW.replace("ann@example.com", "nope") + "\n", encoding="utf-8"
    )
    assert main(["--database", url, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, line 2 (RMA-600001)" in err
    assert "not an e-mail address" in err
    with world.uow_factory(readonly=True) as uow:
        declined = uow.rmas.by_number("#1022-R1")
    assert declined is not None
    assert declined.status is RmaStatus.DECLINED
