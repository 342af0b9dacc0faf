"""Screenshots of the station's screens, on a demo database, for the README.

Run under a real X server (``make screenshots`` starts Xvfb): ``python scripts/screenshots.py OUT``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from ui.app import apply_style, install_translations
from ui.main_window import MainWindow


def settle(app: QApplication, ms: int = 400) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(app.quit)
    timer.start(ms)
    app.exec()


def main(out: Path, language: str = "en") -> None:
    out.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="rs-shots-")
    os.environ.update(RS_DATA_DIR=workdir, RS_CONFIG=f"{workdir}/none.toml", RS_STATION="DOCK-1")
    config = load_config()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_translations(app, language)
    apply_style(app)
    station = bootstrap(config, demo_rmas=200)
    window = MainWindow(station)
    window.sounds.enabled = False
    window.resize(1280, 800)
    window.show()
    settle(app)
    window.grab().save(str(out / f"login-{language}.png"))
    window.session.run(
        lambda: station.services.login_badge("BDG-1001"),
        window._on_logged_in,
        window._on_login_failed,
    )
    settle(app)
    window.receive_page.handle_scan("RMA-000001")
    settle(app)
    window.grab().save(str(out / f"receive-{language}.png"))
    window.receive_page.handle_scan("RMA-000002")
    settle(app)
    window.grab().save(str(out / f"receive-policy-{language}.png"))
    window.receive_page.handle_scan("PARCEL-WITHOUT-LABEL")
    settle(app)
    window.grab().save(str(out / f"receive-unknown-{language}.png"))
    window.close()
    station.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for lang in sys.argv[2:] or ["en"]:
        main(target, lang)
