"""One workflow step per screen, with large targets: the question, the inspector's guidance
and reference image beside it, the answer controls for the step's kind, BACK / SKIP / NEXT.
At the end, the summary: every answer, what the rules propose and why, accept or override.

The panel only renders an :class:`InspectionView` and emits what the inspector chose; the
Inspect page turns that into one core call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from receiving_station.services.inspection_views import InspectionView
from ui.step_summary import SummaryMixin, language
from workflows.definition import Grade, Step, StepKind, text


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        child = item.layout()
        if widget is not None:
            widget.deleteLater()
        elif child is not None:
            _clear(child)


class StepPanel(SummaryMixin, QFrame):
    answered = Signal(object)
    """The answer to the step on screen (str, float, list of ids)."""
    moved = Signal(str)
    """'back', 'skip' or 'next'."""
    go_to_step = Signal(str)
    completed = Signal(str, str)
    """(disposition, reason): both empty to accept the proposal."""
    photo_from_file = Signal()
    photo_from_camera = Signal()
    photo_removed = Signal(str, str)
    """(step id, photo ref)."""
    reprint_requested = Signal(str)
    """A license plate whose label should print again."""

    def __init__(self, workflows_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepPanel")
        self.workflows_dir = workflows_dir
        self.view: InspectionView | None = None
        self.thumbnails: dict[str, bytes] = {}
        self.camera_ready = False
        self.scale: tuple[Grade, ...] = ()
        """The grading scale's grades, set by the page."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 12)
        self.header = QLabel()
        self.header.setObjectName("unitHeader")
        self.header.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        outer.addWidget(self.header)
        outer.addWidget(self.progress)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        left.addWidget(self.question)
        left.addWidget(self.guidance)
        self.answers = QVBoxLayout()
        self.answers.setSpacing(10)
        left.addLayout(self.answers)
        left.addStretch(1)
        body.addLayout(left, 3)
        self.reference = QLabel()
        self.reference.setObjectName("referenceImage")
        self.reference.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.reference.setMaximumWidth(320)
        body.addWidget(self.reference)
        scroll_body = QWidget()
        scroll_body.setLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(scroll_body)
        outer.addWidget(scroll, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("primary")
        self.back_button.clicked.connect(lambda: self.moved.emit("back"))
        self.skip_button.clicked.connect(lambda: self.moved.emit("skip"))
        self.next_button.clicked.connect(self._on_next_button_clicked)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self._collect: Any = None
        self.show_view(None)

    # -- rendering ------------------------------------------------------------------------

    def show_view(self, view: InspectionView | None) -> None:
        self.view = view
        _clear(self.answers)
        self._collect = None
        self.reference.clear()
        if view is None:
            self.header.setText(self.tr("Scan an item from the box to inspect it."))
            self.question.clear()
            self.guidance.clear()
            self.guidance.setVisible(False)
            self.progress.setVisible(False)
            for b in (self.back_button, self.skip_button, self.next_button):
                b.setVisible(False)
            return
        lang = language()
        i = view.inspection
        unit = " ".join(p for p in (view.sku, view.description) if p) or i.scanned_text
        self.header.setText(
            self.tr("{ref} · {unit} · {workflow} (v{version})").format(
                ref=i.reference,
                unit=unit,
                workflow=text(view.workflow.title, lang),
                version=view.workflow.version,
            )
        )
        number, total = view.position
        self.progress.setVisible(True)
        self.progress.setRange(0, total)
        self.progress.setValue(min(number - 1, total))
        if view.step is None:
            self.progress.setFormat(self.tr("Summary"))
            self._show_summary(view)
        else:
            self.progress.setFormat(self.tr("Step {n} of {total}").format(n=number, total=total))
            self._show_step(view, view.step)

    def show_label(self, png: bytes, lpn: str) -> None:
        """The unit's label as it prints: what the floor will read on the unit."""
        self.view = None
        _clear(self.answers)
        self._collect = None
        self.reference.setVisible(False)
        self.progress.setVisible(False)
        self.guidance.setVisible(False)
        for b in (self.back_button, self.skip_button, self.next_button):
            b.setVisible(False)
        self.header.setText(self.tr("License plate {lpn}").format(lpn=lpn))
        self.question.setText(self.tr("Stick this label on the unit, then scan the next item."))
        preview = QLabel()
        preview.setObjectName("labelPreview")
        preview.setAccessibleName(self.tr("Label preview"))
        pixmap = QPixmap()
        if pixmap.loadFromData(png):
            preview.setPixmap(
                pixmap.scaled(
                    300,
                    330,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        row = QHBoxLayout()
        row.addWidget(preview)
        reprint = QPushButton(self.tr("Print the label again (REPRINT)"))
        reprint.clicked.connect(lambda: self.reprint_requested.emit(lpn))
        row.addWidget(reprint, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        self.answers.addLayout(row)

    def _big_button(self, label: str, handler: Any, name: str = "answerButton") -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.setMinimumHeight(64)
        button.clicked.connect(handler)
        self.answers.addWidget(button)
        return button

    def _show_step(self, view: InspectionView, step: Step) -> None:
        lang = language()
        given = view.progress.answers.get(step.id)
        required = "" if step.required else self.tr(" (optional)")
        self.question.setText(text(step.question, lang) + required)
        self.guidance.setText(text(step.guidance, lang))
        self.guidance.setVisible(bool(step.guidance))
        self.reference.setVisible(False)
        if step.image:
            pixmap = QPixmap(str(self.workflows_dir / step.image))
            if not pixmap.isNull():
                self.reference.setPixmap(
                    pixmap.scaled(300, 260, Qt.AspectRatioMode.KeepAspectRatio)
                )
                self.reference.setVisible(True)
        for b in (self.back_button, self.skip_button, self.next_button):
            b.setVisible(True)
        self.back_button.setEnabled(view.progress.path[:1] != (step.id,))
        self.skip_button.setEnabled(not step.required)
        kind = step.kind
        if kind is StepKind.YES_NO:
            for value, label in (("yes", self.tr("Yes")), ("no", self.tr("No"))):
                b = self._big_button(label, lambda _c=False, v=value: self.answered.emit(v))
                b.setCheckable(True)
                b.setChecked(given == value)
        elif kind is StepKind.CHOICE:
            for option in step.options:
                b = self._big_button(
                    text(option.label, lang), lambda _c=False, v=option.id: self.answered.emit(v)
                )
                b.setCheckable(True)
                b.setChecked(given == option.id)
        elif kind is StepKind.GRADE:
            for grade in self.scale:
                b = self._grade_card(grade, lang)
                b.setChecked(given == grade.code)
        elif kind is StepKind.CHECKLIST:
            ticked = set(given) if isinstance(given, tuple) else set()
            boxes = []
            for option in step.options:
                box = QCheckBox(text(option.label, lang))
                box.setObjectName("checkItem")
                box.setChecked(option.id in ticked)
                self.answers.addWidget(box)
                boxes.append((option.id, box))
            self._collect = lambda: [oid for oid, box in boxes if box.isChecked()]
        elif kind is StepKind.PHOTO:
            self._photo_controls(step, given)
        elif kind in (StepKind.SCAN, StepKind.NUMBER, StepKind.TEXT):
            self._entry_controls(step, given)

    def _grade_card(self, grade: Grade, lang: str) -> QPushButton:
        """A grade as a large button: its code and name, its meaning underneath, wrapped."""
        button = QPushButton()
        button.setObjectName("answerButton")
        button.setCheckable(True)
        button.setAccessibleName(f"{grade.code} {text(grade.label, lang)}")
        card = QVBoxLayout(button)
        card.setContentsMargins(16, 6, 16, 6)
        title = QLabel(f"{grade.code} · {text(grade.label, lang)}")
        title.setObjectName("gradeTitle")
        meaning = QLabel(text(grade.meaning, lang))
        meaning.setObjectName("gradeMeaning")
        meaning.setWordWrap(True)
        for label in (title, meaning):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            card.addWidget(label)
        button.setMinimumHeight(92)
        button.clicked.connect(lambda _c=False, v=grade.code: self.answered.emit(v))
        self.answers.addWidget(button)
        return button

    def _photo_controls(self, step: Step, given: Any) -> None:
        refs = list(given) if isinstance(given, tuple) else []
        full = len(refs) >= step.max_photos
        actions = QHBoxLayout()
        camera = QPushButton(self.tr("Take photo (camera, Space)"))
        camera.setObjectName("primary")
        camera.setEnabled(self.camera_ready and not full)
        camera.clicked.connect(self.photo_from_camera.emit)
        from_file = QPushButton(self.tr("Add photo from a file…"))
        from_file.setEnabled(not full)
        from_file.clicked.connect(self.photo_from_file.emit)
        actions.addWidget(camera)
        actions.addWidget(from_file)
        actions.addStretch(1)
        self.answers.addLayout(actions)
        count = QLabel(
            self.tr("{n} photo(s) taken; at least {min}, at most {max}.").format(
                n=len(refs), min=step.min_photos, max=step.max_photos
            )
        )
        count.setObjectName("photoCount")
        self.answers.addWidget(count)
        strip = QHBoxLayout()
        for ref in refs:
            cell = QVBoxLayout()
            thumb = QLabel()
            data = self.thumbnails.get(ref)
            pixmap = QPixmap()
            if data and pixmap.loadFromData(data):
                thumb.setPixmap(pixmap.scaled(120, 90, Qt.AspectRatioMode.KeepAspectRatio))
            else:
                thumb.setText("📷")
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove photo {ref}").format(ref=ref))
            remove.clicked.connect(lambda _c=False, r=ref, s=step.id: self.photo_removed.emit(s, r))
            cell.addWidget(thumb)
            cell.addWidget(remove)
            strip.addLayout(cell)
        strip.addStretch(1)
        self.answers.addLayout(strip)

    def _entry_controls(self, step: Step, given: Any) -> None:
        if step.kind is StepKind.TEXT:
            edit = QPlainTextEdit()
            edit.setObjectName("answerText")
            edit.setPlainText(str(given) if given is not None else "")
            edit.setMaximumHeight(140)
            self.answers.addWidget(edit)
            self._collect = edit.toPlainText
            edit.setFocus()
            return
        line = QLineEdit()
        line.setObjectName("answerEntry")
        if step.kind is StepKind.SCAN:
            line.setPlaceholderText(self.tr("Scan it, or type it and press Enter"))
        else:
            line.setPlaceholderText(self.tr("Number in {unit}").format(unit=step.unit))
        if given is not None:
            value = given
            if isinstance(value, float):
                value = QLocale().toString(value, "g", 6)
            line.setText(str(value))
        row = QHBoxLayout()
        row.addWidget(line, 1)
        if step.unit:
            row.addWidget(QLabel(step.unit))
        self.answers.addLayout(row)
        if step.kind is StepKind.NUMBER:

            def number() -> Any:
                value, ok = QLocale().toDouble(line.text())
                return value if ok else line.text()

            self._collect = number
        else:
            self._collect = line.text
        line.returnPressed.connect(self._on_next_button_clicked)
        line.setFocus()

    # -- input ----------------------------------------------------------------------------

    def _on_next_button_clicked(self) -> None:
        view = self.view
        if view is None or view.step is None:
            return
        if self._collect is not None:
            self.answered.emit(self._collect())
        else:
            self.moved.emit("next")

    def next_or_accept(self) -> None:
        """NEXT on a step, or DONE on the summary: what the NEXT and DONE barcodes do."""
        if self.view is not None and self.view.step is None:
            if not self.view.missing and self.view.proposal is not None:
                self.completed.emit("", "")
            return
        self._on_next_button_clicked()
