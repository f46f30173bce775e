"""Saved views and presentations, kept in the app's state database (not the DuckDB store).

The state database is shared with other features (users, audit), so the tables here are named
``presentation`` and ``presentation_view`` only. A view is a page path plus its query string:
every view is a link, so replaying one is opening that link.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from sdg16 import statedb
from sdg16.statedb import Target


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


def save_view(presentation: str, view: View, path: Target | None = None) -> int:
    """Append ``view`` to the named presentation (created if new); returns its 1-based position."""
    name = presentation.strip()
    if not name or not view.title.strip():
        raise ValueError("A presentation name and a view title are required.")
    with statedb.connect(path) as con, con.transaction():
        con.execute(
            "INSERT INTO presentation (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
        )
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


def names(path: Target | None = None) -> list[str]:
    with statedb.connect(path) as con:
        rows = con.execute("SELECT name FROM presentation ORDER BY name").fetchall()
    return [r[0] for r in rows]


def views(presentation: str, path: Target | None = None) -> list[View]:
    """The views of a presentation, in the order they were saved."""
    with statedb.connect(path) as con:
        rows = con.execute(
            "SELECT v.page, v.query, v.title, v.note FROM presentation_view v"
            " JOIN presentation p ON p.id = v.presentation_id WHERE p.name = ?"
            " ORDER BY v.position",
            (presentation,),
        ).fetchall()
    return [View(page, dict(parse_qsl(query)), title, note) for page, query, title, note in rows]


def delete(presentation: str, path: Target | None = None) -> None:
    with statedb.connect(path) as con:
        con.execute("DELETE FROM presentation WHERE name = ?", (presentation,))
