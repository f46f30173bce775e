"""Saved views and presentations, kept in the app's SQLite state file (not the DuckDB store).

The state file is shared with other features (users, audit), so the tables here are named
``presentation`` and ``presentation_view`` only. A view is a page path plus its query string:
every view is a link, so replaying one is opening that link.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from sdg16.core import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS presentation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS presentation_view (
    id INTEGER PRIMARY KEY,
    presentation_id INTEGER NOT NULL REFERENCES presentation(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page TEXT NOT NULL,
    query TEXT NOT NULL,
    title TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (presentation_id, position)
);
"""


@dataclass(frozen=True)
class View:
    page: str  # url path of the page, e.g. "home"
    params: dict[str, str]
    title: str
    note: str = ""

    def url(self, present: bool = True) -> str:
        """The relative link, in presenter mode by default."""
        params = {k: v for k, v in self.params.items() if k != "present"}
        if present:
            params["present"] = "1"
        query = urlencode(params)
        return f"/{self.page}" + (f"?{query}" if query else "")


def connect(path: Path | None = None) -> sqlite3.Connection:
    path = path or settings.state_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10)
    # WAL: readers never wait for the one writer (several sessions share the file).
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.executescript(SCHEMA)
    return con


def save_view(presentation: str, view: View, path: Path | None = None) -> int:
    """Append ``view`` to the named presentation (created if new); returns its 1-based position."""
    name = presentation.strip()
    if not name or not view.title.strip():
        raise ValueError("A presentation name and a view title are required.")
    with closing(connect(path)) as con, con:
        con.execute("INSERT OR IGNORE INTO presentation (name) VALUES (?)", (name,))
        (pid,) = con.execute("SELECT id FROM presentation WHERE name = ?", (name,)).fetchone()
        (last,) = con.execute(
            "SELECT COALESCE(MAX(position), 0) FROM presentation_view WHERE presentation_id = ?",
            (pid,),
        ).fetchone()
        params = {k: v for k, v in view.params.items() if k != "present"}
        con.execute(
            "INSERT INTO presentation_view (presentation_id, position, page, query, title, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (pid, last + 1, view.page, urlencode(params), view.title.strip(), view.note.strip()),
        )
        return last + 1


def names(path: Path | None = None) -> list[str]:
    with closing(connect(path)) as con:
        return [r[0] for r in con.execute("SELECT name FROM presentation ORDER BY name")]


def views(presentation: str, path: Path | None = None) -> list[View]:
    """The views of a presentation, in the order they were saved."""
    with closing(connect(path)) as con:
        rows = con.execute(
            "SELECT v.page, v.query, v.title, v.note FROM presentation_view v"
            " JOIN presentation p ON p.id = v.presentation_id WHERE p.name = ?"
            " ORDER BY v.position",
            (presentation,),
        ).fetchall()
    return [View(page, dict(parse_qsl(query)), title, note) for page, query, title, note in rows]
