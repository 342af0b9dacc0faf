"""The station's window as people meet it: one window at a time, in the language of whoever
is logged in. A badge whose user speaks another language switches the whole window at once,
no restart: the translators are swapped and the window is built again, then the log-in
goes on there. Nothing is lost: work in progress is in the database, and a switch happens
only at a log-in, when the window holds nothing else."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from receiving_station.services.station import LoggedIn
from receiving_station.station_app import StationApp
from ui.app import install_translations
from ui.languages import effective_language
from ui.main_window import MainWindow
from ui.theme import apply_style


class StationShell(QObject):
    def __init__(self, qt_app: QApplication, station: StationApp, language: str) -> None:
        super().__init__(qt_app)
        self.qt_app, self.station = qt_app, station
        self.language = effective_language(language)
        self.translators: list[QTranslator] = install_translations(qt_app, self.language)
        self.window = self._open(None)

    def _open(self, geometry: QRect | None) -> MainWindow:
        window = MainWindow(self.station, ui_language=self.language)
        window.switch_language = self.switch
        config = self.station.config
        apply_style(window, config.theme, config.text_size)
        self.qt_app.installEventFilter(window.scanner)
        if geometry is None:
            window.resize(1280, 800)
        else:
            window.setGeometry(geometry)
        window.show()
        window.activateWindow()
        return window

    def switch(self, language: str, logged: LoggedIn) -> None:
        """Rebuild the window in ``language``, then finish ``logged``'s log-in there."""
        QTimer.singleShot(0, lambda: self._switch(effective_language(language), logged))

    def _switch(self, language: str, logged: LoggedIn) -> None:
        old = self.window
        geometry = old.geometry()
        self.qt_app.removeEventFilter(old.scanner)
        old.close()  # stops its timers, camera and serial scanner first
        old.deleteLater()
        for translator in self.translators:
            self.qt_app.removeTranslator(translator)
        self.language = language
        self.translators = install_translations(self.qt_app, language)
        self.window = self._open(geometry)
        self.window._on_logged_in(logged)

    def close(self) -> None:
        self.qt_app.removeEventFilter(self.window.scanner)
        self.window.close()
        for translator in self.translators:
            self.qt_app.removeTranslator(translator)
        self.translators = []
