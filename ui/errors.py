"""The one place that turns an exception into words and a sound for the person at the dock.

A :class:`StationError` is translated from its template; an environment failure says what to
do; anything else is a bug: it is logged with its traceback and the person is told their work
is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from receiving_station.errors import (
    DecisionNeedsPin,
    EnvironmentFailure,
    LoginTooQuick,
    PinNeeded,
    PolicyBreach,
    StationError,
)

log = logging.getLogger("receiving_station.ui")


class Level(StrEnum):
    SUCCESS = "success"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Feedback:
    text: str
    level: Level


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


_display_zone: list[tzinfo] = []


def show_times_in(zone: tzinfo) -> None:
    """Times on screen are the warehouse's wall time (the station clock's zone), whatever
    zone the PC is set to."""
    _display_zone[:] = [zone]


def format_param(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None and _display_zone:
            value = value.astimezone(_display_zone[0])
        moment = QDateTime(
            QDate(value.year, value.month, value.day),
            QTime(value.hour, value.minute, value.second),
        )
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, str):
        return _tr(value) if value else value
    return QLocale().toString(value) if isinstance(value, int) else str(value)


def describe(error: BaseException) -> Feedback:
    if isinstance(error, StationError):
        params = {k: format_param(v) for k, v in error.params.items()}
        try:
            text = _tr(type(error).template).format(**params)
        except (KeyError, IndexError, ValueError):
            log.warning("translation of %s drops a placeholder", type(error).__name__)
            text = type(error).template.format(**params)
        attention = isinstance(
            error, (EnvironmentFailure, PolicyBreach, DecisionNeedsPin, LoginTooQuick)
        )
        level = Level.WARNING if attention else Level.ERROR
        if isinstance(error, PinNeeded):  # a step of the log-in, nothing wrong
            level = Level.INFO
        return Feedback(text, level)
    log.error("unexpected error", exc_info=error)
    return Feedback(
        QCoreApplication.translate(
            "errors",
            "Unexpected problem ({name}). It was written to the station log; your work is "
            "kept. Try again, and tell a lead if it happens again.",
        ).format(name=type(error).__name__),
        Level.ERROR,
    )
