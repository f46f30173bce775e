"""Counts from the loader's aggregate and type masks equal the plain queries over the report
table's list column (what a store written before them gets), for every view: date ranges that
start or end mid-month, and filters the aggregate cannot answer (types, places). A store written
before the aggregate existed still reads, and gains it on its next import."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from loaders.incidents import read, synthetic
from loaders.store import Store
from sdg16.core.filters import Filter
from sdg16.queries import incident_cube, incidents
from sdg16.queries.db import ReadOnlyDatabase
from testkit.paths import HARASSMAP

FILTERS = {
    "country": Filter(geo=("EGY",)),
    "all countries": Filter(),
    "area": Filter(geo=("EGY",), admin1="EG-C"),
    "whole months": Filter(geo=("EGY",), start=date(2016, 3, 1), end=date(2019, 5, 31)),
    "mid-month both ends": Filter(geo=("EGY",), start=date(2012, 3, 15), end=date(2019, 6, 10)),
    "mid-month start only": Filter(geo=("PAK",), start=date(2018, 2, 17)),
    "mid-month end only": Filter(geo=("EGY",), admin1="EG-ALX", end=date(2013, 11, 3)),
    "two part-months around one": Filter(
        geo=("EGY",), start=date(2020, 1, 31), end=date(2020, 3, 1)
    ),
}
# Answered from the report table alone (the aggregate has no type or place columns).
ROW_FILTERS = {
    "types": Filter(geo=("EGY",), incident_types=("touching", "comments")),
    "place and dates": Filter(geo=("EGY",), place_types=("street",), start=date(2014, 5, 3)),
    "type in an area": Filter(geo=("EGY",), admin1="EG-C", incident_types=("stalking",)),
    "within one month": Filter(geo=("PAK",), start=date(2021, 3, 2), end=date(2021, 3, 20)),
}
LEGACY = incident_cube.Layout(cube=False, bits={})


@pytest.fixture(scope="module")
def mixed_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, the real HarassMap reports (2010-2016) and synthetic ones (2015-2025)."""
    path = tmp_path_factory.mktemp("cube") / "sdg16.duckdb"
    shutil.copyfile(store_path, path)
    Store(path).apply_incidents(read(HARASSMAP, "harassmap"))
    Store(path).apply_incidents(synthetic.batch(6000, seed=11))
    return path


def _norm(frame: pd.DataFrame) -> pd.DataFrame:
    """Comparable frames: list cells as tuples, rows in one order (ties sort arbitrarily)."""
    frame = frame.copy()
    if "types" in frame:
        frame["types"] = [tuple((t["type"], int(t["n"])) for t in ts) for ts in frame["types"]]
    for col in frame.columns:
        if col == "period":
            frame[col] = pd.to_datetime(frame[col])
    keys = [c for c in frame.columns if c != "types"]
    return frame.sort_values(keys, ignore_index=True)


def _views(db: ReadOnlyDatabase, f: Filter) -> dict[str, object]:
    out: dict[str, object] = {
        "summary": incidents.summary(db, f),
        "cells": _norm(incidents.cell_counts(db, f, 5)),
        "cells r7": _norm(incidents.cell_counts(db, f, 7)),
        "areas": _norm(incidents.area_counts(db, f)),
    }
    for period in ("week", "month", "year"):
        out[f"timeline {period}"] = _norm(incidents.timeline(db, f, period))
    for by in incidents.BREAKDOWNS:
        out[f"by {by}"] = incidents.breakdown(db, f, by).reset_index(drop=True)
    return out


@pytest.mark.parametrize("name", [*FILTERS, *ROW_FILTERS])
def test_aggregate_and_masks_equal_the_list_column_queries(
    mixed_store: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ReadOnlyDatabase(mixed_store)
    f = FILTERS.get(name) or ROW_FILTERS[name]
    assert incident_cube.serves(db, f) == (name in FILTERS)
    fast = _views(db, f)
    monkeypatch.setattr(incident_cube, "layout", lambda db: LEGACY)
    slow = _views(db, f)
    assert fast["summary"]["reports"] > 0
    for view, expected in slow.items():
        got = fast[view]
        if isinstance(expected, pd.DataFrame):
            assert not expected.empty or name in ("mid-month end only", "within one month"), view
            pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=view)
        else:
            assert got == expected, view


def test_breakdown_orders_match_the_screen(mixed_store: Path) -> None:
    db = ReadOnlyDatabase(mixed_store)
    hours = incidents.breakdown(db, FILTERS["country"], "hour")["key"].tolist()
    assert hours == sorted(hours) and hours[0] == 0 and hours[-1] == 23
    types = incidents.breakdown(db, FILTERS["country"], "type")["reports"].tolist()
    assert types == sorted(types, reverse=True)


@pytest.mark.parametrize(
    "f",
    [
        Filter(geo=("EGY",), incident_types=("touching", "comments")),
        Filter(geo=("EGY",), place_types=("street",)),
        Filter(geo=("EGY",), start=date(2015, 3, 2), end=date(2015, 3, 20)),
    ],
    ids=["types", "place", "within one month"],
)
def test_filters_the_aggregate_lacks_use_the_report_table(mixed_store: Path, f: Filter) -> None:
    assert not incident_cube.serves(ReadOnlyDatabase(mixed_store), f)


def test_type_mask_filter_equals_list_search(mixed_store: Path) -> None:
    db = ReadOnlyDatabase(mixed_store)
    f = Filter(geo=("EGY",), incident_types=("touching", "stalking"), place_types=("street",))
    by_mask = incidents.where(f, incident_cube.layout(db).bits)
    by_list = incidents.where(f)
    assert "type_mask" in by_mask[0] and "list_has_any" in by_list[0]
    counts = [
        db.query(f"SELECT count(*) AS n FROM incident WHERE {w}", p)["n"][0]
        for w, p in (by_mask, by_list)
    ]
    assert counts[0] == counts[1] > 0


def test_store_from_before_the_aggregate_reads_and_then_gains_it(
    mixed_store: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.duckdb"
    shutil.copyfile(mixed_store, old)
    with duckdb.connect(str(old)) as con:
        con.execute("DROP TABLE incident_cube")
        con.execute("DROP TABLE incident_type_bit")
        con.execute("ALTER TABLE incident DROP COLUMN type_mask")
    f = FILTERS["mid-month both ends"].update(incident_types=("touching",))
    expected = incidents.breakdown(ReadOnlyDatabase(mixed_store), f, "place_type")
    db = ReadOnlyDatabase(old)
    assert not incident_cube.layout(db).cube
    pd.testing.assert_frame_equal(incidents.breakdown(db, f, "place_type"), expected)
    Store(old).apply_incidents(synthetic.batch(10, seed=99))  # any import migrates the store
    db = ReadOnlyDatabase(old)
    assert incident_cube.layout(db).cube
    assert db.query("SELECT count(*) AS n FROM incident WHERE type_mask IS NULL")["n"][0] == 0
