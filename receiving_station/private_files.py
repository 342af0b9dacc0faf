"""The station's own files are readable by its user alone: the data folder 0700; the
database file, its -wal and -shm, the configuration file and its backup 0600.

New files are created with their mode (``os.open`` with 0600, ``mkdir`` with 0700), so there
is no moment when another user of the PC could read them; files of an older install are
tightened at start, when the station's user owns them (a file IT set up otherwise is left
as IT set it). POSIX only: on Windows the user's profile folders are already private.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600

log = logging.getLogger("receiving_station")


def _posix() -> bool:
    return sys.platform != "win32"


def make_private_folder(path: Path) -> None:
    """``path`` and any missing parents, the last one 0700 from the start."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    tighten(path, PRIVATE_FOLDER)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, a new file made 0600 (any old one is replaced)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def create_private(path: Path) -> None:
    """``path`` made 0600 if it does not exist yet (a log about to be opened for appending);
    an existing one is tightened."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        tighten(path, PRIVATE_FILE)
    else:
        os.close(fd)


def tighten(path: Path, mode: int) -> None:
    """Take away what others may do with ``path`` (an older install's 0644 or 0755), when
    this user owns it; nothing when it is already private, or missing."""
    if not _posix():
        return
    try:
        st = path.stat()
    except OSError:
        return
    if st.st_uid != os.geteuid() or not st.st_mode & 0o077:
        return
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.warning("%s could not be made private (%s)", path, exc.strerror)


def tighten_database_file(path: Path) -> None:
    """The embedded database and the files SQLite keeps beside it."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        tighten(path.with_name(name), PRIVATE_FILE)


def tighten_config_file(path: Path) -> None:
    for name in (path.name, path.name + ".bak"):
        tighten(path.with_name(name), PRIVATE_FILE)
