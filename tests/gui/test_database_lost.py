"""The window's words for a database file that is gone, in English and in French."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from data.engine import make_engine
from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.errors import DatabaseFileMissing, DatabaseMissingAtStart
from tests.world import FixedClock, World
from ui.app import cannot_start_box, install_translations
from ui.errors import Level, describe


@pytest.fixture
def lost(sqlite_url: str, tmp_path: Path) -> DatabaseMissingAtStart:
    """What the start of a station says whose database file, that held data, is gone."""
    config = load_config(
        env={"RS_DATA_DIR": str(tmp_path / "data"), "RS_STATION": "DOCK-1"},
        path=tmp_path / "none.toml",
    )
    config = dataclasses.replace(config, database_url=sqlite_url, sounds=False)
    engine = make_engine(sqlite_url)
    World(engine)
    engine.dispose()
    bootstrap(config, clock=FixedClock()).close()
    Path(sqlite_url.removeprefix("sqlite:///")).unlink()
    with pytest.raises(DatabaseMissingAtStart) as caught:
        bootstrap(config, clock=FixedClock())
    return caught.value


@pytest.fixture
def french(qapp) -> Iterator[None]:
    translators = install_translations(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(QLocale.system())


def test_the_window_says_the_file_is_missing_instead_of_opening_set_up(
    qapp, lost: DatabaseMissingAtStart
):
    box = cannot_start_box(lost)
    assert box.windowTitle() == "Receiving Station cannot start"
    assert "station.sqlite3 is missing; it held this station's data on" in box.text()
    assert "receiving-station --new-database" in box.text()


def test_the_window_says_it_in_french(qapp, french: None, lost: DatabaseMissingAtStart):
    text = cannot_start_box(lost).text()
    assert "station.sqlite3 est introuvable ; il contenait les données de ce poste le" in text
    assert "Remettez le fichier en place depuis la sauvegarde" in text
    assert "« receiving-station --new-database »" in text


def test_a_file_deleted_while_working_is_a_warning_in_french(qapp, french: None):
    feedback = describe(DatabaseFileMissing(where="/srv/station.sqlite3"))
    assert feedback.level is Level.WARNING
    assert feedback.text.startswith(
        "Le fichier de la base de données /srv/station.sqlite3 a été supprimé pendant que "
        "le poste fonctionnait. Rien n’a été enregistré."
    )
