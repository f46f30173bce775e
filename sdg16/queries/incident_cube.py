"""Incident counts from "facts": rows of (admin1, month, key, reports, synthetic, first, last,
one count per type), summed by every view the same way.

Facts come from the aggregate the loader writes (``loaders/incidents/cube.py``) when the filter
is country, area and dates only (it has no type or place columns); the part-months at either end
of a date range, and every filter the aggregate cannot answer, come from the report table, one
fact per report with its types read from ``type_mask``. Either way the counts are exactly the
report table's (``tests/test_incident_cube.py`` compares them with plain queries over the list
column, which is what stores written before the aggregate existed still get).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from sdg16.core.cube import DIMS, TABLE, type_column
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.incident_filter import where


@dataclass(frozen=True)
class Layout:
    """What the store offers: the aggregate (and type masks) or, for older stores, neither."""

    cube: bool
    bits: dict[str, int]


_layouts: dict[tuple[str, str], Layout] = {}
_lock = threading.Lock()


def layout(db: ReadOnlyDatabase) -> Layout:
    """Read once per store file (a load swaps in a new file, hence a new key)."""
    key = (str(db.path), db.version())
    with _lock:
        found = _layouts.get(key)
    if found:
        return found
    cube = db.has_table(TABLE)
    bits = {}
    if cube:
        rows = db.query("SELECT type, bit FROM incident_type_bit ORDER BY bit")
        bits = dict(zip(rows["type"], rows["bit"].astype(int), strict=True))
    found = Layout(cube, bits)
    with _lock:
        if len(_layouts) > 16:
            _layouts.clear()
        _layouts[key] = found
    return found


def _month_bounds(f: Filter) -> tuple[date | None, date | None]:
    """[first whole month, month after the last whole month) of the filter's date range."""
    lo = f.start
    if lo is not None and lo.day != 1:
        lo = (lo.replace(day=1) + timedelta(days=32)).replace(day=1)
    hi = f.end + timedelta(days=1) if f.end else None
    return lo, (hi.replace(day=1) if hi else None)


def available(db: ReadOnlyDatabase) -> bool:
    """The store has the aggregate and type masks (every store an import has touched since)."""
    return layout(db).cube


def serves(db: ReadOnlyDatabase, f: Filter) -> bool:
    """The aggregate can answer ``f`` (whole months of it, at least)."""
    if f.incident_types or f.place_types or f.admin2 or not layout(db).cube:
        return False
    lo, hi = _month_bounds(f)
    return lo is None or hi is None or lo < hi  # at least one whole month in the range


# H3 keys are grouped as integers and formatted once per cell: formatting every report's cell
# as hex text cost 0.5 s at 10M reports with a type filter (bench/).
RAW_KEYS = {"h3_5": "h3_5", "h3_7": "h3_7"}
HEX = "printf('%x', {})"


def _rows(bits: dict[str, int], dim: str, condition: str, raw_key: bool = False) -> str:
    """One fact per report matching ``condition``."""
    key = RAW_KEYS[dim] if raw_key else DIMS[dim]
    per_type = ", ".join(f"(type_mask >> {b}) & 1 AS {type_column(t)}" for t, b in bits.items())
    return (
        f"SELECT admin1, date_trunc('month', occurred_at)::DATE AS month, {key} AS key,"
        f" 1 AS reports, synthetic::BIGINT AS synthetic, occurred_at AS first,"
        f" occurred_at AS last, {per_type} FROM incident WHERE {condition}"
    )


def _facts(db: ReadOnlyDatabase, f: Filter, dim: str) -> tuple[str, list, str]:
    """SQL and parameters for the facts of ``dim`` under ``f``, and the format that turns a
    grouped fact key into the view's key (``{}`` is the key)."""
    bits = layout(db).bits
    if not serves(db, f):
        condition, params = where(f, bits)
        raw = dim in RAW_KEYS
        return _rows(bits, dim, condition, raw), params, HEX if raw else "{}"
    place, place_params = where(Filter(geo=f.geo[:1], admin1=f.admin1))
    lo, hi = _month_bounds(f)
    cube_where, params = [place, "dim = ?"], [*place_params, dim]
    if lo:
        cube_where.append("month >= ?")
        params.append(lo)
    if hi:
        cube_where.append("month < ?")
        params.append(hi)
    names = ", ".join(type_column(t) for t in bits)
    sql = (
        f"SELECT admin1, month, key, reports, synthetic, first, last, {names}"
        f" FROM {TABLE} WHERE {' AND '.join(cube_where)}"
    )
    edges, edge_params = [], []
    if f.start and f.start != lo:
        edges.append("(occurred_at >= ? AND occurred_at < ?)")
        edge_params += [f.start, lo]
    if f.end and hi != f.end + timedelta(days=1):
        edges.append("(occurred_at >= ? AND occurred_at < ?)")
        edge_params += [hi, f.end + timedelta(days=1)]
    if edges:
        sql += " UNION ALL " + _rows(bits, dim, f"{place} AND ({' OR '.join(edges)})")
        params += place_params + edge_params
    return sql, params, "{}"


