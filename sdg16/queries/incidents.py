"""Incident reports: counts by cell, area, period and category. Aggregates only, except
``points``, which the privacy layer allows to analysts alone (sdg16/services/privacy.py).

Stores that carry the loader's aggregate and type masks (every store imported into since they
exist) are answered by ``incident_cube``; the queries over the list column here serve older
stores and H3 resolution 9, and are what the tests hold the fast path to.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from sdg16.core.filters import Filter
from sdg16.queries import incident_cube as cube
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.incident_filter import where

RESOLUTIONS = (5, 7, 9)
BREAKDOWNS = {
    "type": "unnest(incident_types)",
    "place_type": "place_type",
    "reporter_role": "coalesce(reporter_role, 'not stated')",
    "weekday": "strftime(occurred_at, '%w-%a')",
    "hour": "hour(occurred_at)",
    "admin1": "coalesce(admin1, 'unknown')",
    "source": "source",
    "institution": "coalesce(institution, 'not stated')",
    "year": "year(occurred_at)",
}


def _where(db: ReadOnlyDatabase, f: Filter) -> tuple[str, list]:
    return where(f, cube.layout(db).bits)


def has_incidents(db: ReadOnlyDatabase) -> bool:
    return db.has_table("incident")


def store_counts(db: ReadOnlyDatabase) -> dict[str, int]:
    """Rows stored: ``incidents`` and ``quarantined`` (for ``status --json``)."""
    if not has_incidents(db):
        return {"incidents": 0, "quarantined": 0}
    row = db.query(
        "SELECT (SELECT count(*) FROM incident) AS incidents,"
        " (SELECT count(*) FROM incident_quarantine) AS quarantined"
    ).iloc[0]
    return {"incidents": int(row["incidents"]), "quarantined": int(row["quarantined"])}


def countries(db: ReadOnlyDatabase) -> pd.DataFrame:
    """Countries with reports: country, reports, synthetic (reports generated, not real)."""
    return db.query(
        "SELECT country, count(*) AS reports, count(*) FILTER (synthetic) AS synthetic"
        " FROM incident GROUP BY country ORDER BY reports DESC"
    )


def summary(db: ReadOnlyDatabase, f: Filter) -> dict:
    """Total, synthetic share, sources and date span of the selection."""
    if cube.available(db):
        return cube.summary(db, f)
    w, p = _where(db, f)
    row = db.query(
        f"SELECT count(*) AS reports, count(*) FILTER (synthetic) AS synthetic,"
        f" min(occurred_at) AS first, max(occurred_at) AS last,"
        f" string_agg(DISTINCT source, ', ' ORDER BY source) AS sources"
        f" FROM incident WHERE {w}",
        p,
    ).iloc[0]
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


def date_span(db: ReadOnlyDatabase, country: str, share: float = 0.01) -> tuple | None:
    """(lo, hi, before, after): the months holding the bulk of a country's reports.

    ``lo`` is the first day of the month of the ``share`` quantile, ``hi`` the last report's
    day; ``before`` counts the (often mis-dated) reports earlier than ``lo``, so a slider can
    span the data people have and say what it leaves out. Month starts, never a report's date.
    """
    found = db.query(
        "WITH b AS (SELECT date_trunc('month', quantile_disc(occurred_at, ?))::DATE AS lo,"
        " max(occurred_at)::DATE AS hi FROM incident WHERE country = ?)"
        " SELECT b.lo, b.hi, (SELECT count(*) FROM incident WHERE country = ?"
        " AND occurred_at < b.lo) AS before FROM b",
        [share, country, country],
    )
    if found.empty or pd.isna(found["lo"].iloc[0]):
        return None
    lo, hi = pd.Timestamp(found["lo"].iloc[0]).date(), pd.Timestamp(found["hi"].iloc[0]).date()
    return lo, hi, int(found["before"].iloc[0]), 0


def date_edges(db: ReadOnlyDatabase, country: str, nth: int) -> tuple | None:
    """The dates of the ``nth`` earliest and ``nth`` latest report (None if fewer than nth)."""
    found = db.query(
        "SELECT (SELECT occurred_at::DATE FROM incident WHERE country = ?"
        "  ORDER BY occurred_at LIMIT 1 OFFSET ?) AS lo,"
        " (SELECT occurred_at::DATE FROM incident WHERE country = ?"
        "  ORDER BY occurred_at DESC LIMIT 1 OFFSET ?) AS hi",
        [country, nth - 1, country, nth - 1],
    )
    if found.empty or pd.isna(found["lo"].iloc[0]) or pd.isna(found["hi"].iloc[0]):
        return None
    return pd.Timestamp(found["lo"].iloc[0]).date(), pd.Timestamp(found["hi"].iloc[0]).date()


def count_before(db: ReadOnlyDatabase, country: str, day: date) -> int:
    """Reports of a country dated before ``day``."""
    found = db.query(
        "SELECT count(*) AS n FROM incident WHERE country = ? AND occurred_at < ?", [country, day]
    )
    return int(found["n"].iloc[0])


def _top_types(group: str, w: str) -> str:
    """Per group: count, and each type's count (for the tooltip's top types)."""
    return f"""
        WITH sel AS (SELECT {group} AS key, incident_types FROM incident WHERE {w}),
        totals AS (SELECT key, count(*) AS reports FROM sel GROUP BY key),
        typed AS (SELECT key, unnest(incident_types) AS type FROM sel),
        per_type AS (SELECT key, type, count(*) AS n FROM typed GROUP BY key, type)
        SELECT t.key, t.reports, list(struct_pack(type := p.type, n := p.n)
               ORDER BY p.n DESC, p.type) AS types
        FROM totals t JOIN per_type p USING (key)
        GROUP BY t.key, t.reports
    """


def cell_counts(db: ReadOnlyDatabase, f: Filter, resolution: int) -> pd.DataFrame:
    """Reports per H3 cell: hex (cell id), reports, types (list of {type, n}, largest first)."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"resolution must be one of {RESOLUTIONS}")
    if resolution in cube.CELL_RESOLUTIONS and cube.available(db):
        frame = cube.cell_counts(db, f, resolution)
        return frame.sort_values("reports", ascending=False, ignore_index=True)
    w, p = _where(db, f)
    sql = _top_types(f"h3_{resolution}", f"{w} AND h3_{resolution} IS NOT NULL")
    frame = db.query(f"SELECT printf('%x', key) AS hex, reports, types FROM ({sql})", p)
    return frame.sort_values("reports", ascending=False, ignore_index=True)


