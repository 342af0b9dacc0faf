"""The end of a unit's workflow: every answer, what the rules propose and the rule behind
it, accept or override. A mixin of :class:`ui.step_panel.StepPanel`; its words are in the
panel's translation context ("StepPanel"), named explicitly for the translation tools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from receiving_station.services.inspection_views import InspectionView
from ui.labels import disposition_label, refund_label
from workflows.definition import DISPOSITIONS, Step, StepKind, text

translate = QCoreApplication.translate


def language() -> str:
    return QLocale().name()[:2]


def answer_text(step: Step, value: Any) -> str:
    """An answer as the inspector gave it, in the station's language."""
    lang = language()
    if value is None:
        return "—"
    if step.kind is StepKind.YES_NO:
        return translate("StepPanel", "Yes") if value == "yes" else translate("StepPanel", "No")
    if step.kind in (StepKind.CHOICE, StepKind.CHECKLIST):
        labels = {o.id: text(o.label, lang) for o in step.options}
        if isinstance(value, tuple):
            return ", ".join(labels.get(str(v), str(v)) for v in value) or translate(
                "StepPanel", "none"
            )
        return labels.get(str(value), str(value))
    if step.kind is StepKind.PHOTO:
        return translate("StepPanel", "{n} photo(s)").format(n=len(value))
    if step.kind is StepKind.NUMBER:
        return f"{QLocale().toString(float(value), 'g', 6)} {step.unit}"
    return str(value)


class SummaryMixin:
    """What the summary needs from the panel."""

    question: QLabel
    guidance: QLabel
    reference: QLabel
    back_button: QPushButton
    skip_button: QPushButton
    next_button: QPushButton
    answers: QVBoxLayout
    go_to_step: SignalInstance
    completed: SignalInstance
    _big_button: Callable[..., QPushButton]

    def _show_summary(self, view: InspectionView) -> None:
        lang = language()
        self.question.setText(translate("StepPanel", "Check the answers, then accept the decision"))
        self.guidance.setVisible(False)
        self.reference.setVisible(False)
        self.back_button.setVisible(True)
        self.back_button.setEnabled(bool(view.progress.path))
        self.skip_button.setVisible(False)
        self.next_button.setVisible(False)
        if view.missing:
            step_id, _why = view.missing[0]
            missing = QLabel(
                translate("StepPanel", "⚠ Not complete yet: {q}").format(
                    q=text(view.workflow.step(step_id).question, lang)
                )
            )
            missing.setObjectName("approval")
            missing.setWordWrap(True)
            self.answers.addWidget(missing)
            self._big_button(
                translate("StepPanel", "Go to that step"),
                lambda: self.go_to_step.emit(step_id),
                "primary",
            )
        elif view.proposal is not None:
            self._decision(view)
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for row, step in enumerate(view.steps):
            q = QLabel(text(step.question, lang))
            q.setObjectName("summaryQuestion")
            q.setWordWrap(True)
            a = QLabel(self.answer_text(step, view.progress.answers.get(step.id)))
            a.setObjectName("summaryAnswer")
            a.setWordWrap(True)
            edit = QPushButton(translate("StepPanel", "Change"))
            edit.setObjectName("changeButton")
            edit.setAccessibleName(
                translate("StepPanel", "Change: {q}").format(q=text(step.question, lang))
            )
            edit.clicked.connect(lambda _c=False, s=step.id: self.go_to_step.emit(s))
            grid.addWidget(q, row, 0)
            grid.addWidget(a, row, 1)
            grid.addWidget(edit, row, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.answers.addLayout(grid)

    def _decision(self, view: InspectionView) -> None:
        proposal = view.proposal
        assert proposal is not None
        refund = refund_label(proposal.refund, proposal.refund_amount)
        decision = QLabel(
            QCoreApplication.translate(
                "StepPanel", "Proposed: {disposition} → zone {zone}. Refund: {refund}."
            ).format(
                disposition=disposition_label(proposal.disposition).upper(),
                zone=proposal.zone,
                refund=refund,
            )
        )
        decision.setObjectName("proposal")
        decision.setWordWrap(True)
        self.answers.addWidget(decision)
        why = QLabel(
            QCoreApplication.translate(
                "StepPanel", "Rule '{rule}' of the disposition rules, version {version}."
            ).format(rule=proposal.rule, version=proposal.rules_version)
        )
        why.setObjectName("caption")
        self.answers.addWidget(why)
        if proposal.lead_approval:
            wait = QLabel(
                QCoreApplication.translate(
                    "StepPanel", "⚠ A lead approves this decision before the unit moves on."
                )
            )
            wait.setObjectName("approval")
            wait.setWordWrap(True)
            self.answers.addWidget(wait)
        self._big_button(
            translate("StepPanel", "Accept the decision (DONE)"),
            lambda: self.completed.emit("", ""),
            "primary",
        )
        override_row = QHBoxLayout()
        self.override_choice = QComboBox()
        self.override_choice.setAccessibleName(translate("StepPanel", "Another disposition"))
        for d in DISPOSITIONS:
            if d != proposal.disposition:
                self.override_choice.addItem(disposition_label(d), d)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(translate("StepPanel", "Why (required)"))
        self.override_reason.setAccessibleName(translate("StepPanel", "Reason for the override"))
        override = QPushButton(translate("StepPanel", "Override"))
        override.clicked.connect(
            lambda: self.completed.emit(
                str(self.override_choice.currentData()), self.override_reason.text()
            )
        )
        override_row.addWidget(self.override_choice)
        override_row.addWidget(self.override_reason, 1)
        override_row.addWidget(override)
        self.answers.addLayout(override_row)

    def answer_text(self, step: Step, value: Any) -> str:
        return answer_text(step, value)
