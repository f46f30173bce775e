"""Incident data management for the admin page: imports, quarantined rows, duplicates."""

from __future__ import annotations

import pandas as pd

from sdg16.queries.db import ReadOnlyDatabase

# An import is a load whose id appears among the stored reports or quarantined rows.
_IMPORT_IDS = "SELECT load_id FROM incident UNION SELECT load_id FROM incident_quarantine"


def stored_ids(db: ReadOnlyDatabase, source: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` (source_id) the store already holds for ``source``: duplicates."""
    if not ids or not db.has_table("incident"):
        return set()
    found = db.query(
        "SELECT source_id FROM incident WHERE source = ? AND source_id IN"
        " (SELECT unnest(?::VARCHAR[]))",
        [source, ids],
    )
    return set(found["source_id"])


def imports(db: ReadOnlyDatabase) -> pd.DataFrame:
    """Incident imports, newest first: load_id, source, location, finished_at, rows_loaded,
    quarantined."""
    if not db.has_table("incident_quarantine"):
        return pd.DataFrame(columns=["load_id", "source", "location", "finished_at"])
    return db.query(
        f"SELECT l.load_id, l.source, l.location, l.finished_at, l.rows_loaded,"
        f" (SELECT count(*) FROM incident_quarantine q WHERE q.load_id = l.load_id)"
        f" AS quarantined FROM load_log l WHERE l.outcome = 'ok' AND l.load_id IN ({_IMPORT_IDS})"
        f" ORDER BY l.load_id DESC"
    )


def quarantine(
    db: ReadOnlyDatabase, load_id: int | None = None, source: str | None = None
) -> pd.DataFrame:
    """Rejected rows with the reason, optionally for one import or one source."""
    if not db.has_table("incident_quarantine"):
        return pd.DataFrame(columns=["load_id", "source", "location", "row_no", "field", "reason"])
    parts, params = ["TRUE"], []
    if load_id is not None:
        parts.append("load_id = ?")
        params.append(load_id)
    if source:
        parts.append("source = ?")
        params.append(source)
    return db.query(
        "SELECT load_id, source, location, row_no, source_id, field, reason, raw"
        f" FROM incident_quarantine WHERE {' AND '.join(parts)} ORDER BY load_id DESC, row_no",
        params,
    )
