"""Issue D: an analyst filters Cairo reports for 2012-2014 by type and gets a PDF, an HTML file
and an Excel file with the screen's numbers; a viewer gets none of it; every file is audited."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pandas as pd
import pytest

from sdg16.core import catalog
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.build import build_report
from sdg16.reports.incident_sections import breakdown_table
from sdg16.services import incidents
from sdg16.state import audit
from sdg16.state.roles import Role
from testkit.auth import signed_in
from testkit.fixtures import module_state_db
from testkit.paths import ROOT

VIEW = {
    "geo": "EGY",
    "admin1": "EG-C",
    "start": "2012-01-01",
    "end": "2014-12-31",
    "type": "touching,comments",
}
FILTER = Filter(
    geo=("EGY",),
    admin1="EG-C",
    start=pd.Timestamp("2012-01-01").date(),
    end=pd.Timestamp("2014-12-31").date(),
    incident_types=("touching", "comments"),
)


# Users in a throwaway state DB; the app reads the store holding the HarassMap reports.
state_db = module_state_db("vic", "ana", store="incident_store")


@pytest.fixture(scope="module")
def made():
    """The analyst opens Create report with the incident filters and makes all three files."""
    at = signed_in("ana", "reports", **VIEW)
    assert not at.exception
    screen = at.dataframe[0].value
    next(b for b in at.button if b.label == "Create report").click().run()
    assert not at.exception
    files = {m.name.rsplit(".", 1)[1]: m for m in at.session_state["sdg16_report_files"]}
    return at, screen, files


def test_report_tables_equal_the_incident_screen(made, incident_store: Path) -> None:
    _, screen, files = made
    db = ReadOnlyDatabase(incident_store)
    expected = breakdown_table(incidents.breakdown(db, FILTER, Role.ANALYST, "type"), "Type")
    counts = dict(zip(screen["Incident type"], screen["Reports"], strict=True))
    assert counts == dict(zip(expected["Type"], expected["Reports"], strict=True))
    assert counts["Touching"] > counts["Sexual assault"] > 0
    book = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name=None)
    pd.testing.assert_frame_equal(
        book["Reports by incident type"], screen.reset_index(drop=True), check_dtype=False
    )
    total = incidents.summary(db, FILTER, Role.ANALYST)["reports"]
    assert book["Summary"]["Reports"].tolist() == [total]
    # The monthly table adds up to the screen's timeline, month by month.
    timeline = incidents.timeline(db, FILTER, Role.ANALYST, "month")
    sheet = book["Timeline by month"].set_index("Month")
    assert sheet.sum(axis=1).tolist() == timeline.groupby("period")["reports"].sum().tolist()
    about = book["About"].set_index("Field")["Value"]
    assert "Area: Cairo (EG-C)" in about.loc["Filter"].tolist()
    assert "Incident types: Touching, Comments" in about.loc["Filter"].tolist()
    # No free text unless asked for.
    assert "Description" not in book["Individual reports"].columns
    assert "Individual reports with text" not in book


def test_pdf_holds_the_numbers_and_the_cover(made, tmp_path: Path) -> None:
    _, screen, files = made
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(files["pdf"].data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Incident reports" in text and "Prepared by ana" in text
    assert "Area: Cairo (EG-C)" in text and "Dates: 2012-01-01 to 2014-12-31" in text
    for label, n in zip(screen["Incident type"], screen["Reports"], strict=True):
        assert any(label in line and str(n) in line.split() for line in text.splitlines())
    assert "RESTRICTED" in text


def test_each_file_is_in_the_audit_log(made) -> None:
    _, _, files = made
    log = audit.entries(action="report", actor="ana")
    assert set(log["format"]) == {"pdf", "html", "xlsx"}
    assert all("admin1=EG-C" in q and "type=touching,comments" in q for q in log["filters"])
    assert set(log["what"]) == {m.name for m in files.values()}
    assert (log["rows"] > 0).all()


def test_public_report_suppresses_small_counts_and_individual_reports(
    incident_store: Path,
) -> None:
    db = ReadOnlyDatabase(incident_store)
    report = build_report(db, FILTER, catalog.get(), title="Public", author="ana", public=True)
    keys = [s.key for s in report.sections]
    assert "reports" not in keys and "reports_text" not in keys
    by_type = next(s for s in report.sections if s.key == "by_type").table
    assert set(by_type["Reports"].astype(str)) <= {"<5"} | {
        str(n) for n in range(SMALL_COUNT, 10_000)
    }
    assert "<5" in by_type["Reports"].astype(str).tolist()
    # The chart is drawn again from the suppressed table: no bar for a withheld count.
    section = next(s for s in report.sections if s.key == "by_type")
    drawn = dict(zip(section.figure.data[0].y, section.figure.data[0].x, strict=True))
    withheld = set(by_type.loc[by_type["Reports"].astype(str) == "<5", "Incident type"])
    assert withheld and not withheld & set(drawn) and min(drawn.values()) >= SMALL_COUNT
    timeline = next(s for s in report.sections if s.key == "timeline")
    assert all(min(t.y) >= 5 for t in timeline.figure.data)


def test_viewer_cannot_reach_incident_reports_by_url() -> None:
    at = signed_in("vic", "reports", **VIEW)
    assert not at.exception
    assert "Sign in required" in [t.value for t in at.title]
    assert not at.dataframe and not at.get("download_button")
    assert "sdg16_report_files" not in at.session_state
    with pytest.raises(PermissionError):
        incidents.reports(ReadOnlyDatabase(os.environ["SDG16_DB"]), FILTER, Role.VIEWER)


def test_incident_page_offers_create_report_to_analysts_only() -> None:
    def create_links(user: str) -> list:
        at = signed_in(user, "incidents", **VIEW)
        assert not at.exception
        return [e for e in at.get("page_link") if e.proto.label == "Create report"]

    assert len(create_links("ana")) == 1
    assert create_links("vic") == []


def test_cli_makes_the_excel_report_with_incident_filters(tmp_path: Path) -> None:
    out = tmp_path / "cairo.xlsx"
    query = "&".join(f"{k}={v}" for k, v in VIEW.items())
    args = ["report", "--filters", query, "--format", "xlsx", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "sdg16", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr
    book = pd.read_excel(out, sheet_name=None)
    db = ReadOnlyDatabase(os.environ["SDG16_DB"])
    total = incidents.summary(db, FILTER, Role.ANALYST)["reports"]
    assert book["Summary"]["Reports"].tolist() == [total]
    assert audit.entries(action="report", actor="system:cli")["format"].tolist()[0] == "xlsx"


def test_create_report_on_the_unfiltered_incident_page_makes_an_incident_report() -> None:
    # Pressed on /incidents with no filter in the link: the report is of that view (Egypt's
    # reports over the slider's span), not the indicator report the reports page opens on.
    at = signed_in("ana", "incidents")
    link = next(e for e in at.get("page_link") if e.proto.label == "Create report")
    params = dict(parse_qsl(link.proto.query_string))
    assert params["geo"] == "EGY" and "start" in params and "series" not in params
    at = signed_in("ana", "reports", **params)
    assert not at.exception
    assert [t.value for t in at.text_input] == ["Incident reports: Egypt"]
    sections = next(m for m in at.multiselect if m.label == "Sections").options
    assert "Counts by incident type (chart and table)" in sections


def test_incident_page_names_a_country_without_reports_and_the_left_out_dates() -> None:
    at = signed_in("ana", "incidents", geo="CAF")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert warnings == [
        "No incident reports for Central African Republic. Reports are loaded for: Egypt."
    ]
    assert not at.get("plotly_chart"), "no other country's reports shown in its place"
    at = signed_in("ana", "incidents")
    left_out = [c.value for c in at.caption if "likely mis-dated" in c.value]
    assert len(left_out) == 1 and "before 2010-01" in left_out[0]
