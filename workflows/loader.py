"""Workflow files: one per condition, TOML read by the standard library.

TOML because leads edit these files in any text editor, they take comments, and unlike
YAML nothing is guessed (YAML reads a bare ``no`` as the boolean false: fatal for yes/no
questions). See :mod:`workflows.store` for how a file with an error is kept out of use.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workflows.definition import (
    CONDITIONS,
    DISPOSITIONS,
    Condition,
    Option,
    Outcome,
    Step,
    StepKind,
    Workflow,
)
from workflows.toml_reader import (
    EXCEPTIONS,
    At,
    Table,
    int_between,
    is_id,
    number,
    read_toml,
    strings,
)

# -- workflows ----------------------------------------------------------------------------


def _options(t: Table, kind: StepKind) -> tuple[Option, ...]:
    if kind not in (StepKind.CHOICE, StepKind.CHECKLIST):
        return ()
    least = 2 if kind is StepKind.CHOICE else 1
    raw = t.get(
        "options",
        f"a list of at least {least} options, each with an id and a label",
        lambda v: isinstance(v, list) and len(v) >= least,
    )
    options = []
    for i, item in enumerate(raw):
        o = Table(item, t.at, f"options[{i}]")
        options.append(Option(o.get("id", "an id (a-z, 0-9, _ or -)", is_id), o.text("label")))
        o.done()
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise t.at.fail("options", "options with different ids", ids)
    return tuple(options)


def _answers_of(step: Step) -> set[str] | None:
    """The answers an outcome of this step may name (None: any grade, checked later)."""
    if step.kind is StepKind.YES_NO:
        return {"yes", "no"}
    if step.kind is StepKind.CHOICE:
        return {o.id for o in step.options}
    if step.kind is StepKind.CHECKLIST:
        return {f"missing:{o.id}" for o in step.options}
    if step.kind is StepKind.GRADE:
        return None
    return set()


def _outcomes(t: Table, step: Step) -> tuple[Outcome, ...]:
    raw = t.get("outcomes", "a list of outcomes", lambda v: isinstance(v, list), [])
    allowed = _answers_of(step)
    out = []
    for i, item in enumerate(raw):
        o = Table(item, t.at, f"outcomes[{i}]")
        if allowed is None:
            answer = o.get("answer", "a grade code", lambda v: isinstance(v, str) and bool(v))
        else:
            expected = (
                "one of " + ", ".join(sorted(allowed)) if allowed else "(no outcomes for this kind)"
            )
            answer = o.get("answer", expected, lambda v: v in allowed)
        out.append(
            Outcome(
                answer=answer,
                flags=tuple(o.get("flags", "a list of flag names", strings(is_id), [])),
                exception=o.get(
                    "exception", "one of " + ", ".join(EXCEPTIONS), lambda v: v in EXCEPTIONS, ""
                ),
                disposition=o.get(
                    "disposition",
                    "one of " + ", ".join(DISPOSITIONS),
                    lambda v: v in DISPOSITIONS,
                    "",
                ),
            )
        )
        o.done()
    return tuple(out)


def _step(item: Any, at: At, index: int, earlier: dict[str, Step], folder: Path) -> Step:
    t0 = Table(item, at, f"steps[{index}]")
    step_id = t0.get("id", "an id (a-z, 0-9, _ or -)", is_id)
    if step_id in earlier:
        raise at.fail(f"steps[{index}].id", "an id no other step has", step_id)
    t = Table(item, at.step(step_id), "")
    t.used.add("id")
    kind = StepKind(
        t.get(
            "kind", "one of " + ", ".join(k.value for k in StepKind), lambda v: v in set(StepKind)
        )
    )
    image = t.get("image", "a path to an image next to the file", lambda v: isinstance(v, str), "")
    if image and not (folder / image).is_file():
        raise t.at.fail("image", "an image file next to the workflow", image)
    when = None
    if "when" in t.data:
        w = Table(t.get("when", "a table", lambda v: isinstance(v, Mapping)), t.at, "when")
        ref = w.get("step", "the id of an earlier step", lambda v: v in earlier)
        if "equals" in w.data:
            values: tuple[str, ...] = (w.get("equals", "an answer", lambda v: isinstance(v, str)),)
        else:
            values = tuple(w.get("in", "a list of answers", strings()))
        w.done()
        when = Condition(ref, values)
    step = Step(
        id=step_id,
        kind=kind,
        question=t.text("question"),
        guidance=t.text("guidance", required=False),
        image=image,
        required=t.get("required", "true or false", lambda v: isinstance(v, bool), True),
        categories=tuple(t.get("categories", "a list of categories", strings(is_id), [])),
        when=when,
    )
    extra: dict[str, Any] = {"options": _options(t, kind)}
    if kind is StepKind.PHOTO:
        extra["min_photos"] = t.get("min", "a whole number from 0 to 20", int_between(0, 20), 1)
        extra["max_photos"] = t.get(
            "max", "a whole number from 1 to 20", int_between(1, 20), max(extra["min_photos"], 6)
        )
        if extra["max_photos"] < extra["min_photos"]:
            raise t.at.fail("max", f"at least min ({extra['min_photos']})", extra["max_photos"])
    if kind is StepKind.SCAN:
        extra["target"] = t.get("target", "'item' or 'serial'", lambda v: v in ("item", "serial"))
    if kind is StepKind.NUMBER:
        extra["unit"] = t.get(
            "unit", "a unit such as 'kg' or 'g'", lambda v: isinstance(v, str) and 0 < len(v) <= 8
        )
        extra["minimum"] = t.get("min", "a number", number, None)
        extra["maximum"] = t.get("max", "a number", number, None)
    if kind is StepKind.TEXT:
        extra["max_length"] = t.get(
            "max_length", "a whole number from 1 to 2000", int_between(1, 2000), 500
        )
    step = Step(**{**step.__dict__, **extra})
    step = Step(**{**step.__dict__, "outcomes": _outcomes(t, step)})
    t.done()
    return step


def parse_workflow(path: Path) -> Workflow:
    data, digest = read_toml(path)
    at = At(path.name)
    t = Table(data, at, "")
    wf_id = t.get("id", "an id (a-z, 0-9, _ or -)", is_id)
    version = t.get("version", "a whole number from 1", int_between(1, 1_000_000))
    title = t.text("title")
    condition = t.get("condition", "one of " + ", ".join(CONDITIONS), lambda v: v in CONDITIONS)
    exception = t.get("exception", "one of " + ", ".join(EXCEPTIONS), lambda v: v in EXCEPTIONS, "")
    raw_steps = t.get(
        "steps", "a list of steps ([[steps]])", lambda v: isinstance(v, list) and len(v) > 0
    )
    t.done()
    steps: dict[str, Step] = {}
    for i, item in enumerate(raw_steps):
        step = _step(item, at, i, steps, path.parent)
        steps[step.id] = step
    grades = [s for s in steps.values() if s.kind is StepKind.GRADE]
    if len(grades) > 1:
        raise at.step(grades[1].id).fail("kind", "at most one grade step per workflow", "grade")
    return Workflow(
        wf_id, version, title, condition, tuple(steps.values()), exception, path.name, digest
    )
