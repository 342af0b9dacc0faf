"""Users (SQLAlchemy Core): the people of the dock. Never deleted: the audit trail keeps
their names; an admin deactivates them instead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, update

from data.repositories import _Repo, _user, users
from receiving_station.domain.model import User
from receiving_station.errors import StaleRecord


class SqlUsers(_Repo):
    def _one(self, where: Any) -> User | None:
        row = self.conn.execute(select(users).where(where)).first()
        return _user(row) if row else None

    def get(self, user_id: int) -> User | None:
        return self._one(users.c.id == user_id)

    def by_badge(self, badge_code: str) -> User | None:
        return self._one(users.c.badge_code == badge_code)

    def by_username(self, username: str) -> User | None:
        return self._one(users.c.username == username)

    def add(self, user: User) -> User:
        values = {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role.value,
            "badge_code": user.badge_code,
            "pin_hash": user.pin_hash,
            "language": user.language,
            "active": user.active,
            "version": user.version,
        }
        user.id = self.conn.execute(insert(users).values(values)).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return user

    def count(self) -> int:
        """People only: the system identity of the command line is not one."""
        people = select(func.count()).select_from(users).where(users.c.role != "system")
        return int(self.conn.execute(people).scalar_one())

    def all(self) -> Sequence[User]:
        """People only (not the command line's system identity), by name."""
        rows = self.conn.execute(
            select(users).where(users.c.role != "system").order_by(users.c.display_name)
        ).all()
        return [_user(r) for r in rows]

    def lock_all(self) -> None:
        self._lock_table(users)

    def save(self, user: User) -> None:
        result = self.conn.execute(
            update(users)
            .where(users.c.id == user.id, users.c.version == user.version)
            .values(
                username=user.username,
                display_name=user.display_name,
                role=user.role.value,
                badge_code=user.badge_code,
                pin_hash=user.pin_hash,
                language=user.language,
                active=user.active,
                version=user.version + 1,
            )
        )
        if result.rowcount != 1:
            raise StaleRecord(what=user.username)
        user.version += 1
