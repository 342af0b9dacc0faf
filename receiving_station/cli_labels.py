"""The command line's label and sheet commands: one label to a file, a test print, the
demo's barcodes and the command barcodes on paper."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from receiving_station.config import Config
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
    from printing.renderer import TemplateRenderer
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
    renderer = TemplateRenderer(config.labels_dir)
    language = config.printer.language or config.language or "en"
    payload = renderer.render(
        args.template or config.printer.template, values, args.format, language
    )
    Path(args.output).write_bytes(payload)
    print(args.output)
    return 0


def print_test(config: Config, uri: str | None) -> int:
    from printing.renderer import TemplateRenderer
    from printing.transports import printer_for
    from receiving_station.bootstrap import station_clock
    from receiving_station.services.labels import LabelSettings, test_label

    printer_config = dataclasses.replace(config.printer, uri=uri) if uri else config.printer
    settings = LabelSettings(
        printer=printer_config.uri,
        template=printer_config.template,
        format=printer_config.resolved_format(),
        language=printer_config.language or config.language or "en",
    )
    printer = printer_for(printer_config.uri, settings.format)
    test_label(TemplateRenderer(config.labels_dir), settings, printer, station_clock(config).now())
    print(f"test label sent to {printer.uri} ({settings.format})")
    return 0


def demo_sheet(config: Config, output: Path) -> int:
    from printing.demo_sheet import write_demo_sheet
    from receiving_station.bootstrap import bootstrap

    app = bootstrap(config, demo_rmas=200)
    try:
        rmas = [app.services.lookup(f"RMA-00000{n}") for n in range(1, 5)]
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
    write_demo_sheet(
        output,
        "Receiving Station: demo barcodes",
        [
            ("Badges", badges),
            ("Return labels", parcels),
            ("Carrier labels", tracking),
            ("Items", items),
        ],
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

    write_command_sheet(
        Path(output),
        lambda cmd: (tr(COMMAND_HELP[cmd][0]), tr(COMMAND_HELP[cmd][1])),
        title=tr("Receiving Station: command barcodes"),
        letter=letter,
    )
    print(output)
    return 0


def evidence(config: Config, args: argparse.Namespace) -> int:
    """``receiving-station evidence KEY -o FILE.pdf``: the evidence pack, for a claim."""
    from receiving_station.bootstrap import bootstrap

    app = bootstrap(config)
    try:
        pdf, summary = app.services.evidence_pack(
            app.services.command_line("command line: evidence"), args.key, args.language or ""
        )
    finally:
        app.close()
    Path(args.output).write_bytes(pdf)
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
    app = bootstrap(config)
    try:
        actor = app.services.command_line("command line: report shift")
        pdf = app.services.shift_report(actor, day, args.language or "")
        Path(args.output).write_bytes(pdf)
        units = app.services.export_units(actor, day, Path(args.csv)) if args.csv else None
    finally:
        app.close()
    print(json.dumps({"day": day.isoformat(), "output": args.output, "units_csv": units}))
    return 0
