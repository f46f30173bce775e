"""The HTML report opens offline: charts draw and nothing is requested from any host."""

from __future__ import annotations

from pathlib import Path

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.build import build_report
from sdg16.reports.render import render
from testkit.browser import PageWatch, browser


def open_offline(path: Path, shot: Path):
    """Open a report file in Chromium; return (page text, chart count, legend, requests made)."""
    watch = PageWatch()
    requests: list[str] = []
    with browser() as ctx:
        page = ctx.new_page()
        watch.attach(page)
        page.on("request", lambda req: requests.append(req.url))
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30000)
        page.screenshot(path=str(shot), full_page=True)
        found = (
            page.inner_text("body"),
            page.locator(".js-plotly-plot").count(),
            page.locator(".legendtext").all_text_contents(),
        )
    assert not watch.offsite and not watch.failed and not watch.console_errors
    assert [r for r in requests if not r.startswith("file:")] == []
    return found


def test_html_report_renders_with_no_requests(db: ReadOnlyDatabase, artifacts: Path, tmp_path):
    f = Filter(series="VC_IHR_PSRC", geo=("EGY", "MEX", "HND"), year_from=2012, year_to=2014)
    report = build_report(db, f, catalog.get(), title="Homicide report", author="test")
    path = tmp_path / "report.html"
    path.write_bytes(render(report, "html"))
    _, _, legend = open_offline(path, artifacts / "report-html.png")
    assert sorted(legend) == ["Egypt", "Honduras", "Mexico"]


def test_incident_html_report_opens_offline(incident_store: Path, artifacts: Path, tmp_path):
    f = Filter(geo=("EGY",), admin1="EG-C", incident_types=("touching", "comments"))
    db = ReadOnlyDatabase(incident_store)
    report = build_report(db, f, catalog.get(), title="Cairo incident report", author="test")
    path = tmp_path / "incidents.html"
    path.write_bytes(render(report, "html"))
    text, charts, _ = open_offline(path, artifacts / "report-incidents-html.png")
    assert charts == 4  # type, month, area, place
    assert "Area: Cairo (EG-C)" in text and "Touching" in text
