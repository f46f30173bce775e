"""The filter in the URL: read once per rerun, written back whenever a widget changes it."""

from __future__ import annotations

import streamlit as st

from sdg16.core import taxonomy, textsafe
from sdg16.core.filters import Filter, Vocabulary, parse_params
from sdg16.ui import cache, nav


@cache.per_store(8)
def vocabulary() -> Vocabulary:
    geos = cache.all_geographies()
    cat = cache.indicator_catalog()
    return Vocabulary(
        series=frozenset(s.code for s in cat.all_series()),
        geos=frozenset(geos["geo_id"]),
        regions=frozenset(cache.regions()["code"]),
        dimension_values=cache.dimension_codes(),
        incident_types=frozenset(taxonomy.get().types),
        place_types=frozenset(taxonomy.get().place_types),
    )


_SHOWN = "sdg16_notices_shown"


def current_filter() -> Filter:
    """The filter the URL describes; unknown or invalid values are dropped with a notice."""
    f, notices = parse_params(st.query_params.to_dict(), vocabulary())
    for text in notices:
        notice(text)
    return f


def begin_run() -> None:
    """Called by app.py at the top of every run: notices are shown once per run, however
    many times a page reads the filter."""
    st.session_state[_SHOWN] = set()


def notice(text: str) -> None:
    """A notice about the link (toast and caption). It quotes URL values, so it is escaped
    (a value is text, never Markdown), shown once per run, and at most MAX_NOTICES a run:
    a hostile link cannot draw images or links, or make thousands of toasts."""
    shown = st.session_state.setdefault(_SHOWN, set())
    if text in shown:
        return
    shown.add(text)
    if len(shown) > textsafe.MAX_NOTICES:
        if len(shown) == textsafe.MAX_NOTICES + 1:
            st.toast(textsafe.md("More values in the link were ignored."), icon="⚠️")
        return
    st.toast(textsafe.md(text), icon="⚠️")
    st.caption("⚠️ " + textsafe.md(text))


def write_filter(f: Filter) -> None:
    """Make the URL describe ``f``, and the menu's links carry it (``write_params``)."""
    write_params(f.to_params())


def write_params(params: dict[str, str]) -> None:
    """Make the URL hold ``params``, and the menu's links carry their shared part.

    Only when it changed (each write is a browser history entry, and an unchanged one would
    rerun for nothing). In a page view's first run, not when ``params`` are just the opening
    URL with the page's defaults filled in: the same view, and a write would add a history
    entry that Back returns to without any visible change. (A link with values the page
    dropped is still rewritten, so what is copied from the address bar is what is shown.)"""
    nav.remember(params)
    current = st.query_params.to_dict()
    defaults_only = all(params.get(k) == v for k, v in current.items())
    if params != current and not (nav.first_view() and defaults_only):
        st.query_params.from_dict(params)
    nav.draw(params)
