"""ACCEPTANCE 29 on SQLite and PostgreSQL: messages are written with the change they
announce and sent once, to a real SMTP server and a real HTTP server on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from data.outbox import outbox
from receiving_station.domain.model import MessageStatus, OutboxMessage, RmaLine
from receiving_station.errors import AlreadyReceived
from receiving_station.notifier import MailSettings, Notifier, TeamSettings, message_id
from receiving_station.services.station import StationServices
from tests.integration.test_inspecting_units import finish, scan_unit
from tests.world import FixedClock, World

SECRET = "s3cret-for-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Mailbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it accepts."""

    port: int
    received: list[Message] = field(default_factory=list)
    refuse: bool = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "550 Mailbox unavailable"
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox(free_port())
    # named, so the server does not look its own name up in the DNS for every connection
    controller = Controller(box, hostname="127.0.0.1", port=box.port, server_hostname="localhost")
    controller.start()
    yield box
    controller.stop()


@dataclass
class Hooks:
    port: int
    calls: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def hooks() -> Iterator[Hooks]:
    got = Hooks(0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            headers = {k.lower(): v for k, v in self.headers.items()}  # names are case-blind
            got.calls.append((self.path, headers, body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    got.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield got
    server.shutdown()
    server.server_close()


def notifier(mailbox: Mailbox, hooks: Hooks | None = None) -> Notifier:
    base = f"http://127.0.0.1:{hooks.port}" if hooks else ""
    return Notifier(
        MailSettings(
            host="127.0.0.1", port=mailbox.port, security="none", sender="returns@shop.test"
        ),
        TeamSettings(
            finance_webhook=f"{base}/finance" if hooks else "",
            service_webhook=f"{base}/service" if hooks else "",
            webhook_secret=SECRET,
            survey_url="https://survey.example/r",
        ),
    )


def station(world: World, transport: Notifier, name: str = "DOCK-1") -> StationServices:
    return world.services(name, transport=transport)


JEANS = RmaLine(
    1,
    "AP-1",
    "Slim jeans",
    1,
    gtin="4006381333931",
    category="apparel",
    unit_value=Decimal("59.00"),
)


def french_rma(world: World) -> None:
    """A return whose customer reads French."""
    world.add_rma("RMA-700001", lines=(JEANS,))
    with world.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE rmas SET customer_language = 'fr', customer_email = 'camille@example.com' "
            "WHERE number = 'RMA-700001'"
        )


def test_receiving_queues_the_customers_message_in_the_same_transaction(world: World):
    french_rma(world)
    world.receive("RMA-700001")
    (message,) = world.dock1.messages_waiting(world.actor("chloe"))
    assert (message.event, message.recipient, message.language) == (
        "parcel_received",
        "camille@example.com",
        "fr",
    )
    assert message.subject == "Nous avons reçu votre retour RMA-700001"
    with pytest.raises(AlreadyReceived):
        world.receive("RMA-700001")  # refused: nothing more is queued
    assert len(world.dock1.messages_waiting(world.actor("chloe"))) == 1


def test_a_message_is_sent_once_after_a_crash_between_the_change_and_the_send(
    world: World, mailbox: Mailbox
):
    french_rma(world)
    world.receive("RMA-700001")  # committed... and the station dies before sending
    restarted = station(world, notifier(mailbox))
    (sent,) = restarted.send_messages()
    assert sent.status is MessageStatus.SENT
    assert restarted.send_messages() == []
    (email,) = mailbox.received
    assert email["To"] == "camille@example.com"
    assert email["Subject"] == "Nous avons reçu votre retour RMA-700001"
    assert email["Message-ID"] == message_id("parcel_received:RMA-700001")
    assert "commande 7000001" in email.get_content()


def test_a_refusing_mail_server_keeps_the_message_and_it_goes_out_later_once(
    world: World, mailbox: Mailbox
):
    french_rma(world)
    world.receive("RMA-700001")
    dock = station(world, notifier(mailbox))
    mailbox.refuse = True
    (failed,) = dock.send_messages()
    assert failed.status is MessageStatus.FAILED
    assert "550" in failed.last_error
    assert dock.send_messages() == []  # backing off
    mailbox.refuse = False
    # The back-off is timed by the database's clock: a station whose clock runs an hour
    # ahead does not retry early either.
    ahead = FixedClock(world.clock.now() + timedelta(hours=1))
    assert world.services("DOCK-2", transport=notifier(mailbox), clock=ahead).send_messages() == []
    back_off_passed(world)
    (sent,) = dock.send_messages()
    assert (sent.status, sent.attempts) == (MessageStatus.SENT, 2)
    assert len(mailbox.received) == 1


def back_off_passed(world: World) -> None:
    """As if the back-off had run out (by the database's clock, which tests do not move)."""
    with world.engine.begin() as conn:
        conn.execute(update(outbox).values(next_attempt_at=datetime(2000, 1, 1, tzinfo=UTC)))


def test_a_decision_tells_the_customer_and_finance_with_a_signed_idempotent_webhook(
    world: World, mailbox: Mailbox, hooks: Hooks
):
    french_rma(world)
    receipt = world.receive("RMA-700001")
    done = finish(world, scan_unit(world, receipt, "4006381333931"))
    assert done.inspection.refund == "full"
    dock = station(world, notifier(mailbox, hooks))
    sent = dock.send_messages()
    assert {m.event for m in sent} == {
        "parcel_received",
        "item_inspected",
        "refund_recommended",
        "return_completed",
    }
    ((path, headers, body),) = hooks.calls
    assert path == "/finance"
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["x-signature-sha256"] == expected
    assert headers["idempotency-key"] == f"refund_recommended:{done.inspection.reference}"
    data = json.loads(body)["data"]
    assert (data["rma"], data["amount"], data["refund"], data["lpn"]) == (
        "RMA-700001",
        "59.00",
        "full",
        done.inspection.lpn,
    )
    subjects = sorted(m["Subject"] for m in mailbox.received)
    assert "Votre retour RMA-700001 est terminé" in subjects
    last = next(m for m in mailbox.received if m["Subject"].startswith("Votre retour"))
    assert "https://survey.example/r" in last.get_content()


def test_an_exception_reaches_customer_service(world: World, mailbox: Mailbox, hooks: Hooks):
    world.dock1.register_unidentified(world.actor("alice"), "NO-LABEL-1")
    sent = station(world, notifier(mailbox, hooks)).send_messages()
    assert [m.event for m in sent] == ["exception_opened"]
    ((path, _headers, body),) = hooks.calls
    assert path == "/service"
    assert json.loads(body)["data"]["kind"] == "unidentified_parcel"


def test_a_message_taken_by_one_station_is_not_taken_by_another_until_its_lease_lapses(
    world: World,
):
    for n in range(3):
        world.add_rma(f"RMA-71000{n}", order_ref=f"71000{n}")
        world.receive(f"RMA-71000{n}")
    lease = timedelta(minutes=2)

    def claim(holder: str) -> OutboxMessage | None:
        with world.uow_factory() as uow:
            message = uow.outbox.claim_next(lease, holder)
            uow.commit()
            return message

    taken = [claim("dock1") for _ in range(3)]
    assert [m.idempotency_key for m in taken if m] == [
        f"parcel_received:RMA-71000{n}" for n in range(3)
    ]
    assert claim("dock2") is None
    # dock1 died holding them; once its lease has run out, another station takes them...
    with world.engine.begin() as conn:
        conn.execute(update(outbox).values(claimed_until=datetime(2000, 1, 1, tzinfo=UTC)))
    again = claim("dock2")
    assert again is not None
    assert again.id == taken[0].id  # type: ignore[union-attr]
    # ... and dock1, back from the dead, cannot record its send over dock2's claim.
    again.status = MessageStatus.SENT
    with world.uow_factory() as uow:
        assert uow.outbox.mark(again, "dock1", timedelta(0)) is False
        assert uow.outbox.mark(again, "dock2", timedelta(0)) is True
        uow.commit()
    assert [m.id for m in world.dock1.messages_waiting(world.actor("chloe"))] == [
        m.id for m in taken[1:] if m
    ]


def test_resolving_an_exception_tells_customer_service(world: World):
    case = world.dock1.register_unidentified(world.actor("alice"), "NO-LABEL-2")
    assert case.id is not None
    lead = world.actor("chloe")
    reviewed = world.dock1.start_review(lead, case.id, case.version)
    world.dock1.resolve_exception(lead, case.id, "Linked to RMA-100001", reviewed.version)
    events = [(m.event, m.audience) for m in world.dock1.messages_waiting(world.actor("chloe"))]
    assert events == [("exception_opened", "service"), ("exception_resolved", "service")]


def test_an_e_mail_goes_out_at_once_on_a_pc_whose_name_the_dns_does_not_know(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
):
    """smtplib's EHLO asks the DNS for this PC's name (``socket.getfqdn``); where the DNS
    does not know it, that lookup stalls for seconds now and then and times a send out."""

    def stalls(*_args: Any) -> str:
        raise AssertionError("the station asked the DNS for its own name")

    monkeypatch.setattr(socket, "getfqdn", stalls)
    message = OutboxMessage(
        1,
        FixedClock().now(),
        "parcel_received",
        "customer",
        "parcel_received:RMA-1",
        recipient="camille@example.com",
        subject="Parcel",
        body="We have it.",
    )
    notifier(mailbox).send(message)
    assert [m["Message-ID"] for m in mailbox.received] == [message_id("parcel_received:RMA-1")]
