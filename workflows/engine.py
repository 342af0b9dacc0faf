"""The step engine: walks one unit through a workflow. Pure: no Qt, no database, no clock.

The state of an inspection is a :class:`Progress` (answers, the path walked, the current
step); every call returns a new one, which the caller saves after every answer, so an
inspection interrupted by a crash resumes at the same step with every answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from receiving_station.errors import BadAnswer, InspectionIncomplete
from receiving_station.i18n import QT_TRANSLATE_NOOP
from workflows.definition import GradingScale, Step, StepKind, Workflow

Answer = str | float | tuple[str, ...]

NOT_YES_NO = QT_TRANSLATE_NOOP("errors", "the answer must be yes or no")
NOT_AN_OPTION = QT_TRANSLATE_NOOP("errors", "the answer must be one of the choices shown")
NOT_ITEMS = QT_TRANSLATE_NOOP("errors", "the answer must be items of the list shown")
NOT_A_GRADE = QT_TRANSLATE_NOOP("errors", "the answer must be a grade of the scale")
NOT_PHOTOS = QT_TRANSLATE_NOOP("errors", "the answer must be photos, no more than allowed")
NOT_A_SCAN = QT_TRANSLATE_NOOP("errors", "scan or type the code")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("errors", "the answer must be a number within the limits")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "the note is longer than allowed")
NOT_SKIPPABLE = QT_TRANSLATE_NOOP("errors", "this step is required and cannot be skipped")
NO_STEP = QT_TRANSLATE_NOOP("errors", "there is no step to answer: check the summary")
UNANSWERED = QT_TRANSLATE_NOOP("errors", "this required step has no answer yet")
TOO_FEW_PHOTOS = QT_TRANSLATE_NOOP("errors", "it needs more photos")


@dataclass(frozen=True)
class Progress:
    answers: Mapping[str, Answer] = field(default_factory=dict)
    path: tuple[str, ...] = ()
    """The steps shown so far, in order: BACK walks it backwards."""
    current: str | None = None
    """The step on screen; None once every step is done (the summary)."""
    skipped: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in self.answers.items()},
            "path": list(self.path),
            "current": self.current,
            "skipped": list(self.skipped),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Progress:
        answers = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.get("answers", {}).items()
        }
        return cls(
            answers,
            tuple(data.get("path", ())),
            data.get("current"),
            tuple(data.get("skipped", ())),
        )


@dataclass(frozen=True)
class Result:
    """What the answers mean: flags raised, exceptions to open, disposition hints, grade."""

    flags: tuple[str, ...]
    exceptions: tuple[str, ...]
    hints: tuple[str, ...]
    grade: str


class Engine:
    def __init__(self, workflow: Workflow, category: str, scale: GradingScale) -> None:
        self.workflow = workflow
        self.category = category
        self.scale = scale

    # -- which steps ----------------------------------------------------------------------

    def _applies(self, step: Step, answers: Mapping[str, Answer]) -> bool:
        if step.categories and self.category not in step.categories:
            return False
        if step.when is None:
            return True
        given = answers.get(step.when.step)
        if isinstance(given, tuple):
            return any(v in given for v in step.when.values)
        return given is not None and str(given) in step.when.values

    def steps(self, answers: Mapping[str, Answer]) -> list[Step]:
        """The steps this unit goes through, given the answers so far."""
        return [s for s in self.workflow.steps if self._applies(s, answers)]

    def _next_after(self, step_id: str | None, answers: Mapping[str, Answer]) -> str | None:
        visible = self.steps(answers)
        ids = [s.id for s in self.workflow.steps]
        start = ids.index(step_id) + 1 if step_id is not None else 0
        for s in visible:
            if ids.index(s.id) >= start:
                return s.id
        return None

    # -- walking --------------------------------------------------------------------------

    def start(self) -> Progress:
        first = self._next_after(None, {})
        return Progress({}, (first,) if first else (), first)

    def current_step(self, progress: Progress) -> Step | None:
        return self.workflow.step(progress.current) if progress.current else None

    def validate(self, step: Step, value: Any) -> Answer:
        """The answer in its stored form; :class:`BadAnswer` when it does not fit the step."""
        name = step.id
        kind = step.kind
        if kind is StepKind.YES_NO:
            if value not in ("yes", "no"):
                raise BadAnswer(step=name, problem=NOT_YES_NO)
            return str(value)
        if kind is StepKind.CHOICE:
            if value not in {o.id for o in step.options}:
                raise BadAnswer(step=name, problem=NOT_AN_OPTION)
            return str(value)
        if kind is StepKind.CHECKLIST:
            ids = {o.id for o in step.options}
            if not isinstance(value, (list, tuple)) or not set(value) <= ids:
                raise BadAnswer(step=name, problem=NOT_ITEMS)
            return tuple(o.id for o in step.options if o.id in value)
        if kind is StepKind.GRADE:
            if not isinstance(value, str) or self.scale.get(value) is None:
                raise BadAnswer(step=name, problem=NOT_A_GRADE)
            return value
        if kind is StepKind.PHOTO:
            ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value)
            if not ok or len(value) > step.max_photos:
                raise BadAnswer(step=name, problem=NOT_PHOTOS)
            return tuple(value)
        if kind is StepKind.SCAN:
            if not isinstance(value, str) or not value.strip() or len(value) > 128:
                raise BadAnswer(step=name, problem=NOT_A_SCAN)
            return value.strip()
        if kind is StepKind.NUMBER:
            try:
                number = float(str(value).replace(",", "."))
            except ValueError:
                raise BadAnswer(step=name, problem=NOT_A_NUMBER) from None
            low = step.minimum if step.minimum is not None else -math.inf
            high = step.maximum if step.maximum is not None else math.inf
            if not math.isfinite(number) or not low <= number <= high:
                raise BadAnswer(step=name, problem=NOT_A_NUMBER)
            return number
        if not isinstance(value, str) or len(value) > step.max_length:
            raise BadAnswer(step=name, problem=TOO_LONG)
        return value

    def answer(self, progress: Progress, value: Any) -> Progress:
        """Answer the current step and move on. Answers of steps that no longer apply (an
        earlier answer changed) are dropped, so what is saved is always consistent."""
        step = self.current_step(progress)
        if step is None:
            raise BadAnswer(step=self.workflow.id, problem=NO_STEP)
        stored = self.validate(step, value)
        answers = dict(progress.answers)
        answers[step.id] = stored
        visible = {s.id for s in self.steps(answers)}
        answers = {k: v for k, v in answers.items() if k in visible}
        if step.kind is StepKind.PHOTO and len(stored) < step.min_photos:  # type: ignore[arg-type]
            return replace(progress, answers=answers)  # more photos to come: stay
        return self._advance(progress, answers, step.id)

    def _advance(self, progress: Progress, answers: dict[str, Answer], done: str) -> Progress:
        nxt = self._next_after(done, answers)
        path = tuple(p for p in progress.path if p in {s.id for s in self.steps(answers)})
        if nxt is not None and nxt not in path:
            path += (nxt,)
        skipped = tuple(s for s in progress.skipped if s not in answers)
        return Progress(answers, path, nxt, skipped)

    def next(self, progress: Progress) -> Progress:
        """NEXT on a step already answered (after BACK): move on without changing it."""
        step = self.current_step(progress)
        if step is None:
            return progress
        if step.id in progress.answers:
            value = progress.answers[step.id]
            if step.kind is StepKind.PHOTO and len(value) < step.min_photos:  # type: ignore[arg-type]
                raise BadAnswer(step=step.id, problem=TOO_FEW_PHOTOS)
            return self._advance(progress, dict(progress.answers), step.id)
        if not step.required:
            return self.skip(progress)
        raise BadAnswer(step=step.id, problem=UNANSWERED)

    def skip(self, progress: Progress) -> Progress:
        step = self.current_step(progress)
        if step is None:
            return progress
        if step.required:
            raise BadAnswer(step=step.id, problem=NOT_SKIPPABLE)
        answers = {k: v for k, v in progress.answers.items() if k != step.id}
        moved = self._advance(progress, answers, step.id)
        return replace(moved, skipped=(*moved.skipped, step.id))

    def back(self, progress: Progress) -> Progress:
        if progress.current is None:
            return replace(progress, current=progress.path[-1]) if progress.path else progress
        if progress.current not in progress.path:
            return progress
        i = progress.path.index(progress.current)
        if i == 0:
            return progress
        return replace(progress, current=progress.path[i - 1], path=progress.path[:i])

    def go_to(self, progress: Progress, step_id: str) -> Progress:
        """Show a given step (the one that blocks completion)."""
        if step_id not in {s.id for s in self.steps(progress.answers)}:
            return progress
        path = progress.path if step_id in progress.path else (*progress.path, step_id)
        return replace(progress, current=step_id, path=path)

    # -- finishing ------------------------------------------------------------------------

    def missing(self, progress: Progress) -> list[tuple[Step, str]]:
        """Why the inspection cannot be completed: (step, reason), in step order."""
        out = []
        for step in self.steps(progress.answers):
            value = progress.answers.get(step.id)
            if step.kind is StepKind.PHOTO:
                count = len(value) if isinstance(value, tuple) else 0
                if count < step.min_photos:
                    out.append((step, TOO_FEW_PHOTOS))
            elif value is None and step.required:
                out.append((step, UNANSWERED))
        return out

    def check_complete(self, progress: Progress) -> None:
        missing = self.missing(progress)
        if missing:
            step, reason = missing[0]
            raise InspectionIncomplete(step=step.id, problem=reason)

    def result(self, progress: Progress) -> Result:
        flags: list[str] = []
        exceptions: list[str] = []
        hints: list[str] = []
        grade = ""
        for step in self.steps(progress.answers):
            value = progress.answers.get(step.id)
            if value is None:
                continue
            if step.kind is StepKind.GRADE:
                grade = str(value)
            given: set[str]
            if step.kind is StepKind.CHECKLIST:
                ticked = set(value) if isinstance(value, tuple) else set()
                given = {f"missing:{o.id}" for o in step.options if o.id not in ticked}
            else:
                given = {str(value)}
            for outcome in step.outcomes:
                if outcome.answer in given:
                    flags += [f for f in outcome.flags if f not in flags]
                    if outcome.exception and outcome.exception not in exceptions:
                        exceptions.append(outcome.exception)
                    if outcome.disposition and outcome.disposition not in hints:
                        hints.append(outcome.disposition)
        if self.workflow.exception and self.workflow.exception not in exceptions:
            exceptions.insert(0, self.workflow.exception)
        return Result(tuple(flags), tuple(exceptions), tuple(hints), grade)
