"""The words printed on labels for the codes the core uses, in each label language."""

from __future__ import annotations

DISPOSITIONS = {
    "en": {
        "restock": "Restock",
        "refurbish": "Refurbish",
        "return_to_vendor": "Return to vendor",
        "liquidate": "Liquidate",
        "donate": "Donate",
        "recycle": "Recycle",
        "destroy": "Destroy",
        "quarantine": "Quarantine",
        "hold": "Hold for lead",
    },
    "fr": {
        "restock": "Remise en stock",
        "refurbish": "Reconditionnement",
        "return_to_vendor": "Retour fournisseur",
        "liquidate": "Déstockage",
        "donate": "Don",
        "recycle": "Recyclage",
        "destroy": "Destruction",
        "quarantine": "Quarantaine",
        "hold": "Attente chef d’équipe",
    },
}
TITLES = {
    "en": {
        "disposition": "Returns · disposition",
        "parcel": "Returns · parcel",
        "badge": "Returns dock · badge",
    },
    "fr": {
        "disposition": "Retours · destination",
        "parcel": "Retours · colis",
        "badge": "Quai retours · badge",
    },
}
ROLES = {
    "en": {"receiver": "Receiver", "inspector": "Inspector", "lead": "Lead", "admin": "Admin"},
    "fr": {
        "receiver": "Réceptionnaire",
        "inspector": "Contrôleur",
        "lead": "Chef d’équipe",
        "admin": "Administrateur",
    },
}


def role_word(code: str, language: str) -> str:
    return ROLES.get(language, ROLES["en"]).get(code, code)


def disposition_word(code: str, language: str) -> str:
    return DISPOSITIONS.get(language, DISPOSITIONS["en"]).get(code, code)
