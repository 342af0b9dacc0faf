"""The real station window on a real X server, for the tests that type on it with xdotool.

``python -m tests.gui.station_under_x DATA_DIR`` seeds the test world (the GUI tests' RMAs
and people, on a fixed clock) into a fresh SQLite database in DATA_DIR, then starts the
station through the same ``run_gui`` as ``receiving-station gui``: translations, the crash
boundary and its log, garbage collected on the GUI thread, the shell and its window. It
reads one command a line on standard input and answers each with one JSON line on standard
output:

- ``state``: who is logged in, the page, the focused field, every field's text, the RMA on
  screen, the banner, the import's progress, how many scans the wedge delivered;
- ``focus NAME``: put the focus in a field of the page on screen (``username``, ``note``,
  ``search``);
- ``import PATH``: import an RMA file, as the Import button does once a file is chosen;
- ``quit``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def _seed(data: Path) -> tuple[str, Any]:
    from data.engine import make_engine
    from data.migrate import upgrade
    from tests.world import World

    url = f"sqlite:///{data / 'station.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    world = World(engine)
    world.add_rma("RMA-100001", tracking=("1ZE3S3E28246281943",))
    world.add_rma("RMA-100002", order_ref="7000002", days_old=45)
    world.add_rma("RMA-100003", order_ref="7000003")
    clock = world.clock
    engine.dispose()
    return url, clock


class Remote:
    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.scans = 0
        self.imported = ""
        self._wired: set[int] = set()
        self.buffer = b""
        self.notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._on_stdin)

    @property
    def window(self) -> Any:
        window = self.shell.window
        if id(window) not in self._wired:  # a window built again for another language
            self._wired.add(id(window))
            window.scanner.scan_received.connect(self._on_scan)
            window.importer.said.connect(self._on_import_said)
        return window

    def _on_import_said(self, feedback: Any) -> None:
        self.imported = feedback.text

    def _on_scan(self, _text: str) -> None:
        self.scans += 1

    def _on_stdin(self) -> None:
        chunk = os.read(0, 65536)
        if not chunk:
            QApplication.quit()
            return
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            answer = self.command(line.decode("utf-8").strip())
            sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    def _page_fields(self) -> dict[str, QLineEdit]:
        window = self.window
        page = window.pages.currentWidget()
        found = {name: getattr(page, name, None) for name in ("username", "pin", "note", "search")}
        return {k: v for k, v in found.items() if isinstance(v, QLineEdit)}

    def command(self, line: str) -> dict[str, Any]:
        verb, _, argument = line.partition(" ")
        window = self.window
        if verb == "quit":
            QApplication.quit()
            return {"ok": True}
        if verb == "focus":
            field = self._page_fields().get(argument)
            if field is None:
                return {"ok": False, "error": f"no field {argument!r} on this page"}
            window.activateWindow()
            field.setFocus()
            return {"ok": True}
        if verb == "import":
            window.importer.import_file(Path(argument))
            return {"ok": True}
        if verb == "state":
            return self.state()
        return {"ok": False, "error": f"unknown command {line!r}"}

    def state(self) -> dict[str, Any]:
        window = self.window
        page = window.pages.currentWidget()
        focus = QApplication.focusWidget()
        who = window.session.who
        receive = window.receive_page
        banner = getattr(page, "banner", None) or window.login_page.banner
        return {
            "ok": True,
            "window": int(window.winId()),
            "user": who.user.username if who else None,
            "page": page.objectName() or type(page).__name__,
            "focus": focus.objectName() if isinstance(focus, QWidget) else None,
            "fields": {name: field.text() for name, field in self._page_fields().items()},
            "rma": receive.rma_number.text() if receive.outcome is not None else "",
            "banner": banner.text.text() if banner.isVisible() else "",
            "importing": window.import_label.text() if window.import_label.isVisible() else "",
            "imported": self.imported,
            "scans": self.scans,
            "busy": window.runner.busy,
        }


def main() -> int:
    from tests.faketime import tolerate_libfaketime

    tolerate_libfaketime()
    data = Path(sys.argv[1])
    url, clock = _seed(data)
    from receiving_station.bootstrap import bootstrap
    from receiving_station.config import load_config
    from ui.app import run_gui

    config = load_config(
        env={"RS_DATA_DIR": str(data), "RS_STATION": "DOCK-1"}, path=data / "none.toml"
    )
    config = dataclasses.replace(
        config, database_url=url, sounds=False, idle_lock_minutes=0, language="en"
    )
    remotes: list[Remote] = []

    def opened(shell: Any) -> None:
        remote = Remote(shell)
        remotes.append(remote)  # kept for as long as the window runs
        sys.stdout.write(json.dumps({"ready": True, **remote.state()}) + "\n")
        sys.stdout.flush()

    return run_gui(lambda: bootstrap(config, clock=clock), config, on_open=opened)


if __name__ == "__main__":
    sys.exit(main())
