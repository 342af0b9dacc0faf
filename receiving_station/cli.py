"""The command line: ``receiving-station`` opens the station; sub-commands do the rest."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from receiving_station.config import Config, load_config
from receiving_station.errors import StationError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="receiving-station",
        description="Returns-dock receiving station. Without a command, opens the station window.",
    )
    p.add_argument("--database", metavar="URL", help="database URL (overrides the configuration)")
    p.add_argument("--station", metavar="NAME", help="this station's name")
    sub = p.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="open the station window (the default)")
    gui.add_argument(
        "--demo-data",
        type=int,
        default=0,
        metavar="N",
        help="on an empty database, first fill in demo data with N RMAs",
    )
    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade", "revision"])
    demo = sub.add_parser("demo-data", help="add demo people, stations and RMAs")
    demo.add_argument("--rmas", type=int, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=7)
    look = sub.add_parser("lookup", help="print as JSON what a scan resolves to")
    look.add_argument("text")
    return p


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _config(args: argparse.Namespace) -> Config:
    config = load_config()
    if args.database:
        config = dataclasses.replace(config, database_url=args.database)
    if args.station:
        config = dataclasses.replace(config, station_name=args.station.upper())
    return config


def _run(args: argparse.Namespace) -> int:
    config = _config(args)
    command = args.command or "gui"
    if command == "gui":
        from receiving_station.bootstrap import bootstrap
        from ui.app import run_gui

        demo_rmas = getattr(args, "demo_data", 0)
        return run_gui(lambda: bootstrap(config, demo_rmas=demo_rmas), config)
    if command == "db":
        from receiving_station.bootstrap import open_database

        engine = open_database(config, upgrade=args.action == "upgrade")
        from data.migrate import current_revision

        print(f"schema revision: {current_revision(engine)}")
        engine.dispose()
        return 0
    if command == "demo-data":
        from data.demo import seed_demo
        from receiving_station.bootstrap import open_database

        engine = open_database(config, upgrade=True)
        started = time.perf_counter()

        def progress(done: int) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\r{done:,} / {args.rmas:,} RMAs ({rate:,.0f}/s)", end="", file=sys.stderr)

        written = seed_demo(engine, args.rmas, date.today(), seed=args.seed, progress=progress)
        print(file=sys.stderr)
        print(f"{written:,} demo RMAs written in {time.perf_counter() - started:.1f} s")
        engine.dispose()
        return 0
    if command == "lookup":
        from receiving_station.bootstrap import bootstrap

        app = bootstrap(config)
        try:
            view = app.services.lookup(args.text)
        finally:
            app.close()
        print(json.dumps(_jsonable(view), ensure_ascii=False, indent=2))
        return 0
    raise AssertionError(command)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except StationError as exc:
        print(f"receiving-station: {exc}", file=sys.stderr)
        return 2
