"""Every file the app hands out goes through sdg16.ui.guard and lands in the audit log."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.state import audit
from testkit.apptest import open_app
from testkit.downloads import capture, csv_of, fetch
from testkit.explorer import captured_downloads
from testkit.paths import ROOT

VIEW = {"series": "VC_IHR_PSRC", "geo": "MEX,HND,SLV", "from": "2010"}


def test_no_raw_download_button_outside_the_guard() -> None:
    """``client.disableDataExport`` hides the table menu; a raw button would bypass the audit."""
    raw = []
    for folder in ("views", "sdg16/ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "guard.py":
                continue
            for n, line in enumerate(path.read_text().splitlines(), 1):
                if re.search(r"\bdownload_button\b", line):
                    raw.append(f"{path.relative_to(ROOT)}:{n}")
    assert raw == [], "use guard.guarded_download / guard.public_csv instead: " + ", ".join(raw)


def test_indicator_downloads_are_audited_as_anonymous(store_path: Path) -> None:
    latest = audit.entries(limit=1)
    before = int(latest["id"].iloc[0]) if len(latest) else 0
    with captured_downloads() as files:
        at = open_app("table", **VIEW)
    assert not at.exception
    screen = at.dataframe[0].value
    log = audit.entries(action="export")
    log = log[log["id"] > before]
    assert sorted(log["format"]) == ["csv", "parquet", "xlsx"]
    assert set(log["actor"]) == {"anonymous"} and set(log["role"]) == {"anonymous"}
    assert (log["rows"] == len(screen)).all()
    assert all("series=VC_IHR_PSRC" in q and "geo=MEX,HND,SLV" in q for q in log["filters"])
    assert set(log["what"]) == set(files)


def test_map_csv_is_made_on_click_and_audited(store_path: Path) -> None:
    with capture() as files:
        at = open_app("map", series="VC_IHR_PSRC", year="2019")
        before = len(audit.entries(action="export"))
        rows = csv_of(at.download_button[0], files)  # the click
    log = audit.entries(action="export")
    assert len(log) == before + 1
    newest = log.iloc[0]
    assert (newest["format"], newest["rows"]) == ("csv", len(rows))
    assert "series=VC_IHR_PSRC" in newest["filters"] and "year=2019" in newest["filters"]


def test_incident_counts_for_the_public_are_merged_and_audited(incident_app: Path) -> None:
    with capture() as files:
        at = open_app("incidents", geo="EGY", admin1="EG-C")
        assert not at.exception
        labels = [b.label for b in at.download_button]
        assert labels == ["Download counts by type (CSV)"]  # no individual reports
        data = pd.read_csv(io.BytesIO(fetch(at.download_button[0], files)))
    assert (data["reports"] >= SMALL_COUNT).all()
    newest = audit.entries(action="export", limit=1).iloc[0]
    assert newest["actor"] == "anonymous" and "admin1=EG-C" in newest["filters"]
    assert newest["rows"] == len(data)
