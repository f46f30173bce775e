"""The append-only audit log: who did what, when, on which view, in which format, how many rows.

Rows are only ever inserted; triggers (``sdg16/state/migrations/``) reject UPDATE and DELETE.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from sdg16 import statedb
from sdg16.roles import Role

COLUMNS = [
    *["id", "at", "actor", "role", "action", "what", "filters", "format", "rows", "detail"],
    "origin",  # the replica that wrote the entry
]


def record(
    actor: str,
    role: Role,
    action: str,
    what: str,
    *,
    filters: str = "",
    fmt: str = "",
    rows: int | None = None,
    detail: str = "",
    path: statedb.Target | None = None,
) -> int:
    """Append one entry and return its id."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    with statedb.connect(path) as con:
        (entry_id,) = con.execute(
            "INSERT INTO audit (at, actor, role, action, what, filters, format, rows, detail,"
            " origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (at, actor, role.label, action, what, filters, fmt, rows, detail, statedb.origin()),
        ).fetchone()
        return int(entry_id)


def entries(
    limit: int = 1000,
    action: str | None = None,
    actor: str | None = None,
    path: statedb.Target | None = None,
) -> pd.DataFrame:
    """Newest first."""
    where, params = [], []
    if action:
        where.append("action = ?")
        params.append(action)
    if actor:
        where.append("actor = ?")
        params.append(actor)
    sql = f"SELECT {', '.join(COLUMNS)} FROM audit"
    sql += (" WHERE " + " AND ".join(where)) if where else ""
    with statedb.connect(path) as con:
        rows = con.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["rows"] = frame["rows"].astype("Int64")  # whole numbers, blank where not an export
    return frame
