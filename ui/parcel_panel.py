"""The Inspect page's left side: the parcel's lines against what was found, and the units
taken out of the box with their workflow and status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_station.services.inspection_views import ParcelView
from ui.labels import condition_label, disposition_label, status_label


class ParcelPanel(QWidget):
    unit_opened = Signal(int)
    """The inspector picked a unit (double click): its inspection id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("No parcel open"))
        self.title.setObjectName("rmaNumber")
        self.title.setWordWrap(True)
        self.lines = self._table(
            [self.tr("SKU"), self.tr("Item"), self.tr("Expected"), self.tr("Found")]
        )
        self.units = self._table(
            [self.tr("Unit"), self.tr("SKU"), self.tr("Workflow"), self.tr("Status")]
        )
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.units.cellDoubleClicked.connect(self._on_units_cell_double_clicked)
        self.damaged = QCheckBox(self.tr("Next item arrived damaged"))
        self.damaged.setObjectName("damagedToggle")
        self.close_button = QPushButton(self.tr("Box is empty: close it (F9)"))
        layout.addWidget(self.title)
        layout.addWidget(self._caption(self.tr("Lines of the return")))
        layout.addWidget(self.lines, 2)
        layout.addWidget(self._caption(self.tr("Units taken out of the box")))
        layout.addWidget(self.units, 3)
        layout.addWidget(self.damaged)
        layout.addWidget(self.close_button)
        self.show_parcel(None)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _caption(self, words: str) -> QLabel:
        label = QLabel(words)
        label.setObjectName("caption")
        return label

    def show_parcel(self, parcel: ParcelView | None) -> None:
        self.close_button.setEnabled(parcel is not None)
        self.damaged.setEnabled(parcel is not None)
        if parcel is None:
            self.title.setText(self.tr("No parcel open"))
            self.lines.setRowCount(0)
            self.units.setRowCount(0)
            return
        self.title.setText(
            " + ".join(parcel.rma_numbers)
            or self.tr("Unidentified parcel {label}").format(label=parcel.label)
        )
        self.lines.setRowCount(len(parcel.lines))
        box_closed = any(u.condition == "missing_item" for u in parcel.units)
        for r, line in enumerate(parcel.lines):
            found = (
                self.tr("{found} ({missing} missing)").format(
                    found=line.received, missing=line.missing
                )
                if line.missing and box_closed
                else str(line.received)
            )
            for c, value in enumerate([line.sku, line.description, str(line.expected), found]):
                self.lines.setItem(r, c, QTableWidgetItem(value))
        self.units.setRowCount(len(parcel.units))
        for r, unit in enumerate(parcel.units):
            status = status_label(unit.status, unit.lead_approval)
            if unit.disposition:
                status += " · " + disposition_label(unit.disposition)
            values = [unit.reference, unit.sku or "—", condition_label(unit.condition), status]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, unit.inspection_id)
                self.units.setItem(r, c, item)

    def _on_units_cell_double_clicked(self, row: int, _column: int) -> None:
        item = self.units.item(row, 0)
        if item is not None:
            self.unit_opened.emit(int(item.data(Qt.ItemDataRole.UserRole)))
