"""Counts the incident statistics need (``sdg16.services.analytics``): reports per H3 cell
with the cell's main area, and reports per area and calendar month. Plain totals (a report
naming two types counts once), from the loader's aggregate where it can answer."""

from __future__ import annotations

import pandas as pd

from sdg16.core.filters import Filter
from sdg16.queries import incident_cube as cube
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.incident_filter import where

CELL_RESOLUTIONS = cube.CELL_RESOLUTIONS


def cell_totals(db: ReadOnlyDatabase, f: Filter, resolution: int) -> pd.DataFrame:
    """cell (H3 id), area (the admin-1 code holding most of its reports), reports."""
    if resolution not in CELL_RESOLUTIONS:
        raise ValueError(f"resolution must be one of {CELL_RESOLUTIONS}")
    if cube.available(db):
        sql, params, fmt = cube.facts(db, f, f"h3_{resolution}")
        key = fmt.format("key")
    else:  # stores written before the aggregate: one row per report
        w, params = where(f)
        sql = f"SELECT admin1, h3_{resolution} AS key, 1 AS reports FROM incident WHERE {w}"
        key = "printf('%x', key)"
    return db.query(
        f"WITH per AS (SELECT key, admin1, sum(reports) AS n FROM ({sql})"
        f" WHERE key IS NOT NULL GROUP BY ALL)"
        f" SELECT {key} AS cell, arg_max(admin1, n) AS area, sum(n)::BIGINT AS reports"
        f" FROM per GROUP BY key ORDER BY cell",
        params,
    )


def monthly_by_area(db: ReadOnlyDatabase, f: Filter) -> pd.DataFrame:
    """area (admin-1 code, 'unknown' when not stated), month (first day), reports; months
    without reports are absent."""
    if cube.available(db):
        sql, params, _ = cube.facts(db, f, "all")
    else:
        w, params = where(f)
        sql = (
            "SELECT admin1, date_trunc('month', occurred_at)::DATE AS month, 1 AS reports"
            f" FROM incident WHERE {w}"
        )
    return db.query(
        f"SELECT coalesce(admin1, 'unknown') AS area, month, sum(reports)::BIGINT AS reports"
        f" FROM ({sql}) GROUP BY ALL ORDER BY area, month",
        params,
    )
