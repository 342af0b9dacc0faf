"""Hostile files and paths given to the command line: a configuration, a workflow, a label
template or a photo that is a folder, a device, a pipe, huge or nested without end, and
outputs that cannot be written. Each gets a message naming the file and what is wrong,
exit code 2 (1 for ``workflows check``, which reports), never a traceback, and no
half-written file left behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from receiving_station.cli import main
from receiving_station.config import load_config
from receiving_station.domain.checkdigits import license_plate
from receiving_station.errors import ConfigError
from workflows.store import WorkflowStore

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "workflows"
LABELS = Path(__file__).resolve().parents[2] / "resources" / "labels"
LPN = license_plate(123_456)
DEEP_ARRAY = "a = " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_TABLE = "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n"
DEEP_KEYS = "[" + ".".join(["k"] * 5000) + "]\nv = 1\n"


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    return fifo


def _hostile_config(kind: str, tmp_path: Path) -> Path:
    """A configuration file nobody should have to read."""
    if kind == "folder":
        folder = tmp_path / "config.toml"
        folder.mkdir()
        return folder
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind == "fifo":
        return _fifo(tmp_path)
    path = tmp_path / "config.toml"
    if kind == "huge":
        path.write_text("# " + "x" * 3_000_000 + "\n")
    elif kind == "not-utf8":
        path.write_bytes(b"[station]\nname = '\xff\xfe'\n")
    else:
        path.write_text(
            {"deep-array": DEEP_ARRAY, "deep-table": DEEP_TABLE, "deep-keys": DEEP_KEYS}[kind]
        )
    return path


CONFIG_CASES = [
    "folder",
    "dev-zero",
    "fifo",
    "huge",
    "not-utf8",
    "deep-array",
    "deep-table",
    "deep-keys",
]


@pytest.mark.parametrize("kind", CONFIG_CASES)
def test_a_hostile_configuration_file_is_named_with_what_is_wrong(
    kind, tmp_path, monkeypatch, capsys
):
    path = _hostile_config(kind, tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_config(env={"HOME": str(tmp_path)}, path=path)
    assert str(path) in str(caught.value)
    monkeypatch.setenv("RS_CONFIG", str(path))
    assert main(["workflows", "check", str(SHIPPED)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(path) in err
    assert "Configuration" in err


@pytest.mark.parametrize("kind", ["deep-array", "deep-table"])
def test_nesting_too_deep_names_the_line(kind, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[station]\nname = 'DOCK-1'\n" + (DEEP_ARRAY if kind == "deep-array" else DEEP_TABLE)
    )
    with pytest.raises(ConfigError) as caught:
        load_config(env={"HOME": str(tmp_path)}, path=path)
    assert "line 3" in str(caught.value)
    assert "nested deeper than" in str(caught.value)


def test_the_settings_page_refuses_a_hostile_file_and_leaves_it_alone(tmp_path):
    from receiving_station.config_file import save_settings

    path = tmp_path / "config.toml"
    path.write_text(DEEP_ARRAY)
    with pytest.raises(ConfigError, match="nested deeper than"):
        save_settings(path, {"ui": {"sounds": False}}, env={"HOME": str(tmp_path)})
    assert path.read_text() == DEEP_ARRAY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def _hostile_definition(kind: str, path: Path) -> None:
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "huge":
        path.write_text("# " + "x" * 3_000_000 + "\n")
    else:
        path.write_text(
            {"deep-array": DEEP_ARRAY, "deep-table": DEEP_TABLE, "deep-keys": DEEP_KEYS}[kind]
        )


DEFINITION_CASES = ["folder", "fifo", "dev-zero", "huge", "deep-array", "deep-table", "deep-keys"]


@pytest.mark.parametrize("kind", DEFINITION_CASES)
def test_a_hostile_workflow_file_is_reported_and_the_others_stay_in_use(kind, tmp_path, capsys):
    folder = tmp_path / "wf"
    shutil.copytree(SHIPPED, folder)
    store = WorkflowStore(folder)
    assert store.reload() == []
    before = dict(store.library.workflows)
    _hostile_definition(kind, folder / "added.toml")
    errors = store.reload()
    assert len(errors) == 1
    assert "added.toml" in str(errors[0])
    assert store.library.workflows == before
    assert main(["workflows", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "added.toml" in err


@pytest.mark.parametrize("kind", ["huge", "deep-array"])
def test_a_hostile_grading_file_keeps_the_scale_in_use(kind, tmp_path):
    folder = tmp_path / "wf"
    shutil.copytree(SHIPPED, folder)
    store = WorkflowStore(folder)
    store.reload()
    scale = store.library.scale
    (folder / "grades.toml").unlink()
    _hostile_definition(kind, folder / "grades.toml")
    errors = store.reload()
    assert any("grades.toml" in str(e) for e in errors)
    assert store.library.scale == scale


@pytest.mark.parametrize("kind", DEFINITION_CASES)
def test_a_hostile_label_template_is_named_and_the_others_still_print(
    kind, tmp_path, monkeypatch, capsys
):
    folder = tmp_path / "labels"
    shutil.copytree(LABELS, folder)
    _hostile_definition(kind, folder / "added.toml")
    config = tmp_path / "config.toml"
    config.write_text(f"[printer]\ntemplates = '{folder}'\n")
    monkeypatch.setenv("RS_CONFIG", str(config))
    out = tmp_path / "label.pdf"
    assert main(["label", "--lpn", LPN, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_templates_folder_is_a_configuration_error(tmp_path, monkeypatch, capsys):
    config = tmp_path / "config.toml"
    config.write_text(f"[printer]\ntemplates = '{tmp_path / 'nowhere'}'\n")
    monkeypatch.setenv("RS_CONFIG", str(config))
    assert main(["label", "--lpn", LPN, "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "printer.templates" in err
    assert str(tmp_path / "nowhere") in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("where", ["config", "option"])
def test_an_unknown_template_names_the_template_and_the_folder(
    where, tmp_path, monkeypatch, capsys
):
    config = tmp_path / "config.toml"
    config.write_text("[printer]\ntemplate = 'no-such-label'\n" if where == "config" else "")
    monkeypatch.setenv("RS_CONFIG", str(config))
    extra = ["--template", "no-such-label"] if where == "option" else []
    assert main(["label", "--lpn", LPN, *extra, "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "no-such-label" in err
    assert str(LABELS) in err
    assert "disposition-4x6" in err


def test_an_unknown_template_in_the_configuration_stops_the_station_at_start(tmp_path, sqlite_url):
    from receiving_station.bootstrap import bootstrap

    config = tmp_path / "config.toml"
    config.write_text(f"[database]\nurl = '{sqlite_url}'\n[printer]\ntemplate = 'no-such-label'\n")
    with pytest.raises(ConfigError, match="no-such-label"):
        bootstrap(load_config(env={"HOME": str(tmp_path)}, path=config))


@pytest.mark.parametrize(
    "uri",
    [
        "junk",
        "tcp://h:abc",
        "tcp://printer:99999",
        "tcp://printer:0",
        "tcp://",
        "tcp://:9100",
        "ftp://x",
    ],
)
def test_a_bad_printer_address_is_refused_everywhere(uri, tmp_path, monkeypatch, capsys):
    assert main(["print-test", "--printer", uri]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert uri in err
    assert "--printer" in err
    config = tmp_path / "config.toml"
    config.write_text(f"[printer]\nuri = '{uri}'\n")
    with pytest.raises(ConfigError, match=r"printer\.uri"):
        load_config(env={"HOME": str(tmp_path)}, path=config)


@pytest.mark.parametrize(
    "uri", ["tcp://printer", "tcp://printer:9100", "tcp://10.0.0.7:1", "tcp://h:65535"]
)
def test_a_good_printer_address_is_accepted(uri, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f"[printer]\nuri = '{uri}'\n")
    assert load_config(env={"HOME": str(tmp_path)}, path=config).printer.uri == uri


@pytest.mark.parametrize("kind", ["folder", "fifo", "dev-zero", "huge", "missing"])
def test_a_photo_file_that_is_no_photo_is_named(kind, tmp_path):
    from receiving_station.errors import FileNotRead
    from receiving_station.files import read_limited

    path = tmp_path / "photo.jpg"
    if kind == "huge":
        with path.open("wb") as out:
            out.truncate(40 * 1024 * 1024)
    elif kind != "missing":
        _hostile_definition(kind, path)
    with pytest.raises(FileNotRead) as caught:
        read_limited(path, 25 * 1024 * 1024)
    assert str(path) in str(caught.value)


def test_classify_refuses_an_endless_file(capsys):
    assert main(["classify", "--file", "/dev/zero"]) == 2
    assert "/dev/zero" in capsys.readouterr().err


def _unwritable(kind: str, tmp_path: Path, name: str) -> Path:
    if kind == "missing-folder":
        return tmp_path / "no-such-folder" / name
    if kind == "folder":
        (tmp_path / name).mkdir()
        return tmp_path / name
    if kind == "under-a-file":
        (tmp_path / "plain.txt").write_text("x")
        return tmp_path / "plain.txt" / name
    return Path("/proc") / name


UNWRITABLE = ["missing-folder", "folder", "under-a-file", "proc"]


WHY = {
    "missing-folder": "its folder does not exist",
    "folder": "it is a folder, not a file",
    "under-a-file": "a part of the path is a file, not a folder",
    "proc": "not allowed to write there",  # /proc exists: it takes no new files
}


def _refused(
    target: Path, out: Path, before: set[str], capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(target) in err
    assert "cannot be written" in err
    assert WHY[kind] in err
    assert {p.name for p in out.iterdir()} == before, "a file was left behind"


@pytest.mark.parametrize("kind", UNWRITABLE)
def test_a_label_that_cannot_be_written_is_named(kind, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    target = _unwritable(kind, out, "label.pdf")
    before = {p.name for p in out.iterdir()}
    assert main(["label", "--lpn", LPN, "-o", str(target)]) == 2
    _refused(target, out, before, capsys, kind)


@pytest.mark.parametrize("kind", UNWRITABLE)
def test_a_command_sheet_that_cannot_be_written_is_named(kind, tmp_path, capsys, qapp):
    # qapp: the command creates Qt's core application when none exists; the suite's GUI
    # tests need the full one, whatever order the tests run in.
    out = tmp_path / "out"
    out.mkdir()
    target = _unwritable(kind, out, "sheet.pdf")
    before = {p.name for p in out.iterdir()}
    assert main(["commands-sheet", "-o", str(target)]) == 2
    _refused(target, out, before, capsys, kind)


@pytest.mark.parametrize("kind", UNWRITABLE)
def test_a_demo_sheet_that_cannot_be_written_is_named(kind, tmp_path, sqlite_url, capsys):
    out = tmp_path / "out"
    out.mkdir()
    target = _unwritable(kind, out, "demo.pdf")
    before = {p.name for p in out.iterdir()}
    assert main(["--database", sqlite_url, "demo-sheet", "-o", str(target)]) == 2
    _refused(target, out, before, capsys, kind)


@pytest.mark.parametrize("kind", UNWRITABLE)
@pytest.mark.parametrize("which", ["pdf", "csv"])
def test_a_shift_report_that_cannot_be_written_is_named(kind, which, tmp_path, sqlite_url, capsys):
    out = tmp_path / "out"
    out.mkdir()
    target = _unwritable(kind, out, f"shift.{which}")
    before = {p.name for p in out.iterdir()}
    pdf = target if which == "pdf" else out / "shift.pdf"
    csv = target if which == "csv" else out / "shift.csv"
    args = ["--database", sqlite_url, "report", "shift", "--date", "2026-11-26"]
    assert main([*args, "-o", str(pdf), "--csv", str(csv)]) == 2
    _refused(target, out, before, capsys, kind)


@pytest.mark.parametrize("kind", UNWRITABLE)
def test_an_evidence_pack_that_cannot_be_written_is_named(kind, world, tmp_path, capsys):
    from tests.integration.test_evidence import damaged_and_decided

    damaged_and_decided(world)
    url = str(world.engine.url.render_as_string(hide_password=False))
    out = tmp_path / "out"
    out.mkdir()
    target = _unwritable(kind, out, "claim.pdf")
    before = {p.name for p in out.iterdir()}
    assert main(["--database", url, "evidence", "RMA-800001", "-o", str(target)]) == 2
    _refused(target, out, before, capsys, kind)
