"""Writing this station's configuration file back (the Settings page).

A change is merged into what the file holds, checked whole by the same reader that starts
the station, and only then written: a temporary file renamed over the old one, which is
kept beside it as ``config.toml.bak``. A bad value raises ``ConfigError`` naming the key,
and the file is left exactly as it was. Comments in a hand-written file are not kept (the
backup keeps them).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from receiving_station.config import Config, load_config, read_config_file
from receiving_station.errors import ConfigError, FileNotWritten
from receiving_station.private_files import make_private_folder, write_private


def merged(current: Mapping[str, Any], changes: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    data = {k: dict(v) if isinstance(v, Mapping) else v for k, v in current.items()}
    for section, values in changes.items():
        table = data.setdefault(section, {})
        if not isinstance(table, dict):
            raise ConfigError(key=section, expected="a table", found=table, source="settings")
        table.update(values)
    return data


def save_settings(
    path: Path,
    changes: Mapping[str, Mapping[str, Any]],
    env: Mapping[str, str] | None = None,
    before_write: Callable[[], None] | None = None,
) -> Config:
    """Apply ``changes`` ({section: {key: value}}) to the file at ``path``; the new config.
    ``before_write`` runs once the result is known good; if it raises, nothing is written."""
    env = os.environ if env is None else env
    current: dict[str, Any] = {}
    if path.exists():
        current = read_config_file(path)
    text = tomli_w.dumps(merged(current, changes))
    trial = path.with_name(path.name + ".new")
    try:
        make_private_folder(path.parent)
        write_private(trial, text.encode("utf-8"))  # 0600 from the start: it may hold passwords
    except OSError as exc:
        with contextlib.suppress(OSError):
            trial.unlink(missing_ok=True)
        raise FileNotWritten(path=str(path), detail=exc.strerror or str(exc)) from None
    try:
        load_config(env, trial)
    except ConfigError as exc:
        trial.unlink(missing_ok=True)
        raise ConfigError(**(exc.params | {"source": str(path)})) from None
    try:
        if before_write is not None:
            before_write()
        if path.exists():
            backup = path.with_name(path.name + ".bak.new")
            write_private(backup, path.read_bytes())
            os.replace(backup, path.with_name(path.name + ".bak"))
        os.replace(trial, path)
    finally:
        trial.unlink(missing_ok=True)
    return load_config(env, path)
