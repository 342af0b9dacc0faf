"""Several stations sending the outbox at once, against a slow mail server and a webhook that
answers slowly or trickles: every message goes out once (ACCEPTANCE 29).

Each station is its own process (as at the dock), with its own engine and its own clock,
the clocks minutes apart; they start each round on a barrier. Times are scaled down: the
mail server takes 0.05 s a message, a read may wait 1 s and a send 1.5 s, so a station
holds a message for 3 s; the old claim held a whole batch of up to 50 for one fixed time,
stamped with the station's own clock.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine

from data.engine import make_engine
from data.uow import SqlUnitOfWorkFactory
from receiving_station.domain.model import MessageStatus, OutboxMessage
from receiving_station.errors import NotDelivered
from receiving_station.notifier import MailSettings, Notifier, TeamSettings
from receiving_station.services.station import StationServices
from scanners.classifier import ScanClassifier
from tests.faketime import tolerate_libfaketime
from tests.integration.test_outbox import Hooks, back_off_passed, free_port
from tests.world import FixedClock, World

PER_MESSAGE_S = 0.05
TIMEOUT_S, DEADLINE_S = 1.0, 1.5
MESSAGES = 16
ROUNDS = 10
SKEW_MIN = (0, 4, 9, -3)
"""Each station's clock, in minutes from the clock that queued the messages."""


class SlowMailbox:
    """A real SMTP server on loopback that takes its time over every message."""

    def __init__(self) -> None:
        self.port = free_port()
        self.ids: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(PER_MESSAGE_S)
        for line in envelope.content.decode().splitlines():
            if line.lower().startswith("message-id:"):
                self.ids.append(line.split(":", 1)[1].strip())
        return "250 OK"


@pytest.fixture
def slow_mailbox() -> Iterator[SlowMailbox]:
    box = SlowMailbox()
    # named, so the server does not look its own name up in the DNS for every connection
    controller = Controller(box, hostname="127.0.0.1", port=box.port, server_hostname="localhost")
    controller.start()
    yield box
    controller.stop()


def notifier(smtp_port: int, hooks_port: int = 0) -> Notifier:
    hook = f"http://127.0.0.1:{hooks_port}/service" if hooks_port else ""
    return Notifier(
        MailSettings(host="127.0.0.1", port=smtp_port, security="none"),
        TeamSettings(service_webhook=hook),
        timeout_s=TIMEOUT_S,
        deadline_s=DEADLINE_S,
    )


def queue(world: World, round_: int, n: int = MESSAGES, audience: str = "customer") -> None:
    with world.uow_factory() as uow:
        for i in range(n):
            uow.outbox.add(
                OutboxMessage(
                    None,
                    world.clock.now(),
                    "parcel_received",
                    audience,
                    f"parcel_received:R{round_}-{i}",
                    recipient=f"c{i}@example.com",
                    subject=f"Parcel {i}",
                    body="We have it.",
                )
            )
        uow.commit()


class TickingClock:
    """A station's clock that moves on with time, from ``start``."""

    def __init__(self, start: datetime) -> None:
        self.start, self.started = start, time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.started)


def _station(
    db_url: str,
    transport: tuple[int, int],
    station_id: int,
    skew_min: int,
    barrier: Barrier,
    rounds: int,
) -> None:
    """One station's process: each round, from the barrier on, send what is due again and
    again (as its timer does) until nothing is left waiting."""
    tolerate_libfaketime()  # a process of its own: the suite's conftest did not run here
    engine = make_engine(db_url)
    clock = TickingClock(FixedClock().now() + timedelta(minutes=skew_min))
    station = StationServices(
        SqlUnitOfWorkFactory(engine),
        ScanClassifier(),
        clock,
        station_id,
        transport=notifier(*transport),
    )
    reader = station.command_line("outbox race")
    for _ in range(rounds):
        barrier.wait(60)
        give_up = time.monotonic() + 20
        while station.messages_waiting(reader) and time.monotonic() < give_up:
            if not station.send_messages():
                time.sleep(0.02)
        barrier.wait(60)
    engine.dispose()


def stations_at_once(
    world: World,
    db_url: str,
    stations: int,
    transport: tuple[int, int],
    delivered: Callable[[], list[str]],
    rounds: int = ROUNDS,
    per_round: int = MESSAGES,
    audience: str = "customer",
) -> None:
    """``stations`` processes, clocks minutes apart, send what each round queues; after
    each round every message was delivered once (``delivered`` lists their keys)."""
    ids = list(world.station_ids.values())
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(stations + 1)
    workers = [
        context.Process(
            target=_station,
            args=(db_url, transport, ids[n % len(ids)], SKEW_MIN[n], barrier, rounds),
        )
        for n in range(stations)
    ]
    for worker in workers:
        worker.start()
    try:
        for round_ in range(rounds):
            queue(world, round_, per_round, audience)
            barrier.wait(60)  # go
            barrier.wait(60)  # every station found nothing more to send
            twice = {k: n for k, n in Counter(delivered()).items() if n > 1}
            assert twice == {}, f"round {round_}: {len(twice)} of {per_round} sent twice or more"
            assert len(delivered()) == per_round * (round_ + 1)
        assert world.dock1.messages_waiting(world.actor("chloe")) == []
    except BaseException:
        barrier.abort()  # the stations stop waiting
        raise
    finally:
        for worker in workers:
            worker.join(10)
            if worker.is_alive():
                worker.kill()
    assert [w.exitcode for w in workers] == [0] * stations


