"""The audit log's hash chain: each entry carries the hash of the one before it, so an edit,
a deletion or a reordering made behind the database's back (triggers dropped, the file
edited) shows as a break that ``python -m sdg16 audit verify`` reports.

Pure functions over rows (no database): the SQLite state file uses them today and any other
state backend can, as long as it stores ``prev_hash`` and ``hash`` with each entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GENESIS = "0" * 64  # the prev_hash of the first entry
# The fields a hash covers, in order (id too: moving an entry changes its hash).
FIELDS = (
    "id", "at", "actor", "role", "action", "what", "filters", "format", "rows", "detail",
    "free_text", "public",
)  # fmt: skip


def entry_hash(prev_hash: str, entry: dict) -> str:
    """SHA-256 over the previous hash and the entry's fields as canonical JSON."""
    body = json.dumps([entry.get(k) for k in FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


@dataclass(frozen=True)
class Verdict:
    entries: int
    broken_at: int | None = None  # id of the first entry that does not fit the chain
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(rows: Iterable[dict], columns: Sequence[str] = FIELDS) -> Verdict:
    """Walk entries in id order; the first one whose prev_hash or hash does not fit breaks."""
    prev, count = GENESIS, 0
    for row in rows:
        count += 1
        if row.get("prev_hash") != prev:
            why = "its prev_hash is not the hash of the entry before it (one was removed "
            why += "or changed, or entries were reordered)"
            return Verdict(count, row.get("id"), why)
        if entry_hash(prev, row) != row.get("hash"):
            return Verdict(count, row.get("id"), "its content does not match its hash (edited)")
        prev = row["hash"]
    return Verdict(count)
