"""Reading an import file: its encoding, its format (detected unless given), its RMAs."""

from __future__ import annotations

import json
from pathlib import Path

from receiving_station.intake.csv_formats import header_of, parse_generic, parse_woocommerce
from receiving_station.intake.json_formats import parse_aftership, parse_loop, parse_shopify
from receiving_station.intake.model import Parsed, Problem

FORMATS = ("csv", "woocommerce", "shopify", "loop", "aftership")
MAX_BYTES = 256 * 1024 * 1024


def _refused(fmt: str, reason: str) -> Parsed:
    return Parsed(fmt, problems=[Problem("file", reason)])


def detect(text: str) -> str:
    """The format of a file's text, or '' when it is none we read."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError:
            return "json"
        first = doc[0] if isinstance(doc, list) and doc else doc
        if not isinstance(first, dict):
            return ""
        if "data" in first and isinstance(first["data"], dict):
            return "aftership" if "event" in first else "shopify"
        if first.get("topic") == "return" or "line_items" in first:
            return "loop"
        return ""
    header = header_of(text)
    if "rma_number" in header:
        return "csv"
    if "Request ID" in header:
        return "woocommerce"
    return ""


def read_text(text: str, fmt: str | None = None) -> Parsed:
    fmt = fmt or detect(text)
    if fmt == "json":
        fmt = ""
    if fmt in ("csv", "woocommerce"):
        return parse_generic(text) if fmt == "csv" else parse_woocommerce(text)
    if fmt in ("shopify", "loop", "aftership"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            return _refused(fmt, f"not valid JSON (line {exc.lineno}, column {exc.colno})")
        return {"shopify": parse_shopify, "loop": parse_loop, "aftership": parse_aftership}[fmt](
            doc
        )
    return _refused(
        "",
        "not a format the station reads (" + ", ".join(FORMATS) + "): give --format if it is one",
    )


def read_file(path: Path, fmt: str | None = None) -> Parsed:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _refused(fmt or "", f"cannot be read ({exc.strerror or exc})")
    if len(raw) > MAX_BYTES:
        return _refused(fmt or "", "larger than 256 MB: split the export")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _refused(
            fmt or "",
            f"not UTF-8 text (byte {exc.start}); export the file as UTF-8 and import it again",
        )
    return read_text(text, fmt)
