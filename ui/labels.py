"""The dock's words for the codes the core uses (dispositions, refunds, conditions, unit
status), in the station's language."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from receiving_station.domain.model import InspectionStatus


def disposition_label(code: str) -> str:
    return {
        "restock": QCoreApplication.translate("labels", "Restock"),
        "refurbish": QCoreApplication.translate("labels", "Refurbish"),
        "return_to_vendor": QCoreApplication.translate("labels", "Return to vendor"),
        "liquidate": QCoreApplication.translate("labels", "Liquidate"),
        "donate": QCoreApplication.translate("labels", "Donate"),
        "recycle": QCoreApplication.translate("labels", "Recycle"),
        "destroy": QCoreApplication.translate("labels", "Destroy"),
        "quarantine": QCoreApplication.translate("labels", "Quarantine"),
    }.get(code, code)


def refund_label(refund: str, amount: Decimal) -> str:
    money = QLocale().toCurrencyString(float(amount))
    return {
        "full": QCoreApplication.translate("labels", "full, {amount}").format(amount=money),
        "partial": QCoreApplication.translate(
            "labels", "partial, {amount} (restocking fee kept)"
        ).format(amount=money),
        "none": QCoreApplication.translate("labels", "none"),
    }.get(refund, refund)


def condition_label(code: str) -> str:
    return {
        "standard": QCoreApplication.translate("labels", "Standard"),
        "damaged": QCoreApplication.translate("labels", "Damaged"),
        "wrong_item": QCoreApplication.translate("labels", "Wrong item"),
        "missing_item": QCoreApplication.translate("labels", "Missing item"),
        "extra_item": QCoreApplication.translate("labels", "Extra item"),
        "serial_mismatch": QCoreApplication.translate("labels", "Serial mismatch"),
        "unidentified_parcel": QCoreApplication.translate("labels", "Unidentified parcel"),
    }.get(code, code)


def status_label(status: InspectionStatus, lead: bool) -> str:
    if status is InspectionStatus.AWAITING_LEAD or (lead and status is InspectionStatus.COMPLETED):
        return QCoreApplication.translate("labels", "⏸ Awaiting a lead")
    return {
        InspectionStatus.WAITING: QCoreApplication.translate("labels", "Waiting"),
        InspectionStatus.IN_PROGRESS: QCoreApplication.translate("labels", "▶ In progress"),
        InspectionStatus.COMPLETED: QCoreApplication.translate("labels", "✔ Decided"),
    }.get(status, status.value)


def exception_kind_label(kind: str) -> str:
    words = {
        "damaged": QCoreApplication.translate("ExceptionsPage", "Damaged"),
        "wrong_item": QCoreApplication.translate("ExceptionsPage", "Wrong item"),
        "missing_item": QCoreApplication.translate("ExceptionsPage", "Missing item"),
        "extra_item": QCoreApplication.translate("ExceptionsPage", "Extra item"),
        "unidentified_parcel": QCoreApplication.translate("ExceptionsPage", "Unidentified parcel"),
        "serial_mismatch": QCoreApplication.translate("ExceptionsPage", "Serial mismatch"),
        "over_receipt": QCoreApplication.translate("ExceptionsPage", "Over-receipt"),
        "policy_breach": QCoreApplication.translate("ExceptionsPage", "Outside the policy"),
        "suspected_fraud": QCoreApplication.translate("ExceptionsPage", "Suspected fraud"),
        "override": QCoreApplication.translate("ExceptionsPage", "Override"),
        "approval": QCoreApplication.translate("ExceptionsPage", "Approval"),
    }
    return words.get(kind, kind)


def reason_label(code: str) -> str:
    """The customer's return reason (the store platforms' codes)."""
    words = {
        "SIZE_TOO_SMALL": QCoreApplication.translate("ReceivePage", "Size too small"),
        "SIZE_TOO_LARGE": QCoreApplication.translate("ReceivePage", "Size too large"),
        "STYLE": QCoreApplication.translate("ReceivePage", "Style"),
        "COLOR": QCoreApplication.translate("ReceivePage", "Colour"),
        "NOT_AS_DESCRIBED": QCoreApplication.translate("ReceivePage", "Not as described"),
        "DEFECTIVE": QCoreApplication.translate("ReceivePage", "Defective"),
        "UNWANTED": QCoreApplication.translate("ReceivePage", "No longer wanted"),
        "WRONG_ITEM": QCoreApplication.translate("ReceivePage", "Wrong item sent"),
        "OTHER": QCoreApplication.translate("ReceivePage", "Other"),
        "UNKNOWN": QCoreApplication.translate("ReceivePage", "Unknown"),
    }
    return words.get(code, code.replace("_", " "))


def resolution_label(resolution: str) -> str:
    """A lead's decision as the core records it ("approved: …", "override to refurbish: …",
    "sent back for re-inspection: …", "linked to RMA-…"), in the station's language; a
    note written by the lead stays as written."""
    head, sep, note = resolution.partition(": ")
    if head == "approved":
        words = QCoreApplication.translate("labels", "approved")
    elif head == "sent back for re-inspection":
        words = QCoreApplication.translate("labels", "sent back for re-inspection")
    elif head.startswith("override to "):
        words = QCoreApplication.translate("labels", "disposition changed to {disposition}").format(
            disposition=disposition_label(head.removeprefix("override to "))
        )
    elif head.startswith("linked to ") and not sep:
        return QCoreApplication.translate("labels", "linked to {rma}").format(
            rma=head.removeprefix("linked to ")
        )
    else:
        return resolution
    return f"{words}{sep}{note}"
