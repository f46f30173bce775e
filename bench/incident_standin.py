"""STAND-IN incident interactions over ``bench.synthetic`` reports, as raw SQL vs pandas.

The harness's own placeholder until the incidents branch merges: the "query layer" here is the
app's ``ReadOnlyDatabase`` running this module's SQL. Replace ``SQL`` with calls to the real
``sdg16.queries`` incident functions after the merge; the pandas side stays as the comparison.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from bench.scenarios import RecordingDatabase, Scenario

COUNTRY = "MEX"
TYPES = ("touching", "stalking")
START, END = datetime(2022, 1, 1), datetime(2023, 1, 1)
PAGE_SIZE = 50
TABLE_COLUMNS = "id, country, admin1, occurred_at, incident_type, place_type"

# name -> (SQL, parameters). Plain SQL (no DuckDB-only functions except date_trunc) stays portable.
SQL: dict[str, tuple[str, tuple]] = {
    "change country": (
        "SELECT incident_type, count(*) AS n FROM report WHERE country = ? GROUP BY 1 ORDER BY 1",
        (COUNTRY,),
    ),
    "change type": (
        "SELECT country, count(*) AS n FROM report WHERE incident_type IN (?, ?)"
        " GROUP BY 1 ORDER BY 1",
        TYPES,
    ),
    "change date range": (
        "SELECT place_type, count(*) AS n FROM report WHERE occurred_at >= ? AND occurred_at < ?"
        " GROUP BY 1 ORDER BY 1",
        (START, END),
    ),
    # Cell size follows the zoom: r3 for the world, r4 for one country (r5 only within admin1).
    "map: h3 r4 cells, one country": (
        "SELECT h3_r4 AS cell, count(*) AS n FROM report WHERE country = ? GROUP BY 1",
        (COUNTRY,),
    ),
    "map: h3 r3 cells, all countries": (
        "SELECT h3_r3 AS cell, count(*) AS n FROM report GROUP BY 1",
        (),
    ),
    "admin-area aggregation": (
        "SELECT admin1, count(*) AS n FROM report WHERE incident_type IN (?, ?)"
        " GROUP BY 1 ORDER BY 1",
        TYPES,
    ),
    "weekly timeline": (
        "SELECT date_trunc('week', occurred_at) AS week, count(*) AS n FROM report"
        " WHERE country = ? GROUP BY 1 ORDER BY 1",
        (COUNTRY,),
    ),
    "table page (page 3 of 50)": (
        f"SELECT {TABLE_COLUMNS} FROM report WHERE country = ?"
        f" ORDER BY occurred_at DESC, id DESC LIMIT {PAGE_SIZE} OFFSET {2 * PAGE_SIZE}",
        (COUNTRY,),
    ),
    "export: one country, one year": (
        f"SELECT {TABLE_COLUMNS} FROM report WHERE country = ? AND occurred_at >= ?"
        " AND occurred_at < ? ORDER BY occurred_at, id",
        (COUNTRY, START, END),
    ),
}


def _count(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    return frame.groupby(by, observed=True).size().rename("n").reset_index()


def pandas_versions(df: pd.DataFrame) -> dict[str, object]:
    """The same interactions on a frame already in memory (read once from Parquet)."""
    table_cols = [c.strip() for c in TABLE_COLUMNS.split(",")]
    in_year = (df["occurred_at"] >= START) & (df["occurred_at"] < END)
    return {
        "change country": lambda: _count(df[df["country"] == COUNTRY], "incident_type"),
        "change type": lambda: _count(df[df["incident_type"].isin(TYPES)], "country"),
        "change date range": lambda: _count(
            df[(df["occurred_at"] >= START) & (df["occurred_at"] < END)], "place_type"
        ),
        "map: h3 r4 cells, one country": lambda: _count(df[df["country"] == COUNTRY], "h3_r4"),
        "map: h3 r3 cells, all countries": lambda: _count(df, "h3_r3"),
        "admin-area aggregation": lambda: _count(df[df["incident_type"].isin(TYPES)], "admin1"),
        "weekly timeline": lambda: _count(
            df[df["country"] == COUNTRY].assign(
                week=lambda d: d["occurred_at"].dt.to_period("W-SUN").dt.start_time
            ),
            "week",
        ),
        "table page (page 3 of 50)": lambda: (
            df[df["country"] == COUNTRY]
            .sort_values(["occurred_at", "id"], ascending=False)
            .iloc[2 * PAGE_SIZE : 3 * PAGE_SIZE][table_cols]
        ),
        "export: one country, one year": lambda: df[
            (df["country"] == COUNTRY) & in_year
        ].sort_values(["occurred_at", "id"])[table_cols],
    }


def scenarios(db: RecordingDatabase, frame: pd.DataFrame) -> list[Scenario]:
    by_pandas = pandas_versions(frame)
    out = []
    for name, (sql, params) in SQL.items():
        out.append(
            Scenario(
                name=name,
                query_layer=lambda sql=sql, params=params: db.query(sql, list(params)),
                pandas=by_pandas[name],
                sql=sql,
                params=params,
            )
        )
    return out