def summary(db: ReadOnlyDatabase, f: Filter) -> dict:
    sql, p, _ = _facts(db, f, "source")
    row = db.query(
        f"SELECT coalesce(sum(reports), 0)::BIGINT AS reports,"
        f" coalesce(sum(synthetic), 0)::BIGINT AS synthetic, min(first) AS first,"
        f" max(last) AS last, string_agg(DISTINCT key, ', ' ORDER BY key) AS sources"
        f" FROM ({sql})",
        p,
    ).iloc[0]
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


def _counts_with_types(db: ReadOnlyDatabase, f: Filter, dim: str, key: str) -> pd.DataFrame:
    """key, reports, types ([{type, n}] largest first, as the plain report-table query)."""
    sql, p, fmt = _facts(db, f, dim)
    sums = ", ".join(f'sum({type_column(t)})::BIGINT AS "{t}"' for t in layout(db).bits)
    return db.query(
        f"WITH sums AS (SELECT {key} AS key, sum(reports)::BIGINT AS reports, {sums}"
        f" FROM ({sql}) WHERE {key} IS NOT NULL GROUP BY 1),"
        f" typed AS (SELECT * FROM (UNPIVOT (SELECT * EXCLUDE (reports) FROM sums)"
        f" ON COLUMNS(* EXCLUDE (key)) INTO NAME type VALUE n) WHERE n > 0)"
        f" SELECT {fmt.format('s.key')} AS key, s.reports,"
        f" list(struct_pack(type := t.type, n := t.n) ORDER BY t.n DESC, t.type) AS types"
        f" FROM sums s JOIN typed t USING (key) GROUP BY s.key, s.reports",
        p,
    )


CELL_RESOLUTIONS = (5, 7)


def cell_counts(db: ReadOnlyDatabase, f: Filter, resolution: int) -> pd.DataFrame:
    """H3 cells at one of CELL_RESOLUTIONS: hex, reports, types."""
    frame = _counts_with_types(db, f, f"h3_{resolution}", "key")
    return frame.rename(columns={"key": "hex"})


def area_counts(db: ReadOnlyDatabase, f: Filter) -> pd.DataFrame:
    return _counts_with_types(db, f, "all", "admin1").rename(columns={"key": "admin1"})


def _per_type(db: ReadOnlyDatabase, sql: str, group: str) -> str:
    """Sum each type's column per ``group`` and turn the columns into (type, reports) rows."""
    sums = ", ".join(f'sum({type_column(t)})::BIGINT AS "{t}"' for t in layout(db).bits)
    return (
        f"SELECT * FROM (UNPIVOT (SELECT {group} AS g, {sums} FROM ({sql}) GROUP BY 1)"
        f" ON COLUMNS(* EXCLUDE (g)) INTO NAME type VALUE reports) WHERE reports > 0"
    )


def timeline(db: ReadOnlyDatabase, f: Filter, period: str) -> pd.DataFrame:
    sql, p, _ = _facts(db, f, "week" if period == "week" else "all")
    group = "CAST(key AS DATE)" if period == "week" else f"date_trunc('{period}', month)::DATE"
    return db.query(
        f"SELECT g AS period, type, reports FROM ({_per_type(db, sql, group)})"
        f" ORDER BY period, type",
        p,
    )


# breakdown -> (cube dimension, key expression over the facts)
BREAKDOWN_KEYS = {
    "admin1": ("all", "coalesce(admin1, 'unknown')"),
    "year": ("all", "year(month)"),
    "hour": ("hour", "CAST(key AS BIGINT)"),
    **{
        by: (by, "key")
        for by in ("place_type", "reporter_role", "weekday", "source", "institution")
    },
}


def breakdown(db: ReadOnlyDatabase, f: Filter, by: str, order: str) -> pd.DataFrame:
    """key, reports for ``by`` (a key of ``BREAKDOWN_KEYS`` or "type"), in ``order``."""
    if by == "type":
        sql, p, _ = _facts(db, f, "all")
        per_type = _per_type(db, sql, "''")
        inner = f"SELECT type AS key, reports FROM ({per_type})"
    else:
        dim, key = BREAKDOWN_KEYS[by]
        sql, p, _ = _facts(db, f, dim)
        inner = f"SELECT {key} AS key, sum(reports)::BIGINT AS reports FROM ({sql}) GROUP BY 1"
    return db.query(f"SELECT key, reports FROM ({inner}) ORDER BY {order}", p)


def facts(db: ReadOnlyDatabase, f: Filter, dim: str) -> tuple[str, list, str]:
    """The facts of ``dim`` under ``f`` for queries elsewhere (``incident_stats``): SQL,
    parameters, and the format that turns a grouped key into the view's key."""
    return _facts(db, f, dim)
