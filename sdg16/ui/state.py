"""The filter in the URL: read once per rerun, written back whenever a widget changes it."""

from __future__ import annotations

import streamlit as st

from loaders.incidents import taxonomy
from sdg16.filters import Filter, Vocabulary, parse_params
from sdg16.ui import cache, nav


@st.cache_data(max_entries=8, show_spinner=False)
def _vocabulary(store_version: str) -> Vocabulary:
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


def vocabulary() -> Vocabulary:
    return _vocabulary(cache.version())


def current_filter() -> Filter:
    """The filter the URL describes; unknown or invalid values are dropped with a notice."""
    f, notices = parse_params(st.query_params.to_dict(), vocabulary())
    for text in notices:
        st.toast(text, icon="⚠️")
        st.caption(f"⚠️ {text}")
    return f


def write_filter(f: Filter) -> None:
    """Make the URL describe ``f`` (only if it changed: each write is a browser history entry,
    and an unchanged one would rerun for nothing), and the menu's links carry it."""
    params = f.to_params()
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    nav.draw(params)
