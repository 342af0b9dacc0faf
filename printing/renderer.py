"""The station's label renderer: the templates of the labels folder, rendered on demand."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path

from printing.render import LabelData, render_pdf, render_png, render_zpl
from printing.template import Template, load_templates
from receiving_station.errors import ConfigError, DefinitionError, NotFound

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

    def require(self, template: str, key: str, source: str) -> None:
        """:class:`ConfigError` naming ``key`` unless ``template`` is one of the folder's."""
        if template not in self.templates:
            known = ", ".join(sorted(self.templates)) or "none"
            raise ConfigError(
                key=key,
                expected=f"the id of a label template in {self.folder} ({known})",
                found=template,
                source=source,
            )

    def render(self, template: str, values: Mapping[str, str], fmt: str, language: str) -> bytes:
        found = self.templates.get(template)
        if found is None:
            raise NotFound(what=f"label template {template} (in {self.folder})")
        label = LabelData(found, values, language or "en")
        if fmt == "zpl":
            return render_zpl(label).encode("utf-8")
        if fmt == "png":
            return render_png(label)
        return render_pdf(label)


def configured_renderer(folder: Path, template: str, source: str) -> TemplateRenderer:
    """The renderer of the station's labels folder; :class:`ConfigError` if the folder is
    missing or does not hold the configured template (found at start, not at the first
    label)."""
    if not folder.is_dir():
        raise ConfigError(
            key="printer.templates",
            expected="a folder of label templates",
            found=str(folder),
            source=source,
        )
    renderer = TemplateRenderer(folder)
    renderer.require(template, "printer.template", source)
    return renderer
