"""The lead's dashboard: the day's figures and charts (Qt Charts), read again every 30 s
while on screen; the shift report as PDF, and the day's units as CSV with progress and a
cancel button."""

from __future__ import annotations

import math
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.files import write_atomic
from receiving_station.services.shift import ShiftFigures
from ui.banner import Banner
from ui.errors import Feedback, Level
from ui.labels import exception_kind_label, reason_label
from ui.lockouts_panel import LockoutsPanel
from ui.session import StationSession
from ui.threads import every

REFRESH_MS = 30_000


def _chart(title: str, pairs: list[tuple[str, float]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    big = QFont()
    big.setPointSize(13)
    chart.setTitleFont(big)
    chart.legend().setVisible(False)
    bars = QBarSet(title)
    bars.setColor(Qt.GlobalColor.darkBlue)
    for _name, value in reversed(pairs):
        bars.append(value)
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    bars.setLabelFont(big)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _v in reversed(pairs)] or ["—"])
    values = QValueAxis()
    top = math.ceil(max([v for _n, v in pairs] + [1]) * 1.15)
    values.setRange(0, top)
    values.setTickCount(min(top, 5) + 1)
    values.setLabelFormat("%.0f")
    for axis in (names, values):
        axis.setLabelsFont(big)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    return chart


