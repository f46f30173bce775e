"""The filters in words: one ``describe`` for the report cover, the reports page and the "About"
sheet of a table download, so a reader is told the same thing wherever the rows went."""

from __future__ import annotations

from collections.abc import Mapping

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.i18n import gettext
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents

MAX_NAMED = 12  # geographies named one by one; the rows hold them all


def describe(
    f: Filter,
    lang: str = "en",
    *,
    db: ReadOnlyDatabase,
    catalog: Catalog,
    names: Mapping[str, str] | None = None,
    region_label: str | None = None,
) -> tuple[str, ...]:
    """The filters as a reader would say them, one line each. Titles and names are in ``lang``
    (``names``: the page's own geo_id -> name, else the store's); the labels are English, as
    the reports that carry them are."""
    lines = []
    if f.series:
        known = catalog.has_series(f.series)
        title = gettext(lang, catalog.series(f.series).title) if known else f.series
        lines.append(f"Indicator: {title} ({f.series})")
    if f.region:
        lines.append(f"Region: {region_label or f.region}")
    if f.geo:
        if names is None:
            names = meta.geographies(db).set_index("geo_id")["name"].to_dict()
        shown = [names.get(g, g) for g in f.geo]
        listed = ", ".join(shown[:MAX_NAMED])
        if len(shown) > MAX_NAMED:
            listed += f" and {len(shown) - MAX_NAMED} more ({len(shown)} geographies)"
        lines.append("Geography: " + listed)
    elif not f.region:
        lines.append("Geography: all")
    if f.year is not None:
        lines.append(f"Year: {f.year}")
    elif f.year_from is not None or f.year_to is not None:
        lines.append(f"Years: {f.year_from or 'earliest'} to {f.year_to or 'latest'}")
    if f.start or f.end:
        lines.append(f"Dates: {f.start or 'earliest'} to {f.end or 'latest'}")
    if f.incident_types:
        types = incidents.type_labels()
        lines.append("Incident types: " + ", ".join(types.get(t, t) for t in f.incident_types))
    if f.place_types:
        places = taxonomy().place_types
        lines.append("Places: " + ", ".join(places.get(p, p) for p in f.place_types))
    areas = incidents.area_names(f.geo[0], db) if f.admin1 and f.geo else {}
    for area in (f.admin1, f.admin2):
        if area:
            lines.append(f"Area: {areas.get(area, area)} ({area})")
    for dim, code in f.dims:
        lines.append(f"{dim.replace('_', ' ').capitalize()}: {code}")
    return tuple(lines)