def area_counts(db: ReadOnlyDatabase, f: Filter) -> pd.DataFrame:
    """Reports per admin-1 area: admin1, reports, types."""
    if cube.available(db):
        frame = cube.area_counts(db, f)
    else:
        w, p = _where(db, f)
        frame = db.query(_top_types("admin1", f"{w} AND admin1 IS NOT NULL"), p)
        frame = frame.rename(columns={"key": "admin1"})
    return frame.sort_values("reports", ascending=False)


def timeline(db: ReadOnlyDatabase, f: Filter, period: str = "month") -> pd.DataFrame:
    """Reports per period and type: period (start date), type, reports."""
    if period not in ("week", "month", "year"):
        raise ValueError("period must be week, month or year")
    if cube.available(db):
        return cube.timeline(db, f, period)
    w, p = _where(db, f)
    return db.query(
        f"SELECT period, type, count(*) AS reports FROM ("
        f" SELECT date_trunc('{period}', occurred_at)::DATE AS period,"
        f" unnest(incident_types) AS type FROM incident WHERE {w})"
        f" GROUP BY ALL ORDER BY period, type",
        p,
    )


def breakdown(db: ReadOnlyDatabase, f: Filter, by: str) -> pd.DataFrame:
    """Reports by one of BREAKDOWNS: key, reports (largest first; weekdays and hours in order)."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    order = "key" if by in ("weekday", "hour", "year") else "reports DESC, key"
    if cube.available(db):
        return cube.breakdown(db, f, by, order)
    w, p = _where(db, f)
    return db.query(
        f"SELECT key, count(*) AS reports FROM"
        f" (SELECT {BREAKDOWNS[by]} AS key FROM incident WHERE {w})"
        f" GROUP BY ALL ORDER BY {order}",
        p,
    )


def points(db: ReadOnlyDatabase, f: Filter, limit: int) -> pd.DataFrame:
    """Individual reports with coordinates and text. Callers must pass privacy.require_points."""
    w, p = _where(db, f)
    return db.query(
        f"SELECT source, source_id, occurred_at, admin1, place_name, lat, lon,"
        f" array_to_string(incident_types, ', ') AS types, place_type, reporter_role,"
        f" description, synthetic FROM incident WHERE {w} AND lat IS NOT NULL"
        f" ORDER BY occurred_at DESC LIMIT ?",
        [*p, limit],
    )
