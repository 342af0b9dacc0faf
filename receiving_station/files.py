"""Files in and out, safely: a file read whole with a size limit (never a folder, a device
or a pipe), TOML parsed with a limit on nesting, and an output written to a temporary file
beside it and renamed, so a failed write leaves nothing half-written. Failures are typed
errors naming the path and why."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from receiving_station.errors import FileNotRead, FileNotWritten, FileTooLarge
from receiving_station.i18n import QT_TRANSLATE_NOOP

MAX_TOML_DEPTH = 20
"""Arrays and tables inside one another; no station file needs more than a few."""
PHOTO_FILE_LIMIT = 25 * 1024 * 1024
"""The largest photo file read (the photo preparer refuses larger ones too)."""

IS_A_FOLDER = QT_TRANSLATE_NOOP("errors", "it is a folder, not a file")
NOT_A_FILE = QT_TRANSLATE_NOOP("errors", "it is a device or a pipe, not a file")
NO_SUCH_FILE = QT_TRANSLATE_NOOP("errors", "there is no such file")
NOT_ALLOWED_READ = QT_TRANSLATE_NOOP("errors", "the station is not allowed to read it")
NO_FOLDER = QT_TRANSLATE_NOOP("errors", "its folder does not exist")
UNDER_A_FILE = QT_TRANSLATE_NOOP("errors", "a part of the path is a file, not a folder")
NOT_ALLOWED_WRITE = QT_TRANSLATE_NOOP("errors", "the station is not allowed to write there")
DISK_FULL = QT_TRANSLATE_NOOP("errors", "the disk is full")


def size_words(limit: int) -> str:
    """``limit`` bytes as people say it (1 MB, 25 MB)."""
    return f"{round(limit / 1_048_576, 1):g} MB"


def _read_reason(exc: OSError) -> str:
    return {
        errno.ENOENT: NO_SUCH_FILE,
        errno.EACCES: NOT_ALLOWED_READ,
        errno.EPERM: NOT_ALLOWED_READ,
        errno.EISDIR: IS_A_FOLDER,
        errno.ENOTDIR: NO_SUCH_FILE,
    }.get(exc.errno or 0, exc.strerror or str(exc))


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; :class:`FileTooLarge` past ``limit`` bytes,
    :class:`FileNotRead` for a folder, a device, a pipe or a file that cannot be opened."""
    shown = str(path)
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            raise FileNotRead(path=shown, reason=IS_A_FOLDER)
        # not blocking: a pipe with no writer would hold the open for ever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise FileNotRead(path=shown, reason=NOT_A_FILE)
            if info.st_size > limit:
                raise FileTooLarge(path=shown, limit=size_words(limit))
            data = file.read(limit + 1)
    except OSError as exc:
        raise FileNotRead(path=shown, reason=_read_reason(exc)) from None
    if len(data) > limit:  # it grew while read
        raise FileTooLarge(path=shown, limit=size_words(limit))
    return data


def _too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Where (line, column) brackets and braces nest past ``limit``, outside strings and
    comments; None if they never do. A quick scan before the parser, which recurses."""
    depth, line, start, i, n = 0, 1, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line, start = line + 1, i + 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if text[j] == "\\" and c == '"':
                    j += 1
                elif text[j] == "\n" and len(quote) == 1:
                    break
                j += 1
            line += text.count("\n", i, j)
            if "\n" in text[i:j]:
                start = text.rfind("\n", i, j) + 1
            i = j + len(quote)
            continue
        elif c in "[{":
            depth += 1
            if depth > limit:
                return line, i - start + 1
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def _deepest(data: Any, limit: int) -> list[str] | None:
    """The path of keys of a value nested past ``limit`` (dotted keys and headers nest too)."""
    todo: list[tuple[Any, list[str]]] = [(data, [])]
    while todo:
        node, keys = todo.pop()
        if len(keys) > limit:
            return keys
        if isinstance(node, dict):
            todo.extend((v, [*keys, str(k)]) for k, v in node.items())
        elif isinstance(node, list):
            todo.extend((v, [*keys, f"[{n}]"]) for n, v in enumerate(node))
    return None


def loads_toml(text: str, max_depth: int = MAX_TOML_DEPTH) -> dict[str, Any]:
    """``tomllib.loads`` that refuses nesting past ``max_depth`` with a ``TOMLDecodeError``
    saying where, instead of running out of stack."""
    where = _too_deep(text, max_depth)
    if where is not None:
        raise tomllib.TOMLDecodeError(
            f"Arrays or tables nested deeper than {max_depth} levels "
            f"(at line {where[0]}, column {where[1]})"
        )
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(
            f"Arrays or tables nested deeper than {max_depth} levels"
        ) from None
    keys = _deepest(data, max_depth)
    if keys is not None:
        shown = ".".join(keys[:4]) + "..."
        raise tomllib.TOMLDecodeError(f"Keys nested deeper than {max_depth} levels (under {shown})")
    return data


def _write_reason(exc: OSError) -> str:
    return {
        errno.ENOENT: NO_FOLDER,
        errno.ENOTDIR: UNDER_A_FILE,
        errno.EISDIR: IS_A_FOLDER,
        errno.EACCES: NOT_ALLOWED_WRITE,
        errno.EPERM: NOT_ALLOWED_WRITE,
        errno.EROFS: NOT_ALLOWED_WRITE,
        errno.ENOSPC: DISK_FULL,
    }.get(exc.errno or 0, exc.strerror or str(exc))


def check_writable(path: Path) -> None:
    """Raise :class:`FileNotWritten` now if ``path`` surely cannot be written (its folder
    is missing or is a file, the path is a folder): before the work, not after it."""
    if path.is_dir():
        raise FileNotWritten(path=str(path), detail=IS_A_FOLDER)
    folder = path.parent
    if not folder.exists():
        parts = [p for p in folder.parents if p.exists()]
        under_file = bool(parts) and not parts[0].is_dir()
        raise FileNotWritten(path=str(path), detail=UNDER_A_FILE if under_file else NO_FOLDER)
    if not folder.is_dir():
        raise FileNotWritten(path=str(path), detail=UNDER_A_FILE)


def write_atomic(path: Path, content: bytes | Callable[[Path], None]) -> None:
    """Write ``content`` (bytes, or a writer given the temporary file's path) to ``path``
    whole or not at all; :class:`FileNotWritten` says why not. Whatever the writer raises
    (a cancel) passes through, and no temporary file is left."""
    check_writable(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # created as open() would (the umask applies), but never over an existing file
        fd = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
        )
        with os.fdopen(fd, "wb") as file:
            if isinstance(content, bytes):
                file.write(content)
        if not isinstance(content, bytes):
            content(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        reason = _write_reason(exc)
        if reason == NO_FOLDER and path.parent.is_dir():  # /proc, a FUSE mount: no new files
            reason = NOT_ALLOWED_WRITE
        raise FileNotWritten(path=str(path), detail=reason) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
