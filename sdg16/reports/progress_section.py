"""The report's progress section: the filter's series in the filter's places, both views, with
the numbers behind each status (the same assessment as the country profile and /progress)."""

from __future__ import annotations

import pandas as pd

from sdg16.charts.progress import notes_text, status_label
from sdg16.core.catalog import Catalog
from sdg16.core.i18n import N_, gettext
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.model import Section
from sdg16.services.analytics import assessment

TEXT = N_(
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
    db: ReadOnlyDatabase,
    catalog: Catalog,
    series: str,
    geos: list[str],
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> Section:
    """``names``: geo id -> the place's name in ``lang`` (the store's English otherwise)."""
    found = assessment.assess(db, catalog, geos, [series])
    places = [(names or {}).get(g, n) for g, n in zip(found["geo"], found["geo_name"], strict=True)]
    table = pd.DataFrame(
        {
            gettext(lang, "Geography"): places,
            gettext(lang, "Base (year)"): [
                _at(v, y) for v, y in zip(found["base_value"], found["base_year"], strict=True)
            ],
            gettext(lang, "Current (year)"): [
                _at(v, y)
                for v, y in zip(found["current_value"], found["current_year"], strict=True)
            ],
            gettext(lang, "Target"): found["target"],
            gettext(lang, "Progress value"): found["progress_value"].round(4),
            gettext(lang, "Status"): [status_label(s, lang) for s in found["status"]],
            gettext(lang, "Notes"): [notes_text(n, lang) for n in found["notes"]],
            gettext(lang, "ESCAP status"): [
                status_label(s, lang, anticipated=True) for s in found["api_status"]
            ],
        }
    )
    counts = found["status"].value_counts()
    summary = ", ".join(f"{int(n)} {status_label(s, lang).lower()}" for s, n in counts.items())
    text = gettext(lang, "{method} Here: {summary}.").format(
        method=gettext(lang, TEXT), summary=summary
    )
    return Section("progress", gettext(lang, "Progress towards 2030"), text, table)
