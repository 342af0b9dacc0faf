"""What this station knows of its embedded database, kept outside the database file.

A deleted database file leaves nothing inside itself to say it existed, and SQLite would
quietly create an empty one in its place: the station would open on first-start set-up and
every lookup would say "Nothing matches". So ``known-databases.json`` in the station's data
folder remembers, per database file, its id (the ``database_id`` setting inside it) and the
last time it held data. A start that finds the file missing, or empty, where data was known
refuses, unless asked to start afresh (``receiving-station --new-database``).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from receiving_station.private_files import make_private_folder, write_private

log = logging.getLogger(__name__)

RECORD_NAME = "known-databases.json"


@dataclass(frozen=True)
class KnownDatabase:
    path: str
    database_id: str
    held_data_on: datetime


def _record(data_dir: Path) -> Path:
    return data_dir / RECORD_NAME


def _key(database: Path) -> str:
    return str(database.expanduser().resolve())


def _load(data_dir: Path) -> dict[str, dict[str, str]]:
    try:
        loaded = json.loads(_record(data_dir).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s cannot be read; it is written again", _record(data_dir), exc_info=True)
        return {}
    found = loaded.get("databases") if isinstance(loaded, dict) else None
    return found if isinstance(found, dict) else {}


def _save(data_dir: Path, databases: dict[str, dict[str, str]]) -> None:
    path = _record(data_dir)
    make_private_folder(path.parent)
    temporary = path.with_name(path.name + ".tmp")
    write_private(temporary, json.dumps({"databases": databases}, indent=2).encode("utf-8"))
    os.replace(temporary, path)


def known(data_dir: Path, database: Path) -> KnownDatabase | None:
    """What is remembered of ``database``, or None (never seen holding data)."""
    entry = _load(data_dir).get(_key(database))
    try:
        assert entry is not None
        return KnownDatabase(
            _key(database), entry["database_id"], datetime.fromisoformat(entry["held_data_on"])
        )
    except (AssertionError, KeyError, TypeError, ValueError):
        return None


def remember(data_dir: Path, database: Path, database_id: str, now: datetime) -> None:
    """``database`` (whose id is ``database_id``) holds data at ``now``."""
    databases = _load(data_dir)
    databases[_key(database)] = {"database_id": database_id, "held_data_on": now.isoformat()}
    try:
        _save(data_dir, databases)
    except OSError:
        log.warning("cannot write %s", _record(data_dir), exc_info=True)


def forget(data_dir: Path, database: Path) -> None:
    """Start afresh on purpose: ``database`` is no longer expected to hold data."""
    databases = _load(data_dir)
    if databases.pop(_key(database), None) is not None:
        _save(data_dir, databases)
