"""Starting the GUI: translations, style, the window, and the crash boundary."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from receiving_station.config import Config
from receiving_station.errors import StationError
from receiving_station.station_app import StationApp
from ui.errors import describe

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
log = logging.getLogger("receiving_station.ui")


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the station's and Qt's own French (or other) translations; English needs none."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    translators = []
    ours = QTranslator(app)
    if ours.load(locale, "receiving_station", "_", str(RESOURCES / "translations")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def apply_style(app: QApplication) -> None:
    app.setStyleSheet((RESOURCES / "styles" / "station.qss").read_text(encoding="utf-8"))


def _log_to_file(config: Config) -> Path:
    path = config.data_dir / "logs" / "station.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def run_gui(make_app: Callable[[], StationApp], config: Config) -> int:
    from ui.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Receiving Station")
    install_translations(qt_app, config.language)
    apply_style(qt_app)
    log_path = _log_to_file(config)

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.critical(
            None,
            QCoreApplication.translate("ui", "Receiving Station"),
            describe(error).text + "\n\n" + str(log_path),
        )

    sys.excepthook = excepthook
    try:
        station = make_app()
    except StationError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("ui", "Receiving Station cannot start"),
            describe(exc).text,
        )
        return 2
    window = MainWindow(station)
    qt_app.installEventFilter(window.scanner)
    window.resize(1280, 800)
    window.show()
    try:
        return qt_app.exec()
    finally:
        qt_app.removeEventFilter(window.scanner)
        station.close()
