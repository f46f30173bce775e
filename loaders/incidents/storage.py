"""Writing an incident batch inside the store's transaction (called by ``loaders.store``)."""

from __future__ import annotations

import duckdb

from loaders.incidents import cube
from loaders.incidents.model import (
    FLAG_COLUMNS,
    INCIDENT_COLUMNS,
    QUARANTINE_COLUMNS,
    IncidentBatch,
)


def write(con: duckdb.DuckDBPyConnection, batch: IncidentBatch, load_id: int) -> tuple[int, int]:
    """Insert rows not stored yet; return (inserted, duplicates). Same for quarantine rows.

    (source, source_id) identifies a report, so importing a file twice inserts nothing the
    second time. A rejected row is kept once per (source, location, row, reason). The
    aggregate (``loaders.incidents.cube``) is rebuilt in the same transaction.
    """
    new = batch.incidents.reindex(columns=list(INCIDENT_COLUMNS)).assign(load_id=load_id)
    batch_types = tuple(sorted({t for types in new["incident_types"] for t in types}))
    bits = cube.type_bits(con, batch_types)
    con.register("new_incident", new)
    before = con.execute("SELECT count(*) FROM incident").fetchall()[0][0]
    con.execute(
        f"INSERT INTO incident BY NAME SELECT n.*, {cube.mask_sql(bits, 'n.incident_types')}"
        " AS type_mask FROM new_incident n"
        " ANTI JOIN incident i ON i.source = n.source AND i.source_id = n.source_id"
        # Written in (country, occurred_at) order so DuckDB's per-row-group min/max (zone
        # maps) skip whole row groups when a view filters by country or date range.
        " ORDER BY n.country, n.occurred_at"
    ).fetchall()
    inserted = con.execute("SELECT count(*) FROM incident").fetchall()[0][0] - before
    q = batch.quarantine.reindex(columns=list(QUARANTINE_COLUMNS)).assign(load_id=load_id)
    con.register("new_quarantine", q)
    con.execute(
        "INSERT INTO incident_quarantine BY NAME SELECT n.* FROM new_quarantine n"
        " ANTI JOIN incident_quarantine q ON q.source = n.source AND q.location = n.location"
        " AND q.row_no IS NOT DISTINCT FROM n.row_no AND q.reason = n.reason"
    ).fetchall()
    flags = batch.flags.reindex(columns=list(FLAG_COLUMNS)).assign(load_id=load_id)
    con.register("new_flag", flags)
    con.execute(
        "INSERT INTO incident_flag BY NAME SELECT n.* FROM new_flag n"
        " ANTI JOIN incident_flag f ON f.source = n.source AND f.location = n.location"
        " AND f.row_no IS NOT DISTINCT FROM n.row_no AND f.note = n.note"
    ).fetchall()
    con.unregister("new_flag")
    con.unregister("new_incident")
    con.unregister("new_quarantine")
    cube.refresh(con)
    return int(inserted), len(new) - int(inserted)
