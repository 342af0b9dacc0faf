"""Reading an import file: its encoding, its format (detected unless given), its RMAs."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.intake.csv_formats import header_of, parse_generic, parse_woocommerce
from receiving_station.intake.json_formats import parse_aftership, parse_loop, parse_shopify
from receiving_station.intake.model import IN_FILE, Parsed, Problem, Words

FORMATS = ("csv", "woocommerce", "shopify", "loop", "aftership")
MAX_BYTES = 64 * 1024 * 1024
"""About 500,000 CSV lines: a bigger export is split (and would not fit in memory parsed)."""
MAX_DEPTH = 64
"""JSON nesting: the deepest export read (Shopify's GraphQL) is about 12 levels."""


def _refused(fmt: str, template: str, **params: object) -> Parsed:
    return Parsed(fmt, problems=[Problem(IN_FILE, Words(template, params))])


def _too_deep(doc: Any) -> bool:
    """Whether ``doc`` nests more than :data:`MAX_DEPTH` levels (walked without recursion)."""
    level: list[tuple[Any, int]] = [(doc, 1)]
    while level:
        node, depth = level.pop()
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > MAX_DEPTH:
                    return True
                level.append((child, depth + 1))
    return False


def _json_of(text: str) -> Any:
    """The JSON document, or the reason it cannot be read (a :class:`Problem`)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        why = Words(
            QT_TRANSLATE_NOOP("import", "not valid JSON (line {line}, column {column})"),
            {"line": exc.lineno, "column": exc.colno},
        )
        return Problem(IN_FILE, why)
    except RecursionError:
        doc = None  # nested deeper than Python's own limit: refused as too deep below
    except ValueError:  # an integer of more than 4,300 digits
        why = Words(
            QT_TRANSLATE_NOOP("import", "holds a number too long to read (more than 4,300 digits)")
        )
        return Problem(IN_FILE, why)
    if doc is None or (isinstance(doc, (dict, list)) and _too_deep(doc)):
        why = Words(
            QT_TRANSLATE_NOOP("import", "nested more than {depth} levels deep: not a store export"),
            {"depth": MAX_DEPTH},
        )
        return Problem(IN_FILE, why)
    return doc


def _json_format(doc: Any) -> str:
    first = doc[0] if isinstance(doc, list) and doc else doc
    if not isinstance(first, dict):
        return ""
    if "data" in first and isinstance(first["data"], dict):
        return "aftership" if "event" in first else "shopify"
    if first.get("topic") == "return" or "line_items" in first:
        return "loop"
    return ""


def _is_json(text: str) -> bool:
    return text.lstrip().startswith(("{", "["))


def detect(text: str) -> str:
    """The format of a file's text, or '' when it is none we read."""
    if _is_json(text):
        doc = _json_of(text)
        return "json" if isinstance(doc, Problem) else _json_format(doc)
    header = header_of(text)
    if "rma_number" in header:
        return "csv"
    if "Request ID" in header:
        return "woocommerce"
    return ""


def read_text(text: str, fmt: str | None = None) -> Parsed:
    if fmt in ("csv", "woocommerce") or (fmt is None and not _is_json(text)):
        fmt = fmt or detect(text)
        if fmt == "csv":
            return parse_generic(text)
        if fmt == "woocommerce":
            return parse_woocommerce(text)
    elif fmt in (None, "shopify", "loop", "aftership"):
        doc = _json_of(text)
        if isinstance(doc, Problem):
            return Parsed(fmt or "", problems=[doc])
        fmt = fmt or _json_format(doc)
        parse = {"shopify": parse_shopify, "loop": parse_loop, "aftership": parse_aftership}
        if fmt in parse:
            return parse[fmt](doc)
    return _refused(
        "",
        QT_TRANSLATE_NOOP(
            "import", "not a format the station reads ({formats}): give --format if it is one"
        ),
        formats=", ".join(FORMATS),
    )


def read_file(path: Path, fmt: str | None = None) -> Parsed:
    """Read an export file. Only a regular file is read (a device such as /dev/zero or a
    pipe never ends), and at most :data:`MAX_BYTES` of it."""
    try:
        # O_NONBLOCK: opening a pipe with no writer returns at once instead of waiting
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        return _refused(
            fmt or "",
            QT_TRANSLATE_NOOP("import", "cannot be read ({detail})"),
            detail=exc.strerror or exc,
        )
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return _refused(
            fmt or "",
            QT_TRANSLATE_NOOP(
                "import", "not a regular file (a folder, a device or a pipe): give an export file"
            ),
        )
    with os.fdopen(fd, "rb") as f:
        try:
            raw = f.read(MAX_BYTES + 1)
        except OSError as exc:
            return _refused(
                fmt or "",
                QT_TRANSLATE_NOOP("import", "cannot be read ({detail})"),
                detail=exc.strerror or exc,
            )
    if len(raw) > MAX_BYTES:
        return _refused(
            fmt or "",
            QT_TRANSLATE_NOOP("import", "larger than {size} MB: split the export"),
            size=MAX_BYTES // 2**20,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _refused(
            fmt or "",
            QT_TRANSLATE_NOOP(
                "import",
                "not UTF-8 text (byte {byte}); export the file as UTF-8 and import it again",
            ),
            byte=exc.start,
        )
    return read_text(text, fmt)
