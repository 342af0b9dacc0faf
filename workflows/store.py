"""The workflows in use at this station, and the check a lead runs before a change."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from receiving_station.errors import DefinitionError
from workflows.definition import GradingScale, Library, StepKind, Workflow
from workflows.loader import parse_workflow
from workflows.rules_loader import parse_grades, parse_rules
from workflows.toml_reader import At

GRADES_FILE = "grades.toml"
RULES_FILE = "rules.toml"

# -- the folder ---------------------------------------------------------------------------


def _check_grades_used(wf: Workflow, scale: GradingScale) -> None:
    codes = {g.code for g in scale.grades}
    for step in wf.steps:
        for o in step.outcomes:
            if step.kind is StepKind.GRADE and o.answer not in codes:
                raise (
                    At(wf.source)
                    .step(step.id)
                    .fail(
                        "outcomes.answer",
                        f"a grade of the scale ({', '.join(sorted(codes))})",
                        o.answer,
                    )
                )


@dataclass
class WorkflowStore:
    """The workflows in use. ``reload`` reads the folder again; a file with an error is
    reported and its last good version stays in use (ACCEPTANCE 21)."""

    folder: Path
    library: Library = field(default_factory=Library)
    errors: tuple[DefinitionError, ...] = ()
    """The errors of the last reload: files whose previous version is still in use."""
    _by_file: dict[str, Workflow] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _seen: tuple[tuple[str, int, int], ...] | None = None

    def _stamp(self) -> tuple[tuple[str, int, int], ...]:
        stamps = []
        for path in sorted(self.folder.glob("*.toml")):
            try:
                st = path.stat()
            except OSError:
                continue
            stamps.append((path.name, st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    def reload(self) -> list[DefinitionError]:
        """Read the folder again (thread-safe; readers keep the library they hold)."""
        with self._lock:
            self._seen = self._stamp()
            errors = self._reload()
            self.errors = tuple(errors)
            return errors

    def refresh(self) -> tuple[DefinitionError, ...]:
        """Read the folder again only if a file changed (a stat per file, no parsing):
        cheap enough for every parcel opened."""
        if self._stamp() != self._seen:
            self.reload()
        return self.errors

    def _reload(self) -> list[DefinitionError]:
        errors: list[DefinitionError] = []
        scale = self.library.scale
        try:
            scale = parse_grades(self.folder / GRADES_FILE)
        except DefinitionError as exc:
            errors.append(exc)
        rules = self.library.rules
        try:
            rules = parse_rules(self.folder / RULES_FILE, scale)
        except DefinitionError as exc:
            errors.append(exc)
        by_file = dict(self._by_file)
        seen_ids: dict[str, str] = {}
        for path in sorted(self.folder.glob("*.toml")):
            if path.name in (GRADES_FILE, RULES_FILE):
                continue
            try:
                wf = parse_workflow(path)
                _check_grades_used(wf, scale)
                if wf.id in seen_ids:
                    raise At(path.name).fail(
                        "id", f"an id no other file has ({seen_ids[wf.id]} has it)", wf.id
                    )
                old = self._by_file.get(path.name)
                if (
                    old is not None
                    and old.id == wf.id
                    and old.version == wf.version
                    and old.digest != wf.digest
                ):
                    raise At(path.name).fail(
                        "version",
                        f"a new version number (the steps changed; {wf.version} is taken)",
                        wf.version,
                    )
                seen_ids[wf.id] = path.name
                by_file[path.name] = wf
            except DefinitionError as exc:
                errors.append(exc)
                if path.name in by_file:
                    seen_ids[by_file[path.name].id] = path.name
        self._by_file = by_file
        self.library = Library({wf.id: wf for wf in by_file.values()}, scale, rules)
        return errors


def check_folder(folder: Path) -> tuple[Library, list[DefinitionError]]:
    """Validate every file of a folder, as ``receiving-station workflows check`` does."""
    store = WorkflowStore(folder)
    errors = store.reload()
    if not errors and store.library.rules is None:
        errors.append(At(RULES_FILE).fail("(file)", "a rules file", "nothing"))
    return store.library, errors
