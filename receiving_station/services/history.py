"""Search and history for floor leads: find an RMA, a unit or an unidentified parcel by any
number on it (RMA, order, tracking, license plate, SKU, IN-/EX- reference) or by the
customer's name or e-mail, then read everything that happened to it, oldest first.

A search only finds exact numbers (a customer by part of the name): the dock never guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from receiving_station.domain.model import CASE, UNIT, parse_reference
from receiving_station.domain.permissions import Action
from receiving_station.errors import InvalidEntry, NotFound
from receiving_station.i18n import QT_TRANSLATE_NOOP
from receiving_station.ports import Hit, Scope, TimelineEntry, UnitOfWorkFactory
from receiving_station.services.context import Actor, load_actor

LIMIT = 200
"""At most this many hits: a search that finds more is too vague to read."""

F_SEARCH = QT_TRANSLATE_NOOP("errors", "Search")
P_EMPTY = QT_TRANSLATE_NOOP(
    "errors", "scan or type an RMA, order, tracking number, license plate, SKU or customer"
)
P_TOO_LONG = QT_TRANSLATE_NOOP("errors", "at most 200 characters")


@dataclass(frozen=True)
class History:
    kind: str
    """rma, unit or exception."""
    key: str
    entries: tuple[TimelineEntry, ...]
    lpns: tuple[str, ...]
    """The license plates whose labels can be printed again from here."""


def _clean(texts: Sequence[str]) -> list[str]:
    wanted: list[str] = []
    for text in texts:
        text = "".join(ch for ch in text if ch.isprintable()).strip()
        if len(text) > LIMIT:
            raise InvalidEntry(field=F_SEARCH, problem=P_TOO_LONG)
        if text and text.casefold() not in {w.casefold() for w in wanted}:
            wanted.append(text)  # numbers are matched in either case: one try is enough
    if not wanted:
        raise InvalidEntry(field=F_SEARCH, problem=P_EMPTY)
    return wanted


def search(uow_factory: UnitOfWorkFactory, actor: Actor, texts: Sequence[str]) -> list[Hit]:
    """What ``texts`` (what was typed, and each reading of a scan) find, most exact first.
    Nothing found is an empty list: the screen says so."""
    wanted = _clean(texts)
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.REVIEW_EXCEPTION)
        found: dict[tuple[str, str], Hit] = {}
        for text in wanted:
            for hit in uow.history.find(text, LIMIT):
                found.setdefault((hit.kind, hit.key), hit)
    return list(found.values())[:LIMIT]


def history(uow_factory: UnitOfWorkFactory, actor: Actor, kind: str, key: str) -> History:
    """Every event of an RMA (its parcels, units, labels and exceptions), of one unit, or
    of one exception, oldest first."""
    with uow_factory(readonly=True) as uow:
        load_actor(uow, actor, Action.REVIEW_EXCEPTION)
        scope: Scope | None = None
        prefix, number = parse_reference(key) or ("", 0)
        if kind == "rma":
            scope = uow.history.rma_scope(key)
        elif kind == "unit" and prefix == UNIT:
            scope = uow.history.unit_scope(number)
        elif kind == "exception" and prefix == CASE:
            scope = uow.history.exception_scope(number)
        if scope is None:
            raise NotFound(what=key)
        entries = list(uow.history.events(scope))
    if any(e.action == "receive" for e in entries):
        # The RMA's own "received" event says it; the parcel's line would repeat it.
        entries = [e for e in entries if e.action != "parcel.received"]
    return History(kind=kind, key=key, entries=tuple(entries), lpns=scope.lpns)
