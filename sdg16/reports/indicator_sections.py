"""Report sections for an indicator view, from the same query the indicator pages use
(``sdg16.queries.indicators.observations``), so a report's numbers are the screen's numbers."""

from __future__ import annotations

import pandas as pd
import plotly.express as px

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.formatting import UNIT_SHORT, nature_label, unit_label
from sdg16.core.i18n import N_
from sdg16.queries import indicators, meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.model import Section
from sdg16.reports.progress_section import progress_section

# The data table: the same rows the screen shows, with readable headers.
TABLE_COLUMNS = {
    "geo_name": "Geography",
    "iso3": "Code",
    "year": "Year",
    "value": "Value",
    "unit": "Unit",
    "nature": "Nature",
    "source": "Dataset",
}


def resolve(db: ReadOnlyDatabase, f: Filter) -> Filter:
    """A region without explicit geographies means its member countries."""
    if f.region and not f.geo:
        return f.update(geo=tuple(meta.region_members(db, f.region)))
    return f


def report_table(obs: pd.DataFrame) -> pd.DataFrame:
    """The observations as readers see them: same rows and values, labels instead of codes."""
    table = obs[list(TABLE_COLUMNS)].copy()
    table["unit"] = table["unit"].map(lambda u: UNIT_SHORT.get(u, u) or "number")
    table["nature"] = table["nature"].map(nature_label)
    return table.rename(columns=TABLE_COLUMNS).reset_index(drop=True)


def _latest(obs: pd.DataFrame, unit: str) -> Section:
    latest = obs.sort_values("year").groupby("iso3", sort=False).tail(1)
    table = latest[["geo_name", "year", "value"]].rename(
        columns={"geo_name": "Geography", "year": "Latest year", "value": "Value"}
    )
    table = table.sort_values("Value", ascending=False).reset_index(drop=True)
    return Section(
        "latest",
        "Latest value by geography",
        f"The most recent value for each geography, in {unit}.",
        table,
    )


def _trend(obs: pd.DataFrame, title: str, unit: str) -> Section:
    fig = px.line(
        obs,
        x="year",
        y="value",
        color="geo_name",
        markers=True,
        labels={"year": "Year", "value": unit, "geo_name": "Geography"},
        title=title,
    )
    fig.update_layout(template="plotly_white", legend_title_text="", margin=dict(t=50, r=10))
    wide = obs.pivot_table(index="year", columns="geo_name", values="value", aggfunc="first")
    wide = wide.reset_index().rename(columns={"year": "Year"})
    wide.columns.name = None
    return Section("trend", "Trend over time", f"{title}, {unit}, by year.", wide, figure=fig)


def indicator_sections(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> list[Section]:
    """Sections ``latest``, ``trend``, ``progress`` and ``data`` for the filter's series."""
    f = resolve(db, f)
    obs = indicators.observations(db, f, catalog)
    entry = catalog.series(f.series) if catalog.has_series(f.series) else None
    title = entry.title if entry else f.series
    unit = unit_label(entry.unit if entry else (obs["unit"].iloc[0] if len(obs) else ""))
    natures = ", ".join(sorted({nature_label(n) for n in obs["nature"].dropna()})) or "none"
    if obs.empty:
        empty = Section("data", "Data", "No values match these filters.", report_table(obs))
        return [empty]
    data = Section(
        "data",
        "Data",
        f"Every value behind this report ({len(obs)} rows). Nature of the data: {natures}.",
        report_table(obs),
    )
    places = list(dict.fromkeys(obs["iso3"]))
    progress = progress_section(db, catalog, f.series, places) if entry else None
    return [_latest(obs, unit), _trend(obs, title, unit), *([progress] if progress else []), data]


SECTION_LABELS = {
    "latest": N_("Latest value by geography"),
    "trend": N_("Trend over time (chart and table)"),
    "progress": N_("Progress towards 2030 (statuses and their numbers)"),
    "data": N_("Data table"),
}
