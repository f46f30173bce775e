"""Admin page: upload an incident file, see what will load and what will be quarantined,
import it all-or-nothing, browse the quarantine; every import is in the audit log."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import streamlit as st

from loaders.incidents import read
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from testkit.auth import PASSWORDS, signed_in
from testkit.paths import ROOT

EXAMPLE = ROOT / "data" / "examples" / "incident_template_example.csv"
BAD_ROWS = (
    "EX-900,2031-01-01,2031-01-02,EGY,Cairo,,,,,touching,street,,,,,,unverified\n"
    "EX-901,not a date,,EGY,,,,,,comments,street,,,,,,unverified\n"
)


@pytest.fixture(scope="module", autouse=True)
def setting(tmp_path_factory: pytest.TempPathFactory, store_path: Path):
    """A writable copy of the store and a throwaway state DB, for this module only."""
    tmp = tmp_path_factory.mktemp("admin")
    store = tmp / "sdg16.duckdb"
    shutil.copyfile(store_path, store)
    old = {k: os.environ.get(k) for k in ("SDG16_STATE_DB", "SDG16_DB")}
    os.environ.update(SDG16_STATE_DB=str(tmp / "state.sqlite"), SDG16_DB=str(store))
    st.cache_resource.clear()
    st.cache_data.clear()
    accounts.add_user("root", Role.ADMIN, PASSWORDS["root"])
    yield store
    for key, value in old.items():
        os.environ.pop(key, None) if value is None else os.environ.update({key: value})
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def upload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("upload") / "reports.csv"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + BAD_ROWS, encoding="utf-8")
    return path


def _stored(store: Path) -> int:
    db = ReadOnlyDatabase(store)
    return int(db.query("SELECT count(*) AS n FROM incident")["n"].iloc[0])


def _uploaded(path: Path):
    at = signed_in("root", "admin")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), "text/csv")).run()
    assert not at.exception
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_preview_shows_what_loads_and_what_is_quarantined(setting: Path, upload: Path) -> None:
    before = _stored(setting)
    at = _uploaded(upload)
    batch = read(upload)
    assert _metrics(at) == {
        "Will load": f"{len(batch.incidents)}",
        "Already stored (skipped)": "0",
        "Quarantined": "2",
    }
    quarantined = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert list(quarantined["row_no"]) == [5, 6]
    assert quarantined["reason"].str.len().gt(0).all()
    assert _stored(setting) == before  # a preview writes nothing


def test_import_loads_the_rows_and_is_audited(setting: Path, upload: Path) -> None:
    before = _stored(setting)
    at = _uploaded(upload)
    next(b for b in at.button if b.label.startswith("Import ")).click().run()
    assert not at.exception
    assert _stored(setting) == before + 4
    assert any("Imported 4 reports" in s.value for s in at.success)
    entry = audit.entries(action="import", actor="root", limit=1).iloc[0]
    assert (entry["what"], entry["rows"], entry["format"]) == ("reports.csv", 4, "template")
    assert "quarantined 2" in entry["detail"]
    # The same file again: everything is already stored, nothing to import.
    again = _uploaded(upload)
    assert _metrics(again)["Will load"] == "0"
    assert _metrics(again)["Already stored (skipped)"] == "4"
    assert next(b for b in again.button if b.label.startswith("Import ")).disabled


def test_quarantine_browser_lists_rejected_rows_by_import(setting: Path) -> None:
    at = signed_in("root", "admin")
    source = next(s for s in at.selectbox if s.label == "Source")
    source.set_value("template").run()
    rows = next(d.value for d in at.dataframe if "raw" in d.value.columns)
    assert list(rows["row_no"]) == [5, 6] and set(rows["source"]) == {"template"}


def test_unreadable_file_is_named_in_the_error(tmp_path: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_text("", encoding="utf-8")
    at = _uploaded(bad)
    assert any("empty.csv cannot be read" in e.value for e in at.error)


def test_an_upload_sweeps_uploads_older_than_a_day(
    upload: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from sdg16.ui import admin_incidents

    monkeypatch.setattr(admin_incidents, "UPLOADS", tmp_path / "uploads")
    (tmp_path / "uploads").mkdir()
    old, recent = tmp_path / "uploads" / "old.csv", tmp_path / "uploads" / "recent.csv"
    for path, age_h in ((old, 25), (recent, 23)):
        path.write_text("id,occurred_at\nsecret,2020-01-01\n")
        stamp = time.time() - age_h * 3600
        os.utime(path, (stamp, stamp))
    at = _uploaded(upload)
    assert _metrics(at)["Will load"]  # the preview ran on the new upload
    left = sorted(p.name for p in (tmp_path / "uploads").iterdir())
    assert "old.csv" not in left and "recent.csv" in left and len(left) == 2
