"""Telling a keyboard-wedge scanner from a person typing, by keystroke timing alone.

A scanner types a whole label in a burst (a few milliseconds per key) and ends it with a
terminator; a person types far slower. The decoder is pure: the UI feeds it keystrokes with
their time and the payload it needs to replay them, and asks it what to do: hold the keys
(a burst may be starting), deliver a scan, or hand the keys back as typing.

Modifier keys (Shift for a capital, Caps Lock toggles, AltGr, the Ctrl of Ctrl+] for GS)
are not keystrokes here: the UI does not feed them, so they neither end a burst nor start
one. A scanner is a keyboard, and it presses Shift for every capital as a person does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from receiving_station.config import ScannerConfig
from receiving_station.domain.keystrokes import Hold, Scanned, Typed

P = TypeVar("P")

TERMINATORS = {"enter": ("\r", "\n"), "tab": ("\t",), "none": ()}


@dataclass
class WedgeDecoder(Generic[P]):
    max_gap_ms: float = 35
    min_length: int = 4
    terminator: str = "enter"
    framing: str = ""
    """Control characters the scanner is set to send around a label (STX, ETX...): part
    of a burst, where any other control key is a person's shortcut."""
    _chars: list[str] = field(default_factory=list)
    _payloads: list[P] = field(default_factory=list)
    _last_ms: float = 0.0

    @property
    def pending(self) -> bool:
        return bool(self._payloads)

    def frames(self, char: str) -> bool:
        """Whether the control character ``char`` is one the scanner sends around a label."""
        return bool(char) and char in self.framing

    def _flush_as_typing(self) -> list[Typed[P]]:
        out = [Typed(self._payloads)] if self._payloads else []
        self._chars, self._payloads = [], []
        return out

    def key(self, char: str, payload: P, t_ms: float) -> list[Hold | Scanned | Typed[P]]:
        """Feed one printable keystroke (``char`` may be a terminator)."""
        out: list[Hold | Scanned | Typed[P]] = []
        if self._payloads and t_ms - self._last_ms > self.max_gap_ms:
            out += self._flush_as_typing()
        self._last_ms = t_ms
        if char in TERMINATORS[self.terminator]:
            if len(self._chars) >= self.min_length:
                text = "".join(self._chars)
                self._chars, self._payloads = [], []
                return [*out, Scanned(text)]
            self._payloads.append(payload)
            return [*out, *self._flush_as_typing()]
        self._chars.append(char)
        self._payloads.append(payload)
        return [*out, Hold(t_ms + self.max_gap_ms)]

    def other_key(self) -> list[Typed[P]]:
        """A non-printable key or a shortcut: whatever was held is typing."""
        return self._flush_as_typing()

    def timeout(self, t_ms: float) -> list[Scanned | Typed[P]]:
        """The pause after the last key grew past the gap: decide what the held keys were."""
        if not self._payloads or t_ms - self._last_ms < self.max_gap_ms:
            return []
        if self.terminator == "none" and len(self._chars) >= self.min_length:
            text = "".join(self._chars)
            self._chars, self._payloads = [], []
            return [Scanned(text)]
        return list(self._flush_as_typing())


def wedge_decoder(config: ScannerConfig) -> WedgeDecoder[Any]:
    """The decoder for a station's ``[scanner]`` settings: control characters among its
    prefix and suffix (STX, ETX...) frame a burst."""
    framing = "".join(ch for ch in config.prefix + config.suffix if not ch.isprintable())
    return WedgeDecoder(
        max_gap_ms=config.max_gap_ms,
        min_length=config.min_length,
        terminator=config.terminator,
        framing=framing,
    )
