"""Screenshots of the station's screens, on a demo database, for the README.

Run under a real X server (``make screenshots`` starts Xvfb): ``python scripts/screenshots.py OUT``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from receiving_station.bootstrap import bootstrap
from receiving_station.config import load_config
from receiving_station.errors import StationError
from ui.app import apply_style, install_translations
from ui.crash import CrashBoundary
from ui.main_window import MainWindow
from ui.theme import stylesheet


def settle(app: QApplication, ms: int = 400) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(app.quit)
    timer.start(ms)
    app.exec()


def label_video(path: Path, text: str) -> Path:
    """A short video of a return label held under the camera: a slightly turned white label
    with a QR code on a grey bench."""
    import cv2
    import numpy as np
    import zxingcpp

    qr = np.array(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=9))
    label = np.full((420, 620), 255, np.uint8)
    label[60 : 60 + qr.shape[0], 40 : 40 + qr.shape[1]] = qr
    cv2.putText(label, text, (330, 180), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.putText(label, "RETURN", (330, 240), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 0, 3)
    frame = np.full((720, 1280), 120, np.uint8)
    frame[150:570, 330:950] = label
    m = cv2.getRotationMatrix2D((640, 360), 8, 1.0)
    frame = cv2.warpAffine(frame, m, (1280, 720), borderValue=120)
    bgr = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, (1280, 720))
    for _ in range(600):
        writer.write(bgr)
    writer.release()
    return path


def inspect_screens(
    app: QApplication, window: MainWindow, station: Any, out: Path, lang: str
) -> None:
    """An inspector's screens: a step with its guidance and reference image, the grade, the
    summary with the proposal, a photo step of the damaged workflow."""
    services = station.services
    alice = services.login_badge("BDG-1001").actor
    rma = services.lookup(services.command_line("screenshots"), "RMA-000001")
    services.receive(alice, [rma.id])
    window.session.run(
        lambda: services.login_badge("BDG-1002"), window._on_logged_in, window._on_login_failed
    )
    settle(app)
    page = window.inspect_page
    page.handle_scan("RMA-000001")
    settle(app)
    page.handle_scan(rma.lines[0].gtin)
    settle(app)
    window.grab().save(str(out / f"inspect-step-{lang}.png"))

    for answer in ("yes", "no", "no", "no", "no"):
        page._step("answer", answer)
        settle(app, 250)
    window.grab().save(str(out / f"inspect-grade-{lang}.png"))
    page._step("answer", "B")
    settle(app, 250)
    photo = QImage(640, 480, QImage.Format.Format_RGB888)
    photo.fill(QColor("#8a9bb0"))
    photo_path = Path(tempfile.mkdtemp(prefix="rs-shots-photo-")) / "unit.jpg"
    photo.save(str(photo_path), "JPEG")
    page.add_photo_file(str(photo_path))
    settle(app, 400)
    page._step("skip")
    settle(app, 250)
    page._step("skip")
    settle(app, 400)
    window.grab().save(str(out / f"inspect-summary-{lang}.png"))
    page.steps.completed.emit("", "")
    settle(app, 800)
    window.grab().save(str(out / f"inspect-label-{lang}.png"))


def capture_screen(
    app: QApplication, window: MainWindow, station: Any, out: Path, lang: str
) -> None:
    """A damaged unit's photo step, the camera beside it: one photo taken from the camera."""
    services = station.services
    window.session.run(
        lambda: services.login_badge("BDG-1002"), window._on_logged_in, window._on_login_failed
    )
    settle(app)
    page = window.inspect_page
    window.show_page(page)
    page.handle_scan("RMA-000001")
    settle(app)
    page.damaged.setChecked(True)
    page.handle_scan(
        services.lookup(services.command_line("screenshots"), "RMA-000001").lines[1].gtin
    )
    settle(app, 800)
    page.photo_from_camera()
    settle(app, 1200)
    window.grab().save(str(out / f"inspect-damaged-{lang}.png"))


