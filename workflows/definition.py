"""The shape of a workflow definition: what the loader builds and the engine walks.

Plain frozen data. Texts carry every language they were written in (``en`` always);
:func:`text` picks the reader's language and falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

CONDITIONS = (
    "standard",
    "damaged",
    "wrong_item",
    "missing_item",
    "extra_item",
    "serial_mismatch",
    "unidentified_parcel",
)
DISPOSITIONS = (
    "restock",
    "refurbish",
    "return_to_vendor",
    "liquidate",
    "donate",
    "recycle",
    "destroy",
    "quarantine",
)
REFUNDS = ("full", "partial", "none")

Text = tuple[tuple[str, str], ...]
"""A text in several languages: ((language, words), ...), English always present."""


def text(value: Text, language: str = "en") -> str:
    words = dict(value)
    return words.get(language) or words.get("en", "")


class StepKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    CHECKLIST = "checklist"
    GRADE = "grade"
    PHOTO = "photo"
    SCAN = "scan"
    NUMBER = "number"
    TEXT = "text"


@dataclass(frozen=True)
class Option:
    """One answer of a choice step, or one item of a checklist."""

    id: str
    label: Text


@dataclass(frozen=True)
class Condition:
    """Show a step only when an earlier step's answer is (or contains) one of ``values``."""

    step: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What an answer means: ``answer`` is the answer (yes/no, an option, a grade) or, for a
    checklist, ``missing:<item>`` for an item left unticked."""

    answer: str
    flags: tuple[str, ...] = ()
    exception: str = ""
    disposition: str = ""


@dataclass(frozen=True)
class Step:
    id: str
    kind: StepKind
    question: Text
    guidance: Text = ()
    image: str = ""
    required: bool = True
    categories: tuple[str, ...] = ()
    """Only for units of these categories (empty: every category)."""
    when: Condition | None = None
    options: tuple[Option, ...] = ()
    min_photos: int = 0
    max_photos: int = 0
    target: str = ""
    """Scan steps: 'item' or 'serial'."""
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = 500
    outcomes: tuple[Outcome, ...] = ()


@dataclass(frozen=True)
class Workflow:
    id: str
    version: int
    title: Text
    condition: str
    """What it is for: standard, damaged, wrong_item, missing_item, extra_item,
    serial_mismatch, unidentified_parcel."""
    steps: tuple[Step, ...]
    exception: str = ""
    """The exception kind a unit following this workflow always opens (empty: none)."""
    source: str = ""
    digest: str = ""
    """SHA-256 of the file: the same id and version must always mean the same steps."""

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)


@dataclass(frozen=True)
class Grade:
    code: str
    label: Text
    meaning: Text
    sellable: bool = True


@dataclass(frozen=True)
class GradingScale:
    grades: tuple[Grade, ...]

    def get(self, code: str) -> Grade | None:
        return next((g for g in self.grades if g.code == code), None)


@dataclass(frozen=True)
class Rule:
    """One disposition rule; the first rule whose every given criterion matches wins."""

    id: str
    disposition: str
    refund: str
    zone: str = ""
    """Where the unit goes; empty: the disposition's default zone."""
    """full, partial (restocking fee by grade) or none."""
    grades: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    """Any of these flags raised."""
    exceptions: tuple[str, ...] = ()
    """Any of these exception kinds opened."""
    min_value: float | None = None
    max_value: float | None = None
    lead_approval: bool = False
    note: Text = ()


@dataclass(frozen=True)
class RefundPolicy:
    fee_percent: tuple[tuple[str, float], ...]
    """Restocking fee by grade, in percent of the unit value (partial refunds)."""
    lead_above_value: float
    """Units worth more than this wait for a lead whatever the rule says."""
    override_limit_value: float
    """An inspector's override on a unit worth more than this waits for a lead."""


@dataclass(frozen=True)
class Rules:
    version: int
    rules: tuple[Rule, ...]
    refund: RefundPolicy
    zones: tuple[tuple[str, str], ...] = ()
    """The default destination zone of each disposition."""
    source: str = ""

    def zone_of(self, disposition: str) -> str:
        return dict(self.zones).get(disposition, disposition.upper())


@dataclass(frozen=True)
class Library:
    """Everything the inspection needs, loaded and checked together."""

    workflows: dict[str, Workflow] = field(default_factory=dict)
    """By id."""
    scale: GradingScale = field(default_factory=lambda: GradingScale(()))
    rules: Rules | None = None

    def for_condition(self, condition: str) -> Workflow | None:
        return next((w for w in self.workflows.values() if w.condition == condition), None)
