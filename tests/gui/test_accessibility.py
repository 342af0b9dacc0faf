"""At arm's length with gloves on: on every page, every button is a target of at least
44 px and every control has a name a screen reader can say; the high-contrast theme and
large text apply from the Settings page at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.test_receive_window import log_in
from ui.main_window import MainWindow
from ui.theme import stylesheet


@pytest.fixture
def styled(window: MainWindow) -> MainWindow:
    window.setStyleSheet(stylesheet())
    return window


def _labelled_by_form(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return True
        parent = parent.parentWidget()
    return False


def _name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return widget.text()
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return widget.placeholderText()
    return "(form label)" if _labelled_by_form(widget) else ""


def problems_on(window: MainWindow, qtbot: QtBot) -> list[str]:
    qtbot.wait(50)
    page = window.pages.currentWidget()
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() == 0:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box or combo box: its owner is named
        kind = type(widget).__name__
        if isinstance(widget, QPushButton) and widget.height() < 44:
            found.append(f"{kind} {widget.text()!r} is {widget.height()} px tall")
        controls = (QPushButton, QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox)
        if isinstance(widget, controls) and not _name_of(widget):
            found.append(f"{kind} {widget.objectName()!r} has no name")
    return found


def test_every_page_has_big_named_targets(qtbot: QtBot, styled: MainWindow, station):
    window = styled
    _app, world = station
    world.receive("RMA-100001")
    log_in(qtbot, window, "BDG-1004")  # Dan, admin: every page
    problems = []
    for page in (window.receive_page, window.inspect_page):
        window.show_page(page)
        problems += problems_on(window, qtbot)
    window.inspect_page.handle_scan("RMA-100001")
    qtbot.waitUntil(lambda: window.inspect_page.parcel is not None, timeout=5000)
    window.inspect_page.handle_scan("4006381333931")
    qtbot.waitUntil(lambda: window.inspect_page.view is not None, timeout=5000)
    problems += problems_on(window, qtbot)
    window.show_page(window.admin_page)
    for tab in (window.users_page, window.admin_page.policy_page, window.settings_page):
        window.admin_page.setCurrentWidget(tab)
        problems += problems_on(window, qtbot)
    assert problems == [], "\n".join(problems)


def test_high_contrast_and_large_text_apply_from_the_settings_at_once(
    qtbot: QtBot, styled: MainWindow
):
    window = styled
    assert window.app.hardware is not None
    before = window.styleSheet()
    assert "#ffd400" not in before
    log_in(qtbot, window, "BDG-1004")
    actor = window.session.who.actor  # type: ignore[union-attr]
    config = window.app.hardware.save(
        actor, {"ui": {"theme": "high-contrast", "text_size": "large"}}
    )
    window._on_settings_page_saved(config)
    sheet = window.styleSheet()
    assert "#ffd400" in sheet  # yellow on black
    assert "QWidget { font-size: 20pt; }" in sheet  # 16 pt, a quarter bigger
    assert "min-height: 55px" in sheet  # and so are the targets
