"""The append-only audit log: who did what, when, on which view, in which format, how many rows,
and whether the file held free text or was public.

Rows are only ever inserted; triggers (``sdg16/state/migrations/``) reject UPDATE, DELETE and
any insert that does not extend the hash chain (``sdg16.audit_chain``); ``python -m sdg16 audit
verify`` checks the chain. Works the same on SQLite and PostgreSQL (``sdg16.state.backend``).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from sdg16.state import audit_chain, statedb
from sdg16.state.roles import Role

COLUMNS = [
    *["id", "at", "actor", "role", "action", "what", "filters", "format", "rows", "detail"],
    "origin",  # the replica that wrote the entry
    "free_text",  # 1: the file held free text of reports
    "public",  # 1: a public file (small counts withheld), 0: restricted
]


def _last_hash(con: statedb.Connection) -> str:
    """The hash the next entry chains to. Entries older than the chain have none: then the
    chain is carried over them (audit_chain.carry) so they are covered too."""
    last = con.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        return audit_chain.GENESIS
    if last[0] is not None:
        return last[0]
    return audit_chain.carry(_rows(con))


def _rows(con: statedb.Connection):  # type: ignore[no-untyped-def]
    cur = con.execute(f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY id")
    for values in cur.fetchall():
        yield dict(zip([*COLUMNS, "prev_hash", "hash"], values, strict=True))


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
    path: statedb.Target | None = None,
) -> int:
    """Append one entry, chained to the last one, and return its id."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    entry = {
        "at": at, "actor": actor, "role": role.label, "action": action, "what": what,
        "filters": filters, "format": fmt, "rows": None if rows is None else int(rows),
        "detail": detail, "origin": statedb.origin(),
        "free_text": None if free_text is None else int(free_text),
        "public": None if public is None else int(public),
    }  # fmt: skip
    with statedb.connect(path) as con, con.transaction():
        if con.dialect == "postgresql":  # one writer at a time: the last link cannot move
            con.execute("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE")
        prev = _last_hash(con)
        names = [*entry, "prev_hash", "hash"]
        (entry_id,) = con.execute(
            f"INSERT INTO audit ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            " RETURNING id",
            (*entry.values(), prev, audit_chain.entry_hash(prev, entry)),
        ).fetchone()
        return int(entry_id)


def verify(path: statedb.Target | None = None) -> audit_chain.Verdict:
    """Check the whole chain, oldest entry first."""
    with statedb.connect(path) as con:
        return audit_chain.verify(_rows(con))


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
