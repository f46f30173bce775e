"""Incident views answered from the aggregate the loader writes (``loaders/incidents/cube.py``).

A view qualifies when its filter is country, area and dates only: the aggregate has no type or
place columns to filter on. Whole months come from the aggregate; the part-months at either end
of a date range come from the report table (zone maps keep that to a few row groups), so every
count is exactly what the report table gives. Tests compare the two paths.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from loaders.incidents.cube import DIMS, TABLE, type_column
from sdg16.db import ReadOnlyDatabase
from sdg16.filters import Filter


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


def serves(db: ReadOnlyDatabase, f: Filter) -> bool:
    if f.incident_types or f.place_types or f.admin2 or not layout(db).cube:
        return False
    lo, hi = _month_bounds(f)
    return lo is None or hi is None or lo < hi  # at least one whole month in the range


def _facts(db: ReadOnlyDatabase, f: Filter, dim: str) -> tuple[str, list]:
    """Rows (admin1, month, key, reports, synthetic, first, last, n_<type>...) for ``dim``."""
    bits = layout(db).bits
    names = ", ".join(type_column(t) for t in bits)
    place, place_params = [], []
    if f.geo:
        place.append("country = ?")
        place_params.append(f.geo[0])
    if f.admin1:
        place.append("admin1 = ?")
        place_params.append(f.admin1)
    lo, hi = _month_bounds(f)
    cube_where, params = ["dim = ?", *place], [dim, *place_params]
    if lo:
        cube_where.append("month >= ?")
        params.append(lo)
    if hi:
        cube_where.append("month < ?")
        params.append(hi)
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
        edge_where = " AND ".join([*place, "(" + " OR ".join(edges) + ")"])
        per_type = ", ".join(f"(type_mask >> {b}) & 1 AS {type_column(t)}" for t, b in bits.items())
        sql += (
            f" UNION ALL SELECT admin1, date_trunc('month', occurred_at)::DATE, {DIMS[dim]},"
            f" 1, synthetic::BIGINT, occurred_at, occurred_at, {per_type} FROM incident"
            f" WHERE {edge_where}"
        )
        params += place_params + edge_params
    return sql, params


def _type_sums(db: ReadOnlyDatabase) -> str:
    return ", ".join(f"sum({type_column(t)})::BIGINT AS {type_column(t)}" for t in layout(db).bits)


def _types_list(frame: pd.DataFrame, bits: dict[str, int]) -> list[list[dict]]:
    """Per row, [{type, n}] for the types it names, largest first (as the report-table path)."""
    cols = [type_column(t).strip('"') for t in bits]
    out = []
    for values in frame[cols].itertuples(index=False):
        found = [(t, int(n)) for t, n in zip(bits, values, strict=True) if n > 0]
        out.append([{"type": t, "n": n} for t, n in sorted(found, key=lambda x: (-x[1], x[0]))])
    return out


def summary(db: ReadOnlyDatabase, f: Filter) -> dict:
    sql, p = _facts(db, f, "source")
    row = db.query(
        f"SELECT coalesce(sum(reports), 0)::BIGINT AS reports,"
        f" coalesce(sum(synthetic), 0)::BIGINT AS synthetic, min(first) AS first,"
        f" max(last) AS last, string_agg(DISTINCT key, ', ' ORDER BY key) AS sources"
        f" FROM ({sql})",
        p,
    ).iloc[0]
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


def _counts_with_types(db: ReadOnlyDatabase, f: Filter, dim: str, key: str) -> pd.DataFrame:
    sql, p = _facts(db, f, dim)
    frame = db.query(
        f"SELECT {key} AS key, sum(reports)::BIGINT AS reports, {_type_sums(db)}"
        f" FROM ({sql}) WHERE {key} IS NOT NULL GROUP BY 1",
        p,
    )
    types = _types_list(frame, layout(db).bits)
    return pd.DataFrame({"key": frame["key"], "reports": frame["reports"], "types": types})


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
    sql, p = _facts(db, f, "week" if period == "week" else "all")
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
        sql, p = _facts(db, f, "all")
        per_type = _per_type(db, sql, "''")
        inner = f"SELECT type AS key, reports FROM ({per_type})"
    else:
        dim, key = BREAKDOWN_KEYS[by]
        sql, p = _facts(db, f, dim)
        inner = f"SELECT {key} AS key, sum(reports)::BIGINT AS reports FROM ({sql}) GROUP BY 1"
    return db.query(f"SELECT key, reports FROM ({inner}) ORDER BY {order}", p)
