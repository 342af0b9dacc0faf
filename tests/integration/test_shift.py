"""The shift's figures, report and export, as a lead reads them at the end of the day: what
came in, what was decided and how fast, what is late, and which SKUs come back and why.
The report is rasterised and read back. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from receiving_station.cli import main
from receiving_station.errors import PermissionDenied
from receiving_station.services.shift import ExportCancelled
from tests.integration.test_inspecting_units import finish, line, scan_unit
from tests.world import World


def a_day(world: World) -> None:
    """Three units of a jacket: two come back worn (they wait for a lead), one as new; and
    an unidentified parcel."""
    world.add_rma("RMA-620001", lines=(line("AP-62", 3, gtin="4006381333931"),))
    receipt = world.receive("RMA-620001")
    world.clock.advance(hours=1)
    for worn in ("yes", "yes", "no"):
        world.clock.advance(minutes=10)
        finish(world, scan_unit(world, receipt, "4006381333931"), worn=worn, grade="C")
    world.dock1.register_unidentified(world.actor("alice"), "NO-LABEL-62")


def test_the_day_in_figures(world: World):
    a_day(world)
    f = world.dock1.shift_figures(world.actor("chloe"), world.clock.now().date())
    assert (f.parcels_received, f.units_inspected) == (2, 3)
    (bruno,) = f.inspectors
    assert (bruno.name, bruno.units) == ("Bruno Lefèvre", 3)
    assert bruno.per_hour > 0
    assert f.dock_to_decision_median_h == pytest.approx(1 + 20 / 60, abs=0.01)
    assert f.dock_to_decision_p90_h == pytest.approx(1 + 28 / 60, abs=0.01)
    kinds = dict(f.exceptions_by_kind)
    assert kinds["unidentified_parcel"] == 1
    assert sum(kinds.values()) == 3  # two approvals waiting, one unidentified parcel
    assert ("AP-62", "SIZE_TOO_SMALL", 3) in f.top_reasons
    assert ("AP-62", "worn", 2) in f.top_conditions


def test_what_waits_longer_than_the_sla_is_counted(world: World):
    a_day(world)
    world.clock.advance(hours=30)
    f = world.dock1.shift_figures(
        world.actor("chloe"), (world.clock.now() - timedelta(hours=30)).date()
    )
    assert f.units_past_sla == 2  # the two waiting for a lead
    assert f.parcels_past_sla == 1  # their return is not closed


def test_the_report_renders_with_its_figures_and_charts(world: World, tmp_path: Path):
    a_day(world)
    pdf = world.dock1.shift_report(world.actor("chloe"), world.clock.now().date(), "fr")
    path = tmp_path / "shift.pdf"
    path.write_bytes(pdf)
    words = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Rapport d’équipe · 2026-11-26" in words
    assert "Bruno Lefèvre" in words
    assert "AP-62" in words
    assert "Taille trop petite" in words  # the customer's reason in words, not its code
    assert "SIZE_TOO_SMALL" not in words
    import cv2

    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p*.png")
    image = cv2.imread(str(page), cv2.IMREAD_GRAYSCALE)
    assert (image < 128).mean() > 0.01  # ink on the page: text, tables, bars
    blue = cv2.imread(str(page))[:, :, 0]
    assert (blue > 150).sum() > 0


def test_the_units_export_as_csv_and_a_cancelled_export_leaves_no_file(
    world: World, tmp_path: Path
):
    a_day(world)
    day, chloe = world.clock.now().date(), world.actor("chloe")
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "units.csv"
    seen: list[tuple[int, int]] = []
    written = world.dock1.export_units(chloe, day, out, progress=lambda d, t: seen.append((d, t)))
    assert written == 3
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["sku"] for r in rows] == ["AP-62"] * 3
    assert seen[-1] == (3, 3)
    stopped = folder / "stopped.csv"
    with pytest.raises(ExportCancelled):
        world.dock1.export_units(chloe, day, stopped, cancelled=lambda: True)
    assert sorted(p.name for p in folder.iterdir()) == ["units.csv"]


def test_the_report_command_writes_the_pdf_and_the_csv(
    world: World, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    a_day(world)
    config = tmp_path / "config.toml"  # the test world's warehouse keeps UTC, whatever the PC's
    config.write_text('[station]\ntimezone = "UTC"\n', encoding="utf-8")
    monkeypatch.setenv("RS_CONFIG", str(config))
    url = str(world.engine.url.render_as_string(hide_password=False))
    pdf, units = tmp_path / "shift.pdf", tmp_path / "units.csv"
    args = ["--database", url, "report", "shift", "--date", "2026-11-26", "-o", str(pdf)]
    assert main([*args, "--csv", str(units)]) == 0
    assert json.loads(capsys.readouterr().out)["units_csv"] == 3
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--database", url, "report", "shift", "--date", "26/11", "-o", str(pdf)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_receivers_and_inspectors_get_no_figures(world: World):
    for who in ("alice", "bruno"):
        with pytest.raises(PermissionDenied):
            world.dock1.shift_figures(world.actor(who), world.clock.now().date())
