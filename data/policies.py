"""Return policy versions (SQLAlchemy Core): appended, never changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Row, Table, insert, select
from sqlalchemy.exc import IntegrityError

from data.repositories import _Repo, users
from data.savepoint import savepoint
from data.tables import ReturnPolicyRow
from receiving_station.domain.policy import W_POLICY, ReturnPolicy
from receiving_station.errors import StaleRecord

policies = cast(Table, ReturnPolicyRow.__table__)


def _policy(row: Row[Any]) -> ReturnPolicy:
    return ReturnPolicy.from_body(row.body, row.version, row.saved_at, row.display_name)


class SqlPolicies(_Repo):
    def _query(self) -> Any:
        return (
            select(policies, users.c.display_name)
            .join(users, users.c.id == policies.c.saved_by)
            .order_by(policies.c.version.desc())
        )

    def latest(self) -> ReturnPolicy | None:
        row = self.conn.execute(self._query().limit(1)).first()
        return _policy(row) if row else None

    def add(self, policy: ReturnPolicy, user_id: int) -> None:
        try:
            with savepoint(self.conn):
                self.conn.execute(
                    insert(policies).values(
                        version=policy.version,
                        body=policy.body(),
                        saved_at=policy.saved_at,
                        saved_by=user_id,
                    )
                )
        except IntegrityError:
            raise StaleRecord(what=W_POLICY) from None

    def history(self, limit: int) -> Sequence[ReturnPolicy]:
        return [_policy(r) for r in self.conn.execute(self._query().limit(limit))]
