"""A workflow as plain JSON and back: stored with every inspection that follows it, so a
later edit of the file never changes what an inspection asks (ACCEPTANCE 22)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from workflows.definition import Condition, Option, Outcome, Step, StepKind, Text, Workflow


def _text(value: Any) -> Text:
    return tuple((str(k), str(v)) for k, v in value)


def to_json(workflow: Workflow) -> dict[str, Any]:
    return asdict(workflow)


def from_json(data: dict[str, Any]) -> Workflow:
    steps = []
    for s in data["steps"]:
        when = s.get("when")
        steps.append(
            Step(
                id=s["id"],
                kind=StepKind(s["kind"]),
                question=_text(s["question"]),
                guidance=_text(s.get("guidance", ())),
                image=s.get("image", ""),
                required=s.get("required", True),
                categories=tuple(s.get("categories", ())),
                when=Condition(when["step"], tuple(when["values"])) if when else None,
                options=tuple(Option(o["id"], _text(o["label"])) for o in s.get("options", ())),
                min_photos=s.get("min_photos", 0),
                max_photos=s.get("max_photos", 0),
                target=s.get("target", ""),
                unit=s.get("unit", ""),
                minimum=s.get("minimum"),
                maximum=s.get("maximum"),
                max_length=s.get("max_length", 500),
                outcomes=tuple(
                    Outcome(
                        o["answer"],
                        tuple(o.get("flags", ())),
                        o.get("exception", ""),
                        o.get("disposition", ""),
                    )
                    for o in s.get("outcomes", ())
                ),
            )
        )
    return Workflow(
        id=data["id"],
        version=data["version"],
        title=_text(data["title"]),
        condition=data["condition"],
        steps=tuple(steps),
        exception=data.get("exception", ""),
        source=data.get("source", ""),
        digest=data.get("digest", ""),
    )
