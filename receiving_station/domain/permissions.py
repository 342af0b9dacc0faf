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


_RECEIVER = frozenset({Action.RECEIVE_PARCEL, Action.REGISTER_UNIDENTIFIED})
_INSPECTOR = _RECEIVER | {Action.INSPECT}
_LEAD = _INSPECTOR | {
    Action.IMPORT_RMAS,
    Action.APPROVE_POLICY_BREACH,
    Action.REVIEW_EXCEPTION,
    Action.RESOLVE_EXCEPTION,
}
_ADMIN = _LEAD | {Action.MANAGE_USERS, Action.EDIT_POLICY, Action.CONFIGURE_STATION}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.RECEIVER: _RECEIVER,
    Role.INSPECTOR: _INSPECTOR,
    Role.LEAD: _LEAD,
    Role.ADMIN: _ADMIN,
}


def can(user: User, action: Action) -> bool:
    return user.active and action in PERMISSIONS[user.role]


def require(user: User, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless ``user`` may perform ``action``."""
    if not can(user, action):
        raise PermissionDenied(user=user.display_name, role=user.role.value, action=action.value)
