"""Delivering outbox messages: e-mail over SMTP (plain, STARTTLS or TLS, with or without
login) and webhooks (JSON over HTTP POST, HMAC-SHA256 signed, with an idempotency key).

An adapter of the core's :class:`~receiving_station.ports.MessageTransport` port, standard
library only; wired by the composition root from ``[mail]`` and ``[teams]``.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import smtplib
import socket
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from types import TracebackType
from typing import Any, Protocol
from urllib.request import build_opener

from receiving_station.domain.model import OutboxMessage
from receiving_station.errors import NotDelivered
from receiving_station.services.messages import SURVEY

TIMEOUT_S = 15
"""How long one read or write to the mail server or webhook may wait."""
DEADLINE_S = 45
"""How long one message may take altogether: a server that trickles its answer a byte at a
time never trips ``TIMEOUT_S``, and the station's hold on the message is finite."""


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    """none, starttls or tls."""
    username: str = ""
    password: str = ""
    sender: str = "returns@localhost"


@dataclass(frozen=True)
class TeamSettings:
    finance_email: str = ""
    finance_webhook: str = ""
    service_email: str = ""
    service_webhook: str = ""
    webhook_secret: str = ""
    survey_url: str = ""


def message_id(key: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@receiving-station>"


class _HasSocket(Protocol):
    sock: Any


class _Deadline:
    """Ends a send that outlasts ``seconds``: the sockets of the connections it watches are
    shut, so whatever read or write is blocked on them fails at once (as an ``OSError``)."""

    def __init__(self, seconds: float) -> None:
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._lock = threading.Lock()
        self._watched: list[_HasSocket] = []
        self.expired = False

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._timer.cancel()
        with self._lock:
            self._watched.clear()

    def watch(self, connection: _HasSocket) -> None:
        """Called once ``connection`` is connected (connecting has its own timeout)."""
        with self._lock:
            if self.expired:
                raise TimeoutError("gave up: the send took too long")
            self._watched.append(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for connection in self._watched:
                sock = connection.sock  # the TLS one after STARTTLS
                if sock is not None:
                    # the plain socket's shutdown: it wakes a TLS read blocked on it too
                    with contextlib.suppress(OSError):
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _helo_name() -> str:
    """The name the station gives in EHLO. smtplib's default, ``socket.getfqdn()``, asks the
    DNS for this PC's name at every connection: on a dock PC the DNS does not know, that is
    a five-second stall now and then, long enough to time a send out."""
    return socket.gethostname() or "localhost"


class _Smtp(smtplib.SMTP):
    def __init__(self, deadline: _Deadline, host: str, port: int, timeout: float) -> None:
        self.deadline = deadline  # before connecting, which the constructor does
        super().__init__(host, port, timeout=timeout, local_hostname=_helo_name())

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        self.sock = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        self.deadline.watch(self)  # before the greeting: a server may trickle that too
        return self.sock


class _SmtpTls(smtplib.SMTP_SSL):
    def __init__(self, deadline: _Deadline, host: str, port: int, timeout: float) -> None:
        self.deadline = deadline
        super().__init__(
            host,
            port,
            timeout=timeout,
            local_hostname=_helo_name(),
            context=ssl.create_default_context(),
        )

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        self.sock = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        self.deadline.watch(self)
        return self.sock


class _Handler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """urllib's own HTTP(S) handling (proxies included), with each connection watched."""

    def __init__(self, deadline: _Deadline) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self.deadline = deadline
        self.context = ssl.create_default_context()

    def http_open(self, req: urllib.request.Request) -> Any:
        deadline = self.deadline

        class Watched(HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self)

        return self.do_open(Watched, req)

    def https_open(self, req: urllib.request.Request) -> Any:
        deadline = self.deadline

        class Watched(HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self)

        return self.do_open(Watched, req, context=self.context)


class Notifier:
    def __init__(
        self,
        mail: MailSettings,
        teams: TeamSettings,
        timeout_s: float = TIMEOUT_S,
        deadline_s: float = DEADLINE_S,
    ) -> None:
        self.mail = mail
        self.teams = teams
        self.timeout_s = min(timeout_s, deadline_s)
        self.longest_send_s = deadline_s

    def send(self, message: OutboxMessage) -> None:
        if message.audience == "customer":
            body = message.body
            if message.event == "return_completed" and self.teams.survey_url:
                body += SURVEY.get(message.language, SURVEY["en"]).format(url=self.teams.survey_url)
            self._email(message.recipient, message.subject, body, message)
            return
        webhook = getattr(self.teams, f"{message.audience}_webhook", "")
        address = getattr(self.teams, f"{message.audience}_email", "")
        if webhook:
            self._post(webhook, message)
        elif address:
            self._email(address, message.subject, message.body, message)
        else:
            raise NotDelivered(
                recipient=message.audience,
                detail=f"no [teams] {message.audience}_webhook or {message.audience}_email",
            )

    def _email(self, to: str, subject: str, body: str, message: OutboxMessage) -> None:
        mail = self.mail
        if not mail.host:
            raise NotDelivered(recipient=to, detail="no [mail] host configured")
        email = EmailMessage()
        email["From"] = mail.sender
        email["To"] = to
        email["Subject"] = subject
        email["Date"] = formatdate(localtime=False)
        email["Message-ID"] = message_id(message.idempotency_key)
        email["Content-Language"] = message.language
        email.set_content(body)
        deadline = _Deadline(self.longest_send_s)
        kind = _SmtpTls if mail.security == "tls" else _Smtp
        try:
            with deadline, kind(deadline, mail.host, mail.port, self.timeout_s) as smtp:
                if mail.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if mail.username:
                    smtp.login(mail.username, mail.password)
                smtp.send_message(email)
        except (smtplib.SMTPException, OSError) as exc:
            detail = self._gave_up(deadline) or str(exc) or type(exc).__name__
            raise NotDelivered(recipient=to, detail=detail) from None

    def _post(self, url: str, message: OutboxMessage) -> None:
        body = json.dumps(
            {
                "event": message.event,
                "audience": message.audience,
                "idempotency_key": message.idempotency_key,
                "created_at": message.created_at.isoformat(),
                "data": message.payload,
            },
            sort_keys=True,
        ).encode("utf-8")
        signature = hmac.new(self.teams.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Idempotency-Key": message.idempotency_key,
                "X-Signature-SHA256": signature,
            },
        )
        deadline = _Deadline(self.longest_send_s)
        try:
            with (
                deadline,
                build_opener(_Handler(deadline)).open(request, timeout=self.timeout_s) as response,
            ):
                if not 200 <= response.status < 300:
                    raise NotDelivered(recipient=url, detail=f"HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise NotDelivered(recipient=url, detail=f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, HTTPException) as exc:
            detail = self._gave_up(deadline) or str(exc) or type(exc).__name__
            raise NotDelivered(recipient=url, detail=detail) from None

    def _gave_up(self, deadline: _Deadline) -> str:
        return f"no complete answer within {self.longest_send_s:g} s" if deadline.expired else ""
