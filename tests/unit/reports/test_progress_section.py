"""Reports carry a progress section with the numbers behind each status, in every format."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.build import build_report
from sdg16.reports.render import render

FILTER = Filter(series="VC_IHR_PSRC", geo=("EGY", "MEX", "HND"), year_from=2012, year_to=2014)


@pytest.fixture(scope="module")
def report(db: ReadOnlyDatabase):
    return build_report(db, FILTER, catalog.get(), title="T", author="t")


def test_progress_section_has_the_numbers(report) -> None:
    assert [s.key for s in report.sections] == ["latest", "trend", "progress", "data"]
    table = report.sections[2].table.set_index("Geography")
    mex = table.loc["Mexico"]
    # all years count, not only the filter's: 17.28 (2015) -> 28.18 (2021)
    assert (mex["Base (year)"], mex["Current (year)"]) == ("17.28 (2015)", "28.18 (2021)")
    assert mex["Progress value"] == round(-((28.18 / 17.28) ** (1 / 6) - 1), 4)  # -0.0849
    assert (mex["Status"], table.loc["Honduras", "Status"]) == (
        "Deterioration",
        "Substantial progress",
    )
    assert "ProgressMeasure.py" in report.sections[2].text


def test_progress_section_in_pdf_html_and_excel(report, tmp_path: Path) -> None:
    sheets = pd.read_excel(io.BytesIO(render(report, "xlsx")), sheet_name=None)
    sheet = next(v for k, v in sheets.items() if k.startswith("Progress"))
    assert set(sheet["Status"]) == {"Deterioration", "Substantial progress"}
    html = render(report, "html").decode("utf-8")
    assert "Progress towards 2030" in html and "Substantial progress" in html
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render(report, "pdf"))
    body = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    assert "Progress towards 2030" in body.stdout and "Deterioration" in body.stdout
