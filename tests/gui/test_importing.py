"""Importing RMAs from the station window: progress in the status bar, a watched folder."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from receiving_station.errors import PermissionDenied
from tests.gui.test_receive_window import log_in
from tests.intake.test_formats import CSV_HEADER, EXAMPLES, GOOD_ROW
from ui.main_window import MainWindow


def big_csv(path: Path, rmas: int) -> Path:
    rows = [
        GOOD_ROW.replace("RMA-600001", f"RMA-8{n:05d}").replace(",2001,", f",9{n:05d},")
        for n in range(rmas)
    ]
    path.write_text("\n".join([CSV_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_lead_imports_a_file_and_sees_its_progress_and_result(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    log_in(qtbot, window, "BDG-1003")  # Chloé, lead
    assert window.import_button.isVisible()
    started = time.monotonic()
    window.importer.import_file(big_csv(tmp_path / "returns.csv", 250))
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: "250 created" in page.banner.text.text(), timeout=20000)  # type: ignore[attr-defined]
    took = time.monotonic() - started
    assert window.importer.last_progress == (250, 250)
    # a few updates a second, not one per RMA posted across threads
    assert 1 <= window.importer.progress_shown <= 5 * took + 2
    assert not window.import_label.isVisible()


def test_a_big_import_shows_a_progress_bar_and_the_window_stays_responsive(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    log_in(qtbot, window, "BDG-1003")
    shown: list[tuple[int, int, bool]] = []
    bar = window.import_progress
    bar.valueChanged.connect(lambda v: shown.append((v, bar.maximum(), bar.isVisible())))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    window.importer.import_file(big_csv(tmp_path / "returns.csv", 3000))
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: "3000 created" in page.banner.text.text(), timeout=60000)  # type: ignore[attr-defined]
    took = time.monotonic() - started
    timer.stop()
    assert any(0 < v < 3000 and top == 3000 and seen for v, top, seen in shown), shown
    assert not bar.isVisible()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= took / 0.02 / 3  # the GUI thread kept turning while it ran
    assert max(gaps) < 0.5


def test_a_receiver_has_no_import_and_the_core_refuses_it(qtbot: QtBot, window: MainWindow):
    log_in(qtbot, window, "BDG-1001")
    assert not window.import_button.isVisible()
    who = window.session.who
    assert who is not None
    with pytest.raises(PermissionDenied):
        window.app.services.import_file(who.actor, EXAMPLES / "rmas.csv")


def test_files_dropped_in_the_watched_folder_are_imported_and_filed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    services = window.app.services
    services.import_folder = inbox
    (inbox / "shopify.json").write_bytes((EXAMPLES / "shopify-returns.json").read_bytes())
    (inbox / "broken.csv").write_text(
        CSV_HEADER + "\n" + GOOD_ROW.replace("ann@example.com", "nope") + "\n", encoding="utf-8"
    )
    window.print_labels()  # what the window's 10-second timer runs
    qtbot.waitUntil(lambda: not list(inbox.glob("*.*")), timeout=10000)
    (done,) = (inbox / "done").iterdir()
    assert done.name.endswith("-shopify.json")
    problems = sorted(p.name for p in (inbox / "problems").iterdir())
    assert problems[0].endswith("-broken.csv")
    assert problems[1].endswith("-broken.csv.problems.txt")
    report = (inbox / "problems" / problems[1]).read_text(encoding="utf-8")
    assert "line 2 (RMA-600001): customer e-mail is not an e-mail address" in report
    who = services.command_line("command line: lookup")
    assert services.lookup(who, "#1021-R1").number == "#1021-R1"


@pytest.fixture
def in_french(qapp: Any) -> Iterator[None]:
    """The window's words in French, as for a French station (or a French-speaking user)."""
    from PySide6.QtCore import QLocale

    from ui.app import install_translations

    translators = install_translations(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def test_a_french_station_says_a_bad_amount_in_french_in_the_import_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, in_french: None
):
    log_in(qtbot, window, "BDG-1003")
    bad = tmp_path / "retours.csv"
    bad.write_text(CSV_HEADER + "\n" + GOOD_ROW.replace(",1,10,", ",1,NaN,") + "\n", "utf-8")
    window.importer.import_file(bad)
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: "problème" in page.banner.text.text(), timeout=10000)  # type: ignore[attr-defined]
    assert page.banner.text.text() == (  # type: ignore[attr-defined]
        "retours.csv : 0 créé(s), 0 mis à jour, 0 inchangé(s). 1 problème(s), le premier : "
        "ligne 2 : unit_value doit être un montant, pas « NaN »"
    )


def test_the_watched_folders_report_is_in_the_stations_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    log_in(qtbot, window, "BDG-1003")  # Chloé reads English; the station writes French
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    services = window.app.services
    services.import_folder, services.language = inbox, "fr"
    (inbox / "broken.csv").write_text(
        CSV_HEADER + "\n" + GOOD_ROW.replace("ann@example.com", "nope") + "\n", encoding="utf-8"
    )
    window.print_labels()
    qtbot.waitUntil(lambda: not list(inbox.glob("*.*")), timeout=10000)
    (report,) = (inbox / "problems").glob("*.problems.txt")
    assert report.read_text(encoding="utf-8") == (
        "ligne 2 (RMA-600001) : e-mail du client n’est pas une adresse e-mail : « nope »\n"
    )


def test_every_bad_row_of_an_import_is_listed_not_only_the_first(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    log_in(qtbot, window, "BDG-1003")
    rows = [
        GOOD_ROW,
        GOOD_ROW.replace("RMA-600001", "RMA-600002")
        .replace(",2001,", ",2002,")
        .replace(",1,10,", ",1,NaN,"),
        GOOD_ROW.replace("RMA-600001", "RMA-600003")
        .replace(",2001,", ",2003,")
        .replace(",1,10,", ",1000000000,10,"),
        GOOD_ROW.replace("RMA-600001", "RMA-600004")
        .replace(",2001,", ",2004,")
        .replace("ann@example.com", "nope"),
    ]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([CSV_HEADER, *rows]) + "\n", encoding="utf-8")
    window.importer.import_file(path)
    qtbot.waitUntil(lambda: window.importer.problems_box is not None, timeout=20000)
    box = window.importer.problems_box
    assert box is not None
    listed = box.detailedText()
    assert "line 3 (RMA-600002): unit_value should be an amount" in listed
    assert "line 4 (RMA-600003): quantity should be at most 10000" in listed
    assert "line 5 (RMA-600004): customer e-mail is not an e-mail address" in listed
    assert "3" in box.text()
    box.close()


def test_an_import_finished_on_the_exceptions_page_is_said_there(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
):
    log_in(qtbot, window, "BDG-1003")
    window.show_page(window.exceptions_page)
    window.importer.import_file(big_csv(tmp_path / "returns.csv", 20))
    banner = window.exceptions_page.banner
    qtbot.waitUntil(lambda: "20 created" in banner.text.text(), timeout=20000)
