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


REASONS = {
    "en": {
        "SIZE_TOO_SMALL": "Size too small",
        "SIZE_TOO_LARGE": "Size too large",
        "STYLE": "Style",
        "COLOR": "Colour",
        "NOT_AS_DESCRIBED": "Not as described",
        "DEFECTIVE": "Defective",
        "UNWANTED": "No longer wanted",
        "WRONG_ITEM": "Wrong item sent",
        "OTHER": "Other",
        "UNKNOWN": "Unknown",
    },
    "fr": {
        "SIZE_TOO_SMALL": "Taille trop petite",
        "SIZE_TOO_LARGE": "Taille trop grande",
        "STYLE": "Style",
        "COLOR": "Couleur",
        "NOT_AS_DESCRIBED": "Non conforme à la description",
        "DEFECTIVE": "Défectueux",
        "UNWANTED": "Ne convient plus",
        "WRONG_ITEM": "Mauvais article envoyé",
        "OTHER": "Autre",
        "UNKNOWN": "Inconnu",
    },
}
EXCEPTION_KINDS = {
    "en": {
        "damaged": "Damaged",
        "wrong_item": "Wrong item",
        "missing_item": "Missing item",
        "extra_item": "Extra item",
        "unidentified_parcel": "Unidentified parcel",
        "serial_mismatch": "Serial mismatch",
        "over_receipt": "Over-receipt",
        "policy_breach": "Outside the policy",
        "suspected_fraud": "Suspected fraud",
        "override": "Override",
        "approval": "Approval",
    },
    "fr": {
        "damaged": "Endommagé",
        "wrong_item": "Mauvais article",
        "missing_item": "Article manquant",
        "extra_item": "Article en trop",
        "unidentified_parcel": "Colis non identifié",
        "serial_mismatch": "N° de série différent",
        "over_receipt": "Surplus reçu",
        "policy_breach": "Hors politique de retour",
        "suspected_fraud": "Fraude suspectée",
        "override": "Dérogation",
        "approval": "Validation",
    },
}
GRADE = {"en": "Grade {grade}", "fr": "Grade {grade}"}


def reason_word(code: str, language: str) -> str:
    """The customer's return reason (the store platforms' codes)."""
    return REASONS.get(language, REASONS["en"]).get(code, code.replace("_", " "))


def exception_kind_word(code: str, language: str) -> str:
    return EXCEPTION_KINDS.get(language, EXCEPTION_KINDS["en"]).get(code, code.replace("_", " "))


def condition_word(condition: str, language: str) -> str:
    """A grade (``grade B``) or a failed check's flag."""
    if condition.startswith("grade "):
        return GRADE.get(language, GRADE["en"]).format(grade=condition.removeprefix("grade "))
    return condition.replace("_", " ")
