"""Delivering outbox messages: e-mail over SMTP (plain, STARTTLS or TLS, with or without
login) and webhooks (JSON over HTTP POST, HMAC-SHA256 signed, with an idempotency key).

An adapter of the core's :class:`~receiving_station.ports.MessageTransport` port, standard
library only; wired by the composition root from ``[mail]`` and ``[teams]``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from receiving_station.domain.model import OutboxMessage
from receiving_station.errors import NotDelivered
from receiving_station.services.messages import SURVEY

TIMEOUT_S = 15


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


class Notifier:
    def __init__(self, mail: MailSettings, teams: TeamSettings) -> None:
        self.mail = mail
        self.teams = teams

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
        try:
            if mail.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    mail.host, mail.port, timeout=TIMEOUT_S, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(mail.host, mail.port, timeout=TIMEOUT_S)
            with smtp:
                if mail.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if mail.username:
                    smtp.login(mail.username, mail.password)
                smtp.send_message(email)
        except (smtplib.SMTPException, OSError) as exc:
            raise NotDelivered(recipient=to, detail=str(exc) or type(exc).__name__) from None

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
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                if not 200 <= response.status < 300:
                    raise NotDelivered(recipient=url, detail=f"HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise NotDelivered(recipient=url, detail=f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise NotDelivered(recipient=url, detail=str(exc)) from None
