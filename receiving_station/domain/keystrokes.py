"""What a keystroke decoder decides about held keys (see ``scanners.wedge``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

P = TypeVar("P")


@dataclass(frozen=True)
class Hold:
    """Keep the key: a burst may be under way. Ask again after ``deadline_ms``."""

    deadline_ms: float


@dataclass(frozen=True)
class Scanned:
    text: str


@dataclass(frozen=True)
class Typed(Generic[P]):
    """Replay these keys, in order, to whatever has the focus: a person typed them."""

    payloads: list[P]
