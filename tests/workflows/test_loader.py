"""Loading definitions: every error names the file, the step, the field and what was
expected, and a file with an error never replaces the version in use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from receiving_station.cli import main
from receiving_station.errors import DefinitionError
from workflows.loader import parse_workflow
from workflows.store import WorkflowStore

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "workflows"

GOOD = """
id = "damaged"
version = 1
title = { en = "Damaged item", fr = "Article endommagé" }
condition = "damaged"
exception = "damaged"

[[steps]]
id = "photos"
kind = "photo"
min = 2
question = { en = "Photograph the damage" }

[[steps]]
id = "grade"
kind = "grade"
question = "Grade the unit"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED, tmp_path / "wf")
    return tmp_path / "wf"


def error_of(tmp_path: Path, toml: str) -> str:
    path = tmp_path / "damaged.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        parse_workflow(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (('kind = "grade"', 'kind = "stars"'), ["damaged.toml", "step 'grade'", "kind", "yes_no"]),
        (("min = 2", "min = 50"), ["step 'photos'", "min", "0 to 20"]),
        (("min = 2", "min = 2\nmax = 1"), ["step 'photos'", "max", "at least min"]),
        (('question = "Grade the unit"', "question = 3"), ["step 'grade'", "question", "'en'"]),
        (('question = "Grade the unit"', 'questoin = "x"'), ["step 'grade'", "question"]),
        (('condition = "damaged"', 'condition = "broken"'), ["condition", "standard"]),
        (("version = 1", "version = 0"), ["version", "whole number"]),
        (('id = "grade"', 'id = "photos"'), ["steps[1].id", "no other step"]),
        (
            (
                '[[steps]]\nid = "grade"',
                '[[steps]]\nid = "grade"\nwhen = { step = "later", equals = "x" }',
            ),
            ["step 'grade'", "when.step", "earlier step"],
        ),
        (("min = 2", 'min = 2\nimage = "images/nope.png"'), ["step 'photos'", "image", "nope.png"]),
        (("version = 1", "version = 1\nversion = 2"), ["valid TOML"]),
    ],
)
def test_an_error_names_file_step_field_and_what_was_expected(tmp_path, change, says):
    old, new = change
    assert old in GOOD
    message = error_of(tmp_path, GOOD.replace(old, new, 1))
    for words in says:
        assert words in message, message


def test_an_outcome_must_name_an_answer_the_step_can_give(tmp_path: Path):
    step = '[[steps]]\nid = "ok"\nkind = "yes_no"\nquestion = "Ok?"\n'
    toml = GOOD + "\n" + step + 'outcomes = [{ answer = "maybe" }]\n'
    message = error_of(tmp_path, toml)
    assert "step 'ok'" in message
    assert "outcomes[0].answer" in message
    assert "no, yes" in message


def test_a_file_that_is_not_text_is_refused(tmp_path: Path):
    path = tmp_path / "damaged.toml"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DefinitionError) as caught:
        parse_workflow(path)
    assert "UTF-8" in str(caught.value)


def test_a_broken_edit_keeps_the_working_version_in_use(folder: Path):
    store = WorkflowStore(folder)
    assert store.reload() == []
    working = store.library.workflows["damaged"]
    text = (folder / "damaged.toml").read_text(encoding="utf-8")
    (folder / "damaged.toml").write_text(
        text.replace("version = 1", "version = 2").replace('kind = "grade"', 'kind = "stars"'),
        encoding="utf-8",
    )
    errors = store.reload()
    assert len(errors) == 1
    assert "damaged.toml" in str(errors[0])
    assert store.library.workflows["damaged"] is working
    (folder / "damaged.toml").write_text(
        text.replace("version = 1", "version = 2"), encoding="utf-8"
    )
    assert store.reload() == []
    assert store.library.workflows["damaged"].version == 2


def test_changed_steps_under_the_same_version_number_are_refused(folder: Path):
    store = WorkflowStore(folder)
    store.reload()
    path = folder / "wrong_item.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("min = 2", "min = 1"), encoding="utf-8"
    )
    (error,) = store.reload()
    assert "wrong_item.toml" in str(error)
    assert "new version number" in str(error)
    assert store.library.workflows["wrong_item"].step("photos").min_photos == 2


def test_a_broken_rules_file_keeps_the_rules_in_use(folder: Path):
    store = WorkflowStore(folder)
    store.reload()
    rules = store.library.rules
    (folder / "rules.toml").write_text(
        (folder / "rules.toml")
        .read_text(encoding="utf-8")
        .replace(
            'refund = "none"\nlead_approval = true\nnote = { en = "No rule',
            'refund = "some"\nlead_approval = true\nnote = { en = "No rule',
        ),
        encoding="utf-8",
    )
    (error,) = store.reload()
    assert "rules.toml" in str(error)
    assert "rule 'fallback'" in str(error)
    assert "refund" in str(error)
    assert store.library.rules is rules


def test_workflows_check_passes_the_shipped_folder(capsys):
    assert main(["workflows", "check", str(SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert "7 workflows" in out


def test_workflows_check_exits_non_zero_and_lists_every_error(folder: Path, capsys):
    (folder / "damaged.toml").write_text(
        GOOD.replace('kind = "grade"', 'kind = "stars"'), encoding="utf-8"
    )
    (folder / "extra_item.toml").write_text("not toml at all [", encoding="utf-8")
    assert main(["workflows", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "damaged.toml" in err
    assert "extra_item.toml" in err


def test_a_changed_file_is_read_again_on_the_next_parcel_and_only_then(folder: Path):
    store = WorkflowStore(folder)
    store.reload()
    before = store.library
    assert store.refresh() == ()
    assert store.library is before  # nothing changed: nothing parsed again
    path = folder / "extra_item.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("version = 1", "version = 2", 1), encoding="utf-8"
    )
    store.refresh()
    assert store.library is not before
    assert store.library.workflows["extra_item"].version == 2
