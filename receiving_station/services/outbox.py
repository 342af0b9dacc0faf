"""Sending the outbox: messages written with the change they announce, sent afterwards.

A station takes one message at a time, for a lease timed by the database's clock (station
clocks drift: the back-off and the time sent are the database's too) and twice as long as
the transport may take for one send (it gives up after
``longest_send_s``), sends it, and records how it went; a failure is kept with its reason
and retried with back-off. Each claim carries the station's token: a station whose lease ran
out anyway records nothing over the one that took the message since. A crash after the
change but before the send leaves the message queued: the next dispatch, at any station,
sends it once. (A crash in the instant between the send and the mark would send it again;
the message carries its idempotency key, as e-mail Message-ID and webhook header, so the
receiving side can tell.)
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from receiving_station.domain.model import MessageStatus, OutboxMessage
from receiving_station.errors import StationError
from receiving_station.ports import MessageTransport, UnitOfWorkFactory

BACKOFF_S = (30, 60, 300, 900, 3600)
LEASE_PER_SEND = 2
"""A message is held this many times the longest one send may take."""
log = logging.getLogger("receiving_station.outbox")


def dispatch(
    uow_factory: UnitOfWorkFactory,
    transport: MessageTransport,
    holder: str,
    limit: int = 50,
) -> list[OutboxMessage]:
    """Send up to ``limit`` due messages, one claimed at a time; the ones recorded come back.

    Safe to run at several stations, and twice at one, at the same moment."""
    lease = timedelta(seconds=LEASE_PER_SEND * transport.longest_send_s)
    token = f"{holder}:{uuid.uuid4().hex}"[-64:]
    done: list[OutboxMessage] = []
    for _ in range(limit):
        with uow_factory() as uow:
            message = uow.outbox.claim_next(lease, token)
            uow.commit()
        if message is None:
            break
        try:
            transport.send(message)
        except StationError as exc:
            message.status, message.last_error = MessageStatus.FAILED, str(exc)
        else:
            message.status, message.last_error = MessageStatus.SENT, ""
        wait = timedelta(seconds=BACKOFF_S[min(message.attempts, len(BACKOFF_S) - 1)])
        message.attempts += 1
        with uow_factory() as uow:
            kept = uow.outbox.mark(message, token, wait)
            uow.commit()
        if kept:
            done.append(message)
        else:
            log.warning("outbox message %s was taken by another station meanwhile", message.id)
    return done


def waiting(uow_factory: UnitOfWorkFactory) -> list[OutboxMessage]:
    with uow_factory(readonly=True) as uow:
        return list(uow.outbox.waiting())
