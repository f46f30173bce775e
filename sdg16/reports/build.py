"""Assemble a report for a filter: metadata (filters in words, provenance) plus sections.

Section sources are in ``SOURCES``: indicators, and incidents (counts by type, month, area);
``source_for`` picks one from the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sdg16.core.catalog import Catalog
from sdg16.core.dimensions import code_label, dim_label
from sdg16.core.filters import Filter
from sdg16.core.formatting import dataset_label, date_time, number
from sdg16.core.i18n import N_, gettext
from sdg16.core.place_names import place_name
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import incidents as queries_incidents
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.incident_sections import incident_sections
from sdg16.reports.indicator_sections import indicator_sections
from sdg16.reports.model import Report, ReportMeta, Section, finalise
from sdg16.services import incidents

ATTRIBUTION = N_(
    "Sources: UN Statistics Division, SDG Global Database (with the custodian agency of each "
    "series); World Bank, Worldwide Governance Indicators."
)

DEFAULT_TITLE = N_("SDG 16 report")

SectionSource = Callable[[ReadOnlyDatabase, Filter, Catalog], list[Section]]
SOURCES: dict[str, SectionSource] = {
    "indicators": indicator_sections,
    "incidents": incident_sections,
}


def source_for(f: Filter) -> str:
    """Incident filters (types, places, dates, admin areas) go to the incidents source."""
    incident = f.incident_types or f.place_types or f.start or f.end or f.admin1
    return "incidents" if incident and "incidents" in SOURCES else "indicators"


def describe(f: Filter, db: ReadOnlyDatabase, catalog: Catalog) -> tuple[str, ...]:
    """The filters as a reader would say them, in the filter's language."""
    lang = f.lang or "en"
    lines = []
    if f.series:
        title = (
            gettext(lang, catalog.series(f.series).title)
            if catalog.has_series(f.series)
            else f.series
        )
        lines.append(
            gettext(lang, "Indicator: {title} ({code})").format(title=title, code=f.series)
        )
    if f.geo:
        geos = meta.geographies(db).set_index("geo_id")
        names = [
            place_name(geos.at[g, "name"], lang, geos.at[g, "iso2"], geos.at[g, "m49"], g)
            if g in geos.index
            else g
            for g in f.geo
        ]
        lines.append(gettext(lang, "Geography: {places}").format(places=", ".join(names)))
    elif f.region:
        lines.append(gettext(lang, "Region: {region}").format(region=f.region))
    else:
        lines.append(gettext(lang, "Geography: all"))
    earliest, latest = gettext(lang, "earliest"), gettext(lang, "latest")
    if f.year is not None:
        lines.append(gettext(lang, "Year: {year}").format(year=f.year))
    elif f.year_from is not None or f.year_to is not None:
        lines.append(
            gettext(lang, "Years: {start} to {end}").format(
                start=f.year_from or earliest, end=f.year_to or latest
            )
        )
    if f.start or f.end:
        lines.append(
            gettext(lang, "Dates: {start} to {end}").format(
                start=f.start or earliest, end=f.end or latest
            )
        )
    if f.incident_types:
        types = incidents.type_labels()
        shown = ", ".join(gettext(lang, types.get(t, t)) for t in f.incident_types)
        lines.append(gettext(lang, "Incident types: {types}").format(types=shown))
    if f.place_types:
        places = taxonomy().place_types
        shown = ", ".join(gettext(lang, places.get(p, p)) for p in f.place_types)
        lines.append(gettext(lang, "Places: {places}").format(places=shown))
    names = incidents.area_names(f.geo[0]) if f.admin1 and f.geo else {}
    for area in (f.admin1, f.admin2):
        if area:
            lines.append(
                gettext(lang, "Area: {name} ({code})").format(name=names.get(area, area), code=area)
            )
    for dim, code in f.dims:
        lines.append(f"{dim_label(dim, lang)}: {code_label(code, lang)}")
    return tuple(lines)


INCIDENT_ATTRIBUTION = N_(
    "Incident reports: crowd-sourced, self-selected and unverified (HarassMap, harassmap.org; "
    "other sources as listed). Borders: Natural Earth."
)


def provenance(db: ReadOnlyDatabase, f: Filter | None = None) -> tuple[str, ...]:
    lang = (f.lang if f else None) or "en"
    fresh = meta.freshness(db)
    lines = tuple(
        gettext(lang, "{dataset}: {count} values, loaded {when} UTC").format(
            dataset=gettext(lang, dataset_label(r.dataset)),
            count=number(r.observations, lang),
            when=date_time(r.loaded_at, lang),
        )
        for r in fresh.itertuples(index=False)
    )
    if f is None or source_for(f) != "incidents" or not queries_incidents.has_incidents(db):
        return lines
    s, stored = queries_incidents.summary(db, f), queries_incidents.store_counts(db)
    # Indicator datasets are not in an incident report: only where its reports came from.
    text = gettext(
        lang,
        "Incident reports from: {sources}; {stored} reports stored, {quarantined} rows "
        "quarantined at import",
    )
    return (
        text.format(
            sources=s["sources"] or gettext(lang, "none"),
            stored=number(stored["incidents"], lang),
            quarantined=number(stored["quarantined"], lang),
        ),
    )


def build_report(
    db: ReadOnlyDatabase,
    f: Filter,
    catalog: Catalog,
    *,
    title: str,
    author: str,
    sections: Sequence[str] | None = None,
    public: bool = False,
) -> Report:
    """The report for ``f``; ``sections`` picks section keys (all when None), in order."""
    built = SOURCES[source_for(f)](db, f, catalog)
    if sections is None:
        built = [s for s in built if not s.on_request]
    else:
        wanted = list(sections)
        built = sorted((s for s in built if s.key in wanted), key=lambda s: wanted.index(s.key))
    query = "&".join(f"{k}={v}" for k, v in f.to_params().items())
    attribution = INCIDENT_ATTRIBUTION if source_for(f) == "incidents" else ATTRIBUTION
    report_meta = ReportMeta(
        title=title.strip() or gettext(f.lang or "en", DEFAULT_TITLE),
        author=author,
        created=datetime.now(UTC),
        filters_text=describe(f, db, catalog),
        filters_query=query,
        provenance=provenance(db, f),
        attribution=gettext(f.lang or "en", attribution),
        public=public,
        lang=f.lang,
    )
    return finalise(Report(report_meta, tuple(built)))
