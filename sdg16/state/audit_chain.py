"""The audit log's hash chain: each entry carries the hash of the one before it, so an edit,
a deletion or a reordering made behind the database's back (triggers dropped, the file
edited) shows as a break that ``python -m sdg16 audit verify`` reports.

Pure functions over rows (no database): the SQLite state file uses them today and any other
state backend can, as long as it stores ``prev_hash`` and ``hash`` with each entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64  # the prev_hash of the first entry
# The fields a hash covers, in order. Not the id (PostgreSQL assigns it at insert): the chain
# is walked in id order, so a removed or reordered entry breaks the links all the same.
FIELDS = (
    "at", "actor", "role", "action", "what", "filters", "format", "rows", "detail", "origin",
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


def carry(rows: Iterable[dict]) -> str:
    """The running hash over ``rows`` in order: stored hashes where entries have one, computed
    for entries written before the chain existed (they have none)."""
    prev = GENESIS
    for row in rows:
        prev = row.get("hash") or entry_hash(prev, row)
    return prev


def verify(rows: Iterable[dict]) -> Verdict:
    """Walk entries in id order; the first one whose prev_hash or hash does not fit breaks.
    Entries from before the chain (no hash) may only come first; the first chained entry's
    prev_hash must then be the hash carried over them, so they are checked as well."""
    prev, count, chained = GENESIS, 0, False
    for row in rows:
        count += 1
        if row.get("hash") is None:
            if chained:
                why = "an entry without a hash after the chain began"
                return Verdict(count, row.get("id"), why)
            prev = entry_hash(prev, row)
            continue
        chained = True
        if row.get("prev_hash") != prev:
            why = "its prev_hash is not the hash of the entry before it (one was removed "
            why += "or changed, or entries were reordered)"
            return Verdict(count, row.get("id"), why)
        if entry_hash(prev, row) != row["hash"]:
            return Verdict(count, row.get("id"), "its content does not match its hash (edited)")
        prev = row["hash"]
    return Verdict(count)
