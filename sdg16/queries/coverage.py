"""Data coverage: which series have country values for which countries and years."""

from __future__ import annotations

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import preferred_source_sql
from sdg16.queries.profiles import _headline


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
