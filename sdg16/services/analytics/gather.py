"""The statistics of one incident selection, gathered for the findings, as a role may see
them: totals and breakdowns through the privacy layer (``sdg16.services.incidents``), hotspots and
months through their own services (which apply the same rule)."""

from __future__ import annotations

import pandas as pd

from sdg16.core.filters import Filter
from sdg16.core.place_names import place_name as localized
from sdg16.core.policy import LANGUAGES
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents
from sdg16.services.analytics import findings, hotspots, monthly
from sdg16.state.roles import Role


def place_name(db: ReadOnlyDatabase, f: Filter, lang: str = "en") -> str:
    """The selection's place in ``lang`` (CLDR country names, as the pages name it)."""
    if not f.geo:
        return "—"
    geos = meta.geographies(db)
    row = geos[geos["geo_id"] == f.geo[0]]
    if row.empty:
        place = f.geo[0]
    else:
        g = row.iloc[0]
        place = localized(g["name"], lang, g["iso2"], g["m49"], f.geo[0])
    if f.admin1:
        place = f"{incidents.area_names(f.geo[0], db).get(f.admin1, f.admin1)}, {place}"
    return place


def _month(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else pd.Timestamp(value).strftime("%Y-%m")


def stats(db: ReadOnlyDatabase, f: Filter, role: Role) -> findings.Stats:
    summary = incidents.summary(db, f, role)
    view = monthly.selection(db, f, role)
    return findings.Stats(
        place=place_name(db, f),
        # Named in every language: the statistics are cached without the language.
        place_in={lang: place_name(db, f, lang) for lang in LANGUAGES},
        reports=summary["reports"],
        first=_month(summary["first"]),
        last=_month(summary["last"]),
        by_type=incidents.breakdown(db, f, role, "type"),
        by_place=incidents.breakdown(db, f, role, "place_type"),
        months=view.months,
        trend=view.trend,
        hotspots=hotspots.for_filter(db, f, role),
        area_names=incidents.area_names(f.geo[0], db) if f.geo else {},
    )


def key_findings(db: ReadOnlyDatabase, f: Filter, role: Role, lang: str) -> list[findings.Finding]:
    return findings.write(stats(db, f, role), lang)
