"""Who may do what. Checked in the use cases, whatever the UI shows or hides."""

from __future__ import annotations

from enum import StrEnum

from receiving_station.domain.model import Role, User
from receiving_station.errors import PermissionDenied
from receiving_station.i18n import QT_TRANSLATE_NOOP


class Action(StrEnum):
    RECEIVE_PARCEL = QT_TRANSLATE_NOOP("errors", "receive parcels")
    REGISTER_UNIDENTIFIED = QT_TRANSLATE_NOOP("errors", "register unidentified parcels")
    INSPECT = QT_TRANSLATE_NOOP("errors", "inspect items")
    APPROVE_POLICY_BREACH = QT_TRANSLATE_NOOP(
        "actions", "approve a parcel outside the return policy"
    )
    REVIEW_EXCEPTION = QT_TRANSLATE_NOOP("errors", "review exceptions")
    RESOLVE_EXCEPTION = QT_TRANSLATE_NOOP("errors", "resolve exceptions")
    MANAGE_USERS = QT_TRANSLATE_NOOP("errors", "manage users")
    IMPORT_RMAS = QT_TRANSLATE_NOOP("errors", "import RMAs")
    EDIT_POLICY = QT_TRANSLATE_NOOP("errors", "change the return policy")
    CONFIGURE_STATION = QT_TRANSLATE_NOOP("errors", "change this station's settings")
    READ_CUSTOMER_DATA = QT_TRANSLATE_NOOP(
        "errors", "read customers' data (photos, messages, evidence)"
    )
    UNLOCK_LOGIN = QT_TRANSLATE_NOOP("errors", "lift a log-in lock-out")


_RECEIVER = frozenset({Action.RECEIVE_PARCEL, Action.REGISTER_UNIDENTIFIED})
_INSPECTOR = _RECEIVER | {Action.INSPECT, Action.READ_CUSTOMER_DATA}
_LEAD = _INSPECTOR | {
    Action.UNLOCK_LOGIN,
    Action.IMPORT_RMAS,
    Action.APPROVE_POLICY_BREACH,
    Action.REVIEW_EXCEPTION,
    Action.RESOLVE_EXCEPTION,
}
_ADMIN = _LEAD | {Action.MANAGE_USERS, Action.EDIT_POLICY, Action.CONFIGURE_STATION}

# The command line, run by whoever can reach the database: what its commands do, no more.
_SYSTEM = frozenset(
    {Action.IMPORT_RMAS, Action.REVIEW_EXCEPTION, Action.READ_CUSTOMER_DATA, Action.UNLOCK_LOGIN}
)

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.RECEIVER: _RECEIVER,
    Role.INSPECTOR: _INSPECTOR,
    Role.LEAD: _LEAD,
    Role.ADMIN: _ADMIN,
    Role.SYSTEM: _SYSTEM,
}


def can(user: User, action: Action) -> bool:
    return user.active and action in PERMISSIONS[user.role]


def require(user: User, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless ``user`` may perform ``action``."""
    if not can(user, action):
        raise PermissionDenied(user=user.display_name, role=user.role.value, action=action.value)
