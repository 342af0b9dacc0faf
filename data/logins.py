"""Login counters (SQLAlchemy Core): failed log-ins in a row per user and per station, and
when the next try may come."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from data.repositories import _Repo
from data.tables import LoginCounterRow
from receiving_station.domain.login import LoginCounter

counters = cast(Table, LoginCounterRow.__table__)


class SqlLoginCounters(_Repo):
    def hold(self, key: str) -> LoginCounter:
        """The counter as committed now, held until our transaction ends: of N log-ins tried
        at once for one user, each one reads the failures of those before it."""
        make = pg_insert if self.conn.dialect.name == "postgresql" else sqlite_insert
        self.conn.execute(
            make(counters)
            .values(key=key, failures=0)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        row = self.conn.execute(
            select(counters).where(counters.c.key == key).with_for_update()
        ).one()
        return LoginCounter(row.key, row.failures, row.locked_until, row.next_try_at)

    def save(self, counter: LoginCounter) -> None:
        self.conn.execute(
            update(counters)
            .where(counters.c.key == counter.key)
            .values(
                failures=counter.failures,
                locked_until=counter.locked_until,
                next_try_at=counter.next_try,
            )
        )

    def clear(self, key: str) -> None:
        self.conn.execute(delete(counters).where(counters.c.key == key))

    def locked(self, now: datetime) -> Sequence[LoginCounter]:
        rows = self.conn.execute(
            select(counters).where(counters.c.locked_until > now).order_by(counters.c.key)
        ).all()
        return [LoginCounter(r.key, r.failures, r.locked_until, r.next_try_at) for r in rows]
