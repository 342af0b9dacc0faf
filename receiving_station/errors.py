"""Typed errors: the environment failed, a rule refused, or the configuration is wrong.

Every error the person at the dock may see carries a ``template`` (English, marked for
translation) and named ``params``. ``str(error)`` renders it in English for the command line
and the logs; the UI translates the template and formats the params for its locale.
Anything that is not a :class:`StationError` is a bug.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from receiving_station.i18n import QT_TRANSLATE_NOOP


def _plain(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


class StationError(Exception):
    """An error with a message for the person at the dock: what happened, what to do."""

    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "Something went wrong.")

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.render())

    def render(self) -> str:
        return self.template.format(**{k: _plain(v) for k, v in self.params.items()})


class RuleViolation(StationError):
    """A business rule refused the action. Nothing was changed."""


class EnvironmentFailure(StationError):
    """Something outside the program failed (database, printer). Work is kept."""


class ConfigError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Configuration: {key} must be {expected} (found {found!r}) in {source}."
    )


class DefinitionError(StationError):
    """A workflow, grading or rules file that is not right; the working version stays."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "{file}: {where}{field} must be {expected} (found {found}). "
        "The previous version stays in use until this is fixed.",
    )


class DatabaseUnavailable(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database cannot be reached ({detail}). Your work is kept on this station; "
        "check the network cable or call IT, then try again.",
    )


# What the database did, each with its own words. They are all DatabaseUnavailable, so
# whatever shows "database down" keeps doing so; only the unreachable server (the base
# class) speaks of the network.


class DatabaseDiskFull(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The disk that holds the database is full ({where}). Nothing more was saved. "
        "Free some space on it (or call IT), then try again.",
    )


class DatabaseDamaged(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} is damaged ({detail}). The station stops writing to it. "
        "Close the station, have IT restore the file from the last backup, then start again.",
    )


class DatabaseDamagedAtStart(DatabaseDamaged):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} is damaged ({detail}). The station does not open it. Have IT "
        "restore the file from the last backup, then start the station again.",
    )


class DatabaseFileMissing(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database file {where} was deleted while the station was running. Nothing was "
        "saved. Close the station, put the file back from the backup (or from the station's "
        "data folder), then start again.",
    )


class DatabaseFileReplaced(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database file {where} was replaced by another file while the station was "
        "running. Nothing was saved. Close the station, put the right file back from the "
        "backup (or from the station's data folder), then start again.",
    )


class DatabaseMissingAtStart(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database file {where} is missing; it held this station's data on {when}. The "
        "station does not start on a new empty database. Put the file back from the backup "
        "(or from the station's data folder), then start again. To start afresh on purpose, "
        "start once with 'receiving-station --new-database'.",
    )


class AuditTrailUnprotected(EnvironmentFailure):
    """The triggers that keep the audit trail append-only are gone or switched off."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} no longer protects its audit trail ({missing} missing or "
        "switched off): someone changed it outside the station, and the record of who did "
        "what may have been rewritten. The station does not open it. Have IT restore the "
        "database from the last backup, then start the station again.",
    )


class DatabaseReadOnly(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} is read-only for this station ({detail}). Nothing was saved. "
        "Ask IT to let the station write to the file and its folder, then try again.",
    )


class DatabaseLocked(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {where} stayed locked by another program for too long ({detail}). "
        "Nothing was saved. Close the other program (a backup, a second station window), "
        "then try again.",
    )


class DatabaseLoginRefused(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database server {where} refused the station's log-in ({detail}). Nothing was "
        "saved. An admin checks the user name and password of the database URL in the "
        "station's configuration.",
    )


class DatabaseFileError(DatabaseUnavailable):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database file {where} cannot be used ({detail}). Nothing was saved. "
        "Check the disk and the file (or call IT), then try again.",
    )


class DeviceUnavailable(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The {device} is not available ({detail}). Everything else keeps working; "
        "check its cable and the station settings.",
    )


class ScannerLayoutMismatch(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The scanner types for a US keyboard, but this PC has a French (AZERTY) keyboard: "
        "{text} is probably {meant}. Set the scanner to the PC's keyboard (scan the "
        "'France' or 'Belgium' keyboard code in its set-up guide), then scan again.",
    )


class NotReceivedYet(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "{rma} has not been received yet. Receive the parcel first, then inspect it."
    )


class NotAProduct(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{text} is not a product code, SKU or serial number. Scan the barcode on the item "
        "or its label.",
    )


class InspectionFinished(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "{ref} is already finished; its answers can no longer change."
    )


class UnitsInProgress(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Units of this parcel are still being inspected ({refs}). Finish them first.",
    )


class CorruptPhoto(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Photo {ref} does not match its checksum: it was damaged in storage. Take it again.",
    )


class FileNotWritten(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} cannot be written ({detail}). Choose another folder and try again."
    )


class BadPhoto(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "This photo cannot be used: {reason}. Nothing was saved."
    )


class LabelDoesNotFit(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The label's {field} ({value}) does not fit, even in small print. The label was not "
        "printed; a lead checks the template.",
    )


class PrinterUnavailable(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer} does not answer ({detail}). The label is kept in the print "
        "queue and printed when it is back; the decision is saved.",
    )


class PrintCutShort(EnvironmentFailure):
    """The printer hung up before confirming the whole label: a cut label, printed again."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer} broke off the connection ({detail}) before confirming the label "
        "({sent} of {total} bytes had reached it): the label may be cut short. It stays in "
        "the print queue and is sent again.",
    )


