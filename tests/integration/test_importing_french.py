"""A French station reads the import's problems in French: on the command line (the
station's language, or ``--language``) and in the watched folder's problem reports. The
file's own column names stay as the file has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_station.cli import main
from receiving_station.services.importing import import_folder
from receiving_station.services.system import system_actor
from tests.intake.test_formats import CSV_HEADER, GOOD_ROW
from tests.integration.test_importing_hostile import SECOND, url_of
from tests.world import World
from ui.languages import translator_for

BAD_AMOUNT = "\n".join([CSV_HEADER, GOOD_ROW, SECOND.replace(",1,10,", ",1,NaN,")]) + "\n"


def test_the_import_command_of_a_french_station_names_the_bad_amount_in_french(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
):
    path = tmp_path / "retours.csv"
    path.write_text(BAD_AMOUNT, encoding="utf-8")
    monkeypatch.setenv("RS_LANGUAGE", "fr")
    assert main(["--database", url_of(world), "import", str(path)]) == 1
    said = capsys.readouterr()
    assert (
        "✖ retours.csv, ligne 3 (RMA-600002) : unit_value doit être un montant, pas « NaN »"
        in said.err
    )
    assert "retours.csv (csv) : 1 créé(s), 0 mis à jour, 0 inchangé(s), 1 problème(s)" in said.out


def test_language_asks_for_another_language_than_the_stations(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
):
    monkeypatch.setenv("RS_LANGUAGE", "fr")
    assert main(["--database", url_of(world), "import", "/dev/zero", "--language", "en"]) == 1
    assert "✖ zero, file: not a regular file" in capsys.readouterr().err
    monkeypatch.setenv("RS_LANGUAGE", "en")
    assert main(["--database", url_of(world), "import", "/dev/zero", "--language", "fr"]) == 1
    assert "✖ zero, fichier : pas un fichier ordinaire" in capsys.readouterr().err


def test_the_watched_folders_problem_report_is_in_the_stations_language(
    world: World, tmp_path: Path
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bad.csv").write_text(BAD_AMOUNT, encoding="utf-8")
    (inbox / "nested.json").write_text('{"data": {"return": ' + "[" * 5000 + "}}")
    import_folder(
        world.uow_factory,
        inbox,
        world.clock.now(),
        translate=translator_for("fr"),
        actor=system_actor(
            world.uow_factory, world.station_ids["DOCK-1"], "watched folder", world.clock.now()
        ),
    )
    (bad,) = (inbox / "problems").glob("*bad.csv.problems.txt")
    assert bad.read_text(encoding="utf-8") == (
        "ligne 3 (RMA-600002) : unit_value doit être un montant, pas « NaN »\n"
    )
    (nested,) = (inbox / "problems").glob("*nested.json.problems.txt")
    assert nested.read_text(encoding="utf-8") == (
        "fichier : imbriqué sur plus de 64 niveaux : ce n’est pas un export de boutique\n"
    )


def test_an_rma_refused_by_the_database_check_is_said_in_french_too(world: World, tmp_path: Path):
    world.add_rma("RMA-100001", tracking=("1Z999AA10123456784",))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "taken.csv").write_text(
        CSV_HEADER + "\n" + GOOD_ROW.replace(",open,,", ",open,1Z999AA10123456784,") + "\n",
        encoding="utf-8",
    )
    import_folder(
        world.uow_factory,
        inbox,
        world.clock.now(),
        translate=translator_for("fr"),
        actor=system_actor(
            world.uow_factory, world.station_ids["DOCK-1"], "watched folder", world.clock.now()
        ),
    )
    (report,) = (inbox / "problems").glob("*taken.csv.problems.txt")
    assert report.read_text(encoding="utf-8") == (
        "ligne 2 (RMA-600001) : le numéro de suivi 1Z999AA10123456784 appartient déjà à "
        "RMA-100001\n"
    )
