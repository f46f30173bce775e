"""Incident reports carry the Key findings section: the page's sentences and numbers, in PDF,
HTML and Excel; a public report's findings are the public view's, never the analyst's."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from sdg16.core import catalog
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.queries import incidents as q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.build import build_report
from sdg16.reports.render import render
from sdg16.services.analytics import gather
from sdg16.state.roles import Role

CAIRO = Filter(geo=("EGY",), admin1="EG-C", start=date(2012, 1, 1), end=date(2014, 12, 31))


@pytest.fixture(scope="module")
def idb(incident_store: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(incident_store)


def _findings(report) -> pd.DataFrame:
    (section,) = [s for s in report.sections if s.key == "findings"]
    return section.table


def test_report_findings_are_the_screen_findings(idb: ReadOnlyDatabase) -> None:
    report = build_report(idb, CAIRO, catalog.get(), title="t", author="a")
    table = _findings(report)
    screen = gather.key_findings(idb, CAIRO, Role.ANALYST, "en")
    assert table["Finding"].tolist() == [f.text for f in screen]
    n = int(q.summary(idb, CAIRO)["reports"])
    assert table["Finding"].iloc[0].startswith(f"{n} reports in Cairo, Egypt")
    assert [s.key for s in report.sections][:2] == ["summary", "findings"]


def test_each_format_holds_the_findings(idb: ReadOnlyDatabase, tmp_path: Path) -> None:
    report = build_report(idb, CAIRO, catalog.get(), title="t", author="a")
    trend = next(t for t in _findings(report)["Finding"] if t.startswith("Reports fell"))
    html = render(report, "html").decode("utf-8")
    assert trend in html and "crowd-sourced, self-selected and unverified" in html
    sheets = pd.read_excel(io.BytesIO(render(report, "xlsx")), sheet_name=None)
    found = next(df for name, df in sheets.items() if "findings" in name.lower())
    assert trend in found["Finding"].tolist()
    (tmp_path / "r.pdf").write_bytes(render(report, "pdf"))
    pdf = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Key findings" in pdf and "Reports fell" in " ".join(pdf.split())


def test_public_report_uses_the_public_findings(idb: ReadOnlyDatabase) -> None:
    tiny = Filter(geo=("EGY",), admin1="EG-WAD")
    public = _findings(build_report(idb, tiny, catalog.get(), title="t", author="a", public=True))
    assert public["Finding"].iloc[0] == (
        "Fewer than 5 reports in New Valley, Egypt: too few to describe."
    )
    restricted = _findings(build_report(idb, tiny, catalog.get(), title="t", author="a"))
    n = int(q.summary(idb, tiny)["reports"])
    assert 0 < n < SMALL_COUNT and restricted["Finding"].iloc[0].startswith(
        f"{n} reports in New Valley"
    )
    cairo = _findings(build_report(idb, CAIRO, catalog.get(), title="t", author="a", public=True))
    assert cairo["Finding"].tolist() == [
        f.text for f in gather.key_findings(idb, CAIRO, Role.ANONYMOUS, "en")
    ]