def damaged_unit(services: Any) -> None:
    """A unit that arrived damaged, inspected to the end: it waits for a lead."""
    import cv2
    import numpy as np

    from workflows.definition import StepKind

    picture = np.full((720, 1280, 3), 200, np.uint8)
    cv2.rectangle(picture, (300, 160), (980, 560), (60, 90, 160), -1)
    cv2.line(picture, (420, 200), (760, 520), (20, 20, 20), 9)  # the crack
    jpeg = bytes(cv2.imencode(".jpg", picture)[1].tobytes())
    alice = services.login_badge("BDG-1001").actor
    bruno = services.login_badge("BDG-1002").actor
    for n in range(5, 40):  # the first open return in its window, not yet received
        rma = services.lookup(bruno, f"RMA-{n:06d}")
        if rma.status.value == "open" and rma.breach is None and rma.receipt is None:
            break
    receipt = services.receive(alice, [rma.id])
    view = services.scan_unit(bruno, receipt.id, rma.lines[0].gtin, damaged=True)
    for _ in range(40):
        step, i = view.step, view.inspection
        if step is None:
            break
        if step.kind is StepKind.PHOTO:
            view = services.add_photo(bruno, i.id, i.version, jpeg)
            continue
        value = {
            StepKind.YES_NO: "yes",
            StepKind.CHOICE: step.options[0].id if step.options else "",
            StepKind.CHECKLIST: [o.id for o in step.options[:1]],
            StepKind.GRADE: "C",
            StepKind.NUMBER: 1.0,
            StepKind.TEXT: "Corner crushed in transit",
            StepKind.SCAN: "SN-0001",
        }.get(step.kind)
        view = services.inspection_step(bruno, i.id, i.version, "answer", value)
    i = view.inspection
    services.complete_inspection(bruno, i.id, i.version)


def lead_screens(app: QApplication, window: MainWindow, station: Any, out: Path, lang: str) -> None:
    """The lead's queue: an unidentified parcel registered at the dock, a damaged unit, and
    what the inspections above left for a lead."""
    services = station.services
    alice = services.login_badge("BDG-1001").actor
    services.register_unidentified(alice, "1Z999AA10123456784", note="No paperwork in the box")
    damaged_unit(services)
    window.session.run(
        lambda: services.login_badge_pin("BDG-1003", "3333"),
        window._on_logged_in,
        window._on_login_failed,
    )
    settle(app)
    window.show_page(window.exceptions_page)
    settle(app, 1200)
    queue = window.exceptions_page
    with_unit = [n for n, r in enumerate(queue.rows) if r.unit]  # a unit shows the most
    if queue.rows:
        queue.table.selectRow(with_unit[0] if with_unit else 0)
    settle(app, 800)
    window.grab().save(str(out / f"exceptions-{lang}.png"))
    window.show_page(window.dashboard_page)
    settle(app, 1500)
    window.grab().save(str(out / f"dashboard-{lang}.png"))
    window.show_page(window.search_page)
    window.search_page.scanned("RMA-000001")
    settle(app, 1500)
    window.grab().save(str(out / f"search-{lang}.png"))


