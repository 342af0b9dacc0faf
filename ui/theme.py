"""How the station looks: the standard or the high-contrast theme, normal or large text.
One stylesheet, read from ``resources/styles``; large text scales every size in it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
THEMES = ("standard", "high-contrast")
TEXT_SIZES = {"normal": 1.0, "large": 1.25}


def stylesheet(theme: str = "standard", text_size: str = "normal") -> str:
    sheet = (STYLES / "station.qss").read_text(encoding="utf-8")
    if theme == "high-contrast":
        sheet += "\n" + (STYLES / "high-contrast.qss").read_text(encoding="utf-8")
    scale = TEXT_SIZES.get(text_size, 1.0)
    if scale != 1.0:
        sheet = re.sub(
            r"(\d+(?:\.\d+)?)pt", lambda m: f"{round(float(m.group(1)) * scale)}pt", sheet
        )
        sheet = re.sub(
            r"min-height: (\d+)px",
            lambda m: f"min-height: {round(int(m.group(1)) * scale)}px",
            sheet,
        )
    return sheet


def apply_style(
    target: QApplication | QWidget, theme: str = "standard", text_size: str = "normal"
) -> None:
    """Style the whole application (at start) or one window (a change from the Settings
    page: only that window is polished again)."""
    target.setStyleSheet(stylesheet(theme, text_size))
