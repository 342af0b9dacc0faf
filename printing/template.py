"""Label templates: data files in ``resources/labels/`` describing where each field goes.

TOML like the workflows, read and refused the same way: an error names the file, the
element, the field and what was expected, and a template with an error is never used.
Positions and sizes are in millimetres from the top-left corner of the label.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from receiving_station.errors import DefinitionError
from workflows.definition import Text
from workflows.toml_reader import At, Table, int_between, is_id, number, read_toml

FIELDS = (
    "lpn",
    "disposition",
    "zone",
    "rma",
    "sku",
    "description",
    "grade",
    "date",
    "station",
    "inspector",
    "label",
    "packaging",
    "note",
    "title",
    "badge",
    "name",
    "role",
)
"""What a template may print. ``title``: the template's own title line."""


class ElementKind(StrEnum):
    TEXT = "text"
    CODE128 = "code128"
    QR = "qr"
    BOX = "box"


@dataclass(frozen=True)
class Element:
    kind: ElementKind
    field: str
    x: float
    y: float
    width: float
    height: float
    size: float = 10.0
    """Text height in points (text), or nothing."""
    bold: bool = False
    align: str = "left"
    upper: bool = False
    prefix: Text = ()
    """Printed before the value (a caption such as 'RMA '), in each language."""


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    title: str
    width: float
    height: float
    elements: tuple[Element, ...]
    source: str = ""

    @property
    def fields(self) -> set[str]:
        return {e.field for e in self.elements if e.field}


def parse_template(path: Path) -> Template:
    data, _digest = read_toml(path)
    at = At(path.name)
    t = Table(data, at, "")
    template_id = t.get("id", "an id (a-z, 0-9, _ or -)", is_id)
    version = t.get("version", "a whole number from 1", int_between(1, 1_000_000))
    title = t.get("title", "a short title", lambda v: isinstance(v, str) and 0 < len(v) <= 60)
    width = float(
        t.get("width_mm", "a width from 20 to 300 mm", lambda v: number(v) and 20 <= v <= 300)
    )
    height = float(
        t.get("height_mm", "a height from 10 to 300 mm", lambda v: number(v) and 10 <= v <= 300)
    )
    raw = t.get(
        "elements",
        "a list of elements ([[elements]])",
        lambda v: isinstance(v, list) and len(v) > 0,
    )
    t.done()
    elements = []
    for i, item in enumerate(raw):
        e = Table(item, At(path.name, f"element {i + 1}, "), "")
        kind = ElementKind(
            e.get(
                "kind",
                "one of " + ", ".join(k.value for k in ElementKind),
                lambda v: v in set(ElementKind),
            )
        )
        field = e.get(
            "field",
            "one of the label's fields (" + ", ".join(FIELDS) + ")",
            lambda v: v in FIELDS,
            "" if kind is ElementKind.BOX else None,
        )
        if field is None:
            raise e.at.fail(
                "field", "one of the label's fields (" + ", ".join(FIELDS) + ")", "nothing"
            )
        x = float(
            e.get("x", f"a position from 0 to {width:g} mm", lambda v: number(v) and 0 <= v < width)
        )
        y = float(
            e.get(
                "y", f"a position from 0 to {height:g} mm", lambda v: number(v) and 0 <= v < height
            )
        )
        w = float(e.get("w", "a width in mm", lambda v: number(v) and v > 0))
        h = float(e.get("h", "a height in mm", lambda v: number(v) and v > 0))
        if x + w > width + 0.01 or y + h > height + 0.01:
            raise e.at.fail(
                "w",
                f"a box inside the {width:g} × {height:g} mm label",
                f"{x + w:g} × {y + h:g} mm",
            )
        element = Element(
            kind=kind,
            field=field,
            x=x,
            y=y,
            width=w,
            height=h,
            size=float(
                e.get(
                    "size",
                    "a text height from 5 to 120 points",
                    lambda v: number(v) and 5 <= v <= 120,
                    10,
                )
            ),
            bold=e.get("bold", "true or false", lambda v: isinstance(v, bool), False),
            align=e.get(
                "align",
                "'left', 'center' or 'right'",
                lambda v: v in ("left", "center", "right"),
                "left",
            ),
            upper=e.get("upper", "true or false", lambda v: isinstance(v, bool), False),
            prefix=e.text("prefix", required=False),
        )
        if kind is ElementKind.QR and abs(w - h) > 0.01:
            raise e.at.fail("h", "the same as w (a QR code is square)", h)
        e.done()
        elements.append(element)
    if not any(e.kind in (ElementKind.CODE128, ElementKind.QR) for e in elements):
        raise at.fail("elements", "at least one barcode (code128 or qr)", "none")
    return Template(template_id, version, title, width, height, tuple(elements), path.name)


def load_templates(folder: Path) -> tuple[dict[str, Template], list[DefinitionError]]:
    """Every good template of a folder by id, and the errors of the others."""
    templates: dict[str, Template] = {}
    errors: list[DefinitionError] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            template = parse_template(path)
        except DefinitionError as exc:
            errors.append(exc)
            continue
        if template.id in templates:
            errors.append(At(path.name).fail("id", "an id no other template has", template.id))
            continue
        templates[template.id] = template
    return templates, errors
