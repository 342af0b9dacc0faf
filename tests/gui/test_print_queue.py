"""A label the station was sending when it stopped shows as in doubt in the status bar and
the print queue; a person settles it there (marked printed, or reprinted), audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from receiving_station.domain.model import PrintJob, PrintStatus
from receiving_station.station_app import StationApp
from tests.gui.test_receive_window import log_in
from tests.world import World
from ui.main_window import MainWindow
from ui.shell import StationShell


def left_sending(world: World, lpn: str = "LP0000000013") -> PrintJob:
    """A label the station had committed as sending when it was killed."""
    payload = world.renderer.render("disposition-4x6", {"lpn": lpn}, "pdf", "en")
    with world.uow_factory() as uow:
        job = uow.labels.add_job(
            PrintJob(
                id=None,
                created_at=world.clock.now(),
                station_id=world.station_ids["DOCK-1"],
                user_id=world.user_ids["bruno"],
                lpn=lpn,
                template="disposition-4x6",
                format="pdf",
                printer="folder:labels",
                payload=payload,
                status=PrintStatus.SENDING,
                attempts=0,
                next_attempt_at=world.clock.now() + timedelta(seconds=120),
            )
        )
        uow.commit()
    return job


@pytest.fixture
def restarted(
    qtbot: QtBot, qapp, station: tuple[StationApp, World]
) -> Iterator[tuple[MainWindow, World, PrintJob]]:
    app, world = station
    job = left_sending(world)
    shell = StationShell(qapp, app, "en")  # the station starting again
    qtbot.waitExposed(shell.window)
    yield shell.window, world, job
    shell.close()
    QLocale.setDefault(QLocale.system())


def labels_in(app: StationApp) -> list[Path]:
    return sorted(Path(app.config.printer.uri.removeprefix("folder:")).glob("*.pdf"))


@pytest.mark.parametrize("found", ["printed", "not printed"])
def test_a_label_in_doubt_is_shown_and_settled_by_a_person_in_the_print_queue(
    qtbot: QtBot, restarted: tuple[MainWindow, World, PrintJob], found: str
):
    window, world, job = restarted
    status = window.status
    qtbot.waitUntil(lambda: "in doubt" in status.printer.text(), timeout=5000)
    assert status.printer.text() == "⚠ 1 label in doubt: check the printer"
    assert status.queue_button.isVisible()
    assert labels_in(window.app) == []  # not sent again by itself
    log_in(qtbot, window, "BDG-1004")  # Dan
    status.queue_button.click()
    dialog = window.print_queue
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == job.lpn
    assert dialog.table.item(0, 1).text() == ""  # a label of no unit (a unit's: its IN-…)
    assert dialog.table.item(0, 2).text().startswith("11/26/26")  # queued, warehouse time
    assert dialog.table.item(0, 3).text() == "⚠ in doubt: check the printer"
    assert "stopped while this label was being sent" in dialog.table.item(0, 5).text()
    assert dialog.printed_button.isEnabled()
    assert dialog.reprint_button.isEnabled()
    if found == "printed":
        dialog.printed_button.click()
        qtbot.waitUntil(lambda: "marked printed" in dialog.feedback.text(), timeout=5000)
    else:
        dialog.reprint_button.click()
        qtbot.waitUntil(lambda: len(labels_in(window.app)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: status.printer.text() == "Printer: ready", timeout=5000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert not status.queue_button.isVisible()
    with world.uow_factory(readonly=True) as uow:
        events = list(uow.audit.for_entity("label", job.lpn))
    settle = "label.confirmed_printed" if found == "printed" else "label.reprint"
    (settled,) = [e for e in events if e.action == settle]
    assert settled.user_id == world.user_ids["dan"]
    if found == "printed":
        assert labels_in(window.app) == []


def test_why_a_label_waits_reads_in_french_for_a_french_speaker(qapp):
    from receiving_station.errors import PrintCutShort, PrinterNotReady
    from ui.app import install_translations
    from ui.print_queue import reason_words

    cut = PrintCutShort(printer="tcp://10.0.0.9:9100", sent=64, total=760, detail="reset")
    not_ready = PrinterNotReady(printer="tcp://10.0.0.9:9100", condition="paper out, paused")
    translators = install_translations(qapp, "fr")
    try:
        assert reason_words(str(cut)).startswith(
            "L’imprimante tcp://10.0.0.9:9100 a coupé la connexion (reset) sans confirmer "
            "l’étiquette (64 octets sur 760 lui étaient parvenus)"
        )
        assert "ne peut pas imprimer : plus de papier, en pause." in reason_words(str(not_ready))
        assert reason_words("something else") == "something else"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale.system())
