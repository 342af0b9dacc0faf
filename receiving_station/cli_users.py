"""``receiving-station users add|list|deactivate|set-pin|unlock``: the admin's command line.

The acting admin is named with ``--admin USERNAME`` and proves it with their PIN (prompted,
or ``RS_ADMIN_PIN``). On an empty database the first user needs no admin, and must be one.
A new PIN is prompted twice, or read from ``RS_NEW_PIN``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from receiving_station.config import Config
from receiving_station.errors import InvalidEntry, StationError

if TYPE_CHECKING:
    from receiving_station.services.context import Actor
    from receiving_station.services.station import StationServices


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", help="people of the dock (admins)")
    users.add_argument("--admin", metavar="USERNAME", help="the admin acting")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["receiver", "inspector", "lead", "admin"])
    add.add_argument("--badge", required=True, metavar="BDG-...")
    add.add_argument("--language", choices=["en", "fr", ""], default="")
    actions.add_parser("list", help="list users")
    deactivate = actions.add_parser("deactivate", help="deactivate a user (never deleted)")
    deactivate.add_argument("username")
    pin = actions.add_parser("set-pin", help="set or reset a user's PIN")
    pin.add_argument("username")
    unlock = actions.add_parser(
        "unlock",
        help="lift a log-in lock-out (as --admin, a lead or an admin; else as the command line)",
    )
    who = unlock.add_mutually_exclusive_group(required=True)
    who.add_argument("username", nargs="?")
    who.add_argument("--station", metavar="NAME", help="lift a station's lock-out instead")


def _new_pin() -> str:
    if "RS_NEW_PIN" in os.environ:
        return os.environ["RS_NEW_PIN"]
    first = getpass.getpass("New PIN: ")
    if getpass.getpass("New PIN again: ") != first:
        raise SystemExit("receiving-station: the two PINs differ; nothing was saved")
    return first


def _unlock(services: StationServices, actor: Actor, args: argparse.Namespace) -> int:
    services.unlock(actor, username=args.username or "", station=args.station or "")
    print(f"{args.username or args.station}: lock-out lifted")
    return 0


def run(config: Config, args: argparse.Namespace) -> int:
    from receiving_station.bootstrap import bootstrap

    app = bootstrap(config)
    services = app.services
    try:
        with services.uow_factory(readonly=True) as uow:
            empty = uow.users.count() == 0
        if empty and args.users_command == "add":
            if args.role != "admin":
                raise InvalidEntry(field="Role", problem="the first user must be an admin")
            user = services.create_first_admin(
                args.username, args.name, args.badge, _new_pin(), args.language
            )
            print(f"{user.username} ({user.role.value}) created: the first admin")
            return 0
        if args.users_command == "unlock" and not args.admin:
            actor = services.command_line("command line: users unlock")
            return _unlock(services, actor, args)
        if not args.admin:
            print("receiving-station: name the admin acting with --admin USERNAME", file=sys.stderr)
            return 2
        pin = os.environ.get("RS_ADMIN_PIN") or getpass.getpass(f"PIN of {args.admin}: ")
        actor = services.login_pin(args.admin, pin).actor
        if args.users_command == "unlock":
            return _unlock(services, actor, args)
        if args.users_command == "list":
            for u in services.list_users(actor):
                state = "active" if u.active else "deactivated"
                role, badge = u.role.value, u.badge_code
                print(f"{u.username:16} {u.display_name:28} {role:10} {badge:14} {state}")
            return 0
        target = next((u for u in services.list_users(actor) if u.username == args.username), None)
        if args.users_command == "add":
            user = services.create_user(
                actor, args.username, args.name, args.role, args.badge, _new_pin(), args.language
            )
            print(f"{user.username} ({user.role.value}) created")
            return 0
        if target is None or target.id is None:
            print(f"receiving-station: no user {args.username}", file=sys.stderr)
            return 2
        if args.users_command == "deactivate":
            services.set_user_active(actor, target.id, target.version, False)
            print(f"{target.username} deactivated")
        else:
            services.set_user_pin(actor, target.id, target.version, _new_pin())
            print(f"{target.username}: PIN set")
        return 0
    except StationError as exc:
        print(f"receiving-station: {exc}", file=sys.stderr)
        return 2
    finally:
        app.close()
