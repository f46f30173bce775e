"""The incident CLI contract and the seeded synthetic generator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from loaders.incidents import synthetic
from testkit.apptest import open_app
from testkit.cli import cli
from testkit.paths import HARASSMAP


def test_import_json_then_status(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_path, db)
    first = cli("import-incidents", str(HARASSMAP), "--json", db=db)
    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert set(out) == {"imported", "duplicates", "quarantined", "quarantine", "flagged", "flags"}
    assert out["imported"] + out["quarantined"] == 1547 and out["duplicates"] == 0
    assert all({"id", "reason"} <= set(q) and q["reason"] for q in out["quarantine"])
    again = json.loads(cli("import-incidents", str(HARASSMAP), "--json", db=db).stdout)
    assert (again["imported"], again["duplicates"]) == (0, out["imported"])
    status = json.loads(cli("status", "--json", db=db).stdout)
    assert status["incidents"] == out["imported"]
    assert status["quarantined"] == out["quarantined"]


def test_import_of_a_missing_file_fails_cleanly(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_path, db)
    out = cli("import-incidents", str(tmp_path / "nope.csv"), db=db)
    assert out.returncode == 1 and "nope.csv: no such file" in out.stderr


def test_synthetic_is_seeded_and_marked() -> None:
    a, b = synthetic.generate(300, seed=7), synthetic.generate(300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert not synthetic.generate(300, seed=8)["lat"].equals(a["lat"])
    assert a["synthetic"].all() and (a["source"] == "synthetic").all()
    assert set(a["country"]) <= {"EGY", "PAK"} and a["h3_5"].notna().all()


def test_synthetic_reports_are_flagged_on_screen(store_path: Path, tmp_path: Path) -> None:
    import os

    import streamlit as st

    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_path, db)
    out = cli("synth-incidents", "--n", "500", "--seed", "3", db=db)
    assert out.returncode == 0 and "SYNTHETIC" in out.stdout
    before = os.environ["SDG16_DB"]
    os.environ["SDG16_DB"] = str(db)
    st.cache_resource.clear()
    try:
        at = open_app("incidents", geo="PAK")
        assert not at.exception
        assert any("SYNTHETIC" in w.value for w in at.warning)
    finally:
        os.environ["SDG16_DB"] = before
        st.cache_resource.clear()
