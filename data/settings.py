"""Small facts kept in the database itself (is this demo data, ...)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from data.tables import SettingRow

settings = SettingRow.__table__


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()


def set_setting(conn: Connection, key: str, value: str) -> None:
    if get_setting(conn, key) is None:
        conn.execute(settings.insert().values(key=key, value=value))
    else:
        conn.execute(settings.update().where(settings.c.key == key).values(value=value))
