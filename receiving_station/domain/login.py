"""How hard guessing a PIN is made: limits, delays, lock-outs, and who needs a PIN.

Defaults: 5 wrong PINs in a row lock the user out; 10 failed log-ins in a row at one
station (wrong PINs, unknown names or badges) lock PIN and badge log-in there; either lock
lasts 15 minutes by the station clock, or until a lead or an admin lifts it. Each failure is
answered after a delay that doubles (0.5 s, 1 s, 2 s ... at most 8 s), on the caller's
thread: the window calls the services on a worker, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from receiving_station.domain.model import Role


@dataclass(frozen=True)
class LoginPolicy:
    user_limit: int = 5
    """Wrong PINs in a row (since the last log-in or unlock) that lock a user out."""
    station_limit: int = 10
    """Failed log-ins in a row at one station that lock log-in there."""
    lock_minutes: int = 15
    """How long a lock lasts unless a lead or an admin lifts it first (0: until lifted)."""
    first_delay_seconds: float = 0.5
    max_delay_seconds: float = 8.0
    badge_only_roles: frozenset[Role] = frozenset({Role.RECEIVER, Role.INSPECTOR})
    """Roles that may log in by badge alone; the others (leads, admins) type their PIN too:
    a badge is printed text that anyone can copy or type."""

    def delay(self, failures: int) -> float:
        """Seconds to wait before answering the ``failures``-th failure in a row."""
        if failures <= 0:
            return 0.0
        growing = self.first_delay_seconds * 2.0 ** (failures - 1)
        return float(min(growing, self.max_delay_seconds))

    def lock_for(self) -> timedelta | None:
        return timedelta(minutes=self.lock_minutes) if self.lock_minutes > 0 else None


USER_KEY = "user:{}"
STATION_KEY = "station:{}"


@dataclass
class LoginCounter:
    """Failures in a row for one user or one station, and until when it is locked."""

    key: str
    failures: int = 0
    locked_until: datetime | None = None
    """While locked; 100 years on when the policy locks until lifted."""
    next_try: datetime | None = None
    """After a failure, the earliest moment the next try is judged: the failure's delay,
    whoever tries next and from wherever (a second worker, another station, a script)."""

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def wait(self, now: datetime) -> float:
        """Seconds until the next try is judged; 0 when it may come now."""
        if self.next_try is None or self.next_try <= now:
            return 0.0
        return (self.next_try - now).total_seconds()
