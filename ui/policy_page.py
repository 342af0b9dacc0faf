"""The return policy page (admins): return windows, restocking fees, lead approval, SLA.

Saving makes a new version (the core checks the admin, refuses a bad value naming it and
refuses to overwrite a version another admin saved meanwhile). Decisions record the version
they applied; the versions saved so far are listed beside the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.domain.policy import (
    CATEGORIES,
    CHANNELS,
    GRADES,
    MAX_SLA_HOURS,
    MAX_VALUE,
    MAX_WINDOW_DAYS,
    ReturnPolicy,
)
from ui.banner import Banner
from ui.errors import Feedback, Level, format_param
from ui.session import StationSession

FIELD_WIDTH = 170


def _days(special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setMaximumWidth(FIELD_WIDTH)
    box.setRange(0 if special else 1, MAX_WINDOW_DAYS)
    if special:
        box.setSpecialValueText(special)  # 0: no window of its own
    return box


def _amount(maximum: float, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setMaximumWidth(FIELD_WIDTH)
    box.setRange(0.0, maximum)
    box.setDecimals(2)
    box.setSuffix(suffix)
    return box


class PolicyPage(QWidget):
    def __init__(self, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyPage")
        self.session = session
        self.policy: ReturnPolicy | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        column.setContentsMargins(0, 0, 0, 0)
        windows = QGroupBox(self.tr("Return windows (days from the return request)"))
        grid = QGridLayout(windows)
        self.window_days = _days()
        self.window_days.setAccessibleName(self.tr("Default return window in days"))
        grid.addWidget(QLabel(self.tr("Default")), 0, 0)
        grid.addWidget(self.window_days, 0, 1)
        same = self.tr("default")
        self.channel_boxes: dict[str, QSpinBox] = {}
        self.category_boxes: dict[str, QSpinBox] = {}
        grid.addWidget(QLabel(self.tr("By channel")), 1, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("By category (wins over the channel)")), 1, 2, 1, 2)
        self._channel_grid, self._same = grid, same
        for r, channel in enumerate(CHANNELS, start=2):
            self._add_key_box(self.channel_boxes, channel, r, 0)
        for r, category in enumerate(CATEGORIES, start=2):
            self._add_key_box(self.category_boxes, category, r, 2)
        column.addWidget(windows)

        refunds = QGroupBox(self.tr("Refunds"))
        refund_form = QFormLayout(refunds)
        self.fee_boxes: dict[str, QDoubleSpinBox] = {}
        for grade in GRADES:
            box = _amount(100.0, " %")
            box.setDecimals(1)
            box.setAccessibleName(self.tr("Restocking fee for grade {grade}").format(grade=grade))
            refund_form.addRow(self.tr("Restocking fee, grade {grade}").format(grade=grade), box)
            self.fee_boxes[grade] = box
        self.lead_above = _amount(MAX_VALUE)
        self.override_limit = _amount(MAX_VALUE)
        refund_form.addRow(self.tr("A lead approves units worth more than"), self.lead_above)
        refund_form.addRow(
            self.tr("An override needs a lead on units worth more than"), self.override_limit
        )
        column.addWidget(refunds)

        exceptions = QGroupBox(self.tr("Exceptions"))
        exception_form = QFormLayout(exceptions)
        self.sla_hours = QSpinBox()
        self.sla_hours.setRange(1, MAX_SLA_HOURS)
        self.sla_hours.setSuffix(self.tr(" h"))
        exception_form.addRow(self.tr("An open exception is late after"), self.sla_hours)
        column.addWidget(exceptions)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as a new version"))
        self.save_button.setObjectName("primary")
        self.undo_button = QPushButton(self.tr("Undo my changes"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_widget)
        row.addWidget(scroll, 3)

        history = QVBoxLayout()
        history.addWidget(QLabel(self.tr("Versions")))
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Saved by"), self.tr("Saved")]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        history.addWidget(self.history, 1)
        row.addLayout(history, 1)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.refresh)

    def _add_key_box(self, boxes: dict[str, QSpinBox], key: str, r: int, c: int) -> None:
        box = _days(self._same)
        box.setAccessibleName(self.tr("Return window for {name} in days").format(name=key))
        self._channel_grid.addWidget(QLabel(key), r, c)
        self._channel_grid.addWidget(box, r, c + 1)
        boxes[key] = box

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        who = self.session.who
        if who is None:
            return
        services = self.session.services

        def work() -> tuple[ReturnPolicy, list[ReturnPolicy]]:
            return services.return_policy(), services.policy_history(who.actor)

        self.session.run(work, self._show, lambda f, _e: self.banner.show_feedback(f))

    def _show(self, result: tuple[ReturnPolicy, list[ReturnPolicy]]) -> None:
        policy, versions = result
        self.policy = policy
        if policy.version == 0:
            self.title.setText(self.tr("Return policy: the defaults (no version saved yet)"))
        else:
            self.title.setText(
                self.tr("Return policy: version {version}, saved by {name}, {when}").format(
                    version=policy.version, name=policy.saved_by, when=format_param(policy.saved_at)
                )
            )
        self.window_days.setValue(policy.window_days)
        by_channel, by_category = dict(policy.window_by_channel), dict(policy.window_by_category)
        start = self._channel_grid.rowCount()
        for r, key in enumerate(k for k in by_channel if k not in self.channel_boxes):
            self._add_key_box(self.channel_boxes, key, start + r, 0)
        start = self._channel_grid.rowCount()
        for r, key in enumerate(k for k in by_category if k not in self.category_boxes):
            self._add_key_box(self.category_boxes, key, start + r, 2)
        for key, box in self.channel_boxes.items():
            box.setValue(by_channel.get(key, 0))
        for key, box in self.category_boxes.items():
            box.setValue(by_category.get(key, 0))
        for grade, fee_box in self.fee_boxes.items():
            fee_box.setValue(policy.fee_of(grade))
        self.lead_above.setValue(policy.lead_above_value)
        self.override_limit.setValue(policy.override_limit_value)
        self.sla_hours.setValue(policy.sla_hours)
        self.history.setRowCount(len(versions))
        for r, v in enumerate(versions):
            for c, text in enumerate([str(v.version), v.saved_by, format_param(v.saved_at)]):
                self.history.setItem(r, c, QTableWidgetItem(text))

    def edited(self) -> ReturnPolicy:
        """The policy as the form shows it."""
        return ReturnPolicy(
            window_days=self.window_days.value(),
            window_by_channel=tuple(
                (k, b.value()) for k, b in self.channel_boxes.items() if b.value()
            ),
            window_by_category=tuple(
                (k, b.value()) for k, b in self.category_boxes.items() if b.value()
            ),
            fee_percent=tuple((g, b.value()) for g, b in self.fee_boxes.items()),
            lead_above_value=self.lead_above.value(),
            override_limit_value=self.override_limit.value(),
            sla_hours=self.sla_hours.value(),
        )

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        who, seen = self.session.who, self.policy
        if who is None or seen is None:
            return
        services, edited = self.session.services, self.edited()

        def done(saved: ReturnPolicy) -> None:
            self.banner.show_feedback(
                Feedback(
                    self.tr("Return policy version {version} saved; it applies from now.").format(
                        version=saved.version
                    ),
                    Level.SUCCESS,
                )
            )
            self.session.acknowledge(Level.SUCCESS)
            self.refresh()

        self.session.run(
            lambda: services.save_policy(who.actor, edited, seen.version),
            done,
            lambda feedback, _e: self.banner.show_feedback(feedback),
        )
