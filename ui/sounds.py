"""Distinct sounds for success and error, so the dock hears the result without looking."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from ui.errors import Level

log = logging.getLogger(__name__)
SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"


class Sounds(QObject):
    def __init__(self, enabled: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict[str, object] = {}
        self.played: list[str] = []
        """The names played, newest last: what the tests listen to."""

    def _effect(self, name: str) -> object | None:
        if name not in self._effects:
            try:
                from PySide6.QtMultimedia import QSoundEffect
            except ImportError:  # no audio libraries: the banner still says it all
                log.warning("sounds are off: Qt Multimedia cannot load")
                self.enabled = False
                return None
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUNDS / f"{name}.wav")))
            self._effects[name] = effect
        return self._effects[name]

    def play_for(self, level: Level) -> None:
        name = "success" if level in (Level.SUCCESS, Level.INFO) else "error"
        self.played.append(name)
        if not self.enabled:
            return
        effect = self._effect(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
