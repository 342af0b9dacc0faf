"""Sending the outbox: messages written with the change they announce, sent afterwards.

A message is claimed for two minutes by the station sending it (two stations never send the
same one), sent, and marked; a failure is kept with its reason and retried with back-off. A
crash after the change but before the send leaves the message queued: the next dispatch, at
any station, sends it once. (A crash in the instant between the send and the mark would
send it again; the message carries its idempotency key, as e-mail Message-ID and webhook
header, so the receiving side can tell.)
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from receiving_station.domain.model import MessageStatus, OutboxMessage
from receiving_station.errors import StationError
from receiving_station.ports import MessageTransport, UnitOfWorkFactory

BACKOFF_S = (30, 60, 300, 900, 3600)
CLAIM = timedelta(minutes=2)
_sending = threading.Lock()


def dispatch(
    uow_factory: UnitOfWorkFactory, transport: MessageTransport, now: datetime, limit: int = 50
) -> list[OutboxMessage]:
    if not _sending.acquire(blocking=False):
        return []
    try:
        with uow_factory() as uow:
            claimed = list(uow.outbox.claim_due(now, now + CLAIM, limit))
            uow.commit()
        for message in claimed:
            try:
                transport.send(message)
            except StationError as exc:
                message.status, message.last_error = MessageStatus.FAILED, str(exc)
                wait = BACKOFF_S[min(message.attempts, len(BACKOFF_S) - 1)]
                message.next_attempt_at = now + timedelta(seconds=wait)
            else:
                message.status, message.sent_at, message.last_error = MessageStatus.SENT, now, ""
            message.attempts += 1
            with uow_factory() as uow:
                uow.outbox.mark(message)
                uow.commit()
        return claimed
    finally:
        _sending.release()


def waiting(uow_factory: UnitOfWorkFactory) -> list[OutboxMessage]:
    with uow_factory(readonly=True) as uow:
        return list(uow.outbox.waiting())
