"""Report sections for an indicator view, from the same query the indicator pages use
(``sdg16.queries.indicators.observations``), so a report's numbers are the screen's numbers."""

from __future__ import annotations

import pandas as pd
import plotly.express as px

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.formatting import (
    UNIT_SHORT,
    dataset_label,
    nature_label,
    number,
    plotly_separators,
    unit_label,
)
from sdg16.core.i18n import N_, gettext
from sdg16.core.place_names import place_name
from sdg16.queries import indicators, meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.model import Section
from sdg16.reports.progress_section import progress_section

# The data table: the same rows the screen shows, with readable headers.
TABLE_COLUMNS = {
    "geo_name": N_("Geography"),
    "iso3": N_("Code"),
    "year": N_("Year"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "nature": N_("Nature"),
    "source": N_("Dataset"),
}


def resolve(db: ReadOnlyDatabase, f: Filter) -> Filter:
    """A region without explicit geographies means its member countries."""
    if f.region and not f.geo:
        return f.update(geo=tuple(meta.region_members(db, f.region)))
    return f


def report_table(obs: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The observations as readers see them: same rows and values, labels instead of codes,
    headings and labels in ``lang``."""
    table = obs[list(TABLE_COLUMNS)].copy()
    table["unit"] = table["unit"].map(lambda u: gettext(lang, UNIT_SHORT.get(u, u) or "number"))
    table["nature"] = table["nature"].map(lambda n: nature_label(n, lang))
    table["source"] = table["source"].map(lambda s: gettext(lang, dataset_label(s)))
    names = {k: gettext(lang, v) for k, v in TABLE_COLUMNS.items()}
    return table.rename(columns=names).reset_index(drop=True)


def _latest(obs: pd.DataFrame, unit: str, lang: str) -> Section:
    latest = obs.sort_values("year").groupby("iso3", sort=False).tail(1)
    value = gettext(lang, "Value")
    table = latest[["geo_name", "year", "value"]].rename(
        columns={
            "geo_name": gettext(lang, "Geography"),
            "year": gettext(lang, "Latest year"),
            "value": value,
        }
    )
    table = table.sort_values(value, ascending=False).reset_index(drop=True)
    heading = SECTION_LABELS["latest"]
    return Section(
        "latest",
        gettext(lang, heading),
        gettext(lang, "The most recent value for each geography, in {unit}.").format(unit=unit),
        table,
    )


def _trend(obs: pd.DataFrame, title: str, unit: str, lang: str) -> Section:
    year, place = gettext(lang, "Year"), gettext(lang, "Geography")
    fig = px.line(
        obs,
        x="year",
        y="value",
        color="geo_name",
        markers=True,
        labels={"year": year, "value": unit, "geo_name": place},
        title=title,
    )
    fig.update_layout(
        template="plotly_white",
        legend_title_text="",
        margin=dict(t=50, r=10),
        separators=plotly_separators(lang),
    )
    wide = obs.pivot_table(index="year", columns="geo_name", values="value", aggfunc="first")
    wide = wide.reset_index().rename(columns={"year": year})
    wide.columns.name = None
    text = gettext(lang, "{title}, {unit}, by year.").format(title=title, unit=unit)
    return Section("trend", gettext(lang, "Trend over time"), text, wide, figure=fig)


def indicator_sections(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> list[Section]:
    """Sections ``latest``, ``trend``, ``progress`` and ``data`` for the filter's series."""
    f, lang = resolve(db, f), f.lang or "en"
    obs = localized(indicators.observations(db, f, catalog), lang, db)
    entry = catalog.series(f.series) if catalog.has_series(f.series) else None
    title = gettext(lang, entry.title) if entry else f.series
    unit = unit_label(entry.unit if entry else (obs["unit"].iloc[0] if len(obs) else ""), lang)
    natures = ", ".join(sorted({nature_label(n, lang) for n in obs["nature"].dropna()}))
    data_title = gettext(lang, "Data")
    if obs.empty:
        text = gettext(lang, "No values match these filters.")
        return [Section("data", data_title, text, report_table(obs, lang))]
    data = Section(
        "data",
        data_title,
        gettext(
            lang, "Every value behind this report ({n} rows). Nature of the data: {natures}."
        ).format(n=number(len(obs), lang), natures=natures or gettext(lang, "none")),
        report_table(obs, lang),
    )
    places = list(dict.fromkeys(obs["iso3"]))
    names = dict(zip(obs["iso3"], obs["geo_name"], strict=True))
    progress = progress_section(db, catalog, f.series, places, lang, names) if entry else None
    latest, trend = _latest(obs, unit, lang), _trend(obs, title, unit, lang)
    return [latest, trend, *([progress] if progress else []), data]


def localized(obs: pd.DataFrame, lang: str, db: ReadOnlyDatabase) -> pd.DataFrame:
    """``geo_name`` in ``lang`` (CLDR and the catalog, as the pages name places)."""
    if lang == "en" or obs.empty:
        return obs
    geos = meta.geographies(db).set_index("geo_id")
    names = {
        g: place_name(r["name"], lang, r["iso2"], r["m49"], g)
        for g, r in geos.loc[geos.index.intersection(obs["iso3"].unique())].iterrows()
    }
    return obs.assign(
        geo_name=[names.get(g, n) for g, n in zip(obs["iso3"], obs["geo_name"], strict=True)]
    )


SECTION_LABELS = {
    "latest": N_("Latest value by geography"),
    "trend": N_("Trend over time (chart and table)"),
    "progress": N_("Progress towards 2030 (statuses and their numbers)"),
    "data": N_("Data table"),
}
