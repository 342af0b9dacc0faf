"""Every user-facing string has its French translation, with the same placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rs])?\}|%n")


def messages(name: str) -> list[tuple[str, list[str], str | None]]:
    out = []
    for message in ET.parse(TS / name).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        out.append((source, forms, translation.get("type")))
    return out


def test_the_french_file_covers_every_string_in_the_code(tmp_path: Path):
    import subprocess
    import sys

    root = TS.parents[1]
    sources = [
        str(p.relative_to(root))
        for pkg in ("ui", "receiving_station", "scanners", "workflows", "printing")
        for p in sorted((root / pkg).rglob("*.py"))
    ]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    in_code = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    assert len(in_code) > 50
    translated = {source for source, _forms, _kind in messages("receiving_station_fr.ts")}
    assert in_code - translated == set(), "run 'make translations-update' and translate"


@pytest.mark.parametrize(("source", "forms", "kind"), messages("receiving_station_fr.ts"))
def test_each_french_translation_is_finished_and_keeps_its_placeholders(
    source: str, forms: list[str], kind: str | None
):
    assert kind is None, f"unfinished: {source!r}"
    for form in forms:
        assert form.strip(), f"empty translation of {source!r}"
        assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), source
