"""The import rules of DESIGN.md are a checked contract, and nothing happens at import time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["receiving_station", "workflows", "scanners", "printing", "data", "ui"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_tree_keeps_the_import_rules():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_the_domain_imports_sqlalchemy(tmp_path: Path):
    tree = copy_tree(tmp_path)
    model = tree / "receiving_station" / "domain" / "model.py"
    model.write_text(model.read_text() + "\nimport sqlalchemy  # noqa\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def test_the_check_fails_when_a_widget_reaches_for_the_database(tmp_path: Path):
    tree = copy_tree(tmp_path)
    page = tree / "ui" / "receive_page.py"
    page.write_text(page.read_text() + "\nimport data.uow  # noqa\n")
    assert lint_imports(tree).returncode != 0


def test_importing_every_module_opens_nothing_and_writes_nothing(tmp_path: Path):
    modules = []
    for name in PACKAGES:
        for path in sorted((ROOT / name).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if "versions" in rel.parts or rel.name in ("env", "__main__"):
                continue
            modules.append(".".join(p for p in rel.parts if p != "__init__"))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None, 'a Qt application was created on import'\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "RS_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
