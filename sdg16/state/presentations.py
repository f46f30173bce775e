"""Saved views and presentations, kept in the app's state database (not the DuckDB store).

The state database is shared with other features (users, audit), so the tables here are named
``presentation`` and ``presentation_view`` only. A view is a page path plus its query string:
every view is a link, so replaying one is opening that link.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import pandas as pd

from sdg16.state import statedb
from sdg16.state.statedb import Target

# Limits on a write every visitor sees (Save view is for signed-in viewers and above).
MAX_NAME, MAX_TITLE, MAX_NOTE = 80, 120, 500  # characters
MAX_VIEWS = 50  # views in one presentation
MAX_PRESENTATIONS = 100
SAVES_PER_HOUR = 30  # per user, counted in the audit log
DECK_VIEWS = 30  # views a PDF deck may hold (each one a browser screenshot)
DECKS_PER_WINDOW, DECK_WINDOW_S = 2, 10 * 60  # PDF decks per user per window


DEFAULT_PAGE = "home"  # sdg16.ui.registry's default page (state does not import the UI)
SHOW_KEYS = frozenset({"present", "deck", "slide"})  # how a view is shown, not what it shows


class LimitError(ValueError):
    """A write over one of the limits above; the message says which."""


@dataclass(frozen=True)
class View:
    page: str  # url path of the page, e.g. "home"
    params: dict[str, str]
    title: str
    note: str = ""

    def url(self, present: bool = True, deck: str | None = None, slide: int | None = None) -> str:
        """The relative link, in presenter mode by default; ``deck``/``slide`` add the
        presentation's Previous / Next bar (sdg16.ui.present.deck_bar)."""
        params = {k: v for k, v in self.params.items() if k not in SHOW_KEYS}
        if present:
            params["present"] = "1"
        if deck and slide:
            params.update({"deck": deck, "slide": str(slide)})
        query = urlencode(params)
        # The default page lives at "/": "/home" is Streamlit's "Page not found" dialog.
        path = "/" if self.page == DEFAULT_PAGE else f"/{self.page}"
        return path + (f"?{query}" if query else "")


def save_view(presentation: str, view: View, path: Target | None = None) -> int:
    """Append ``view`` to the named presentation (created if new); returns its 1-based position."""
    name = presentation.strip()
    if not name or not view.title.strip():
        raise ValueError("A presentation name and a view title are required.")
    for what, text, most in (
        ("presentation name", name, MAX_NAME),
        ("title", view.title.strip(), MAX_TITLE),
        ("note", view.note.strip(), MAX_NOTE),
    ):
        if len(text) > most:
            raise LimitError(f"The {what} is {len(text)} characters long; at most {most}.")
    with statedb.connect(path) as con, con.transaction():
        known = con.execute("SELECT id FROM presentation WHERE name = ?", (name,)).fetchone()
        (count,) = con.execute("SELECT count(*) FROM presentation").fetchone()
        if known is None and count >= MAX_PRESENTATIONS:
            raise LimitError(f"There are {count} presentations; at most {MAX_PRESENTATIONS}.")
        con.execute(
            "INSERT INTO presentation (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
        )
        (pid,) = con.execute("SELECT id FROM presentation WHERE name = ?", (name,)).fetchone()
        (last,) = con.execute(
            "SELECT COALESCE(MAX(position), 0) FROM presentation_view WHERE presentation_id = ?",
            (pid,),
        ).fetchone()
        if last >= MAX_VIEWS:
            raise LimitError(f"“{name}” has {last} views already; at most {MAX_VIEWS}.")
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


def _recent(user: str, action: str, window_s: float) -> int:
    """How often ``user`` did ``action`` in the last ``window_s`` seconds (audit log)."""
    from sdg16.state import audit  # here: audit is state too, and imports nothing of this module

    done = audit.entries(limit=1000, action=action, actor=user)
    since = pd.Timestamp.now(tz="UTC") - pd.Timedelta(seconds=window_s)
    return int((pd.to_datetime(done["at"], utc=True) > since).sum())


def check_rate(user: str) -> None:
    """At most SAVES_PER_HOUR saved views per user (an hour, counted in the audit log)."""
    if _recent(user, "save_view", 3600) >= SAVES_PER_HOUR:
        raise LimitError(f"At most {SAVES_PER_HOUR} saved views an hour; try again later.")


def check_deck(user: str, views: int) -> None:
    """A PDF deck runs a browser on the server: few views, few decks per user."""
    if views > DECK_VIEWS:
        raise LimitError(f"A PDF deck holds at most {DECK_VIEWS} views; this one has {views}.")
    if _recent(user, "deck", DECK_WINDOW_S) >= DECKS_PER_WINDOW:
        minutes = DECK_WINDOW_S // 60
        raise LimitError(f"At most {DECKS_PER_WINDOW} PDF decks in {minutes} minutes.")
