"""The command line's label and sheet commands: one label to a file, a test print, the
demo's barcodes and the command barcodes on paper."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from receiving_station.config import Config, check_printer_uri
from receiving_station.errors import FileNotWritten
from receiving_station.files import check_writable, write_atomic
from receiving_station.i18n import QT_TRANSLATE_NOOP

COMMAND_HELP = {
    "DONE": (
        QT_TRANSLATE_NOOP("commands", "Done"),
        QT_TRANSLATE_NOOP("commands", "Receive the parcel / finish the step"),
    ),
    "NEXT": (
        QT_TRANSLATE_NOOP("commands", "Next"),
        QT_TRANSLATE_NOOP("commands", "Go to the next step or unit"),
    ),
    "BACK": (
        QT_TRANSLATE_NOOP("commands", "Back"),
        QT_TRANSLATE_NOOP("commands", "Go back one step"),
    ),
    "SKIP": (
        QT_TRANSLATE_NOOP("commands", "Skip"),
        QT_TRANSLATE_NOOP("commands", "Skip a step that allows it"),
    ),
    "PHOTO": (
        QT_TRANSLATE_NOOP("commands", "Photo"),
        QT_TRANSLATE_NOOP("commands", "Take a photo with the station camera"),
    ),
    "REPRINT": (
        QT_TRANSLATE_NOOP("commands", "Reprint"),
        QT_TRANSLATE_NOOP("commands", "Print the last label again"),
    ),
    "CANCEL": (
        QT_TRANSLATE_NOOP("commands", "Cancel"),
        QT_TRANSLATE_NOOP("commands", "Clear the screen, keep nothing unsaved"),
    ),
}


def label(config: Config, args: argparse.Namespace) -> int:
    from printing.renderer import configured_renderer
    from receiving_station.domain.checkdigits import license_plate_ok

    if not license_plate_ok(args.lpn):
        print(
            f"receiving-station: {args.lpn} is not a license plate (LP, 9 digits and a check "
            "digit): the check digit is wrong or the form is",
            file=sys.stderr,
        )
        return 2
    values = {"lpn": args.lpn}
    for item in args.field:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"receiving-station: --field takes NAME=VALUE, not {item!r}", file=sys.stderr)
            return 2
        values[name] = value
    output = Path(args.output)
    check_writable(output)
    renderer = configured_renderer(config.labels_dir, config.printer.template, config.source)
    if args.template:
        renderer.require(args.template, "--template", "the command line")
    language = config.printer.language or config.language or "en"
    payload = renderer.render(
        args.template or config.printer.template, values, args.format, language
    )
    write_atomic(output, payload)
    print(args.output)
    return 0


def print_test(config: Config, uri: str | None) -> int:
    from printing.renderer import configured_renderer
    from printing.transports import printer_for
    from receiving_station.bootstrap import station_clock
    from receiving_station.services.labels import LabelSettings, test_label

    if uri is not None:
        check_printer_uri(uri, "--printer", "the command line")
    printer_config = dataclasses.replace(config.printer, uri=uri) if uri else config.printer
    settings = LabelSettings(
        printer=printer_config.uri,
        template=printer_config.template,
        format=printer_config.resolved_format(),
        language=printer_config.language or config.language or "en",
    )
    printer = printer_for(printer_config.uri, settings.format)
    renderer = configured_renderer(config.labels_dir, config.printer.template, config.source)
    test_label(renderer, settings, printer, station_clock(config).now())
    print(f"test label sent to {printer.uri} ({settings.format})")
    return 0


def demo_sheet(config: Config, output: Path) -> int:
    from printing.demo_sheet import write_demo_sheet
    from receiving_station.bootstrap import bootstrap

    check_writable(output)
    app = bootstrap(config, demo_rmas=200)
    try:
        who = app.services.command_line("command line: demo-sheet")
        rmas = [app.services.lookup(who, f"RMA-00000{n}") for n in range(1, 5)]
    finally:
        app.close()
    badges = [
        ("Alice, receiver", "BDG-1001"),
        ("Bruno, inspector", "BDG-1002"),
        ("Chloé, lead", "BDG-1003"),
    ]
    parcels = [(f"RMA {r.number}", r.number) for r in rmas]
    tracking = [
        (f"Carrier label of {r.number}", r.tracking_numbers[0]) for r in rmas if r.tracking_numbers
    ]
    items = [
        (f"{line.sku} {line.description} ({r.number})", line.gtin)
        for r in rmas[:2]
        for line in r.lines
        if line.gtin
    ]
    sections = [
        ("Badges", badges),
        ("Return labels", parcels),
        ("Carrier labels", tracking),
        ("Items", items),
    ]
    write_atomic(
        output, lambda part: write_demo_sheet(part, "Receiving Station: demo barcodes", sections)
    )
    print(output)
    return 0


def commands_sheet(output: str, language: str, letter: bool) -> int:
    from PySide6.QtCore import QCoreApplication

    from printing.command_sheet import write_command_sheet
    from ui.app import install_translations

    app = QCoreApplication.instance() or QCoreApplication([])
    install_translations(app, language)

    def tr(text: str) -> str:
        return QCoreApplication.translate("commands", text)

    write_atomic(
        Path(output),
        lambda part: write_command_sheet(
            part,
            lambda cmd: (tr(COMMAND_HELP[cmd][0]), tr(COMMAND_HELP[cmd][1])),
            title=tr("Receiving Station: command barcodes"),
            letter=letter,
        ),
    )
    print(output)
    return 0


def evidence(config: Config, args: argparse.Namespace) -> int:
    """``receiving-station evidence KEY -o FILE.pdf``: the evidence pack, for a claim."""
    from receiving_station.bootstrap import bootstrap

    check_writable(Path(args.output))
    app = bootstrap(config)
    try:
        pdf, summary = app.services.evidence_pack(
            app.services.command_line("command line: evidence"), args.key, args.language or ""
        )
    finally:
        app.close()
    write_atomic(Path(args.output), pdf)
    print(json.dumps({**summary, "output": args.output}, ensure_ascii=False))
    return 0


def shift_report(config: Config, args: argparse.Namespace) -> int:
    """``receiving-station report shift [--date D] -o FILE.pdf [--csv FILE.csv]``."""
    from datetime import date

    from receiving_station.bootstrap import bootstrap, station_clock

    try:
        day = date.fromisoformat(args.date) if args.date else station_clock(config).now().date()
    except ValueError:
        print(f"receiving-station: --date takes YYYY-MM-DD, not {args.date!r}", file=sys.stderr)
        return 2
    check_writable(Path(args.output))
    if args.csv:
        check_writable(Path(args.csv))
    app = bootstrap(config)
    try:
        actor = app.services.command_line("command line: report shift")
        pdf = app.services.shift_report(actor, day, args.language or "")
        output, new = Path(args.output), not Path(args.output).exists()
        write_atomic(output, pdf)
        try:
            units = app.services.export_units(actor, day, Path(args.csv)) if args.csv else None
        except FileNotWritten:
            if new:  # the command did nothing, as it says: no report without its units
                output.unlink(missing_ok=True)
            raise
    finally:
        app.close()
    print(json.dumps({"day": day.isoformat(), "output": args.output, "units_csv": units}))
    return 0
