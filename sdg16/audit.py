"""The append-only audit log: who did what, when, on which view, in which format, how many rows,
and whether the file held free text or was public.

Rows are only ever inserted; triggers in ``statedb`` reject UPDATE, DELETE and any insert that
does not extend the hash chain (``sdg16.audit_chain``); ``python -m sdg16 audit verify``
checks the chain.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from sdg16 import audit_chain, statedb
from sdg16.roles import Role

COLUMNS = [
    "id", "at", "actor", "role", "action", "what", "filters", "format", "rows", "detail",
    "free_text", "public",
]  # fmt: skip


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
    free_text: bool | None = None,
    public: bool | None = None,
    path: Path | None = None,
) -> int:
    """Append one entry, chained to the last one, and return its id."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    flags = [None if v is None else int(v) for v in (free_text, public)]
    rows = None if rows is None else int(rows)  # numpy ints would not hash as stored
    with statedb.connect(path) as con:
        con.execute("BEGIN IMMEDIATE")  # one writer: the chain's last link cannot move under us
        try:
            last = con.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            seq = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
            new_id = max(seq[0] if seq else 0, last[0] if last else 0) + 1
            prev = last[1] if last else audit_chain.GENESIS
            entry = dict(
                zip(COLUMNS, [new_id, at, actor, role.label, action, what, filters, fmt, rows,
                              detail, *flags], strict=True)
            )  # fmt: skip
            con.execute(
                f"INSERT INTO audit ({', '.join(COLUMNS)}, prev_hash, hash)"
                f" VALUES ({', '.join('?' * (len(COLUMNS) + 2))})",
                (*entry.values(), prev, audit_chain.entry_hash(prev, entry)),
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return new_id


def verify(path: Path | None = None) -> audit_chain.Verdict:
    """Check the whole chain, oldest entry first."""
    with statedb.connect(path) as con:
        cur = con.execute(f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY id")
        names = [d[0] for d in cur.description]
        return audit_chain.verify(dict(zip(names, r, strict=True)) for r in cur)


def entries(
    limit: int = 1000,
    action: str | None = None,
    actor: str | None = None,
    path: Path | None = None,
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
