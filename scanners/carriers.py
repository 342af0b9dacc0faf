"""Carrier tracking numbers: what each carrier prints, checked by its own check digit.

Each recogniser takes the text upper-cased with spaces removed and returns the tracking
number as the carrier (and our ``rma_tracking`` table) knows it, or ``None``. Barcodes that
wrap a tracking number in routing data (USPS ``420`` + ZIP, FedEx 34-digit and ``96``
barcodes, DPD's 28-character barcode) resolve to the bare number, so a scan of the barcode
and a typed number find the same parcel. Numbers without a check digit (Amazon, DHL
eCommerce, LaserShip) are taken only with their distinctive prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from receiving_station.domain.checkdigits import mod10_check_ok, ups_check_ok

_ALNUM36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fedex12_ok(number: str) -> bool:
    """FedEx Express 12 digits: weights 3,1,7 over the first 11, sum mod 11 mod 10."""
    if len(number) != 12 or not number.isdigit():
        return False
    weights = (3, 1, 7)
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(number[:11]))
    return str(total % 11 % 10) == number[11]


def dhl_express_ok(number: str) -> bool:
    """DHL Express waybill, 10 or 11 digits: the last is the rest modulo 7."""
    return number.isdigit() and len(number) in (10, 11) and int(number[:-1]) % 7 == int(number[-1])


def ontrac_ok(number: str) -> bool:
    """OnTrac ``C`` or ``D`` + 13 digits + check: 4 or 5 stands for the letter, then
    weights 1,2,1,2,... from the left, modulo 10."""
    body = ("4" if number[0] == "C" else "5") + number[1:-1]
    total = sum(int(d) * (2 if i % 2 else 1) for i, d in enumerate(body))
    return str((10 - total % 10) % 10) == number[-1]


def mod37_36_char(text: str) -> str:
    """ISO/IEC 7064 MOD 37,36 (hybrid) check character over digits and letters (DPD)."""
    product = 36
    for ch in text:
        total = (product + _ALNUM36.index(ch)) % 36 or 36
        product = (total * 2) % 37
    return _ALNUM36[(37 - product) % 36]


_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_ok(number: str) -> bool:
    """UPU S10: 2 letters, 8 digits, check digit (weights 8,6,4,2,3,5,9,7 mod 11), country."""
    total = sum(int(d) * w for d, w in zip(number[2:10], _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return str(check) == number[10]


@dataclass(frozen=True)
class Tracking:
    carrier: str
    number: str
    service: str = ""


Recogniser = Callable[[str], "Tracking | None"]

_UPS = re.compile(r"^1Z[0-9A-Z]{16}$", re.ASCII)
_DIGITS = re.compile(r"^\d+$", re.ASCII)
_S10 = re.compile(r"^[A-Z]{2}\d{9}[A-Z]{2}$", re.ASCII)
_AMAZON = re.compile(r"^TB[ACM]\d{12}$", re.ASCII)
_DHL_ECOM = re.compile(r"^(GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)\d{10,39}$", re.ASCII)
_DHL_PIECE = re.compile(r"^J[A-Z]{2,3}\d{9,10}$", re.ASCII)
_ONTRAC = re.compile(r"^[CD]\d{14}$", re.ASCII)
_LASERSHIP = re.compile(r"^(LX1[3-8]\d{6}|1LS7[12]\d{10}|1LS7[12]\d{2}01[1-4]\d{6}-1)$", re.ASCII)
_DPD_TYPED = re.compile(r"^\d{27}[0-9A-Z]$", re.ASCII)
_DPD_BARCODE = re.compile(r"^%\d{27}$", re.ASCII)


def _usps_impb(digits: str) -> Tracking | None:
    """USPS IMpb: 20 to 26 digits, GS1 mod 10; with ``420`` + ZIP(+4) routing stripped."""
    if digits.startswith("420"):
        for zip_len in (5, 9):
            rest = digits[3 + zip_len :]
            if rest[:1] == "9" and 20 <= len(rest) <= 26 and mod10_check_ok(rest):
                return Tracking("usps", rest, "impb")
        return None
    if 20 <= len(digits) <= 26 and digits[:1] == "9" and mod10_check_ok(digits):
        return Tracking("usps", digits, "impb")
    # 20-digit USPS numbers: checked alone, or with the 91 application identifier they omit.
    if len(digits) == 20 and (mod10_check_ok(digits) or mod10_check_ok("91" + digits)):
        return Tracking("usps", digits, "impb")
    return None


def _digit_readings(d: str) -> list[Tracking]:
    """All carriers whose format and check digit a string of digits passes."""
    found: list[Tracking] = []
    n = len(d)
    if n == 34 and (d.startswith("100") or d.startswith("96")) and fedex12_ok(d[-12:]):
        found.append(Tracking("fedex", d[-12:], "express"))
    if n == 22 and d.startswith("96") and mod10_check_ok(d[7:]):
        found.append(Tracking("fedex", d[7:], "ground"))
    if n == 22 and d.startswith("92") and mod10_check_ok(d):
        found.append(Tracking("fedex", d, "ground_economy"))
    usps = _usps_impb(d)
    if usps is not None:
        found.append(usps)
    if n == 20 and mod10_check_ok("92" + d):
        found.append(Tracking("fedex", "92" + d, "ground_economy"))
    if n == 12 and fedex12_ok(d):
        found.append(Tracking("fedex", d, "express"))
    if n == 15 and mod10_check_ok(d):
        found.append(Tracking("fedex", d, "ground"))
    if n == 16 and mod10_check_ok(d):
        found.append(Tracking("canadapost", d))
    if n in (10, 11) and dhl_express_ok(d):
        found.append(Tracking("dhl", d, "express"))
    if n == 18 and d.startswith("00") and mod10_check_ok(d):
        found.append(Tracking("fedex", d, "sscc"))
    return found


def recognise(text: str) -> list[Tracking]:
    """Every carrier reading of ``text`` (upper case, no spaces), most specific first."""
    if _DIGITS.match(text):
        return _digit_readings(text)
    if _UPS.match(text):
        return [Tracking("ups", text)] if ups_check_ok(text) else []
    if _S10.match(text):
        return [Tracking("upu", text, "s10")] if s10_ok(text) else []
    if _AMAZON.match(text):
        return [Tracking("amazon", text)]
    if _ONTRAC.match(text):
        return [Tracking("ontrac", text)] if ontrac_ok(text) else []
    if _LASERSHIP.match(text):
        return [Tracking("lasership", text)]
    if _DHL_ECOM.match(text):
        return [Tracking("dhl", text, "ecommerce")]
    if _DHL_PIECE.match(text):
        return [Tracking("dhl", text, "piece")]
    if _DPD_BARCODE.match(text):
        return [Tracking("dpd", text[8:22])]
    if _DPD_TYPED.match(text) and mod37_36_char(text[:27]) == text[27]:
        return [Tracking("dpd", text[7:21])]
    return []