class PrinterNotReady(EnvironmentFailure):
    """A Zebra printer said, before any label was sent, that it cannot print."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer} cannot print: {condition}. Nothing was sent; fix the printer "
        "and the label is sent again.",
    )


class PrintOutcomeUnknown(EnvironmentFailure):
    """The printer took every byte but never finished the connection: it may have printed."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer} took the label but did not finish the connection within "
        "{seconds} s: check whether it printed, then mark it printed or reprint it.",
    )


class PrintInterrupted(EnvironmentFailure):
    """The program stopped while a label was being sent: whether it printed is not known."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The station stopped while this label was being sent to {printer}: check whether it "
        "printed, then mark it printed or reprint it.",
    )


class LabelNotInDoubt(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The label {lpn} is no longer in doubt: someone already settled it. Nothing was changed.",
    )


class NotDelivered(EnvironmentFailure):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The message to {recipient} was not delivered ({detail}). It stays in the outbox and "
        "is sent again later.",
    )


class InvalidEntry(RuleViolation):
    template = QT_TRANSLATE_NOOP("errors", "{field}: {problem}. Nothing was saved.")


class BadAnswer(RuleViolation):
    template = QT_TRANSLATE_NOOP("errors", "{step}: {problem}. Nothing was saved.")


class InspectionIncomplete(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "The inspection cannot be completed yet: {step}: {problem}."
    )


class BadScan(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "This scan cannot be read ({text}): {reason}. Scan it again."
    )


class UnknownScan(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Nothing matches {text}. Check the label, type the RMA or order number, "
        "or register the parcel as unidentified.",
    )


class UnknownLicensePlate(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "License plate {text} is not known here. Check that the label belongs to this site.",
    )


class AlreadyReceived(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "RMA {rma} was already received by {user} at {station} on {when}. "
        "Do not receive it again; put the parcel with its first receipt.",
    )


class PolicyBreach(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "RMA {rma}: {reason}. A lead must approve before this parcel is received."
    )


class LeadApprovalRefused(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{user} cannot approve: only an active lead or admin, with their badge and PIN, "
        "can. Nothing was received.",
    )


class DecisionNeedsPin(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{ref}: {why} needs the deciding lead's badge and PIN, typed now. Nothing was changed.",
    )


class DecisionRefused(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{user} cannot decide this: only an active lead or admin, with their badge and PIN, "
        "can. Nothing was changed.",
    )


class PermissionDenied(RuleViolation):
    template = QT_TRANSLATE_NOOP("errors", "{user} ({role}) may not {action}. Ask a lead.")


class IllegalTransition(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{entity} cannot go from {current} to {target}; "
        "from {current} it can only go to {allowed}.",
    )


class HeldByOther(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{what} is being handled by {user} at {station} since {when}. "
        "Work on another parcel, or ask them to release it.",
    )


class StaleRecord(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{what} was changed at another station while you had it open. "
        "Your change was not saved; reload it and try again.",
    )


class LoginRefused(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "Log-in refused: {reason}. Scan your badge again or ask a lead."
    )


class ApprovalPinRefused(LoginRefused):
    """A lead's badge and PIN typed for an approval or a decision, refused."""

    template = QT_TRANSLATE_NOOP("errors", "Not approved: {reason}. Nothing was changed.")


class LoginLocked(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{user} is locked out after {failures} wrong PINs in a row, until {until}. "
        "A lead or an admin can lift it now (Dashboard or Users page, or: "
        "receiving-station users unlock {username}).",
    )


class StationLoginLocked(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Log-in at {station} is locked after {failures} failed tries in a row, until "
        "{until}. A lead or an admin can lift it now (Dashboard or Users page, or: "
        "receiving-station users unlock --station {station}).",
    )


class LoginTooQuick(RuleViolation):
    """A try that came before the delay after the last failure was over: not checked, not
    counted."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Too quick: wait {seconds} s before typing the PIN again. This try was not checked.",
    )


class PinNeeded(RuleViolation):
    template = QT_TRANSLATE_NOOP(
        "errors", "{user} ({role}) logs in with a badge and a PIN: type your PIN."
    )


class NotFound(RuleViolation):
    template = QT_TRANSLATE_NOOP("errors", "{what} was not found.")


class NotLoggedIn(RuleViolation):
    template = QT_TRANSLATE_NOOP("errors", "Nobody is logged in at this station. Scan your badge.")


class DuplicateReceipt(RuleViolation):
    """Raised by the data layer when an RMA already has a receipt; the use case turns it
    into :class:`AlreadyReceived` with who, where and when."""

    template = QT_TRANSLATE_NOOP("errors", "RMA {rma_id} already has a receipt.")


class FileNotRead(RuleViolation):
    """A file given to the station (configuration, definition, photo) it will not read."""

    template = QT_TRANSLATE_NOOP("errors", "{path} cannot be read: {reason}. Nothing was saved.")


class FileTooLarge(FileNotRead):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is larger than {limit}, the most the station reads from such a file. "
        "Nothing was saved.",
    )
