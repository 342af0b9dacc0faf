"""The station's label renderer: the templates of the labels folder, rendered on demand."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path

from printing.render import LabelData, render_pdf, render_png, render_zpl
from printing.template import Template, load_templates
from receiving_station.errors import DefinitionError, NotFound

log = logging.getLogger("receiving_station.printing")


class TemplateRenderer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self.templates: dict[str, Template] = {}
        self.errors: list[DefinitionError] = []
        self.reload()

    def reload(self) -> list[DefinitionError]:
        """Read the templates again; one with an error keeps its last good version."""
        templates, errors = load_templates(self.folder)
        with self._lock:
            self.templates = {**self.templates, **templates}
            self.errors = errors
        for error in errors:
            log.warning("label templates: %s", error)
        return errors

    def render(self, template: str, values: Mapping[str, str], fmt: str, language: str) -> bytes:
        found = self.templates.get(template)
        if found is None:
            raise NotFound(what=f"label template {template}")
        label = LabelData(found, values, language or "en")
        if fmt == "zpl":
            return render_zpl(label).encode("utf-8")
        if fmt == "png":
            return render_png(label)
        return render_pdf(label)
