"""Indicator observations: headline values, trends, latest-value cards."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.schema import DIMENSIONS
from sdg16.queries.db import ReadOnlyDatabase

EXPORT_COLUMNS = ["series", "iso3", "geo_name", "year", "value", "unit", "nature", "source"]


def preferred_source_sql() -> str:
    # Two datasets of one series are never merged: a view shows the preferred one, and says so.
    return (
        "o.source = (SELECT s.source FROM series s WHERE s.series_code = o.series_code"
        " ORDER BY s.preference, s.load_id DESC LIMIT 1)"
    )


def dimension_clause(dims: Mapping[str, str], params: list) -> str:
    parts = []
    for dim, code in sorted(dims.items()):
        if dim not in DIMENSIONS:
            raise ValueError(f"unknown dimension {dim!r}")
        parts.append(f"o.{dim} = ?")
        params.append(code)
    return " AND ".join(parts) or "TRUE"


def headline_dims(catalog: Catalog, series_code: str, f: Filter | None = None) -> dict[str, str]:
    """The catalog's default disaggregation for a series, overridden by the filter's choices."""
    dims = dict(catalog.series(series_code).default) if catalog.has_series(series_code) else {}
    if f is not None:
        dims.update(dict(f.dims))
    return dims


def observations(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> pd.DataFrame:
    """One series for the filter's geographies and years, at the chosen disaggregation.

    Columns: series, iso3 (the geo id), geo_name, geo_kind, year, value (number), value_text
    (exactly as the source wrote it), unit, nature, source.
    """
    if not f.series:
        raise ValueError("a series is required")
    params: list = [f.series]
    where = ["o.series_code = ?", preferred_source_sql()]
    where.append(dimension_clause(headline_dims(catalog, f.series, f), params))
    if f.geo:
        where.append(f"o.geo_id IN ({', '.join('?' for _ in f.geo)})")
        params += list(f.geo)
    if f.year_from is not None:
        where.append("o.year >= ?")
        params.append(f.year_from)
    if f.year_to is not None:
        where.append("o.year <= ?")
        params.append(f.year_to)
    if f.year is not None:
        where.append("o.year = ?")
        params.append(f.year)
    sql = f"""
        SELECT o.series_code AS series, o.geo_id AS iso3, g.name AS geo_name, g.kind AS geo_kind,
               o.year, o.value, o.value_text, o.unit, o.nature, o.source
        FROM observation o JOIN geo g USING (geo_id)
        WHERE {" AND ".join(where)}
        ORDER BY g.kind, o.geo_id, o.year
    """
    return db.query(sql, params)


def latest_values(
    db: ReadOnlyDatabase, geo_id: str, series_codes: Iterable[str], catalog: Catalog
) -> pd.DataFrame:
    """For one geography: each series' latest value and the value before it.

    Columns: series, year, value, value_text, unit, nature, source, prev_year, prev_value.
    A series with no data for the geography has no row.
    """
    codes = list(series_codes)
    if not codes:
        return pd.DataFrame()
    params: list = [geo_id]
    branches = []
    for code in codes:
        params.append(code)
        dims = dimension_clause(headline_dims(catalog, code), params)
        branches.append(f"(o.series_code = ? AND {dims})")
    sql = f"""
        WITH picked AS (
            SELECT o.series_code AS series, o.year, o.value, o.value_text, o.unit, o.nature,
                   o.source,
                   row_number() OVER (PARTITION BY o.series_code ORDER BY o.year DESC) AS recency
            FROM observation o
            WHERE o.geo_id = ? AND ({" OR ".join(branches)}) AND {preferred_source_sql()}
        )
        SELECT cur.series, cur.year, cur.value, cur.value_text, cur.unit, cur.nature, cur.source,
               prev.year AS prev_year, prev.value AS prev_value
        FROM picked cur LEFT JOIN picked prev ON prev.series = cur.series AND prev.recency = 2
        WHERE cur.recency = 1
    """
    return db.query(sql, params)
