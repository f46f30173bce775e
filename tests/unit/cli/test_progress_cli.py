"""``python -m sdg16 progress``: the command-line contract (columns, statuses, exit codes)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit.paths import ROOT

CONTRACT = [
    "series", "geo", "base_year", "base_value", "current_year", "current_value", "target",
    "target_year", "method", "progress_value", "status",
]  # fmt: skip
STATUSES = {
    "target_achieved", "substantial_progress", "moderate_progress", "limited_progress",
    "deterioration", "not_available",
}  # fmt: skip


def progress(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sdg16", "progress", *args],
        cwd=ROOT,
        env={**os.environ, "SDG16_DB": str(db)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_csv_one_row_per_series_and_geo(store_path: Path) -> None:
    out = progress("--geo", "MEX,HND", "--series", "VC_IHR_PSRC,SG_REG_BRTH", db=store_path)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0])[: len(CONTRACT)] == CONTRACT
    assert [(r["series"], r["geo"]) for r in rows] == [
        ("VC_IHR_PSRC", "MEX"),
        ("VC_IHR_PSRC", "HND"),
        ("SG_REG_BRTH", "MEX"),
        ("SG_REG_BRTH", "HND"),
    ]
    mex = rows[0]
    # the bundle: 17.28 per 100,000 in 2015, 28.18 in 2021; -((28.18/17.28)^(1/6) - 1)
    assert (mex["base_year"], mex["base_value"], mex["current_year"]) == ("2015", "17.28", "2021")
    assert float(mex["progress_value"]) == pytest.approx(-0.0849246, abs=1e-7)
    assert (mex["method"], mex["target"], mex["status"]) == ("1", "", "deterioration")
    birth = rows[2]
    assert (birth["method"], birth["target"], birth["target_year"]) == ("2", "100.0", "2030")
    assert birth["status"] == "not_available" and birth["notes"] == "one_observation"


def test_json_every_series_by_default(store_path: Path) -> None:
    out = progress("--geo", "egy", "--format", "json", db=store_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 83 and {r["geo"] for r in rows} == {"EGY"}
    assert {r["status"] for r in rows} <= STATUSES
    assert all(set(CONTRACT) <= set(r) for r in rows)
    assessed = [r for r in rows if r["progress_value"] is not None]
    assert assessed and all(r["method"] in (1, 2) for r in rows)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--geo", "MEX,XXX"], "unknown geo id(s): XXX"),
        (["--geo", "MEX", "--series", "VC_IHR_PSRC,NOPE"], "unknown series code(s): NOPE"),
        (["--geo", " , "], "at least one geo id"),
        (["--geo", "MEX", "--format", "xml"], "invalid choice"),
    ],
)
def test_bad_codes_exit_2_with_a_message(store_path: Path, args: list[str], says: str) -> None:
    out = progress(*args, db=store_path)
    assert out.returncode == 2 and says in out.stderr and out.stdout == ""
