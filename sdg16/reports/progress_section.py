"""The report's progress section: the filter's series in the filter's places, both views, with
the numbers behind each status (the same assessment as the country profile and /progress)."""

from __future__ import annotations

import pandas as pd

from sdg16.charts.progress import notes_text, status_label
from sdg16.core.catalog import Catalog
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.model import Section
from sdg16.services.analytics import assessment

TEXT = (
    "Open SDG progress measure (Statistics Canada; open-sdg/sdg-build ProgressMeasure.py): "
    "headline disaggregation, all years; base year 2015 or the first later year with data, "
    "current year the latest. Without a "
    "numeric target, the compound annual growth rate in the desired direction (>= 1.5 % "
    "substantial, >= 0.5 % moderate, >= 0 limited, < 0 deterioration); with one, observed over "
    "required growth (>= 0.95, >= 0.6, >= 0). Second view: ESCAP's Anticipated Progress Index "
    "(time-weighted regression to 2030). Progress value: growth a year (no target) or observed "
    "over required growth (target). Method: docs/progress.md."
)


def _at(value: float, year: object) -> str:
    """``17.28 (2015)``: the value as stored, with its year (the PDF has no room for both)."""
    return "–" if pd.isna(value) else f"{value:.6g} ({int(year)})"


def progress_section(
    db: ReadOnlyDatabase, catalog: Catalog, series: str, geos: list[str]
) -> Section:
    found = assessment.assess(db, catalog, geos, [series])
    table = pd.DataFrame(
        {
            "Geography": found["geo_name"],
            "Base (year)": [
                _at(v, y) for v, y in zip(found["base_value"], found["base_year"], strict=True)
            ],
            "Current (year)": [
                _at(v, y)
                for v, y in zip(found["current_value"], found["current_year"], strict=True)
            ],
            "Target": found["target"],
            "Progress value": found["progress_value"].round(4),
            "Status": [status_label(s, "en") for s in found["status"]],
            "Notes": [notes_text(n, "en") for n in found["notes"]],
            "ESCAP status": [status_label(s, "en", anticipated=True) for s in found["api_status"]],
        }
    )
    counts = found["status"].value_counts()
    summary = ", ".join(f"{int(n)} {status_label(s, 'en').lower()}" for s, n in counts.items())
    return Section("progress", "Progress towards 2030", f"{TEXT} Here: {summary}.", table)
