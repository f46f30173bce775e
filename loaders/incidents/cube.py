"""The incident aggregate: report counts per (country, admin1, month) and one view dimension.

Written by the loader in the same transaction as the reports it summarises, so readers never see
one without the other. Views that are not narrowed by type or place (the default map, timeline,
breakdowns and summary at any date range) read thousands of these rows instead of millions of
reports; ``sdg16.queries.incident_cube`` adds the part-months at the edges of a date range from
the report table itself, so the answers are exact.

Types are counted per row as ``n_<type>`` columns (a report naming two types counts in both),
from ``incident.type_mask``: one bit per type, bits assigned once in ``incident_type_bit`` so a
reordered or extended taxonomy never reinterprets stored masks.
"""

from __future__ import annotations

import duckdb

from sdg16.core.cube import DIMS, TABLE, type_column
from sdg16.core.taxonomy import get as taxonomy

MAX_TYPES = 63  # bits in a BIGINT mask


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def type_bits(con: duckdb.DuckDBPyConnection, extra: tuple[str, ...] = ()) -> dict[str, int]:
    """Every taxonomy, stored and ``extra`` type, with its bit (new ones appended)."""
    con.execute("ALTER TABLE incident ADD COLUMN IF NOT EXISTS type_mask BIGINT")
    con.execute(
        "CREATE TABLE IF NOT EXISTS incident_type_bit (type VARCHAR PRIMARY KEY, bit INTEGER)"
    )
    bits = dict(con.execute("SELECT type, bit FROM incident_type_bit").fetchall())
    stored = [
        r[0] for r in con.execute("SELECT DISTINCT unnest(incident_types) FROM incident").fetchall()
    ]
    new = [t for t in dict.fromkeys([*taxonomy().types, *sorted(stored), *extra]) if t not in bits]
    for t in new:
        bits[t] = len(bits)
        con.execute("INSERT INTO incident_type_bit VALUES (?, ?)", [t, bits[t]])
    if len(bits) > MAX_TYPES:
        raise ValueError(f"{len(bits)} incident types: the type mask holds at most {MAX_TYPES}")
    return bits


def mask_sql(bits: dict[str, int], column: str = "incident_types") -> str:
    """SQL for the BIGINT mask of a list column of type codes."""
    cases = " ".join(f"WHEN {_literal(t)} THEN {1 << b}" for t, b in bits.items())
    return (
        f"coalesce(list_sum(list_transform(list_distinct({column}),"
        f" lambda x: CASE x {cases} ELSE 0 END)), 0)::BIGINT"
    )


def count_columns(bits: dict[str, int], mask: str = "type_mask") -> str:
    """``n_<type>`` per type: how many of the rows name it."""
    return ", ".join(
        f"sum(({mask} >> {b}) & 1)::BIGINT AS {type_column(t)}" for t, b in bits.items()
    )


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Fill missing masks (stores made before masks existed), rebuild the cube; return its rows."""
    bits = type_bits(con)
    con.execute(f"UPDATE incident SET type_mask = {mask_sql(bits)} WHERE type_mask IS NULL")
    counts = count_columns(bits)
    parts = [
        f"SELECT country, admin1, date_trunc('month', occurred_at)::DATE AS month,"
        f" {_literal(dim)} AS dim, {key} AS key, count(*) AS reports,"
        f" count(*) FILTER (synthetic) AS synthetic, min(occurred_at) AS first,"
        f" max(occurred_at) AS last, {counts}"
        f" FROM incident GROUP BY ALL"
        for dim, key in DIMS.items()
    ]
    # (dim, country, admin1, month) order: each view's rows sit together, so zone maps skip
    # the rest; within an area, months are in order for date ranges.
    con.execute(
        f"CREATE OR REPLACE TABLE {TABLE} AS SELECT * FROM ({' UNION ALL '.join(parts)})"
        " ORDER BY dim, country, admin1, month"
    )
    return int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])
