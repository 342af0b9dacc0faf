"""The grading scale and the disposition and refund rules, as data files."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from workflows.definition import (
    DISPOSITIONS,
    REFUNDS,
    Grade,
    GradingScale,
    RefundPolicy,
    Rule,
    Rules,
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

# -- grading and rules --------------------------------------------------------------------


def parse_grades(path: Path) -> GradingScale:
    data, _ = read_toml(path)
    at = At(path.name)
    t = Table(data, at, "")
    raw = t.get(
        "grades", "a list of grades ([[grades]])", lambda v: isinstance(v, list) and len(v) >= 2
    )
    t.done()
    grades = []
    for i, item in enumerate(raw):
        g = Table(item, at, f"grades[{i}]")
        code = g.get(
            "code",
            "one to three capital letters or digits",
            lambda v: isinstance(v, str) and bool(re.match(r"^[A-Z0-9]{1,3}$", v)),
        )
        grades.append(
            Grade(
                code,
                g.text("label"),
                g.text("meaning"),
                g.get("sellable", "true or false", lambda v: isinstance(v, bool), True),
            )
        )
        g.done()
    codes = [g.code for g in grades]
    if len(set(codes)) != len(codes):
        raise at.fail("grades", "grades with different codes", codes)
    return GradingScale(tuple(grades))


def parse_rules(path: Path, scale: GradingScale) -> Rules:
    data, _ = read_toml(path)
    at = At(path.name)
    t = Table(data, at, "")
    version = t.get("version", "a whole number from 1", int_between(1, 1_000_000))
    codes = {g.code for g in scale.grades}
    r = Table(t.get("refund", "a [refund] table", lambda v: isinstance(v, Mapping)), at, "refund")
    fees = Table(
        r.get("fee_percent", "a table of grade = percent", lambda v: isinstance(v, Mapping)),
        at,
        "refund.fee_percent",
    )
    fee_items = []
    fee_expected = f"a percent from 0 to 100 for a grade of the scale ({', '.join(sorted(codes))})"

    def is_percent(v: object) -> bool:
        return number(v) and 0 <= v <= 100  # type: ignore[operator]

    for code in sorted(fees.data):
        checked = fees.get(code, fee_expected, lambda v: is_percent(v))
        if code not in codes:
            raise fees.at.fail(f"refund.fee_percent.{code}", fee_expected, code)
        fee_items.append((code, float(checked)))
    policy = RefundPolicy(
        tuple(fee_items),
        float(r.get("lead_above_value", "a value of at least 0", lambda v: number(v) and v >= 0)),
        float(
            r.get("override_limit_value", "a value of at least 0", lambda v: number(v) and v >= 0)
        ),
    )
    r.done()
    z = Table(t.get("zones", "a [zones] table", lambda v: isinstance(v, Mapping), {}), at, "zones")
    zones = []
    for disposition in DISPOSITIONS:
        zone = z.get(
            disposition,
            "a zone or bin name of at most 24 characters",
            lambda v: isinstance(v, str) and 0 < len(v) <= 24,
            disposition.upper(),
        )
        zones.append((disposition, zone))
    z.done()
    raw = t.get(
        "rules", "a list of rules ([[rules]])", lambda v: isinstance(v, list) and len(v) > 0
    )
    t.done()
    rules = []
    for i, item in enumerate(raw):
        rt = Table(item, at, f"rules[{i}]")
        rule_id = rt.get("id", "an id (a-z, 0-9, _ or -)", is_id)
        rt = Table(item, At(path.name, f"rule '{rule_id}', "), "")
        rt.used.add("id")
        rules.append(
            Rule(
                id=rule_id,
                disposition=rt.get(
                    "disposition", "one of " + ", ".join(DISPOSITIONS), lambda v: v in DISPOSITIONS
                ),
                zone=rt.get(
                    "zone",
                    "a zone or bin name of at most 24 characters",
                    lambda v: isinstance(v, str) and 0 < len(v) <= 24,
                    "",
                ),
                refund=rt.get("refund", "one of " + ", ".join(REFUNDS), lambda v: v in REFUNDS),
                grades=tuple(
                    rt.get(
                        "grades",
                        f"a list of grade codes ({', '.join(sorted(codes))})",
                        strings(lambda c: c in codes),
                        [],
                    )
                ),
                categories=tuple(rt.get("categories", "a list of categories", strings(is_id), [])),
                reasons=tuple(rt.get("reasons", "a list of reason codes", strings(), [])),
                flags=tuple(rt.get("flags", "a list of flag names", strings(is_id), [])),
                exceptions=tuple(
                    rt.get(
                        "exceptions",
                        "a list of exception kinds",
                        strings(lambda e: e in EXCEPTIONS),
                        [],
                    )
                ),
                min_value=rt.get("min_value", "a value", number, None),
                max_value=rt.get("max_value", "a value", number, None),
                lead_approval=rt.get(
                    "lead_approval", "true or false", lambda v: isinstance(v, bool), False
                ),
                note=rt.text("note", required=False),
            )
        )
        rt.done()
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise at.fail("rules", "rules with different ids", ids)
    if any(
        r.grades
        or r.categories
        or r.reasons
        or r.flags
        or r.exceptions
        or r.min_value is not None
        or r.max_value is not None
        for r in rules[-1:]
    ):
        raise at.fail(
            f"rules[{len(rules) - 1}]",
            "a last rule with no criteria (the fallback every unit matches)",
            rules[-1].id,
        )
    return Rules(version, tuple(rules), policy, tuple(zones), path.name)
