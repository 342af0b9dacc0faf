"""The languages the station ships, and which one applies."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

LANGUAGES = ("en", "fr")
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def effective_language(language: str) -> str:
    """``language``, or the system's when empty; English for a language not shipped."""
    code = language or QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


_loaded: dict[str, QTranslator | None] = {}
"""The translators of :func:`translator_for`, created on the thread that asked first (the
GUI's), kept for the program's life: a worker only reads them, never releases one."""


def _translate(language: str, context: str, template: str) -> str:
    translator = _loaded.get(language)
    return (translator.translate(context, template) if translator else "") or template


def translator_for(language: str) -> Callable[[str, str], str]:
    """``(context, template)`` to the station's translation in ``language`` (the source
    when it has none), without installing it in the application: a file written for the
    station, or a command's output, is in the language asked whoever is logged in. The
    function holds no Qt object, so a worker's job may carry it; call this on the GUI
    thread."""
    if language not in _loaded:
        translator = QTranslator()
        found = translator.load(QLocale(language), "receiving_station", "_", str(TRANSLATIONS))
        _loaded[language] = translator if found else None
    return partial(_translate, language)
