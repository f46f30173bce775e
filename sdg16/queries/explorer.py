"""Queries behind the indicator explorer (Trends and Table pages): disaggregation codes, the
geographies a series covers, and a region's median band."""

from __future__ import annotations

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.schema import DIMENSIONS
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import dimension_clause, headline_dims, preferred_source_sql
from sdg16.queries.meta import region_members


def dimension_values(db: ReadOnlyDatabase, series: str | None = None) -> pd.DataFrame:
    """Each disaggregation dimension's codes: columns dimension, code, rows.

    For one series (its preferred dataset), or for every series when ``series`` is None (the
    vocabulary that URL values are checked against).
    """
    branches, params = [], []
    for dim in DIMENSIONS:  # names come from the fixed tuple, never from input
        where = f"o.{dim} IS NOT NULL"
        if series is not None:
            where += f" AND o.series_code = ? AND {preferred_source_sql()}"
            params.append(series)
        branches.append(
            f"SELECT '{dim}' AS dimension, o.{dim} AS code, count(*) AS rows"
            f" FROM observation o WHERE {where} GROUP BY 2"
        )
    sql = " UNION ALL ".join(branches) + " ORDER BY dimension, code"
    return db.query(sql, params)


def series_geographies(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> pd.DataFrame:
    """Geographies holding data for the filter's series at its disaggregation.

    Columns: geo_id, name, kind (country, aggregate, subnational), first_year, last_year, years.
    Years and geographies of the filter are ignored: this is what a picker may offer.
    """
    if not f.series:
        raise ValueError("a series is required")
    params: list = [f.series]
    dims = dimension_clause(headline_dims(catalog, f.series, f), params)
    sql = f"""
        SELECT o.geo_id, g.name, g.kind, min(o.year) AS first_year, max(o.year) AS last_year,
               count(DISTINCT o.year) AS years
        FROM observation o JOIN geo g USING (geo_id)
        WHERE o.series_code = ? AND {dims} AND {preferred_source_sql()}
        GROUP BY o.geo_id, g.name, g.kind
        ORDER BY g.kind, g.name
    """
    return db.query(sql, params)


def region_band(db: ReadOnlyDatabase, f: Filter, region: str, catalog: Catalog) -> pd.DataFrame:
    """Per year, the median and quartiles of the region's countries (never its aggregates).

    Columns: year, median, p25, p75, countries. Empty if the region is unknown or has no data.
    """
    members = region_members(db, region)
    if not f.series or not members:
        return pd.DataFrame(columns=["year", "median", "p25", "p75", "countries"])
    params: list = [f.series]
    where = ["o.series_code = ?", preferred_source_sql()]
    where.append(dimension_clause(headline_dims(catalog, f.series, f), params))
    where.append(f"o.geo_id IN ({', '.join('?' for _ in members)})")
    params += members
    for op, year in ((">=", f.year_from), ("<=", f.year_to)):
        if year is not None:
            where.append(f"o.year {op} ?")
            params.append(year)
    sql = f"""
        SELECT o.year, median(o.value) AS median,
               quantile_cont(o.value, 0.25) AS p25, quantile_cont(o.value, 0.75) AS p75,
               count(DISTINCT o.geo_id) AS countries
        FROM observation o JOIN geo g USING (geo_id)
        WHERE g.kind = 'country' AND {" AND ".join(where)}
        GROUP BY o.year ORDER BY o.year
    """
    return db.query(sql, params)


def default_countries(
    geos: pd.DataFrame, members: list[str] | None, n: int = 5, aggregates: bool = False
) -> list[str]:
    """The ``n`` countries with the most recent data (then the longest record, then by name),
    among ``members`` when a region is chosen. ``geos`` is a ``series_geographies`` frame.
    With ``aggregates``, the same ranking over the aggregates instead (for series that have
    no country data), ignoring ``members``."""
    if aggregates:
        pool = geos[geos["kind"] != "country"]
    else:
        pool = geos[geos["kind"] == "country"]
        if members is not None:
            pool = pool[pool["geo_id"].isin(members)]
    ranked = pool.sort_values(["last_year", "years", "name"], ascending=[False, False, True])
    return ranked["geo_id"].head(n).tolist()
