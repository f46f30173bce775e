"""``python -m sdg16 hotspots|spikes`` on a store of planted reports: the contract (columns,
classes, flags, exit codes) and the planted cell and months found end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import h3
import pytest

from testkit.paths import ROOT
from tests.unit.services.analytics import planted

HOTSPOT_COLUMNS = ["cell", "reports", "gi_z", "p_value", "p_fdr", "class"]
SPIKE_COLUMNS = ["area", "month", "reports", "expected", "low", "high", "flag"]


def sdg16(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDG16_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "sdg16", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_hotspots_json_finds_the_planted_cell(planted_store: Path) -> None:
    out = sdg16(
        "hotspots", "--geo", "EGY", "--admin1", "EG-C", "--format", "json", db=planted_store
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and all(list(r) == HOTSPOT_COLUMNS for r in rows)
    assert {r["class"] for r in rows} <= {"hot", "cold", "none"}
    by_cell = {r["cell"]: r for r in rows}
    assert by_cell[planted.STORE_HOT]["class"] == "hot"
    assert by_cell[planted.STORE_HOT]["p_fdr"] <= 0.01
    far = [r for c, r in by_cell.items() if h3.grid_distance(c, planted.STORE_HOT) > 2]
    assert sum(r["class"] != "none" for r in far) <= 0.05 * len(far)
    assert sum(r["reports"] for r in rows) == len(planted.planted_reports())


def test_hotspots_csv_public_drops_small_cells_and_statistics(planted_store: Path) -> None:
    args = ("hotspots", "--geo", "EGY", "--admin1", "EG-C", "--resolution", "7")
    full = list(csv.DictReader(io.StringIO(sdg16(*args, db=planted_store).stdout)))
    out = sdg16(*args, "--public", db=planted_store)
    assert out.returncode == 0, out.stderr
    public = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(public[0]) == HOTSPOT_COLUMNS
    assert all(int(r["reports"]) >= 5 and int(r["reports"]) % 5 == 0 for r in public)
    assert len(public) <= len(full)
    assert all(r["gi_z"] == r["p_value"] == r["p_fdr"] == "" for r in public)
    hot = next(r for r in public if r["cell"] == planted.STORE_HOT)
    assert hot["class"] == "hot"


def test_spikes_flag_the_planted_months(planted_store: Path) -> None:
    out = sdg16("spikes", "--geo", "EGY", "--format", "csv", db=planted_store)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == SPIKE_COLUMNS
    flags = {r["month"]: r["flag"] for r in rows if r["area"] == "EG-C"}
    for month in planted.STORE_SPIKES:
        assert flags[month.strftime("%Y-%m")] == "high"
    judged = [r for r in rows if r["expected"]]
    assert len(judged) == 60 - 24  # every month after two years of history
    others = [
        r for r in judged if r["month"] not in {m.strftime("%Y-%m") for m in planted.STORE_SPIKES}
    ]
    assert sum(r["flag"] != "none" for r in others) <= 3  # about 5 % of 34
    spike = next(r for r in rows if r["month"] == planted.STORE_SPIKES[0].strftime("%Y-%m"))
    assert int(spike["reports"]) > float(spike["high"]) >= float(spike["expected"])


def test_spikes_respect_dates_and_types(planted_store: Path) -> None:
    out = sdg16(
        "spikes", "--geo", "EGY", "--start", "2018-01-01", "--end", "2018-06-30",
        "--type", "touching", "--format", "json", db=planted_store,
    )  # fmt: skip
    rows = json.loads(out.stdout)
    assert [r["month"] for r in rows] == [f"2018-0{m}" for m in range(1, 7)]
    assert all(r["expected"] is not None for r in rows)  # history read from before the start


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--geo", "XXX"), "--geo 'XXX': no incident reports"),
        (("--geo", "EGY", "--admin1", "EG-ZZ"), "--admin1 'EG-ZZ'"),
        (("--geo", "EGY", "--start", "2018-02-30"), "--start '2018-02-30': not a date"),
        (("--geo", "EGY", "--start", "٢٠١٨-01-01"), "not a date"),
        (("--geo", "EGY", "--type", "touching,=cmd"), "unknown incident type(s) '=cmd'"),
        (("--geo", "EGY", "--start", "2019-01-01", "--end", "2018-01-01"), "is after --end"),
        (("--geo", "EGY", "--resolution", "9"), "invalid choice: 9"),
        (("--geo", "EGY", "--format", "xml"), "invalid choice: 'xml'"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(planted_store: Path, args, message) -> None:
    out = sdg16("hotspots", *args, db=planted_store)
    assert out.returncode == 2 and message in out.stderr and out.stdout == ""
