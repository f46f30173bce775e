"""One series for one year across countries: what the choropleth shows and what it exports."""

from __future__ import annotations

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import (
    dimension_clause,
    headline_dims,
    observations,
    preferred_source_sql,
)


def year_counts(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> pd.DataFrame:
    """Years in which the series has country values at the filter's disaggregation.

    Columns: year, countries. Regional aggregates are not counted.
    """
    if not f.series:
        raise ValueError("a series is required")
    params: list = [f.series]
    dims = dimension_clause(headline_dims(catalog, f.series, f), params)
    return db.query(
        f"""
        SELECT o.year, count(DISTINCT o.geo_id) AS countries
        FROM observation o JOIN geo g USING (geo_id)
        WHERE o.series_code = ? AND {dims} AND {preferred_source_sql()}
          AND g.kind = 'country'
        GROUP BY o.year ORDER BY o.year
        """,
        params,
    )


def country_values(
    db: ReadOnlyDatabase, f: Filter, catalog: Catalog, members: list[str] | None = None
) -> pd.DataFrame:
    """Country values of ``f.series`` in ``f.year``; regional aggregates are left out.

    ``members`` limits the countries (a region's); None means every country. Columns as
    ``indicators.observations``: series, iso3, geo_name, geo_kind, year, value, value_text, ...
    """
    if f.year is None:
        raise ValueError("a year is required")
    scoped = f.update(geo=tuple(members or ()), year_from=None, year_to=None)
    if members is not None and not members:
        scoped = scoped.update(geo=("",))  # an empty region matches nothing
    found = observations(db, scoped, catalog)
    return found[found["geo_kind"] == "country"].reset_index(drop=True)


def latest_values(
    db: ReadOnlyDatabase, f: Filter, catalog: Catalog, members: list[str] | None = None
) -> pd.DataFrame:
    """Each country's latest value of ``f.series`` up to ``f.year`` (Our World in Data's
    "latest available"): the ``year`` column says which year each value is from. Columns as
    ``country_values``."""
    if f.year is None:
        raise ValueError("a year is required")
    scoped = f.update(geo=tuple(members or ()), year=None, year_from=None, year_to=f.year)
    if members is not None and not members:
        scoped = scoped.update(geo=("",))
    found = observations(db, scoped, catalog)
    found = found[found["geo_kind"] == "country"].sort_values(["iso3", "year"])
    return found.groupby("iso3", sort=False).tail(1).reset_index(drop=True)
