"""A scanner typing for a US keyboard on a French or Belgian (AZERTY) PC.

A keyboard-wedge scanner sends key positions, and the PC reads them through its own layout.
Left on its factory US layout, a scanner on an AZERTY PC types the digit row unshifted:
``&é"'(-è_çà`` for ``1234567890``; ``-`` comes out as ``)``, ``A`` as ``Q``, ``M`` as ``?``.
``RMA-000001`` arrives as ``R?Q)ààààà&``. Such a text is recognised here so that the station
can say what to do (scan the scanner's set-up code for the PC's keyboard), instead of
treating a good label as an unknown parcel.
"""

from __future__ import annotations

# What an AZERTY PC shows for each key a US-layout scanner presses, read back.
_AZERTY_TO_US = {
    "&": "1",
    "é": "2",
    '"': "3",
    "'": "4",
    "(": "5",
    "-": "6",
    "è": "7",
    "_": "8",
    "ç": "9",
    "à": "0",
    ")": "-",
    "a": "q",
    "A": "Q",
    "q": "a",
    "Q": "A",
    "z": "w",
    "Z": "W",
    "w": "z",
    "W": "Z",
    ",": "m",
    "?": "M",
    "m": ";",
    "M": ":",
    ";": ",",
    "!": "/",
    ":": ".",
}
_DIGIT_ROW = frozenset("&é\"'(-è_çà")
_ONLY_ON_AZERTY = frozenset("éèçà")


def us_reading(text: str) -> str:
    """``text`` as the US-layout scanner meant it."""
    return "".join(_AZERTY_TO_US.get(ch, ch) for ch in text)


def typed_through_azerty(text: str) -> bool:
    """Whether ``text`` looks like a US-layout scanner's label read through an AZERTY
    layout: several unshifted digit-row characters, in a text no label of ours has."""
    row = sum(ch in _DIGIT_ROW for ch in text)
    if row < 3 or row < 0.3 * len(text):
        return False
    meant = us_reading(text)
    if not meant.isascii() or not all(ch.isalnum() or ch in "-./:;" for ch in meant):
        return False
    return any(ch in _ONLY_ON_AZERTY for ch in text) or sum(ch.isdigit() for ch in meant) >= 3
