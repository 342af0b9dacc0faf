"""Small facts kept in the database itself (is this demo data, ...)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Connection, Table, select

from data.tables import SettingRow

settings = cast(Table, SettingRow.__table__)


def get_setting(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
    return None if value is None else str(value)


def set_setting(conn: Connection, key: str, value: str) -> None:
    if get_setting(conn, key) is None:
        conn.execute(settings.insert().values(key=key, value=value))
    else:
        conn.execute(settings.update().where(settings.c.key == key).values(value=value))
