"""The command-line contract: sync, status --json, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from loaders.bundle import UN_SERIES, WGI
from testkit.cli import cli
from testkit.paths import BUNDLE


def test_status_json_has_the_promised_keys(store_path: Path) -> None:
    out = cli("status", "--json", db=store_path)
    assert out.returncode == 0, out.stderr
    status = json.loads(out.stdout)
    assert status["series"] == 83
    assert status["observations"] == 125_179
    assert status["countries"] >= 200
    newest = status["sources"][0]
    assert newest["source"] == "bundle" and newest["outcome"] == "ok"
    assert len(newest["checksum"]) == 64


def _bundle_rows(series: str, m49: str, years: range) -> dict[int, str]:
    with (BUNDLE / UN_SERIES).open(encoding="utf-8") as fh:
        return {
            int(r["year"]): r["value"]
            for r in csv.DictReader(fh)
            if r["series_code"] == series
            and r["geo_area_code"] == m49
            and r["sex"] == "BOTHSEX"
            and int(r["year"]) in years
        }


def test_export_csv_matches_the_bundle_file(store_path: Path) -> None:
    out = cli(
        "export",
        "--series",
        "VC_IHR_PSRC",
        "--geo",
        "MEX,EGY,PAK",
        "--from",
        "2010",
        "--to",
        "2020",
        db=store_path,
    )
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {"series", "iso3", "year", "value", "unit", "nature", "source"} <= set(rows[0])
    mex = {int(r["year"]): r["value"] for r in rows if r["iso3"] == "MEX"}
    assert mex == _bundle_rows("VC_IHR_PSRC", "484", range(2010, 2021))
    assert {r["iso3"] for r in rows} == {"MEX", "EGY", "PAK"}
    assert all(2010 <= int(r["year"]) <= 2020 for r in rows)


def test_export_json_keeps_wgi_values_as_written(store_path: Path) -> None:
    out = cli(
        "export",
        "--series",
        "RL.EST",
        "--geo",
        "AFG",
        "--to",
        "1996",
        "--format",
        "json",
        db=store_path,
    )
    assert out.returncode == 0, out.stderr
    with (BUNDLE / WGI).open(encoding="utf-8") as fh:
        expected = next(
            r["value"]
            for r in csv.DictReader(fh)
            if r["iso3"] == "AFG" and r["indicator_code"] == "RL.EST" and r["year"] == "1996"
        )
    assert json.loads(out.stdout) == [
        {
            "series": "RL.EST",
            "iso3": "AFG",
            "geo_name": "Afghanistan",
            "year": 1996,
            "value": expected,
            "unit": "INDEX",
            "nature": "E",
            "source": "wgi-bundle",
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--series", "NOT_A_SERIES", "--geo", "MEX"), "unknown series 'NOT_A_SERIES'"),
        (("--series", "VC_IHR_PSRC", "--geo", "MEX,QQQ"), "unknown country code(s): QQQ"),
    ],
)
def test_export_unknown_codes_exit_2(store_path: Path, args: tuple, message: str) -> None:
    out = cli("export", *args, db=store_path)
    assert out.returncode == 2
    assert message in out.stderr


def test_sync_of_a_broken_bundle_fails_and_changes_nothing(
    tmp_path: Path, bundle_copy: Path
) -> None:
    db = tmp_path / "not-yet-created" / "cli.duckdb"  # as in a fresh clone: no data/ folder
    assert cli("sync", "--source", "bundle", db=db).returncode == 0
    before = json.loads(cli("status", "--json", db=db).stdout)
    (bundle_copy / WGI).write_text("iso3,year\nEGY,2020\n")
    out = cli("sync", "--bundle", str(bundle_copy), db=db)
    assert out.returncode == 1
    assert "field 'value': required column is missing" in out.stderr
    after = json.loads(cli("status", "--json", db=db).stdout)
    assert (after["series"], after["observations"]) == (before["series"], before["observations"])
    assert after["sources"][0]["outcome"] == "failed"


def test_export_without_a_store_explains(tmp_path: Path) -> None:
    out = cli("export", "--series", "RL.EST", "--geo", "EGY", db=tmp_path / "none.duckdb")
    assert out.returncode == 1
    assert "python -m loaders sync" in out.stderr
