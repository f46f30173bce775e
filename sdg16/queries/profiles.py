"""Country profile: every catalog series for one country, with trend, direction and rank."""

from __future__ import annotations

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import dimension_clause, headline_dims, preferred_source_sql

PROFILE_COLUMNS = [
    "indicator",
    "series",
    "title",
    "latest_year",
    "latest_value",
    "unit",
    "previous_year",
    "previous_value",
    "direction",
    "rank",
    "peers",
    "subregion",
    "trend_years",
    "trend",
    "source",
]


def _headline(catalog: Catalog, params: list) -> str:
    """One OR-branch per catalog series at its headline disaggregation."""
    branches = []
    for entry in catalog.all_series():
        params.append(entry.code)
        dims = dimension_clause(headline_dims(catalog, entry.code), params)
        branches.append(f"(o.series_code = ? AND {dims})")
    return " OR ".join(branches)


# What both profile queries return: one headline value per series, geography and year.
_HEADLINE_SELECT = """
    SELECT o.series_code AS series, o.geo_id AS iso3, g.un_subregion AS subregion,
           o.year, o.value, o.unit, o.source
    FROM observation o JOIN geo g USING (geo_id)
"""


def peer_values(db: ReadOnlyDatabase, geo_id: str, catalog: Catalog) -> pd.DataFrame:
    """Headline values of every country in ``geo_id``'s UN sub-region (itself included).

    Columns: series, iso3, subregion, year, value, unit, source.
    """
    params: list = [geo_id]
    headline = _headline(catalog, params)
    return db.query(
        f"""{_HEADLINE_SELECT}
        WHERE g.kind = 'country'
          AND g.un_subregion = (SELECT un_subregion FROM geo WHERE geo_id = ?)
          AND ({headline}) AND {preferred_source_sql()}
        ORDER BY o.series_code, o.geo_id, o.year
        """,
        params,
    )


def own_values(db: ReadOnlyDatabase, geo_id: str, catalog: Catalog) -> pd.DataFrame:
    """Headline values of one geography (for a country without a sub-region too)."""
    params: list = []
    headline = _headline(catalog, params)
    return db.query(
        f"""{_HEADLINE_SELECT}
        WHERE o.geo_id = ? AND ({headline}) AND {preferred_source_sql()}
        ORDER BY o.series_code, o.year
        """,
        [geo_id, *params],
    )


def direction(latest: float, previous: float | None, higher_is_better: bool | None) -> str:
    """improving / worsening / no change / no direction / single value."""
    if previous is None or pd.isna(previous):
        return "single value"
    if latest == previous:
        return "no change"
    if higher_is_better is None:
        return "no direction"
    return "improving" if (latest > previous) == higher_is_better else "worsening"


def _rank(peers: pd.DataFrame, geo_id: str, year: int, higher_is_better: bool | None) -> tuple:
    """(rank, number of countries) that year; 1 is the best, or the highest if no direction."""
    same_year = peers[peers["year"] == year]
    if geo_id not in set(same_year["iso3"]):
        return None, None
    ascending = higher_is_better is False
    ranks = same_year["value"].rank(method="min", ascending=ascending)
    mine = ranks[same_year["iso3"] == geo_id].iloc[0]
    return int(mine), len(same_year)


def profile(db: ReadOnlyDatabase, geo_id: str, catalog: Catalog) -> pd.DataFrame:
    """One row per catalog series with data for the country, in catalog order."""
    peers = peer_values(db, geo_id, catalog)
    own = peers[peers["iso3"] == geo_id]
    if own.empty:  # no sub-region in the reference table: no ranking, still a profile
        own = own_values(db, geo_id, catalog)
    rows = []
    for indicator in catalog.indicators:
        for entry in indicator.series:
            mine = own[own["series"] == entry.code].sort_values("year")
            if mine.empty:
                continue
            last = mine.iloc[-1]
            prev = mine.iloc[-2] if len(mine) > 1 else None
            prev_value = None if prev is None else float(prev["value"])
            rank, count = _rank(
                peers[peers["series"] == entry.code],
                geo_id,
                int(last["year"]),
                entry.higher_is_better,
            )
            rows.append(
                {
                    "indicator": indicator.code,
                    "series": entry.code,
                    "title": entry.title,
                    "latest_year": int(last["year"]),
                    "latest_value": float(last["value"]),
                    "unit": last["unit"],
                    "previous_year": None if prev is None else int(prev["year"]),
                    "previous_value": prev_value,
                    "direction": direction(
                        float(last["value"]), prev_value, entry.higher_is_better
                    ),
                    "rank": rank,
                    "peers": count,
                    "subregion": last["subregion"],
                    "trend_years": [int(y) for y in mine["year"]],
                    "trend": [float(v) for v in mine["value"]],
                    "source": last["source"],
                }
            )
    frame = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return frame.astype({"rank": "Int64", "peers": "Int64", "previous_year": "Int64"})
