"""Check digits of the numbers printed on parcels: a misread is caught, never looked up."""

from __future__ import annotations


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
    """USPS IMpb and GS1: weights 3,1,3,... from the right of the body."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def mod10_check_ok(number: str) -> bool:
    return number.isdigit() and len(number) > 1 and mod10_check_digit(number[:-1]) == number[-1]