def admin_screens(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    admin = window.admin_page
    window.show_page(admin)
    settle(app, 600)
    window.users_page.table.selectRow(1)
    settle(app)
    window.grab().save(str(out / f"users-{lang}.png"))
    admin.setCurrentWidget(admin.policy_page)
    settle(app, 600)
    admin.policy_page.category_boxes["apparel"].setValue(45)
    admin.policy_page.save()
    settle(app, 800)
    window.grab().save(str(out / f"policy-{lang}.png"))
    settings = admin.settings_page
    window.resize(1600, 1100)  # the page whole, as a dock's large screen shows it
    admin.setCurrentWidget(settings)
    settle(app, 600)
    settings.camera.run_test()
    settle(app, 3000)
    settings.printer.run_test()
    settings.test_scanner()
    settings.scanned("1ZE3S3E28246281943")
    settle(app, 1000)
    window.grab().save(str(out / f"settings-{lang}.png"))
    settings.camera.view.stop()
    window.resize(1280, 800)


def setup_screen(app: QApplication, out: Path, lang: str) -> None:
    """The guided set-up a new station opens on, over an empty database."""
    workdir = tempfile.mkdtemp(prefix="rs-shots-new-")
    Path(workdir, "config.toml").write_text("[station]\nname = 'DOCK-1'\n", encoding="utf-8")
    config = load_config(
        {"RS_DATA_DIR": workdir, "RS_CONFIG": f"{workdir}/config.toml", "RS_LANGUAGE": lang}
    )
    station = bootstrap(config)
    window = MainWindow(station)
    window.sounds.enabled = False
    window.resize(1280, 800)
    window.show()
    page = window.setup_page
    page.location.setText("Returns dock, door 1")
    page.name.setText("Maria Costa")
    page.username.setText("maria")
    page.badge_scanned("BDG-7001")
    settle(app)
    window.grab().save(str(out / f"setup-{lang}.png"))
    window.close()
    station.close()


def missing_database_dialog(app: QApplication, out: Path, lang: str) -> None:
    """What a station that held data says when its database file is gone at start."""
    from receiving_station.errors import DatabaseMissingAtStart
    from ui.app import cannot_start_box

    workdir = tempfile.mkdtemp(prefix="rs-shots-lost-")
    Path(workdir, "config.toml").write_text("[station]\nname = 'DOCK-1'\n", encoding="utf-8")
    config = load_config(
        {"RS_DATA_DIR": workdir, "RS_CONFIG": f"{workdir}/config.toml", "RS_LANGUAGE": lang}
    )
    bootstrap(config, demo_rmas=20).close()
    Path(workdir, "station.sqlite3").unlink()
    try:
        bootstrap(config)
    except DatabaseMissingAtStart as exc:
        box = cannot_start_box(exc)
    box.show()
    settle(app)
    box.grab().save(str(out / f"database-missing-{lang}.png"))
    box.close()


def crash_dialog(app: QApplication, workdir: Path, out: Path, lang: str) -> None:
    """The one dialog an unexpected error shows."""
    boundary = CrashBoundary(workdir / "logs" / "station.log")
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("ui", "Receiving Station"),
        boundary.message(KeyError("line_no")),
    )
    box.show()
    settle(app)
    box.grab().save(str(out / f"crash-{lang}.png"))
    box.close()


def print_queue_screens(
    app: QApplication, window: MainWindow, station: Any, out: Path, lang: str
) -> None:
    """A label the station was sending when it stopped (in doubt) and one a Zebra refused
    (paper out): the status bar's count and the print queue where a person settles them."""
    from datetime import timedelta

    from receiving_station.domain.model import PrintStatus
    from receiving_station.errors import PrinterNotReady

    services = station.services
    lpn = window.inspect_page.last_lpn
    dan = services.login_badge_pin("BDG-1004", "4444").actor
    cut_off, refused = services.reprint(dan, lpn), services.reprint(dan, lpn)
    now = services.clock.now()
    with services.uow_factory() as uow:  # as a station killed mid-send leaves it
        uow.labels.claim(cut_off, now - timedelta(seconds=1))
        refused.status, refused.attempts = PrintStatus.FAILED, 1
        refused.printer = "tcp://192.168.10.21:9100"
        refused.last_error = str(PrinterNotReady(printer=refused.printer, condition="paper out"))
        refused.next_attempt_at = now + timedelta(hours=1)
        uow.labels.mark(refused)
        uow.commit()
    window.print_labels()
    settle(app, 800)
    window.grab().save(str(out / f"print-doubt-{lang}.png"))
    window.show_print_queue()
    settle(app, 800)
    assert window.print_queue is not None
    window.print_queue.grab().save(str(out / f"print-queue-{lang}.png"))
    window.print_queue.close()
    services.confirm_printed(dan, cut_off.id)
    with services.uow_factory() as uow:
        refused.status = PrintStatus.PRINTED
        uow.labels.mark(refused)
        uow.commit()
    window.print_labels()
    settle(app)