@pytest.mark.parametrize("stations", [2, 4])
def test_stations_minutes_apart_sending_at_once_deliver_every_message_exactly_once(
    db_url: str, engine: Engine, slow_mailbox: SlowMailbox, stations: int
):
    world = World(engine)
    stations_at_once(world, db_url, stations, (slow_mailbox.port, 0), lambda: slow_mailbox.ids)


class SlowHooks(Hooks):
    """A webhook receiver that answers each POST after ``answer_after`` seconds, or that
    trickles its answer one byte every ``trickle`` seconds (never tripping a read timeout)."""

    answer_after: float = 0.0
    trickle: float = 0.0


@pytest.fixture
def slow_hooks() -> Iterator[SlowHooks]:
    got = SlowHooks(0)
    listener = socket.create_server(("127.0.0.1", 0))
    got.port = listener.getsockname()[1]
    done = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            headers = dict(
                line.split(": ", 1) for line in head.decode().split("\r\n")[1:] if ": " in line
            )
            length = int({k.lower(): v for k, v in headers.items()}["content-length"])
            while len(body) < length:
                body += conn.recv(65536)
            got.calls.append((head.decode().split()[1], headers, body))
            answer = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            if got.trickle:
                for byte in answer:
                    if done.wait(got.trickle):
                        return
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        return
            else:
                if done.wait(got.answer_after):
                    return
                conn.sendall(answer)

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield got
    done.set()
    listener.close()


def own_engine_station(db_url: str, world: World, name: str, transport: Notifier) -> Any:
    engine = make_engine(db_url)
    return engine, StationServices(
        SqlUnitOfWorkFactory(engine),
        ScanClassifier(),
        world.clock,
        world.station_ids[name],
        transport=transport,
    )


def test_a_webhook_that_answers_slowly_is_posted_once_by_stations_minutes_apart(
    db_url: str, engine: Engine, slow_hooks: SlowHooks
):
    world = World(engine)
    slow_hooks.answer_after = 0.2  # slow, well within what a read may wait (1 s)

    def keys() -> list[str]:
        return [headers["Idempotency-Key"] for _path, headers, _body in slow_hooks.calls]

    stations_at_once(world, db_url, 3, (0, slow_hooks.port), keys, per_round=4, audience="service")


def test_a_webhook_that_trickles_its_answer_is_given_up_before_the_lease_runs_out(
    db_url: str, engine: Engine, slow_hooks: SlowHooks
):
    world = World(engine)
    slow_hooks.trickle = TIMEOUT_S * 0.8  # each byte in time: no read ever times out
    queue(world, 0, n=1, audience="service")
    e1, dock1 = own_engine_station(db_url, world, "DOCK-1", notifier(0, slow_hooks.port))
    e2, dock2 = own_engine_station(db_url, world, "DOCK-2", notifier(0, slow_hooks.port))
    started = time.monotonic()
    sender = threading.Thread(target=lambda: results.extend(dock1.send_messages()))
    results: list[OutboxMessage] = []
    sender.start()
    while not slow_hooks.calls and time.monotonic() - started < 5:
        time.sleep(0.01)
    # The other station keeps trying while the first one waits on the trickle.
    while sender.is_alive() and time.monotonic() - started < 10:
        assert dock2.send_messages() == []
        time.sleep(0.05)
    sender.join()
    took = time.monotonic() - started
    (message,) = results
    assert message.status is MessageStatus.FAILED
    assert "no complete answer within 1.5 s" in message.last_error
    assert took < 2 * DEADLINE_S  # the lease: nobody else could have taken it meanwhile
    assert len(slow_hooks.calls) == 1
    # Later, once its back-off has passed, it is sent again, once.
    slow_hooks.trickle = 0
    back_off_passed(world)
    (sent,) = dock2.send_messages()
    assert (sent.status, sent.attempts) == (MessageStatus.SENT, 2)
    assert len(slow_hooks.calls) == 2
    e1.dispose()
    e2.dispose()


def test_a_mail_server_that_trickles_its_greeting_is_given_up_within_the_deadline():
    listener = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn:
            for byte in b"220 mail.example ESMTP ready\r\n":
                if done.wait(TIMEOUT_S * 0.8):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    threading.Thread(target=trickle, daemon=True).start()
    mail = Notifier(
        MailSettings(host="127.0.0.1", port=listener.getsockname()[1], security="none"),
        TeamSettings(),
        timeout_s=TIMEOUT_S,
        deadline_s=DEADLINE_S,
    )
    message = OutboxMessage(None, FixedClock().now(), "parcel_received", "customer", "k-1")
    message.recipient = "c@example.com"
    started = time.monotonic()
    try:
        with pytest.raises(NotDelivered, match=r"no complete answer within 1\.5 s"):
            mail.send(message)
    finally:
        done.set()
        listener.close()
    assert time.monotonic() - started < DEADLINE_S + TIMEOUT_S
