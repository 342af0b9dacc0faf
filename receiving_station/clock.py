"""The station's clock: local time with its zone, so dates and 'days left' are the dock's."""

from __future__ import annotations

from datetime import datetime


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()