class DashboardPage(QWidget):
    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.session = session
        self.figures: ShiftFigures | None = None
        self._cancel = threading.Event()
        self.export_progress: tuple[int, int] | None = None
        """The last progress shown for the export under way (done, total)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        bar = QHBoxLayout()
        today = session.services.clock.now().date()  # the warehouse's day, not the PC's
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Day"))
        self.report_button = QPushButton(self.tr("Shift report (PDF)…"))
        self.export_button = QPushButton(self.tr("Units (CSV)…"))
        self.cancel_button = QPushButton(self.tr("Cancel the export"))
        self.cancel_button.setVisible(False)
        self.export_state = QLabel()
        for widget in (self.day, self.report_button, self.export_button, self.cancel_button):
            bar.addWidget(widget)
        bar.addWidget(self.export_state, 1)
        outer.addLayout(bar)
        tiles = QGridLayout()
        self.tiles: dict[str, QLabel] = {}
        names = (
            ("parcels", self.tr("Parcels received")),
            ("units", self.tr("Units inspected")),
            ("median", self.tr("Dock to decision, median")),
            ("p90", self.tr("Dock to decision, 90th percentile")),
            ("late_parcels", self.tr("Parcels past the SLA")),
            ("late_units", self.tr("Units past the SLA")),
            ("rate", self.tr("Exceptions per unit")),
        )
        for n, (key, words) in enumerate(names):
            caption = QLabel(words)
            caption.setObjectName("caption")
            caption.setWordWrap(True)
            value = QLabel("—")
            value.setObjectName("tileValue")
            value.setAccessibleName(words)
            row, column = divmod(n, 4)  # two rows: readable at 1280 px in every language
            tiles.addWidget(caption, row * 2, column)
            tiles.addWidget(value, row * 2 + 1, column)
            self.tiles[key] = value
        outer.addLayout(tiles)
        charts = QHBoxLayout()
        self.inspectors_chart = QChartView()
        self.kinds_chart = QChartView()
        for view in (self.inspectors_chart, self.kinds_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            charts.addWidget(view, 1)
        outer.addLayout(charts, 2)
        tables = QHBoxLayout()
        self.reasons = self._table([self.tr("SKU"), self.tr("Reason"), self.tr("Units")])
        self.conditions = self._table([self.tr("SKU"), self.tr("Condition"), self.tr("Units")])
        tables.addWidget(self.reasons, 1)
        tables.addWidget(self.conditions, 1)
        outer.addLayout(tables, 1)
        self.lockouts = LockoutsPanel(session, self.banner)  # a lead lifts a lock here
        outer.addWidget(self.lockouts)
        self.day.dateChanged.connect(self.refresh)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def chosen_day(self) -> Any:
        return self.day.date().toPython()

    def refresh(self) -> None:
        who = self.session.who
        if who is None:
            return
        services, day = self.session.services, self.chosen_day()
        self.lockouts.refresh()
        self.session.run(
            lambda: services.shift_figures(who.actor, day),
            self._show,
            lambda f, _e: self.banner.show_feedback(f),
        )

    def _show(self, f: ShiftFigures) -> None:
        self.figures = f

        def hours(value: float | None) -> str:
            return "—" if value is None else self.tr("{h} h").format(h=f"{value:g}")

        values = {
            "parcels": str(f.parcels_received),
            "units": str(f.units_inspected),
            "median": hours(f.dock_to_decision_median_h),
            "p90": hours(f.dock_to_decision_p90_h),
            "late_parcels": ("⚠ " if f.parcels_past_sla else "") + str(f.parcels_past_sla),
            "late_units": ("⚠ " if f.units_past_sla else "") + str(f.units_past_sla),
            "rate": f"{f.exception_rate:.2f}",
        }
        for key, text in values.items():
            self.tiles[key].setText(text)
        self.inspectors_chart.setChart(
            _chart(self.tr("Units per inspector"), [(i.name, i.units) for i in f.inspectors])
        )
        self.kinds_chart.setChart(
            _chart(
                self.tr("Exceptions by kind"),
                [(exception_kind_label(k), n) for k, n in f.exceptions_by_kind],
            )
        )
        for table, rows in (
            (self.reasons, [(s, reason_label(r), n) for s, r, n in f.top_reasons]),
            (self.conditions, [(s, self.condition_words(c), n) for s, c, n in f.top_conditions]),
        ):
            table.setRowCount(len(rows))
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    table.setItem(r, c, QTableWidgetItem(str(value)))

    def condition_words(self, condition: str) -> str:
        """A grade (``grade B``) or a failed check's flag, as the floor says it."""
        if condition.startswith("grade "):
            return self.tr("Grade {grade}").format(grade=condition.removeprefix("grade "))
        return condition.replace("_", " ")

    # -- the report and the export --------------------------------------------------------

    def _on_report_button_clicked(self) -> None:
        day = self.chosen_day()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the shift report"), f"shift-{day}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_report(path)

    def save_report(self, path: str) -> None:
        who = self.session.who
        if who is None:
            return
        services, day = self.session.services, self.chosen_day()

        def work() -> None:
            write_atomic(Path(path), services.shift_report(who.actor, day))

        self.session.run(
            work,
            lambda _r: self.banner.show_feedback(
                Feedback(self.tr("Shift report saved to {path}.").format(path=path), Level.SUCCESS)
            ),
            lambda f, _e: self.banner.show_feedback(f),
        )

    def _on_export_button_clicked(self) -> None:
        day = self.chosen_day()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the units"), f"units-{day}.csv", "CSV (*.csv)"
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """The day's units to ``path`` off the GUI thread, with progress and a cancel."""
        who = self.session.who
        if who is None:
            return
        services, day = self.session.services, self.chosen_day()
        inbox = self.session.runner.inbox  # the result's own: progress never arrives after it
        channel = inbox.channel(self._on_progress_moved, latest=True)
        moved, cancelled = every(0.2, channel), self._cancel.is_set
        self._cancel.clear()
        self.cancel_button.setVisible(True)
        self.export_button.setEnabled(False)

        def finished() -> None:
            inbox.close_channel(channel)
            self.cancel_button.setVisible(False)
            self.export_button.setEnabled(True)
            self.export_state.clear()

        def done(count: int) -> None:
            finished()
            words = self.tr("%n unit(s) exported to {path}.", "", count).format(path=path)
            self.banner.show_feedback(Feedback(words, Level.SUCCESS))

        def failed(feedback: Feedback, _e: BaseException) -> None:
            finished()
            self.banner.show_feedback(feedback)

        self.session.run(
            lambda: services.export_units(
                who.actor, day, Path(path), progress=moved, cancelled=cancelled
            ),
            done,
            failed,
        )

    def _on_progress_moved(self, done: int, total: int) -> None:
        self.export_progress = (done, total)
        self.export_state.setText(
            self.tr("Exporting: {done} / {total} units").format(done=done, total=total)
        )

    def showEvent(self, event: Any) -> None:
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)
