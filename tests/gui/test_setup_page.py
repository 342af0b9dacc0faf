"""First start on an empty database: the guided set-up names the station and creates the
first admin (logged in at once), or fills in demo data; a bad entry creates nobody."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from tests.gui.test_receive_window import scanner_types, type_pin_after_badge
from tests.world import FixedClock
from ui.errors import Level
from ui.main_window import MainWindow
from ui.setup_page import SetupPage


@pytest.fixture
def config_file(sqlite_url: str, tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{sqlite_url}"\n\n[ui]\nsounds = false\n', encoding="utf-8")
    return path


@pytest.fixture
def fresh(qtbot: QtBot, qapp, config_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """A new station on an empty database."""
    config = load_config({"RS_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}, config_file)
    app = bootstrap(config, clock=FixedClock())
    win = MainWindow(app)
    qtbot.addWidget(win)
    qapp.installEventFilter(win.scanner)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    qapp.removeEventFilter(win.scanner)
    win.close()
    win.runner.wait(5000)
    app.close()


def users_in(window: MainWindow) -> int:
    with window.app.services.uow_factory(readonly=True) as uow:
        return uow.users.count()


def fill(page: SetupPage, **kw: str) -> None:
    values = {
        "station": "dock-7",
        "location": "Returns dock, door 7",
        "name": "Maria Costa",
        "username": "maria",
        "pin": "4826",
        "pin_again": "4826",
    } | kw
    page.station_name.setText(values["station"])
    page.location.setText(values["location"])
    page.name.setText(values["name"])
    page.username.setText(values["username"])
    page.pin.setText(values["pin"])
    page.pin_again.setText(values["pin_again"])


def test_an_empty_database_opens_on_the_set_up_not_the_log_in(fresh: MainWindow):
    assert fresh.pages.currentWidget() is fresh.setup_page
    assert not fresh.nav.isVisible()


def test_the_first_admin_is_created_with_a_scanned_badge_and_logged_in(
    qtbot: QtBot, fresh: MainWindow, config_file: Path
):
    page = fresh.setup_page
    fill(page)
    page.name.setFocus()
    scanner_types(qtbot, "BDG-7001")  # a new badge card
    qtbot.waitUntil(lambda: page.badge.text() == "BDG-7001", timeout=5000)
    assert page.name.text() == "Maria Costa"
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fresh.session.who is not None, timeout=8000)
    who = fresh.session.who
    assert who is not None
    assert (who.user.username, who.user.role.value) == ("maria", "admin")
    assert fresh.admin_tab.isVisible()
    assert fresh.station_label.text() == "Station: DOCK-7"
    assert 'name = "DOCK-7"' in config_file.read_text(encoding="utf-8")
    fresh.logout()
    assert fresh.pages.currentWidget() is fresh.login_page  # set up once, never again
    fresh.login_page.username.setFocus()
    scanner_types(qtbot, "BDG-7001")  # an admin: the badge, then the PIN chosen above
    type_pin_after_badge(qtbot, fresh, "BDG-7001", "4826")
    qtbot.waitUntil(lambda: fresh.session.who is not None, timeout=5000)
    who = fresh.session.who
    assert who is not None
    assert who.user.username == "maria"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"pin": "1111", "pin_again": "1111"}, "too easy to guess"),
        ({"pin_again": "4827"}, "The two PINs differ"),
        ({"station": "DOCK/7"}, "Station name"),
        ({"username": "Maria Costa"}, "User name"),
        ({"name": ""}, "Name"),
    ],
)
def test_a_bad_entry_is_refused_with_a_message_and_nobody_is_created(
    qtbot: QtBot, fresh: MainWindow, config_file: Path, change: dict[str, str], words: str
):
    before = config_file.read_text(encoding="utf-8")
    page = fresh.setup_page
    fill(page, **change)
    page.badge.setText("BDG-7001")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.level is Level.ERROR, timeout=5000)
    assert words in page.banner.text.text()
    assert users_in(fresh) == 0
    assert config_file.read_text(encoding="utf-8") == before
    assert fresh.pages.currentWidget() is page
    assert page.name.text() == change.get("name", "Maria Costa")  # what was typed stays


def test_demo_data_fills_the_database_and_the_demo_badges_log_in(qtbot: QtBot, fresh: MainWindow):
    page = fresh.setup_page
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fresh.pages.currentWidget() is fresh.login_page, timeout=20000)
    assert fresh.login_page.demo_hint.isVisible()
    engine = fresh.app.services.uow_factory.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM rmas")).scalar_one() == 200
    scanner_types(qtbot, "BDG-1004")
    type_pin_after_badge(qtbot, fresh, "BDG-1004", "4444")  # the demo admin's PIN
    qtbot.waitUntil(lambda: fresh.session.who is not None, timeout=5000)
    assert fresh.admin_tab.isVisible()
