"""What customers are told, in their language (English and French), and what teams get.

Customer e-mails are written when the change happens, so a later edit of these words never
changes a message already queued. Team messages are JSON payloads (webhook) or the same
payload as plain text (e-mail).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from receiving_station.domain.model import OutboxMessage

CUSTOMER = {
    "parcel_received": {
        "en": (
            "We have received your return {rma}",
            "Hello {name},\n\nYour parcel for return {rma} (order {order}) arrived at our "
            "returns centre on {date}. We are checking the items now and will write again "
            "when we have.\n\nThank you.",
        ),
        "fr": (
            "Nous avons reçu votre retour {rma}",
            "Bonjour {name},\n\nVotre colis pour le retour {rma} (commande {order}) est arrivé "
            "à notre centre de retours le {date}. Nous contrôlons les articles et vous "
            "écrirons dès que c’est fait.\n\nMerci.",
        ),
    },
    "item_inspected": {
        "en": (
            "Your returned item {sku} has been checked",
            "Hello {name},\n\nWe have checked {description} from your return {rma}. {refund}"
            "\n\nThank you.",
        ),
        "fr": (
            "Votre article retourné {sku} a été contrôlé",
            "Bonjour {name},\n\nNous avons contrôlé {description} de votre retour {rma}. "
            "{refund}\n\nMerci.",
        ),
    },
    "return_completed": {
        "en": (
            "Your return {rma} is complete",
            "Hello {name},\n\nEvery item of your return {rma} has been checked. Thank you for "
            "your patience.",
        ),
        "fr": (
            "Votre retour {rma} est terminé",
            "Bonjour {name},\n\nTous les articles de votre retour {rma} ont été contrôlés. "
            "Merci de votre patience.",
        ),
    },
}
REFUND_WORDS = {
    "en": {
        "full": "A full refund of {amount} is on its way to the finance team.",
        "partial": "A refund of {amount} is on its way to the finance team.",
        "none": "It cannot be refunded; our customer service will contact you.",
        "": "Our team will tell you about the refund shortly.",
    },
    "fr": {
        "full": "Un remboursement intégral de {amount} est transmis au service financier.",
        "partial": "Un remboursement de {amount} est transmis au service financier.",
        "none": "Il ne peut pas être remboursé ; notre service client va vous contacter.",
        "": "Notre équipe vous informera du remboursement sous peu.",
    },
}
SURVEY = {
    "en": "\n\nTwo minutes to tell us how your return went? {url}",
    "fr": "\n\nDeux minutes pour nous dire comment s’est passé votre retour ? {url}",
}


def customer_message(
    event: str, key: str, email: str, language: str, now: datetime, **fields: Any
) -> OutboxMessage:
    lang = language if language in ("en", "fr") else "en"
    subject, body = CUSTOMER[event][lang]
    if "refund" in fields:
        words = REFUND_WORDS[lang].get(str(fields["refund"]), REFUND_WORDS[lang][""])
        fields = {**fields, "refund": words.format(amount=fields.get("amount", ""))}
    return OutboxMessage(
        id=None,
        created_at=now,
        event=event,
        audience="customer",
        idempotency_key=key,
        recipient=email,
        language=lang,
        subject=subject.format(**fields),
        body=body.format(**fields),
        payload={k: str(v) for k, v in fields.items()},
        next_attempt_at=now,
    )


def team_message(
    event: str, audience: str, key: str, now: datetime, payload: dict[str, Any]
) -> OutboxMessage:
    return OutboxMessage(
        id=None,
        created_at=now,
        event=event,
        audience=audience,
        idempotency_key=key,
        subject=f"[{audience}] {event}: {payload.get('rma') or payload.get('exception', '')}",
        body="\n".join(f"{k}: {v}" for k, v in payload.items()),
        payload={
            k: v if isinstance(v, (int, float, bool)) or v is None else str(v)
            for k, v in payload.items()
        },
        next_attempt_at=now,
    )
