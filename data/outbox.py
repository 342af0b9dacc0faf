"""The outbox (SQLAlchemy Core): queued in the caller's transaction, claimed to be sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Row, Table, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from data.repositories import _Repo
from data.savepoint import savepoint
from data.tables import OutboxRow
from receiving_station.domain.model import MessageStatus, OutboxMessage

outbox = cast(Table, OutboxRow.__table__)
_OPEN = (MessageStatus.PENDING.value, MessageStatus.FAILED.value)


def _message(row: Row[Any]) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        created_at=row.created_at,
        event=row.event,
        audience=row.audience,
        idempotency_key=row.idempotency_key,
        recipient=row.recipient,
        language=row.language,
        subject=row.subject,
        body=row.body,
        payload=dict(row.payload or {}),
        status=MessageStatus(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at,
    )


class SqlOutbox(_Repo):
    def add(self, message: OutboxMessage) -> None:
        try:
            with savepoint(self.conn):
                self.conn.execute(
                    insert(outbox).values(
                        created_at=message.created_at,
                        event=message.event,
                        audience=message.audience,
                        recipient=message.recipient[:254],
                        language=message.language,
                        subject=message.subject[:200],
                        body=message.body,
                        payload=message.payload,
                        idempotency_key=message.idempotency_key,
                        status=message.status.value,
                        attempts=0,
                        last_error="",
                        next_attempt_at=self._database_now(),  # due at once
                    )
                )
        except IntegrityError:
            pass  # queued before under the same key: once is enough

    def _database_now(self) -> datetime:
        """The database's own clock: every station's lease is timed by the same one."""
        if self.conn.dialect.name == "sqlite":  # the same machine as the file
            stamp = self.conn.exec_driver_sql(
                "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"
            ).scalar_one()
            return datetime.fromisoformat(stamp).replace(tzinfo=UTC)
        now: datetime = self.conn.execute(select(func.now())).scalar_one()
        return now

    def claim_next(self, lease: timedelta, holder: str) -> OutboxMessage | None:
        clock = self._database_now()
        row = self.conn.execute(
            select(outbox)
            .where(
                outbox.c.status.in_(_OPEN),
                outbox.c.next_attempt_at <= clock,
                or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < clock),
            )
            .order_by(outbox.c.id)
            .limit(1)
            # A row another station is taking right now is passed over, not waited for;
            # SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            return None
        self.conn.execute(
            update(outbox)
            .where(outbox.c.id == row.id)
            .values(claimed_until=clock + lease, claimed_by=holder)
        )
        return _message(row)

    def mark(self, message: OutboxMessage, holder: str, retry_after: timedelta) -> bool:
        clock = self._database_now()
        if message.status is MessageStatus.SENT:
            message.sent_at = clock
        else:
            message.next_attempt_at = clock + retry_after
        result = self.conn.execute(
            update(outbox)
            .where(outbox.c.id == message.id, outbox.c.claimed_by == holder)
            .values(
                status=message.status.value,
                attempts=message.attempts,
                last_error=message.last_error[:2000],
                next_attempt_at=message.next_attempt_at or message.created_at,
                sent_at=message.sent_at,
                claimed_until=None,
                claimed_by=None,
            )
        )
        return result.rowcount == 1

    def waiting(self) -> Sequence[OutboxMessage]:
        rows = self.conn.execute(
            select(outbox).where(outbox.c.status.in_(_OPEN)).order_by(outbox.c.id)
        ).all()
        return [_message(r) for r in rows]
