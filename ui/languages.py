"""The languages the station ships, and which one applies."""

from __future__ import annotations

from PySide6.QtCore import QLocale

LANGUAGES = ("en", "fr")


def effective_language(language: str) -> str:
    """``language``, or the system's when empty; English for a language not shipped."""
    code = language or QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"
