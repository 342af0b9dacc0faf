"""The command line: ``receiving-station`` opens the station; sub-commands do the rest."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from receiving_station import cli_labels, cli_users
from receiving_station.config import Config, load_config
from receiving_station.config_secrets import check_database_url
from receiving_station.errors import StationError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="receiving-station",
        description="Returns-dock receiving station. Without a command, opens the station window.",
    )
    p.add_argument("--database", metavar="URL", help="database URL (overrides the configuration)")
    p.add_argument("--station", metavar="NAME", help="this station's name")
    p.add_argument(
        "--new-database",
        action="store_true",
        help="start afresh on purpose: where the embedded database file that held this "
        "station's data is missing, create a new empty one (the old file is not touched)",
    )
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
    db.add_argument(
        "--owner-url",
        metavar="URL",
        help="PostgreSQL: migrate as the role that owns the tables (default: "
        "RS_DATABASE_OWNER_URL), then grant the role of the station's own URL what a "
        "station needs",
    )
    demo = sub.add_parser("demo-data", help="add demo people, stations and RMAs")
    demo.add_argument("--rmas", type=int, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=7)
    evidence = sub.add_parser(
        "evidence", help="an evidence pack (PDF) for an RMA, order, tracking number or plate"
    )
    evidence.add_argument("key", metavar="RMA-OR-LPN")
    evidence.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    evidence.add_argument("--language", choices=["en", "fr"])
    report = sub.add_parser("report", help="the shift report (PDF) and the units (CSV)")
    report.add_argument("kind", choices=["shift"])
    report.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    report.add_argument("--csv", metavar="FILE.csv", help="also the day's units as CSV")
    report.add_argument("--language", choices=["en", "fr"])
    look = sub.add_parser("lookup", help="print as JSON what a scan resolves to")
    look.add_argument("text")
    classify = sub.add_parser(
        "classify", help="print one JSON object per scan text: what the station reads in it"
    )
    classify.add_argument("texts", nargs="*", metavar="TEXT")
    classify.add_argument(
        "--file", metavar="PATH", help="also classify each line of this file (as bytes)"
    )
    decode = sub.add_parser(
        "decode", help="print one JSON object per image: every barcode found in it"
    )
    decode.add_argument("images", nargs="+", metavar="IMAGE")
    decode.add_argument("--decoder", choices=["station", "zxing-cpp", "zbar"], default="station")
    imp = sub.add_parser("import", help="import RMAs from a store platform's file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--format",
        choices=["csv", "woocommerce", "shopify", "loop", "aftership"],
        help="default: detected from the file",
    )
    imp.add_argument("--language", choices=["en", "fr"], help="default: the station's")
    cli_users.add_parser(sub)
    wf = sub.add_parser("workflows", help="inspection workflows")
    wf_sub = wf.add_subparsers(dest="workflows_command", required=True)
    check = wf_sub.add_parser("check", help="validate a folder of workflow files")
    check.add_argument("path", nargs="?", help="default: the station's workflow folder")
    label = sub.add_parser("label", help="render one label to a file")
    label.add_argument("--lpn", required=True, help="the license plate number")
    label.add_argument("--template", help="default: the station's label template")
    label.add_argument("--format", choices=["pdf", "zpl", "png"], default="pdf")
    label.add_argument(
        "--field", action="append", default=[], metavar="NAME=VALUE", help="a field to print"
    )
    label.add_argument("-o", "--output", required=True, metavar="FILE")
    test = sub.add_parser("print-test", help="send a test label to a printer")
    test.add_argument("--printer", metavar="URI", help="default: the station's printer")
    demo_sheet = sub.add_parser(
        "demo-sheet", help="a PDF of the demo's barcodes, to try the station with a scanner"
    )
    demo_sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sheet = sub.add_parser("commands-sheet", help="write the command-barcode sheet as a PDF")
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sheet.add_argument("--language", choices=["en", "fr"], help="default: the station's")
    sheet.add_argument("--letter", action="store_true", help="US Letter instead of A4")
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
        check_database_url(args.database, "--database", "the command line")
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
        fresh = args.new_database
        return run_gui(lambda: bootstrap(config, demo_rmas=demo_rmas, new_database=fresh), config)
    if command == "db":
        from receiving_station.bootstrap import open_database, upgrade_as_owner

        owner_url = args.owner_url or os.environ.get("RS_DATABASE_OWNER_URL", "")
        as_owner = bool(owner_url) and args.action == "upgrade"
        if as_owner:
            key = "--owner-url" if args.owner_url else "RS_DATABASE_OWNER_URL"
            check_database_url(owner_url, key, "the command line")
            role = upgrade_as_owner(config, owner_url)
            print(f"granted to {role}: what a station needs" if role else "no role granted")
        engine = open_database(
            config,
            upgrade=args.action == "upgrade" and not as_owner,
            new_database=args.new_database,
        )
        from data.migrate import current_revision

        print(f"schema revision: {current_revision(engine)}")
        engine.dispose()
        return 0
    if command == "demo-data":
        from data.demo import seed_demo
        from receiving_station.bootstrap import open_database, station_clock

        engine = open_database(config, upgrade=True, new_database=args.new_database)
        started = time.perf_counter()

        def progress(done: int) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\r{done:,} / {args.rmas:,} RMAs ({rate:,.0f}/s)", end="", file=sys.stderr)

        today = station_clock(config).now().date()
        written = seed_demo(engine, args.rmas, today, seed=args.seed, progress=progress)
        print(file=sys.stderr)
        print(f"{written:,} demo RMAs written in {time.perf_counter() - started:.1f} s")
        engine.dispose()
        return 0
    if command == "lookup":
        from receiving_station.bootstrap import bootstrap

        app = bootstrap(config, new_database=args.new_database)
        try:
            who = app.services.command_line("command line: lookup")
            view = app.services.lookup(who, args.text)
        finally:
            app.close()
        print(json.dumps(_jsonable(view), ensure_ascii=False, indent=2))
        return 0
    if command == "classify":
        return _classify(config, args.texts, args.file)
    if command == "decode":
        return _decode(args.images, args.decoder)
    if command == "import":
        return _import(config, Path(args.file), args.format, args.language or config.language)
    if command == "users":
        return cli_users.run(config, args)
    if command == "workflows":
        return _workflows_check(Path(args.path) if args.path else config.workflows_dir)
    if command == "label":
        return cli_labels.label(config, args)
    if command == "evidence":
        return cli_labels.evidence(config, args)
    if command == "report":
        return cli_labels.shift_report(config, args)
    if command == "print-test":
        return cli_labels.print_test(config, args.printer)
    if command == "demo-sheet":
        return cli_labels.demo_sheet(config, Path(args.output))
    if command == "commands-sheet":
        return cli_labels.commands_sheet(args.output, args.language or config.language, args.letter)
    raise AssertionError(command)


def _classify(config: Config, texts: list[str], file: str | None) -> int:
    from scanners.classifier import ScanClassifier

    classifier = ScanClassifier.from_config(config.scanner)
    inputs: list[str | bytes] = list(texts)
    if file is not None:
        from receiving_station.files import read_limited

        data = read_limited(Path(file), 64 * 1024 * 1024)  # FileNotRead: a message, exit 2
        inputs += [line for line in data.splitlines() if line.strip()]
    if not inputs:
        print("receiving-station: nothing to classify (give TEXT or --file)", file=sys.stderr)
        return 2
    unreadable = 0
    for raw in inputs:
        scan = classifier.classify(raw)
        unreadable += not scan.readable
        out = {
            "kind": scan.kind.value,
            "text": scan.text,
            "carrier": scan.carrier or None,
            "symbology": scan.symbology or None,
            "fields": dict(scan.fields),
            "alternatives": [
                {"kind": a.kind.value, "text": a.text, "carrier": a.carrier or None}
                for a in scan.alternatives
            ],
            "read": scan.raw,
        }
        if scan.problem:
            out["problem"] = scan.problem
        print(json.dumps(out, ensure_ascii=False))
    return 1 if unreadable else 0


def _decode(images: list[str], decoder_name: str) -> int:
    from scanners.classifier import ScanClassifier
    from scanners.decode import DECODERS, UnreadableImage, read_image

    decoder = DECODERS[decoder_name]
    classifier = ScanClassifier()
    failed = 0
    for name in images:
        try:
            image = read_image(Path(name))
        except UnreadableImage as exc:
            failed += 1
            print(f"receiving-station: {exc}", file=sys.stderr)
            print(json.dumps({"file": name, "error": str(exc)}, ensure_ascii=False))
            continue
        codes = []
        for code in decoder(image):
            scan = classifier.classify(code.text)
            codes.append(
                {
                    "text": code.data,
                    "symbology": code.symbology,
                    "symbology_identifier": code.text[:3] if code.text.startswith("]") else None,
                    "kind": scan.kind.value,
                    "value": scan.text,
                    "fields": dict(scan.fields),
                    "points": [list(p) for p in code.points],
                    "decoder": code.decoder,
                }
            )
        print(json.dumps({"file": name, "codes": codes}, ensure_ascii=False))
    return 2 if failed else 0


class _Progress:
    """The import's progress on stderr: a bar redrawn in place on a terminal, a plain line
    every tenth otherwise (a log, a pipe, cron's mail); small files show none."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.open = False
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < 200:
            return
        if self.tty:
            filled = 30 * done // total
            bar = "█" * filled + "·" * (30 - filled)
            print(f"\r{bar} {done:,} / {total:,} RMAs", end="", file=self.stream, flush=True)
            self.open = True
        elif (tenth := 10 * done // total) > self.shown:
            self.shown = tenth
            print(f"{done:,} / {total:,} RMAs", file=self.stream, flush=True)

    def close(self) -> None:
        """Ends the bar's line, so that what follows starts a line of its own."""
        if self.open:
            print(file=self.stream, flush=True)
            self.open = False


def _import(config: Config, file: Path, fmt: str | None, language: str) -> int:
    """Import a file; what it did and each problem are said in ``language`` (empty: English,
    as the station's documents)."""
    from receiving_station.bootstrap import bootstrap
    from receiving_station.i18n import QT_TRANSLATE_NOOP
    from receiving_station.intake.read import read_file
    from receiving_station.services.importing import import_rmas
    from ui.languages import translator_for

    words = translator_for(language or "en")

    parsed = read_file(file, fmt)
    app = bootstrap(config)
    progress = _Progress()
    try:
        services = app.services
        report = import_rmas(
            services.uow_factory,
            parsed,
            services.clock.now(),
            services.window_days,
            progress=progress,
            actor=services.command_line("command line: import"),
        )
    finally:
        progress.close()
        app.close()
    for problem in report.problems:
        print(f"✖ {file.name}, {problem.describe(words)}", file=sys.stderr)
    summary = QT_TRANSLATE_NOOP(
        "import",
        "{file} ({format}): {created} created, {updated} updated, {unchanged} unchanged, "
        "{problems} problem(s)",
    )
    unknown = QT_TRANSLATE_NOOP("import", "unknown format")
    print(
        words("import", summary).format(
            file=file.name,
            format=report.format or words("import", unknown),
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
            problems=len(report.problems),
        )
    )
    return 0 if report.ok else 1


def _workflows_check(folder: Path) -> int:
    from workflows.store import check_folder

    if not folder.is_dir():
        print(f"receiving-station: {folder} is not a folder", file=sys.stderr)
        return 2
    library, errors = check_folder(folder)
    for error in errors:
        print(f"✖ {error}", file=sys.stderr)
    for wf in sorted(library.workflows.values(), key=lambda w: w.id):
        print(f"  {wf.source}: {wf.id} v{wf.version}, {len(wf.steps)} steps ({wf.condition})")
    grades = ", ".join(g.code for g in library.scale.grades)
    rules = len(library.rules.rules) if library.rules else 0
    print(f"{len(library.workflows)} workflows, grades {grades}, {rules} rules: ", end="")
    print(f"{len(errors)} error(s)" if errors else "all good")
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except StationError as exc:
        print(f"receiving-station: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        typed = _database_failure(exc, args)
        if typed is None:
            raise
        print(f"receiving-station: {typed}", file=sys.stderr)
        return 2


def _database_failure(exc: Exception, args: argparse.Namespace) -> StationError | None:
    """A database failure met outside a unit of work (demo data, an import), in its words."""
    from sqlalchemy.exc import DBAPIError

    from data.dberrors import database_error

    if not isinstance(exc, DBAPIError):
        return None
    try:
        url = _config(args).database_url
    except StationError:
        url = args.database or "sqlite://"
    return database_error(exc, url)
