"""The filters in words: one ``describe`` for the report cover, the reports page and the "About"
sheet of a table download, so a reader is told the same thing wherever the rows went."""

from __future__ import annotations

from collections.abc import Mapping

from sdg16.core.catalog import Catalog
from sdg16.core.dimensions import code_label, dim_label
from sdg16.core.filters import Filter
from sdg16.core.i18n import gettext
from sdg16.core.place_names import place_name
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents

MAX_NAMED = 12  # geographies named one by one; the rows hold them all


def _store_names(db: ReadOnlyDatabase, lang: str) -> dict[str, str]:
    """geo_id -> name in ``lang`` (CLDR, the catalog), as the pages name places."""
    geos = meta.geographies(db)
    return {
        g.geo_id: place_name(g.name, lang, g.iso2, g.m49, g.geo_id)
        for g in geos.itertuples(index=False)
    }


def describe(
    f: Filter,
    lang: str = "en",
    *,
    db: ReadOnlyDatabase,
    catalog: Catalog,
    names: Mapping[str, str] | None = None,
    region_label: str | None = None,
) -> tuple[str, ...]:
    """The filters as a reader would say them, one line each, in ``lang`` (``names``: the
    page's own geo_id -> name, else the store's, in ``lang``)."""
    lines = []
    if f.series:
        known = catalog.has_series(f.series)
        title = gettext(lang, catalog.series(f.series).title) if known else f.series
        lines.append(
            gettext(lang, "Indicator: {title} ({code})").format(title=title, code=f.series)
        )
    if f.region:
        lines.append(gettext(lang, "Region: {region}").format(region=region_label or f.region))
    if f.geo:
        if names is None:
            names = _store_names(db, lang)
        shown = [names.get(g, g) for g in f.geo]
        listed = ", ".join(shown[:MAX_NAMED])
        if len(shown) > MAX_NAMED:
            listed += gettext(lang, " and {more} more ({n} geographies)").format(
                more=len(shown) - MAX_NAMED, n=len(shown)
            )
        lines.append(gettext(lang, "Geography: {places}").format(places=listed))
    elif not f.region:
        lines.append(gettext(lang, "Geography: all"))
    earliest, latest = gettext(lang, "earliest"), gettext(lang, "latest")
    if f.year is not None:
        lines.append(gettext(lang, "Year: {year}").format(year=f.year))
    elif f.year_from is not None or f.year_to is not None:
        span = gettext(lang, "Years: {start} to {end}")
        lines.append(span.format(start=f.year_from or earliest, end=f.year_to or latest))
    if f.start or f.end:
        span = gettext(lang, "Dates: {start} to {end}")
        lines.append(span.format(start=f.start or earliest, end=f.end or latest))
    if f.incident_types:
        types = incidents.type_labels()
        shown_types = ", ".join(gettext(lang, types.get(t, t)) for t in f.incident_types)
        lines.append(gettext(lang, "Incident types: {types}").format(types=shown_types))
    if f.place_types:
        places = taxonomy().place_types
        shown_places = ", ".join(gettext(lang, places.get(p, p)) for p in f.place_types)
        lines.append(gettext(lang, "Places: {places}").format(places=shown_places))
    areas = incidents.area_names(f.geo[0], db) if f.admin1 and f.geo else {}
    for area in (f.admin1, f.admin2):
        if area:
            where = gettext(lang, "Area: {name} ({code})")
            lines.append(where.format(name=areas.get(area, area), code=area))
    for dim, code in f.dims:
        pair = gettext(lang, "{dimension}: {value}")
        lines.append(pair.format(dimension=dim_label(dim, lang), value=code_label(code, lang)))
    return tuple(lines)
