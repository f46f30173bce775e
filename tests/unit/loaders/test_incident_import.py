"""Importing incident reports: every row loaded or quarantined with a reason, re-import is a
no-op, and real-world mess (decimal commas, Arabic names, typos) is handled, not rejected."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from loaders.incidents import areas, read
from loaders.store import Store
from sdg16.queries.db import ReadOnlyDatabase
from testkit.paths import HARASSMAP

TEMPLATE_HEADER = [
    "id", "occurred_at", "reported_at", "country", "admin1", "lat", "lon", "incident_types",
    "place_type", "reporter_role", "description",
]  # fmt: skip


def write_template(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(TEMPLATE_HEADER)
        w.writerows(rows)
    return path


def test_harassmap_every_row_is_loaded_or_quarantined(incident_store: Path) -> None:
    with HARASSMAP.open(encoding="utf-8") as fh:
        ids = {r["report_number"] for r in csv.DictReader(fh)}
    db = ReadOnlyDatabase(incident_store)
    stored = set(db.query("SELECT source_id FROM incident WHERE source = 'harassmap'")["source_id"])
    q = db.query("SELECT source_id, reason FROM incident_quarantine WHERE source = 'harassmap'")
    assert len(ids) == 1547
    assert stored | set(q["source_id"]) == ids
    assert not stored & set(q["source_id"])
    assert q["reason"].str.len().min() > 5
    # The known mis-pins (Montreal, Washington, Gdansk...) are rejected, not mapped into Egypt.
    assert q["reason"].str.startswith("coordinates outside EGY").sum() >= 8


def test_harassmap_mess_is_normalised(incident_store: Path) -> None:
    db = ReadOnlyDatabase(incident_store)
    row = db.query("SELECT * FROM incident WHERE source_id = '3'").iloc[0]
    # "30,062519,31,219625": decimal commas in the source.
    assert (round(row["lat"], 6), round(row["lon"], 6)) == (30.062519, 31.219625)
    assert row["admin1"] == "EG-C"
    assert list(row["incident_types"]) == ["catcalls", "ogling", "comments"]
    areas_ = db.query("SELECT admin1, count(*) AS n FROM incident GROUP BY 1").set_index("admin1")
    # 666 "Cairo" + 165 "القاهرة" + points placed in Cairo when the governorate was empty.
    assert areas_.loc["EG-C", "n"] >= 831
    types = set(db.query("SELECT DISTINCT unnest(incident_types) AS t FROM incident")["t"])
    assert "facial_expressions" in types and not {"Facial axpressions", "BLANK"} & types


def test_reimport_changes_nothing(incident_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(incident_store.read_bytes())
    snapshot = "SELECT count(*) AS n, sum(hash(source_id)) AS h FROM {}"
    before = [ReadOnlyDatabase(path).query(snapshot.format(t)) for t in ("incident",)]
    before_q = ReadOnlyDatabase(path).query("SELECT count(*) AS n FROM incident_quarantine")
    result = Store(path).apply_incidents(read(HARASSMAP, "harassmap"))
    assert (result.imported, result.duplicates) == (0, 1534)
    after = [ReadOnlyDatabase(path).query(snapshot.format(t)) for t in ("incident",)]
    after_q = ReadOnlyDatabase(path).query("SELECT count(*) AS n FROM incident_quarantine")
    assert after[0].equals(before[0]) and after_q.equals(before_q)


def test_each_quarantine_reason(tmp_path: Path) -> None:
    future = (date.today() + timedelta(days=30)).isoformat()
    rows = [
        ["ok1", "2024-03-05", "", "EGY", "الجيزة", "30,01", "31,21", "touching", "street", "", ""],
        ["bad-date", "5th of May", "", "EGY", "", "", "", "comments", "", "", ""],
        ["old", "1899-01-01", "", "EGY", "", "", "", "comments", "", "", ""],
        ["future", future, "", "EGY", "", "", "", "comments", "", "", ""],
        ["range", "2024-01-01", "", "EGY", "", "95", "31", "comments", "", "", ""],
        ["abroad", "2024-01-01", "", "EGY", "", "48.85", "2.35", "comments", "", "", ""],
        ["cat", "2024-01-01", "", "EGY", "", "", "", "telepathy", "", "", ""],
        ["ok1", "2024-01-01", "", "EGY", "", "", "", "comments", "", "", ""],
        ["empty", "2024-01-01", "", "EGY", "Cairo", "", "", "", "", "", ""],
        ["late", "2024-02-01", "2024-01-01", "EGY", "", "", "", "comments", "", "", ""],
    ]
    batch = read(write_template(tmp_path / "bad.csv", rows))
    reasons = dict(zip(batch.quarantine["source_id"], batch.quarantine["reason"], strict=False))
    assert list(batch.incidents["source_id"]) == ["ok1"]
    assert batch.incidents.iloc[0]["admin1"] == "EG-GZ"  # Arabic governorate name
    assert reasons["bad-date"].startswith("unparseable date")
    assert reasons["old"].startswith("impossible date")
    assert reasons["future"].startswith("future date")
    assert reasons["range"].startswith("coordinates out of range")
    assert reasons["abroad"].startswith("coordinates outside EGY")
    assert reasons["cat"] == "unknown category telepathy"
    assert reasons["empty"].startswith("empty report")
    assert reasons["late"].startswith("impossible date: occurred after")
    dup = batch.quarantine[batch.quarantine["row_no"] == 8].iloc[0]
    assert dup["reason"].startswith("duplicate id") and dup["field"] == "source_id"
    assert json.loads(dup["raw"])["id"] == "ok1"  # the row kept for fixing


def test_missing_admin_area_comes_from_the_point() -> None:
    # Central Cairo, Giza pyramids, Alexandria corniche, Karachi, Lahore; the sea off Alexandria.
    lat = np.array([30.0444, 29.9792, 31.2001, 24.8607, 31.5204, 31.6])
    lon = np.array([31.2357, 31.1342, 29.9187, 67.0011, 74.3587, 29.5])
    assert list(areas.locate("EGY", lat[:3], lon[:3])) == ["EG-C", "EG-GZ", "EG-ALX"]
    assert list(areas.locate("PAK", lat[3:5], lon[3:5])) == ["PK-SD", "PK-PB"]
    assert areas.locate("EGY", lat[5:], lon[5:])[0] is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Cairo", "EG-C"),
        ("القاهرة", "EG-C"),
        ("الأسكندرية", "EG-ALX"),
        ("Kafr El Sheikh", "EG-KFS"),
    ],
)
def test_governorate_names_in_english_and_arabic(name: str, code: str) -> None:
    assert areas.admin1_code("EGY", name) == code


def test_reports_are_stored_in_country_and_date_order(store_path: Path, tmp_path: Path) -> None:
    """Physical (country, occurred_at) order is what lets DuckDB skip row groups at 10M."""
    from loaders.incidents import synthetic

    path = tmp_path / "sorted.duckdb"
    path.write_bytes(store_path.read_bytes())
    Store(path).apply_incidents(synthetic.batch(3000, seed=7))
    stored = ReadOnlyDatabase(path).query(
        "SELECT country, occurred_at FROM incident WHERE source = 'synthetic' ORDER BY rowid"
    )
    assert len(stored) > 2000 and stored["country"].nunique() > 1
    expected = stored.sort_values(["country", "occurred_at"], kind="stable")
    assert stored.reset_index(drop=True).equals(expected.reset_index(drop=True))