def main(out: Path, language: str = "en") -> None:
    out.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="rs-shots-")
    video = label_video(Path(workdir) / "camera.avi", "RMA-000004")
    Path(workdir, "config.toml").write_text(
        f"[station]\nname = 'DOCK-1'\nlocation = 'Returns dock, door 1'\n\n"
        f"[camera]\ndevice = '{video}'\n",
        encoding="utf-8",
    )
    os.environ.update(RS_DATA_DIR=workdir, RS_CONFIG=f"{workdir}/config.toml", RS_LANGUAGE=language)
    config = load_config()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_translations(app, language)
    apply_style(app)
    setup_screen(app, out, language)
    station = bootstrap(config, demo_rmas=200)
    window = MainWindow(station)
    window.sounds.enabled = False
    window.resize(1280, 800)
    window.show()
    settle(app)
    window.grab().save(str(out / f"login-{language}.png"))
    window.session.run(
        lambda: station.services.login_badge("BDG-1001"),
        window._on_logged_in,
        window._on_login_failed,
    )
    settle(app)
    window.receive_page.handle_scan("RMA-000001")
    settle(app)
    window.grab().save(str(out / f"receive-{language}.png"))
    window.receive_page.handle_scan("RMA-000002")
    settle(app)
    window.grab().save(str(out / f"receive-policy-{language}.png"))
    window.receive_page.handle_scan("PARCEL-WITHOUT-LABEL")
    settle(app)
    window.grab().save(str(out / f"receive-unknown-{language}.png"))
    window.receive_page.handle_scan("R?Q)ààààà&")  # RMA-000001 from a US-layout scanner
    settle(app)
    window.grab().save(str(out / f"receive-layout-{language}.png"))
    crash_dialog(app, Path(workdir), out, language)
    missing_database_dialog(app, out, language)
    view = station.services.lookup(station.services.command_line("screenshots"), "RMA-000001")
    window.receive_page.handle_scan("RMA-000001")
    settle(app)
    window.receive_page.handle_scan(view.lines[0].gtin)
    settle(app)
    window.grab().save(str(out / f"receive-product-{language}.png"))
    window.receive_page.clear()
    window.receive_page.banner.clear()
    inspect_screens(app, window, station, out, language)
    window.logout()
    settle(app)
    services = station.services
    window.session.run(  # an admin's badge alone: the log-in page asks for the PIN
        lambda: services.login_badge("BDG-1004"), window._on_logged_in, window._on_login_failed
    )
    settle(app)
    window.grab().save(str(out / f"login-pin-{language}.png"))
    for _ in range(5):  # someone guessing Alice's PIN (at the pace the station allows)
        with contextlib.suppress(StationError):
            services.login_pin("alice", "9999")
    window.session.run(
        lambda: services.login_badge_pin("BDG-1004", "4444"),
        window._on_logged_in,
        window._on_login_failed,
    )
    settle(app)
    print_queue_screens(app, window, station, out, language)
    admin_screens(app, window, out, language)
    dan = services.login_badge_pin("BDG-1004", "4444").actor
    services.unlock(dan, username="alice")  # lifted, as the admin would on the Users page
    lead_screens(app, window, station, out, language)
    window.show_page(window.receive_page)
    window.camera_button.click()  # last: the camera dock widens the window for good
    settle(app, 2500)
    window.grab().save(str(out / f"camera-{language}.png"))
    capture_screen(app, window, station, out, language)
    window.camera.stop()
    window.camera_dock.hide()
    window.setMinimumSize(0, 0)
    window.resize(1280, 800)
    window.setStyleSheet(stylesheet("high-contrast", "large"))  # last: it makes the window grow
    settle(app, 600)
    window.grab().save(str(out / f"inspect-step-contrast-{language}.png"))
    window.camera.stop()
    window.close()
    station.close()


def label_pictures(out: Path) -> None:
    """The labels as they print, rendered by the station's own renderer."""
    from printing.renderer import TemplateRenderer
    from receiving_station.config import DEFAULT_LABELS

    renderer = TemplateRenderer(DEFAULT_LABELS)
    values = {
        "lpn": "LP0000000013",
        "disposition": "restock",
        "zone": "A-RESTOCK",
        "rma": "RMA-000001",
        "sku": "AP-074-M",
        "description": "Hoodie, Olive, M",
        "grade": "B",
        "date": "2026-11-26 10:05",
        "station": "DOCK-1",
        "inspector": "Bruno Lefèvre",
    }
    for template in ("disposition-4x6", "license-plate-2x1"):
        png = renderer.render(template, values, "png", "en")
        (out / f"label-{template}.png").write_bytes(png)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for lang in sys.argv[2:] or ["en"]:
        main(target, lang)
    label_pictures(target)
