"""Reading definition files field by field, with errors that say exactly where.

Every error names the file, the step (or rule), the field, what was expected and what was
found; any field left over after reading is a typo and an error too.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from receiving_station.domain.model import ExceptionKind
from receiving_station.errors import DefinitionError, FileNotRead, FileTooLarge
from receiving_station.files import loads_toml, read_limited, size_words
from workflows.definition import Text

ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
EXCEPTIONS = tuple(k.value for k in ExceptionKind)
MAX_FILE_BYTES = 1_000_000


class At:
    """Where in a file a value is, for the error message."""

    def __init__(self, file: str, where: str = "") -> None:
        self.file = file
        self.where = where

    def step(self, step_id: str) -> At:
        return At(self.file, f"step '{step_id}', ")

    def fail(self, field: str, expected: str, found: Any) -> DefinitionError:
        shown = repr(found) if not isinstance(found, str) or found else "nothing"
        if isinstance(found, str) and found == "(missing)":
            shown = "nothing"
        return DefinitionError(
            file=self.file, where=self.where, field=field, expected=expected, found=shown
        )


MISSING = "(missing)"


class Table:
    """A TOML table read key by key; whatever is left over is a typo and an error."""

    def __init__(self, data: Any, at: At, name: str) -> None:
        if not isinstance(data, Mapping):
            raise at.fail(name, "a table", data)
        self.data = data
        self.at = at
        self.name = name
        self.used: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.name}.{key}" if self.name else key

    def get(
        self, key: str, expected: str, check: Callable[[Any], bool], default: Any = MISSING
    ) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is MISSING:
                raise self.at.fail(self._key(key), expected, MISSING)
            return default
        value = self.data[key]
        if not check(value):
            raise self.at.fail(self._key(key), expected, value)
        return value

    def text(self, key: str, *, required: bool = True) -> Text:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.at.fail(self._key(key), "a text with at least 'en'", MISSING)
            return ()
        value = self.data[key]
        if isinstance(value, str):
            value = {"en": value}
        ok = (
            isinstance(value, Mapping)
            and isinstance(value.get("en"), str)
            and value["en"].strip()
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        )
        if not ok:
            raise self.at.fail(self._key(key), "a text with at least 'en'", value)
        return tuple(sorted(value.items()))

    def done(self) -> None:
        extra = sorted(set(self.data) - self.used)
        if extra:
            known = ", ".join(sorted(self.used))
            raise self.at.fail(self._key(extra[0]), f"one of the known fields ({known})", extra[0])


def is_id(v: Any) -> bool:
    return isinstance(v, str) and bool(ID.match(v))


def strings(check: Callable[[str], bool] = lambda _s: True) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, list) and all(isinstance(x, str) and check(x) for x in v)


def int_between(lo: int, hi: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    at = At(path.name)
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileTooLarge:
        raise at.fail("(file)", f"at most {size_words(MAX_FILE_BYTES)}", "a larger file") from None
    except FileNotRead as exc:
        raise at.fail("(file)", "a readable file", exc.params["reason"]) from None
    try:
        return loads_toml(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    except UnicodeDecodeError:
        raise at.fail("(file)", "UTF-8 text", "bytes that are not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise at.fail("(file)", "valid TOML", str(exc)) from None
