"""Starting the GUI: translations, style, the window, and the crash boundary."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from receiving_station.config import Config
from receiving_station.errors import StationError
from receiving_station.station_app import StationApp
from ui.crash import CrashBoundary, GuiThreadCollector, log_qt_messages, log_to_file
from ui.errors import describe
from ui.theme import apply_style

__all__ = ["apply_style", "cannot_start_box", "install_translations", "run_gui"]

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
log = logging.getLogger("receiving_station.ui")


class LoggingTranslator(QTranslator):
    """The station's translations; a string with none falls back to English (Qt's own
    behaviour, never an empty label) and is logged once, so the gap gets filled."""

    def __init__(self, parent: QObject, log_missing: bool) -> None:
        super().__init__(parent)
        self.log_missing = log_missing
        self.missing: set[tuple[str, str]] = set()

    @staticmethod
    def _ours(context: str, source_text: str) -> bool:
        """A string of the station's own (Qt's classes ask for theirs here too; error
        parameters are data as often as words, and data has no spaces)."""
        if not source_text or (context.startswith("Q") and context[1:2].isupper()):
            return False
        if not re.search(r"[^\W\d_]{2,}", re.sub(r"\{[^}]*\}", "", source_text)):
            return False  # placeholders and punctuation only: nothing to translate
        return context != "errors" or " " in source_text.strip()

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:  # None: not found, and Qt shows the source text
        found = super().translate(context, source_text, disambiguation, n) or None
        if not found and self.log_missing and self._ours(context, source_text):
            key = (context, source_text)
            if key not in self.missing:
                self.missing.add(key)
                log.warning(
                    "no translation in %s for %r (%s): English shown",
                    self.language(),
                    source_text,
                    context,
                )
        return found


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the station's and Qt's own French (or other) translations; English needs none."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    ours = LoggingTranslator(app, log_missing=locale.language() is not QLocale.Language.English)
    if ours.load(locale, "receiving_station", "_", str(RESOURCES / "translations")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def cannot_start_box(error: StationError) -> QMessageBox:
    """What the station says when it cannot start (a missing or damaged database file, ...):
    what happened and what to do, in the station's language."""
    return QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("ui", "Receiving Station cannot start"),
        describe(error).text,
    )


def run_gui(
    make_app: Callable[[], StationApp],
    config: Config,
    on_open: Callable[[Any], None] | None = None,
) -> int:
    """Run the station's window until it is closed. ``on_open(shell)``, if given, runs once
    the window is up (the tests that type on a real X server watch it from there)."""
    from ui.shell import StationShell

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Receiving Station")
    early = install_translations(qt_app, config.language)  # for a message before the window
    apply_style(qt_app, config.theme, config.text_size)
    log_path = log_to_file(config.data_dir)
    CrashBoundary(log_path).install()
    log_qt_messages()
    collector = GuiThreadCollector(qt_app)
    try:
        station = make_app()
    except StationError as exc:
        cannot_start_box(exc).exec()
        return 2
    for translator in early:  # the shell installs its own, and swaps them per user
        qt_app.removeTranslator(translator)
    shell = StationShell(qt_app, station, config.language)
    if on_open is not None:
        on_open(shell)
    try:
        return qt_app.exec()
    finally:
        shell.close()
        station.close()
        collector.stop()
