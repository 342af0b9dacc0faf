"""Explicit state machines: every allowed transition is written down, anything else is refused."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Generic, TypeVar

from receiving_station.errors import IllegalTransition

S = TypeVar("S", bound=Enum)


class StateMachine(Generic[S]):
    """The allowed transitions of one kind of record (an RMA, an exception, an inspection)."""

    def __init__(self, entity: str, allowed: Mapping[S, frozenset[S]]) -> None:
        self.entity = entity
        self._allowed = dict(allowed)

    def allowed_from(self, current: S) -> frozenset[S]:
        return self._allowed.get(current, frozenset())

    def check(self, current: S, target: S, *, ref: str) -> None:
        """Raise :class:`IllegalTransition` unless ``current -> target`` is allowed."""
        allowed = self.allowed_from(current)
        if target not in allowed:
            names = ", ".join(sorted(s.value for s in allowed)) or "nothing (final state)"
            raise IllegalTransition(
                entity=f"{self.entity} {ref}",
                current=current.value,
                target=target.value,
                allowed=names,
            )
