"""Data coverage: which series have country values for which countries and years."""

from __future__ import annotations

import pandas as pd

from sdg16.catalog import Catalog
from sdg16.db import ReadOnlyDatabase
from sdg16.queries.indicators import preferred_source_sql
from sdg16.queries.profiles import _headline

COUNTRY_COLUMNS = ["indicator", "series", "iso3", "geo_name", "years", "first_year", "last_year"]
YEAR_COLUMNS = ["indicator", "series", "year", "countries"]


def cells(
    db: ReadOnlyDatabase,
    catalog: Catalog,
    members: list[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """Distinct (series, country, year) with a headline value; countries only, never regions.

    Columns: series, iso3, geo_name, year. ``members`` limits the countries (None: all).
    """
    params: list = []
    where = [f"({_headline(catalog, params)})", preferred_source_sql(), "g.kind = 'country'"]
    if members is not None:
        if not members:
            return pd.DataFrame(columns=["series", "iso3", "geo_name", "year"])
        where.append(f"o.geo_id IN ({', '.join('?' for _ in members)})")
        params += list(members)
    if year_from is not None:
        where.append("o.year >= ?")
        params.append(year_from)
    if year_to is not None:
        where.append("o.year <= ?")
        params.append(year_to)
    return db.query(
        f"""
        SELECT DISTINCT o.series_code AS series, o.geo_id AS iso3, g.name AS geo_name, o.year
        FROM observation o JOIN geo g USING (geo_id)
        WHERE {" AND ".join(where)}
        ORDER BY 1, 2, 4
        """,
        params,
    )


def _catalog_order(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    order = {s.code: i for i, s in enumerate(catalog.all_series())}
    indicator = {s.code: i.code for i in catalog.indicators for s in i.series}
    frame = frame.assign(indicator=frame["series"].map(indicator))
    return frame.sort_values(
        ["series", "iso3" if "iso3" in frame else "year"],
        key=lambda col: col.map(order) if col.name == "series" else col,
    ).reset_index(drop=True)


def by_country(found: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Per series and country: number of years with data, first and last year."""
    grouped = (
        found.groupby(["series", "iso3", "geo_name"])["year"]
        .agg(years="nunique", first_year="min", last_year="max")
        .reset_index()
    )
    return _catalog_order(grouped, catalog)[COUNTRY_COLUMNS]


def by_year(found: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Per series and year: number of countries with data."""
    grouped = found.groupby(["series", "year"])["iso3"].nunique().reset_index(name="countries")
    return _catalog_order(grouped, catalog)[YEAR_COLUMNS]
