"""The outbox (SQLAlchemy Core): queued in the caller's transaction, claimed to be sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from data.repositories import _Repo
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
            with self.conn.begin_nested():
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
                        next_attempt_at=message.next_attempt_at or message.created_at,
                    )
                )
        except IntegrityError:
            pass  # queued before under the same key: once is enough

    def claim_due(self, now: datetime, until: datetime, limit: int) -> Sequence[OutboxMessage]:
        rows = self.conn.execute(
            select(outbox)
            .where(
                outbox.c.status.in_(_OPEN),
                outbox.c.next_attempt_at <= now,
                or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now),
            )
            .order_by(outbox.c.id)
            .limit(limit)
        ).all()
        claimed = []
        for row in rows:
            # Take it only if nobody took it since we read it: one sender per message.
            result = self.conn.execute(
                update(outbox)
                .where(
                    outbox.c.id == row.id,
                    outbox.c.status.in_(_OPEN),
                    or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now),
                )
                .values(claimed_until=until)
            )
            if result.rowcount == 1:
                claimed.append(_message(row))
        return claimed

    def mark(self, message: OutboxMessage) -> None:
        self.conn.execute(
            update(outbox)
            .where(outbox.c.id == message.id)
            .values(
                status=message.status.value,
                attempts=message.attempts,
                last_error=message.last_error[:2000],
                next_attempt_at=message.next_attempt_at or message.created_at,
                sent_at=message.sent_at,
                claimed_until=None,
            )
        )

    def waiting(self) -> Sequence[OutboxMessage]:
        rows = self.conn.execute(
            select(outbox).where(outbox.c.status.in_(_OPEN)).order_by(outbox.c.id)
        ).all()
        return [_message(r) for r in rows]
