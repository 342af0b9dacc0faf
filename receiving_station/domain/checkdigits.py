"""Check digits of the numbers printed on parcels and on our own labels.

A number whose check digit fails is a misread: it is never looked up as what it resembles.
"""

from __future__ import annotations

import re

# Damm's quasigroup table: catches every single-digit error and every swap of two
# neighbouring digits, which is what a misread or a mistyped license plate looks like.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

LICENSE_PLATE = re.compile(r"^LP(\d{10})$", re.ASCII)
"""Our license plates: ``LP``, nine digits from a database sequence, one Damm check digit."""


def damm_digit(digits: str) -> str:
    interim = 0
    for d in digits:
        interim = _DAMM[interim][ord(d) - 48]
    return str(interim)


def license_plate(sequence: int) -> str:
    """The license plate number of a sequence value (1 to 999,999,999)."""
    if not 0 < sequence < 10**9:
        raise ValueError(f"license plate sequence out of range: {sequence}")
    body = f"{sequence:09d}"
    return f"LP{body}{damm_digit(body)}"


def license_plate_ok(text: str) -> bool:
    m = LICENSE_PLATE.match(text)
    return m is not None and damm_digit(m.group(1)) == "0"


def ups_check_ok(number: str) -> bool:
    """UPS ``1Z`` + 15 characters + check digit: letters count as (ord - 63) % 10,
    odd positions x1, even positions x2, modulo 10."""
    if len(number) != 18 or not number[17].isdigit():
        return False
    return ups_check_digit(number[:17]) == number[17]


def ups_check_digit(body17: str) -> str:
    total = 0
    for i, ch in enumerate(body17[2:17]):
        value = int(ch) if ch.isdigit() else (ord(ch) - 63) % 10
        total += value * (2 if i % 2 else 1)
    return str((10 - total % 10) % 10)


def mod10_check_digit(body: str) -> str:
    """GS1 (GTIN, SSCC), USPS IMpb, FedEx Ground, Canada Post: weights 3,1,3,... from
    the right of the body, modulo 10."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def mod10_check_ok(number: str) -> bool:
    return number.isdigit() and len(number) > 1 and mod10_check_digit(number[:-1]) == number[-1]


def gtin_ok(number: str) -> bool:
    """GTIN-8, -12, -13 or -14 with a valid check digit."""
    return len(number) in (8, 12, 13, 14) and mod10_check_ok(number)


def gtin14(number: str) -> str:
    """A GTIN in its 14-digit form, so that UPC-A, EAN-13 and GTIN-14 compare equal."""
    return number.zfill(14)
