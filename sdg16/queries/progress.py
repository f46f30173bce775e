"""Headline values of many series in many places: the input of the progress assessment."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import dimension_clause, headline_dims, preferred_source_sql


def headline_series(
    db: ReadOnlyDatabase, catalog: Catalog, series: Sequence[str], geos: Sequence[str]
) -> pd.DataFrame:
    """Every year's headline value (catalog default disaggregation, preferred dataset).

    Columns: series, geo, geo_name, year, value, unit, source; ordered by series, geo, year.
    """
    if not series or not geos:
        return pd.DataFrame(
            columns=["series", "geo", "geo_name", "year", "value", "unit", "source"]
        )
    params: list = list(geos)
    branches = []
    for code in series:
        params.append(code)
        dims = dimension_clause(headline_dims(catalog, code), params)
        branches.append(f"(o.series_code = ? AND {dims})")
    return db.query(
        f"""
        SELECT o.series_code AS series, o.geo_id AS geo, g.name AS geo_name, o.year, o.value,
               o.unit, o.source
        FROM observation o JOIN geo g USING (geo_id)
        WHERE o.geo_id IN ({", ".join("?" for _ in geos)})
          AND ({" OR ".join(branches)}) AND {preferred_source_sql()} AND o.value IS NOT NULL
        ORDER BY o.series_code, o.geo_id, o.year
        """,
        params,
    )
